"""Reading and searching one library's index: articles, hits, prefixes, spelling."""

from __future__ import annotations

import bisect
import heapq
import threading
from collections import defaultdict
from typing import Any

from whoosh import query

from briefreader.core.index.errors import QueryProblem
from briefreader.core.index.hits import _hit, _stored_vocabulary, _text_of, _Wanted
from briefreader.core.index.queries import _ARTICLES, _only_exclusions, _query_parser
from briefreader.core.index.schema import SEARCH_FIELDS, IndexedArticle, stem
from briefreader.core.index.store import _IndexStore
from briefreader.core.models import SearchResult


class SearchIndex(_IndexStore):
    """One library's index on disk: opened lazily, rebuilt when damaged, safe to share."""

    # -- reading ----------------------------------------------------------------------------

    def indexed_articles(self) -> dict[str, IndexedArticle]:
        """Every article the index holds, by id."""
        with self.searcher() as searcher:
            return {
                doc["article"]: IndexedArticle(doc["article"], doc["meta"])
                for doc in searcher.documents(kind="a")
            }

    def article(self, article_id: str) -> tuple[dict[str, Any], str] | None:
        """The stored metadata and analysis JSON of one article."""
        with self.searcher() as searcher:
            doc = searcher.document(kind="a", article=article_id)
            text = searcher.document(kind="t", article=article_id)
        if doc is None:
            return None
        return doc["meta"], (text or {}).get("analysis") or "{}"

    def document_count(self) -> int:
        with self.searcher() as searcher:
            return sum(1 for _ in searcher.document_numbers(kind="a"))

    # -- searching --------------------------------------------------------------------------

    def parse(self, text: str) -> Any:
        """Whoosh's query language over the body and (boosted) title; raises on bad input."""
        return _query_parser().parse(text)

    def search(self, parsed: Any, limit: int, display: str) -> SearchResult:
        """The top `limit` articles for a parsed query, each at its best paragraph."""
        with self.searcher() as searcher:
            try:
                results = searcher.search(
                    parsed,
                    limit=limit,
                    # Only article documents hold searchable text, so only a query of
                    # exclusions alone needs this filter, and it has a cost.
                    filter=_ARTICLES if _only_exclusions(parsed) else None,
                )
            except query.QueryError as error:
                raise QueryProblem(f"Cannot run this query: {error}.") from None
            if not results.scored_length():
                return SearchResult(display, (), 0)
            terms = [
                (field, text.decode("utf-8") if isinstance(text, bytes) else text)
                for field, text in parsed.existing_terms(searcher.reader(), expand=True)
            ]
            matched = {text for field, text in terms if field in SEARCH_FIELDS}
            wanted = _Wanted(
                frozenset(text for field, text in terms if field == "speaker"),
                frozenset(text for field, text in terms if field == "topic"),
            )
            hits = tuple(
                _hit(hit, _text_of(searcher, hit), matched, wanted)
                for hit in results
                if hit["kind"] == "a"
            )[:limit]
            if len(hits) < limit:
                total = len(hits)
            else:  # counting every match would cost more than the search; an upper bound
                total = max(len(hits), min(parsed.estimate_size(searcher.reader()),
                                           searcher.doc_frequency("kind", "a")))  # fmt: skip
        return SearchResult(display, hits, total)

    def term_count(self, term: str) -> int:
        """How many articles hold an indexed body term."""
        with self.searcher() as searcher:
            return int(searcher.reader().doc_frequency("body", term))

    def prefix_terms(self, prefix: str, most: int) -> list[str]:
        """The stems of the `most` commonest words starting with `prefix`."""
        with self.searcher() as searcher:
            reader = searcher.reader()
            words, counts = self._vocabulary(reader)
            start = bisect.bisect_left(words, prefix)
            end = bisect.bisect_left(words, prefix + "\U0010ffff", start)
            commonest = heapq.nlargest(most * 3, range(start, end), key=counts.__getitem__)
            stems = dict.fromkeys(stem(words[i]) for i in commonest)
            # Words of deleted articles stay in the vocabulary; keep stems still indexed.
            return [s for s in stems if reader.doc_frequency("body", s)][:most]

    def warm_up(self) -> None:
        """Load what the first as-you-type keystroke needs, in a background thread, so that
        keystroke does not wait for it (about a second at 10,000 articles)."""

        def load() -> None:
            try:
                with self.searcher() as searcher:
                    self._vocabulary(searcher.reader())
            except Exception:  # a damaged index is reported by the next search or refresh
                pass

        threading.Thread(target=load, name="briefreader-vocabulary", daemon=True).start()

    def _vocabulary(self, reader: Any) -> tuple[list[str], list[float]]:
        """Every word of the library in order, with its article count, for prefix lookups.

        Built once per set of segments (a segment's words are read once and kept), so a
        keystroke costs a binary search, not a walk over the terms of every segment.
        """
        leaves = [leaf for leaf, _offset in reader.leaf_readers()]
        key = tuple(leaf.segment().segment_id() for leaf in leaves)
        if self._merged_vocabulary is not None and self._merged_vocabulary[0] == key:
            return self._merged_vocabulary[1]
        totals: defaultdict[str, float] = defaultdict(float)
        for leaf in leaves:
            segment_id = leaf.segment().segment_id()
            words = self._segment_vocabularies.get(segment_id)
            if words is None:
                words = self._segment_vocabularies[segment_id] = _stored_vocabulary(leaf)
            for word, count in words.items():
                totals[word] += count
        ordered = sorted(totals)
        merged = (ordered, [totals[w] for w in ordered])
        self._merged_vocabulary = (key, merged)
        return merged

    def corrections(self, word: str) -> list[str]:
        """Indexed words close to a word nobody wrote, the commonest first."""
        with self.searcher() as searcher:
            reader = searcher.reader()
            found: dict[str, int] = {}
            for distance in (1, 2):
                for candidate in reader.terms_within("word", word.lower(), distance, prefix=1):
                    candidate = str(candidate)
                    if candidate != word.lower():
                        found[candidate] = reader.doc_frequency("body", stem(candidate))
                found = {w: n for w, n in found.items() if n}
                if found:
                    break
        return sorted(found, key=lambda w: -found[w])
