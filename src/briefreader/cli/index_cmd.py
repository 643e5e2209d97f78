"""`briefreader index`: build or refresh the search index, with a progress bar on a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from briefreader.cli.common import (
    add_paths_argument,
    load_settings,
    open_library,
    print_skips,
    stdout_is_terminal,
)
from briefreader.core.library import Library
from briefreader.core.models import IndexReport


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "index", help="build or refresh the search index (only changed files are read again)"
    )
    add_paths_argument(parser)
    parser.add_argument(
        "--rebuild", action="store_true", help="throw the index away and build it from scratch"
    )
    parser.set_defaults(run=run)


@contextmanager
def progress_reporter(show: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar fed by (done, total) calls, or None when output is not a terminal."""
    if not show:
        yield None
        return
    bar = Progress(
        TextColumn("Indexing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    )  # fmt: skip
    task = bar.add_task("index", total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)


def refresh_with_progress(library: Library, *, rebuild: bool = False) -> IndexReport:
    """Refresh the index, with a progress bar when stderr is a terminal."""
    with progress_reporter(sys.stderr.isatty() and stdout_is_terminal()) as progress:
        return library.refresh_index(progress, rebuild=rebuild)


def report_lines(report: IndexReport) -> list[str]:
    """The counts of one refresh, in words."""
    return [
        f"{report.added} added, {report.updated} updated, {report.removed} removed, "
        f"{len(report.skipped)} skipped, {report.unchanged} unchanged"
    ]


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    library = open_library(args.paths, settings)
    report = refresh_with_progress(library, rebuild=args.rebuild)
    if report.message:
        print(f"briefreader: {report.message}", file=sys.stderr)
    print_skips(report.skipped)
    if report.busy:
        return 1
    for line in report_lines(report):
        print(line)
    return 0
