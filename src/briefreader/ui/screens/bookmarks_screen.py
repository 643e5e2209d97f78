"""Every bookmark in one list, grouped by article: open, edit the note, delete, filter, export."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option

from briefreader.core.bookmarks import Bookmark
from briefreader.core.library import Library
from briefreader.core.sanitize import sanitize_line
from briefreader.ui.messages import OpenPassage
from briefreader.ui.screens.bookmark_ops import all_items, by_article, describe_failure
from briefreader.ui.screens.bookmark_writes import BookmarkWrites
from briefreader.ui.screens.note_dialog import NoteDialog
from briefreader.ui.widgets.bookmarks_panel import BookmarkItem, bookmark_prompt
from briefreader.ui.widgets.row_list import RowList


class BookmarksScreen(BookmarkWrites, Screen[OpenPassage | None]):
    """All bookmarks by article. Enter opens the passage; / filters the list."""

    HELP = "Every bookmark, grouped by article. / filters; enter opens the passage."
    BINDINGS: list[BindingType] = [
        Binding("escape", "back", "Back", id="bookmarks.back"),
        Binding("e", "edit_note", "Edit note", id="bookmarks.edit"),
        Binding("x", "delete", "Delete", id="bookmarks.delete"),
        Binding("u", "undo_delete", "Undo", id="bookmarks.undo"),
        Binding("E", "export_brief", "Export brief", id="bookmarks.export"),
        Binding("slash", "filter", "Filter", id="bookmarks.filter"),
    ]
    DEFAULT_CSS = """
    BookmarksScreen {
        #bookmarks-title { padding: 0 1; text-style: bold; background: $panel; width: 1fr; }
        #bookmarks-filter { margin: 0 1; }
        #bookmarks-status { padding: 0 2; color: $text-muted; height: 1; }
        #bookmarks-all { height: 1fr; margin: 0 1; }
    }
    """

    class Loaded(Message):
        def __init__(self, items: list[BookmarkItem], notices: list[str]) -> None:
            super().__init__()
            self.items = items
            self.notices = notices

    class Done(Message):
        """A change finished in a worker: what to tell the user, or what went wrong."""

        def __init__(
            self, text: str, *, error: bool = False, removed: Bookmark | None = None
        ) -> None:
            super().__init__()
            self.text = text
            self.error = error
            self.removed = removed

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.items: list[BookmarkItem] | None = None
        self.shown: list[BookmarkItem] = []

    def compose(self) -> ComposeResult:
        yield Label("Bookmarks", id="bookmarks-title", markup=False)
        yield Input(placeholder="/ filters: words in the passage, note, tags, title or status",
                    id="bookmarks-filter", select_on_focus=False)  # fmt: skip
        yield Label("Loading bookmarks…", id="bookmarks-status", markup=False)
        yield RowList(id="bookmarks-all", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    # ----- loading and showing -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="bookmarks list", exit_on_error=False)
    def load(self) -> None:
        try:
            items, notices = all_items(self.library)
        except Exception as error:  # noqa: BLE001 - shown in the status line
            self.post_message(self.Done(describe_failure(error), error=True))
            return
        self.post_message(self.Loaded(items, notices))

    def on_bookmarks_screen_loaded(self, message: Loaded) -> None:
        for notice in message.notices:
            self.notify(notice, severity="warning", markup=False, timeout=15)
        self.items = message.items
        self._show()

    def _show(self) -> None:
        if self.items is None:
            return
        words = self.query_one(Input).value.casefold().split()
        self.shown = [i for i in self.items if all(w in _haystack(i) for w in words)]
        options: list[Option | None] = []
        for title, rows in by_article(self.shown):
            header = Text(sanitize_line(title), "bold reverse")
            options.append(Option(header, disabled=True))
            for row in rows:
                prompt = bookmark_prompt(row, passage_chars=400)
                prompt.append("\n")  # a blank line between bookmarks of one article
                options.append(Option(prompt, id=row.key))
            options.append(None)  # a separator between articles
        self.shown = [row for _, rows in by_article(self.shown) for row in rows]
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.set_options(options[:-1] if options else [])
        if self.shown:
            first_row = 1
            option_list.highlighted = (
                highlighted if highlighted is not None and not _is_header(option_list, highlighted)
                else first_row
            )  # fmt: skip
        self.query_one("#bookmarks-status", Label).update(self._status())
        self.refresh_bindings()  # e and x apply once there is a bookmark to act on

    @on(OptionList.OptionHighlighted, "#bookmarks-all")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def _status(self) -> str:
        total = len(self.items or [])
        if not total:
            return "No bookmarks yet. In the reader, m bookmarks the marked paragraph."
        orphans = sum(1 for i in self.items or [] if i.status == "orphan")
        status = f"{total} bookmark{'s' if total != 1 else ''}"
        if len(self.shown) != total:
            status = f"{len(self.shown)} of {status} match"
        if orphans:
            status += f" · {orphans} whose passage is no longer found"
        return status

    @on(Input.Changed, "#bookmarks-filter")
    def _filter_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#bookmarks-filter")
    def _filter_done(self) -> None:
        self.query_one(OptionList).focus()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_back(self) -> None:
        field = self.query_one(Input)
        if field.has_focus or field.value:
            field.value = ""
            self.query_one(OptionList).focus()
        elif self.is_current:
            self.dismiss(None)

    @property
    def current(self) -> BookmarkItem | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return None
        key = option_list.get_option_at_index(option_list.highlighted).id
        return next((i for i in self.shown if i.key == key), None)

    # ----- acting on a bookmark ------------------------------------------------------------

    @on(OptionList.OptionSelected, "#bookmarks-all")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.is_current:  # a second click or key queued before this screen closed
            return
        item = self.current
        if item is None:
            return
        if item.article_id is None:
            self.notify("That article is not in the open library; its passage is shown here.",
                        severity="warning", markup=False)  # fmt: skip
            return
        if item.status == "orphan":
            self.notify(
                "The passage is no longer in the article; opening the article.", markup=False
            )
            self.dismiss(OpenPassage(item.article_id, item.paragraph))
            return
        self.dismiss(OpenPassage(item.article_id, item.paragraph, item.start, item.end))

    def action_edit_note(self) -> None:
        item = self.current
        if item is None or item.bookmark is None:
            return
        bookmark_id = item.bookmark.id

        def noted(note: str | None) -> None:
            if note is not None:
                self._update_note(bookmark_id, note)

        self.app.push_screen(NoteDialog(item.quote, item.note, title="Edit the note"), noted)

    @work(thread=True, group="bookmark writes", exit_on_error=False)
    def _update_note(self, bookmark_id: int, note: str) -> None:
        try:
            self.library.bookmarks.update(bookmark_id, note=note)
        except Exception as error:  # noqa: BLE001 - shown to the user
            self.post_message(self.Done(f"Note not saved: {describe_failure(error)}", error=True))
            return
        self.post_message(self.Done("Note saved"))

    def action_delete(self) -> None:
        item = self.current
        if item is not None and item.bookmark is not None:
            self._remove(item.bookmark.id)

    def on_bookmarks_screen_done(self, message: Done) -> None:
        if message.error:
            self.notify(message.text, severity="error", timeout=10, markup=False)
            return
        self.remember_removed(message.removed)
        self.notify(message.text, timeout=4, markup=False)
        self.load()

    def write_done(self, text: str, *, removed: Bookmark | None = None) -> Message:
        return self.Done(text, removed=removed)

    def write_failed(self, text: str) -> Message:
        return self.Done(text, error=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_note", "delete"):
            return self.is_mounted and self.current is not None
        if action == "undo_delete":  # listed (dimmed) even with nothing to undo yet
            return True if self.last_removed is not None else None
        return True


def _haystack(item: BookmarkItem) -> str:
    return " ".join(
        (item.title, item.quote, item.note, " ".join(item.tags), item.status)
    ).casefold()


def _is_header(option_list: OptionList, index: int) -> bool:
    return index >= option_list.option_count or option_list.get_option_at_index(index).disabled
