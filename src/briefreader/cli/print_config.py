"""`briefreader --print-config`: the commented default config.toml, on stdout."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from briefreader.default_config import default_config_text
from briefreader.paths import Paths


class PrintConfigAction(argparse.Action):
    """Prints the default config and exits, like --version."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print a commented default config.toml and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(default_config_text(Paths.from_environment().config_file))
        sys.stdout.flush()
        parser.exit(0)
