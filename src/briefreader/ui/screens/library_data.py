"""What the main screen's workers ask of the library: summaries for the list, one analysis."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from briefreader.core.models import Article, ArticleSummary, IndexReport, ScanReport

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis
    from briefreader.core.library import Library

Progress = Callable[[int, int], None]


Loaded = tuple[tuple[ArticleSummary, ...], bool, tuple[str, ...]]


def load_summaries(library: Library, progress: Progress) -> Iterator[Loaded]:
    """Yield (summaries, final, notes): what the last index holds, then after a refresh.

    Notes are what the user should hear about the refresh: files skipped, an index rebuilt.
    """
    if hasattr(library, "summaries") and hasattr(library, "refresh_index"):
        first = library.summaries()
        if first:
            yield first, False, ()
        report = library.refresh_index(progress)
        yield library.summaries(), True, refresh_notes(report)
        return
    scanned = library.read_all(progress)
    summaries = tuple(summary_of(library.analyse(a).article) for a in scanned.articles)
    yield summaries, True, refresh_notes(scanned)


def refresh_notes(report: IndexReport | ScanReport) -> tuple[str, ...]:
    """One line per thing worth telling: files that could not be read, a rebuilt index."""
    notes: list[str] = []
    message = getattr(report, "message", None)
    if message:
        notes.append(message)
    if report.skipped:
        first = report.skipped[0]
        more = f" (and {len(report.skipped) - 1} more)" if len(report.skipped) > 1 else ""
        notes.append(f"Could not read {first.path.name}: {first.reason}{more}")
    return tuple(notes)


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
