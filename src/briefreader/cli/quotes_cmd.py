"""`briefreader quotes`: who said what in the articles, as a table or as JSON."""

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
from briefreader.core.quote_library import speaker_matches


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("quotes", help="list the quotations and who said them")
    add_paths_argument(parser)
    parser.add_argument(
        "--speaker", metavar="NAME", help="only quotes by this speaker (any part of the name)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    library = open_library(args.paths, settings)
    report = library.read_all()
    print_skips(report.skipped)
    if not report.articles:
        raise UserError("no article could be read (see the reasons above)")
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
