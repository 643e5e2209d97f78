"""The Bookmarks tab of the sidebar: bookmarked passages of the open article, with their notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefreader.core.sanitize import sanitize_line, sanitize_text
from briefreader.ui.messages import OpenPassage
from briefreader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis
    from briefreader.core.bookmarks import Bookmark

STATUS_WORDS = {
    "anchored": "",
    "moved": "moved",
    "orphan": "passage not found",
    "saving": "saving…",
    "unsaved": "NOT SAVED",
}


OPENING_QUOTE_MARKS = frozenset("\"'“”‘’„‚«»‹›「『")


def in_quote_marks(passage: str) -> str:
    """The passage between curly quotes, unless it already opens with a quotation mark."""
    if passage[:1] in OPENING_QUOTE_MARKS:
        return passage
    return f"“{passage}”"


@dataclass(frozen=True, slots=True)
class BookmarkItem:
    """One row of a bookmarks list: a saved bookmark where it stands now, or one being saved."""

    key: str  # "saved:<id>" or "pending:<n>"
    path: Path
    title: str
    paragraph: int
    start: int | None
    end: int | None
    quote: str
    note: str
    tags: tuple[str, ...]
    status: str  # anchored, moved, orphan, saving, unsaved
    error: str | None = None
    bookmark: Bookmark | None = None  # None until saved
    article_id: str | None = None  # None when the file is not in the open library

    @property
    def saved(self) -> bool:
        return self.bookmark is not None


def bookmark_prompt(item: BookmarkItem, *, passage_chars: int = 200) -> Text:
    """A bookmark as rows of plain text: place and status, the passage, the note, the tags."""
    row = Text()
    row.append(f"¶ {item.paragraph + 1}", "bold")
    status = STATUS_WORDS.get(item.status, item.status)
    if status:
        style = "bold red" if item.status in ("unsaved", "orphan") else "dim"
        row.append(f" · {status}", style)
    quote = sanitize_line(item.quote)
    if len(quote) > passage_chars:
        quote = quote[: passage_chars - 1] + "…"
    row.append("\n")
    row.append(in_quote_marks(quote), "italic")
    if item.note:
        row.append("\n")
        row.append(sanitize_text(item.note).strip())
    if item.tags:
        row.append("\n")
        row.append("  ".join(f"#{sanitize_line(t)}" for t in item.tags), "dim")
    if item.error:
        row.append("\n")
        row.append(sanitize_line(item.error), "red")
    return row


class BookmarksPanel(Widget):
    """The open article's bookmarks; enter opens one, e edits its note, x deletes it."""

    HELP = "Bookmarks of the open article. Enter goes to the passage; e edits the note; x deletes."
    BINDINGS: list[BindingType] = [
        Binding("e", "edit_note", "Edit note", id="bookmarks_panel.edit"),
        Binding("x", "delete", "Delete", id="bookmarks_panel.delete"),
        Binding("s", "retry", "Save again", id="bookmarks_panel.retry"),
    ]
    DEFAULT_CSS = """
    BookmarksPanel {
        height: 1fr;
        & > OptionList { height: 1fr; border: none; padding: 0; }
        & > #bookmarks-hint { color: $text-muted; padding: 0 1; height: auto; }
    }
    """

    class EditNote(Message):
        """The user wants to change a saved bookmark's note."""

        def __init__(self, item: BookmarkItem) -> None:
            super().__init__()
            self.item = item

    class Delete(Message):
        """The user wants a saved bookmark gone."""

        def __init__(self, item: BookmarkItem) -> None:
            super().__init__()
            self.item = item

    class Retry(Message):
        """The user wants another try at saving a bookmark that could not be saved."""

        def __init__(self, item: BookmarkItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.analysis: Analysis | None = None
        self.items: tuple[BookmarkItem, ...] = ()

    def compose(self) -> ComposeResult:
        yield RowList(id="bookmarks-list", markup=False)
        yield Static(self._hint(), id="bookmarks-hint", markup=False)

    def show_analysis(self, analysis: Analysis) -> None:
        """Called whenever an article opens; its bookmarks follow with `show_bookmarks`."""
        self.analysis = analysis
        self.show_bookmarks(())

    def show_bookmarks(self, items: Sequence[BookmarkItem]) -> None:
        """The open article's bookmarks, saved and pending, in reading order."""
        self.items = tuple(items)
        if not self.is_mounted:
            return
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.set_options(Option(bookmark_prompt(i), id=i.key) for i in self.items)
        if self.items:
            options.highlighted = min(highlighted or 0, len(self.items) - 1)
        self.query_one("#bookmarks-hint", Static).update(self._hint())

    def _hint(self) -> str:
        if self.analysis is None:
            return "Open an article, then press m on a paragraph to bookmark it. B lists them all."
        if not self.items:
            return "No bookmarks here yet: m bookmarks the marked paragraph, M adds a note."
        return "Enter goes to the passage · e note · x delete · B all bookmarks"

    @property
    def current(self) -> BookmarkItem | None:
        index = self.query_one(OptionList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not 0 <= event.option_index < len(self.items):
            return  # the list was refilled after this click was queued
        item = self.items[event.option_index]
        if self.analysis is not None:
            article_id = self.analysis.article.id
            self.post_message(OpenPassage(article_id, item.paragraph, item.start, item.end))

    @on(OptionList.OptionHighlighted, "#bookmarks-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()  # e, x and s apply to some rows only

    def action_edit_note(self) -> None:
        if self.current is not None and self.current.saved:
            self.post_message(self.EditNote(self.current))

    def action_delete(self) -> None:
        if self.current is not None and self.current.saved:
            self.post_message(self.Delete(self.current))

    def action_retry(self) -> None:
        if self.current is not None and self.current.status == "unsaved":
            self.post_message(self.Retry(self.current))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        current = self.current if self.is_mounted else None
        if action in ("edit_note", "delete"):
            return current is not None and current.saved
        if action == "retry":
            return current is not None and current.status == "unsaved"
        return True
