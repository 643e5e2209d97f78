"""The real app over the hostile corpus: every article in every screen, a click on every cell.

Markup in an article must show as text; if it were parsed, `[@click=app.quit]` would quit
the app when clicked. So each screen showing hostile text gets a click on every cell (the
footer aside: its keys run real actions), and the app must still be running afterwards,
with no file written and no bookmark changed.
"""

from __future__ import annotations

import asyncio
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import Corpus, mode_bits_enforced, unsafe_characters
from make_corpus import make_library
from rich.console import Console
from textual.app import App, ComposeResult
from textual.command import CommandList
from textual.events import Click
from textual.geometry import Offset, Region
from textual.pilot import Pilot
from textual.widgets import Footer, Static, TabbedContent
from textual.worker import Worker, WorkerState

from briefreader.cli.tui_cmd import make_app
from briefreader.config import Settings
from briefreader.core.bookmarks import BookmarkStore
from briefreader.core.models import Article
from briefreader.core.reader import read_article
from briefreader.paths import Paths
from briefreader.ui.app import BriefReaderApp
from briefreader.ui.screens.bookmarks_screen import BookmarksScreen
from briefreader.ui.screens.main import MainScreen, OpenRequest
from briefreader.ui.screens.search import SearchScreen
from briefreader.ui.screens.topic_passages import TopicPassagesScreen
from briefreader.ui.widgets.reader import ReaderView
from pilot_workers import wait_for_workers

SMALL, WIDE = (60, 20), (110, 30)
MARKUP_ARTICLE = "markup in title, body, heading, quote"
HOSTILE_NOTES = [
    "[@click=app.quit]quit[/] [link=https://x]y[/link]",
    "[/bold] trailing \\",
    "clipboard \x1b]52;c;UFdORUQ=\x07 title \x1b]0;PWNED\x07 clear \x9b2J",
]


def build_app(*paths: Path) -> BriefReaderApp:
    return make_app(list(paths), Settings(paths=Paths.from_environment()))


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker finished and every message was handled."""
    for _ in range(2):
        await wait_for_workers(pilot.app)
        await pilot.pause()


def screen_text(app: App[object]) -> str:
    """Every character on the screen (dialogs over their screen included), one row a line."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      record=True, color_system="truecolor", legacy_windows=False)  # fmt: skip
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()


def in_footer(app: App[object], x: int, y: int) -> bool:
    try:
        widget, _ = app.screen.get_widget_at(x, y)
    except Exception:  # no widget there
        return False
    return any(isinstance(node, Footer) for node in widget.ancestors_with_self)


async def click_everywhere(
    pilot: Pilot[None], region: Region | None = None, *, one_at_a_time: bool = False
) -> None:
    """Click every cell of the region (default: the screen), row by row, footer aside.

    Click events are forwarded as the driver sends them and the app catches up after each
    row: Pilot's own click waits for idle around every event, too slow for thousands.
    `one_at_a_time` waits after each click and stops when the screen closes, so that the
    rest of the sweep does not land on the screen below (queued clicks that close the
    command palette twice are covered by tests/ui/test_palette_close.py).
    """
    app = pilot.app
    width, height = app.size
    region = region or Region(0, 0, width, height)
    start = app.screen
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            if not app.is_running or one_at_a_time and app.screen is not start:
                return
            if in_footer(app, x, y):
                continue
            screen = app.screen
            arguments = dict(widget=screen, x=x, y=y, delta_x=0, delta_y=0, button=1,
                             shift=False, meta=False, ctrl=False, screen_x=x, screen_y=y)  # fmt: skip
            app.mouse_position = Offset(x, y)
            screen._forward_event(Click(**arguments, chain=1))
            if one_at_a_time:
                await pilot._wait_for_screen()
        await pilot._wait_for_screen()
    await settle(pilot)


def save_hostile_bookmarks(article_path: Path) -> list[str]:
    article = read_article(article_path)
    assert isinstance(article, Article)
    store = BookmarkStore(Paths.from_environment().bookmarks_db)
    for number, note in enumerate(HOSTILE_NOTES):
        store.add(article, number, note=note)
    store.close()
    return bookmark_notes()


