"""The Whoosh index of a library: schema, open-or-rebuild, incremental writes, search, spelling.

The only module that imports whoosh; everything it returns is briefreader's own dataclasses.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import json
import os
import pickle
import re
import shutil
import struct
import threading
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import analysis, fields, formats, index, qparser, query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec
from whoosh.index import LockError
from whoosh.lang.porter import stem as porter_stem
from whoosh.query.compound import DefaultOr
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from briefreader.core.models import SearchHit, SearchResult
from briefreader.core.snippets import snippet

SCHEMA_VERSION = 4
PARAGRAPH_GAP = 100
# Memory for each writer's posting pool (beyond it, sorted runs go to temporary files),
# and how many articles a worker puts in one segment so that they fit.
WRITER_MB = 110
SEGMENT_ARTICLES = 600
TINY_SEGMENT_DOCUMENTS = 200
TINY_SEGMENTS_TO_MERGE = 6
MARKER_NAME = "briefreader-index.json"
MARKER_FORMAT = "briefreader search index"
INDEX_NAME = "MAIN"

_WORD = re.compile(r"\w+(?:\.?\w+)*")
_STOPWORDS = frozenset(analysis.STOP_WORDS)
_STEMS: dict[str, str] = {}
_STEM_CACHE_LIMIT = 400_000


# What reading a damaged index raises: files cut short, random bytes in pickles and headers.
_DAMAGE = (OSError, EOFError, ValueError, KeyError, IndexError, TypeError, AttributeError,
           OverflowError, MemoryError, struct.error, zlib.error, pickle.UnpicklingError,
           index.IndexError)  # fmt: skip


class IndexDamaged(Exception):
    """The index cannot be used as it is; it must be moved aside and rebuilt."""


class QueryProblem(Exception):
    """A query that parses but cannot run; the message says why."""


class IndexBusy(Exception):
    """Another process is writing the index."""


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """What the index remembers about one article file."""

    article_id: str
    meta: dict[str, Any]  # path, size, mtime_ns, fingerprint, title, source, published...


def stem(word: str) -> str:
    """The Porter stem of a lowercase word, cached: the same words recur all the time."""
    stemmed = _STEMS.get(word)
    if stemmed is None:
        stemmed = porter_stem(word)
        if len(_STEMS) < _STEM_CACHE_LIMIT:
            _STEMS[word] = stemmed
    return stemmed


def analysed_terms(text: str, stemming: bool = True) -> list[str]:
    """The terms a text is indexed under: lowercase words, stop words out, stemmed."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in _STOPWORDS]
    return [stem(w) for w in words] if stemming else words


def word_terms(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) of each word of a text, for marking matches in snippets."""
    for match in _WORD.finditer(text):
        word = match.group().lower()
        yield match.start(), match.end(), stem(word)
        yield match.start(), match.end(), word


class _Analyzer(analysis.Analyzer):
    """Query-time twin of `analysed_terms`, in the shape Whoosh's query parser expects."""

    def __init__(self, stemming: bool = True, whole_words: bool = False) -> None:
        self.stemming = stemming
        self.whole_words = whole_words

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, mode: str = "", **kwargs: Any) -> Iterator[Any]:  # fmt: skip
        token = analysis.Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = value.lower().split() if self.whole_words else analysed_terms(value, self.stemming)
        for pos, word in enumerate(words, start_pos):
            token.text = token.original = word
            token.stopped = False
            token.boost = 1.0
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(word)
            yield token


