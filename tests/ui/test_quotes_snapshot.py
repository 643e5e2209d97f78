"""How the Quotes tab looks with an article open: speakers in bold, the highlighted quote in full."""

from __future__ import annotations

from textual.widgets import OptionList
from ui_helpers import open_article, seeds_app, settle

from briefreader.ui.widgets.quotes_panel import QuotesPanel


def test_the_quotes_tab(snap_compare) -> None:
    app = seeds_app()

    async def open_the_quotes_tab(pilot) -> None:
        await open_article(pilot, "Five things")
        pilot.app.screen.query_one("#sidebar").active = "tab-quotes"
        await settle(pilot)
        pilot.app.screen.query_one(QuotesPanel).query_one(OptionList).focus()
        await pilot.press("j", "j", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(150, 40), run_before=open_the_quotes_tab)
