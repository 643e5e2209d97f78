"""The sidebar from the keyboard: tab lands in the active tab's list, left/right switch tabs."""

from __future__ import annotations

from test_main_keys import palette_shows
from textual.widgets import OptionList, TabbedContent
from ui_helpers import open_article, press_and_settle, seeds_app, wait_until

from briefreader.ui.screens.quotes_library import QuotesLibraryScreen
from briefreader.ui.screens.topic_passages import TopicPassagesScreen
from briefreader.ui.widgets.bookmarks_panel import BookmarksPanel
from briefreader.ui.widgets.quotes_panel import QuotesPanel
from briefreader.ui.widgets.reader import ReaderView
from briefreader.ui.widgets.topics_panel import TopicsPanel


async def test_tab_reaches_the_quotes_list_and_its_keys_work() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "Five things")
        await pilot.press("escape", "tab", "tab")  # list → reader → sidebar
        quotes = app.screen.query_one(QuotesPanel)
        options = quotes.query_one(OptionList)
        assert options.has_focus
        await pilot.press("j", "j")
        assert options.highlighted == 2
        await press_and_settle(pilot, "enter")
        reader = app.screen.query_one(ReaderView)
        assert reader.current_paragraph.index == quotes.quotes[2].paragraph
        assert options.has_focus  # still in the tab: L works from here
        await press_and_settle(pilot, "L")
        assert isinstance(app.screen, QuotesLibraryScreen)


async def test_left_and_right_switch_tabs_and_focus_their_lists() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "Five things")
        await pilot.press("escape", "tab", "tab", "right")
        await pilot.pause()
        sidebar = app.screen.query_one("#sidebar", TabbedContent)
        assert sidebar.active == "tab-topics"
        assert app.screen.query_one(TopicsPanel).query_one(OptionList).has_focus
        await press_and_settle(pilot, "enter")
        assert isinstance(app.screen, TopicPassagesScreen)
        await press_and_settle(pilot, "escape", "right")
        assert sidebar.active == "tab-bookmarks"
        assert app.screen.query_one(BookmarksPanel).query_one(OptionList).has_focus
        await pilot.press("right")
        await pilot.pause()
        assert sidebar.active == "tab-quotes"
        await pilot.press("left")
        await pilot.pause()
        assert sidebar.active == "tab-bookmarks"


async def test_x_in_the_bookmarks_tab_deletes_from_the_keyboard() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "Five things")
        await press_and_settle(pilot, "m")
        assert len(app.library.bookmarks.all()) == 1
        await pilot.press("tab", "left")  # reader → Quotes tab, then back to Bookmarks
        await pilot.pause()
        assert app.screen.query_one("#sidebar", TabbedContent).active == "tab-bookmarks"
        await press_and_settle(pilot, "x")
        assert app.library.bookmarks.all() == ()


async def test_the_palette_finds_the_sidebar_tabs_and_all_quotes() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "Five things")
        await pilot.press("ctrl+p", *"topics tab")
        await wait_until(pilot, lambda: palette_shows(app, "Topics tab"), "the tab in the palette")
        await press_and_settle(pilot, "enter")
        assert app.screen.query_one("#sidebar", TabbedContent).active == "tab-topics"
        assert app.screen.query_one(TopicsPanel).query_one(OptionList).has_focus
        await pilot.press("ctrl+p", *"all quotes")
        await wait_until(pilot, lambda: palette_shows(app, "All quotes"), "all quotes")
        await press_and_settle(pilot, "enter")
        assert isinstance(app.screen, QuotesLibraryScreen)
