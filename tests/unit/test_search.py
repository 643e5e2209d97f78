"""Searching the seed articles: every query form, snippets, suggestions, as-you-type, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.config import DEFAULT_TOPICS
from briefreader.core.library import Library
from briefreader.core.models import SearchResult

FISM = "fism-iran-crimea-drones.txt"
HILL = "thehill-putin-reliance-on-iran.txt"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The seeds, indexed once for the whole module in a cache of its own."""
    from tests.conftest import BUNDLED

    cache = tmp_path_factory.mktemp("search-cache")
    built = Library([BUNDLED], topics=DEFAULT_TOPICS, cache_dir=cache)
    built.refresh_index()
    return built


def names(result: SearchResult) -> set[str]:
    return {hit.path.name for hit in result.hits}


def paragraph_text(library: Library, result: SearchResult, name: str) -> str:
    hit = next(h for h in result.hits if h.path.name == name)
    article = next(a for a in library.articles() if a.path.name == name)
    return article.paragraphs[hit.paragraph].text


def test_kherson_finds_the_fism_kherson_paragraph(library: Library) -> None:
    result = library.search("Kherson")
    assert names(result) == {FISM}
    assert "Kherson" in paragraph_text(library, result, FISM)
    hit = result.hits[0]
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Kherson"] * len(hit.highlights)
    assert hit.highlights


def test_prefix_finds_both_seeds_and_stemming_matches_plurals(library: Library) -> None:
    assert names(library.search("drone*")) == {FISM, HILL}
    result = library.search("drones")
    assert names(result) == {FISM, HILL}
    marked = {h.snippet[a:b].lower() for h in result.hits for a, b in h.highlights}
    assert marked <= {"drone", "drones"} and marked


def test_phrase_finds_the_oil_section(library: Library) -> None:
    result = library.search('"price cap"')
    assert FISM in names(result)
    hit = next(h for h in result.hits if h.path.name == FISM)
    article = next(a for a in library.analysed_articles() if a.path.name == FISM)
    assert "oil-cap" in article.section_of(hit.paragraph).topics  # type: ignore[union-attr]
    assert "price cap" in hit.snippet


def test_title_field_finds_the_second_seed(library: Library) -> None:
    assert names(library.search("title:Putin")) == {HILL}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kirby AND Kherson", {FISM}),
        ("Kherson OR Jean-Pierre", {FISM, HILL}),
        ("Iran NOT Kherson", {HILL}),
        ("Iran -Kherson", {HILL}),
        ("kirbi~", {FISM, HILL}),
        ("source:FISM", {FISM}),
        ("author:Lange", {FISM}),
        ("topic:kherson", {FISM}),
        ('"Karine Jean-Pierre"', {HILL}),
    ],
)
def test_query_language(library: Library, query: str, expected: set[str]) -> None:
    assert names(library.search(query)) == expected


def test_title_matches_rank_first(library: Library) -> None:
    result = library.search("Putin")
    assert result.hits[0].path.name == HILL


def test_did_you_mean_when_nothing_matches(library: Library) -> None:
    result = library.search("dronse")
    assert result.hits == ()
    # "drones" is one swap away, "drone" one deletion: either is the word meant.
    assert result.suggestion in {"drone", "drones"}
    assert library.search(result.suggestion).hits


@pytest.mark.parametrize("query", ['"unclosed', "AND", "title:", "a~", "(", "NOT", '""', "*"])
def test_malformed_queries_give_a_result_or_a_message(library: Library, query: str) -> None:
    result = library.search(query)
    assert result.hits or result.error or result.total == 0
    if result.error:
        assert result.error.endswith(".") and "\n" not in result.error


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Kher", {FISM}), ("dr", {FISM, HILL}), ("drones Kh", {FISM}), ("Putin reli", {HILL})],
)
def test_as_you_type_treats_the_last_word_as_a_prefix(
    library: Library, typed: str, expected: set[str]
) -> None:
    assert names(library.search(typed, as_you_type=True)) == expected