class _FastText(fields.TEXT):
    """A TEXT field indexed without Whoosh's per-token pipeline (one regular expression and a
    stem cache), taking a string or a sequence of paragraphs."""

    def __init__(self, *, stemming: bool = True, whole_words: bool = False, boost: float = 1.0,
                 stored: bool = False) -> None:  # fmt: skip
        super().__init__(
            analyzer=_Analyzer(stemming, whole_words), phrase=True, field_boost=boost,
            stored=stored, multitoken_query="phrase",
        )  # fmt: skip
        self.stemming = stemming
        self.whole_words = whole_words

    def index(self, value: Any, **kwargs: Any) -> list[Any]:
        parts = (value,) if isinstance(value, str) else value
        positions: defaultdict[str, list[int]] = defaultdict(list)
        start = 0
        for part in parts:
            if self.whole_words:
                words = part.lower().split()
            else:
                words = analysed_terms(part, self.stemming)
            for pos, word in enumerate(words, start):
                positions[word].append(pos)
            # A gap between paragraphs, so a phrase never spans two of them.
            start += len(words) + PARAGRAPH_GAP
        encode = self.format.encode
        boost = self.format.field_boost
        return [
            (word.encode("utf-8"), len(poses), len(poses) * boost, encode(poses))
            for word, poses in positions.items()
        ]


class _WordList(fields.FieldType):
    """Surface words with how many articles use them: the vocabulary behind prefixes and
    spelling suggestions, since the text fields hold stems."""

    def __init__(self) -> None:
        super().__init__(formats.Frequency(), analyzer=_Analyzer(whole_words=True), scorable=False)

    def index(self, value: Any, **kwargs: Any) -> list[Any]:
        counts = value if isinstance(value, dict) else dict.fromkeys(str(value).split(), 1)
        return [(w.encode("utf-8"), n, float(n), pack_uint(n)) for w, n in counts.items()]


def build_schema() -> fields.Schema:
    """One document per article (kind "a"): its text indexed paragraph by paragraph, with
    gaps, and stored as paragraphs so a hit can name its best passage; vocabulary documents
    (kind "v") hold surface words so prefixes and spelling work on a stemmed index."""
    return fields.Schema(
        kind=fields.ID(stored=True),
        article=fields.ID(stored=True),
        paragraphs=fields.STORED(),
        meta=fields.STORED(),
        analysis=fields.STORED(),
        body=_FastText(),
        title=_FastText(boost=2.5),
        source=_FastText(stemming=False),
        author=_FastText(stemming=False),
        speaker=_FastText(stemming=False),
        topic=_FastText(whole_words=True),
        date=fields.ID(),
        word=_WordList(),
        words=fields.STORED(),
    )


SEARCH_FIELDS = ("body", "title")


