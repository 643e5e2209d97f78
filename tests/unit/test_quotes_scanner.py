"""Finding quoted spans: curly, straight and single marks, broken marks, quotes over paragraphs."""

from __future__ import annotations

from quote_helpers import quotes_of

from briefreader.core.quote_scanner import scan_paragraphs


def texts(*paragraphs: str) -> list[str]:
    return [paragraphs[s.paragraph][s.start : s.end] for s in scan_paragraphs(paragraphs)]


def test_curly_straight_and_mixed_marks_pair() -> None:
    assert texts('“Curly one,” and "straight one" and "mixed one” end.') == [
        "Curly one,",
        "straight one",
        "mixed one",
    ]


def test_closing_mark_used_as_an_opener() -> None:
    assert texts("”The transfer is a violation,” Kirby said. “We go on.”") == [
        "The transfer is a violation,",
        "We go on.",
    ]


def test_apostrophes_are_not_single_quotes() -> None:
    found = texts("It’s the protesters’ demands and Iran’s ‘directly engaged’ troops.")
    assert found == ["directly engaged"]
    assert [q.text for q in quotes_of("They played rock 'n' roll all night, Kirby said.")] == []


def test_single_quote_closing_before_a_small_word() -> None:
    assert texts("She had 'no plans' to change the act.") == ["no plans"]


def test_single_marks_inside_double_quotes_belong_to_the_quote() -> None:
    assert texts("“He called it ‘a farce’ and left,” she said.") == [
        "He called it ‘a farce’ and left,"
    ]


def test_an_unbalanced_opener_keeps_every_other_quote() -> None:
    found = texts('He said "one "two" and then "three" to end.')
    assert "two" in found and "three" in found


def test_missing_closing_mark_stops_at_the_reporting_clause() -> None:
    found = texts('"We are sending money overseas, said Rep. Chip Roy. "That is not right."')
    assert found == ["We are sending money overseas,", "That is not right."]


def test_unclosed_quote_at_paragraph_end_runs_to_the_end() -> None:
    assert texts("Before. “An unclosed quotation here") == ["An unclosed quotation here"]


def test_multi_paragraph_quote_is_one_span_per_paragraph() -> None:
    spans = scan_paragraphs(["“First part runs on.", "“Second part ends.”", "Narrative."])
    assert [(s.paragraph, s.continues, s.continued) for s in spans] == [
        (0, True, False),
        (1, False, True),
    ]


def test_quote_offsets_point_at_the_words_without_marks() -> None:
    text = "Kirby said “it is small” today."
    (quote,) = quotes_of(text)
    assert text[quote.start : quote.end] == "it is small"
