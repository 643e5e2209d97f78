"""Clicks queued on the command palette's background close it once, never the main screen."""

from __future__ import annotations

from textual import events
from textual.command import CommandPalette
from ui_helpers import seeds_app, settle

from briefreader.ui.screens.main import MainScreen


def background_click(palette: CommandPalette) -> events.Click:
    x, y = 1, palette.size.height - 2  # below the palette's input and results
    return events.Click(palette, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)


async def test_two_queued_clicks_close_the_palette_and_keep_the_app() -> None:
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.get_widget_at(1, palette.size.height - 2)[0] is palette
        palette.post_message(background_click(palette))
        palette.post_message(background_click(palette))
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, MainScreen)
