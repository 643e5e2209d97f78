"""Find quoted spans in paragraphs, one character at a time, tolerating the marks real text has."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
STRAIGHT_SINGLE = "'"
MARKS = "“”„«»\"‘’‚'"
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE
STRAIGHT_MARKS = STRAIGHT_DOUBLE + STRAIGHT_SINGLE  # the only marks in plain ASCII
_VERB = r"(?:said|says|added|adds|asked|told|wrote|writes|insisted|warned)"
MISSING_CLOSE = re.compile(
    rf"[,?!](?=\s+(?:{_VERB}\b|(?:[A-Z][\w.’'-]*\s+){{1,4}}{_VERB}\b|(?:he|she|they)\s+{_VERB}\b))"
)
POSSESSIVE_NEXT = re.compile(r" ([a-z]+)")
# Words that follow a closing mark far more often than a plural possessive ("plans' to").
FUNCTION_WORDS = frozenset(
    """to and or of in on at for with as is was are were by from that but when because than
    if so the a an he she it they we said says""".split()
)
# Characters after which a mark starts a quotation rather than ends one.
OPENING_CONTEXT = " \t\n([{—–-/:;“‘\u00a0"


class Span(NamedTuple):
    """Quoted words in one paragraph: offsets of the text between the marks, whitespace stripped.
    A named tuple: quicker to make than a frozen dataclass, which sets each field by a call."""

    paragraph: int  # position in the sequence of paragraphs scanned
    start: int
    end: int
    single: bool  # between single marks
    closed: bool  # the closing mark was found in this paragraph
    continued: bool  # the quotation began in an earlier paragraph
    continues: bool  # the quotation goes on in the next paragraph
    opened_at_start: bool  # the opening mark is the paragraph's first character
    # The quoted words widened to take in their marks (and any space before them): what is
    # blanked. The scan knows where a closed quotation's marks are, so it gives it for free.
    region: tuple[int, int]


def _has_mark(text: str) -> bool:
    """Any quotation mark in the text (a substring test per mark: quicker than a regex class)."""
    if text.isascii():  # only the straight marks can be there
        return STRAIGHT_DOUBLE in text or STRAIGHT_SINGLE in text
    for mark in MARKS:
        if mark in text:
            return True
    return False


def _marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of every quotation mark in the text, in order: a search per mark at
    memory-scan speed, quicker than a regex class tried on every character."""
    found = []
    for mark in STRAIGHT_MARKS if text.isascii() else MARKS:
        if mark in text:
            at = text.find(mark)
            while at >= 0:
                found.append((at, mark))
                at = text.find(mark, at + 1)
    found.sort()
    return found


def _is_word(char: str) -> bool:
    return char.isalnum()


def _opens_here(text: str, i: int) -> bool:
    """A mark at i stands where an opening mark would: after a space or the start, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in OPENING_CONTEXT or before.isspace()) and not after.isspace()


def _closes_here(text: str, i: int) -> bool:
    """A mark at i stands where a closing mark would: after a word or punctuation, before a space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _is_word(after)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words from start to end widened over the spaces around them to take in a
    quotation mark on each side, if there is one there."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    if start > 0 and text[start - 1] in MARKS:
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    if end < len(text) and text[end] in MARKS:
        end += 1
    return start, end


class _ParagraphScan:
    """The state of one paragraph's scan: at most one open double and one open single mark."""

    def __init__(self, index: int, text: str, continued: bool) -> None:
        self.index = index
        self.text = text
        self.spans: list[Span] = []
        self.double_at: int | None = None  # offset just after the open double mark
        self.single_at: int | None = None
        self.continued = continued
        self.indent = len(text) - len(text.lstrip())  # whitespace the paragraph opens with

    def emit(
        self, start: int, end: int, *, single: bool, closed: bool, continues: bool = False
    ) -> None:
        text = self.text
        s, e = start, end
        if e > s and (text[s].isspace() or text[e - 1].isspace()):  # most spans have no margin
            s, e = _stripped(text, s, e)
        if e > s:
            at_start = start - 1 <= self.indent  # nothing but whitespace before the mark
            # a closed quotation lies between its marks, at start - 1 and at end
            region = (start - 1, end + 1) if closed else _widened(text, s, e)
            self.spans.append(
                Span(
                    self.index,
                    s,
                    e,
                    single,
                    closed,
                    self.continued and at_start,
                    continues,
                    at_start,
                    region,
                )
            )
        self.continued = False

    def double_mark(self, i: int, char: str) -> None:
        """A double mark opens a quotation, closes the open one, or is a stray one (neither)."""
        text = self.text
        if char in DOUBLE_OPEN:
            opens = True
        elif char in DOUBLE_CLOSE:
            # A closing mark used as an opener ("”The transfer…") when nothing is open.
            opens = self.double_at is None and _opens_here(text, i)
        elif self.double_at is None:
            # nothing open to close: a stray mark, unless it stands where an opener would
            opens = not _closes_here(text, i) or _opens_here(text, i)
        else:
            # An open straight mark followed by one that only an opener would fit means the
            # first one lost its partner: start again here rather than swallow the sentence.
            looks_open = _opens_here(text, i) and not _closes_here(text, i)
            opens = looks_open and _is_word(text[i + 1 : i + 2] or " ")
        if opens:
            if self.double_at is not None:
                self.salvage(self.double_at, i)
            self.double_at = i + 1
            self.single_at = None
        elif self.double_at is not None:
            self.emit(self.double_at, i, single=False, closed=True)
            self.double_at = None

    def salvage(self, start: int, end: int) -> None:
        """An opening mark whose closing mark is missing: keep the words up to the reporting
        clause that shows where the quotation ended (`"We're done, said Roy. "Next"`)."""
        found = MISSING_CLOSE.search(self.text, start, end)
        if found:
            self.emit(start, found.end(), single=False, closed=False)

    def single_mark(self, i: int, char: str) -> None:
        text = self.text
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if _is_word(before) and _is_word(after):
            return  # an apostrophe inside a word: it's, Iran’s
        if char in SINGLE_OPEN or (
            char in SINGLE_CLOSE + STRAIGHT_SINGLE and self.single_at is None
        ):
            if _opens_here(text, i) and _is_word(after):
                self.single_at = i + 1
            return
        if self.single_at is not None and _closes_here(text, i):
            # "the protesters’ demands": a plural possessive is not a closing mark.
            following = POSSESSIVE_NEXT.match(text, i + 1)
            if before == "s" and following and following.group(1).lower() not in FUNCTION_WORDS:
                return
            self.emit(self.single_at, i, single=True, closed=True)
            self.single_at = None

    def finish(self, next_text: str | None) -> bool:
        """Close the paragraph; True when an open quotation runs on into the next one."""
        reopens = bool(
            next_text and next_text.lstrip()[:1] in (DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE)
        )
        if self.double_at is not None:
            if not reopens and MISSING_CLOSE.search(self.text, self.double_at):
                self.salvage(self.double_at, len(self.text))
                return False
            self.emit(self.double_at, len(self.text), single=False, closed=False, continues=reopens)
            return reopens
        if self.single_at is not None:
            s_reopens = bool(next_text and next_text.lstrip()[:1] in SINGLE_OPEN)
            if s_reopens:
                self.emit(self.single_at, len(self.text), single=True, closed=False, continues=True)
                return True
        return False


