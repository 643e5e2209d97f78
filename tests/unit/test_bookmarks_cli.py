"""`briefreader bookmarks`: add, list, export, import and remove from the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefreader.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["bookmarks", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fism(seeds_dir: Path) -> str:
    return str(seeds_dir / "fism-iran-crimea-drones.txt")


@pytest.fixture
def hill(seeds_dir: Path) -> str:
    return str(seeds_dir / "thehill-putin-reliance-on-iran.txt")


def test_add_a_quote_and_a_paragraph_then_list_them_as_json(
    capsys: pytest.CaptureFixture[str], fism: str, hill: str
) -> None:
    code, out, _ = run(capsys, "add", fism, "--quote", "it's the Russians who are doing the piloting",
                       "--note", "Iran trains, Russia flies.", "--tag", "iran", "--tag", "crimea")  # fmt: skip
    assert (code, out) == (0, "saved bookmark 1: it’s the Russians who are doing the piloting\n")
    assert run(capsys, "add", hill, "--paragraph", "3")[0] == 0
    code, out, _ = run(capsys, "list", "--json")
    first, second = json.loads(out)
    assert {
        k: first[k] for k in ("id", "title", "quote", "note", "tags", "status", "paragraph")
    } == {
        "id": 1,
        "title": "Fism iran crimea drones",
        "quote": "it’s the Russians who are doing the piloting",
        "note": "Iran trains, Russia flies.",
        "tags": ["iran", "crimea"],
        "status": "anchored",
        "paragraph": 1,
    }
    assert first["path"] == fism
    assert (second["id"], second["paragraph"], second["note"]) == (2, 3, "")


def test_the_list_shows_status_and_note_in_a_table(
    capsys: pytest.CaptureFixture[str], fism: str
) -> None:
    run(capsys, "add", fism, "--paragraph", "0", "--note", "lead")
    Path(fism).unlink()
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "orphan" in out and "lead" in out and "The White House" in out


def test_export_a_brief_to_a_file_and_say_where(
    capsys: pytest.CaptureFixture[str], fism: str, tmp_path: Path
) -> None:
    run(capsys, "add", fism, "--paragraph", "1", "--note", "Kirby's line")
    target = tmp_path / "brief.md"
    code, out, err = run(capsys, "export", "-o", str(target), "--by", "topic")
    assert code == 0 and out == ""
    assert err.strip().startswith("exported 1 bookmark to ")
    brief = target.read_text(encoding="utf-8")
    assert brief.startswith("# Brief")
    assert "## Drones" in brief and "Kirby's line" in brief


def test_json_export_imports_back_without_duplicates(
    capsys: pytest.CaptureFixture[str], fism: str, tmp_path: Path
) -> None:
    run(capsys, "add", fism, "--paragraph", "2", "--note", "sanctions")
    exported = tmp_path / "bookmarks.json"
    run(capsys, "export", "--format", "json", "-o", str(exported))
    code, out, _ = run(capsys, "import", str(exported))
    assert (code, out) == (0, "imported 0 new bookmarks, updated 0, 1 already present\n")
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 1


def test_remove_by_id(capsys: pytest.CaptureFixture[str], fism: str) -> None:
    run(capsys, "add", fism, "--paragraph", "2")
    code, out, _ = run(capsys, "remove", "1")
    assert code == 0 and out.startswith("removed bookmark 1: He added")
    assert json.loads(run(capsys, "list", "--json")[1]) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "{fism}", "--quote", "words nowhere in it"],
            "the quoted text is not in the article",
        ),
        (
            ["add", "{fism}", "--paragraph", "99"],
            "no paragraph 99 (the article has paragraphs 0 to 13)",
        ),
        (["add", "missing.txt", "--paragraph", "0"], "missing.txt: no such file"),
        (["remove", "7"], "cannot remove bookmark 7: there is no such bookmark"),
        (["import", "missing.json"], "cannot read missing.json: No such file or directory"),
    ],
)
def test_mistakes_are_one_line_on_stderr_with_exit_1(
    capsys: pytest.CaptureFixture[str], fism: str, args: list[str], message: str,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *[a.format(fism=fism) for a in args])
    assert code == 1 and out == ""
    assert err.endswith(f"{message}\n") and err.count("\n") == 1


def test_a_quote_and_a_paragraph_together_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], fism: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["bookmarks", "add", fism, "--quote", "x", "--paragraph", "1"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_damaged_database_is_reported_in_one_line_and_the_backup_used(
    capsys: pytest.CaptureFixture[str], fism: str
) -> None:
    run(capsys, "add", fism, "--paragraph", "1", "--note", "precious")
    db_path = Path(os.environ["BRIEFREADER_DATA_DIR"]) / "bookmarks.sqlite3"
    db_path.write_bytes(b"\x00" * 4096)
    code, out, err = run(capsys, "export")
    assert code == 0 and "precious" in out
    assert err.startswith("briefreader: the bookmarks database was damaged: moved it to ")
    assert err.count("\n") == 1


def test_a_backup_can_be_exported_with_database(
    capsys: pytest.CaptureFixture[str], fism: str
) -> None:
    run(capsys, "add", fism, "--paragraph", "1", "--note", "in the backup")
    [backup] = (Path(os.environ["BRIEFREADER_DATA_DIR"]) / "bookmark-backups").iterdir()
    code, out, _ = run(capsys, "export", "--database", str(backup))
    assert code == 0 and "in the backup" in out
