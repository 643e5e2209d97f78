"""`briefreader [PATH ...]`: open the reader."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from briefreader.cli.common import add_paths_argument, load_settings, open_library


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefreader", add_help=False)
    add_paths_argument(parser)
    return parser


def run_from_argv(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    paths: list[Path] = args.paths
    settings = load_settings()
    library = open_library(paths, settings)
    print(
        f"briefreader: the reader is not built yet; try 'briefreader articles {library.name}'",
        file=sys.stderr,
    )
    return 0
