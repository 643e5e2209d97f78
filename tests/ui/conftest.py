"""Fixtures for driving the real app with Pilot on small, known libraries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ui_library import write_small_library

from briefreader.cli.tui_cmd import make_app
from briefreader.config import Settings
from briefreader.paths import Paths
from briefreader.ui.app import BriefReaderApp


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    return write_small_library(tmp_path / "library")


@pytest.fixture
def app_factory(small_library: Path) -> Callable[..., BriefReaderApp]:
    """Build the app as the command does, on the small library unless told otherwise."""

    def build(
        *paths: Path, keys: dict[str, str] | None = None, theme: str | None = None
    ) -> BriefReaderApp:
        settings = Settings(paths=Paths.from_environment(), keys=keys or {}, theme=theme)
        return make_app(list(paths) or [small_library], settings)

    return build
