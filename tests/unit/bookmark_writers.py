"""Processes writing bookmarks, killed or side by side, and what they reported saved."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from briefreader.core.bookmarks import AlreadyBookmarked, Bookmark, BookmarkStore
from briefreader.core.models import Article


def add_random_passage(
    store: BookmarkStore, article: Article, rng: random.Random, note: str = ""
) -> Bookmark | None:
    """Bookmark a random stretch of a random paragraph; None when it is bookmarked already."""
    paragraph = rng.randrange(len(article.paragraphs))
    length = len(article.paragraphs[paragraph].text)
    start, end = rng.randrange(length // 2), rng.randint(length // 2 + 1, length)
    try:
        return store.add(article, paragraph, start, end, note=note)
    except AlreadyBookmarked:  # the store refuses a second bookmark on the same words
        return None


# A briefreader process adding, editing and removing bookmarks; it prints each change once
# committed, which is the moment the user is told "saved".
WRITER = r"""
import random, sys
from pathlib import Path
from briefreader.core.bookmarks import AlreadyBookmarked, BookmarkStore
from briefreader.core.reader import read_article

db_path, article_path, seed, name, operations = sys.argv[1:6]
rng = random.Random(int(seed))
store = BookmarkStore(Path(db_path))
article = read_article(Path(article_path))


def add_random_passage(store, article, rng, note):
    paragraph = rng.randrange(len(article.paragraphs))
    length = len(article.paragraphs[paragraph].text)
    start, end = rng.randrange(length // 2), rng.randint(length // 2 + 1, length)
    try:
        return store.add(article, paragraph, start, end, note=note)
    except AlreadyBookmarked:
        return None

mine = []
print("ready", flush=True)
sys.stdin.readline()  # wait for "go": writers start together, and idle ones use no CPU
for step in range(int(operations)):
    choice = rng.random()
    if mine and choice < 0.3:
        bookmark_id = rng.choice(mine)
        store.update(bookmark_id, note=f"{name} edit {step}")
        print(f"edited {bookmark_id} {name} edit {step}", flush=True)
    elif mine and choice < 0.4:
        bookmark_id = mine.pop(rng.randrange(len(mine)))
        store.remove(bookmark_id)
        print(f"removed {bookmark_id}", flush=True)
    else:
        bookmark = add_random_passage(store, article, rng, note=f"{name} note {step}")
        if bookmark is not None:
            mine.append(bookmark.id)
            print(f"saved {bookmark.id}", flush=True)
store.close()
print("done", flush=True)
"""


def start_writer(
    db_path: Path, article: Path, seed: int, name: str, operations: int
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(article), str(seed), name, str(operations)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def replay(lines: list[str], saved: dict[int, str | None], removed: set[int]) -> None:
    """What the writer told the user: ids saved, the last note of each edit, ids removed."""
    for line in lines:
        word, _, rest = line.partition(" ")
        if word == "saved":
            saved.setdefault(int(rest), None)
        elif word == "edited":
            bookmark_id, _, note = rest.partition(" ")
            saved[int(bookmark_id)] = note
        elif word == "removed":
            removed.add(int(rest))


def start_together(
    db_path: Path, article: Path, writers: Sequence[tuple[int, str]], operations: int
) -> list[subprocess.Popen[str]]:
    """Writer processes (seed, name) that begin their operations at the same moment."""
    started = [start_writer(db_path, article, seed, name, operations) for seed, name in writers]
    for writer in started:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in started:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    return started


def kill_writer_after(db_path: Path, article: Article, seed: int, lines: int) -> list[str]:
    """Fork a writer, SIGKILL it once it reported `lines` changes, and return all it printed."""
    child, pipe = fork_writer(db_path, article, seed)
    printed = [pipe.readline() for _ in range(lines)]
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    # Everything printed was printed after its commit, so all of it counts as saved.
    printed += pipe.readlines()
    pipe.close()
    return printed


def fork_writer(db_path: Path, article: Article, seed: int) -> tuple[int, TextIO]:
    """A child process adding and editing bookmarks, reporting each change after its commit."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the writer: its own store and connections, opened after the fork
        os.close(read_end)
        try:
            write_forever(db_path, article, seed, write_end)
        except BaseException as error:  # noqa: BLE001 - the parent sees it as a line
            os.write(write_end, f"failed {error!r}\n".encode())
        finally:
            os._exit(1)
    os.close(write_end)
    return child, os.fdopen(read_end, encoding="utf-8")


def write_forever(db_path: Path, article: Article, seed: int, out: int) -> None:
    rng = random.Random(seed)
    store = BookmarkStore(db_path)
    mine: list[int] = []
    for step in range(10_000):
        if mine and rng.random() < 0.3:
            bookmark_id = rng.choice(mine)
            store.update(bookmark_id, note=f"solo edit {step}")
            os.write(out, f"edited {bookmark_id} solo edit {step}\n".encode())
        else:
            bookmark = add_random_passage(store, article, rng)
            if bookmark is not None:
                mine.append(bookmark.id)
                os.write(out, f"saved {bookmark.id}\n".encode())


def check_after_kill(db_path: Path, saved: dict[int, str | None], where: str) -> None:
    """The file is sound and holds every bookmark and edit the writer reported."""
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = BookmarkStore(db_path)
    kept = {b.id: b.note for b in store.all()}
    assert store.notices == []
    store.close()
    assert set(saved) <= set(kept), f"{where}: lost {set(saved) - set(kept)}"
    for bookmark_id, note in saved.items():
        if note is not None:  # the edit reported, or a later one not yet reported
            reported_step = int(note.rsplit(" ", 1)[1])
            assert int(kept[bookmark_id].rsplit(" ", 1)[1]) >= reported_step, where
