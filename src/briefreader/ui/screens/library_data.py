"""What the main screen's workers ask of the library: summaries for the list, one analysis."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from briefreader.core.analysis import Analysis
from briefreader.core.library import Library
from briefreader.core.models import Article, ArticleSummary

Progress = Callable[[int, int], None]


def load_summaries(
    library: Library, progress: Progress
) -> Iterator[tuple[tuple[ArticleSummary, ...], bool]]:
    """Yield (summaries, final): first what the last index holds, then after a refresh."""
    if hasattr(library, "summaries") and hasattr(library, "refresh_index"):
        first = library.summaries()
        if first:
            yield first, False
        library.refresh_index(progress)
        yield library.summaries(), True
        return
    report = library.read_all(progress)
    yield tuple(summary_of(library.analyse(a).article) for a in report.articles), True


def summary_of(article: Article) -> ArticleSummary:
    topics = tuple(dict.fromkeys(t for s in article.sections for t in s.topics))
    return ArticleSummary(
        article.id, article.path, article.display_title, article.source, article.published, topics
    )


def load_analysis(library: Library, article_id: str) -> Analysis | None:
    """One article read and analysed, or None when it is gone."""
    if hasattr(library, "open_article"):
        return library.open_article(article_id)
    for article in library.articles():
        if article.id == article_id:
            return library.analyse(article)
    return None
