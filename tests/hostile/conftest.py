"""The hostile corpus, built once per test session in a temporary folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from hostile_support import Corpus
from make_corpus import build, restore_permissions


def _build(
    factory: pytest.TempPathFactory, name: str, *, heavy: bool, categories: tuple[str, ...] = ()
) -> Iterator[Corpus]:
    folder = factory.mktemp(name) / "corpus"
    cases = build(
        folder,
        only=lambda case: (
            (heavy or not case.heavy) and (not categories or case.category in categories)
        ),
    )
    yield Corpus(folder, tuple(cases))
    restore_permissions(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """Every case, the 100 MB and 1 MB files included."""
    yield from _build(tmp_path_factory, "hostile", heavy=True)


@pytest.fixture(scope="session")
def light_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """Every case but the megabyte-sized ones (for tests that analyse or draw every article)."""
    yield from _build(tmp_path_factory, "hostile-light", heavy=False)


@pytest.fixture(scope="session")
def display_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """Only the files whose text is hostile to a screen: markup and terminal escapes."""
    yield from _build(
        tmp_path_factory, "hostile-display", heavy=False, categories=("markup", "escapes")
    )
