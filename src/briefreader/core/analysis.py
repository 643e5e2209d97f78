"""One pass of analysis over a parsed article: topics and quotes, done once per changed file."""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.core.models import Article, Quote, TopicHit
from briefreader.core.quotes import extract_quotes
from briefreader.core.topics import TopicMatcher


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article with its sections' topics filled, its topic hits and its quotes."""

    article: Article
    hits: tuple[TopicHit, ...]
    quotes: tuple[Quote, ...]


def analyse(article: Article, matcher: TopicMatcher) -> Analysis:
    """Topics and quotes of one article."""
    hits = matcher.article_hits(article)
    tagged = matcher.tag_sections(article, hits)
    return Analysis(tagged, hits, extract_quotes(tagged))
