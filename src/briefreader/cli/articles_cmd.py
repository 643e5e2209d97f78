"""`briefreader articles`: the parsed articles, as a table or as JSON."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from briefreader.cli.common import (
    add_library_arguments,
    display_path,
    open_configured_library,
    print_json,
    read_articles,
    table_console,
)
from briefreader.core.models import Article


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "articles", help="list the parsed articles (title, byline, sections)"
    )
    add_library_arguments(parser, run)


def article_json(
    article: Article, topics: dict[int, tuple[str, ...]] | None = None
) -> dict[str, Any]:
    """The DESIGN §10 shape of one article."""
    return {
        "path": display_path(article.path),
        "id": article.id,
        "format": article.format,
        "title": article.title,
        "author": article.author,
        "source": article.source,
        "published": article.published,
        "url": article.url,
        "flags": [flag.message for flag in article.flags],
        "sections": [
            {
                "heading": section.heading,
                "topics": list(section.topics),
                "paragraphs": [p.text for p in section.paragraphs],
            }
            for section in article.sections
        ],
    }


def run(args: argparse.Namespace) -> int:
    library = open_configured_library(args.paths)
    report = read_articles(library)
    if args.json:
        print_json([article_json(a) for a in library.analysed_articles()])
    else:
        table = Table("Title", "Author", "Source", "Date", "Sections", "Paragraphs")
        table.add_column("Path", overflow="fold")  # a path is copied: never cut it short
        for article in report.articles:
            table.add_row(
                Text(article.display_title),
                Text(article.author or ""),
                Text(article.source or ""),
                Text(article.published or ""),
                str(len(article.sections)),
                str(len(article.paragraphs)),
                Text(display_path(article.path)),
            )
        table_console().print(table)
    return 0