class SearchIndex:
    """One library's index on disk: opened lazily, rebuilt when damaged, safe to share."""

    def __init__(self, directory: Path, topics_key: str = "") -> None:
        self.directory = directory
        # What the topic definitions were when the stored analyses were made (see
        # `topics_changed`); recorded in the marker with every write.
        self.topics_key = topics_key
        self._index: Any = None
        self._searcher: Any = None
        self._lock = threading.RLock()
        self._segment_vocabularies: dict[str, dict[str, int]] = {}
        self._merged_vocabulary: tuple[tuple[str, ...], tuple[list[str], list[float]]] | None = None
        self._field_lengths: dict[tuple[str, str], list[int]] = {}

    # -- opening ----------------------------------------------------------------------------

    @property
    def marker_path(self) -> Path:
        return self.directory / MARKER_NAME

    def read_marker(self) -> dict[str, Any] | None:
        try:
            marker = json.loads(self.marker_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return (
            marker if isinstance(marker, dict) and marker.get("format") == MARKER_FORMAT else None
        )

    def _write_marker(self, **values: Any) -> None:
        marker = {"format": MARKER_FORMAT, "schema": SCHEMA_VERSION, "topics": self.topics_key,
                  **values}  # fmt: skip
        temporary = self.marker_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(marker), encoding="utf-8")
        temporary.replace(self.marker_path)

    def exists(self) -> bool:
        return self.directory.exists()

    def problem(self) -> str | None:
        """Why the index on disk cannot be used as it is, or None when it looks sound."""
        if not self.directory.exists():
            return None
        marker = self.read_marker()
        if marker is None:
            return "the index folder was not made by this version of briefreader"
        if marker.get("schema") != SCHEMA_VERSION:
            return "the index was made by another version of briefreader"
        if not marker.get("complete"):
            return "the last indexing did not finish"
        return None

    def topics_changed(self) -> bool:
        """True when the stored topic hits were found with other topic definitions."""
        marker = self.read_marker()
        return marker is not None and marker.get("topics", "") != self.topics_key

    def open(self) -> Any:
        """The Whoosh index, creating it when missing. Raises IndexDamaged."""
        with self._lock:
            if self._index is not None:
                return self._index
            problem = self.problem()
            if problem is not None and not self.is_busy():
                raise IndexDamaged(problem)
            if not self.directory.exists():
                self._create()
            try:
                ix = index.open_dir(str(self.directory), indexname=INDEX_NAME)
                count = ix.doc_count_all()
            except Exception as error:  # Whoosh raises many types on a damaged folder
                raise IndexDamaged(
                    f"the index could not be opened ({type(error).__name__})"
                ) from None
            marker = self.read_marker() or {}
            recorded = marker.get("files")
            if marker.get("documents") != count or (recorded and recorded != self._file_sizes()):
                if not self.is_busy():
                    raise IndexDamaged("the index files are not the ones last recorded")
            self._index = ix
            return ix

    def _create(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        # The marker comes first: a crash before the end leaves "complete": false behind.
        self._write_marker(complete=False, documents=0)
        index.create_in(str(self.directory), build_schema(), indexname=INDEX_NAME)
        self._write_marker(complete=True, documents=0)

    def move_aside(self, *, keep: bool = True) -> Path | None:
        """Move the index folder out of the way: kept as one damaged copy for diagnosis, or
        removed (a rebuild the user asked for)."""
        with self._lock:
            self.close()
            if not self.directory.exists():
                return None
            aside = self.directory.with_name(self.directory.name + (".damaged" if keep else ".old"))
            shutil.rmtree(aside, ignore_errors=True)
            try:
                self.directory.rename(aside)
            except OSError:
                shutil.rmtree(self.directory, ignore_errors=True)
                return None
            if not keep:
                shutil.rmtree(aside, ignore_errors=True)
                return None
            return aside

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._index = None
            self._field_lengths.clear()

    def is_busy(self) -> bool:
        """True while another writer holds the lock."""
        if self._index is None and not self.directory.exists():
            return False
        try:
            ix = self._index or index.open_dir(str(self.directory), indexname=INDEX_NAME)
            lock = ix.lock("WRITELOCK")
            if lock.acquire(blocking=False):
                lock.release()
                return False
            return True
        except Exception:
            return False

    @contextmanager
    def searcher(self) -> Iterator[Any]:
        """A searcher on the last committed state; reused while the index does not change."""
        with self._lock:
            ix = self.open()
            try:
                self._searcher = self._fresh_searcher(ix)
                yield self._searcher
            except QueryProblem:
                raise
            except _DAMAGE as error:
                raise IndexDamaged(
                    f"the index could not be read ({type(error).__name__})"
                ) from None
            except Exception as error:  # Whoosh reports some damage as a bare Exception
                if type(error) is not Exception:
                    raise
                raise IndexDamaged(f"the index could not be read ({error})") from None

    def _fresh_searcher(self, ix: Any) -> Any:
        if self._searcher is not None:
            try:
                return self._searcher.refresh()
            except Exception:  # a reader reused across segment changes can fail: start over
                self._searcher.close()
        return ix.searcher(weighting=_Scoring(self._field_lengths))

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

    # -- writing ----------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[IndexBatch]:
        """A batch of changes committed together; cancelled (lock released) on any error."""
        ix = self.open()
        try:
            writer = _Writer(ix, limitmb=WRITER_MB, timeout=0.0, compound=False, codec=_codec())
        except LockError:
            raise IndexBusy("another briefreader is updating the index") from None
        batch = IndexBatch(writer)
        try:
            yield batch
            if not batch.changed:
                _cancel(writer)
                return
            marker = self.read_marker() or {}
            self._write_marker(complete=False, documents=marker.get("documents", -1))
            batch.add_vocabulary()
            _commit(writer, batch.segments, self._mark_committed)
        except BaseException:
            _cancel(writer)
            raise
        with self._lock:
            self.close()

    def _mark_committed(self, documents: int) -> None:
        """Record what a sound index looks like; called while the write lock is still held."""
        self._write_marker(complete=True, documents=documents, files=self._file_sizes())

    def _file_sizes(self) -> dict[str, int]:
        """Sizes of the index's own files: a file cut short shows even when Whoosh reads on."""
        sizes = {}
        for entry in os.scandir(self.directory):
            if entry.name.lstrip("_").startswith(INDEX_NAME + "_") and "LOCK" not in entry.name:
                sizes[entry.name] = entry.stat().st_size
        return sizes

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


_ARTICLES = query.Term("kind", "a")
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


def _stored_vocabulary(leaf: Any) -> dict[str, int]:
    """The words of one segment with their article counts, from its vocabulary documents
    (reading them stored is far cheaper than walking the segment's terms)."""
    words: Counter[str] = Counter()
    if leaf.doc_frequency("kind", "v"):
        for docnum in leaf.postings("kind", "v").all_ids():
            words.update(leaf.stored_fields(docnum).get("words") or {})
    return words


def _only_exclusions(parsed: Any) -> bool:
    return isinstance(parsed, query.Not) or (
        isinstance(parsed, query.And) and all(isinstance(q, query.Not) for q in parsed.subqueries)
    )


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


@functools.cache
def _query_parser() -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), build_schema())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    # `-x` excludes only at the start of a word: "Jean-Pierre" stays one name.
    parser.add_plugin(qparser.PlusMinusPlugin(r"(?<![^\s(])\+", r"(?<![^\s(])-"))
    parser.remove_plugin_class(qparser.GtLtPlugin)
    return parser


