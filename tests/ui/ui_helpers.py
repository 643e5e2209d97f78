"""Small steps shared by the Pilot tests."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from briefreader.ui.app import BriefReaderApp
from briefreader.ui.widgets.article_list import ArticleList
from briefreader.ui.widgets.reader import ReaderView


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker finished and every message was handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_article(pilot: Pilot[None], title_start: str) -> ReaderView:
    """Move the list cursor to the article whose title starts so, press enter, wait."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, BriefReaderApp)
    articles = app.screen.query_one(ArticleList)
    articles.focus()
    index = next(n for n, s in enumerate(articles.summaries) if s.title.startswith(title_start))
    articles.cursor = index
    await pilot.press("enter")
    await settle(pilot)
    reader = app.screen.query_one(ReaderView)
    assert reader.analysis is not None
    assert reader.analysis.article.display_title.startswith(title_start)
    return reader


def screen_text(app: App[object]) -> str:
    """Every character on the screen, one line per row, trailing spaces trimmed."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True,
        color_system="truecolor", legacy_windows=False, safe_box=False,
    )  # fmt: skip
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until `condition` holds (timers, workers), failing after a deadline."""
    deadline = time.monotonic() + 10
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
        await pilot.app.workers.wait_for_complete()
