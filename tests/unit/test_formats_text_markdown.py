"""Plain text and Markdown: title, byline, headings, boilerplate and front matter."""

from __future__ import annotations

from pathlib import Path

from briefreader.core.models import Article
from briefreader.core.reader import read_article

MARKDOWN = Path(__file__).resolve().parents[1] / "fixtures" / "markdown"


def read_text(tmp_path: Path, content: str, name: str = "story.txt") -> Article:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    article = read_article(path)
    assert isinstance(article, Article), article
    return article


def headings(article: Article) -> list[str | None]:
    return [s.heading for s in article.sections]


def test_text_title_byline_headings_and_copyright_source(tmp_path: Path) -> None:
    article = read_text(
        tmp_path,
        "Fire crews contain blaze at recycling depot\n\n"
        "By Tom Reyes\n\n"
        "A fire at a recycling depot was brought under control on Sunday night after six hours.\n\n"
        "Residents were told to keep windows closed because of the smoke.\n\n"
        "Cause under investigation\n\n"
        "Fire investigators will return to the site on Monday.\n\n"
        "Read more: Recycling fires on the rise, insurers warn\n\n"
        "Copyright 2024 Valley Post Ltd. All rights reserved.\n",
    )
    assert article.title == "Fire crews contain blaze at recycling depot"
    assert article.author == "Tom Reyes"
    assert article.source == "Valley Post Ltd."
    assert headings(article) == [None, "Cause under investigation"]
    assert [p.text for p in article.paragraphs] == [
        "A fire at a recycling depot was brought under control on Sunday night after six hours.",
        "Residents were told to keep windows closed because of the smoke.",
        "Fire investigators will return to the site on Monday.",
    ]


def test_text_name_and_outlet_byline(tmp_path: Path) -> None:
    article = read_text(
        tmp_path,
        "Maria Lopez, Coastal Courier\n\n"
        "[elfsight_social_share_buttons id=”1″]\n\n"
        "The harbour reopened on Tuesday after repairs.\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n",
    )
    assert (article.author, article.source, article.title) == (
        "Maria Lopez",
        "Coastal Courier",
        None,
    )
    assert [p.text for p in article.paragraphs] == [
        "The harbour reopened on Tuesday after repairs."
    ]


def test_text_with_single_newlines_keeps_one_paragraph_per_line(tmp_path: Path) -> None:
    article = read_text(
        tmp_path,
        "Bridge closes for repairs\nBy Ana Lima\nThe bridge will close on Monday.\n"
        "Traffic will be diverted through the town centre.\nBuses keep their routes.\n",
    )
    assert article.title == "Bridge closes for repairs"
    assert article.author == "Ana Lima"
    assert len(article.paragraphs) == 3


def test_text_without_title_uses_the_file_name(tmp_path: Path) -> None:
    article = read_text(
        tmp_path,
        "The water board met on Monday. It approved the plan.\n\nIt will cost more.\n",
        name="water-board_vote.txt",
    )
    assert article.title is None
    assert article.display_title == "Water board vote"


def test_text_with_windows_line_endings(tmp_path: Path) -> None:
    article = read_text(tmp_path, "Storm warning issued\r\n\r\nWinds will reach 100 km/h.\r\n")
    assert article.title == "Storm warning issued"
    assert article.paragraphs[0].text == "Winds will reach 100 km/h."


def test_markdown_front_matter_headings_and_inline_syntax() -> None:
    article = read_article(MARKDOWN / "hugo-desalination.md")
    assert isinstance(article, Article)
    assert article.format == "markdown"
    assert article.title == "Desalination plant: what the new contract means for water bills"
    assert article.author == "Priya Raman"
    assert article.published == "2024-03-18"
    assert article.url == "https://harbourtimes.example/2024/desalination-contract"
    assert article.source == "Harbour Times"
    # The H1 repeating the title is not a section; ## headings are.
    assert headings(article) == [None, "How much bills will rise", "Environmental concerns"]
    text = article.text
    assert "up to 120 million litres a day" in text  # **bold** reduced to words
    assert "according to the authority's own estimate." in text  # link text kept, URL gone
    assert '"We cannot keep praying for rain," the authority' in text  # block quote mark gone
    assert "The plant will run on power bought from a new wind farm." in text  # list item
    assert "Share this article" not in text and "©" not in text
    assert "draft" not in text and "tags" not in text


def test_markdown_without_front_matter_takes_title_and_byline_from_the_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.markdown"
    path.write_text(
        "# Ferry fares to rise in May\n\nBy Jo Park\n\nFares rise by 5 \\* 2 = 10 percent, "
        "the operator\\_name said.\n\nSetext heading\n--------------\n\nMore text below it.\n"
    )
    article = read_article(path)
    assert isinstance(article, Article)
    assert (article.title, article.author) == ("Ferry fares to rise in May", "Jo Park")
    assert headings(article) == [None, "Setext heading"]
    assert article.paragraphs[0].text == "Fares rise by 5 * 2 = 10 percent, the operator_name said."


def test_markdown_code_fence_is_not_parsed_as_headings(tmp_path: Path) -> None:
    path = tmp_path / "code.md"
    path.write_text("Intro paragraph here.\n\n```\n# not a heading\n```\n\nAfter the code.\n")
    article = read_article(path)
    assert isinstance(article, Article)
    assert headings(article) == [None]
    assert "# not a heading" in article.text
