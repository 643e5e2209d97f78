"""BM25F scoring with each segment's field lengths read once."""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.util.numeric import byte_to_length

_BYTE_LENGTHS = [byte_to_length(b) for b in range(256)]


class _Scoring(BM25F):
    """BM25F with each segment's field lengths read once into a list: Whoosh reads a
    document's length from the column file for every match it scores, a tenth of the time
    of a phrase query or a typed prefix at 10,000 articles. Scores are unchanged."""

    def __init__(self, cache: dict[tuple[str, str], list[int]]) -> None:
        super().__init__(B=0.75, K1=1.2)
        self._cache = cache

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, BM25FScorer):
            lengths = self._lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer

    def _lengths(self, reader: Any, fieldname: str) -> list[int] | None:
        """The lengths of one field for every document of a segment (segments never change;
        deleting a document leaves the lengths as they were)."""
        try:
            key = (reader.segment().segment_id(), fieldname)
            lengths = self._cache.get(key)
            if lengths is None:
                column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
                if column is None or column._fixedlen != 1:
                    return None
                raw = column._dbfile.get(column._basepos, column._count)
                # A length byte of 0 (no text) scores as Whoosh's default length, 1.
                lengths = [_BYTE_LENGTHS[b] or 1 for b in raw]
                lengths.extend([1] * (reader.doc_count_all() - len(lengths)))
                self._cache[key] = lengths
            return lengths
        except Exception:  # another Whoosh layout: score as Whoosh does
            return None
