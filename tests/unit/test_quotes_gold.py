"""`briefreader quotes --json` scored against hand-labelled gold: the seeds and varied articles."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT / "tests" / "fixtures" / "gold" / "score_quotes.py"
OWN_SET = ROOT / "tests" / "fixtures" / "quotes"
COMMAND = f'"{sys.executable}" -m briefreader quotes --json'


def score(gold: Path) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "--cmd", COMMAND],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    last = run.stdout.strip().splitlines()[-1]
    return {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", last)}


def test_seeds_score_perfectly(tmp_path: Path) -> None:
    # The gold file expects the articles in ../seeds/ beside its own folder.
    (tmp_path / "gold").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "gold" / "seeds.json", tmp_path / "gold")
    shutil.copytree(ROOT / "articles", tmp_path / "seeds")
    result = score(tmp_path / "gold" / "seeds.json")
    assert result["F1"] == 1.0
    assert result["speaker"] == 1.0


@pytest.mark.parametrize("folder", [OWN_SET, OWN_SET.with_name("quotes-blind")])
def test_varied_articles_meet_the_targets(folder: Path) -> None:
    assert len(list(folder.glob("*.gold.json"))) >= 6
    result = score(folder)
    assert result["F1"] >= 0.97
    assert result["speaker"] >= 0.90
