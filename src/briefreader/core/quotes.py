"""Quotations in an article and who said them."""

from __future__ import annotations

from briefreader.core.models import Article, Quote


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in reading order, each with its speaker's fullest name when known."""
    return ()
