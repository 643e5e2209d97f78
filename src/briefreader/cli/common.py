"""What every subcommand shares: errors for users, building Settings and a Library, JSON output."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefreader.config import ConfigError, Settings
from briefreader.paths import Paths, bundled_articles_dir

if TYPE_CHECKING:
    from rich.console import Console

    from briefreader.core.library import Library
    from briefreader.core.models import ScanReport, Skip


class UserError(Exception):
    """Something the user can fix; printed as one line, exit 1."""


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (read recursively); default: the configured library, "
        "else the bundled sample articles",
    )


def add_library_arguments(
    parser: argparse.ArgumentParser,
    run: Callable[[argparse.Namespace], int],
    *,
    json_output: bool = True,
) -> None:
    """Finish a subcommand over the library: PATHs, --json, and the function that runs it.

    Called after the command's own arguments, so that they come first in its --help.
    """
    add_paths_argument(parser)
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def load_settings(*, quiet: bool = False) -> Settings:
    """Settings from the config file; each problem in it is one line on stderr."""
    try:
        settings = Settings.load(Paths.from_environment())
    except ConfigError as error:
        raise UserError(str(error)) from None
    if not quiet:
        for problem in settings.problems:
            print(f"briefreader: {problem}", file=sys.stderr)
    return settings


def library_paths(paths: list[Path], settings: Settings) -> list[Path]:
    """The paths named, else the configured library, else the bundled articles."""
    if paths:
        return paths
    if settings.library is not None:
        return [settings.library]
    return [bundled_articles_dir()]


def open_library(paths: list[Path], settings: Settings) -> Library:
    """A Library for the paths, or a UserError naming what is wrong."""
    # Imported here: the reader starts faster when nothing it does not use yet is loaded
    # (core.scan brings the file readers, needed only once the index is refreshed).
    from briefreader.core.library import Library

    chosen = library_paths(paths, settings)
    try:
        return Library(
            chosen,
            topics=settings.topics,
            cache_dir=settings.paths.cache_dir,
            data_dir=settings.paths.data_dir,
        )
    except Exception as error:
        from briefreader.core.scan import LibraryPathError

        if isinstance(error, LibraryPathError):
            raise UserError(str(error)) from None
        raise


def open_configured_library(paths: list[Path]) -> Library:
    """The library for the paths, with the settings of the config file (its problems on stderr)."""
    return open_library(paths, load_settings())


def read_articles(library: Library) -> ScanReport:
    """Every article of the library; each file that could not be read is named on stderr.

    A UserError when there is not one article, before anything is printed on stdout.
    """
    report = library.read_all()
    print_skips(report.skipped)
    require_articles(report, library.paths)
    return report


def require_articles(report: ScanReport, paths: Sequence[Path]) -> None:
    """A UserError when not one article could be read, saying why in one line."""
    if report.articles:
        return
    if report.skipped:
        raise UserError("no article could be read (see the reasons above)")
    from briefreader.core.reader import FORMATS

    where = ", ".join(display_path(p) for p in paths)
    kinds = ", ".join(FORMATS)
    raise UserError(f"no article files in {where} ({kinds})")


def table_console() -> Console:
    """The console tables are printed on: cut to the terminal, never cut when piped."""
    from rich.console import Console

    if stdout_is_terminal():
        return Console()
    # A file or a pipe has no width: keep every cell whole for grep and less -S.
    return Console(width=_PIPED_WIDTH)


def print_skips(skips: tuple[Skip, ...] | list[Skip]) -> None:
    """Each skipped file and why, on stderr."""
    for skip in skips:
        print(f"skipped {display_path(skip.path)}: {skip.reason}", file=sys.stderr)


def display_path(path: Path) -> str:
    """A path as shown to the user: relative to the current folder when inside it, sanitized."""
    from briefreader.core.sanitize import sanitize_file_name

    try:
        shown = str(path.relative_to(Path.cwd()))
    except ValueError:
        shown = str(path)
    return sanitize_file_name(shown)


_PIPED_WIDTH = 10_000
_C1_CONTROL = re.compile("[\x7f-\x9f]")


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # JSON escapes C0 controls itself; DEL and C1 (0x9B is CSI) would reach a terminal raw.
    sys.stdout.write(_C1_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
