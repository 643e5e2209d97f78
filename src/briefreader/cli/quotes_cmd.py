"""`briefreader quotes`: who said what in the articles, as a table or as JSON."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from briefreader.cli.common import (
    add_library_arguments,
    display_path,
    open_configured_library,
    print_json,
    read_articles,
    require_articles,
)
from briefreader.core.quote_library import speaker_matches


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("quotes", help="list the quotations and who said them")
    parser.add_argument(
        "--speaker", metavar="NAME", help="only quotes by this speaker (any part of the name)"
    )
    add_library_arguments(parser, run)


def run(args: argparse.Namespace) -> int:
    library = open_configured_library(args.paths)
    report = read_articles(library)
    require_articles(report)
    rows = []
    for article in report.articles:
        for quote in library.analyse(article).quotes:
            if args.speaker and not speaker_matches(quote.speaker, args.speaker):
                continue
            rows.append((article, quote))
    if args.json:
        print_json(
            [
                {
                    "path": display_path(article.path),
                    "text": quote.text,
                    "speaker": quote.speaker,
                    "mention": quote.mention,
                    "paragraph": quote.paragraph,
                    "start": quote.start,
                    "end": quote.end,
                }
                for article, quote in rows
            ]
        )
        return 0
    table = Table("Speaker", "Quote", "Article", "¶")
    for article, quote in rows:
        table.add_row(
            Text(quote.speaker or "(unknown)", style="bold"),
            Text(quote.text),
            Text(article.display_title),
            str(quote.paragraph),
        )
    console = Console()
    if rows:
        console.print(table)
    else:
        console.print(Text("No quotes found."))
    return 0
