"""Which sections a topic tags: a heading that names it, or a topic the section keeps returning to."""

from __future__ import annotations

from pathlib import Path

from briefreader.config import DEFAULT_TOPICS
from briefreader.core.library import Library
from briefreader.core.models import Article, Paragraph, Section
from briefreader.core.topics import TopicMatcher

ROOT = Path(__file__).resolve().parents[2]
FILLER = (
    "Officials met on Tuesday to discuss the budget for the coming year, and the talks ran "
    "late into the evening without agreement on the main points."
)


def make_article(*sections: tuple[str | None, list[str]]) -> Article:
    built = []
    index = 0
    for heading, texts in sections:
        paragraphs = []
        for text in texts:
            paragraphs.append(Paragraph(index, text))
            index += 1
        built.append(Section(heading, tuple(paragraphs)))
    return Article(
        path=Path("made-up.txt"), id="made-up", fingerprint="0", format="text", title="Made up",
        author=None, source=None, published=None, url=None, sections=tuple(built),
    )  # fmt: skip


def tags(article: Article) -> list[tuple[str, ...]]:
    matcher = TopicMatcher(DEFAULT_TOPICS)
    tagged = matcher.tag_sections(article, matcher.article_hits(article))
    return [s.topics for s in tagged.sections]


def test_passing_mention_in_a_long_section_does_not_tag_it() -> None:
    texts = [FILLER] * 9 + [FILLER + " A drone was seen over the hall, reporters said."]
    assert tags(make_article((None, texts), ("Budget talks", texts))) == [(), ()]


def test_one_paragraph_dwelling_on_a_topic_does_not_tag_a_long_section() -> None:
    digression = "Drones flew. Another drone landed. A third drone crashed."
    assert tags(make_article(("Budget talks", [FILLER] * 7 + [digression]))) == [()]


def test_heading_that_names_the_topic_tags_the_section() -> None:
    article = make_article(
        ("Drone makers expand", [FILLER, FILLER]), ("Kherson's harbour", [FILLER])
    )
    assert tags(article) == [("drones",), ("kherson",)]


def test_topic_recurring_through_a_section_tags_it() -> None:
    texts = [FILLER, "Two drones were shot down.", FILLER, "The drone factory was hit.", FILLER]
    assert tags(make_article(("Overnight", texts))) == [("drones",)]


def test_short_section_repeating_the_topic_is_tagged_but_not_one_saying_it_once() -> None:
    twice = "Drones struck Kherson at dawn. By noon more drones came."
    once = "Officials spoke about many things, among them a drone, at length and in detail."
    assert tags(make_article(("Briefly", [twice]), ("Aside", [once]))) == [("drones",), ()]


def test_a_phrase_of_two_terms_counts_once() -> None:
    """'Shahed-136 drones' names drones once, not twice."""
    texts = [FILLER, "Photos of Shahed-136 drones were shown.", FILLER]
    assert tags(make_article(("Evidence", texts))) == [()]


def test_section_topics_follow_config_order() -> None:
    texts = ["Kherson was hit by drones.", "Drones over Kherson again.", FILLER]
    assert tags(make_article((None, texts))) == [("drones", "kherson")]


def test_hits_know_their_section() -> None:
    article = make_article((None, ["A drone."]), ("Kherson front", ["Kherson held."]))
    hits = TopicMatcher(DEFAULT_TOPICS).article_hits(article)
    assert [(h.topic, h.section) for h in hits] == [("drones", None), ("kherson", "Kherson front")]


def test_seed_sections_get_exactly_the_gold_topics(gold: dict) -> None:
    library = Library([ROOT / "articles"], topics=DEFAULT_TOPICS)
    by_name = {a.path.name: a for a in library.analysed_articles()}
    for name, truth in gold.items():
        got = [(s.heading, list(s.topics)) for s in by_name[name].sections]
        assert got == [(s["heading"], s["topics"]) for s in truth["sections"]], name


def test_abbreviations_do_not_split_a_sentence_in_two() -> None:
    """'U.S.' and 'Oct.' end no sentence, so one sentence naming drones twice is one mention."""
    one_sentence = (
        "Since Oct. 10 the U.S. and allies sent a drone and then more drones, officials said."
    )
    two_sentences = "Since Oct. 10 the allies sent a drone. Then the U.S. sent more drones."
    assert tags(make_article(("Aid", [one_sentence]), ("Aid", [two_sentences]))) == [
        (),
        ("drones",),
    ]
