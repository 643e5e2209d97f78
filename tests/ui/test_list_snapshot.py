"""The list as last shown is painted at the next start, before the index is open."""

from __future__ import annotations

import shutil
from pathlib import Path

from ui_helpers import screen_text, settle

from briefreader.core.library import Library
from briefreader.core.models import ArticleSummary, Topic
from briefreader.paths import Paths
from briefreader.ui.screens.list_snapshot import read_snapshot, snapshot_file, write_snapshot
from briefreader.ui.widgets.article_list import ArticleList

TITLES = ["Drones over the river", "Markets calm", "Tricky [b]markup[/b] title"]


def titles(app) -> list[str]:
    return [summary.title for summary in app.screen.query_one(ArticleList).summaries]


async def test_a_second_start_shows_the_list_before_the_index_answers(
    app_factory, small_library: Path
) -> None:
    first = app_factory()
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert sorted(titles(first)) == TITLES
    # Without its index the list could only come from reading every file again.
    shutil.rmtree(Paths.from_environment().cache_dir / "index")
    (small_library / "d-new.txt").write_text("Added later\n\nA new article.\n", encoding="utf-8")
    again = app_factory()
    async with again.run_test(size=(120, 40)) as pilot:
        assert sorted(titles(again)) == TITLES  # at once: the list as it was
        await settle(pilot)
        assert sorted(titles(again)) == sorted([*TITLES, "Added later"])  # then as it is
        assert "4 articles" in screen_text(again)
    third = app_factory()
    async with third.run_test(size=(120, 40)) as pilot:
        assert "Added later" in titles(third)
        await settle(pilot)


async def test_a_damaged_list_file_is_ignored_then_replaced(app_factory) -> None:
    first = app_factory()
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    kept = next((Paths.from_environment().cache_dir / "lists").iterdir())
    for damage in (b'{"format": 1, "topics": [], "articles": [["only two", 3]]}', b"{\xff"):
        kept.write_bytes(damage)
        again = app_factory()
        async with again.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert sorted(titles(again)) == TITLES
            assert "Tricky [b]markup[/b] title" in screen_text(again)
        assert sorted(s.title for s in read_snapshot(again.library)) == TITLES


def test_the_list_kept_for_other_topics_is_not_shown(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    drones = Topic("drones", "Drones", "red", terms=("drone",))
    summary = ArticleSummary("a1", folder / "a.txt", "A title", "Wire", "2024-01-01", ("drones",))
    write_snapshot(Library([folder], topics=[drones], cache_dir=tmp_path), [summary])
    assert read_snapshot(Library([folder], topics=[drones], cache_dir=tmp_path)) == (summary,)
    wider = Topic("drones", "Drones", "red", terms=("drone", "UAV"))
    assert read_snapshot(Library([folder], topics=[wider], cache_dir=tmp_path)) == ()
    assert read_snapshot(Library([folder], topics=[], cache_dir=tmp_path)) == ()


def test_undecodable_file_names_survive_the_round_trip(tmp_path: Path) -> None:
    library = Library([tmp_path], cache_dir=tmp_path / "cache")
    odd = tmp_path / "caf\udce9 \u2028 [b].txt"  # a Latin-1 byte, a line separator, brackets
    summary = ArticleSummary("a1", odd, "Caf\udce9", None, None)
    write_snapshot(library, [summary])
    assert read_snapshot(library) == (summary,)
    assert snapshot_file(library).read_bytes().isascii()
