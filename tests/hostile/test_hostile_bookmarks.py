"""Bookmarks are the user's own work: damaged files, read-only folders and hang-ups lose none."""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_support import CAN_DROP_ROOT, Corpus, run_briefreader, unsafe_characters

from briefreader.core.bookmarks import BookmarkStore
from briefreader.core.models import Article
from briefreader.core.reader import read_article
from briefreader.paths import Paths

CHILD = Path(__file__).with_name("bookmark_child.py")
HOSTILE_NOTES = [
    "[@click=app.quit]quit[/] [link=https://x]y[/link]",
    "clipboard \x1b]52;c;UFdORUQ=\x07 and title \x1b]0;PWNED\x07 and \x9b2J",
    "[/bold] trailing backslash \\",
]


@pytest.fixture
def article_path(light_corpus: Corpus) -> Path:
    return light_corpus.path(light_corpus.case("markup in title, body, heading, quote"))


def database() -> Path:
    return Paths.from_environment().bookmarks_db


def save_bookmarks(article_path: Path, notes: list[str]) -> list[str]:
    article = read_article(article_path)
    assert isinstance(article, Article)
    store = BookmarkStore(database())
    for number, note in enumerate(notes):
        paragraph, start = distinct_passage(article, number, skip=1)
        store.add(article, paragraph, start, note=note)
    store.close()  # writes the backup copy, as quitting the app does
    return notes


def distinct_passage(article: Article, number: int, skip: int = 0) -> tuple[int, int]:
    """A paragraph and a start for the number-th bookmark: each one on different words.

    The store refuses two bookmarks on the same words, so rounds over the paragraphs start
    one visible character later each time; `skip` leaves the first starts (whole paragraphs).
    """
    paragraph = number % len(article.paragraphs)
    text = article.paragraphs[paragraph].text
    starts = [i for i, c in enumerate(text) if not c.isspace()]
    return paragraph, starts[number // len(article.paragraphs) + skip]


def saved_notes() -> list[str]:
    store = BookmarkStore(database())
    try:
        return sorted(bookmark.note for bookmark in store.all())
    finally:
        store.close()


def garbage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = b"this is not a database" * 4 + b"\x00" * 12
    path.write_bytes(bytes(data))


def truncated(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(1000)


def random_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    noise = random.Random(5).randbytes(len(data) - 4096)
    data[4096:] = noise
    path.write_bytes(bytes(data))


def notices(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("briefreader: ")]


@pytest.mark.parametrize("damage", [garbage_header, truncated, random_pages])
def test_a_damaged_database_is_set_aside_and_restored_from_the_backup(
    damage: Callable[[Path], None], article_path: Path, tmp_path: Path
) -> None:
    notes = save_bookmarks(article_path, HOSTILE_NOTES + [f"note {n}" for n in range(5)])
    damage(database())
    result = run_briefreader(["bookmarks", "list", "--json"], tmp_path, drop_root=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (notice,) = notices(result.stderr)
    assert "damaged" in notice and "restored" in notice
    assert sorted(item["note"] for item in json.loads(result.stdout)) == sorted(notes)
    assert list(database().parent.glob(database().name + ".damaged-*"))


def test_without_a_backup_the_damaged_file_is_kept_untouched(
    article_path: Path, tmp_path: Path
) -> None:
    save_bookmarks(article_path, ["kept"])
    shutil.rmtree(database().parent / "bookmark-backups")
    garbage_header(database())
    damaged_bytes = database().read_bytes()
    result = run_briefreader(["bookmarks", "list", "--json"], tmp_path, drop_root=False)
    assert "Traceback" not in result.stderr
    (notice,) = notices(result.stderr)
    assert "no backup" in notice
    (kept,) = database().parent.glob(database().name + ".damaged-*")
    assert kept.read_bytes() == damaged_bytes


def test_a_read_only_data_dir_loses_nothing_and_says_why(
    article_path: Path, tmp_path: Path
) -> None:
    if not CAN_DROP_ROOT:
        pytest.fail("running as root, this test needs setpriv (util-linux) to drop that power")
    notes = save_bookmarks(article_path, ["first", "second", "third"])
    folders = [database().parent, database().parent / "bookmark-backups"]
    for path in database().parent.rglob("*"):
        path.chmod(0o444 if path.is_file() else 0o555)
    for folder in folders:
        folder.chmod(0o555)
    try:
        listing = run_briefreader(["bookmarks", "list", "--json"], tmp_path)
        adding = run_briefreader(
            ["bookmarks", "add", str(article_path), "--paragraph", "1", "--note", "new"], tmp_path
        )
    finally:
        for path in [*folders, *database().parent.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    for result in (listing, adding):
        assert "Traceback" not in result.stderr
        if result.returncode:
            assert result.returncode == 1
            (line,) = result.stderr.splitlines()
            assert "read-only" in line, line
    assert adding.returncode == 1
    if listing.returncode == 0:
        assert sorted(item["note"] for item in json.loads(listing.stdout)) == sorted(notes)
    assert saved_notes() == sorted(notes)


@pytest.mark.parametrize("after", [1, 5, 12])
def test_sighup_while_saving_loses_no_saved_bookmark(
    after: int, article_path: Path, tmp_path: Path
) -> None:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(article_path), str(database()), "40"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        lines.append(line)
        if sum(line.startswith("saved") for line in lines) == after:
            break
    child.send_signal(signal.SIGHUP)
    rest, _ = child.communicate(timeout=30)
    lines += rest.splitlines()
    reported = {int(line.split()[1]): line.split()[2] for line in lines if line.startswith("saved")}
    assert child.returncode == -signal.SIGHUP or "done" in rest

    store = BookmarkStore(database())
    try:
        found = {bookmark.id: bookmark.note for bookmark in store.all()}
    finally:
        store.close()
    assert store.notices == []  # not damaged
    for identifier, number in reported.items():
        assert found.get(identifier) == f"note {number}"
    assert len(found) <= len(reported) + 1  # at most the save the hang-up interrupted
    with sqlite3.connect(database()) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_hostile_notes_and_titles_reach_the_terminal_safely(
    article_path: Path, tmp_path: Path
) -> None:
    save_bookmarks(article_path, HOSTILE_NOTES)
    for args in (["bookmarks", "list"], ["bookmarks", "export"], ["bookmarks", "list", "--json"]):
        result = run_briefreader(args, tmp_path, drop_root=False)
        assert result.returncode == 0, result.stderr
        assert "[@click=app.quit]" in result.stdout  # markup shown as text
        for line in (result.stdout + result.stderr).splitlines():
            assert not unsafe_characters(line), (args, line)
