"""Phrase queries that check word order on position sets and skip low-scoring blocks.

Whoosh matches a phrase by building span objects for every position of every word in every
article holding all of its words, and its block-quality skipping can land on an article that
holds the words but not the phrase (the phrase is not checked again after a skip). Here an
article matches when each word sits right after the previous one (a set lookup per
position), and a skip is followed by the same check. Scores are Whoosh's: the sum of the
words' BM25F scores.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import matching, query
from whoosh.query.spans import Span, SpanNear2


class AdjacentPhrase(query.Phrase):
    """Whoosh's `Phrase` for the default distance (the words next to each other)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.slop != 1 or len(self.words) < 2:
            return super().matcher(searcher, context)
        fieldname = self.fieldname
        if fieldname not in searcher.schema:
            return matching.NullMatcher()
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            raise query.QueryError(f"Phrase search: {fieldname!r} field has no positions")
        reader = searcher.reader()
        matchers = []
        for word in self.words:
            try:
                term = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (fieldname, term) not in reader:
                return matching.NullMatcher()
            matchers.append(query.Term(fieldname, term).matcher(searcher, context))
        found = _AdjacentMatcher(matchers)
        if self.boost != 1.0:
            return matching.WrappingMatcher(found, boost=self.boost)
        return found


class _AdjacentMatcher(SpanNear2.SpanNear2Matcher):
    def __init__(self, matchers: list[Any], slop: int = 1, ordered: bool = True,
                 mindist: int = 1) -> None:  # fmt: skip
        super().__init__(matchers, slop=1, ordered=True, mindist=1)

    def _get_spans(self) -> list[Any]:
        """One span per place the phrase occurs in the current article."""
        matchers = self.ms
        ends = set(_positions(matchers[0].value()))
        for matcher in matchers[1:]:
            ends = {p for p in _positions(matcher.value()) if p - 1 in ends}
            if not ends:
                return []
        first = len(matchers) - 1
        return [Span(end - first, end) for end in sorted(ends)]

    def next(self) -> bool:
        entered_block = self.child.next()
        return bool(self._find_next()) or bool(entered_block)

    def skip_to_quality(self, minquality: float) -> int:
        skipped = self.child.skip_to_quality(minquality)
        self._find_next()
        return skipped


def _positions(value: bytes) -> Iterator[int]:
    """What Whoosh's `Positions.decode_positions` reads (a count, then pickled gaps), summed
    in C rather than in a Python loop."""
    if not value.endswith(b"."):
        value += b"."
    return accumulate(loads(value[4:]))


def with_adjacent_phrases(parsed: Any) -> Any:
    """The parsed query with every plain phrase replaced by an `AdjacentPhrase`."""
    if type(parsed) is query.Phrase:
        return AdjacentPhrase(parsed.fieldname, parsed.words, slop=parsed.slop,
                              boost=parsed.boost, char_ranges=parsed.char_ranges)  # fmt: skip
    if parsed is None or parsed.is_leaf():
        return parsed
    return parsed.apply(with_adjacent_phrases)
