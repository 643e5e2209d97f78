"""The Quotes tab of the sidebar: who said what in the open article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefreader.core.models import Quote
from briefreader.core.quote_library import PREVIEW_CHARS, UNKNOWN_SPEAKER, shorten_quote
from briefreader.ui.messages import OpenPassage, ShowView
from briefreader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis

PRONOUNS = frozenset("he she they it we i".split())


def quote_prompt(quote: Quote, *, preview: int | None = PREVIEW_CHARS) -> Text:
    """The speaker in bold over the quoted words, cut to `preview` characters (None: in full);
    a pronoun the text used is shown beside the name. Never markup."""
    prompt = Text()
    if quote.speaker:
        prompt.append(quote.speaker, style="bold")
        if quote.mention and quote.mention.lower() in PRONOUNS:
            prompt.append(f" ({quote.mention})", style="dim")
    else:
        prompt.append(UNKNOWN_SPEAKER, style="bold dim italic")
    words = quote.text if preview is None else shorten_quote(quote.text, preview)
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
        yield RowList(id="quotes-list", markup=False)
        yield Static(self._hint(), id="quotes-hint", markup=False)

    def on_mount(self) -> None:
        if self.analysis is not None:
            analysis, self.analysis = self.analysis, None
            self._list(analysis)

    def show_analysis(self, analysis: Analysis) -> None:
        """Called whenever an article opens: list its quotes (keeping the place on a reload)."""
        if not self.is_mounted:
            self.analysis = analysis  # listed on mount
            return
        self._list(analysis)

    def _list(self, analysis: Analysis) -> None:
        same = self.analysis is not None and self.analysis.article.id == analysis.article.id
        options = self.query_one(OptionList)
        keep = options.highlighted if same else None
        self.analysis = analysis
        self.quotes = analysis.quotes
        self._expanded = None
        preview = self.preview_chars
        options.set_options(
            Option(quote_prompt(q, preview=preview), id=str(n)) for n, q in enumerate(self.quotes)
        )
        if self.quotes:
            options.highlighted = min(keep or 0, len(self.quotes) - 1)
        self.query_one("#quotes-hint", Static).update(self._hint())

    @property
    def preview_chars(self) -> int:
        """About two lines of the panel as it is now."""
        width = self.size.width - 2
        return max(40, 2 * width - 8) if width > 0 else PREVIEW_CHARS

    def on_resize(self) -> None:
        if self.analysis is not None:
            self._list(self.analysis)

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
                self._expanded,
                quote_prompt(self.quotes[self._expanded], preview=self.preview_chars),
            )
        index = event.option_index
        if 0 <= index < len(self.quotes):
            options.replace_option_prompt_at_index(
                index, quote_prompt(self.quotes[index], preview=None)
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
        from briefreader.ui.screens.quotes_library import QuotesLibraryScreen

        self.post_message(ShowView(build=QuotesLibraryScreen))
