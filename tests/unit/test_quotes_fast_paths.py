"""The quicker ways the quote extractor reads text give what the plain patterns give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from quote_helpers import quotes_of

from briefreader.core import paragraph_memory
from briefreader.core.models import Quote
from briefreader.core.name_runs import (
    CAPITALISED,
    CAPITALISED_SEVERAL,
    _runs,
    _several_word_matches,
    name_runs,
)
from briefreader.core.paragraph_facts import outside
from briefreader.core.quote_repairs import PULL_QUOTE_REACH, plain_words, pull_quotes_attributed
from briefreader.core.quote_scanner import MARKS, _has_mark, _marks
from briefreader.core.sentences import mask_quotes
from briefreader.core.speech_filter import CALLS_IT_A, CALLS_IT_A_ENDINGS
from briefreader.core.words import ABBREVIATIONS, MASK, TOKEN, tokens_of

PIECES = [
    "A", "B", "Mc", "a", "b", "de", "della", "al", "el-", "al-", "von", "i", "y", " ", "  ",
    "\u00a0", "’", "'", ".", "-", "?", "é", "É", "\n", "1", "_", ",", "x", "\udc9b", "İ",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts)
def test_runs_of_several_words_are_the_patterns_matches(text: str) -> None:
    expected = [match.span() for match in CAPITALISED_SEVERAL.finditer(text)]
    assert [match.span() for match in _several_word_matches(text)] == expected


def test_runs_of_several_words_in_news_text() -> None:
    text = "Omar al al-Bashir met Jean de la Fontaine and McDonald Trump in São Paulo\u00a0Square."
    expected = [match.span() for match in CAPITALISED_SEVERAL.finditer(text)]
    assert [match.span() for match in _several_word_matches(text)] == expected
    assert len(expected) == 4


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "The ", "Will ", "May ", "Mr. ", "U.S."]), max_size=30).map(
        "".join
    )
)
def test_name_runs_are_those_of_the_patterns_matches(text: str) -> None:
    assert name_runs(text) == _runs(text, CAPITALISED.finditer(text))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*MARKS, "a", " ", "é", "\n"]), max_size=30).map("".join))
def test_marks_are_found_where_a_class_of_marks_finds_them(text: str) -> None:
    expected = [(match.start(), match.group()) for match in re.finditer(f"[{MARKS}]", text)]
    assert _marks(text) == expected
    assert _has_mark(text) == bool(expected)


def _tokens_one_match_at_a_time(masked: str) -> list[tuple[str, int, int]]:
    found = []
    for match in TOKEN.finditer(masked):
        text, (first, last) = match.group(), match.span()
        if text[-1] == "." and not (
            len(text) <= 2 or "." in text[:-1] or text.lower() in ABBREVIATIONS
        ):
            text, last = text[:-1], last - 1
        found.append((text, first, last))
    return found


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "B", "Mr.", "U.S.", "it’s", "al-Sisi", "x_y", "3.5", "é", " ", ". ",
                         ", ", "-", "’", "'", MASK, "\n", "İ", "\udc9b"]),
        max_size=30,
    ).map("".join)
)  # fmt: skip
def test_words_are_the_word_patterns_matches(masked: str) -> None:
    tokens = [(t.text, t.start, t.end) for t in tokens_of(masked)]
    assert tokens == _tokens_one_match_at_a_time(masked)


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet="ab .,’-", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=4),
    st.lists(st.integers(0, 40), max_size=5),
)
def test_words_outside_blanked_regions_are_the_words_of_the_sentences(
    text: str, blanks: list[tuple[int, int]], cuts: list[int]
) -> None:
    regions = [(start, min(start + size, len(text))) for start, size in blanks if start < len(text)]
    masked = mask_quotes(text, regions)
    bounds = sorted({0, len(masked), *(cut for cut in cuts if cut < len(masked))})
    ranges = list(zip(bounds, bounds[1:], strict=False))
    words = [(t.text, t.start, t.end) for t in tokens_of(masked, ranges)]
    assert [(t.text, t.start, t.end) for t in tokens_of(masked, outside(ranges, regions))] == words


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["call", "calls", "dubbed", "a", "an", "the", " ", "\n", "x", "“"]),
        max_size=12,
    ).map("".join)
)
def test_what_calls_it_a_thing_ends_in_a_determiner(before: str) -> None:
    if CALLS_IT_A.search(before):
        assert before.endswith(CALLS_IT_A_ENDINGS)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, "Mr", "MR", "Mrs", "Ms", "MISS", "Miss", "mr", "’s", "Mr."]),
        max_size=20,
    ).map("".join)
)
def test_every_run_an_honorific_opens_is_found(text: str) -> None:
    teaching = [
        w for _, _, w in name_runs(text) if w[0].lower().rstrip(".") in ("mr", "mrs", "ms", "miss")
    ]
    if teaching:
        assert paragraph_memory.TEACHES_GENDER.search(text)


SENTENCES = [
    "“We will not stop now,” he said.",
    "“It is over,” she told reporters.",
    "Anna Silva met Peter Novak and Laura Fischer later.",
    "She told the crowd that Laura Fischer had warned them.",
    "The company said it would respond.",
    "Acme Corp said the plan was late.",
    "“Nothing changes,” the minister said, as Omar Rahman watched.",
    "A senior official at the ministry, who asked not to be named, said he disagreed.",
    "“Later,” Novak said.",
    "They left, and Fischer stayed.",
    "Minister Omar Rahman said it was “a start”.",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join),
        min_size=1,
        max_size=12,
    )
)
def test_paragraphs_remembered_out_of_order_are_remembered_as_in_order(
    paragraphs: list[str],
) -> None:
    out_of_order = quotes_of(*paragraphs)
    honorific, most = paragraph_memory.TEACHES_GENDER, paragraph_memory.MOST_OUT_OF_ORDER
    try:
        paragraph_memory.MOST_OUT_OF_ORDER = 0  # the rest in order after one out of order
        assert quotes_of(*paragraphs) == out_of_order
        paragraph_memory.TEACHES_GENDER = re.compile("")  # as if an honorific taught a gender
        assert quotes_of(*paragraphs) == out_of_order
    finally:
        paragraph_memory.TEACHES_GENDER, paragraph_memory.MOST_OUT_OF_ORDER = honorific, most


# Paragraphs that teach role heads ("the brother", "the department") and ask for them later,
# and that bring up documents whose sender speaks ("the letter said").
HEAD_SENTENCES = [
    "Governor Ana Ruiz sent a letter to the board on Monday.",
    "“We will not wait,” the letter said.",
    "“The wards are full,” a Department of Health spokesperson said.",
    "“We are working on it,” the department said.",
    "“Not yet,” the spokesperson said.",
    "Tomas Lind, the mayor’s brother, runs the campaign.",
    "“She will win this,” her brother said.",
    "“It is late,” the brother said.",
    "A senior European diplomat said the deal was close.",
    "“Not now,” the diplomat said.",
    "A cellist in the band, who asked not to be named, said the tour was over.",
    "“We are done,” the cellist said.",
    "Acme Corp said the plan was late.",
    "“We will respond,” the company said.",
    "The river rose again overnight.",
    "“Nothing changes,” the minister said, as Omar Rahman watched.",
]


def _articles_of(sentences: list[str]) -> st.SearchStrategy[list[str]]:
    """Articles of one to twelve paragraphs, each of one to three of the sentences."""
    paragraphs = st.lists(st.sampled_from(sentences), min_size=1, max_size=3).map(" ".join)
    return st.lists(paragraphs, min_size=1, max_size=12)


def _read_in_order(paragraphs: list[str]) -> tuple[Quote, ...]:
    """The quotes found when every paragraph is remembered in order, as an honorific makes."""
    honorific = paragraph_memory.TEACHES_GENDER
    try:
        paragraph_memory.TEACHES_GENDER = re.compile("")
        return quotes_of(*paragraphs)
    finally:
        paragraph_memory.TEACHES_GENDER = honorific


@settings(max_examples=150, deadline=None)
@given(_articles_of(HEAD_SENTENCES))
def test_role_heads_learnt_from_some_paragraphs_are_those_learnt_from_all(
    paragraphs: list[str],
) -> None:
    assert quotes_of(*paragraphs) == _read_in_order(paragraphs)


def test_a_role_head_written_in_capitals_is_learnt_however_far_back() -> None:
    paragraphs = [
        "“The wards are full,” a Department of Health spokesperson said.",
        *["The river rose again overnight."] * 8,
        "“We are working on it,” the department said.",
    ]
    found = quotes_of(*paragraphs)
    assert found[-1].speaker == "a Department of Health spokesperson"
    assert found == _read_in_order(paragraphs)


# Honorifics that teach the gender of people whose first name does not tell it.
GENDER_SENTENCES = [
    "Kim Varga and Alex Morgan met the board.",
    "Ms. Varga said the plan was late.",
    "Mr. Morgan disagreed.",
    "“We will not stop now,” she said.",
    "“It is over,” he told reporters.",
    "“Later,” Varga said.",
    "The river rose again overnight.",
    "“Nothing changes,” Morgan said, as she watched.",
]


@settings(max_examples=150, deadline=None)
@given(_articles_of(GENDER_SENTENCES))
def test_paragraphs_after_the_last_honorific_are_remembered_as_in_order(
    paragraphs: list[str],
) -> None:
    assert quotes_of(*paragraphs) == _read_in_order(paragraphs)


def test_the_sender_of_a_letter_is_found_without_the_paragraphs_before() -> None:
    paragraphs = [
        "Omar Rahman chaired the board.",
        "Governor Ana Ruiz sent a letter to the board on Monday.",
        "“We will not wait,” the letter said.",
    ]
    found = quotes_of(*paragraphs)
    assert [q.speaker for q in found] == ["Ana Ruiz"]
    assert found == _read_in_order(paragraphs)


def _pull_quotes_compared_one_by_one(quotes: list[Quote], texts: list[str]) -> list[Quote]:
    """`pull_quotes_attributed` as it compared each quote with every paragraph's words."""
    said_by: dict[int, tuple[str, str]] = {}
    attributed = {q.paragraph for q in quotes if q.speaker and q.mention is not None}
    for quote in quotes:
        if quote.speaker and quote.paragraph in attributed:
            words, speaker = said_by.get(quote.paragraph, ("", quote.speaker))
            if speaker == quote.speaker:
                said_by[quote.paragraph] = (f"{words} {plain_words(quote.text)}", speaker)
    repaired = []
    for quote in quotes:
        heading = (
            texts[quote.paragraph].strip(MARKS + " ") == quote.text.strip(MARKS + " ")
            and quote.text.rstrip()[-1:] not in ".,"
            and len(plain_words(quote.text).split()) >= 2
        )
        if quote.mention is None and (len(quote.text) > 20 or heading):
            plain = plain_words(quote.text)
            for paragraph in range(
                quote.paragraph - PULL_QUOTE_REACH, quote.paragraph + PULL_QUOTE_REACH
            ):
                words, speaker = said_by.get(paragraph, ("", ""))
                if paragraph != quote.paragraph and f" {plain} " in f"{words} ":
                    quote = Quote(quote.text, speaker, quote.mention, quote.paragraph, 0, 0)
                    break
        repaired.append(quote)
    return repaired


WORDS = ["they knew", "They", "knew", "it all", "—", "“", ",", ".", " ", "don’t", "-x", "Σ", ""]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
            st.sampled_from([None, "Ada", "Bo"]),
            st.sampled_from([None, "she"]),
            st.integers(0, 40),
        ),
        max_size=8,
    )
)
def test_pull_quotes_are_found_as_comparing_every_paragraph_finds_them(
    rows: list[tuple[str, str | None, str | None, int]],
) -> None:
    quotes = sorted((Quote(text, speaker, mention, at, 0, 0) for text, speaker, mention, at in rows),
                    key=lambda q: q.paragraph)  # fmt: skip
    texts = [next((q.text for q in quotes if q.paragraph == i), "") for i in range(41)]
    assert pull_quotes_attributed(quotes, texts) == _pull_quotes_compared_one_by_one(quotes, texts)
