"""The bookmark store: saving, changing, removing, surviving edits, renames and odd file names."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from briefreader.core.bookmarks import AlreadyBookmarked, BookmarkError, BookmarkStore
from briefreader.core.library import Library
from briefreader.core.models import Article
from briefreader.core.reader import read_article
from briefreader.paths import Paths


def article_at(path: Path) -> Article:
    result = read_article(path)
    assert isinstance(result, Article)
    return result


@pytest.fixture
def store(tmp_path: Path) -> BookmarkStore:
    opened = BookmarkStore(tmp_path / "data" / "bookmarks.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def fism(seeds_dir: Path) -> Path:
    return seeds_dir / "fism-iran-crimea-drones.txt"


def test_a_bookmark_is_kept_with_its_note_and_tags_after_closing(
    tmp_path: Path, fism: Path
) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    first = BookmarkStore(db_path)
    saved = first.add(
        article_at(fism), 1, note="Kirby: *trainers*", tags=["iran", " iran ", "crimea"]
    )
    first.close()
    again = BookmarkStore(db_path)
    [kept] = again.all()
    again.close()
    assert kept.id == saved.id
    assert kept.note == "Kirby: *trainers*"
    assert kept.tags == ("iran", "crimea")
    assert kept.quote == article_at(fism).paragraphs[1].text
    assert kept.title == "Fism iran crimea drones"
    assert kept.source == "FISM News"


def test_the_same_passage_cannot_be_bookmarked_twice(store: BookmarkStore, fism: Path) -> None:
    article = article_at(fism)
    first = store.add(article, 1, note="mine")
    with pytest.raises(AlreadyBookmarked) as refused:
        store.add(article, 1, note="again")
    assert refused.value.existing == first
    assert str(refused.value) == "¶ 2 of Fism iran crimea drones is already bookmarked (bookmark 1)"
    # Other words of the same paragraph, or the same words opened from another store, differ.
    part = store.add(article, 1, 0, 30)
    with pytest.raises(AlreadyBookmarked):
        store.add(article, 1, 0, 30)
    other = BookmarkStore(store.db_path)
    with pytest.raises(AlreadyBookmarked):
        other.add(article, 1)
    other.close()
    assert [b.id for b in store.all()] == [first.id, part.id]
    # Once removed, the passage can be bookmarked again, and then undoing the removal
    # would make a second one: refused too.
    removed = store.remove(first.id)
    again = store.add(article, 1)
    with pytest.raises(AlreadyBookmarked):
        store.insert(removed)
    assert {b.id for b in store.all()} == {again.id, part.id}


def test_an_import_does_not_duplicate_a_passage_saved_under_another_id(
    store: BookmarkStore, fism: Path, tmp_path: Path
) -> None:
    other = BookmarkStore(tmp_path / "elsewhere.sqlite3")
    other.add(article_at(fism), 3, note="from the laptop")
    exported = other.export_json()
    other.close()
    store.add(article_at(fism), 3, note="mine")
    report = store.import_json(exported)
    assert (report.added, report.unchanged) == (0, 1)
    assert [b.note for b in store.all()] == ["mine"]


def test_the_library_keeps_bookmarks_in_its_data_dir(seeds_dir: Path, tmp_path: Path) -> None:
    library = Library([seeds_dir], data_dir=tmp_path / "data")
    library.bookmarks.add(library.articles()[0], 0)
    library.bookmarks.close()
    assert library.bookmarks.db_path == Paths(Path(), tmp_path / "data", Path()).bookmarks_db
    assert len(BookmarkStore(tmp_path / "data" / "bookmarks.sqlite3").all()) == 1


def test_notes_and_tags_change_and_removal_can_be_undone(store: BookmarkStore, fism: Path) -> None:
    bookmark = store.add(article_at(fism), 2, 0, 20, note="first")
    changed = store.update(bookmark.id, note="second", tags=["sanctions"])
    assert (changed.note, changed.tags) == ("second", ("sanctions",))
    assert changed.updated >= bookmark.updated
    removed = store.remove(bookmark.id)
    assert store.all() == ()
    store.insert(removed)
    assert store.all() == (removed,)


def test_unknown_bookmarks_are_named_in_the_error(store: BookmarkStore) -> None:
    with pytest.raises(BookmarkError, match="cannot remove bookmark 42: there is no such bookmark"):
        store.remove(42)
    with pytest.raises(BookmarkError, match="cannot change bookmark 42"):
        store.update(42, note="x")


def test_bookmarks_of_one_article_in_reading_order(store: BookmarkStore, seeds_dir: Path) -> None:
    fism, hill = (article_at(p) for p in sorted(seeds_dir.glob("*.txt")))
    store.add(fism, 5)
    store.add(hill, 0)
    store.add(fism, 2)
    assert [b.anchor.paragraph for b in store.for_path(fism.path)] == [2, 5]


def test_an_edited_file_moves_the_bookmark_with_its_passage(
    store: BookmarkStore, fism: Path
) -> None:
    bookmark = store.add(article_at(fism), 3)
    fism.write_text(
        fism.read_text(encoding="utf-8").replace(
            "[elfsight", "A new first paragraph.\n\n[elfsight"
        ),
        encoding="utf-8",
    )
    [placed] = store.placed()
    assert (placed.status, placed.paragraph) == ("moved", 4)
    assert placed.quote == bookmark.quote


def test_a_deleted_or_renamed_file_leaves_orphans_that_still_show_their_passage(
    store: BookmarkStore, seeds_dir: Path, fism: Path
) -> None:
    bookmark = store.add(article_at(fism), 1, note="keep me")
    fism.rename(seeds_dir / "renamed.txt")
    [placed] = store.placed()
    assert placed.status == "orphan"
    assert (placed.quote, placed.bookmark.note) == (bookmark.quote, "keep me")
    assert placed.paragraph == 1
    assert len(store.all()) == 1


def test_a_file_name_that_is_not_utf8_still_saves(
    store: BookmarkStore, seeds_dir: Path, fism: Path
) -> None:
    odd = Path(os.fsdecode(os.fsencode(seeds_dir) + b"/caf\xe9-report.txt"))
    shutil.copy(fism, odd)
    store.add(article_at(odd), 0, note="latin-1 name")
    [placed] = store.placed()
    assert os.fsencode(placed.bookmark.path).endswith(b"/caf\xe9-report.txt")
    assert placed.status == "anchored"


def test_threads_each_get_a_connection_and_every_write_lands(
    store: BookmarkStore, fism: Path
) -> None:
    article = article_at(fism)
    errors: list[BaseException] = []

    def add_some(offset: int) -> None:
        try:
            for paragraph in range(5):  # each thread its own words: no duplicate passages
                store.add(article, paragraph, offset, offset + 10)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=add_some, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(store.all()) == 20


def test_the_schema_version_is_recorded_and_a_newer_one_is_refused(
    tmp_path: Path, fism: Path
) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    store = BookmarkStore(db_path)
    store.add(article_at(fism), 0)
    store.close()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(BookmarkError, match="written by a newer briefreader"):
        BookmarkStore(db_path).all()


def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefreader.core import bookmark_db

    broken = ((*bookmark_db.MIGRATIONS[0], "CREATE TABLE oops (broken"),)
    monkeypatch.setattr(bookmark_db, "MIGRATIONS", broken)
    db_path = tmp_path / "bookmarks.sqlite3"
    with pytest.raises(BookmarkError):
        BookmarkStore(db_path).all()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 0
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert tables == []


def test_a_data_dir_that_cannot_be_created_is_explained(tmp_path: Path, fism: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    store = BookmarkStore(blocker / "bookmarks.sqlite3")
    with pytest.raises(BookmarkError, match=r"cannot keep bookmarks: .*/data is not a folder"):
        store.add(article_at(fism), 0)


def test_a_full_disk_is_named_and_nothing_half_saved(store: BookmarkStore, fism: Path) -> None:
    article = article_at(fism)
    store.add(article, 0)
    connection = store._connection()
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk holds not one page more
    with pytest.raises(BookmarkError, match="cannot save the bookmark: the disk is full"):
        store.add(article, 1, note="x" * 20_000)
    assert len(store.all()) == 1


def test_a_read_only_bookmarks_file_can_be_listed_but_not_changed(
    tmp_path: Path, fism: Path
) -> None:
    db_path = tmp_path / "bookmarks.sqlite3"
    writable = BookmarkStore(db_path)
    writable.add(article_at(fism), 0)
    writable.close()
    read_only = BookmarkStore(db_path, read_only=True)
    assert len(read_only.all()) == 1
    with pytest.raises(BookmarkError, match="is read-only"):
        read_only.add(article_at(fism), 1)
    read_only.close()


def test_short_lived_threads_do_not_pile_up_open_files(store: BookmarkStore, fism: Path) -> None:
    article = article_at(fism)
    store.add(article, 0)

    def open_files() -> int:
        return len(os.listdir("/proc/self/fd"))

    before = open_files()
    for number in range(40):  # as a worker thread per bookmark does in the app
        start = number // 10  # a passage not bookmarked yet each time
        thread = threading.Thread(target=store.add, args=(article, number % 10, start, start + 5))
        thread.start()
        thread.join()
    assert len(store.all()) == 41
    assert open_files() - before <= 4
