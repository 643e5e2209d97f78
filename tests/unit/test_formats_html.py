"""Saved web pages: only the article survives, with a clean headline, byline and date."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefreader.core.formats.headline import clean_headline
from briefreader.core.models import Article
from briefreader.core.reader import read_article

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "html"
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import body_text, read_reference, same_text, token_scores  # noqa: E402

PAGE_NAMES = sorted(p.stem for p in PAGES.glob("*.html"))


def read(name: str) -> Article:
    article = read_article(PAGES / f"{name}.html")
    assert isinstance(article, Article), article
    return article


def test_there_are_at_least_twelve_reference_pages() -> None:
    assert len(PAGE_NAMES) >= 12
    assert all((PAGES / f"{name}.ref").exists() for name in PAGE_NAMES)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_body_matches_the_hand_made_reference(name: str) -> None:
    reference = read_reference(PAGES / f"{name}.ref")
    article = read(name)
    _, recall, f1 = token_scores(body_text(article), reference.body)
    assert f1 >= 0.9, f"{name}: token F1 {f1:.3f}"
    assert recall >= 0.9


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_headline_is_clean(name: str) -> None:
    reference = read_reference(PAGES / f"{name}.ref")
    assert same_text(read(name).title, reference.title)


PAGE_FURNITURE = {
    "bignews-port-strike": [
        "cookies", "Accept all", "Advertisement", "Subscribe", "More from Business",
        "Fed officials signal patience", "Robots are coming to the docks", "Get the Morning Ledger",
        "Most read", "Copy link", "googletag", "Idle cranes at the Port", "Breaking",
    ],
    "wordpress-council-budget": [
        "Share this", "Facebook", "Related", "Residents line up to speak", "Leave a Reply",
        "Your email address", "Glad they kept the library", "Recent Posts", "Support local news",
        "Proudly powered", "Fireworks return", "_wpemojiSettings",
    ],
    "tabloid-lottery-winner": [
        "READ MORE", "Lottery winners who lost it all", "adsbygoogle", "Watch:", "newsletter",
        "Most Read", "Around the web", "belly fat", "Beacon_reader_77", "(Image:",
    ],
    "govuk-flood-defences": [
        "Cookies on this site", "Accept additional cookies", "Is this page useful", "BETA",
        "Related content", "Print this page", "Crown copyright",
    ],
    "amp-wildfire-evacuations": ["READ MORE", "Advertisement", "View full site", "Photo courtesy"],
    "substack-grid-batteries": [
        "reader-supported", "Discussion about this post", "Great piece", "Ready for more?",
        "Start writing",
    ],
    "medium-remote-teams": [
        "Follow", "min read", "Written by", "More from Tomasz", "Recommended from Medium",
        "Text to speech",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PAGE_FURNITURE))
def test_only_the_article_survives(name: str) -> None:
    article = read(name)
    text = "\n".join([*(s.heading or "" for s in article.sections), article.text])
    for junk in PAGE_FURNITURE[name]:
        assert junk not in text, (name, junk)


def test_subheadings_become_sections_in_order() -> None:
    article = read("bignews-port-strike")
    assert [s.heading for s in article.sections] == [
        None,
        "Automation at the center",
        "What happens next",
    ]
    assert article.sections[1].paragraphs[0].text.startswith("The main sticking point")
    # Paragraph numbers run through the whole article.
    indexes = [p.index for p in article.paragraphs]
    assert indexes == list(range(len(indexes)))


def test_metadata_comes_from_the_page() -> None:
    article = read("bignews-port-strike")
    assert article.author == "Marcus Ellery"
    assert article.source == "The Daily Meridian"
    assert article.published == "2024-03-05"
    assert (
        article.url == "https://www.dailymeridian.com/business/2024/03/05/dockworkers-strike-ports"
    )
    assert article.format == "html"


def test_several_authors_are_joined_with_commas() -> None:
    assert read("meta-byline-measles").author == "Helen Croft, Samir Qureshi"


def test_windows_1252_page_is_decoded_as_declared() -> None:
    article = read("cp1252-harbour-festival")
    assert article.author == "Siobhán O’Neill"
    assert "Declan Ó Súilleabháin" in article.text
    assert "cost €25" in article.text and "“beyond anything we hoped for”" in article.text
    # The page names no site in its metadata: its title's suffix does.
    assert article.source == "Westport Gazette"


def test_body_byline_gives_the_author_when_metadata_has_none(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report describes what the inspectors found at the plant.</p>"
        for i in range(6)
    )
    page = tmp_path / "byline.html"
    page.write_text(
        "<html><head><title>Inspectors find cracks in dam | Valley Post</title></head><body>"
        f"<article><h1>Inspectors find cracks in dam</h1><p>By Ana Lima</p>{paragraphs}"
        "</article></body></html>"
    )
    article = read_article(page)
    assert isinstance(article, Article)
    assert article.author == "Ana Lima"
    assert article.title == "Inspectors find cracks in dam"
    assert "By Ana Lima" not in article.text


def test_page_with_no_extractable_body_falls_back_to_visible_text(tmp_path: Path) -> None:
    page = tmp_path / "tiny.html"
    page.write_text(
        "<html><head><title>Notice</title><script>var x = 'hidden script';</script></head>"
        "<body><nav><a href='/'>Home</a></nav><p>Offices close at noon on Friday.</p></body></html>"
    )
    article = read_article(page)
    assert isinstance(article, Article)
    assert "Offices close at noon on Friday." in article.text
    assert "hidden script" not in article.text and "Home" not in article.text


@pytest.mark.parametrize(
    ("title", "site", "h1", "clean"),
    [
        (
            "Port strike spreads - The Daily Meridian",
            "The Daily Meridian",
            (),
            "Port strike spreads",
        ),
        ("Port strike spreads | Meridian", "The Daily Meridian", (), "Port strike spreads"),
        ("Port strike spreads – dailymeridian.com", None, (), "Port strike spreads"),
        (
            "The Daily Meridian | Port strike spreads",
            "The Daily Meridian",
            (),
            "Port strike spreads",
        ),
        ("Why we write | by Ann Lee | Medium", None, (), "Why we write"),
        (
            "Biden - Putin summit ends without deal",
            None,
            (),
            "Biden - Putin summit ends without deal",
        ),
        ("Rain - then sun | Health | The Lantern", None, ("Rain - then sun",), "Rain - then sun"),
        ("Measles rise | Health | The Lantern", "The Lantern", (), "Measles rise | Health"),
        (None, None, (), None),
    ],
)
def test_clean_headline(
    title: str | None, site: str | None, h1: tuple[str, ...], clean: str | None
) -> None:
    assert clean_headline(title, site=site, h1=h1) == clean


def test_escape_sequences_in_a_page_never_reach_the_article(tmp_path: Path) -> None:
    page = tmp_path / "evil.html"
    page.write_text(
        "<html><head><title>Evil &#27;[2Jtitle\u202e</title></head><body><article>"
        "<h1>Evil title</h1><p>Text with an escape &#27;]0;pwned&#7; and a bell &#x9b;31m here, "
        "long enough to be kept by the extractor as a paragraph.</p></article></body></html>"
    )
    article = read_article(page)
    assert isinstance(article, Article)
    everything = " ".join([article.title or "", article.text])
    assert "\x1b" not in everything and "\x07" not in everything and "\x9b" not in everything
    assert "\u202e" not in (article.title or "")


def test_a_copyright_year_is_not_taken_for_the_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "undated.html"
    page.write_text(
        "<html><head><title>Drones over Kherson - Example News</title></head><body>"
        "<nav>Home News</nav><article><h1>Drones over Kherson</h1>"
        "<p>Officials said drones struck the port of Kherson overnight, damaging cranes.</p>"
        "<p>“We saw dozens of them,” said Olena Petrenko, a port worker, to reporters.</p>"
        "</article><footer>Copyright 2024 Example</footer></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert isinstance(article, Article)
    assert (article.title, article.published) == ("Drones over Kherson", None)
