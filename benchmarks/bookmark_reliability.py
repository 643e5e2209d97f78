"""Bookmarks under stress: SIGKILL at random moments, and several writers at once.

Run: .venv/bin/python benchmarks/bookmark_reliability.py [KILLS] [WRITERS] [OPERATIONS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from bookmark_writers import (  # noqa: E402
    check_after_kill,
    kill_writer_after,
    replay,
    start_together,
)

from briefreader.core.bookmarks import BookmarkStore  # noqa: E402
from briefreader.core.models import Article  # noqa: E402
from briefreader.core.reader import read_article  # noqa: E402


def kill_loop(kills: int, folder: Path) -> None:
    article = read_article(ROOT / "articles" / "fism-iran-crimea-drones.txt")
    assert isinstance(article, Article)
    db_path = folder / "kills.sqlite3"
    rng = random.Random(1)
    saved: dict[int, str | None] = {}
    began = time.perf_counter()
    for trial in range(kills):
        lines = kill_writer_after(db_path, article, trial, rng.randint(0, 60))
        replay([line.strip() for line in lines], saved, set())
        check_after_kill(db_path, saved, f"trial {trial}")
    edits = sum(note is not None for note in saved.values())
    print(f"kill loop: {kills} SIGKILLs, {len(saved)} bookmarks reported saved ({edits} edited), "
          f"all present, integrity_check ok every time; {time.perf_counter() - began:.1f}s")  # fmt: skip


def concurrent(writers: int, operations: int, folder: Path) -> None:
    db_path = folder / "concurrent.sqlite3"
    article = ROOT / "articles" / "thehill-putin-reliance-on-iran.txt"
    began = time.perf_counter()
    names = [chr(ord("a") + n) for n in range(writers)]
    children = start_together(db_path, article, list(enumerate(names)), operations)
    saved: dict[int, str | None] = {}
    removed: set[int] = set()
    errors = 0
    for child in children:
        out, err = child.communicate()
        errors += child.returncode != 0 or "locked" in err
        replay(out.splitlines(), saved, removed)
    store = BookmarkStore(db_path)
    kept = {b.id: b.note for b in store.all()}
    store.close()
    expected = set(saved) - removed
    wrong_notes = sum(1 for i in expected if saved[i] is not None and kept.get(i) != saved[i])
    print(f"concurrent: {writers} processes × {operations} operations; {len(saved)} added, "
          f"{len(removed)} removed, {len(kept)} kept (expected {len(expected)}), "
          f"missing {len(expected - set(kept))}, extra {len(set(kept) - expected)}, "
          f"wrong notes {wrong_notes}, failed processes or 'locked' {errors}; "
          f"{time.perf_counter() - began:.1f}s")  # fmt: skip


def main() -> None:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    writers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    operations = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    with tempfile.TemporaryDirectory() as folder:
        kill_loop(kills, Path(folder))
        concurrent(writers, operations, Path(folder))


if __name__ == "__main__":
    main()
