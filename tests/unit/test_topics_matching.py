"""Topic terms and patterns find what a reader would call a mention, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefreader.config import DEFAULT_TOPICS
from briefreader.core.models import Article, Paragraph, Section, Topic
from briefreader.core.topics import TopicMatcher


def matches(topic: Topic, text: str) -> list[str]:
    return [h.match for h in TopicMatcher([topic]).paragraph_hits(Paragraph(0, text))]


DRONES = Topic("drones", "Drones", "red", terms=("drone", "kamikaze drone", "UAV"))
CAP = Topic("cap", "Price cap", "cyan", terms=("price cap", "barrels per day"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A drone fell.", ["drone"]),
        ("Two Drones fell.", ["Drones"]),
        ("DRONE attacks", ["DRONE"]),
        ("the drone's camera", ["drone"]),
        ("Kamikaze drones hit Kyiv.", ["Kamikaze drones"]),
        ("UAVs and a UAV", ["UAVs", "UAV"]),
        ("anti-drone guns", ["drone"]),
    ],
)
def test_terms_match_inflections_in_any_case(text: str, expected: list[str]) -> None:
    assert matches(DRONES, text) == expected


@pytest.mark.parametrize("text", ["a dronestrike", "the droned hum", "Hydronergy", "sUAVe"])
def test_terms_match_whole_words_only(text: str) -> None:
    assert matches(DRONES, text) == []


@pytest.mark.parametrize(
    "text",
    ["the price cap", "a price-cap deal", "two price caps", "the price\ncap", "a price   cap",
     "the Price-Caps", "the price-\ncap", "a price\u2011cap"],
)  # fmt: skip
def test_phrases_match_across_hyphens_line_breaks_and_spaces(text: str) -> None:
    found = matches(CAP, text)
    assert len(found) == 1
    assert re.split(r"\W+", found[0].lower()) in (["price", "cap"], ["price", "caps"])


def test_phrase_needs_all_its_words_in_order() -> None:
    assert matches(CAP, "a cap on the price") == []
    assert matches(CAP, "1m barrels per day") == ["barrels per day"]


def test_plural_term_also_finds_the_singular() -> None:
    topic = Topic("p", "P", "red", terms=("policies", "boxes", "gas"))
    assert matches(topic, "a policy, two policies, a box, gases and gas") == [
        "policy", "policies", "box", "gases", "gas",
    ]  # fmt: skip
    # A word that only looks plural keeps its last letter: "gas" never finds "ga".
    assert matches(topic, "ga ga") == []


def test_patterns_are_regular_expressions_with_lookarounds() -> None:
    topic = Topic(
        "cap", "Cap", "cyan", patterns=(r"\bcap(?:ped|ping|s)?(?=\s+(?:Russian\s+)?oil)",)
    )
    assert matches(topic, "G7 agreed to cap Russian oil sales") == ["cap"]
    assert matches(topic, "a baseball cap and oil") == []
    assert matches(topic, "capped oil, capping oil") == ["capped", "capping"]


def test_case_sensitive_topic_matches_only_the_case_written() -> None:
    topic = Topic("us", "US", "blue", terms=("US",), case_sensitive=True)
    assert matches(topic, "the US said, but let us see; Us and us") == ["US"]
    insensitive = Topic("us", "US", "blue", terms=("US",))
    assert matches(insensitive, "let us see") == ["us"]


def test_case_sensitive_applies_to_patterns_too() -> None:
    topic = Topic("gov", "Gov", "blue", patterns=(r"\bIAEA\b",), case_sensitive=True)
    assert matches(topic, "the IAEA and the iaea") == ["IAEA"]


def test_earlier_topic_wins_where_two_overlap_and_the_loser_is_recorded() -> None:
    drones = Topic("drones", "Drones", "red", terms=("Shahed drone",))
    iran = Topic("iran", "Iran", "green", terms=("Shahed", "Tehran"))
    matcher = TopicMatcher([drones, iran])
    hits = matcher.paragraph_hits(Paragraph(5, "Shahed drones flew from Tehran; a Shahed too."))
    assert [(h.topic, h.match) for h in hits] == [
        ("drones", "Shahed drones"), ("iran", "Tehran"), ("iran", "Shahed"),
    ]  # fmt: skip
    article = Article(
        path=Path("a.txt"), id="a", fingerprint="f", format="text",
        title=None, author=None, source=None, published=None, url=None,
        sections=(Section(None, (Paragraph(5, "Shahed drones flew."),)),),
    )  # fmt: skip
    [overlap] = matcher.article_overlaps(article)
    assert (overlap.kept.topic, overlap.dropped.topic, overlap.dropped.match) == (
        "drones", "iran", "Shahed",
    )  # fmt: skip
    # Reversed priority: the other topic keeps the word, and the phrase is gone.
    reversed_hits = TopicMatcher([iran, drones]).paragraph_hits(Paragraph(0, "Shahed drones"))
    assert [(h.topic, h.match) for h in reversed_hits] == [("iran", "Shahed")]


def test_hits_carry_offsets_into_the_paragraph() -> None:
    text = "Kherson, then Kherson\u2019s port"
    kherson = DEFAULT_TOPICS[1]
    hits = TopicMatcher([kherson]).paragraph_hits(Paragraph(3, text))
    assert [(h.paragraph, text[h.start : h.end]) for h in hits] == [(3, "Kherson"), (3, "Kherson")]


def test_default_topics_find_the_everyday_words() -> None:
    matcher = TopicMatcher(DEFAULT_TOPICS)
    text = (
        "Shahed-136 kamikaze drones struck Kherson as the G7 price-cap on crude oil took "
        "effect, moving 2 million barrels per day; UAVs were seen."
    )
    found = {(h.topic, h.match) for h in matcher.paragraph_hits(Paragraph(0, text))}
    assert found == {
        ("drones", "Shahed"), ("drones", "kamikaze drones"), ("kherson", "Kherson"),
        ("oil-cap", "price-cap"), ("oil-cap", "crude oil"), ("oil-cap", "barrels per day"),
        ("drones", "UAVs"),
    }  # fmt: skip


def test_no_topics_no_hits() -> None:
    assert TopicMatcher([]).paragraph_hits(Paragraph(0, "drones over Kherson")) == []


def test_offsets_stay_right_when_lower_casing_changes_the_text_length() -> None:
    text = "İİİ: a DRONE over İstanbul, then drones."  # "İ".lower() is two characters
    hits = TopicMatcher([DRONES]).paragraph_hits(Paragraph(0, text))
    assert [text[h.start : h.end] for h in hits] == ["DRONE", "drones"]
    assert [h.match for h in hits] == ["DRONE", "drones"]
