"""`briefreader search`: search the library from a script or a shell, as text or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.console import Console
from rich.text import Text

from briefreader.cli.common import (
    UserError,
    add_paths_argument,
    display_path,
    load_settings,
    open_library,
    print_json,
    stdout_is_terminal,
)
from briefreader.cli.index_cmd import refresh_with_progress
from briefreader.core.models import SearchHit


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search",
        help='search the library: words, "phrases", AND OR NOT, prefix*, fuzzy~, title: ...',
    )
    parser.add_argument("query", metavar="QUERY", help="what to search for (quote it in the shell)")
    add_paths_argument(parser)
    # argparse marks a "*" positional without a default as required, so a missing QUERY
    # would be reported as "QUERY, PATH" although PATH may be left out.
    for action in parser._actions:
        if action.dest == "paths":
            action.required = False
    parser.add_argument("--limit", type=_positive, default=20, metavar="N",
                        help="show at most N articles (default 20)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """The DESIGN §10 shape of one result."""
    return {
        "path": display_path(hit.path),
        "title": hit.title,
        "score": hit.score,
        "paragraph": hit.paragraph,
        "snippet": hit.snippet,
        "source": hit.source,
        "highlights": [list(r) for r in hit.highlights],
    }


def run(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise UserError("the search query is empty; give some words to look for")
    settings = load_settings()
    library = open_library(args.paths, settings)
    report = refresh_with_progress(library)
    if report.message:
        print(f"briefreader: {report.message}", file=sys.stderr)
    result = library.search(args.query, limit=args.limit)
    if result.error:
        raise UserError(result.error)
    if result.indexing:
        print("briefreader: indexing is under way; results may be incomplete", file=sys.stderr)
    if args.json:
        print_json([hit_json(hit) for hit in result.hits])
    else:
        console = Console(highlight=False, soft_wrap=not stdout_is_terminal())
        for hit in result.hits:
            console.print(Text(hit.title, style="bold"), Text(f"  {display_path(hit.path)}"))
            snippet = Text(hit.snippet)
            for start, end in hit.highlights:
                snippet.stylize("bold reverse", start, end)
            console.print(Text("  ") + snippet)
    if not result.hits:  # finding nothing is an answer, not an error: exit 0
        hint = f" Did you mean: {result.suggestion}?" if result.suggestion else ""
        print(f"No article matches {args.query!r}.{hint}", file=sys.stderr)
    return 0
