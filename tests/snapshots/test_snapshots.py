"""What the main screens look like at a fixed size (SVG baselines in __snapshots__)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefreader.cli.tui_cmd import make_app
from briefreader.config import Settings
from briefreader.paths import Paths
from briefreader.ui.widgets.article_list import ArticleList
from pilot_workers import wait_for_workers

ROOT = Path(__file__).resolve().parents[2]
WIDE = (120, 36)  # with the sidebar
SIZE = (98, 32)  # the sidebar folds away below 100 columns


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", target)
    return target


def app_on(folder: Path):
    return make_app([folder], Settings(paths=Paths.from_environment()))


async def settle(pilot: Pilot[None]) -> None:
    await wait_for_workers(pilot.app)
    await pilot.pause()
    await wait_for_workers(pilot.app)
    await pilot.pause()


def opening(title_start: str, *keys: str):
    """Wait for the library, open the article whose title starts so, then press keys."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        articles = pilot.app.screen.query_one(ArticleList)
        articles.cursor = next(
            n for n, s in enumerate(articles.summaries) if s.title.startswith(title_start)
        )
        await pilot.press("enter")
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run


def test_main_screen_with_an_open_article(snap_compare, seeds: Path) -> None:
    assert snap_compare(app_on(seeds), terminal_size=WIDE, run_before=opening("Fism", "j"))


def test_start_with_the_list_focused(snap_compare, small_library: Path) -> None:
    assert snap_compare(app_on(small_library), terminal_size=SIZE, run_before=settle)


def test_find_in_article_highlights_every_match(snap_compare, small_library: Path) -> None:
    run = opening("Drones over", "slash", *"kherson", "enter", "n")
    assert snap_compare(app_on(small_library), terminal_size=SIZE, run_before=run)


def test_topic_focus_dims_other_topics(snap_compare, seeds: Path) -> None:
    run = opening("Five things", "T", "right_square_bracket")
    assert snap_compare(app_on(seeds), terminal_size=SIZE, run_before=run)


def test_library_search_results(snap_compare, seeds: Path) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("S", *"kirby")
        deadline = time.monotonic() + 10
        while getattr(pilot.app.screen, "answered", None) != "kirby":
            assert time.monotonic() < deadline, "no search results"
            await pilot.pause(0.02)
        await settle(pilot)

    assert snap_compare(app_on(seeds), terminal_size=SIZE, run_before=run)


def test_help_panel(snap_compare, seeds: Path) -> None:
    run = opening("Fism", "question_mark")
    assert snap_compare(app_on(seeds), terminal_size=SIZE, run_before=run)


def test_narrow_terminal_shows_one_pane(snap_compare, seeds: Path) -> None:
    assert snap_compare(app_on(seeds), terminal_size=(64, 24), run_before=opening("Fism"))


def test_tiny_terminal_says_too_small(snap_compare, seeds: Path) -> None:
    assert snap_compare(app_on(seeds), terminal_size=(36, 8), run_before=settle)


def test_hostile_article_shows_literally(snap_compare, small_library: Path) -> None:
    assert snap_compare(app_on(small_library), terminal_size=SIZE, run_before=opening("Tricky"))
