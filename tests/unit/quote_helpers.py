"""Build articles from paragraphs so quote tests read like the text they check."""

from __future__ import annotations

from pathlib import Path

from briefreader.core.models import Article, Paragraph, Quote, Section
from briefreader.core.quotes import extract_quotes


def article_of(*paragraphs: str) -> Article:
    section = Section(None, tuple(Paragraph(i, text) for i, text in enumerate(paragraphs)))
    return Article(
        Path("test.txt"), "test", "fp", "text", "Test", None, None, None, None, (section,)
    )


def quotes_of(*paragraphs: str) -> tuple[Quote, ...]:
    return extract_quotes(article_of(*paragraphs))


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker) for every quote found."""
    return [(q.text, q.speaker) for q in quotes_of(*paragraphs)]
