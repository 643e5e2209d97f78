"""Snapshot tests run in colour, on copies of the bundled articles and a small library."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
from ui_library import write_small_library  # noqa: E402


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    return write_small_library(tmp_path / "library")


@pytest.fixture(autouse=True)
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots show the real colours (the suite otherwise runs with NO_COLOR)."""
    monkeypatch.delenv("NO_COLOR", raising=False)
