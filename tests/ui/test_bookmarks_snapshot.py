"""How the full bookmarks list looks: articles as headers, passage, note, tags, status."""

from __future__ import annotations

from pathlib import Path

from test_bookmarks_screen import article
from ui_helpers import settle


def test_the_bookmarks_screen(snap_compare, app_factory, small_library: Path) -> None:
    app = app_factory()

    async def bookmark_and_open_the_list(pilot) -> None:
        store = app.library.bookmarks
        long = article(small_library / "a-long.md")
        store.add(long, 5, note="Drones near Kherson: check the date.", tags=["drones", "kherson"])
        store.add(long, 1, note="Weather aside")
        store.add(
            article(small_library / "b-short.txt"), 0, note="Markets **steady**", tags=["markets"]
        )
        hostile = article(small_library / "c-hostile.txt")
        store.add(hostile, 0)
        (small_library / "c-hostile.txt").write_text("Rewritten entirely.\n", encoding="utf-8")
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 36), run_before=bookmark_and_open_the_list)
