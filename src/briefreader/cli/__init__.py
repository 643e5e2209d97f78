"""The `briefreader` command: the reader by default, subcommands for scripts."""

from __future__ import annotations

import argparse
import difflib
import importlib
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

from briefreader import __version__
from briefreader.cli.common import UserError

# Subcommand name -> the module that adds it with `register(subparsers)` and runs it with
# `run(args)`. Modules are imported only when their command is used (or for --help), so
# starting the reader does not pay for the HTML extractor, the index or the bookmark store.
SUBCOMMANDS = {
    "articles": "briefreader.cli.articles_cmd",
    "topics": "briefreader.cli.topics_cmd",
    "quotes": "briefreader.cli.quotes_cmd",
    "index": "briefreader.cli.index_cmd",
    "search": "briefreader.cli.search_cmd",
    "bookmarks": "briefreader.cli.bookmarks_cmd",
}
_TOP_LEVEL_FLAGS = ("-h", "--help", "--version", "--print-config")


def build_parser(commands: Sequence[str] = tuple(SUBCOMMANDS)) -> argparse.ArgumentParser:
    """The argument parser, with the named subcommands registered."""
    from briefreader.cli.print_config import PrintConfigAction

    parser = argparse.ArgumentParser(
        prog="briefreader",
        description="Read, search and annotate a folder of news articles in the terminal.",
        epilog="Run 'briefreader COMMAND --help' for a command's options. With no command, "
        "opens the reader on PATHs (or the configured library, or the bundled articles).",
    )
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("--print-config", action=PrintConfigAction)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(SUBCOMMANDS[name]).register(subparsers)
    return parser


def version_line() -> str:
    """The version, and whether quote extraction runs compiled (a wheel built where a C
    compiler was at hand) or as plain Python; found without importing extraction."""
    spec = importlib.util.find_spec("briefreader.core.quotes")
    origin = (spec.origin if spec is not None else None) or ""
    compiled = origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    how = "compiled" if compiled else "plain Python"
    return f"briefreader {__version__} (quote extraction: {how})"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args_list if not a.startswith("-")), None)
    try:
        if first in SUBCOMMANDS:
            args = build_parser([first]).parse_args(args_list)
            return int(args.run(args))
        if any(a in _TOP_LEVEL_FLAGS for a in args_list):
            build_parser().parse_args(args_list)  # prints and exits, or reports a usage error
        if first is not None and first == args_list[0]:
            mistyped = _mistyped_command(first)
            if mistyped is not None:
                hint = f"unknown command '{first}' (did you mean '{mistyped}'?)"
                print(f"briefreader: {hint}", file=sys.stderr)
                return 2
        from briefreader.cli import tui_cmd

        return tui_cmd.run_from_argv(args_list)
    except UserError as error:
        print(f"briefreader: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _mistyped_command(word: str) -> str | None:
    """The subcommand a word that names no file seems to misspell, if any."""
    # A word with a dot or a slash is meant as a file name: its error says it is missing.
    if "." in word or "/" in word or Path(word).exists() or Path(word).is_symlink():
        return None
    close = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.75)
    return close[0] if close else None
