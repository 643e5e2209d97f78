"""What the bookmark screens ask of the library, run in their workers; rows for the lists."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from briefreader.ui.widgets.bookmarks_panel import BookmarkItem

# The bookmark store (and sqlite3) load when a bookmark is first used, not at start.
if TYPE_CHECKING:
    from briefreader.core.bookmarks import PlacedBookmark
    from briefreader.core.library import Library


def describe_failure(error: BaseException) -> str:
    """A bookmark error's own sentence; anything else named plainly."""
    from briefreader.core.bookmarks import BookmarkError

    if isinstance(error, BookmarkError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def item_of(placed: PlacedBookmark, article_id: str | None = None) -> BookmarkItem:
    bookmark, placement = placed.bookmark, placed.placement
    return BookmarkItem(
        key=f"saved:{bookmark.id}",
        path=bookmark.path,
        title=bookmark.title,
        paragraph=placed.paragraph,
        start=placement.start,
        end=placement.end,
        quote=placed.quote,
        note=bookmark.note,
        tags=bookmark.tags,
        status=placed.status,
        bookmark=bookmark,
        article_id=article_id,
    )


def article_ids(library: Library) -> dict[bytes, str]:
    """Article ids of the open library by file path, to open a bookmark's article."""
    try:
        summaries: Iterable[object] = library.summaries()
    except Exception:  # noqa: BLE001 - no usable index: read the files instead
        summaries = ()
    found = {os.fsencode(s.path): s.id for s in summaries}  # type: ignore[attr-defined]
    if not found:
        found = {os.fsencode(a.path): a.id for a in library.articles()}
    return found


def all_items(library: Library) -> tuple[list[BookmarkItem], list[str]]:
    """Every bookmark where its passage is now, and any notice from opening the store."""
    store = library.bookmarks
    ids = article_ids(library)
    items = [item_of(p, ids.get(os.fsencode(p.bookmark.path))) for p in store.placed()]
    notices = list(store.notices)
    store.notices.clear()
    return items, notices


def export_brief(library: Library) -> tuple[Path, int]:
    """Write the Markdown brief to the current folder, or to the data dir if that fails."""
    from briefreader.core.bookmarks import BookmarkError
    from briefreader.core.brief_export import write_brief

    store = library.bookmarks
    text = store.export_markdown()
    count = len(store.all())
    folders = [Path.cwd(), store.db_path.parent]
    for folder in folders:
        try:
            return write_brief(text, folder), count
        except OSError as error:
            last = error
    raise BookmarkError(f"cannot write the brief: {last.strerror or last}")


def by_article(items: Iterable[BookmarkItem]) -> list[tuple[str, list[BookmarkItem]]]:
    """Rows grouped under their article (by file), articles in title order."""
    groups: dict[bytes, list[BookmarkItem]] = {}
    for item in sorted(items, key=lambda i: (i.title.casefold(), os.fsencode(i.path), i.paragraph)):
        groups.setdefault(os.fsencode(item.path), []).append(item)
    return [(rows[0].title, rows) for rows in groups.values()]
