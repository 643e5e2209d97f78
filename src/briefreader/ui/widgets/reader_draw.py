"""How the reader draws one line: the margin marks and the styled runs of a block."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from briefreader.core.models import Topic
from briefreader.ui.widgets.reader_layout import (
    Block,
    BlockKind,
    Layout,
    Runs,
    StyledSpan,
    style_runs,
)
from briefreader.ui.widgets.reader_marks import Marks

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis

MatchSpan = tuple[int, int, int]  # (block, start, end)


class ReaderDrawing:
    """Drawing for `ReaderView`; the state it reads is set by the view."""

    analysis: Analysis | None
    blocks: list[Block]
    marks: Marks
    cursor: int
    show_topics: bool
    focused_topic: str | None
    find_matches: list[MatchSpan]
    find_index: int
    passage_mark: MatchSpan | None
    bookmarked: frozenset[int]
    topics: dict[str, Topic]
    _runs: dict[int, Runs]
    _base_style: Style

    if TYPE_CHECKING:

        def get_component_rich_style(self, *names: str, partial: bool = False) -> Style: ...

    def _render_text_line(self, layout: Layout, line: int, width: int) -> Strip:
        block_number, start, end = layout.lines[line]
        block = self.blocks[block_number]
        spacer = start < 0
        on_cursor = block.paragraph >= 0 and block.paragraph == self.cursor and not spacer
        first_line = layout.first_line[block_number] == line
        segments = [
            Segment("▌", self._style("reader--cursor-mark")) if on_cursor else Segment(" "),
            Segment("◆", self._style("reader--bookmark"))
            if first_line and block.paragraph in self.bookmarked
            else Segment(" "),
            self._section_bar(block),
            Segment(" "),
        ]
        if not spacer:
            segments.extend(self._runs_of(block_number).segments(block.text, start, end))
        strip = Strip(segments).apply_style(self._base_style)
        return strip.adjust_cell_length(width, self._base_style)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _section_bar(self, block: Block) -> Segment:
        if block.section < 0 or self.analysis is None or not self.show_topics:
            return Segment(" ")
        topics = self.analysis.article.sections[block.section].topics
        shown = [t for t in topics if t in self.topics and self.focused_topic in (None, t)]
        if not shown:
            return Segment(" ")
        return Segment("▎", Style(color=self.topics[shown[0]].color))

    def _runs_of(self, block_number: int) -> Runs:
        runs = self._runs.get(block_number)
        if runs is None:
            runs = style_runs(len(self.blocks[block_number].text), *self._styling(block_number))
            self._runs[block_number] = runs
        return runs

    def _styling(self, block_number: int) -> tuple[Style, list[StyledSpan]]:
        block = self.blocks[block_number]
        base = {
            BlockKind.TITLE: "reader--title",
            BlockKind.META: "reader--meta",
            BlockKind.HEADING: "reader--heading",
        }.get(block.kind)
        style = self._style(base) if base else Style()
        if block.paragraph >= 0 and block.paragraph == self.cursor:
            style = style + self._style("reader--cursor")
        spans: list[StyledSpan] = [
            (s, e, self._style("reader--quote")) for s, e in self.marks.quotes.get(block_number, ())
        ]
        if self.show_topics:
            dim = self._style("reader--dim")
            for start, end, topic in self.marks.hits.get(block_number, ()):
                if self.focused_topic not in (None, topic):
                    spans.append((start, end, dim))
                elif topic in self.topics:
                    spans.append((start, end, topic_style(self.topics[topic])))
        if self.passage_mark is not None and self.passage_mark[0] == block_number:
            spans.append((self.passage_mark[1], self.passage_mark[2], self._style("reader--mark")))
        find_style = self._style("reader--find")
        current = self.find_matches[self.find_index] if self.find_index >= 0 else None
        spans.extend((s, e, find_style) for b, s, e in self._matches_in(block_number))
        if current is not None and current[0] == block_number:
            spans.append((current[1], current[2], self._style("reader--find-current")))
        return style, spans

    def _matches_in(self, block_number: int) -> list[MatchSpan]:
        matches = self.find_matches
        first = bisect_left(matches, (block_number, -1, -1))
        last = bisect_left(matches, (block_number + 1, -1, -1))
        return matches[first:last]


def topic_style(topic: Topic, _cache: dict[str, Style] = {}) -> Style:  # noqa: B006
    """A topic's colour, bold so hits stay visible without colour (NO_COLOR)."""
    style = _cache.get(topic.color)
    if style is None:
        try:
            style = Style(color=topic.color, bold=True)
        except Exception:  # a colour Rich does not know: bold alone still marks the hit
            style = Style(bold=True)
        _cache[topic.color] = style
    return style
