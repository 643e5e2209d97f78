"""The main screen: article list · reader · tabbed sidebar, and the workers that feed them."""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerCancelled, get_current_worker

from briefreader.core.models import ArticleSummary
from briefreader.ui.messages import OpenPassage, ShowView
from briefreader.ui.screens.library_data import load_analysis, load_summaries
from briefreader.ui.screens.list_snapshot import read_snapshot, write_snapshot
from briefreader.ui.screens.panes import PaneScreen
from briefreader.ui.screens.worker_errors import report_worker_failure
from briefreader.ui.widgets.article_list import ArticleList
from briefreader.ui.widgets.bookmarks_panel import BookmarksPanel
from briefreader.ui.widgets.find_bar import FindBar
from briefreader.ui.widgets.library_header import LibraryHeader
from briefreader.ui.widgets.quotes_panel import QuotesPanel
from briefreader.ui.widgets.reader import ReaderView
from briefreader.ui.widgets.topics_panel import TopicsPanel

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis
    from briefreader.core.library import Library
    from briefreader.ui.screens.search import SearchChoice

SAVE_EVERY_SECONDS = 5
FIRST_PAINT_WAIT_SECONDS = 1.0  # at most, should the first refresh never come


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """Open an article; at a paragraph (else where the user left it), marking a span or terms."""

    article_id: str
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    terms: tuple[str, ...] = ()


