"""Anchors on passages: built from a span, re-found by position, exact text, then fuzzily."""

from __future__ import annotations

import pytest

from briefreader.core.anchoring import (
    CONTEXT_CHARS,
    anchor_for,
    find_text,
    locate,
    sentence_span,
)

PARAGRAPHS = [
    "The White House said on Thursday that Iranian troops are now engaged in Crimea.",
    "Kirby said that Iran has dispatched a relatively small number of trainers to Crimea.",
    "Russia has found a way to skirt a G7 price cap, Reuters reported on Friday.",
]


def test_a_whole_paragraph_is_the_default_passage_with_context_from_its_neighbours() -> None:
    anchor = anchor_for(PARAGRAPHS, 1)
    assert anchor.exact == PARAGRAPHS[1]
    assert (anchor.paragraph, anchor.start, anchor.end) == (1, 0, len(PARAGRAPHS[1]))
    assert anchor.prefix == ("\n\n".join(PARAGRAPHS[:1]) + "\n\n")[-CONTEXT_CHARS:]
    assert anchor.suffix == ("\n\n" + PARAGRAPHS[2])[:CONTEXT_CHARS]


def test_a_span_keeps_its_words_and_the_words_around_it() -> None:
    start = PARAGRAPHS[2].index("skirt")
    anchor = anchor_for(PARAGRAPHS, 2, start, start + len("skirt a G7 price cap"))
    assert anchor.exact == "skirt a G7 price cap"
    assert anchor.prefix.endswith("found a way to ")
    assert anchor.suffix.startswith(", Reuters reported")


@pytest.mark.parametrize(
    ("paragraph", "start", "end"), [(3, None, None), (-1, None, None), (0, 5, 5)]
)
def test_a_passage_that_does_not_exist_is_refused(
    paragraph: int, start: int | None, end: int | None
) -> None:
    with pytest.raises(ValueError):
        anchor_for(PARAGRAPHS, paragraph, start, end)


def test_an_unchanged_article_keeps_the_passage_where_it_was() -> None:
    anchor = anchor_for(PARAGRAPHS, 1, 6, 20)
    placement = locate(anchor, PARAGRAPHS)
    assert (placement.status, placement.paragraph, placement.start, placement.end) == (
        "anchored",
        1,
        6,
        20,
    )


def test_spaces_at_either_end_of_a_selection_are_left_out() -> None:
    anchor = anchor_for(PARAGRAPHS, 1, 5, 21)
    assert (anchor.start, anchor.end, anchor.exact) == (6, 20, "said that Iran")


def test_words_added_earlier_in_the_paragraph_shift_the_passage_but_it_stays_anchored() -> None:
    start = PARAGRAPHS[1].index("Iran")
    anchor = anchor_for(PARAGRAPHS, 1, start, start + 30)
    edited = list(PARAGRAPHS)
    edited[1] = "On Thursday, " + edited[1]
    placement = locate(anchor, edited)
    assert placement.status == "anchored"
    assert edited[1][placement.start : placement.end] == anchor.exact


def test_a_paragraph_inserted_before_moves_the_passage_down_one() -> None:
    anchor = anchor_for(PARAGRAPHS, 2)
    edited = [PARAGRAPHS[0], "A new paragraph about something else entirely.", *PARAGRAPHS[1:]]
    placement = locate(anchor, edited)
    assert (placement.status, placement.paragraph) == ("moved", 3)
    assert edited[3][placement.start : placement.end] == anchor.exact


def test_context_decides_between_two_copies_of_the_same_words() -> None:
    paragraphs = [
        "Analysts at the Alpha Institute say the cap works.",
        "Traders in Rotterdam told Beta News the cap works.",
        "A Gamma Bank note for clients argued the cap works.",
    ]
    start = paragraphs[1].index("the cap")
    anchor = anchor_for(paragraphs, 1, start, start + len("the cap works."))
    reordered = [paragraphs[2], paragraphs[0], paragraphs[1]]
    placement = locate(anchor, reordered)
    assert placement.paragraph == 2  # the copy after "Beta News", wherever it went


def test_spacing_changes_inside_the_passage_do_not_lose_it() -> None:
    anchor = anchor_for(PARAGRAPHS, 0)
    edited = [PARAGRAPHS[0].replace(" ", "  "), *PARAGRAPHS[1:]]
    placement = locate(anchor, edited)
    assert (placement.status, placement.paragraph) == ("anchored", 0)
    assert (placement.start, placement.end) == (0, len(edited[0]))


def test_a_word_changed_inside_the_passage_is_found_fuzzily_and_marked_moved() -> None:
    anchor = anchor_for(PARAGRAPHS, 1)
    edited = list(PARAGRAPHS)
    edited[1] = edited[1].replace("relatively small", "very small")
    placement = locate(anchor, edited)
    assert (placement.status, placement.paragraph) == ("moved", 1)
    assert edited[1][placement.start : placement.end] == edited[1]


def test_a_fuzzy_span_covers_the_changed_words_inside_a_longer_paragraph() -> None:
    start = PARAGRAPHS[1].index("Iran has")
    end = PARAGRAPHS[1].index(" of trainers")
    anchor = anchor_for(PARAGRAPHS, 1, start, end)
    edited = list(PARAGRAPHS)
    edited[1] = edited[1].replace("dispatched", "sent")
    placement = locate(anchor, edited)
    assert placement.status == "moved"
    assert edited[1][placement.start : placement.end] == "Iran has sent a relatively small number"


def test_a_deleted_passage_becomes_an_orphan() -> None:
    anchor = anchor_for(PARAGRAPHS, 1)
    placement = locate(anchor, [PARAGRAPHS[0], PARAGRAPHS[2]])
    assert placement.status == "orphan"
    assert placement.paragraph is None


def test_quoted_text_is_found_whatever_the_quote_marks_case_and_spacing() -> None:
    paragraphs = ["He said “the  evidence is clear” on Friday."]
    paragraph, start, end = find_text(paragraphs, '"The evidence is CLEAR"') or (0, 0, 0)
    assert paragraphs[paragraph][start:end] == "“the  evidence is clear”"
    assert find_text(paragraphs, "not in there") is None


def test_the_sentence_around_an_offset() -> None:
    text = "First one. Second “quoted.” Third?"
    assert text[slice(*sentence_span(text, 14))] == "Second “quoted.”"
    assert text[slice(*sentence_span(text, 0))] == "First one."
    assert text[slice(*sentence_span(text, len(text) - 1))] == "Third?"
