"""A small dialog to write or change a bookmark's note; returns the note, or None when cancelled."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from briefreader.core.sanitize import sanitize_line, sanitize_text
from briefreader.ui.widgets.bookmarks_panel import in_quote_marks

PASSAGE_PREVIEW_CHARS = 240


class NoteDialog(ModalScreen[str | None]):
    """Write a note (Markdown) on a passage. ctrl+s saves, escape cancels."""

    HELP = "Your note on the passage, in Markdown. ctrl+s saves it, escape cancels."
    BINDINGS: list[BindingType] = [
        Binding("ctrl+s", "save", "Save note", id="note.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]
    DEFAULT_CSS = """
    NoteDialog {
        align: center middle;
        & > Vertical {
            width: 72; max-width: 95%; height: auto; max-height: 90%;
            border: thick $accent; background: $surface; padding: 0 1;
        }
        #note-title { text-style: bold; padding: 0 0 1 0; }
        #note-passage { color: $text-muted; text-style: italic; max-height: 6; padding: 0 0 1 0; }
        #note-text { height: 8; }
        #note-buttons { height: auto; align-horizontal: right; padding: 1 0 0 0; }
        #note-buttons Button { margin-left: 1; }
    }
    """

    def __init__(self, passage: str, note: str = "", *, title: str = "Note on the passage") -> None:
        super().__init__()
        self.passage = passage
        self.note = note
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        preview = sanitize_line(self.passage)
        if len(preview) > PASSAGE_PREVIEW_CHARS:
            preview = preview[: PASSAGE_PREVIEW_CHARS - 1] + "…"
        with Vertical():
            yield Label(sanitize_line(self.dialog_title), id="note-title", markup=False)
            yield Static(Text(in_quote_marks(preview)), id="note-passage")
            yield TextArea(
                sanitize_text(self.note), id="note-text", soft_wrap=True, show_line_numbers=False
            )
            with Horizontal(id="note-buttons"):
                yield Button("Cancel", id="note-cancel")
                yield Button("Save  ctrl+s", id="note-save", variant="primary")

    def on_mount(self) -> None:
        text = self.query_one(TextArea)
        text.focus()
        text.move_cursor(text.document.end)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
