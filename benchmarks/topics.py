"""Measure what topic matching costs: per article, and as a share of a full index build.

Usage: python benchmarks/topics.py [--articles 10000] [--seed 1] [--no-index]

Writes a generated corpus (benchmarks/corpus.py) to a temporary folder, parses it, then
times the default topics over every article: hits in every paragraph and heading plus
section tagging, which is what an index build does per article. Unless --no-index, it
also times two full index builds of the corpus, with the default topics and with none,
and prints the difference.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import write_corpus  # noqa: E402

from briefreader.config import DEFAULT_TOPICS  # noqa: E402
from briefreader.core.library import Library  # noqa: E402
from briefreader.core.models import Article  # noqa: E402
from briefreader.core.topics import TopicMatcher  # noqa: E402


def time_matching(articles: tuple[Article, ...], repeats: int = 3) -> float:
    """Best-of-N seconds to find and tag the default topics in every article."""
    matcher = TopicMatcher(DEFAULT_TOPICS)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for article in articles:
            matcher.tag_sections(article, matcher.article_hits(article))
        best = min(best, time.perf_counter() - started)
    return best


def time_index_build(folder: Path, cache: Path, topics: bool) -> float:
    library = Library([folder], topics=DEFAULT_TOPICS if topics else (), cache_dir=cache)
    started = time.perf_counter()
    library.refresh_index(rebuild=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-index", action="store_true", help="skip the index builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        write_corpus(folder, args.articles, args.seed)
        library = Library([folder])
        started = time.perf_counter()
        articles = library.articles()
        parse_seconds = time.perf_counter() - started
        words = statistics.mean(len(a.text.split()) for a in articles)
        paragraphs = statistics.mean(len(a.paragraphs) for a in articles)
        matching = time_matching(articles)
        print(f"{len(articles)} articles, {words:.0f} words and {paragraphs:.0f} paragraphs each")
        print(
            f"parsing:  {parse_seconds:.2f} s ({parse_seconds / len(articles) * 1e3:.2f} ms/article)"
        )
        print(f"matching: {matching:.2f} s ({matching / len(articles) * 1e6:.0f} µs/article)")
        if args.no_index:
            return
        without = time_index_build(folder, Path(scratch) / "cache-none", topics=False)
        with_topics = time_index_build(folder, Path(scratch) / "cache-topics", topics=True)
        print(f"index build without topics: {without:.2f} s")
        print(f"index build with topics:    {with_topics:.2f} s")
        print(
            f"matching / index build without topics: {matching / without:.1%}; "
            f"measured difference: {(with_topics - without) / without:+.1%}"
        )


if __name__ == "__main__":
    main()
