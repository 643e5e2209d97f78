"""A click queued for a row that a refill removed is ignored instead of crashing the app."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.app import App, ComposeResult

from briefreader.ui.widgets.row_list import RowList


class OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield RowList("first", "second", "third")


def click_on_row(widget: RowList, row: int) -> events.Click:
    return events.Click(
        widget, 1, row, 0, 0, 1, False, False, False, style=Style(meta={"option": row})
    )


async def test_a_click_on_a_row_removed_meanwhile_does_nothing() -> None:
    app = OneList()
    async with app.run_test() as pilot:
        rows = app.query_one(RowList)
        stale_click = click_on_row(rows, 2)  # queued while the list had three rows
        rows.clear_options().add_options(["only"])
        rows.post_message(stale_click)
        await pilot.pause()
        assert app.is_running
        assert rows.highlighted in (None, 0)


async def test_a_click_on_a_row_still_there_selects_it() -> None:
    selected: list[int] = []

    class Recording(OneList):
        def on_option_list_option_selected(self, event: RowList.OptionSelected) -> None:
            selected.append(event.option_index)

    app = Recording()
    async with app.run_test() as pilot:
        rows = app.query_one(RowList)
        rows.post_message(click_on_row(rows, 1))
        await pilot.pause()
        assert selected == [1]