def prefix_query(stems: Iterable[str]) -> Any:
    """Any of these terms in the body or the title.

    A tree of union matchers, which skips blocks that cannot reach the top hits: for segments
    under 5,000 documents Whoosh's plain Or would score every posting of every term.
    """
    terms = [query.Term(field, s) for s in stems for field in SEARCH_FIELDS]
    return DefaultOr(terms) if terms else query.NullQuery


def and_queries(left: Any, right: Any) -> Any:
    if left is query.NullQuery or left is None:
        return right
    return query.And([left, right])


def is_empty_query(parsed: Any) -> bool:
    """True when a parsed query cannot match anything (only stop words, or nothing)."""
    return parsed is None or parsed is query.NullQuery or not list(parsed.leaves())


def _codec() -> Any:
    """Whoosh's codec without zlib on posting blocks: builds take about 15% less time, for a
    larger cache on disk."""
    return W3Codec(compression=0)


class _Writer(SegmentWriter):
    """Whoosh's segment writer, but field lengths are read once per field when postings are
    written, instead of once per posting (a quarter of the commit time otherwise).

    Segments are written as plain files (compound=False): Whoosh copies every part of a
    compound segment it opens into memory, which made opening a 10,000-article index take
    half a second and 450 MB.
    """

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = _LengthCache(self.per_document_reader(), self.docnum)
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        lengths.close()


class _LengthCache:
    def __init__(self, reader: Any, documents: int) -> None:
        self._reader = reader
        self._documents = documents
        self._fields: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._fields.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = [read(d, fieldname, default) for d in range(self._documents)]
            self._fields[fieldname] = lengths
        return lengths[docnum]

    def close(self) -> None:
        self._reader.close()


