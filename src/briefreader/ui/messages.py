"""Messages that any panel may post and the main screen handles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from briefreader.core.library import Library


@dataclass
class OpenPassage(Message):
    """Open an article at a paragraph, optionally marking a span in it (quote, hit, bookmark)."""

    article_id: str
    paragraph: int
    start: int | None = None
    end: int | None = None


@dataclass
class ShowView(Message):
    """Push a full-screen view built from the library; it may dismiss with a passage to open."""

    build: Callable[[Library], Screen[OpenPassage | None]]
