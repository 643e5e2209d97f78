"""The shortcuts the quote scanner and the speech filter take give what the long way gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.core.quote_scanner import DOUBLE_OPEN, Span, _marks, _one_pair, _ParagraphScan
from briefreader.core.speech_filter import (
    ASCII_THIRTEEN_WORDS,
    ASCII_WORD,
    SPEECH_ENDINGS,
    SPEECH_TAILS,
    TERM_ENDINGS,
    TERM_TAILS,
    THIRTEEN_WORDS,
    TRAILING_MARKS,
    WORD,
)

words = st.lists(
    st.sampled_from(["a", "Bo", "it’s", "x-y", "'", "’", "-", " ", "  ", ", ", "—", "é", "3", "_"]),
    max_size=40,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(words)
def test_thirteen_words_match_where_the_word_list_is_longer_than_twelve(text: str) -> None:
    assert bool(THIRTEEN_WORDS.match(text)) == (len(WORD.findall(text)) > 12)
    if text.isascii():
        assert bool(ASCII_THIRTEEN_WORDS.match(text)) == (len(ASCII_WORD.findall(text)) > 12)


@given(st.text(alphabet="aeilmnorstdg ,", max_size=12))
def test_endings_looked_up_by_last_two_letters_are_the_endings(text: str) -> None:
    assert text.endswith(TERM_TAILS.get(text[-2:], ())) == text.endswith(TERM_ENDINGS)
    assert text.endswith(SPEECH_TAILS.get(text[-2:], ())) == text.endswith(SPEECH_ENDINGS)


def _scanned(text: str, continued: bool) -> list[Span]:
    """The spans the full scan finds in a paragraph with double marks only."""
    scan = _ParagraphScan(0, text, continued)
    for i, char in _marks(text):
        if char in DOUBLE_OPEN and scan.double_at is None:
            scan.double_at = i + 1
            scan.single_at = None
        else:
            scan.double_mark(i, char)
    scan.finish(None)
    return scan.spans


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(["a", " ", "\n", ",", "“", "”", '"', "«", "»", "„"]), max_size=12).map(
        "".join
    ),
    st.booleans(),
)
def test_one_pair_of_marks_gives_the_spans_the_scan_gives(text: str, continued: bool) -> None:
    marks = _marks(text)
    if len(marks) == 2:
        pair = _one_pair(0, text, marks, continued)
        if pair is not None:
            assert pair == _scanned(text, continued)


def test_trailing_marks_are_every_space_a_comma_and_a_colon() -> None:
    spaces = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert TRAILING_MARKS == spaces + ",:"
