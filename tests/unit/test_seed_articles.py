"""`briefreader articles --json` on the bundled seeds reproduces the hand-made gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefreader.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def articles_json() -> dict[str, dict]:
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["articles", "--json", str(ROOT / "articles")]) == 0
    return {Path(a["path"]).name: a for a in json.loads(out.getvalue())}


def test_every_seed_is_read(articles_json: dict, gold: dict) -> None:
    assert sorted(articles_json) == sorted(gold)


def test_metadata_matches_gold(articles_json: dict, gold: dict) -> None:
    for name, truth in gold.items():
        article = articles_json[name]
        for key, value in truth["metadata"].items():
            assert article[key] == value, (name, key)


def test_section_headings_in_order(articles_json: dict, gold: dict) -> None:
    for name, truth in gold.items():
        headings = [s["heading"] for s in articles_json[name]["sections"]]
        assert headings == [s["heading"] for s in truth["sections"]], name


def test_no_boilerplate_in_any_paragraph(articles_json: dict, gold: dict) -> None:
    for name, truth in gold.items():
        paragraphs = [p for s in articles_json[name]["sections"] for p in s["paragraphs"]]
        for junk in truth["boilerplate"]:
            assert not any(junk in p or p in junk for p in paragraphs), (name, junk)


def test_no_paragraph_lost_or_merged(articles_json: dict) -> None:
    """Every non-blank source line that is not byline, title, heading or boilerplate is a paragraph."""
    source = (ROOT / "articles" / "thehill-putin-reliance-on-iran.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    article = articles_json["thehill-putin-reliance-on-iran.txt"]
    paragraphs = [p for s in article["sections"] for p in s["paragraphs"]]
    headings = {s["heading"] for s in article["sections"]}
    expected = [
        line for line in lines
        if line != article["title"] and line not in headings and not line.startswith("Copyright")
    ]  # fmt: skip
    assert paragraphs == expected
    fism = articles_json["fism-iran-crimea-drones.txt"]
    assert sum(len(s["paragraphs"]) for s in fism["sections"]) == 14
