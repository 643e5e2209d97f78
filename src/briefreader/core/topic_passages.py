"""Topics across a whole library: hit counts per topic and the passages that name a topic."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from briefreader.core.models import Article, ArticleSummary, TopicHit, TopicPassage
from briefreader.core.reader import read_article
from briefreader.core.scan import common_root, find_article_files
from briefreader.core.topics import TopicMatcher

SNIPPET_WIDTH = 180


def stream_articles(paths: Sequence[Path]) -> Iterator[Article]:
    """Each readable article under the paths, one at a time, so a large library is never
    held in memory at once; ids are the same as a full scan gives."""
    files, _, _ = find_article_files(paths)
    root = common_root(list(paths))
    for path in files:
        article = read_article(path, root=root)
        if isinstance(article, Article):
            yield article


def topic_counts(articles: Iterable[Article], matcher: TopicMatcher) -> dict[str, int]:
    """Hits per topic over all articles, every configured topic present (0 when never named)."""
    counts = {topic.name: 0 for topic in matcher.topics}
    for article in articles:
        for hit in matcher.article_hits(article):
            counts[hit.topic] += 1
    return counts


def topic_passages(
    articles: Iterable[Article], matcher: TopicMatcher, topic: str
) -> tuple[TopicPassage, ...]:
    """Every paragraph naming the topic, article by article in reading order."""
    passages: list[TopicPassage] = []
    for article in articles:
        hits = matcher.article_hits(article)
        mine = [h for h in hits if h.topic == topic]
        if not mine:
            continue
        summary = article_summary(matcher.tag_sections(article, hits))
        texts = {p.index: p.text for p in article.paragraphs}
        by_paragraph: dict[int, list[TopicHit]] = {}
        for hit in mine:
            by_paragraph.setdefault(hit.paragraph, []).append(hit)
        for index, paragraph_hits in by_paragraph.items():
            first = paragraph_hits[0]
            snippet, highlights = make_snippet(
                texts[index], [(h.start, h.end) for h in paragraph_hits]
            )
            passages.append(
                TopicPassage(
                    article=summary,
                    section=first.section,
                    paragraph=index,
                    hits=len(paragraph_hits),
                    start=first.start,
                    end=first.end,
                    snippet=snippet,
                    highlights=highlights,
                )
            )
    return tuple(passages)


def article_summary(article: Article) -> ArticleSummary:
    """The list-row view of an article whose sections' topics are filled."""
    topics = tuple(dict.fromkeys(t for s in article.sections for t in s.topics))
    return ArticleSummary(
        id=article.id,
        path=article.path,
        title=article.display_title,
        source=article.source,
        published=article.published,
        topics=topics,
    )


def make_snippet(
    text: str, spans: list[tuple[int, int]], width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `width` characters of text around the first span, cut at spaces, with "…" marks.

    Returns the snippet (on one line) and the spans that fall inside it, shifted to it.
    """
    first_start, first_end = spans[0]
    begin = max(0, first_start - (width - (first_end - first_start)) // 3)
    end = min(len(text), begin + width)
    begin = max(0, min(begin, end - width))
    if begin > 0:
        space = text.find(" ", begin, first_start)
        begin = space + 1 if space != -1 else begin
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space != -1 else end
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    # Line breaks become spaces so a snippet is one row; lengths stay the same.
    body = text[begin:end].replace("\n", " ").replace("\r", " ").replace("\t", " ")
    shift = len(prefix) - begin
    highlights = tuple(
        (start + shift, end_ + shift) for start, end_ in spans if start >= begin and end_ <= end
    )
    return prefix + body + suffix, highlights
