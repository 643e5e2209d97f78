"""The `briefreader` command: the reader by default, subcommands for scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefreader import __version__
from briefreader.cli import (
    articles_cmd,
    bookmarks_cmd,
    index_cmd,
    quotes_cmd,
    search_cmd,
    topics_cmd,
    tui_cmd,
)
from briefreader.cli.common import UserError
from briefreader.cli.print_config import PrintConfigAction

# Each module adds one subcommand with `register(subparsers)`; its `run(args)` returns an exit code.
SUBCOMMANDS = (articles_cmd, topics_cmd, bookmarks_cmd, quotes_cmd, index_cmd, search_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefreader",
        description="Read, search and annotate a folder of news articles in the terminal.",
        epilog="Run 'briefreader COMMAND --help' for a command's options. "
        "With no command, opens the reader on PATHs (or the configured library, or the bundled articles).",
    )
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    parser.add_argument("--print-config", action=PrintConfigAction)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    first = next((a for a in args_list if not a.startswith("-")), None)
    wants_help = (
        any(a in ("-h", "--help", "--version", "--print-config") for a in args_list) and first not in commands
    )
    try:
        if first in commands or wants_help:
            args = parser.parse_args(args_list)
            return int(args.run(args))
        return tui_cmd.run_from_argv(args_list)
    except UserError as error:
        print(f"briefreader: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