class MainScreen(PaneScreen):
    """Browse the library on the left, read on the right, quotes/topics/bookmarks beside."""

    BINDINGS: list[BindingType] = [
        Binding("J", "next_article", "Next article", id="main.next_article", show=False),
        Binding("K", "previous_article", "Prev article", id="main.previous_article", show=False),
        Binding("tab", "next_pane", "Next pane", id="main.next_pane", show=False),
        Binding("shift+tab", "previous_pane", "Prev pane", id="main.previous_pane", show=False),
        Binding("S", "search", "Search", id="main.search"),
        Binding("r", "toggle_read", "Read/unread", id="main.toggle_read", show=False),
        Binding("escape", "back", "Back", id="main.back", show=False),
        Binding("left", "switch_tab(-1)", "Prev tab", id="main.previous_tab", show=False),
        Binding("right", "switch_tab(1)", "Next tab", id="main.next_tab", show=False),
    ]

    class SummariesLoaded(Message):
        def __init__(
            self, summaries: tuple[ArticleSummary, ...], final: bool, notes: tuple[str, ...] = ()
        ) -> None:
            super().__init__()
            self.notes = notes
            self.summaries = summaries
            self.final = final

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class TopicCounts(Message):
        def __init__(self, counts: dict[str, int]) -> None:
            super().__init__()
            self.counts = counts

    class ArticleLoaded(Message):
        def __init__(self, request: OpenRequest, analysis: Analysis | None) -> None:
            super().__init__()
            self.request = request
            self.analysis = analysis

    def __init__(self, library: Library) -> None:
        # The list has the focus at start: in a narrow terminal (one pane shown) it must be
        # the pane on screen, or nothing could take the focus.
        super().__init__(classes="-list-focused")
        self.library = library
        self.state = library.reading_state
        self.summaries: tuple[ArticleSummary, ...] = ()
        self.open_analysis: Analysis | None = None
        self.progress: tuple[int, int] | None = (0, 0)
        self._restored = False
        self._save_failed = False
        self._last_list: tuple[ArticleSummary, ...] = ()
        self._first_paint = threading.Event()

    def compose(self) -> ComposeResult:
        topics = self.library.topics
        yield LibraryHeader(id="header", markup=False)
        with Horizontal(id="panes"):
            yield ArticleList(topics, id="articles")
            with Vertical(id="reader-pane"):
                yield ReaderView(topics, id="reader")
                yield FindBar(id="find")
            with TabbedContent(id="sidebar"):
                with TabPane("Quotes", id="tab-quotes"):
                    yield QuotesPanel()
                with TabPane("Topics", id="tab-topics"):
                    yield TopicsPanel(topics)
                with TabPane("Bookmarks", id="tab-bookmarks"):
                    yield BookmarksPanel()
        yield Static(
            "The terminal is too small for briefreader.\nMake it at least 40×10.",
            id="too-small",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        self.query_one(ArticleList).set_read(self.state.read_ids)
        self._update_header()
        self.call_after_refresh(self._first_paint.set)
        self._show_last_list()
        self.load_library()
        # The position is saved now and then too, not only on quit: a closed terminal or a
        # killed process loses at most a few seconds of reading.
        self.set_interval(SAVE_EVERY_SECONDS, self._save_state)

    def _show_last_list(self) -> None:
        """Paint the list as it was last shown, until the index (slower to open) gives its own."""
        self._last_list = read_snapshot(self.library)
        if self._last_list:
            self.on_main_screen_summaries_loaded(self.SummariesLoaded(self._last_list, False))

    def _wait_for_first_paint(self) -> None:
        """In a worker: let the first screen be painted before loading the index.

        Loading whoosh holds the interpreter for a while; the screen would wait for it.
        """
        self._first_paint.wait(FIRST_PAINT_WAIT_SECONDS)

    # ----- workers -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_library(self) -> None:
        worker = get_current_worker()
        if self._last_list:  # else the index's list is what the first screen waits for
            self._wait_for_first_paint()

        def report(done: int, total: int) -> None:
            if worker.is_cancelled:
                # The app is quitting: stop indexing now (the unfinished batch is discarded and
                # the index keeps its last state) rather than hold the exit until the end.
                raise WorkerCancelled("indexing stopped")
            self.post_message(self.Progress(done, total))

        for summaries, final, notes in load_summaries(self.library, report):
            self.post_message(self.SummariesLoaded(summaries, final, notes))
            if final and summaries != self._last_list:
                write_snapshot(self.library, summaries)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def load_article(self, request: OpenRequest) -> None:
        self._wait_for_first_paint()  # the article last read reopens just after
        self.post_message(
            self.ArticleLoaded(request, load_analysis(self.library, request.article_id))
        )

    @work(thread=True, exclusive=True, group="topic counts", exit_on_error=False)
    def count_topics(self) -> None:
        """Hits per topic across the library, for the Topics tab."""
        self.post_message(self.TopicCounts(self.library.topic_counts()))

    def on_main_screen_topic_counts(self, message: TopicCounts) -> None:
        self.query_one(TopicsPanel).show_library_counts(message.counts)

    def on_topics_panel_counts_wanted(self) -> None:
        self.count_topics()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if report_worker_failure(self, event.worker, event.state) and event.worker.group == "load":
            self.progress = None
            self._update_header()

    def on_main_screen_progress(self, message: Progress) -> None:
        self.progress = (message.done, message.total)
        self._update_header()

    def on_main_screen_summaries_loaded(self, message: SummariesLoaded) -> None:
        had_articles = bool(self.summaries)
        self.summaries = message.summaries
        self.query_one(ArticleList).set_summaries(message.summaries)
        if had_articles != bool(self.summaries):  # J, K and r now apply (or no longer do)
            self.refresh_bindings()
        for note in message.notes:  # file names come from the disk: never markup
            self.notify(note, severity="warning", markup=False, timeout=8)
        if message.final:
            self.progress = None
            if self.query_one(TopicsPanel).wants_library_counts:
                self.count_topics()  # the files may have changed since they were counted
            # The list and what came with it live as long as the app: out of the cycle
            # collector's full passes, which otherwise stalled a keystroke now and then
            # (80-140 ms at 10,000 articles).
            gc.freeze()
        self._update_header()
        if not self._restored and message.summaries:
            self._restored = True
            last = self.state.last_article
            known = {s.id for s in message.summaries}
            if last in known:
                self.open_article(OpenRequest(last))
            else:  # first launch: an empty reader would say nothing about what to do
                self.query_one(ReaderView).show_hint("Select an article and press enter")

    def on_main_screen_article_loaded(self, message: ArticleLoaded) -> None:
        analysis, request = message.analysis, message.request
        if analysis is None:
            self.notify("That article is no longer in the library.", severity="warning")
            return
        self._save_position()
        self.open_analysis = analysis
        article = analysis.article
        reader = self.query_one(ReaderView)
        paragraph = request.paragraph
        if paragraph is None:
            saved = self.state.position(article.id)
            paragraph = saved.resolve(article.paragraphs) if saved else None
        find = self.query_one(FindBar)
        find.close()
        reader.show(analysis, paragraph=paragraph)
        if request.terms and request.paragraph is not None:
            reader.find_terms(request.terms, request.paragraph)
            find.show_terms(request.terms)  # the words highlighted, not the bar's placeholder
        elif request.paragraph is not None and request.start is not None:
            reader.mark_span(request.paragraph, request.start, request.end)
        self.state.last_article = article.id
        self.state.set_read(article.id, True)
        articles = self.query_one(ArticleList)
        articles.set_read(self.state.read_ids)
        articles.set_open(article.id)
        for panel in (QuotesPanel, TopicsPanel, BookmarksPanel):
            self.query_one(panel).show_analysis(analysis)
        self.refresh_bookmarks()
        self._update_header()
        self._save_state()
        self.refresh_bindings()  # keys that need an open article now apply

    # ----- opening -------------------------------------------------------------------------

    def open_article(self, request: OpenRequest) -> None:
        """Open an article in the reader (loaded in a worker)."""
        self.load_article(request)

    @on(ArticleList.Selected)
    def _article_selected(self, event: ArticleList.Selected) -> None:
        self.open_article(OpenRequest(event.summary.id))
        self.query_one(ReaderView).focus()

    @on(ArticleList.SearchRequested)
    def _search_from_list(self) -> None:
        self.action_search()

    def on_open_passage(self, message: OpenPassage) -> None:
        message.stop()
        self.open_article(
            OpenRequest(message.article_id, message.paragraph, message.start, message.end)
        )

    def on_show_view(self, message: ShowView) -> None:
        message.stop()

        def opened(passage: OpenPassage | None) -> None:
            if passage is not None:
                self.on_open_passage(passage)

        self.app.push_screen(message.build(self.library), opened)

    def action_search(self) -> None:
        from briefreader.ui.screens.search import SearchScreen  # not needed before then

        def chosen(choice: SearchChoice | None) -> None:
            if choice is not None:
                self.open_article(
                    OpenRequest(choice.article_id, choice.paragraph, terms=choice.terms)
                )
                self.query_one(ReaderView).focus()

        self.app.push_screen(SearchScreen(self.library), chosen)

    def _step_article(self, step: int) -> None:
        articles = self.query_one(ArticleList)
        if not articles.summaries:
            return
        current = articles.index_of(self.open_analysis.article.id) if self.open_analysis else None
        index = articles.cursor if current is None else current + step
        if 0 <= index < len(articles.summaries):
            articles.cursor = index
            self.open_article(OpenRequest(articles.summaries[index].id))

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_toggle_read(self) -> None:
        target = self._target_article()
        if target is None:
            return
        now_read = self.state.toggle_read(target)
        self.query_one(ArticleList).set_read(self.state.read_ids)
        self.notify("Marked as read" if now_read else "Marked as unread")
        self._update_header()
        self._save_state()

    def _target_article(self) -> str | None:
        articles = self.query_one(ArticleList)
        if articles.has_focus and articles.current is not None:
            return articles.current.id
        return self.open_analysis.article.id if self.open_analysis else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_article", "previous_article"):
            return bool(self.summaries)
        if action == "toggle_read":
            return self._target_article() is not None
        if action == "switch_tab":  # left/right switch tabs only from inside the sidebar
            return self._focused_pane() == "sidebar"
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        find = self.query_one(FindBar)
        if find.is_open:
            self._close_find()
        elif self._focused_pane() != "articles":
            self.query_one(ArticleList).focus()

    # ----- find ----------------------------------------------------------------------------

    @on(ReaderView.FindRequested)
    def _open_find(self) -> None:
        self.query_one(FindBar).open()

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self.query_one(ReaderView).find(event.query)

    @on(FindBar.Done)
    def _find_done(self) -> None:
        self.query_one(ReaderView).focus()

    @on(FindBar.Closed)
    def _close_find(self) -> None:
        self.query_one(FindBar).close()
        reader = self.query_one(ReaderView)
        reader.clear_find()
        reader.focus()

    @on(ReaderView.FindStatus)
    def _find_status(self, event: ReaderView.FindStatus) -> None:
        find = self.query_one(FindBar)
        if event.total and not find.is_open:
            find.add_class("-open")
        find.show_count(event.current, event.total)

    # ----- reading state -------------------------------------------------------------------

    @on(ReaderView.CursorMoved)
    def _cursor_moved(self, event: ReaderView.CursorMoved) -> None:
        if self.open_analysis is not None:
            self.state.set_position(self.open_analysis.article.id, event.paragraph)

    def _save_position(self) -> None:
        reader = self.query_one(ReaderView)
        paragraph = reader.current_paragraph
        if self.open_analysis is not None and paragraph is not None:
            self.state.set_position(self.open_analysis.article.id, paragraph)

    def _save_state(self) -> None:
        try:
            self.state.save()
        except OSError as error:
            if not self._save_failed:  # say it once, not at every periodic save
                self._save_failed = True
                self.notify(
                    f"Could not save the reading state: {error}", severity="error", markup=False
                )
        else:
            self._save_failed = False

    def save_reading_state(self) -> None:
        """Called when the app closes."""
        self._save_position()
        self._save_state()

    def _update_header(self) -> None:
        read = sum(1 for s in self.summaries if self.state.is_read(s.id))
        total = len(self.summaries)
        self.query_one(LibraryHeader).show(self.library.name, total, total - read, self.progress)
