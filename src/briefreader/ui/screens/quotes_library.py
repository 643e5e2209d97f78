"""Every quote in the library grouped by speaker, most-quoted first, filtered as you type."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from briefreader.core.library import Library
from briefreader.core.quote_library import (
    SourcedQuote,
    SpeakerQuotes,
    by_speaker,
    quote_matches,
    shorten_quote,
)
from briefreader.ui.messages import OpenPassage
from briefreader.ui.screens.worker_errors import report_worker_failure
from briefreader.ui.widgets.row_list import RowList


class QuotesLibraryScreen(Screen[OpenPassage | None]):
    """Who said what across the library; type to filter, enter opens the quote in its article."""

    HELP = (
        "Every quote in the library, grouped by speaker (most quoted first). Type to filter by "
        "speaker, words or article; up/down move; enter opens the quote in the reader."
    )
    BINDINGS: list[BindingType] = [
        Binding("escape", "back", "Back", id="quotes_library.back"),
        Binding("down", "move(1)", "Down", id="quotes_library.down", show=False),
        Binding("up", "move(-1)", "Up", id="quotes_library.up", show=False),
    ]
    DEFAULT_CSS = """
    QuotesLibraryScreen {
        #quotes-title { padding: 0 1; text-style: bold; background: $panel; width: 1fr; }
        #quotes-filter { margin: 0 1; }
        #quotes-status { padding: 0 2; color: $text-muted; height: 1; }
        #library-quotes { height: 1fr; margin: 0 1; }
    }
    """

    class Loaded(Message):
        """Every quote of the library, read in a worker."""

        def __init__(self, quotes: tuple[SourcedQuote, ...]) -> None:
            super().__init__()
            self.quotes = quotes

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.quotes: tuple[SourcedQuote, ...] | None = None
        self.shown: list[SourcedQuote | None] = []  # one per option; None for a speaker heading

    def compose(self) -> ComposeResult:
        yield Label("Quotes across the library, by speaker", id="quotes-title", markup=False)
        yield Input(placeholder="Type to filter: speaker, words, article", id="quotes-filter")
        yield Label("Collecting quotes…", id="quotes-status", markup=False)
        yield RowList(id="library-quotes", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.collect()

    @work(thread=True, exclusive=True, group="library quotes", exit_on_error=False)
    def collect(self) -> None:
        self.post_message(self.Loaded(self.library.all_quotes()))

    def on_quotes_library_screen_loaded(self, message: Loaded) -> None:
        self.quotes = message.quotes
        self._show(self.query_one(Input).value)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if report_worker_failure(self, event.worker, event.state):
            self.query_one("#quotes-status", Label).update("The quotes could not be collected.")

    @on(Input.Changed, "#quotes-filter")
    def _filter(self, event: Input.Changed) -> None:
        if self.quotes is not None:
            self._show(event.value)

    def _show(self, typed: str) -> None:
        assert self.quotes is not None
        matching = (
            [q for q in self.quotes if quote_matches(q, typed)] if typed.strip() else self.quotes
        )
        groups = by_speaker(matching)
        options: list[Option] = []
        self.shown = []
        for group in groups:
            options.append(Option(speaker_heading(group), disabled=True))
            self.shown.append(None)
            for item in group.quotes:
                options.append(Option(library_quote_prompt(item)))
                self.shown.append(item)
        listing = self.query_one(OptionList)
        listing.set_options(options)
        first = next((n for n, item in enumerate(self.shown) if item is not None), None)
        if first is not None:
            listing.highlighted = first
        self.query_one("#quotes-status", Label).update(
            status_line(len(self.quotes), len(matching), len(groups), bool(typed.strip()))
        )

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    @on(Input.Submitted, "#quotes-filter")
    def _submitted(self) -> None:
        self._open(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected, "#library-quotes")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def _open(self, index: int | None) -> None:
        if not self.is_current:  # a second click or key queued before this screen closed
            return
        if index is None or not 0 <= index < len(self.shown):
            return
        item = self.shown[index]
        if item is not None:
            quote = item.quote
            self.dismiss(OpenPassage(item.article.id, quote.paragraph, quote.start, quote.end))

    def action_back(self) -> None:
        if self.is_current:
            self.dismiss(None)


def speaker_heading(group: SpeakerQuotes) -> Text:
    count = len(group.quotes)
    heading = Text(group.speaker, style="bold")
    heading.append(f"  {count} quote{'s' if count != 1 else ''}", style="dim")
    return heading


def library_quote_prompt(item: SourcedQuote) -> Text:
    """The quote (about two lines) and, dimmed, its article and date — never markup."""
    prompt = Text("  “" + shorten_quote(item.quote.text) + "”")
    source = Text("\n    " + item.article.title, style="dim")
    if item.article.published:
        source.append(f" · {item.article.published}")
    prompt.append_text(source)
    return prompt


def status_line(total: int, shown: int, speakers: int, filtered: bool) -> str:
    if total == 0:
        return "No quotes in the library."
    if filtered and shown == 0:
        return "No quote matches the filter."
    what = f"{shown} of {total} quotes" if filtered else f"{total} quotes"
    return f"{what} · {speakers} speaker{'s' if speakers != 1 else ''}"
