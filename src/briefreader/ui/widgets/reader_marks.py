"""Where an article's topic hits and quotes fall among the reader's blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefreader.ui.widgets.reader_layout import Block, BlockKind

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis


@dataclass(slots=True)
class Marks:
    """Topic hits and quote spans of one article, indexed by reader block."""

    hits: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    quotes: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    topics_present: frozenset[str] = frozenset()
    _hit_targets: list[tuple[int, int, str]] = field(default_factory=list)
    quote_targets: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, analysis: Analysis, blocks: Sequence[Block]) -> Marks:
        block_of = {b.paragraph: n for n, b in enumerate(blocks) if b.paragraph >= 0}
        headings: dict[str, list[int]] = {}
        for number, block in enumerate(blocks):
            if block.kind is BlockKind.HEADING:
                headings.setdefault(block.text, []).append(number)
        marks = cls()
        for hit in analysis.hits:
            if hit.paragraph >= 0 and hit.paragraph in block_of:
                marks.hits.setdefault(block_of[hit.paragraph], []).append(
                    (hit.start, hit.end, hit.topic)
                )
                marks._hit_targets.append((hit.paragraph, hit.start, hit.topic))
            elif hit.section is not None:
                for number in headings.get(" ".join(hit.section.split()), ()):
                    marks.hits.setdefault(number, []).append((hit.start, hit.end, hit.topic))
        marks._hit_targets.sort()
        for quote in analysis.quotes:
            if quote.paragraph in block_of:
                marks.quotes.setdefault(block_of[quote.paragraph], []).append(
                    (quote.start, quote.end)
                )
                marks.quote_targets.append((quote.paragraph, quote.start))
        marks.quote_targets.sort()
        marks.topics_present = frozenset(hit.topic for hit in analysis.hits)
        return marks

    def hit_targets(self, topic: str | None) -> list[tuple[int, int]]:
        """(paragraph, start) of each hit, of one topic or of all."""
        return [(p, s) for p, s, t in self._hit_targets if topic in (None, t)]
