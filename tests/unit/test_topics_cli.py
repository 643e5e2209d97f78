"""`briefreader topics` and the articles JSON report topics the way the seed gold says."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from briefreader.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = str(ROOT / "articles")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def topic_hits() -> list[dict]:
    code, out, _ = run("topics", "--json", ARTICLES)
    assert code == 0
    return json.loads(out)


def test_every_hit_has_the_documented_shape(topic_hits: list[dict]) -> None:
    assert topic_hits
    for hit in topic_hits:
        assert {"path", "topic", "paragraph", "section", "match"} <= set(hit)
        assert isinstance(hit["paragraph"], int)
        assert hit["topic"] in {"drones", "kherson", "oil-cap"}


def test_hits_point_at_the_words_in_the_articles_json(topic_hits: list[dict]) -> None:
    _, out, _ = run("articles", "--json", ARTICLES)
    paragraphs = {
        a["path"]: [p for s in a["sections"] for p in s["paragraphs"]] for a in json.loads(out)
    }
    headings = {a["path"]: [s["heading"] for s in a["sections"]] for a in json.loads(out)}
    for hit in topic_hits:
        if hit["in_heading"]:
            assert hit["paragraph"] == -1 and hit["section"] in headings[hit["path"]]
            text = hit["section"]
        else:
            text = paragraphs[hit["path"]][hit["paragraph"]]
        assert text[hit["start"] : hit["end"]] == hit["match"]


def test_topics_json_reproduces_every_gold_section(topic_hits: list[dict], gold: dict) -> None:
    for name, truth in gold.items():
        mine = [h for h in topic_hits if Path(h["path"]).name == name]
        for section in truth["sections"]:
            in_section = [h for h in mine if h["section"] == section["heading"]]
            if section["topics"]:
                assert in_section, (name, section["heading"])
            for hit in in_section:
                assert hit["section_topics"] == section["topics"], (name, section["heading"])


def test_articles_json_fills_section_topics_as_in_gold(gold: dict) -> None:
    _, out, _ = run("articles", "--json", ARTICLES)
    for article in json.loads(out):
        truth = gold[Path(article["path"]).name]["sections"]
        got = [(s["heading"], s["topics"]) for s in article["sections"]]
        assert got == [(s["heading"], s["topics"]) for s in truth]


def test_the_subtle_seed_sections(topic_hits: list[dict]) -> None:
    """Named in passing: hits are listed, yet the section is not tagged."""
    israel = [h for h in topic_hits if h["section"] == "Israel is watching, but not budging"]
    assert [h["match"] for h in israel] == ["Shahed", "drones"]
    assert all(h["section_topics"] == [] for h in israel)
    hill_lead = [h for h in topic_hits if "thehill" in h["path"] and h["section"] is None]
    assert [h["match"] for h in hill_lead] == ["drones"]
    assert hill_lead[0]["section_topics"] == []


def test_topic_filter_and_unknown_topic() -> None:
    code, out, _ = run("topics", "--json", "--topic", "kherson", ARTICLES)
    assert code == 0
    assert {h["topic"] for h in json.loads(out)} == {"kherson"}
    code, out, err = run("topics", "--topic", "wheat", ARTICLES)
    assert code == 1 and out == ""
    assert err.strip() == "briefreader: no topic named 'wheat' (topics: drones, kherson, oil-cap)"


def test_table_for_people_lists_articles_sections_and_counts(topic_hits: list[dict]) -> None:
    code, out, _ = run("topics", ARTICLES)
    assert code == 0
    assert "Five things to know about Putin’s increasing reliance on Iran" in out
    assert "Oil exports in possible jeopardy" in out
    counts = {
        name: sum(h["topic"] == name for h in topic_hits)
        for name in ("drones", "kherson", "oil-cap")
    }
    expected = f"Hits: Drones {counts['drones']}, Kherson {counts['kherson']}, Oil price cap {counts['oil-cap']}"
    assert expected in out.replace("\n", " ")


def test_article_text_is_not_read_as_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    (tmp_path / "a.md").write_text(
        "# [red]Night[/red] raid\n\nThe city woke.\n\n## [bold]Drone[/bold] strikes\n\n"
        "Drones hit the [link=x]port[/link].\n",
        encoding="utf-8",
    )
    code, out, _ = run("topics", str(tmp_path))
    assert code == 0
    assert "[red]Night[/red] raid" in out
    assert "[bold]Drone[/bold] strikes" in out


def test_a_phrase_broken_across_lines_in_a_file_is_found(tmp_path: Path) -> None:
    (tmp_path / "cap.txt").write_text(
        "Oil talks\n\nMinisters met on Monday. They said the price\ncap would hold, and the\n"
        "kamikaze\n   drones were discussed too.\n",
        encoding="utf-8",
    )
    code, out, _ = run("topics", "--json", str(tmp_path))
    assert code == 0
    found = {(h["topic"], " ".join(h["match"].split())) for h in json.loads(out)}
    assert found == {("oil-cap", "price cap"), ("drones", "kamikaze drones")}
