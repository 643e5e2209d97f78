"""Plain text articles: paragraphs, headings, byline, title and boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefreader.core.cleanup import copyright_holder, is_boilerplate
from briefreader.core.formats.structure import Block, looks_like_heading, sections_from_blocks
from briefreader.core.models import Section

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
BYLINE = re.compile(
    r"^(?:by\s+)?(?P<author>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*,\s*(?P<source>[^,.!?]{2,60})$"
)
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von|der|da|di|le|la|bin|al)){1,6}"
_BY_AUTHOR = re.compile(rf"^by\s+(?P<author>{_NAME})$", re.I)
# "By Name — 24 July 2023", "By Name | Reuters", "By Name, Staff Writer"
_BY_AUTHOR_AND_MORE = re.compile(rf"^by\s+(?P<author>{_NAME})\s*(?:[,|–—·•]|\s-)\s*.{{0,80}}$")


@dataclass(frozen=True, slots=True)
class ParsedText:
    """What a text-like format yields before it becomes an Article."""

    title: str | None
    author: str | None
    source: str | None
    sections: tuple[Section, ...]


def byline_author(line: str) -> str | None:
    """The author named by a byline such as 'By Name Surname' (None for any other line)."""
    text = line.strip()
    if len(text) > 160:
        return None
    match = _BY_AUTHOR.match(text) or _BY_AUTHOR_AND_MORE.match(text)
    if match is None:
        return None
    author = match.group("author").strip()
    if author.split()[-1].lower() in {"and", "&"}:
        return None
    return author


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
        byline = BYLINE.match(paragraphs[0]) or _BY_AUTHOR.match(paragraphs[0])
        if byline:
            author = byline.group("author")
            source = byline.groupdict().get("source")
            paragraphs = paragraphs[1:]
    holders = [h for h in map(copyright_holder, paragraphs) if h]
    if source is None and holders:
        source = holders[0]
    paragraphs = [p for p in paragraphs if not is_boilerplate(p)]
    if len(paragraphs) > 2 and author is None and byline_author(paragraphs[1]):
        # "Headline" then "By Name": the byline confirms the first line is the title.
        title, author, paragraphs = paragraphs[0], byline_author(paragraphs[1]), paragraphs[2:]
    elif (
        len(paragraphs) > 1
        and looks_like_heading(paragraphs[0])
        and not looks_like_heading(paragraphs[1])
    ):
        title, paragraphs = paragraphs[0], paragraphs[1:]
        if author is None and paragraphs and byline_author(paragraphs[0]):
            author, paragraphs = byline_author(paragraphs[0]), paragraphs[1:]
    blocks = [Block(p, heading=looks_like_heading(p)) for p in paragraphs]
    return ParsedText(title, author, source, sections_from_blocks(blocks))
