"""The find bar shows what is typed in it, and the words a search result highlights."""

from __future__ import annotations

from textual.widgets import Input
from ui_helpers import open_article, press_and_settle, screen_text, settle, wait_until

from briefreader.ui.widgets.find_bar import FindBar


async def test_typed_text_shows_in_the_find_bar_while_typing(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await pilot.press("slash", *"weather")
        await settle(pilot)
        find = app.screen.query_one(FindBar)
        assert find.query_one(Input).has_focus
        row = screen_text(app).splitlines()[find.region.y]
        assert "weather" in row
        assert "1/32" in row


async def test_a_search_result_shows_its_words_in_the_find_bar(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S", *"kherson")
        await wait_until(pilot, lambda: app.screen.answered == "kherson", "results")
        await press_and_settle(pilot, "enter")
        find = app.screen.query_one(FindBar)
        assert find.is_open
        row = screen_text(app).splitlines()[find.region.y]
        assert "kherson" in row and "Find in article" not in row
        assert "1/8" in row
