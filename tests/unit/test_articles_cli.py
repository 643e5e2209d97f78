"""`briefreader articles`: a table for people, JSON for scripts, skips on stderr, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "fixtures" / "html" / "bignews-port-strike.html"
STORY = "Harbour reopens after repairs\n\nBy Ana Lima\n\nThe harbour reopened on Tuesday.\n"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    (folder / "nested").mkdir(parents=True)
    (folder / "harbour.txt").write_text(STORY)
    shutil.copy(PAGE, folder / "nested" / "strike.html")
    (folder / "empty.md").write_text("")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return folder


def test_json_has_the_documented_shape(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--json", str(library)]) == 0
    out, err = capsys.readouterr()
    articles = {Path(a["path"]).name: a for a in json.loads(out)}
    assert sorted(articles) == ["harbour.txt", "strike.html"]
    for article in articles.values():
        assert {"path", "title", "author", "source", "published", "url", "sections"} <= set(article)
        for section in article["sections"]:
            assert set(section) >= {"heading", "topics", "paragraphs"}
            assert all(isinstance(p, str) for p in section["paragraphs"])
    strike = articles["strike.html"]
    assert strike["title"] == "Dockworkers strike shuts three West Coast ports as talks stall"
    assert [s["heading"] for s in strike["sections"]] == [
        None,
        "Automation at the center",
        "What happens next",
    ]
    assert articles["harbour.txt"]["author"] == "Ana Lima"
    # The skipped file is on stderr with its reason; stdout stays pure JSON.
    assert "empty.md: empty file" in err
    assert "photo.jpg" not in out


def test_table_for_people(
    library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["articles", str(library)]) == 0
    out, err = capsys.readouterr()
    assert "Harbour reopens after repairs" in out
    assert "Dockworkers strike" in out
    assert "The Daily Meridian" in out
    assert "2024-03-05" in out
    assert "Ana Lima" in out
    assert "empty.md: empty file" in err
    assert not out.lstrip().startswith("[")


def test_single_files_can_be_named(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--json", str(library / "harbour.txt")]) == 0
    articles = json.loads(capsys.readouterr().out)
    assert [a["title"] for a in articles] == ["Harbour reopens after repairs"]


def test_missing_path_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["articles", str(tmp_path / "nowhere")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "nowhere" in err and "no such file or folder" in err


def test_nothing_readable_is_exit_1_with_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["articles", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err
    assert "no article could be read" in err
    assert "Traceback" not in err


def test_escape_sequences_in_file_names_and_titles_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    name = os.fsdecode(b"evil\x1b]0;pwned\x07\xff.txt")
    (tmp_path / name).write_text("Title \x1b[2J with clear\n\nBody text \x1b[31mred\x1b[0m here.\n")
    (tmp_path / os.fsdecode(b"broken\xff.txt")).write_text("")
    for args in (["articles", str(tmp_path)], ["articles", "--json", str(tmp_path)]):
        assert main(args) == 0
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err
        assert "Title with clear" in out
        assert "broken\ufffd.txt: empty file" in err


def test_the_installed_console_script(library: Path) -> None:
    script = Path(sys.executable).with_name("briefreader")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "briefreader"]
    done = subprocess.run(
        [*command, "articles", "--json", str(library)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    titles = sorted(a["title"] for a in json.loads(done.stdout))
    assert titles == [
        "Dockworkers strike shuts three West Coast ports as talks stall",
        "Harbour reopens after repairs",
    ]
    assert "empty.md: empty file" in done.stderr
    missing = subprocess.run(
        [*command, "articles", str(library / "gone")], capture_output=True, text=True, timeout=120
    )
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "gone" in missing.stderr