def _nested_end(text: str, opener: int) -> int:
    """Where a double quotation opened at `opener` inside a single-quoted one closes, when the
    single quotation closes after it; else -1 (the double marks then pair on their own)."""
    close = next(
        (j for j in range(opener + 1, len(text)) if text[j] in DOUBLE_CLOSE + STRAIGHT_DOUBLE), -1
    )
    if close < 0:
        return -1
    for j in range(close + 1, len(text)):
        if text[j] in SINGLE_CLOSE and _closes_here(text, j):
            return close
    return -1


def _one_pair(
    index: int, text: str, marks: list[tuple[int, str]], continued: bool
) -> list[Span] | None:
    """The spans the scan finds in a paragraph whose only marks are a double mark that opens a
    quotation and one that closes it, found without the scan's state and calls; None when the
    two marks are anything else (a stray mark, a mark that reopens), which the scan sorts out."""
    (i, first), (j, second) = marks
    if first in DOUBLE_OPEN:
        if second not in DOUBLE_CLOSE:
            return None
    elif first == STRAIGHT_DOUBLE == second:
        if _closes_here(text, i) and not _opens_here(text, i):
            return None  # a stray mark: see `_ParagraphScan.double_mark`
        if (
            _opens_here(text, j)
            and not _closes_here(text, j)
            and _is_word(text[j + 1 : j + 2] or " ")
        ):
            return None  # one that only an opener would fit
    else:
        return None
    start, end = i + 1, j
    if end > start and (text[start].isspace() or text[end - 1].isspace()):
        start, end = _stripped(text, start, end)
    if end <= start:
        return []
    # only whitespace before the opening mark (`_ParagraphScan.emit`)
    at_start = i == 0 or (text[0].isspace() and text[:i].isspace())
    return [Span(index, start, end, False, True, continued and at_start, False, at_start,
                 (i, j + 1))]  # fmt: skip


def scan_paragraphs(texts: Sequence[str]) -> list[Span]:
    """Every quoted span in the paragraphs, in reading order.

    Double marks pair within a paragraph (straight, curly, or a mix); single marks only at
    top level and never across an apostrophe. A paragraph that ends inside a quotation and a
    next paragraph that opens with a mark make one quotation over both, one span each. An
    opening mark with no partner yields the rest of its paragraph and loses nothing else.
    """
    spans: list[Span] = []
    continued = False
    for index, text in enumerate(texts):
        if not _has_mark(text):  # most paragraphs: no mark, nothing open, nothing carried
            continued = False
            continue
        marks = _marks(text)
        if len(marks) == 2:  # most paragraphs with a quotation: two marks, one pair
            pair = _one_pair(index, text, marks, continued)
            if pair is not None:
                spans.extend(pair)
                continued = False  # nothing is left open
                continue
        scan = _ParagraphScan(index, text, continued)
        nested_end = -1  # where a quotation inside an open single-quoted one ends
        for i, char in marks:
            if i <= nested_end:
                continue
            if char in DOUBLE_MARKS:
                if scan.single_at is not None and scan.double_at is None:
                    nested_end = _nested_end(text, i)
                    if nested_end >= 0:
                        continue  # ‘… she said, “Dad?”’: part of the outer quotation
                if char in DOUBLE_OPEN and scan.double_at is None:
                    # the usual opening mark, with nothing open: `double_mark` without the call
                    scan.double_at = i + 1
                    scan.single_at = None
                else:
                    scan.double_mark(i, char)
            elif scan.double_at is None:  # every other mark is a single one
                scan.single_mark(i, char)
        next_text = texts[index + 1] if index + 1 < len(texts) else None
        continued = scan.finish(next_text)
        spans.extend(scan.spans)
    return spans
