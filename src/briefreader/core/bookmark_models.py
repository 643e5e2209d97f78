"""What a bookmark is: the saved passage and note, and where the passage stands now."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefreader.core.anchoring import ORPHAN, Anchor, Placement, locate
from briefreader.core.bookmark_db import BookmarkError
from briefreader.core.models import Article
from briefreader.core.sanitize import sanitize_line


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A passage the user kept: the article as it was then, the anchor, their note and tags."""

    id: int
    uid: str  # stable across export and import
    path: Path
    title: str
    source: str | None
    published: str | None
    url: str | None
    anchor: Anchor
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""

    @property
    def quote(self) -> str:
        """The passage's words as saved (what an orphan still shows)."""
        return self.anchor.exact


@dataclass(frozen=True, slots=True)
class PlacedBookmark:
    """A bookmark and where its passage stands in the article file as it is now."""

    bookmark: Bookmark
    placement: Placement
    article: Article | None = None  # None when the file is gone or unreadable

    @property
    def status(self) -> str:
        return self.placement.status

    @property
    def quote(self) -> str:
        """The passage as it reads now, or as saved when it cannot be found."""
        place = self.placement
        if self.article is None or place.paragraph is None:
            return self.bookmark.quote
        text = self.article.paragraphs[place.paragraph].text
        return text[place.start : place.end]

    @property
    def paragraph(self) -> int:
        """The paragraph the passage is in now, or was in when it cannot be found."""
        if self.placement.paragraph is None:
            return self.bookmark.anchor.paragraph
        return self.placement.paragraph


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: bookmarks added, updated (newer note), already there, unreadable."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: tuple[str, ...] = field(default_factory=tuple)


def place(bookmark: Bookmark, article: Article | None) -> PlacedBookmark:
    """Where one bookmark's passage stands in the article as it is now."""
    if article is None:
        return PlacedBookmark(bookmark, ORPHAN, None)
    placement = locate(bookmark.anchor, [p.text for p in article.paragraphs])
    return PlacedBookmark(bookmark, placement, article)


class AlreadyBookmarked(BookmarkError):
    """The passage is bookmarked already: same file, same paragraph, same words."""

    def __init__(self, existing: Bookmark) -> None:
        paragraph = existing.anchor.paragraph + 1  # as the reader and the brief count
        title = sanitize_line(existing.title)
        super().__init__(f"¶ {paragraph} of {title} is already bookmarked (bookmark {existing.id})")
        self.existing = existing
