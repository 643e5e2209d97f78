"""The index schema and its analysis: lowercase words, stop words out, stemmed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pickle import dumps as pickle_dumps
from typing import Any

from whoosh import analysis, fields
from whoosh.lang.porter import stem as porter_stem
from whoosh.system import pack_uint

SCHEMA_VERSION = 5
PARAGRAPH_GAP = 100
INDEX_NAME = "MAIN"

_WORD = re.compile(r"\w+(?:\.?\w+)*")
_STOPWORDS = frozenset(analysis.STOP_WORDS)
_STEMS: dict[str, str] = {}
_STEM_CACHE_LIMIT = 400_000


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


class FastText(fields.TEXT):
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

    def term_positions(self, value: Any) -> dict[str, list[int]]:
        """Each term of a string or of a sequence of paragraphs with its positions."""
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
        return positions

    def index(self, value: Any, **kwargs: Any) -> list[Any]:
        boost = self.format.field_boost
        return [
            (word.encode("utf-8"), len(poses), len(poses) * boost, encoded_positions(poses))
            for word, poses in self.term_positions(value).items()
        ]


def encoded_positions(positions: list[int]) -> bytes:
    """Whoosh's `Positions.encode` (the count, then the pickled gaps), quicker for the
    commonest case, a word used once."""
    if len(positions) == 1:
        return _ONE + pickle_dumps(positions, 2)
    gaps = []
    previous = 0
    for position in positions:
        gaps.append(position - previous)
        previous = position
    return pack_uint(len(gaps)) + pickle_dumps(gaps, 2)


_ONE = pack_uint(1)


def build_schema() -> fields.Schema:
    """One document per article (kind "a"): its text indexed paragraph by paragraph, with
    gaps, and stored as paragraphs so a hit can name its best passage; a vocabulary document
    per segment (kind "v") stores its surface words with their article counts, so prefixes
    and spelling work on a stemmed index (stored, not indexed: as terms they were half of a
    segment's term table, and a term costs more to write than a posting)."""
    return fields.Schema(
        kind=fields.ID(stored=True),
        article=fields.ID(stored=True),
        paragraphs=fields.STORED(),
        meta=fields.STORED(),
        analysis=fields.STORED(),
        body=FastText(),
        title=FastText(boost=2.5),
        source=FastText(stemming=False),
        author=FastText(stemming=False),
        speaker=FastText(stemming=False),
        topic=FastText(whole_words=True),
        date=fields.ID(),
        words=fields.STORED(),
    )


SEARCH_FIELDS = ("body", "title")