def test_a_prefix_whose_commonest_words_are_stop_words_finds_the_others(
    library: Library,
) -> None:
    # "the", "that" and "this" are not indexed; "their", "they", "three"... are.
    assert library.search("th", as_you_type=True).hits


def test_as_you_type_with_one_letter_waits_for_more(library: Library) -> None:
    result = library.search("K", as_you_type=True)
    assert result.hits == () and result.error is None


def test_limit_bounds_the_hits(library: Library) -> None:
    assert len(library.search("Iran", limit=1).hits) == 1


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefreader", *args], capture_output=True, text=True, timeout=120
    )


def test_search_command_prints_json_in_the_documented_shape(seeds_dir: Path) -> None:
    done = run_cli("search", '"price cap"', str(seeds_dir), "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows and {"path", "title", "score", "paragraph", "snippet"} <= set(rows[0])
    assert rows[0]["path"].endswith(FISM)


def test_index_command_prints_counts_and_skips_without_a_progress_bar_when_piped(
    seeds_dir: Path,
) -> None:
    (seeds_dir / "broken.txt").write_bytes(b"\x00" * 64)
    done = run_cli("index", str(seeds_dir))
    assert done.returncode == 0, done.stderr
    assert "3 added, 0 updated, 0 removed, 1 skipped" in done.stdout
    assert "broken.txt" in done.stderr and "\x1b[" not in done.stdout + done.stderr
    again = run_cli("index", str(seeds_dir))
    assert "0 added" in again.stdout and "3 unchanged" in again.stdout


def test_search_command_explains_a_bad_query_in_one_line(seeds_dir: Path) -> None:
    done = run_cli("search", "AND", str(seeds_dir))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_a_speaker_query_lands_on_a_quote_by_that_speaker(library: Library) -> None:
    result = library.search("speaker:Kirby")
    assert names(result) == {FISM, HILL}
    for hit in result.hits:
        article = next(a for a in library.articles() if a.path == hit.path)
        quoted = {q.paragraph for q in library.analyse(article).quotes
                  if q.speaker and "Kirby" in q.speaker}  # fmt: skip
        assert hit.paragraph in quoted, (hit.path.name, hit.paragraph, quoted)


@pytest.mark.parametrize("topic", ["kherson", "oil-cap"])
def test_a_topic_query_lands_on_a_passage_naming_that_topic(library: Library, topic: str) -> None:
    result = library.search(f"topic:{topic}")
    assert result.hits
    for hit in result.hits:
        article = next(a for a in library.articles() if a.path == hit.path)
        named = {h.paragraph for h in library.analyse(article).hits if h.topic == topic}
        assert hit.paragraph in named, (hit.path.name, hit.paragraph, named)


def test_search_without_a_query_names_only_the_query_as_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.endswith("error: the following arguments are required: QUERY\n")


def test_search_finding_nothing_says_so_on_stderr_and_succeeds(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "zqxwv", str(seeds_dir), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert err == "No article matches 'zqxwv'.\n"
    assert main(["search", "dronse", str(seeds_dir)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "No article matches 'dronse'. Did you mean: drone?\n"


def test_scores_are_whooshs_bm25f_scores(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefreader.core import index

    queries = ["Iran", '"price cap"', "drones AND Crimea", "speaker:Kirby", "oil pri"]
    ours = [library.search(q, as_you_type=q == "oil pri") for q in queries]
    monkeypatch.setattr(index._Scoring, "scorer", index.BM25F.scorer)
    library.search_index.close()
    whooshs = [library.search(q, as_you_type=q == "oil pri") for q in queries]
    for mine, reference in zip(ours, whooshs, strict=True):
        assert mine.hits
        assert [(h.path, h.score) for h in mine.hits] == [(h.path, h.score) for h in reference.hits]
