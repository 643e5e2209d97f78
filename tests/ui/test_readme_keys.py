"""The README's key table names every binding id the app has, and only those."""

from __future__ import annotations

import re
from pathlib import Path

from briefreader.ui.binding_ids import binding_ids

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_ids() -> set[str]:
    """The ids in the last column of the key table."""
    section = README.read_text(encoding="utf-8").split("### Keys", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {i for row in rows for i in re.findall(r"`([^`]+)`", row.rstrip(" |").rsplit("|", 1)[1])}


def test_every_binding_is_documented() -> None:
    missing = binding_ids() - readme_ids()
    assert not missing, f"binding ids missing from the README key table: {sorted(missing)}"


def test_the_readme_names_no_binding_that_does_not_exist() -> None:
    stale = readme_ids() - binding_ids()
    assert not stale, f"README names binding ids the app does not have: {sorted(stale)}"
