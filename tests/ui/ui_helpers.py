"""Small steps shared by the Pilot tests."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, TabbedContent

from briefreader.cli.tui_cmd import make_app
from briefreader.config import DEFAULT_TOPICS, Settings
from briefreader.core.models import Topic
from briefreader.paths import Paths
from briefreader.ui.app import BriefReaderApp
from briefreader.ui.widgets.article_list import ArticleList
from briefreader.ui.widgets.reader import ReaderView
from pilot_workers import wait_for_workers

SEED_ARTICLES = Path(__file__).resolve().parents[2] / "articles"

PanelT = TypeVar("PanelT", bound=Widget)


def seeds_app(topics: tuple[Topic, ...] = DEFAULT_TOPICS) -> BriefReaderApp:
    """The app on the bundled sample articles, tracking these topics."""
    settings = Settings(paths=Paths.from_environment(), topics=topics)
    return make_app([SEED_ARTICLES], settings)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker finished and every message was handled."""
    await wait_for_workers(pilot.app)
    await pilot.pause()
    await wait_for_workers(pilot.app)
    await pilot.pause()


async def press_and_settle(pilot: Pilot[None], *keys: str) -> None:
    """Press the keys, then wait until what they started is done."""
    await pilot.press(*keys)
    await settle(pilot)


async def show_tab(
    pilot: Pilot[None], tab: str, panel_type: type[PanelT], *, focus_list: bool = False
) -> PanelT:
    """Bring the sidebar tab `tab` ("tab-quotes", ...) forward and return its panel.

    With `focus_list` the panel's list takes the focus, as if the user had moved there.
    """
    pilot.app.screen.query_one("#sidebar", TabbedContent).active = tab
    await settle(pilot)
    panel = pilot.app.screen.query_one(panel_type)
    if focus_list:
        panel.query_one(OptionList).focus()
        await pilot.pause()
    return panel


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


def notifications(app: App[object]) -> list[str]:
    """The text of every notification the app has shown."""
    return [str(n.message) for n in app._notifications]


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
        await wait_for_workers(pilot.app)
