"""Passage anchors that survive edits: exact text, context and position, re-found when text moves."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

CONTEXT_CHARS = 32
# Paragraphs are joined with this when taking context across paragraph boundaries.
PARAGRAPH_BREAK = "\n\n"
# A fuzzy candidate must keep this share of the passage's text to count as the same passage.
FUZZY_TEXT_THRESHOLD = 0.75

Status = Literal["anchored", "moved", "orphan"]
_SPACE_RUN = re.compile(r"\s+")
_NEAR = 12
_WORD = re.compile(r"\w+")
_MIN_SHARED_WORDS = 0.25


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage stood when it was bookmarked: its words, its surroundings, its place."""

    exact: str
    prefix: str
    suffix: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an anchor stands in the current text; paragraph is None for an orphan."""

    status: Status
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None

    @property
    def found(self) -> bool:
        return self.status != "orphan"


ORPHAN = Placement("orphan")


def anchor_for(
    paragraphs: Sequence[str], paragraph: int, start: int | None = None, end: int | None = None
) -> Anchor:
    """The anchor of a span in one paragraph (the whole paragraph when no offsets are given)."""
    if not 0 <= paragraph < len(paragraphs):
        raise ValueError(
            f"paragraph {paragraph} does not exist (the article has {len(paragraphs)})"
        )
    text = paragraphs[paragraph]
    start = 0 if start is None else max(0, min(start, len(text)))
    end = len(text) if end is None else max(start, min(end, len(text)))
    # A selection's stray spaces at either end are not part of the passage.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValueError("the passage is empty")
    before = PARAGRAPH_BREAK.join(paragraphs[:paragraph])
    before = (before + PARAGRAPH_BREAK if before else "") + text[:start]
    after = text[end:] + "".join(PARAGRAPH_BREAK + p for p in paragraphs[paragraph + 1 :])
    return Anchor(
        exact=text[start:end],
        prefix=before[-CONTEXT_CHARS:],
        suffix=after[:CONTEXT_CHARS],
        paragraph=paragraph,
        start=start,
        end=end,
    )


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """The sentence of a paragraph around a character offset, without surrounding spaces."""
    boundaries = [0] + [m.end() for m in re.finditer(r"[.!?…][\"'”’)]*\s+", text)] + [len(text)]
    for left, right in zip(boundaries, boundaries[1:], strict=False):
        if left <= offset < right:
            return left, left + len(text[left:right].rstrip())
    return 0, len(text.rstrip())


def find_text(paragraphs: Sequence[str], wanted: str) -> tuple[int, int, int] | None:
    """The first place a piece of text occurs, forgiving spacing, case and quote-mark style."""
    wanted = wanted.strip()
    if not wanted:
        return None
    for index, text in enumerate(paragraphs):
        at = text.find(wanted)
        if at >= 0:
            return index, at, at + len(wanted)
    key = _loose(wanted)
    for index, text in enumerate(paragraphs):
        if key not in _loose(text):
            continue  # the offset map is built only where the words are
        squashed = _Squashed(text, loose=True)
        at = squashed.text.find(key)
        if at >= 0:
            return index, *squashed.original_span(at, at + len(key))
    return None


def locate(anchor: Anchor, paragraphs: Sequence[str]) -> Placement:
    """Re-find an anchor: at its position, then its exact text elsewhere, then a fuzzy match."""
    saved = (anchor.paragraph, anchor.start, anchor.end)
    if 0 <= anchor.paragraph < len(paragraphs):
        # Same words at the same place: kept, unless the surroundings say it is another copy.
        same_words = paragraphs[anchor.paragraph][anchor.start : anchor.end] == anchor.exact
        if same_words and _context_score(anchor, paragraphs, *saved) >= 0.5:
            return Placement("anchored", *saved)
    exact = _exact_candidates(anchor, paragraphs)
    if exact:
        paragraph, start, end = max(exact, key=lambda c: _candidate_score(anchor, paragraphs, *c))
        status: Status = "anchored" if paragraph == anchor.paragraph else "moved"
        return Placement(status, paragraph, start, end)
    fuzzy = _best_fuzzy(anchor, paragraphs)
    if fuzzy is None:
        return ORPHAN
    return Placement("moved", *fuzzy)


def _exact_candidates(anchor: Anchor, paragraphs: Sequence[str]) -> list[tuple[int, int, int]]:
    """Every occurrence of the exact text; failing that, every one ignoring spacing."""
    found = []
    for index, text in enumerate(paragraphs):
        at = text.find(anchor.exact)
        while at >= 0:
            found.append((index, at, at + len(anchor.exact)))
            at = text.find(anchor.exact, at + 1)
    if found:
        return found
    key = _squash(anchor.exact).strip()
    if not key:
        return []
    for index, text in enumerate(paragraphs):
        if key not in _squash(text):
            continue
        squashed = _Squashed(text)
        at = squashed.text.find(key)
        while at >= 0:
            found.append((index, *squashed.original_span(at, at + len(key))))
            at = squashed.text.find(key, at + 1)
    return found


def _candidate_score(
    anchor: Anchor, paragraphs: Sequence[str], paragraph: int, start: int, end: int
) -> float:
    """Context agreement decides between copies of the same words; nearness breaks ties."""
    context = _context_score(anchor, paragraphs, paragraph, start, end)
    distance = abs(paragraph - anchor.paragraph) + abs(start - anchor.start) / 10_000
    return context + 0.05 / (1 + distance)


def _context_score(
    anchor: Anchor, paragraphs: Sequence[str], paragraph: int, start: int, end: int
) -> float:
    before, after = _context_at(paragraphs, paragraph, start, end)
    scores = []
    # The characters right next to the passage count twice: they are what tells copies apart.
    if anchor.prefix.strip():
        saved, found = _squash(anchor.prefix), _squash(before)
        scores += [_similarity(saved, found), _similarity(saved[-_NEAR:], found[-_NEAR:])]
    if anchor.suffix.strip():
        saved, found = _squash(anchor.suffix), _squash(after)
        scores += [_similarity(saved, found), _similarity(saved[:_NEAR], found[:_NEAR])]
    return sum(scores) / len(scores) if scores else 0.0


def _context_at(paragraphs: Sequence[str], paragraph: int, start: int, end: int) -> tuple[str, str]:
    text = paragraphs[paragraph]
    before = text[:start]
    index = paragraph
    while len(before) < CONTEXT_CHARS and index > 0:
        index -= 1
        before = paragraphs[index] + PARAGRAPH_BREAK + before
    after = text[end:]
    index = paragraph
    while len(after) < CONTEXT_CHARS and index + 1 < len(paragraphs):
        index += 1
        after = after + PARAGRAPH_BREAK + paragraphs[index]
    return before[-CONTEXT_CHARS:], after[:CONTEXT_CHARS]


def _best_fuzzy(anchor: Anchor, paragraphs: Sequence[str]) -> tuple[int, int, int] | None:
    """The window most like the passage in any paragraph, if it keeps enough of the words."""
    wanted = _squash(anchor.exact)
    if len(wanted.strip()) < 8:
        return None  # too short to recognise once changed
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(wanted)
    # Distinctive words only: "the" and "of" are in every paragraph.
    words = set(_WORD.findall(wanted.lower()))
    wanted_words = {w for w in words if len(w) > 3} or words
    best: tuple[float, int, int, int] | None = None
    for index, text in enumerate(paragraphs):
        # Cheap first: a paragraph that lacks most of the passage's words cannot hold it.
        present = set(_WORD.findall(text.lower()))
        if sum(w in present for w in wanted_words) < _MIN_SHARED_WORDS * len(wanted_words):
            continue
        squashed_text = _squash(text)
        matcher.set_seq1(squashed_text)
        # quick_ratio bounds the shared characters: skip paragraphs that cannot hold the passage.
        shared = matcher.quick_ratio() * (len(squashed_text) + len(wanted)) / 2
        if shared < FUZZY_TEXT_THRESHOLD * len(wanted):
            continue
        window = _window(matcher, len(squashed_text), len(wanted))
        if window is None:
            continue
        start, end = window
        text_score = _similarity(wanted, squashed_text[start:end])
        if text_score < FUZZY_TEXT_THRESHOLD:
            continue
        span = _Squashed(text).original_span(start, end)
        context = _context_score(anchor, paragraphs, index, *span)
        nearness = 0.02 / (1 + abs(index - anchor.paragraph))
        score = 0.8 * text_score + 0.2 * context + nearness
        if best is None or score > best[0]:
            best = (score, index, *span)
    return None if best is None else best[1:]


def _window(matcher: SequenceMatcher[str], length: int, wanted: int) -> tuple[int, int] | None:
    """Where the passage's matching pieces sit in the paragraph, extended to its full length."""
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = max(0, first.a - first.b)
    end = min(length, last.a + last.size + (wanted - last.b - last.size))
    return (start, end) if end > start else None


def _similarity(left: str, right: str) -> float:
    if not left and not right:
        return 1.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def _squash(text: str) -> str:
    return _SPACE_RUN.sub(" ", text)


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


def _fold(text: str) -> str:
    """Lower case and plain quote marks, one character for one, so offsets still map."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text.translate(_QUOTE_MARKS))


def _loose(text: str) -> str:
    return _fold(_squash(text).strip())


class _Squashed:
    """A paragraph with runs of whitespace made single spaces, mapping offsets back."""

    def __init__(self, text: str, *, loose: bool = False) -> None:
        pieces: list[str] = []
        self._origin: list[int] = []
        for match in re.finditer(r"\s+|\S", text):
            pieces.append(" " if match.group().isspace() else match.group())
            self._origin.append(match.start())
        self._origin.append(len(text))
        self._source = text
        squashed = "".join(pieces)
        self.text = _fold(squashed) if loose else squashed

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        begin = self._origin[start]
        finish = self._origin[end - 1] + 1 if end > start else begin
        # A trailing squashed space stands for a whole run: extend over it.
        while (
            finish < len(self._source)
            and self._source[finish - 1].isspace()
            and (self._source[finish].isspace())
        ):
            finish += 1
        return begin, finish
