"""The find bar under the reader: type to find in the article; shows "3/17"."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input


class FindBar(Horizontal):
    """An input and a match count. Hidden until asked for."""

    BINDINGS: list[BindingType] = [
        Binding("escape", "close", "Close find", id="find.close"),
    ]
    DEFAULT_CSS = """
    FindBar {
        height: 1;
        display: none;
        &.-open { display: block; }
        /* `:focus` too: Input's own focused border would take the one row and hide the text */
        Input, Input:focus { border: none; height: 1; width: 1fr; padding: 0 1; }
        #find-count { width: 14; padding: 0 1; color: $text-muted; }
    }
    """

    class Changed(Message):
        """The text to find changed."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Done(Message):
        """Enter: keep the matches and go back to the article."""

    class Closed(Message):
        """Escape: clear the matches and hide the bar."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Find in article…", id="find-input", select_on_focus=True)
        yield FindCount(id="find-count")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        self.query_one(Input).focus()

    def close(self) -> None:
        self.remove_class("-open")
        self.query_one(Input).value = ""
        self.show_count(0, 0)

    def show_terms(self, terms: Sequence[str]) -> None:
        """Show the words a search result highlights, without finding them as one phrase."""
        field = self.query_one(Input)
        with field.prevent(Input.Changed):
            field.value = " ".join(terms)
        self.add_class("-open")

    def show_count(self, current: int, total: int) -> None:
        """Show where find stands, as "3/17" (or "no matches")."""
        query = self.query_one(Input).value
        count = self.query_one(FindCount)
        count.text = f"{current}/{total}" if total else ("no matches" if query else "")

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_close(self) -> None:
        self.post_message(self.Closed())


class FindCount(Widget):
    """ "3/17": a fixed-width widget, so updating it never re-lays out the screen."""

    text: reactive[str] = reactive("")

    def render(self) -> str:
        return self.text
