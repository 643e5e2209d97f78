"""Messages that any panel may post and the main screen handles."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenPassage(Message):
    """Open an article at a paragraph, optionally marking a span in it (quote, hit, bookmark)."""

    article_id: str
    paragraph: int
    start: int | None = None
    end: int | None = None
