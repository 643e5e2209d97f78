"""Bookmarks across processes: killed at random moments, and two writers at once."""

from __future__ import annotations

import random
from pathlib import Path

from bookmark_writers import check_after_kill, kill_writer_after, replay, start_together

from briefreader.core.bookmarks import BookmarkStore
from briefreader.core.models import Article
from briefreader.core.reader import read_article

KILL_TRIALS = 25


def test_killed_at_random_moments_no_bookmark_reported_saved_is_lost(
    tmp_path: Path, seeds_dir: Path
) -> None:
    article = read_article(seeds_dir / "fism-iran-crimea-drones.txt")
    assert isinstance(article, Article)
    db_path = tmp_path / "bookmarks.sqlite3"
    rng = random.Random(6)
    saved: dict[int, str | None] = {}
    for trial in range(KILL_TRIALS):
        lines = kill_writer_after(db_path, article, trial, rng.randint(0, 40))
        assert not any(line.startswith("failed") for line in lines), lines
        replay([line.strip() for line in lines], saved, set())
        check_after_kill(db_path, saved, f"trial {trial}")
    assert len(saved) > KILL_TRIALS  # the writers really saved things between kills


def test_two_processes_writing_at_once_lose_nothing_and_never_say_locked(
    tmp_path: Path, seeds_dir: Path
) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    article = seeds_dir / "thehill-putin-reliance-on-iran.txt"
    writers = start_together(db_path, article, ((1, "a"), (2, "b")), 60)
    saved: dict[int, str | None] = {}
    removed: set[int] = set()
    for writer in writers:
        out, err = writer.communicate()
        assert writer.returncode == 0, err
        assert "locked" not in err and "busy" not in err
        lines = out.splitlines()
        assert lines[-1] == "done"
        replay(lines, saved, removed)

    store = BookmarkStore(db_path)
    kept = {b.id: b.note for b in store.all()}
    store.close()
    assert set(kept) == set(saved) - removed
    for bookmark_id, note in kept.items():
        if saved[bookmark_id] is not None:
            assert note == saved[bookmark_id]
    assert len(saved) > 60  # both wrote
