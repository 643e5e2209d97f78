"""Shared fixtures: every test runs with temporary config, data and cache folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "articles"
GOLD = Path(__file__).parent / "fixtures" / "gold" / "seeds.json"


@pytest.fixture(autouse=True)
def hermetic_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point BRIEFREADER_* at fresh temporary folders so no test touches the user's."""
    home = tmp_path_factory.mktemp("briefreader-home")
    monkeypatch.setenv("BRIEFREADER_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.setenv("BRIEFREADER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("BRIEFREADER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample articles."""
    target = tmp_path / "articles"
    shutil.copytree(BUNDLED, target)
    return target


@pytest.fixture(scope="session")
def gold() -> dict:
    """Hand-made truth about the two seed articles."""
    return json.loads(GOLD.read_text(encoding="utf-8"))