def bookmark_notes() -> list[str]:
    store = BookmarkStore(Paths.from_environment().bookmarks_db)
    try:
        return sorted(f"{b.id}:{b.path}:{b.anchor.paragraph}:{b.note}" for b in store.all())
    finally:
        store.close()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty current folder: nothing the app does may write a file into it.

    File modes are enforced too, so the mode-000 cases are unreadable even to root.
    """
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    with mode_bits_enforced():
        yield folder
    assert sorted(os.listdir(folder)) == [], "the app wrote into the current folder"


async def test_the_click_sweep_would_catch_an_action_link() -> None:
    """The sweep is a real check: on a widget that does parse markup, a click quits."""

    class Vulnerable(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("[@click=app.quit]Breaking news[/]")

    app = Vulnerable()
    async with app.run_test(size=SMALL) as pilot:
        await click_everywhere(pilot)
        assert not app.is_running


async def test_every_hostile_article_opens_in_the_reader(
    light_corpus: Corpus, workdir: Path
) -> None:
    app = build_app(light_corpus.folder)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        readable = [c for c in light_corpus.cases if c.expect == "read"]
        assert len(screen.summaries) == len(readable)
        for summary in screen.summaries:
            screen.open_article(OpenRequest(summary.id))
            await settle(pilot)
            analysis = screen.query_one(ReaderView).analysis
            assert analysis is not None and analysis.article.id == summary.id, summary.title
            text = screen_text(app)
            assert not unsafe_characters(text.replace("\n", "")), summary.title
            assert summary.title[:20] in text  # the reader heads the article with its title
        assert app.is_running


async def test_clicking_every_cell_of_every_screen_triggers_nothing(
    display_corpus: Corpus, workdir: Path
) -> None:
    markup_article = display_corpus.path(display_corpus.case(MARKUP_ARTICLE))
    bookmarks_before = save_hostile_bookmarks(markup_article)
    app = build_app(display_corpus.folder)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        summary = next(s for s in main.summaries if s.path == markup_article)

        async def open_markup_article() -> None:
            if app.screen is not main:
                app.pop_screen()
            main.open_article(OpenRequest(summary.id))
            await settle(pilot)

        # The main screen: list, reader, and each sidebar tab.
        await open_markup_article()
        assert "[@click=app.quit]Leave now[/]" in screen_text(app).replace("\n", " ")
        await click_everywhere(pilot)
        assert app.is_running
        for tab in ("tab-topics", "tab-bookmarks", "tab-quotes"):
            await open_markup_article()
            main.query_one(TabbedContent).active = tab
            await settle(pilot)
            await click_everywhere(pilot, main.query_one(TabbedContent).region)
            assert app.is_running, tab

        # Full-screen views at a small size.
        await pilot.resize_terminal(*SMALL)
        views = {
            "search": lambda: SearchScreen(app.library, "nested brackets"),
            "bookmarks": lambda: BookmarksScreen(app.library),
            "topic passages": lambda: TopicPassagesScreen(app.library, app.library.topics[0]),
        }
        for name, view in views.items():
            await open_markup_article()
            app.push_screen(view())
            await settle(pilot)
            assert not unsafe_characters(screen_text(app).replace("\n", "")), name
            await click_everywhere(pilot)
            assert app.is_running, name

        # The note dialog shows the hostile passage; it is cancelled, so nothing is saved.
        await open_markup_article()
        main.query_one(ReaderView).focus()
        await pilot.press("g", "M")
        await settle(pilot)
        assert "[/] Body with [/bold]" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running

        # The command palette, listing hostile titles and sources.
        await open_markup_article()
        await pilot.press("ctrl+p")
        await pilot.press(*"click")
        await settle(pilot)
        text = screen_text(app)
        assert "[@click=app.quit]Quit[/]" in text and "[$accent @click=app.quit]Outlet" in text
        hits = app.screen.query_one(CommandList).region
        await click_everywhere(pilot, hits, one_at_a_time=True)
        assert app.is_running
    assert bookmark_notes() == bookmarks_before


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    make_library(tmp_path / "big", 1500)
    return tmp_path / "big"


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quitting_during_indexing_stops_the_indexer(
    key: str, big_library: Path, workdir: Path
) -> None:
    app = build_app(big_library)
    steps: list[tuple[int, int]] = []
    started, finished = asyncio.Event(), threading.Event()
    refresh = app.library.refresh_index
    loop = asyncio.get_running_loop()

    def watched_refresh(progress=None, **options):  # type: ignore[no-untyped-def]
        def record(done: int, total: int) -> None:
            steps.append((done, total))
            loop.call_soon_threadsafe(started.set)
            if progress is not None:
                progress(done, total)

        try:
            return refresh(record, **options)
        finally:
            finished.set()

    app.library.refresh_index = watched_refresh  # type: ignore[method-assign]
    async with app.run_test(size=SMALL) as pilot:
        await started.wait()
        (loader,) = [w for w in app.workers if w.group == "load"]
        await pilot.press(key)
    assert loader.state is WorkerState.CANCELLED or _cancelled(loader)
    assert await asyncio.to_thread(finished.wait, 60)
    done, total = steps[-1]
    assert done < total, "the indexer ran to the end after the app quit"


def _cancelled(worker: Worker[object]) -> bool:
    return worker.is_cancelled
