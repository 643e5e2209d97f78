"""Reading stored documents: an article's text, its best passage, segment vocabularies."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefreader.core.index.schema import analysed_terms, word_terms
from briefreader.core.models import SearchHit
from briefreader.core.snippets import snippet


def stored_of_kind(leaf: Any, kind: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(document number, stored fields) of one segment's documents of a kind ("a" articles,
    "t" their texts, "v" vocabularies), deleted ones included."""
    if leaf.doc_frequency("kind", kind):
        for docnum in leaf.postings("kind", kind).all_ids():
            yield docnum, leaf.stored_fields(docnum)


def _stored_vocabulary(leaf: Any) -> dict[str, int]:
    """The words of one segment with their article counts, from its vocabulary documents
    (reading them stored is far cheaper than walking the segment's terms)."""
    words: Counter[str] = Counter()
    for _docnum, fields in stored_of_kind(leaf, "v"):
        words.update(fields.get("words") or {})
    return words


def _text_of(searcher: Any, hit: Any) -> dict[str, Any]:
    """The stored text of a hit's article: the document right after it, else looked up."""
    following = hit.docnum + 1
    if following < searcher.doc_count_all():
        stored = searcher.stored_fields(following)
        if stored.get("kind") == "t" and stored.get("article") == hit["article"]:
            return stored
    return searcher.document(kind="t", article=hit["article"]) or {}


@dataclass(frozen=True, slots=True)
class _Wanted:
    """The `speaker:` and `topic:` terms of a query, as indexed (lowercase words)."""

    speakers: frozenset[str]
    topics: frozenset[str]

    def paragraphs(self, analysis_json: str) -> set[int]:
        """Paragraphs holding a quote by a wanted speaker or a hit of a wanted topic, from
        the stored analysis (hits and quotes name their paragraph)."""
        if not self.speakers and not self.topics:
            return set()
        try:
            stored = json.loads(analysis_json or "{}")
        except ValueError:
            return set()
        found: set[int] = set()
        for quote in stored.get("quotes", ()) if self.speakers else ():
            speaker = quote[1] if len(quote) > 3 else None
            if speaker and self.speakers & set(analysed_terms(speaker, stemming=False)):
                found.add(quote[3])
        for topic_hit in stored.get("hits", ()) if self.topics else ():
            if topic_hit and str(topic_hit[0]).lower() in self.topics:
                found.add(topic_hit[1])
        return found


def _hit(hit: Any, text_doc: dict[str, Any], matched: set[str], wanted: _Wanted) -> SearchHit:
    meta = hit["meta"]
    paragraphs = text_doc.get("paragraphs") or ((0, ""),)
    finder = _stem_finder(matched)
    # A `speaker:` or `topic:` query is answered by that speaker's quote or that topic's
    # passage first; the words of the query then choose among those.
    preferred = wanted.paragraphs(text_doc.get("analysis") or "{}")
    index_in_article, text = max(
        paragraphs, key=lambda p: (p[0] in preferred, *_paragraph_score(p[1], finder))
    )
    shown, ranges = snippet(text, matched, word_terms)
    return SearchHit(
        path=Path(meta["path"]),
        article_id=hit["article"],
        title=meta["title"],
        source=meta.get("source"),
        score=round(float(hit.score), 4),
        paragraph=int(index_in_article),
        snippet=shown,
        highlights=ranges,
    )


def _stem_finder(matched: set[str]) -> re.Pattern[str] | None:
    """Words starting like the matched stems: Porter stems begin like their words (but "citi"
    for "city"), so one regular expression ranks paragraphs without tokenizing them."""
    keys = {(t[:-1] if t.endswith("i") else t)[:6] for t in matched if t}
    if not keys:
        return None
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"\b({alternatives})", re.IGNORECASE)


def _paragraph_score(text: str, finder: re.Pattern[str] | None) -> tuple[int, int]:
    """(distinct matched words, occurrences): the passage that best answers the query."""
    if finder is None:
        return 0, 0
    found = [f.lower() for f in finder.findall(text)]
    return len(set(found)), len(found)
