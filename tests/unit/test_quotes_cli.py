"""`briefreader quotes`: JSON for scripts, a table for people, a speaker filter, clear errors."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.core.library import Library
from briefreader.core.quote_library import by_speaker

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = str(ROOT / "articles")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_json_has_the_documented_shape_and_points_at_the_words() -> None:
    code, out, _ = run("quotes", "--json", ARTICLES)
    assert code == 0
    quotes = json.loads(out)
    assert len(quotes) == 23
    code, out, _ = run("articles", "--json", ARTICLES)
    paragraphs = {
        Path(a["path"]).name: [p for s in a["sections"] for p in s["paragraphs"]]
        for a in json.loads(out)
    }
    for quote in quotes:
        assert {"path", "text", "speaker", "mention", "paragraph"} <= set(quote)
        text = paragraphs[Path(quote["path"]).name][quote["paragraph"]]
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_speaker_filter_matches_part_of_the_full_name() -> None:
    code, out, _ = run("quotes", "--json", "--speaker", "kirby", ARTICLES)
    assert code == 0
    speakers = {q["speaker"] for q in json.loads(out)}
    assert speakers == {"John Kirby"}


def test_table_shows_speakers_and_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    code, out, _ = run("quotes", ARTICLES)
    assert code == 0
    assert "Becca Wasser" in out and "tip of the iceberg" in out


def test_a_speaker_nobody_quotes_says_so_in_one_line_and_exit_0() -> None:
    code, out, err = run("quotes", "--speaker", "Nobody Atall", ARTICLES)
    assert (code, out) == (0, "")
    assert err == "no quotes by 'Nobody Atall' in 2 articles\n"
    code, out, err = run("quotes", "--json", "--speaker", "Nobody Atall", ARTICLES)
    assert (code, json.loads(out)) == (0, [])
    assert err.count("\n") == 1 and "no quotes by" in err


def test_missing_path_is_one_line_and_exit_1(tmp_path: Path) -> None:
    code, out, err = run("quotes", str(tmp_path / "missing"))
    assert code == 1
    assert err.count("\n") == 1 and "no such file" in err


def test_library_quotes_grouped_by_speaker_most_quoted_first(tmp_path: Path) -> None:
    library = Library([Path(ARTICLES)], cache_dir=tmp_path / "cache", data_dir=tmp_path / "data")
    groups = by_speaker(library.all_quotes())
    assert groups[0].speaker == "John Kirby" and len(groups[0].quotes) == 6
    counts = [len(g.quotes) for g in groups]
    assert counts == sorted(counts, reverse=True)
    titles = {q.article.title for g in groups for q in g.quotes}
    assert "Five things to know about Putin’s increasing reliance on Iran" in titles
