"""The command palette, closed once however many clicks or keys ask it to close."""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette


class SingleCloseCommandPalette(CommandPalette):
    """Textual's palette, except that a second close request is ignored.

    Clicks queued before the palette handled the first one each call `dismiss()`, and
    `dismiss()` pops whatever screen is on top: the second one would pop the main screen
    and stop the app.
    """

    def dismiss(self, result: object = None) -> AwaitComplete:
        if not self.is_current:
            return AwaitComplete.nothing()
        return super().dismiss(result)
