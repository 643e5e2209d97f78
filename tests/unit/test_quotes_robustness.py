"""Any text at all: extraction never fails, and every quote points at its own words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from quote_helpers import article_of, said

from briefreader.core.quotes import extract_quotes

PIECES = [
    "“", "”", '"', "‘", "’", "'", "„", "«", "»", " ", " ", ", ", ". ", "? ", ": ", " — ",
    "said", "says", "told reporters", "according to", "he", "she", "it", "He", "They",
    "John Kirby", "Kirby", "Ms. Ortega", "von der Leyen", "the company", "a judge",
    "the so-called", "It’s", "Iran’s", "U.S.", "We will go", "3.5", "[Russia]", "\u00a0",
    "\udc9b", "İ",  # a lone surrogate (undecodable bytes kept), a capital that lowers to two
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), min_size=1, max_size=6)
)
def test_extraction_never_fails_and_offsets_hold(paragraphs: list[str]) -> None:
    article = article_of(*paragraphs)
    for quote in extract_quotes(article):
        text = article.paragraphs[quote.paragraph].text
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip() == quote.text and quote.text
        assert quote.speaker is None or quote.speaker.strip()


def test_according_to_a_statement_names_who_made_it() -> None:
    assert said(
        "The strikes were “a grave violation,” according to a statement from the Foreign Ministry."
    ) == [("a grave violation,", "Foreign Ministry")]


def test_surnames_with_particles() -> None:
    assert said(
        "European Commission President Ursula von der Leyen spoke first.",
        "“We will not waver,” von der Leyen said.",
    ) == [("We will not waver,", "Ursula von der Leyen")]
