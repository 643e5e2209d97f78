"""`briefreader articles`: the parsed articles, as a table or as JSON."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from briefreader.cli.common import (
    UserError,
    add_paths_argument,
    display_path,
    load_settings,
    open_library,
    print_json,
    print_skips,
)
from briefreader.core.models import Article


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "articles", help="list the parsed articles (title, byline, sections)"
    )
    add_paths_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


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
    settings = load_settings()
    library = open_library(args.paths, settings)
    report = library.read_all()
    print_skips(report.skipped)
    if args.json:
        print_json([article_json(a) for a in library.analysed_articles()])
    else:
        table = Table("Title", "Author", "Source", "Date", "Sections", "Paragraphs", "Path")
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
        Console().print(table)
    if not report.articles:
        raise UserError("no article could be read (see the reasons above)")
    return 0
