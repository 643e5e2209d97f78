"""Export: a Markdown brief with notes, speakers and citations; JSON that imports back once."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.config import DEFAULT_TOPICS
from briefreader.core.analysis import Analysis, analyse
from briefreader.core.bookmarks import BookmarkError, BookmarkStore
from briefreader.core.models import Article, Quote
from briefreader.core.reader import read_article
from briefreader.core.topics import TopicMatcher

MATCHER = TopicMatcher(DEFAULT_TOPICS)


def read(path: Path) -> Article:
    result = read_article(path)
    assert isinstance(result, Article)
    return result


def with_kirby_quote(article: Article) -> Analysis:
    """The analysis, plus the quotation the seed's second paragraph opens with."""
    analysis = analyse(article, MATCHER)
    if article.path.name != "fism-iran-crimea-drones.txt":
        return analysis
    text = article.paragraphs[1].text
    start, end = text.index("“") + 1, text.index(",”")
    quote = Quote(text[start:end], "John Kirby", "John Kirby", 1, start, end)
    return replace(analysis, quotes=(quote,))


@pytest.fixture
def store(tmp_path: Path) -> BookmarkStore:
    opened = BookmarkStore(
        tmp_path / "bookmarks.sqlite3", analyse=with_kirby_quote, topics=DEFAULT_TOPICS
    )
    yield opened
    opened.close()


@pytest.fixture
def articles(seeds_dir: Path) -> tuple[Article, Article]:
    fism, hill = (read(p) for p in sorted(seeds_dir.glob("*.txt")))
    return fism, hill


def test_the_brief_quotes_each_passage_with_its_note_speaker_and_citation(
    store: BookmarkStore, articles: tuple[Article, Article]
) -> None:
    fism, hill = articles
    store.add(fism, 1, note="Iran trains, **Russia** flies.", tags=["iran"])
    store.add(hill, 0, 0, 56, note="The headline claim")
    brief = store.export_markdown()
    assert brief.startswith("# Brief\n\n_2 passages from 2 articles, exported ")
    assert "## Fism iran crimea drones" in brief
    assert "## Five things to know about Putin’s increasing reliance on Iran" in brief
    assert (
        f"> {fism.paragraphs[1].text}\n>\n> — John Kirby\n\nIran trains, **Russia** flies." in brief
    )
    assert "Source: FISM News, `" in brief
    assert "fism-iran-crimea-drones.txt`, paragraph 2 · tags: iran" in brief
    assert f"> {hill.paragraphs[0].text[:56].rstrip()}\n\nThe headline claim" in brief


def test_a_brief_by_topic_puts_each_passage_under_its_topic(
    store: BookmarkStore, articles: tuple[Article, Article]
) -> None:
    fism, _ = articles
    oil = next(p.index for p in fism.paragraphs if "price cap" in p.text)
    kherson = next(p.index for p in fism.paragraphs if "Kherson" in p.text)
    store.add(fism, oil, note="cap")
    store.add(fism, kherson, note="battle")
    store.add(fism, len(fism.paragraphs) - 1, note="untagged")
    brief = store.export_markdown(by="topic")
    headings = [line for line in brief.splitlines() if line.startswith("## ")]
    assert headings == ["## Kherson", "## Oil price cap"] or headings[:2] == [
        "## Kherson",
        "## Oil price cap",
    ]
    assert brief.index("battle") < brief.index("## Oil price cap") < brief.index("cap\n")
    assert "Source: *Fism iran crimea drones*, FISM News" in brief


def test_article_text_cannot_turn_into_markdown_formatting(
    tmp_path: Path, store: BookmarkStore
) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("An odd one\n\n# not a heading *bold* [link](x) <b>tag</b> under_score.\n")
    store.add(read(path), 0)
    brief = store.export_markdown()
    assert r"> \# not a heading \*bold\* \[link\](x) \<b\>tag\</b\> under\_score." in brief