def _merge_tiny_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge the small segments that refreshes leave behind once they pile up, and never the
    big ones: Whoosh's default policy would now and then merge everything in a one-file
    refresh, costing as much as a full build."""
    tiny = [s for s in segments if s.doc_count_all() < TINY_SEGMENT_DOCUMENTS]
    if len(tiny) < TINY_SEGMENTS_TO_MERGE:
        return segments
    for segment in tiny:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in tiny]


def _commit(writer: Any, segments: list[Any], committed: Callable[[int], None]) -> None:
    """Whoosh's commit, plus segments that worker processes wrote beside the writer (as
    Whoosh's multiprocessing writer does, without pickling every document across), and a
    call once the new state is saved but before the lock is released."""
    final = writer._merge_segments(_merge_tiny_segments, None, None)
    final.extend(segments)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    committed(sum(segment.doc_count_all() for segment in final))
    writer._finish()


class SegmentBuilder:
    """Indexes a share of the articles into segments of its own, in a worker process, while
    the parent process holds the index's write lock.

    A segment is closed every SEGMENT_ARTICLES articles so its postings stay in memory:
    spilling them to sorted runs on disk costs a quarter of the build time.
    """

    def __init__(self, directory: Path) -> None:
        self._index = index.open_dir(str(directory), indexname=INDEX_NAME)
        self._writer = _Writer(
            self._index, _lk=False, limitmb=WRITER_MB, compound=False, codec=_codec()
        )
        self._batch = IndexBatch(self._writer)
        self._added = 0
        self.segments: list[Any] = []

    def add_article(self, record: Any) -> None:
        """Index one article; on failure every segment of this builder is given up."""
        self._batch.add_article(record)
        self._added += 1
        if self._added % SEGMENT_ARTICLES == 0:
            self._close_segment()
            self._writer = _Writer(
                self._index, _lk=False, limitmb=WRITER_MB, compound=False, codec=_codec()
            )
            self._batch = IndexBatch(self._writer)

    def _close_segment(self) -> None:
        if self._batch.changed:
            self._batch.add_vocabulary()
            self.segments.append(self._writer._finalize_segment())
        else:
            _cancel(self._writer)

    def finish(self) -> list[Any]:
        """The finished segments, for `IndexBatch.add_segment`."""
        self._close_segment()
        return self.segments

    def cancel(self) -> None:
        _cancel(self._writer)


class IndexBatch:
    """Adds and deletes inside one writer."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer
        self._words: Counter[str] = Counter()
        self.segments: list[Any] = []
        self.changed = False

    def add_segment(self, segment: Any) -> None:
        """A segment a `SegmentBuilder` wrote, committed with this batch."""
        if segment is not None:
            self.segments.append(segment)
            self.changed = True

    def delete_article(self, article_id: str) -> None:
        self._writer.delete_by_term("article", article_id)
        self.changed = True

    def add_article(self, record: Any) -> None:
        """Index one article as one document.

        `record` is an `indexing.ArticleRecord`. A failure cancels the whole writer (a half-added
        document would corrupt the segment), releasing the lock, and raises.
        """
        writer = self._writer
        self.changed = True
        document: dict[str, Any] = {
            "kind": "a",
            "article": record.article_id,
            "meta": record.meta(),
        }
        # The text and analysis go in a second document right after this one, so that listing
        # the articles (every refresh, the article list) never loads them.
        stored_text = {"kind": "t", "article": record.article_id,
                       "paragraphs": record.paragraphs, "analysis": record.analysis_json}  # fmt: skip
        if record.paragraphs:
            document.update(
                body=tuple(text for _, text in record.paragraphs),
                title=record.title,
                source=record.source or "",
                author=record.author or "",
                speaker=" ".join(record.speakers),
                topic=" ".join(record.topics),
            )
            if record.published:
                document["date"] = record.published.lower()
        try:
            writer.add_document(**document)
            writer.add_document(**stored_text)
        except BaseException:
            _cancel(writer)
            raise
        words = set(_WORD.findall(record.title.lower()))
        for _, paragraph in record.paragraphs:
            words.update(_WORD.findall(paragraph.lower()))
        self._words.update(words)

    def add_vocabulary(self) -> None:
        """One document holding every word of this batch with the number of its articles."""
        words = {w: n for w, n in self._words.items() if len(w) > 1}
        if words:
            self._writer.add_document(kind="v", word=words, words=words)


def _cancel(writer: Any) -> None:
    """Give up a writer and release its lock; a writer already closed is fine."""
    try:
        writer.cancel()
    except Exception:
        pass
