"""The full bookmarks list (B): grouped by article, filter by typing, open, edit, delete, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea
from ui_helpers import settle

from briefreader.core.models import Article
from briefreader.core.reader import read_article
from briefreader.ui.screens.bookmarks_screen import BookmarksScreen
from briefreader.ui.screens.note_dialog import NoteDialog
from briefreader.ui.widgets.reader import ReaderView


def article(path: Path) -> Article:
    result = read_article(path.resolve())
    assert isinstance(result, Article)
    return result


def add_bookmarks(app, library_dir: Path, tmp_path: Path) -> None:
    """Two in the long article, one in the short one, one whose file is gone."""
    store = app.library.bookmarks
    long = article(library_dir / "a-long.md")
    store.add(long, 5, note="drones near Kherson", tags=["drones"])
    store.add(long, 1, note="weather aside")
    store.add(article(library_dir / "b-short.txt"), 0, note="markets steady", tags=["markets"])
    gone = tmp_path / "gone.txt"
    gone.write_text("Gone story\n\nA first paragraph.\n\nA second paragraph.\n", encoding="utf-8")
    store.add(article(gone), 1, note="from a deleted file")
    gone.unlink()


async def open_list(pilot) -> BookmarksScreen:
    await settle(pilot)
    await pilot.press("B")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BookmarksScreen)
    return pilot.app.screen


async def test_B_lists_every_bookmark_grouped_by_article(
    app_factory, small_library, tmp_path
) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 50)) as pilot:
        add_bookmarks(app, small_library, tmp_path)
        screen = await open_list(pilot)
        assert [(i.title, i.paragraph) for i in screen.shown] == [
            ("Drones over the river", 1),
            ("Drones over the river", 5),
            ("Gone story", 1),
            ("Markets calm", 0),
        ]
        assert [i.status for i in screen.shown] == ["anchored", "anchored", "orphan", "anchored"]
        assert "4 bookmarks · 1 whose passage is no longer found" in str(
            screen.query_one("#bookmarks-status").render()
        )


async def test_slash_filters_and_escape_clears(app_factory, small_library, tmp_path) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 50)) as pilot:
        add_bookmarks(app, small_library, tmp_path)
        screen = await open_list(pilot)
        await pilot.press("slash", "s", "t", "e", "a", "d", "y")
        assert screen.query_one(Input).value == "steady"
        assert [i.note for i in screen.shown] == ["markets steady"]
        await pilot.press("escape")
        assert screen.query_one(Input).value == ""
        assert len(screen.shown) == 4
        assert screen.query_one(OptionList).has_focus


async def test_enter_opens_the_article_at_the_passage(app_factory, small_library, tmp_path) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 50)) as pilot:
        add_bookmarks(app, small_library, tmp_path)
        screen = await open_list(pilot)
        await pilot.press("slash", *"kherson", "enter", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, BookmarksScreen)
        reader = app.screen.query_one(ReaderView)
        assert reader.analysis.article.display_title == "Drones over the river"
        assert reader.cursor == 5
        assert reader.bookmarked == frozenset({1, 5})
        del screen


async def test_e_edits_x_deletes_and_u_undoes(app_factory, small_library, tmp_path) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 50)) as pilot:
        add_bookmarks(app, small_library, tmp_path)
        screen = await open_list(pilot)
        assert screen.current.note == "weather aside"
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(TextArea).insert(", and the markets")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.current.note == "weather aside, and the markets"
        await pilot.press("x")
        await settle(pilot)
        assert len(app.library.bookmarks.all()) == 3
        assert "weather aside" not in [i.note for i in screen.shown]
        await pilot.press("u")
        await settle(pilot)
        assert "weather aside, and the markets" in [b.note for b in app.library.bookmarks.all()]


async def test_E_writes_the_brief_in_the_current_folder_and_says_where(
    app_factory, small_library, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = app_factory()
    async with app.run_test(size=(120, 50)) as pilot:
        add_bookmarks(app, small_library, tmp_path)
        await open_list(pilot)
        await pilot.press("E")
        await settle(pilot)
        [brief] = work.glob("brief-*.md")
        text = brief.read_text(encoding="utf-8")
        assert "## Drones over the river" in text and "markets steady" in text
        messages = [str(n.message) for n in app._notifications]
        assert f"Brief of 4 bookmarks written to {brief}" in messages