def test_an_orphan_is_still_in_the_brief_with_its_saved_text(
    store: BookmarkStore, articles: tuple[Article, Article]
) -> None:
    fism, _ = articles
    store.add(fism, 4, note="still mine")
    fism.path.unlink()
    brief = store.export_markdown()
    assert f"> {fism.paragraphs[4].text}" in brief
    assert "still mine" in brief
    assert "no longer in the article file" in brief


def test_json_carries_the_anchor_and_imports_back_without_duplicates(
    tmp_path: Path, store: BookmarkStore, articles: tuple[Article, Article]
) -> None:
    fism, hill = articles
    store.add(fism, 1, 10, 40, note="one", tags=["a", "b"])
    store.add(hill, 3, note="two")
    exported = store.export_json()
    document = json.loads(exported)
    assert document["format"] == "briefreader-bookmarks"
    first = document["bookmarks"][0]
    assert first["anchor"]["exact"] == fism.paragraphs[1].text[10:40]
    assert first["anchor"]["prefix"].endswith("\n\n" + fism.paragraphs[1].text[:10])
    assert (first["paragraph"], first["start"], first["end"], first["status"]) == (
        1,
        10,
        40,
        "anchored",
    )

    assert store.import_json(exported).unchanged == 2
    assert len(store.all()) == 2

    elsewhere = BookmarkStore(tmp_path / "other.sqlite3")
    report = elsewhere.import_json(exported)
    again = elsewhere.import_json(exported)
    imported = elsewhere.all()
    elsewhere.close()
    assert (report.added, again.added, again.unchanged) == (2, 0, 2)
    assert [b.anchor for b in imported] == [b.anchor for b in store.all()]
    assert [b.note for b in imported] == ["one", "two"]


def test_an_import_brings_a_newer_note_and_keeps_an_older_one_out(
    store: BookmarkStore, articles: tuple[Article, Article]
) -> None:
    bookmark = store.add(articles[0], 1, note="old")
    document = json.loads(store.export_json())
    document["bookmarks"][0]["note"] = "newer"
    document["bookmarks"][0]["updated"] = "2999-01-01T00:00:00+00:00"
    assert store.import_json(json.dumps(document)).updated == 1
    assert store.get(bookmark.id).note == "newer"
    document["bookmarks"][0]["note"] = "stale"
    document["bookmarks"][0]["updated"] = "2000-01-01T00:00:00+00:00"
    assert store.import_json(json.dumps(document)).unchanged == 1
    assert store.get(bookmark.id).note == "newer"


def test_a_non_utf8_path_survives_export_and_import(tmp_path: Path, seeds_dir: Path) -> None:
    odd = Path(os.fsdecode(os.fsencode(seeds_dir) + b"/r\xe9sum\xe9.txt"))
    shutil.copy(seeds_dir / "fism-iran-crimea-drones.txt", odd)
    source = BookmarkStore(tmp_path / "a.sqlite3")
    source.add(read(odd), 0)
    exported = source.export_json()
    source.close()
    target = BookmarkStore(tmp_path / "b.sqlite3")
    target.import_json(exported)
    [placed] = target.placed()
    target.close()
    assert os.fsencode(placed.bookmark.path) == os.fsencode(odd)
    assert placed.status == "anchored"


def test_bad_imports_say_what_is_wrong(store: BookmarkStore) -> None:
    with pytest.raises(BookmarkError, match="not JSON"):
        store.import_json("{nope")
    with pytest.raises(BookmarkError, match="not a briefreader bookmarks export"):
        store.import_json('{"format": "something else"}')
    good = {"path": "/x.txt", "quote": "words", "paragraph": 0, "note": "n"}
    report = store.import_json(json.dumps([good, {"path": "/y.txt"}, "junk"]))
    assert report.added == 1
    assert report.problems == (
        "bookmark 2 skipped: missing 'quote'",
        "bookmark 3 skipped: not an object",
    )
