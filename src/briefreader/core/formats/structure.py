"""Shared by every format: blocks (headings and paragraphs) -> sections with numbered paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefreader.core.models import Paragraph, Section

HEADING_MAX_CHARS = 100
_SENTENCE_END = re.compile(r"[.!?:;,…]$")
_TRAILING_CLOSERS = "\"'”’»)]*"


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or a paragraph of body text, in document order."""

    text: str
    heading: bool = False


def looks_like_heading(line: str) -> bool:
    """A short line with no sentence-ending punctuation that starts like a title."""
    text = line.strip()
    if not text or len(text) > HEADING_MAX_CHARS or "\n" in text:
        return False
    if _SENTENCE_END.search(text.rstrip(_TRAILING_CLOSERS)) or text[-1] in '"”’»':
        return False
    first = text.lstrip("\"“‘'(")[:1]
    return first.isupper() or first.isdigit()


def sections_from_blocks(blocks: Iterable[Block]) -> tuple[Section, ...]:
    """Group paragraphs under headings; a heading with no body after it becomes a paragraph."""
    items = [b for b in blocks if b.text.strip()]
    # A heading followed by another heading or by nothing is body text, not a section start.
    normalised: list[Block] = []
    for i, block in enumerate(items):
        has_body_after = i + 1 < len(items) and not items[i + 1].heading
        normalised.append(Block(block.text, block.heading and has_body_after))
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[Paragraph] = []
    index = 0
    for block in normalised:
        if block.heading:
            if paragraphs or heading is not None:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = block.text.strip(), []
        else:
            paragraphs.append(Paragraph(index, block.text.strip()))
            index += 1
    if paragraphs or heading is not None:
        sections.append(Section(heading, tuple(paragraphs)))
    return tuple(sections)
