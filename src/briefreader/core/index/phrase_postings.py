"""A phrase's articles in one segment, from each word's postings read whole.

Walking Whoosh's intersection of the words one article at a time costs a few microseconds
of Python per article, and a common phrase ("central bank") is in most articles of a large
library. Here each word's postings are read a block at a time, the articles holding every
word are found with set operations, and their scores computed in one pass; word order is
checked only in the articles the search still needs (see `PhraseMatcher`). The scores are
Whoosh's own BM25F scores, summed over the words as Whoosh's phrase matcher does.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import accumulate
from pickle import loads
from typing import Any, NamedTuple

from whoosh import matching
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25FScorer


class _WordPostings(NamedTuple):
    weights: dict[int, float]
    positions: dict[int, bytes]
    scorer: BM25FScorer


def phrase_matcher(word_matchers: list[Any]) -> PhraseMatcher | None:
    """The matcher of the articles holding the words in order, or None when the postings
    are not in the layout read here (then Whoosh's matchers are used)."""
    postings = []
    deleted: frozenset[int] | set[int] = frozenset()
    for matcher in word_matchers:
        if isinstance(matcher, FilterMatcher) and matcher._exclude:
            deleted = matcher._ids
            matcher = matcher.child
        read = _read_word(matcher)
        if read is None:
            return None
        postings.append(read)
    common = set(postings[0].weights)
    for word in postings[1:]:
        common &= word.weights.keys()
    ids = sorted(common - deleted if deleted else common)
    dfl = postings[0].scorer.dfl
    lengths = [dfl(docnum) for docnum in ids]
    scores = [0.0] * len(ids)
    for word in postings:
        scorer, weights = word.scorer, word.weights
        idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
        # Whoosh's `bm25`, written out: the same operations, so the same floats.
        scores = [
            total + idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
            for total, tf, fl in zip(scores, map(weights.__getitem__, ids), lengths, strict=True)
        ]
    return PhraseMatcher(ids, scores, [word.positions for word in postings])


def _read_word(matcher: Any) -> _WordPostings | None:
    """Every posting of a word in a segment: weight and encoded positions by article."""
    if type(matcher) is not W3LeafMatcher or not isinstance(matcher.scorer, BM25FScorer):
        return None
    if not callable(getattr(matcher.scorer, "dfl", None)):
        return None
    weights: dict[int, float] = {}
    positions: dict[int, bytes] = {}
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        ids, block_values = matcher._ids, matcher._values
        if len(block_values) != len(ids):
            return None
        weights.update(zip(ids, matcher._weights, strict=True))
        positions.update(zip(ids, block_values, strict=True))
        matcher._next_block()
    return _WordPostings(weights, positions, matcher.scorer)


class PhraseMatcher(matching.Matcher):
    """The articles holding every word of a phrase, in order of article number.

    Whoosh's collector calls `replace` with the score an article must reach to enter the
    results (less what the rest of the query can add): an article scoring less is passed
    over without reading its positions.
    """

    def __init__(self, ids: list[int], scores: list[float], positions: list[dict[int, bytes]],
                 at: int = 0, threshold: float = 0.0) -> None:  # fmt: skip
        self._ids = ids
        self._scores = scores
        self._positions = positions
        self._top = max(scores, default=0.0)
        self._i = at
        self._threshold = threshold
        self._find_next()

    def _find_next(self) -> None:
        ids, scores, threshold = self._ids, self._scores, self._threshold
        i, end = self._i, len(ids)
        while i < end and ((threshold and scores[i] < threshold) or not self._adjacent(ids[i])):
            i += 1
        self._i = i

    def _adjacent(self, docnum: int) -> bool:
        """Whether each word of the phrase sits right after the previous one somewhere."""
        words = self._positions
        ends = set(_positions(words[0][docnum]))
        for word in words[1:]:
            ends = {p for p in _positions(word[docnum]) if p - 1 in ends}
            if not ends:
                return False
        return True

    # -- Whoosh's matcher interface -----------------------------------------------------------

    def is_active(self) -> bool:
        return self._i < len(self._ids)

    def id(self) -> int:
        return self._ids[self._i]

    def score(self) -> float:
        return self._scores[self._i]

    def weight(self) -> float:
        return self._scores[self._i]

    def next(self) -> bool:
        self._i += 1
        self._find_next()
        return False

    def skip_to(self, id: int) -> None:
        if self.is_active() and id > self._ids[self._i]:
            self._i = bisect.bisect_left(self._ids, id, self._i)
            self._find_next()

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self.id()
            self.next()

    def reset(self) -> None:
        self._i = 0
        self._find_next()

    def copy(self) -> PhraseMatcher:
        return PhraseMatcher(self._ids, self._scores, self._positions, self._i, self._threshold)

    def replace(self, minquality: float = 0) -> Any:
        if not self.is_active() or (minquality and self._top < minquality):
            return matching.NullMatcher()
        self._threshold = minquality
        return self

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return self._top

    def block_quality(self) -> float:
        return self._top

    def skip_to_quality(self, minquality: float) -> int:
        return 0

    def supports(self, astype: str) -> bool:
        return False


def _positions(value: bytes) -> Iterator[int]:
    """What Whoosh's `Positions.decode_positions` reads (a count, then pickled gaps), summed
    in C rather than in a Python loop."""
    if not value.endswith(b"."):
        value += b"."
    return accumulate(loads(value[4:]))
