"""The Quotes tab of the sidebar: who said what in the open article."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from briefreader.core.analysis import Analysis


class QuotesPanel(Widget):
    """Placeholder until quotes are listed: says what the tab will hold."""

    DEFAULT_CSS = """
    QuotesPanel { height: 1fr; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            "Quotes of the open article will appear here: who said what, with the speaker's "
            "full name.",
            classes="placeholder",
        )

    def show_analysis(self, analysis: Analysis) -> None:
        """Called whenever an article opens."""
