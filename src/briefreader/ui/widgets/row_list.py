"""An OptionList that ignores a click on a row that a refill removed before the click arrived."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList


class RowList(OptionList):
    """OptionList for lists that refill while the user clicks (search results, panels).

    Textual's OptionList looks the clicked row up by the index it had when the click was
    queued; after a refill that index can be past the end and the lookup raises. Such a
    click now does nothing, as a click on empty space would.
    """

    async def _on_click(self, event: events.Click) -> None:
        # Textual then calls OptionList's own handler (handlers run along the class
        # hierarchy) unless the default is prevented, which is what a stale click gets.
        clicked = event.style.meta.get("option")
        if clicked is not None and not 0 <= clicked < self.option_count:
            event.prevent_default()
