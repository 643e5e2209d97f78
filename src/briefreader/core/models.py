"""The data model shared by every layer: frozen dataclasses, no behaviour beyond small helpers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# A span inside one paragraph's text: (paragraph index, start, end), end exclusive.
Span = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: the unit of search hits, highlights, bookmarks and quote locations."""

    index: int  # article-wide, 0-based, in reading order
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """A run of paragraphs under one heading (None for the lead before any heading)."""

    heading: str | None
    paragraphs: tuple[Paragraph, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    """Something the reader noticed about a file it still read (lossy decode, size cap...)."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed article: clean metadata and sections, every string already sanitized."""

    path: Path
    id: str
    fingerprint: str
    format: str
    title: str | None  # None when the file names no title; see display_title
    author: str | None
    source: str | None
    published: str | None
    url: str | None
    sections: tuple[Section, ...]
    flags: tuple[Flag, ...] = ()

    @property
    def display_title(self) -> str:
        """The title, or the file's name made readable when the article has none."""
        return self.title or readable_file_name(self.path)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of every section, in reading order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    def section_of(self, paragraph_index: int) -> Section | None:
        """The section holding the paragraph with this article-wide index."""
        for section in self.sections:
            if section.paragraphs and (
                section.paragraphs[0].index <= paragraph_index <= section.paragraphs[-1].index
            ):
                return section
        return None

    @property
    def text(self) -> str:
        """The whole body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the article list needs, without parsing the file: read from the index."""

    id: str
    path: Path
    title: str  # the display title
    source: str | None
    published: str | None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skip:
    """A file that was not read, and why, in words a user understands."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic the user tracks: its words and patterns, and how it is shown."""

    name: str
    label: str
    color: str
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class TopicHit:
    """One match of a topic in a paragraph (or a heading when paragraph is -1)."""

    topic: str
    paragraph: int
    start: int
    end: int
    match: str
    section: str | None = None


@dataclass(frozen=True, slots=True)
class TopicPassage:
    """A paragraph somewhere in the library that names a topic, with a snippet around it."""

    article: ArticleSummary
    section: str | None  # the section heading (None for the lead)
    paragraph: int
    hits: int  # how often the topic is named in the paragraph
    start: int  # the first hit's offsets in the paragraph text (to open and mark it)
    end: int
    snippet: str
    # (start, end) character ranges of the topic's words inside `snippet`
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the words between the marks, who said them, where they stand."""

    text: str
    speaker: str | None  # the fullest name the article gives, or None
    mention: str | None  # how the text names the speaker near the quote ("Kirby", "she")
    paragraph: int
    start: int  # offsets of the quoted words (without the marks) in the paragraph text
    end: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article found by a search, at its best matching paragraph."""

    path: Path
    article_id: str
    title: str
    source: str | None
    score: float
    paragraph: int
    snippet: str
    # (start, end) character ranges of matched terms inside `snippet`
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Hits for one query plus what a user needs around them."""

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    suggestion: str | None = None  # "did you mean"
    error: str | None = None  # a malformed query explained in a sentence
    indexing: bool = False  # another process is writing the index right now


@dataclass(frozen=True, slots=True)
class ScanReport:
    """What reading a set of paths found: articles read, files skipped, files ignored."""

    articles: tuple[Article, ...]
    skipped: tuple[Skip, ...] = ()
    ignored: int = 0  # files with an extension briefreader does not read
    extra: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IndexReport:
    """What one refresh of the search index did, in counts a user understands."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: tuple[Skip, ...] = ()
    message: str | None = None  # e.g. the index was damaged and has been rebuilt
    busy: bool = False  # another process is writing the index; nothing was refreshed


@dataclass(frozen=True, slots=True)
class IndexStatus:
    """The state of a library's index, without reading any article."""

    directory: Path
    exists: bool
    articles: int = 0
    busy: bool = False  # another process is writing it right now
    problem: str | None = None  # why it will be rebuilt at the next refresh


def readable_file_name(path: Path) -> str:
    """`fism-iran-crimea_drones.txt` -> `Fism iran crimea drones`, safe to show in a terminal."""
    from briefreader.core.sanitize import sanitize_file_name

    stem = sanitize_file_name(path.stem)
    words = stem.replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or sanitize_file_name(path.name)
    return text[:1].upper() + text[1:]


def article_id(relative_path: str) -> str:
    """A stable id for an article: a hash of its path relative to the library root."""
    return hashlib.blake2b(
        relative_path.encode("utf-8", "surrogateescape"), digest_size=8
    ).hexdigest()


def content_fingerprint(data: bytes) -> str:
    """A hash of a file's bytes, to tell when its content changed."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def topics_fingerprint(topics: Sequence[Topic]) -> str:
    """What decides the topic hits (names, terms, patterns, case), not how they are shown."""
    rows = [[t.name, list(t.terms), list(t.patterns), t.case_sensitive] for t in topics]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
