"""`briefreader [PATH ...]`: open the reader."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from briefreader.cli.common import add_paths_argument, load_settings, open_library
from briefreader.config import Settings
from briefreader.ui.app import BriefReaderApp
from briefreader.ui.binding_ids import binding_ids


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefreader", add_help=False)
    add_paths_argument(parser)
    return parser


def make_app(paths: Sequence[Path] = (), settings: Settings | None = None) -> BriefReaderApp:
    """The app on these paths (else the configured library, else the bundled articles)."""
    settings = settings if settings is not None else load_settings(quiet=True)
    library = open_library(list(paths), settings)
    return BriefReaderApp(library=library, settings=settings)


def unknown_binding_problems(
    keys: Mapping[str, str], config_file: Path, known: Iterable[str]
) -> list[str]:
    """One line per [keys] entry naming no binding of the app, with the closest id if any."""
    import difflib

    known = sorted(known)
    problems = []
    for binding_id in keys:
        if binding_id in known:
            continue
        close = difflib.get_close_matches(binding_id, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else " (the README lists the ids)"
        problems.append(f"{config_file}: [keys] '{binding_id}' ignored: no such binding id{hint}")
    return problems


def run_from_argv(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    settings = load_settings()  # each problem in the config file is printed before the app starts
    if settings.keys:  # collecting the ids imports every UI module: only when remapping
        for problem in unknown_binding_problems(
            settings.keys, settings.paths.config_file, binding_ids()
        ):
            print(f"briefreader: {problem}", file=sys.stderr)
    # Our own loop: asyncio.run() would wait for busy worker threads before returning.
    loop = asyncio.new_event_loop()
    make_app(args.paths, settings).run(loop=loop)
    leave_without_waiting_for_workers()
    loop.close()
    return 0


def leave_without_waiting_for_workers(exit_code: int = 0) -> None:
    """End the process now if a worker thread is still busy (say, analysing a huge file).

    The app has closed and saved the reading state; bookmarks are committed before the
    user is told they are saved, and an index write cut short is found and redone at the
    next start. Python would otherwise wait for the worker to finish before exiting.
    """
    busy = [
        thread
        for thread in threading.enumerate()
        if thread is not threading.main_thread() and not thread.daemon and thread.is_alive()
    ]
    # Not imported at start: when no refresh has used it, there is no helper process to end.
    multiprocessing = sys.modules.get("multiprocessing")
    if busy:
        for process in multiprocessing.active_children() if multiprocessing else ():
            process.terminate()  # indexing helpers of a refresh
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(exit_code)
