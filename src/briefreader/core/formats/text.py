"""Plain text articles: paragraphs, headings, byline, title and boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefreader.core.cleanup import copyright_holder, is_boilerplate
from briefreader.core.formats.structure import Block, looks_like_heading, sections_from_blocks
from briefreader.core.models import Section

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_BYLINE = re.compile(
    r"^(?:by\s+)?(?P<author>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*,\s*(?P<source>[^,.!?]{2,60})$"
)
_BY_AUTHOR = re.compile(
    r"^by\s+(?P<author>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&)){1,5})$", re.I
)


@dataclass(frozen=True, slots=True)
class ParsedText:
    """What a text-like format yields before it becomes an Article."""

    title: str | None
    author: str | None
    source: str | None
    sections: tuple[Section, ...]


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a file with none has one paragraph per line."""
    text = text.strip("\n")
    if _BLANK_LINE.search(text):
        chunks = _BLANK_LINE.split(text)
        return [" ".join(line.strip() for line in c.split("\n") if line.strip()) for c in chunks]
    return [line.strip() for line in text.split("\n")]


def parse_text(text: str) -> ParsedText:
    """Read plain text into title, byline and sections."""
    paragraphs = [p for p in split_paragraphs(text) if p.strip()]
    author = source = title = None
    if paragraphs:
        byline = _BYLINE.match(paragraphs[0]) or _BY_AUTHOR.match(paragraphs[0])
        if byline:
            author = byline.group("author")
            source = byline.groupdict().get("source")
            paragraphs = paragraphs[1:]
    holders = [h for h in map(copyright_holder, paragraphs) if h]
    if source is None and holders:
        source = holders[0]
    paragraphs = [p for p in paragraphs if not is_boilerplate(p)]
    if (
        len(paragraphs) > 1
        and looks_like_heading(paragraphs[0])
        and not looks_like_heading(paragraphs[1])
    ):
        title, paragraphs = paragraphs[0], paragraphs[1:]
        if author is None and paragraphs and _BY_AUTHOR.match(paragraphs[0]):
            author = _BY_AUTHOR.match(paragraphs[0]).group("author")  # type: ignore[union-attr]
            paragraphs = paragraphs[1:]
    blocks = [Block(p, heading=looks_like_heading(p)) for p in paragraphs]
    return ParsedText(title, author, source, sections_from_blocks(blocks))
