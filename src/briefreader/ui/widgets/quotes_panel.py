"""The Quotes tab of the sidebar: who said what in the open article."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefreader.core.analysis import Analysis
from briefreader.core.models import Quote
from briefreader.core.quote_library import UNKNOWN_SPEAKER, shorten_quote
from briefreader.ui.messages import OpenPassage, ShowView
from briefreader.ui.screens.quotes_library import QuotesLibraryScreen


def quote_prompt(quote: Quote, *, full: bool = False) -> Text:
    """The speaker in bold over the quoted words (shortened unless `full`) — never markup."""
    prompt = Text()
    if quote.speaker:
        prompt.append(quote.speaker, style="bold")
    else:
        prompt.append(UNKNOWN_SPEAKER, style="bold dim italic")
    if quote.mention and quote.mention.casefold() != (quote.speaker or "").casefold():
        prompt.append(f"  ({quote.mention})", style="dim")
    words = quote.text if full else shorten_quote(quote.text)
    prompt.append("\n")
    prompt.append(f"“{words}”")
    return prompt


class QuotesPanel(Widget):
    """Every quote of the open article in reading order; enter jumps to it in the reader."""

    HELP = (
        "The quotes of the open article: speaker in bold, the quote below (in full when "
        "highlighted). Enter jumps to it in the reader; L lists every quote in the library."
    )
    BINDINGS: list[BindingType] = [
        Binding("j", "cursor_down", "Next quote", id="quotes.next", show=False),
        Binding("k", "cursor_up", "Prev quote", id="quotes.previous", show=False),
        Binding("L", "library_quotes", "All quotes", id="quotes.library"),
    ]
    DEFAULT_CSS = """
    QuotesPanel {
        height: 1fr;
        & > OptionList { height: 1fr; border: none; padding: 0; }
        & > #quotes-hint { color: $text-muted; padding: 0 1; height: auto; }
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.analysis: Analysis | None = None
        self.quotes: tuple[Quote, ...] = ()
        self._expanded: int | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(id="quotes-list", markup=False)
        yield Static(self._hint(), id="quotes-hint", markup=False)

    def show_analysis(self, analysis: Analysis) -> None:
        """Called whenever an article opens: list its quotes (keeping the place on a reload)."""
        same = self.analysis is not None and self.analysis.article.id == analysis.article.id
        options = self.query_one(OptionList)
        keep = options.highlighted if same else None
        self.analysis = analysis
        self.quotes = analysis.quotes
        self._expanded = None
        options.set_options(Option(quote_prompt(q), id=str(n)) for n, q in enumerate(self.quotes))
        if self.quotes:
            options.highlighted = min(keep or 0, len(self.quotes) - 1)
        self.query_one("#quotes-hint", Static).update(self._hint())

    def _hint(self) -> str:
        if self.analysis is None:
            return "Open an article to list who said what. L lists every quote in the library."
        if not self.quotes:
            return "No quotes in this article. L lists every quote in the library."
        count = len(self.quotes)
        return f"{count} quote{'s' if count != 1 else ''} · enter jumps to it · L: all quotes"

    @on(OptionList.OptionHighlighted, "#quotes-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The highlighted quote shows in full, the one before goes back to its preview.
        options = self.query_one(OptionList)
        if self._expanded is not None and self._expanded < len(self.quotes):
            options.replace_option_prompt_at_index(
                self._expanded, quote_prompt(self.quotes[self._expanded])
            )
        index = event.option_index
        if 0 <= index < len(self.quotes):
            options.replace_option_prompt_at_index(
                index, quote_prompt(self.quotes[index], full=True)
            )
            self._expanded = index

    @on(OptionList.OptionSelected, "#quotes-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_quote(event.option_index)

    def open_quote(self, index: int) -> None:
        """Ask the screen to show the quote in the reader, marked."""
        if self.analysis is None or not 0 <= index < len(self.quotes):
            return
        quote = self.quotes[index]
        self.post_message(
            OpenPassage(self.analysis.article.id, quote.paragraph, quote.start, quote.end)
        )

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_library_quotes(self) -> None:
        self.post_message(ShowView(build=QuotesLibraryScreen))
