"""Unnamed speakers described as the article describes them: who they are, not where they sat,
and the body a description points back to."""

from __future__ import annotations

from quote_helpers import said


def test_where_a_person_sat_is_no_part_of_the_description() -> None:
    assert said(
        "At the school, an elderly man sitting on a cot beside his wife said he had lived "
        "there for 71 years. “You don’t think about it until you do,” he said.",
    ) == [("You don’t think about it until you do,", "an elderly man")]


def test_an_unnamed_firm_after_a_trader_is_dropped_but_a_named_place_stays() -> None:
    assert said(
        "“He is not shutting the door,” said a Seoul-based currency trader at a foreign bank.",
        "“It is working,” said a senior Democratic official in Washington.",
    ) == [
        ("He is not shutting the door,", "a Seoul-based currency trader"),
        ("It is working,", "a senior Democratic official in Washington"),
    ]


def test_a_body_described_after_another_noun_phrase_is_the_body_named_before() -> None:
    assert said(
        "Northbound Records dropped her in 2022, a decision the label at the time described "
        "as “a mutual parting of ways”.",
    ) == [("a mutual parting of ways", "Northbound Records")]


def test_a_description_ends_before_when_it_spoke() -> None:
    assert said(
        "Northbound Records dropped her in 2022. The label last week described it as “a mutual "
        "parting of ways”.",
    ) == [("a mutual parting of ways", "Northbound Records")]


def test_family_name_first_with_a_given_name_the_list_knows() -> None:
    assert said(
        "Tran Minh Chau, who directs the survey, presented the poll.",
        "“It’s no longer a rural issue,” Ms. Tran said.",
    ) == [("It’s no longer a rural issue,", "Tran Minh Chau")]
