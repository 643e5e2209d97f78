"""How the Quotes tab looks with an article open: speakers in bold, the highlighted quote in full."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from ui_helpers import open_article, settle

from briefreader.cli.tui_cmd import make_app
from briefreader.config import DEFAULT_TOPICS, Settings
from briefreader.paths import Paths
from briefreader.ui.widgets.quotes_panel import QuotesPanel

ROOT = Path(__file__).resolve().parents[2]


def test_the_quotes_tab(snap_compare) -> None:
    app = make_app(
        [ROOT / "articles"], Settings(paths=Paths.from_environment(), topics=DEFAULT_TOPICS)
    )

    async def open_the_quotes_tab(pilot) -> None:
        await open_article(pilot, "Five things")
        pilot.app.screen.query_one("#sidebar").active = "tab-quotes"
        await settle(pilot)
        pilot.app.screen.query_one(QuotesPanel).query_one(OptionList).focus()
        await pilot.press("j", "j", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(150, 40), run_before=open_the_quotes_tab)
