"""`briefreader topics`: every place the tracked topics are named, as a table or as JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.style import Style
from rich.table import Table
from rich.text import Text

from briefreader.cli.common import (
    UserError,
    add_library_arguments,
    display_path,
    open_configured_library,
    print_json,
    read_articles,
    table_console,
)
from briefreader.core.library import Library
from briefreader.core.models import Article, Topic, TopicHit


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "topics",
        help="list where the tracked topics are named (drones, Kherson, ...)",
        description="Every match of the configured topics, in section headings (paragraph -1) "
        "and paragraphs, with the topics each section is tagged with.",
    )
    parser.add_argument("--topic", metavar="NAME", help="only this topic")
    add_library_arguments(parser, run)


def article_topic_hits(
    library: Library, article: Article
) -> list[tuple[TopicHit, tuple[str, ...]]]:
    """Each hit in reading order (a section's heading before its paragraphs) with its section's topics."""
    matcher = library.matcher
    hits = matcher.article_hits(article)
    rows = []
    for section in article.sections:
        indexes = {p.index for p in section.paragraphs}
        section_hits = matcher.heading_hits(section) + [h for h in hits if h.paragraph in indexes]
        tagged = matcher.section_topics(section, hits)
        rows.extend((hit, tagged) for hit in section_hits)
    return rows


def hit_json(article: Article, hit: TopicHit, section_topics: tuple[str, ...]) -> dict[str, Any]:
    """The DESIGN §10 shape of one hit, plus where it is and its section's topics."""
    return {
        "path": display_path(article.path),
        "topic": hit.topic,
        "paragraph": hit.paragraph,
        "section": hit.section,
        "match": hit.match,
        "start": hit.start,
        "end": hit.end,
        "in_heading": hit.paragraph == -1,
        "section_topics": list(section_topics),
    }


def run(args: argparse.Namespace) -> int:
    library = open_configured_library(args.paths)
    topics = {topic.name: topic for topic in library.topics}
    if args.topic is not None and args.topic not in topics:
        known = ", ".join(topics) or "none are configured"
        raise UserError(f"no topic named '{args.topic}' (topics: {known})")
    report = read_articles(library)
    rows = [
        (article, hit, tagged)
        for article in report.articles
        for hit, tagged in article_topic_hits(library, article)
        if args.topic is None or hit.topic == args.topic
    ]
    if args.json:
        print_json([hit_json(article, hit, tagged) for article, hit, tagged in rows])
    elif rows:
        print_table(rows, topics)
    if not rows:  # finding nothing is an answer, not an error
        count = len(report.articles)
        where = f"{count} article{'s' if count != 1 else ''}"
        what = f"topic '{args.topic}' is not" if args.topic else "no topic is"
        print(f"{what} named in {where}", file=sys.stderr)
    return 0


def print_table(
    rows: list[tuple[Article, TopicHit, tuple[str, ...]]], topics: dict[str, Topic]
) -> None:
    """A table for people: one row per hit, then how often each topic was named."""
    console = table_console()
    by_article: dict[str, list[tuple[TopicHit, tuple[str, ...]]]] = {}
    titles: dict[str, Article] = {}
    for article, hit, tagged in rows:
        by_article.setdefault(article.id, []).append((hit, tagged))
        titles[article.id] = article
    for article_id, hits in by_article.items():
        article = titles[article_id]
        table = Table("Section", "¶", "Topic", "Match", title=Text(article.display_title))
        table.caption = Text(display_path(article.path))
        shown_section: object = object()
        for hit, tagged in hits:
            topic = topics[hit.topic]
            style = Style(color=topic.color)
            section = Text()
            if hit.section != shown_section:  # name each section once, with its tags
                section.append(hit.section or "(lead)")
                for name in tagged:
                    section.append(" ●", Style(color=topics[name].color))
                shown_section = hit.section
            table.add_row(
                section,
                # counted from 1, as in the reader and the brief (JSON keeps 0)
                "heading" if hit.paragraph == -1 else str(hit.paragraph + 1),
                Text(topic.label, style),
                Text(hit.match, style),
            )
        console.print(table)
    counts: dict[str, int] = {}
    for _, hit, _ in rows:
        counts[hit.topic] = counts.get(hit.topic, 0) + 1
    summary = Text("Hits: ")
    for i, (name, count) in enumerate(counts.items()):
        summary.append(", " if i else "")
        summary.append(topics[name].label, Style(color=topics[name].color))
        summary.append(f" {count}")
    summary.append("   (● the section is tagged with the topic of that colour)")
    console.print(summary)
