"""Bookmarks in the app: m and M in the reader, margin marks, the tab, failures kept on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea
from ui_helpers import notifications, open_article, press_and_settle, screen_text, settle, show_tab

from briefreader.core.bookmarks import BookmarkStore
from briefreader.ui.screens.note_dialog import NoteDialog
from briefreader.ui.widgets.bookmarks_panel import BookmarksPanel


async def show_bookmarks_tab(pilot) -> BookmarksPanel:
    return await show_tab(pilot, "tab-bookmarks", BookmarksPanel)


async def test_m_bookmarks_the_marked_paragraph_and_marks_the_margin(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "j", "j", "m")
        [saved] = app.library.bookmarks.all()
        assert saved.quote.startswith("Paragraph 2 is ordinary text")
        assert reader.bookmarked == frozenset({2})
        assert "Bookmarked ¶ 3" in notifications(app)
        panel = await show_bookmarks_tab(pilot)
        assert [(i.paragraph, i.status) for i in panel.items] == [(2, "anchored")]
        assert "“Paragraph 2 is ordinary text" in screen_text(app)


async def test_m_twice_on_one_paragraph_keeps_one_bookmark(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "m")
        await press_and_settle(pilot, "m")
        assert len(app.library.bookmarks.all()) == 1
        assert any("already bookmarked" in n for n in notifications(app))


async def test_m_on_a_passage_saved_meanwhile_elsewhere_is_no_error(app_factory) -> None:
    """Another briefreader (or the command line) saved the passage after the reader looked."""
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        app.library.bookmarks.add(reader.analysis.article, 0)  # not yet known to the reader
        await press_and_settle(pilot, "m")
        assert len(app.library.bookmarks.all()) == 1
        assert not any("not saved" in n for n in notifications(app))
        assert reader.bookmarked == frozenset({0})


async def test_M_asks_for_a_note_and_the_tab_shows_it(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "j", "M")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(TextArea).insert("Weather *matters* here")
        await press_and_settle(pilot, "ctrl+s")
        [saved] = app.library.bookmarks.all()
        assert (saved.anchor.paragraph, saved.note) == (1, "Weather *matters* here")
        await show_bookmarks_tab(pilot)
        assert "Weather *matters* here" in screen_text(app)


async def test_escape_in_the_note_dialog_saves_nothing(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "M")
        await press_and_settle(pilot, "x", "y", "escape")
        assert not isinstance(app.screen, NoteDialog)
        assert app.library.bookmarks.all() == ()


async def test_curly_brackets_jump_between_bookmarks(app_factory, small_library: Path) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        article = reader.analysis.article
        for paragraph in (5, 12):
            app.library.bookmarks.add(article, paragraph)
        app.screen.refresh_bookmarks()
        await settle(pilot)
        assert reader.bookmarked == frozenset({5, 12})
        await pilot.press("right_curly_bracket")
        assert reader.cursor == 5
        await pilot.press("right_curly_bracket")
        assert reader.cursor == 12
        await pilot.press("left_curly_bracket")
        assert reader.cursor == 5


async def test_a_bookmark_that_cannot_be_saved_stays_on_screen_with_the_reason(
    app_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("BRIEFREADER_DATA_DIR", str(blocker))
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "j", "m")
        assert reader.bookmarked == frozenset({1})
        assert any(
            n.startswith("Bookmark not saved: cannot keep bookmarks:") for n in notifications(app)
        )
        panel = await show_bookmarks_tab(pilot)
        [item] = panel.items
        assert (item.status, item.paragraph) == ("unsaved", 1)
        text = screen_text(app)
        assert "NOT SAVED" in text and "is not a folder" in text

        blocker.unlink()  # the user fixes the problem, then saves again from the tab
        panel.query_one("#bookmarks-list").focus()
        await press_and_settle(pilot, "s")
        assert [i.status for i in panel.items] == ["anchored"]
        [saved] = BookmarkStore(blocker / "bookmarks.sqlite3").all()
        assert saved.anchor.paragraph == 1


async def test_the_tab_edits_and_deletes_with_undo(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "m")
        panel = await show_bookmarks_tab(pilot)
        panel.query_one("#bookmarks-list").focus()
        await press_and_settle(pilot, "e")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(TextArea).insert("first thoughts")
        await press_and_settle(pilot, "ctrl+s")
        assert [b.note for b in app.library.bookmarks.all()] == ["first thoughts"]
        await press_and_settle(pilot, "x")
        assert app.library.bookmarks.all() == ()
        assert panel.items == ()
        await press_and_settle(pilot, "u")
        assert [b.note for b in app.library.bookmarks.all()] == ["first thoughts"]
        assert [i.note for i in panel.items] == ["first thoughts"]


async def test_E_in_the_reader_exports_the_brief_and_says_where(
    app_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "M")
        app.screen.query_one(TextArea).insert("lead paragraph")
        await press_and_settle(pilot, "ctrl+s")
        await press_and_settle(pilot, "E")
        [brief] = work.glob("brief-*.md")
        assert "> Paragraph 0 talks about the drone war" in brief.read_text(encoding="utf-8")
        assert f"Brief of 1 bookmark written to {brief}" in notifications(app)
