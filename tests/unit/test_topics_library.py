"""Topics across the whole library: counts per topic and the passages naming one topic."""

from __future__ import annotations

from pathlib import Path

from briefreader.config import DEFAULT_TOPICS
from briefreader.core.library import Library
from briefreader.core.topic_passages import make_snippet


def write_library(folder: Path) -> Library:
    (folder / "kyiv.md").write_text(
        "# Night over Kyiv\n\nDrones came at night. A second drone followed.\n\n"
        "## Defences\n\nAir defence shot down the UAVs over the river.\n",
        encoding="utf-8",
    )
    (folder / "markets.md").write_text(
        "# Markets\n\nThe price cap on Russian oil holds, traders said.\n", encoding="utf-8"
    )
    return Library([folder], topics=DEFAULT_TOPICS)


def test_counts_every_topic_even_when_never_named(tmp_path: Path) -> None:
    library = write_library(tmp_path)
    assert library.topic_counts() == {"drones": 3, "kherson": 0, "oil-cap": 1}


def test_passages_list_each_paragraph_once_with_article_section_and_snippet(
    tmp_path: Path,
) -> None:
    library = write_library(tmp_path)
    passages = library.topic_passages("drones")
    assert [(p.article.title, p.section, p.paragraph, p.hits) for p in passages] == [
        ("Night over Kyiv", None, 0, 2),
        ("Night over Kyiv", "Defences", 1, 1),
    ]
    first = passages[0]
    assert first.snippet == "Drones came at night. A second drone followed."
    assert [first.snippet[a:b] for a, b in first.highlights] == ["Drones", "drone"]
    assert (first.start, first.end) == (0, 6)
    assert first.article.topics == ("drones",)
    assert library.topic_passages("kherson") == ()


def test_snippet_of_a_long_paragraph_is_cut_at_spaces_around_the_hit() -> None:
    words = [f"word{i}" for i in range(100)]
    words[60] = "drone"
    text = " ".join(words)
    start = text.index("drone")
    snippet, highlights = make_snippet(text, [(start, start + 5)], width=80)
    assert snippet.startswith("…word") and snippet.endswith("…")
    assert len(snippet) <= 82
    [(a, b)] = highlights
    assert snippet[a:b] == "drone"
    assert all(w.startswith("word") or w == "drone" for w in snippet.strip("…").split())


def test_snippet_is_one_line() -> None:
    snippet, highlights = make_snippet("price\ncap talks", [(0, 9)])
    assert snippet == "price cap talks" and highlights == ((0, 9),)
