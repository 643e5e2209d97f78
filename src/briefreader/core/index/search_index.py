"""Reading and searching one library's index: articles, hits, prefixes, spelling."""

from __future__ import annotations

import bisect
import heapq
import threading
from collections import defaultdict
from typing import Any

from whoosh import collectors, query

from briefreader.core.index.catalogue import segment_articles
from briefreader.core.index.errors import QueryProblem
from briefreader.core.index.hits import _hit, _stored_vocabulary, _text_of, _Wanted
from briefreader.core.index.phrases import with_adjacent_phrases
from briefreader.core.index.queries import _ARTICLES, _only_exclusions, _query_parser, has_boost
from briefreader.core.index.schema import SEARCH_FIELDS, IndexedArticle, stem
from briefreader.core.index.store import _IndexStore
from briefreader.core.models import SearchResult


class SearchIndex(_IndexStore):
    """One library's index on disk: opened lazily, rebuilt when damaged, safe to share."""

    # -- reading ----------------------------------------------------------------------------

    def indexed_articles(self) -> dict[str, IndexedArticle]:
        """Every article the index holds, by id."""
        found = {}
        with self.searcher() as searcher:
            for leaf, _offset in searcher.reader().leaf_readers():
                if leaf.segment() is None:  # an index with no segment yet
                    continue
                segment_id = leaf.segment().segment_id()
                rows = self._segment_articles.get(segment_id)
                if rows is None:
                    rows = segment_articles(leaf.storage(), leaf)
                    self._segment_articles[segment_id] = rows
                deleted = leaf.is_deleted
                for docnum, article_id, meta in rows:
                    if not deleted(docnum):
                        found[article_id] = IndexedArticle(article_id, meta)
        return found

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
        return with_adjacent_phrases(_query_parser().parse(text))

    def search(self, parsed: Any, limit: int, display: str) -> SearchResult:
        """The top `limit` articles for a parsed query, each at its best paragraph."""
        with self.searcher() as searcher:
            try:
                results = top_documents(searcher, parsed, limit)
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
            # Enough candidates that stop words (not indexed) never use them all up.
            commonest = heapq.nlargest(most * 3 + 10, range(start, end), key=counts.__getitem__)
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
        """Indexed words close to a word nobody wrote (same first letter; one edit away, else
        two), the commonest first."""
        word = word.lower()
        if not word:
            return []
        with self.searcher() as searcher:
            reader = searcher.reader()
            words, counts = self._vocabulary(reader)
            start = bisect.bisect_left(words, word[0])
            end = bisect.bisect_left(words, word[0] + "\U0010ffff", start)
            same_letter = words[start:end]
            close = [w for w in one_edit_away(word) if _holds(same_letter, w)]
            if not close:
                close = [w for w in same_letter if w != word and within_edits(word, w, 2)]
            found = {w: reader.doc_frequency("body", stem(w)) for w in close}
            used = {w: counts[bisect.bisect_left(words, w)] for w in found}
        # Words sharing a stem find the same articles: the commoner spelling first.
        return sorted((w for w in found if found[w]), key=lambda w: (-found[w], -used[w], w))


def top_documents(searcher: Any, parsed: Any, limit: int) -> Any:
    """Whoosh's results for the `limit` best documents of a parsed query."""
    # Only article documents hold searchable text, so only a query of exclusions alone
    # needs this filter, and it has a cost.
    only_articles = _ARTICLES if _only_exclusions(parsed) else None
    if not has_boost(parsed):
        return searcher.search(parsed, limit=limit, filter=only_articles)
    # Every match scored, none passed over.
    top = collectors.TopCollector(limit, usequality=False, replace=0)
    collector = collectors.FilterCollector(top, allow=only_articles)
    searcher.search_with_collector(parsed, collector)
    return collector.results()


def _holds(ordered: list[str], word: str) -> bool:
    i = bisect.bisect_left(ordered, word)
    return i < len(ordered) and ordered[i] == word


def one_edit_away(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion from `word`
    (that keeps its first letter)."""
    letters = set("abcdefghijklmnopqrstuvwxyz0123456789") | set(word)
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    edits.discard(word)
    return edits


def within_edits(word: str, other: str, most: int) -> bool:
    """True when `other` is at most `most` insertions, deletions or substitutions from `word`
    (Levenshtein, stopping as soon as a row exceeds the bound)."""
    if abs(len(word) - len(other)) > most:
        return False
    previous = list(range(len(other) + 1))
    for i, letter in enumerate(word, 1):
        current = [i]
        for j, other_letter in enumerate(other, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (letter != other_letter)))  # fmt: skip
        if min(current) > most:
            return False
        previous = current
    return previous[-1] <= most
