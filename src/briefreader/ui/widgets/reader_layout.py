"""The reader's text model: blocks of an article, word wrapping per width, styled runs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from briefreader.core.models import Article

_WORD = re.compile(r"(\S+)(\s*)")
# Tabs and newlines inside a paragraph are shown as spaces; same length keeps offsets valid.
_WHITESPACE = str.maketrans("\t\n", "  ")


class BlockKind(Enum):
    TITLE = "title"
    META = "meta"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """One wrapped unit of the reader: a title, a byline, a heading or a paragraph."""

    kind: BlockKind
    text: str
    paragraph: int = -1  # article-wide paragraph index for paragraphs, else -1
    section: int = -1  # index of the section it belongs to (-1 for the article header)


def article_blocks(article: Article) -> list[Block]:
    """The article as the reader shows it, top to bottom."""
    blocks = [Block(BlockKind.TITLE, article.display_title.translate(_WHITESPACE))]
    meta = " · ".join(
        part
        for part in (
            f"By {article.author}" if article.author else "",
            article.source or "",
            article.published or "",
        )
        if part
    )
    if meta:
        blocks.append(Block(BlockKind.META, meta.translate(_WHITESPACE)))
    for number, section in enumerate(article.sections):
        if section.heading:
            blocks.append(
                Block(BlockKind.HEADING, section.heading.translate(_WHITESPACE), section=number)
            )
        for paragraph in section.paragraphs:
            text = paragraph.text.translate(_WHITESPACE)
            blocks.append(Block(BlockKind.PARAGRAPH, text, paragraph.index, number))
    return blocks


# Characters one cell wide for certain (Latin, Greek, Cyrillic, common punctuation); text
# made only of them can be wrapped by counting characters, with one fast regular expression.
_NOT_NARROW = re.compile(
    "[^\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]"
)
_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def _line_pattern(width: int) -> re.Pattern[str]:
    pattern = _LINE_PATTERNS.get(width)
    if pattern is None:
        # The longest run of up to `width` characters that ends before a space (or the end),
        # else `width` characters of one long word; then the spaces after it.
        pattern = re.compile(rf"(?:.{{1,{width}}}(?=\s|\Z)|.{{{width}}})\s*", re.DOTALL)
        _LINE_PATTERNS[width] = pattern
    return pattern


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) offsets of each line; long words are split."""
    width = max(1, width)
    if not text:
        return [(0, 0)]
    if _NOT_NARROW.search(text) is None:
        return [m.span() for m in _line_pattern(width).finditer(text)] or [(0, len(text))]
    return _wrap_measured(text, width)


def _wrap_measured(text: str, width: int) -> list[tuple[int, int]]:
    """The same wrap for text with wide or zero-width characters, measuring each word."""
    measure = len if text.isascii() else cell_len
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.span(1)
        word_width = measure(match.group(1))
        if used and used + word_width > width:
            lines.append((start, word_start))
            start, used = word_start, 0
        while word_width > width:
            cut = _cut_at_width(text, word_start, width, measure)
            lines.append((start, cut))
            start = word_start = cut
            word_width = measure(text[word_start:word_end])
            used = 0
        used += word_width + len(match.group(2))
    lines.append((start, len(text)))
    return lines


def _cut_at_width(text: str, start: int, width: int, measure: object) -> int:
    if measure is len:
        return start + width
    used = 0
    position = start
    while position < len(text):
        used += cell_len(text[position])
        if used > width:
            break
        position += 1
    return max(position, start + 1)


@dataclass(frozen=True, slots=True)
class Layout:
    """The wrapped lines of every block at one width."""

    width: int
    lines: tuple[tuple[int, int, int], ...]  # (block, start, end); start == -1 is a spacer
    first_line: tuple[int, ...]  # first line of each block

    def block_at(self, line: int) -> int:
        return self.lines[max(0, min(line, len(self.lines) - 1))][0]

    def line_of(self, block: int, offset: int = 0) -> int:
        """The line showing character `offset` of a block."""
        first = self.first_line[block]
        last = self.first_line[block + 1] if block + 1 < len(self.first_line) else len(self.lines)
        starts = [self.lines[n][1] for n in range(first, last) if self.lines[n][1] >= 0]
        return first + max(0, bisect_right(starts, offset) - 1)

    def block_end(self, block: int) -> int:
        """The last text line of a block."""
        last = self.first_line[block + 1] if block + 1 < len(self.first_line) else len(self.lines)
        while last - 1 > self.first_line[block] and self.lines[last - 1][1] < 0:
            last -= 1
        return last - 1


def layout_blocks(blocks: Sequence[Block], width: int) -> Layout:
    """Wrap every block at `width`, with a blank line after each block but the title."""
    lines: list[tuple[int, int, int]] = []
    first_line: list[int] = []
    for number, block in enumerate(blocks):
        first_line.append(len(lines))
        lines.extend((number, start, end) for start, end in wrap_offsets(block.text, width))
        if block.kind is not BlockKind.TITLE:
            lines.append((number, -1, -1))
    return Layout(width, tuple(lines), tuple(first_line))


StyledSpan = tuple[int, int, Style]


@dataclass(frozen=True, slots=True)
class Runs:
    """A block's text cut into runs of one style each, for fast slicing into lines."""

    starts: list[int]
    styles: list[Style]

    def segments(self, text: str, start: int, end: int) -> Iterable[Segment]:
        index = max(0, bisect_right(self.starts, start) - 1)
        position = start
        while position < end and index < len(self.starts):
            run_end = self.starts[index + 1] if index + 1 < len(self.starts) else len(text)
            stop = min(end, run_end)
            if stop > position:
                yield Segment(text[position:stop], self.styles[index])
            position = stop
            index += 1


def style_runs(length: int, base: Style, spans: Sequence[StyledSpan]) -> Runs:
    """Cut [0, length) into runs; later spans are drawn over earlier ones."""
    if not spans:
        return Runs([0], [base])
    events: dict[int, list[tuple[bool, int]]] = {}
    for order, (start, end, _style) in enumerate(spans):
        start, end = max(0, start), min(length, end)
        if end <= start:
            continue
        events.setdefault(start, []).append((True, order))
        events.setdefault(end, []).append((False, order))
    starts: list[int] = [0]
    styles: list[Style] = [base]
    active: set[int] = set()
    combined: dict[frozenset[int], Style] = {frozenset(): base}
    for position in sorted(events):
        for opening, order in events[position]:
            (active.add if opening else active.discard)(order)
        key = frozenset(active)
        style = combined.get(key)
        if style is None:
            style = Style.chain(base, *(spans[order][2] for order in sorted(active)))
            combined[key] = style
        if starts[-1] == position:
            styles[-1] = style
        else:
            starts.append(position)
            styles.append(style)
    return Runs(starts, styles)
