"""`briefreader bookmarks`: add, list, export, import and remove from the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.core.bookmarks import BookmarkStore
from briefreader.core.models import Article
from briefreader.core.reader import read_article
from briefreader.paths import Paths


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
    assert (code, out) == (
        0,
        "imported 0 new bookmarks, updated 0, 1 already present, 0 skipped\n",
    )
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 1


def test_a_passage_bookmarked_in_the_reader_is_not_bookmarked_twice(
    capsys: pytest.CaptureFixture[str], fism: str
) -> None:
    article = read_article(Path(fism))
    assert isinstance(article, Article)
    store = BookmarkStore(Paths.from_environment().bookmarks_db)
    store.add(article, 1)  # what `m` on ¶ 2 in the reader saves
    store.close()
    code, out, err = run(capsys, "add", fism, "--paragraph", "1", "--note", "again")
    assert (code, out) == (1, "")
    assert err == "briefreader: ¶ 2 of Fism iran crimea drones is already bookmarked (bookmark 1)\n"
    code, out, err = run(
        capsys, "add", fism, "--quote", "it's the Russians who are doing the piloting"
    )
    assert code == 0 and out.startswith("saved bookmark 2:")
    code, out, err = run(
        capsys, "add", fism, "--quote", "it’s the Russians who are doing the piloting"
    )
    assert code == 1 and "already bookmarked (bookmark 2)" in err
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 2


def test_the_list_counts_paragraphs_from_1_like_the_reader(
    capsys: pytest.CaptureFixture[str], fism: str
) -> None:
    run(capsys, "add", fism, "--paragraph", "0")
    run(capsys, "add", fism, "--paragraph", "4")
    code, out, _ = run(capsys, "list")
    assert code == 0
    rows = [[c.strip() for c in line.strip("│").split("│")] for line in out.splitlines()
            if line.startswith("│")]  # fmt: skip
    assert [row[3] for row in rows] == ["1", "5"]
    code, out, _ = run(capsys, "list", "--json")
    assert [b["paragraph"] for b in json.loads(out)] == [0, 4]


def test_importing_a_file_that_is_not_an_export_is_one_error_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, content in (("numbers.json", "[1, 2]"), ("other.json", '{"a": 1}'),
                          ("strings.json", '["x", {"y": 1}]')):  # fmt: skip
        path = tmp_path / name
        path.write_text(content)
        code, out, err = run(capsys, "import", str(path))
        assert (code, out) == (1, "")
        assert err == f"briefreader: cannot import {path}: not a briefreader bookmarks export\n"
    code, out, _ = run(capsys, "list", "--json")
    assert json.loads(out) == []


def test_importing_an_export_counts_what_was_imported_and_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mixed.json"
    record = {"path": "/gone/a.txt", "quote": "Some words", "paragraph": 0, "uid": "u1"}
    path.write_text(json.dumps([record, 7]))
    code, out, err = run(capsys, "import", str(path))
    assert (code, out) == (0, "imported 1 new bookmark, updated 0, 0 already present, 1 skipped\n")
    assert err == "briefreader: bookmark 2 skipped: not an object\n"


def test_export_by_topic_is_for_markdown_only(
    capsys: pytest.CaptureFixture[str], fism: str
) -> None:
    run(capsys, "add", fism, "--paragraph", "1")
    with pytest.raises(SystemExit) as usage:
        main(["bookmarks", "export", "--format", "json", "--by", "article"])
    out, err = capsys.readouterr()
    assert (usage.value.code, out) == (2, "")
    assert err.splitlines()[-1].endswith("--by groups the Markdown brief; it does not apply to "
                                         "--format json")  # fmt: skip
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0 and json.loads(out)["format"] == "briefreader-bookmarks"


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
