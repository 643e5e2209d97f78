"""What the screen keeps in view: focus across the too-small notice, the footer at 100
columns, toasts clear of the counters, and a first-launch hint."""

from __future__ import annotations

from ui_helpers import open_article, press_and_settle, screen_text, settle

from briefreader.ui.screens.bookmarks_screen import BookmarksScreen
from briefreader.ui.widgets.article_list import ArticleList
from briefreader.ui.widgets.find_bar import FindBar
from briefreader.ui.widgets.reader import ReaderView


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_focus_comes_back_after_the_too_small_notice(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.has_focus
        await pilot.resize_terminal(35, 8)
        await pilot.pause()
        assert "too small" in screen_text(app)
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        await pilot.pause()
        assert articles.has_focus
        await open_article(pilot, "Markets calm")
        reader = app.screen.query_one(ReaderView)
        assert reader.has_focus
        await pilot.resize_terminal(35, 8)
        await pilot.pause()
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        await pilot.pause()
        assert reader.has_focus


async def test_the_footer_fits_100_columns_with_help_and_quit(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert "? Help" in footer(app) and "q Quit" in footer(app)  # the list
        await open_article(pilot, "Drones over")
        assert "? Help" in footer(app) and "q Quit" in footer(app)  # the reader
        assert "/ Find" in footer(app)
        await press_and_settle(pilot, "slash", *"drone", "enter")  # find open, matches
        assert app.screen.query_one(FindBar).is_open
        line = footer(app)
        assert "n Next match" in line and "? Help" in line and "q Quit" in line
        await press_and_settle(pilot, "B")
        assert isinstance(app.screen, BookmarksScreen)
        assert "? Help" in footer(app) and "q Quit" in footer(app)


async def test_toasts_leave_the_paragraph_counter_and_the_notice_visible(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await open_article(pilot, "Drones over")
        counter = str(app.screen.query_one(ReaderView).border_subtitle)
        assert counter.startswith("¶ 1/")
        app.notify("A message long enough to reach well across the reader pane border")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "A message long enough" in text and counter in text
        await pilot.resize_terminal(38, 9)
        await pilot.pause()
        app.notify("Marked as read")
        await pilot.pause()
        await pilot.pause()
        small = screen_text(app)
        assert "Make it at least 40×10." in small
        assert "Marked as read" not in small and "A message" not in small


async def test_first_launch_says_how_to_open_an_article(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Select an article and press enter" in screen_text(app)
        await press_and_settle(pilot, "enter")
        assert "Select an article and press enter" not in screen_text(app)
        assert "Drones over the river" in screen_text(app)
