"""The header line: the library's name, its counts, and indexing progress."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class LibraryHeader(Static):
    """`briefreader  NAME  ·  12 articles · 3 unread  ·  indexing 40/120`."""

    def show(self, name: str, total: int, unread: int, progress: tuple[int, int] | None) -> None:
        """Redraw with these figures; `progress` is (done, total) while indexing."""
        header = Text()
        header.append("briefreader", style="bold")
        header.append("  ")
        header.append(name)  # a folder name from the disk: plain text, never markup
        header.append(f"  ·  {total} article{'s' if total != 1 else ''} · {unread} unread")
        if progress is not None:
            done, of = progress
            header.append(f"  ·  indexing {done}/{of}" if of else "  ·  loading…")
        self.update(header)
