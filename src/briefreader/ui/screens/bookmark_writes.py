"""Deleting, restoring and exporting bookmarks in workers, for the screens that offer them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from briefreader.ui.screens.bookmark_ops import describe_failure, export_brief

if TYPE_CHECKING:
    from briefreader.core.bookmarks import Bookmark
    from briefreader.core.library import Library


class BookmarkWrites:
    """Delete (u undoes the last one) and export for a screen; it says how results are told.

    `write_done` and `write_failed` build the message each worker posts; the screen's
    handler for it calls `remember_removed` so that u can put a deleted bookmark back.
    """

    library: Library
    last_removed: Bookmark | None = None

    if TYPE_CHECKING:

        def post_message(self, message: Message) -> bool: ...
        def refresh_bindings(self) -> None: ...

    def write_done(self, text: str, *, removed: Bookmark | None = None) -> Message:
        raise NotImplementedError

    def write_failed(self, text: str) -> Message:
        raise NotImplementedError

    def remember_removed(self, removed: Bookmark | None) -> None:
        if removed is not None:
            self.last_removed = removed
            self.refresh_bindings()

    @work(thread=True, group="bookmark writes", exit_on_error=False)
    def _remove(self, bookmark_id: int) -> None:
        try:
            removed = self.library.bookmarks.remove(bookmark_id)
        except Exception as error:  # noqa: BLE001 - shown to the user
            self.post_message(self.write_failed(describe_failure(error)))
            return
        self.post_message(self.write_done("Bookmark deleted · u undoes it", removed=removed))

    def action_undo_delete(self) -> None:
        if self.last_removed is not None:
            self._restore(self.last_removed)
            self.last_removed = None

    @work(thread=True, group="bookmark writes", exit_on_error=False)
    def _restore(self, bookmark: Bookmark) -> None:
        try:
            self.library.bookmarks.insert(bookmark)
        except Exception as error:  # noqa: BLE001 - shown to the user
            self.post_message(self.write_failed(describe_failure(error)))
            return
        self.post_message(self.write_done("Bookmark restored"))

    def action_export_brief(self) -> None:
        self._export()

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self) -> None:
        try:
            path, count = export_brief(self.library)
        except Exception as error:  # noqa: BLE001 - shown to the user
            self.post_message(self.write_failed(describe_failure(error)))
            return
        self.post_message(self.write_done(f"Brief of {count} bookmark{'s' if count != 1 else ''} "
                                          f"written to {path}"))  # fmt: skip
