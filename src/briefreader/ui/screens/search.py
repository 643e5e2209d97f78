"""Library search: results as you type, each with a highlighted snippet; enter opens one."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from briefreader.core.library import Library
from briefreader.core.models import SearchHit, SearchResult
from briefreader.ui.screens.worker_errors import report_worker_failure
from briefreader.ui.widgets.row_list import RowList

DEBOUNCE_SECONDS = 0.015
RESULT_LIMIT = 20


@dataclass(frozen=True, slots=True)
class SearchChoice:
    """The result the user opened: the article, the paragraph, the words to highlight."""

    article_id: str
    paragraph: int
    terms: tuple[str, ...]


class SearchScreen(Screen[SearchChoice | None]):
    """Type a query; results update as you type. Enter opens, escape goes back."""

    HELP = 'Search every article. Words, "phrases", AND OR NOT, prefix*, title: source: topic:'
    BINDINGS: list[BindingType] = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("down", "result_down", "Next result", id="search.down", show=False),
        Binding("up", "result_up", "Previous result", id="search.up", show=False),
        Binding("enter", "open", "Open", id="search.open", priority=True),
    ]

    class Results(Message):
        """A search finished (in a worker)."""

        def __init__(self, asked: str, result: SearchResult) -> None:
            super().__init__()
            self.asked = asked  # the input's text; the result may hold it normalised
            self.result = result

    def __init__(self, library: Library, query: str = "") -> None:
        super().__init__()
        self.library = library
        self.initial_query = query
        self.result: SearchResult | None = None
        self.answered: str | None = None  # the query whose results are shown
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Label("Search the library", id="search-title")
        yield Input(value=self.initial_query, placeholder="Type to search…", id="search-input")
        yield Label("", id="search-status", markup=False)
        yield RowList(id="search-results", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.initial_query:
            self.run_search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self.run_search(query))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        if not query.strip():
            self.post_message(self.Results(query, SearchResult(query, (), 0)))
            return
        search = getattr(self.library, "search", None)
        if search is None:
            result = SearchResult(query, (), 0, error="Search is not available in this version.")
        else:
            result = search(query, RESULT_LIMIT, as_you_type=True)
            if not result.hits and result.error is None:
                # Nothing as typed: the full search also says "did you mean".
                result = search(query, RESULT_LIMIT)
        self.post_message(self.Results(query, result))

    def on_search_screen_results(self, message: Results) -> None:
        if message.asked != self.query_one(Input).value:
            return  # typed on since: a newer search is coming
        self.result = result = message.result
        self.answered = message.asked
        results = self.query_one(OptionList)
        results.set_options(Option(hit_prompt(hit)) for hit in result.hits)
        if result.hits:
            results.highlighted = 0
        self.query_one("#search-status", Label).update(status_line(result))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event.worker, event.state)

    def action_result_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_result_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def action_open(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        self._open(0 if highlighted is None else highlighted)

    def _open(self, index: int) -> None:
        if not self.is_current:  # a second click or key queued before this screen closed
            return
        if self.result is None or not 0 <= index < len(self.result.hits):
            return
        hit = self.result.hits[index]
        terms = tuple(dict.fromkeys(hit.snippet[s:e].lower() for s, e in hit.highlights))
        self.dismiss(SearchChoice(hit.article_id, hit.paragraph, terms))

    def action_back(self) -> None:
        if self.is_current:
            self.dismiss(None)


def hit_prompt(hit: SearchHit) -> Content:
    """Title, source and the snippet with matched words highlighted — never parsed as markup."""
    title = Content(hit.title).stylize("bold")
    source = Content(hit.source or "").stylize("italic")
    snippet = Content(" ".join(hit.snippet.split("\n")))
    for start, end in hit.highlights:
        snippet = snippet.stylize("reverse bold", start, end)
    return Content("\n").join([title, source, snippet] if hit.source else [title, snippet])


def status_line(result: SearchResult) -> str:
    """ "12 articles", the reason a query failed, and "did you mean" when offered."""
    if result.error:
        return result.error
    if not result.query.strip():
        return ""
    parts = [f"{result.total} article{'s' if result.total != 1 else ''}"]
    if result.total > len(result.hits):
        parts.append(f"showing the best {len(result.hits)}")
    if result.suggestion:
        parts.append(f"did you mean: {result.suggestion}?")
    if result.indexing:
        parts.append("the index is being updated")
    return " · ".join(parts)
