"""A damaged bookmarks file is never written over: moved aside, the newest backup restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.core.bookmark_db import BACKUPS_KEPT, backups
from briefreader.core.bookmarks import BookmarkStore
from briefreader.core.models import Article
from briefreader.core.reader import read_article


def fism_article(seeds_dir: Path) -> Article:
    result = read_article(seeds_dir / "fism-iran-crimea-drones.txt")
    assert isinstance(result, Article)
    return result


def save_three(db_path: Path, article: Article) -> None:
    store = BookmarkStore(db_path)
    for paragraph in range(3):
        store.add(article, paragraph, note=f"note {paragraph}")
    store.close()


def damage_header(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[:100] = b"\x00garbage" * 12 + b"junk"
    db_path.write_bytes(bytes(data))


def damage_pages(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data), 7):
        data[offset] = (data[offset] + 91) % 256
    db_path.write_bytes(bytes(data))


def test_a_backup_is_made_only_when_something_changed(tmp_path: Path, seeds_dir: Path) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    save_three(db_path, fism_article(seeds_dir))
    assert len(backups(db_path)) == 1
    unchanged = BookmarkStore(db_path)
    assert len(unchanged.all()) == 3
    unchanged.close()
    assert len(backups(db_path)) == 1


def test_only_the_newest_backups_are_kept(tmp_path: Path, seeds_dir: Path) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    article = fism_article(seeds_dir)
    for round_ in range(BACKUPS_KEPT + 3):
        store = BookmarkStore(db_path)
        store.add(article, round_ % 10)
        store.close()
    kept = backups(db_path)
    assert len(kept) == BACKUPS_KEPT
    newest = BookmarkStore(kept[0], read_only=True)
    assert len(newest.all()) == BACKUPS_KEPT + 3
    newest.close()


@pytest.mark.parametrize("damage", [damage_header, damage_pages], ids=["header", "pages"])
def test_a_damaged_file_is_moved_aside_untouched_and_the_backup_restored(
    tmp_path: Path, seeds_dir: Path, damage
) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    save_three(db_path, fism_article(seeds_dir))
    damage(db_path)
    damaged_bytes = db_path.read_bytes()

    store = BookmarkStore(db_path)
    notes = sorted(b.note for b in store.all())
    brief = store.export_markdown()
    [notice] = store.notices
    store.close()

    assert notes == ["note 0", "note 1", "note 2"]
    assert "note 2" in brief
    assert notice.startswith(
        "the bookmarks database was damaged: moved it to bookmarks.sqlite3.damaged-"
    )
    assert "restored 3 bookmarks from the backup" in notice
    [kept] = tmp_path.glob("bookmarks.sqlite3.damaged-*[0-9]")
    assert kept.read_bytes() == damaged_bytes


def test_with_no_backup_the_damaged_file_is_kept_and_an_empty_store_started(tmp_path: Path) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    db_path.write_bytes(b"this is not a database at all" * 200)
    store = BookmarkStore(db_path)
    assert store.all() == ()
    [notice] = store.notices
    store.close()
    assert "there is no backup" in notice
    [kept] = tmp_path.glob("bookmarks.sqlite3.damaged-*[0-9]")
    assert kept.read_bytes() == b"this is not a database at all" * 200


def test_a_backup_can_be_read_and_exported_directly(tmp_path: Path, seeds_dir: Path) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    save_three(db_path, fism_article(seeds_dir))
    [backup] = backups(db_path)
    before = backup.read_bytes()
    store = BookmarkStore(backup, read_only=True)
    assert "note 1" in store.export_markdown()
    store.close()
    assert backup.read_bytes() == before
