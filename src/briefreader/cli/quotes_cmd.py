"""`briefreader quotes`: who said what in the articles, as a table or as JSON."""

from __future__ import annotations

import argparse
import sys
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
from briefreader.core.quote_library import speaker_matches
from briefreader.core.sanitize import sanitize_line


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("quotes", help="list the quotations and who said them")
    parser.add_argument(
        "--speaker", metavar="NAME", help="only quotes by this speaker (any part of the name)"
    )
    add_library_arguments(parser, run)


def run(args: argparse.Namespace) -> int:
    library = open_configured_library(args.paths)
    report = read_articles(library)
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
    elif rows:
        table = Table("Speaker", "Quote", "Article", "¶")
        for article, quote in rows:
            table.add_row(
                Text(quote.speaker or "(unknown)", style="bold"),
                Text(quote.text),
                Text(article.display_title),
                str(quote.paragraph + 1),  # counted from 1, as in the reader and the brief
            )
        table_console().print(table)
    if not rows:
        print(_nothing_found(args.speaker, len(report.articles)), file=sys.stderr)
    return 0


def _nothing_found(speaker: str | None, articles: int) -> str:
    """The one line that says no quote matched (finding nothing is not an error)."""
    where = f"{articles} article{'s' if articles != 1 else ''}"
    if speaker:
        return f"no quotes by '{sanitize_line(speaker)}' in {where}"
    return f"no quotes in {where}"
