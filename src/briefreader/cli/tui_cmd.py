"""`briefreader [PATH ...]`: open the reader."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from briefreader.cli.common import add_paths_argument, load_settings, open_library
from briefreader.config import Settings
from briefreader.ui.app import BriefReaderApp


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefreader", add_help=False)
    add_paths_argument(parser)
    return parser


def make_app(paths: Sequence[Path] = (), settings: Settings | None = None) -> BriefReaderApp:
    """The app on these paths (else the configured library, else the bundled articles)."""
    settings = settings if settings is not None else load_settings(quiet=True)
    library = open_library(list(paths), settings)
    return BriefReaderApp(library=library, settings=settings)


def run_from_argv(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    settings = load_settings()  # each problem in the config file is printed before the app starts
    make_app(args.paths, settings).run()
    return 0
