"""Bookmark keys of the main screen: m, M, B, E, u; saving in workers, marks in the reader."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from briefreader.ui.messages import ShowView
from briefreader.ui.screens.bookmark_ops import describe_failure, item_of
from briefreader.ui.screens.bookmark_writes import BookmarkWrites
from briefreader.ui.widgets.bookmarks_panel import BookmarkItem, BookmarksPanel
from briefreader.ui.widgets.reader import ReaderView

# The bookmark store, the note dialog and the bookmarks screen are imported when first used,
# so that the reader's first screen does not wait for them.
if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis
    from briefreader.core.bookmarks import Bookmark, PlacedBookmark
    from briefreader.core.library import Library
    from briefreader.core.models import Article


@dataclass(frozen=True, slots=True)
class PendingBookmark:
    """A bookmark the user made that is not saved yet (or could not be saved)."""

    number: int
    article: Article
    paragraph: int
    note: str
    error: str | None = None

    def item(self) -> BookmarkItem:
        text = self.article.paragraphs[self.paragraph].text
        return BookmarkItem(
            key=f"pending:{self.number}", path=self.article.path, title=self.article.display_title,
            paragraph=self.paragraph, start=None, end=None, quote=text, note=self.note, tags=(),
            status="unsaved" if self.error else "saving", error=self.error,
        )  # fmt: skip


class BookmarkingScreen(BookmarkWrites, Screen[None]):
    """The bookmark half of the main screen; the subclass sets `library` and `open_analysis`
    and calls `refresh_bookmarks()` whenever an article opens."""

    BINDINGS: list[BindingType] = [
        Binding("m", "bookmark", "Bookmark", id="main.bookmark"),
        Binding("M", "bookmark_with_note", "Bookmark + note", id="main.bookmark_note", show=False),
        Binding("B", "show_bookmarks", "Bookmarks", id="main.bookmarks"),
        Binding("E", "export_brief", "Export brief", id="main.export", show=False),
        Binding("u", "undo_delete", "Undo delete", id="main.undo_bookmark", show=False),
    ]

    library: Library
    open_analysis: Analysis | None

    class Loaded(Message):
        def __init__(
            self, path: Path, placed: tuple[PlacedBookmark, ...], notices: list[str]
        ) -> None:
            super().__init__()
            self.path = path
            self.placed = placed
            self.notices = notices

    class Saved(Message):
        def __init__(self, number: int, error: str | None) -> None:
            super().__init__()
            self.number = number
            self.error = error

    class Changed(Message):
        """A note edit, a deletion or an undo finished (error set when it failed)."""

        def __init__(
            self, done: str, error: str | None = None, *, removed: Bookmark | None = None,
            noted: int | None = None,
        ) -> None:  # fmt: skip
            super().__init__()
            self.done = done
            self.error = error
            self.removed = removed
            self.noted = noted  # the bookmark whose note was saved

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pending: dict[int, PendingBookmark] = {}
        self._numbers = itertools.count(1)
        self._placed: tuple[PlacedBookmark, ...] = ()
        self._unsaved_notes: dict[int, str] = {}  # note edits that failed, offered again on e

    # ----- showing -------------------------------------------------------------------------

    def refresh_bookmarks(self) -> None:
        """Load the open article's bookmarks (in a worker) and show them."""
        self._placed = ()
        self._show_open_bookmarks()
        if self.open_analysis is not None:
            self._load(self.open_analysis.article)

    @work(thread=True, exclusive=True, group="bookmarks", exit_on_error=False)
    def _load(self, article: Article) -> None:
        store = self.library.bookmarks
        placed = store.placed(store.for_path(article.path), [article])
        notices = list(store.notices)
        store.notices.clear()
        self.post_message(self.Loaded(article.path, placed, notices))

    def on_bookmarking_screen_loaded(self, message: Loaded) -> None:
        for notice in message.notices:
            self.notify(notice, severity="warning", markup=False, timeout=15)
        if self.open_analysis is not None and self.open_analysis.article.path == message.path:
            self._placed = message.placed
            self._show_open_bookmarks()

    def _show_open_bookmarks(self) -> None:
        if self.open_analysis is None:
            return
        path = self.open_analysis.article.path
        items = [item_of(p) for p in self._placed]
        items += [p.item() for p in self._pending.values() if p.article.path == path]
        items.sort(key=lambda i: (i.paragraph, i.start or 0))
        self.query_one(BookmarksPanel).show_bookmarks(items)
        self.query_one(ReaderView).set_bookmarked(
            i.paragraph for i in items if i.status != "orphan"
        )

    def on_screen_resume(self) -> None:
        if self.open_analysis is not None:
            self._load(self.open_analysis.article)  # the full list may have changed notes

    # ----- adding --------------------------------------------------------------------------

    def action_bookmark(self) -> None:
        self._bookmark_current(with_note=False)

    def action_bookmark_with_note(self) -> None:
        self._bookmark_current(with_note=True)

    def _bookmark_current(self, *, with_note: bool) -> None:
        paragraph = self.query_one(ReaderView).current_paragraph
        if self.open_analysis is None or paragraph is None:
            self.notify("Open an article first, then bookmark a paragraph.", markup=False)
            return
        article = self.open_analysis.article
        whole = [p for p in self._placed if p.paragraph == paragraph.index and p.placement.found
                 and p.quote == paragraph.text]  # fmt: skip
        if whole:
            self.notify(f"¶ {paragraph.index + 1} is already bookmarked; e in the Bookmarks tab edits its note.",
                        markup=False)  # fmt: skip
            return
        if not with_note:
            self._start_saving(article, paragraph.index, "")
            return
        from briefreader.ui.screens.note_dialog import NoteDialog

        def noted(note: str | None) -> None:
            if note is not None:
                self._start_saving(article, paragraph.index, note)

        self.app.push_screen(NoteDialog(paragraph.text), noted)

    def _start_saving(self, article: Article, paragraph: int, note: str) -> None:
        pending = PendingBookmark(next(self._numbers), article, paragraph, note)
        self._pending[pending.number] = pending
        self._show_open_bookmarks()
        self._save(pending)

    @work(thread=True, group="bookmark writes", exit_on_error=False)
    def _save(self, pending: PendingBookmark) -> None:
        from briefreader.core.bookmark_models import AlreadyBookmarked

        try:
            self.library.bookmarks.add(pending.article, pending.paragraph, note=pending.note)
        except AlreadyBookmarked:
            pass  # saved meanwhile (another briefreader, the command line): the passage is kept
        except Exception as error:  # noqa: BLE001 - whatever failed, the bookmark stays on screen
            self.post_message(self.Saved(pending.number, describe_failure(error)))
            return
        self.post_message(self.Saved(pending.number, None))

    def on_bookmarking_screen_saved(self, message: Saved) -> None:
        pending = self._pending.get(message.number)
        if pending is None:
            return
        if message.error is None:
            del self._pending[message.number]
            self.notify(f"Bookmarked ¶ {pending.paragraph + 1}", timeout=2, markup=False)
            self.refresh_bookmarks()
            return
        self._pending[message.number] = replace(pending, error=message.error)
        self.notify(f"Bookmark not saved: {message.error}. It stays in the Bookmarks tab; "
                    "s there tries again.", severity="error", timeout=10, markup=False)  # fmt: skip
        self._show_open_bookmarks()

    @on(BookmarksPanel.Retry)
    def _retry(self, message: BookmarksPanel.Retry) -> None:
        number = int(message.item.key.split(":")[1])
        pending = self._pending.get(number)
        if pending is not None:
            self._pending[number] = replace(pending, error=None)
            self._show_open_bookmarks()
            self._save(self._pending[number])

    # ----- changing ------------------------------------------------------------------------

    @on(BookmarksPanel.EditNote)
    def _edit_note(self, message: BookmarksPanel.EditNote) -> None:
        bookmark = message.item.bookmark
        if bookmark is None:
            return
        draft = self._unsaved_notes.get(bookmark.id, bookmark.note)
        from briefreader.ui.screens.note_dialog import NoteDialog

        def noted(note: str | None) -> None:
            if note is not None:
                self._unsaved_notes[bookmark.id] = note
                self._update_note(bookmark.id, note)

        self.app.push_screen(NoteDialog(message.item.quote, draft, title="Edit the note"), noted)

    @work(thread=True, group="bookmark writes", exit_on_error=False)
    def _update_note(self, bookmark_id: int, note: str) -> None:
        try:
            self.library.bookmarks.update(bookmark_id, note=note)
        except Exception as error:  # noqa: BLE001 - shown to the user; the draft is kept
            self.post_message(self.Changed("", f"Note not saved: {describe_failure(error)}. "
                                               "Press e again to retry; your text is kept."))  # fmt: skip
            return
        self.post_message(self.Changed("Note saved", noted=bookmark_id))

    @on(BookmarksPanel.Delete)
    def _delete(self, message: BookmarksPanel.Delete) -> None:
        if message.item.bookmark is not None:
            self._remove(message.item.bookmark.id)

    def on_bookmarking_screen_changed(self, message: Changed) -> None:
        if message.error is not None:
            self.notify(message.error, severity="error", timeout=10, markup=False)
            return
        if message.noted is not None:
            self._unsaved_notes.pop(message.noted, None)
        self.remember_removed(message.removed)
        self.notify(message.done, timeout=4, markup=False)
        self.refresh_bookmarks()

    def write_done(self, text: str, *, removed: Bookmark | None = None) -> Message:
        return self.Changed(text, removed=removed)

    def write_failed(self, text: str) -> Message:
        return self.Changed("", text)

    # ----- the full list -------------------------------------------------------------------

    def action_show_bookmarks(self) -> None:
        from briefreader.ui.screens.bookmarks_screen import BookmarksScreen

        self.post_message(ShowView(build=BookmarksScreen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("bookmark", "bookmark_with_note"):
            return self.open_analysis is not None
        if action == "undo_delete":
            return self.last_removed is not None
        return True
