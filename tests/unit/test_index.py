"""The search index: incremental refresh, skips, damaged indexes, the writer lock, two processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.config import DEFAULT_TOPICS
from briefreader.core import indexing
from briefreader.core.index import MARKER_NAME
from briefreader.core.library import Library
from briefreader.core.models import Topic


def make_library(folder: Path) -> Library:
    return Library([folder], topics=DEFAULT_TOPICS)


def index_files(library: Library) -> dict[str, tuple[int, int]]:
    """Every file of the index folder with its size and modification time."""
    folder = library.search_index.directory
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def found_paths(library: Library, query: str) -> set[str]:
    return {hit.path.name for hit in library.search(query).hits}


def test_first_refresh_indexes_every_article(seeds_dir: Path) -> None:
    library = make_library(seeds_dir)
    report = library.refresh_index()
    assert (report.added, report.updated, report.removed, report.skipped) == (2, 0, 0, ())
    titles = {s.title for s in library.summaries()}
    assert "Five things to know about Putin’s increasing reliance on Iran" in titles
    assert {s.source for s in library.summaries()} == {"FISM News", "Nexstar Media Inc."}


def test_refresh_adds_updates_and_removes_only_what_changed(seeds_dir: Path) -> None:
    library = make_library(seeds_dir)
    library.refresh_index()
    (seeds_dir / "new.txt").write_text("Zeppelins over Odesa\n\nA zeppelin was seen.\n")
    fism = seeds_dir / "fism-iran-crimea-drones.txt"
    fism.write_text(fism.read_text(encoding="utf-8") + "\n\nA paragraph about walruses.\n")
    (seeds_dir / "thehill-putin-reliance-on-iran.txt").unlink()
    report = library.refresh_index()
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 0)
    assert found_paths(library, "walruses") == {"fism-iran-crimea-drones.txt"}
    assert found_paths(library, "zeppelin") == {"new.txt"}
    assert found_paths(library, "Jean-Pierre") == set()
    assert len(library.summaries()) == 2


def test_refresh_with_no_change_reads_nothing_and_writes_nothing(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = make_library(seeds_dir)
    library.refresh_index()
    before = index_files(library)

    def must_not_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged article was read again")

    monkeypatch.setattr(indexing, "read_article", must_not_read)
    report = library.refresh_index()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 2)
    assert index_files(library) == before


def test_a_bad_file_is_a_skip_with_a_reason_and_is_not_read_again(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (seeds_dir / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    library = make_library(seeds_dir)
    report = library.refresh_index()
    assert report.added == 3
    assert [s.path.name for s in report.skipped] == ["binary.txt"]
    assert report.skipped[0].reason
    assert len(library.summaries()) == 2
    monkeypatch.setattr(indexing, "read_article", lambda *a, **k: pytest.fail("read again"))
    again = library.refresh_index()
    assert [s.path.name for s in again.skipped] == ["binary.txt"]


def test_writer_lock_is_released_after_a_failing_document(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = make_library(seeds_dir)
    real_record_for = indexing.record_for

    def poisoned(state: indexing.FileState, root: Path | None, analyse: object):  # type: ignore[no-untyped-def]
        record = real_record_for(state, root, analyse)  # type: ignore[arg-type]
        if "thehill" in state.path.name:  # a value Whoosh refuses to index
            return indexing.ArticleRecord(**_fields(record, title=object()))
        return record

    monkeypatch.setattr(indexing, "record_for", poisoned)
    report = library.refresh_index()
    assert [s.path.name for s in report.skipped] == ["thehill-putin-reliance-on-iran.txt"]
    assert "could not be indexed" in report.skipped[0].reason
    assert found_paths(library, "Kherson") == {"fism-iran-crimea-drones.txt"}
    assert library.index_status().busy is False
    monkeypatch.setattr(indexing, "record_for", real_record_for)
    assert library.refresh_index().added == 1  # a new writer gets the lock


def _fields(record: indexing.ArticleRecord, **changes: object) -> dict[str, object]:
    values = {name: getattr(record, name) for name in record.__slots__}  # type: ignore[attr-defined]
    return {**values, **changes}


def _corrupt(folder: Path, how: str) -> None:
    segments = [p for p in folder.iterdir() if p.name.startswith("MAIN_") and "LOCK" not in p.name]
    assert segments, sorted(p.name for p in folder.iterdir())
    if how == "truncate":
        for segment in segments:
            segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 3])
    elif how == "randomize":
        for segment in segments:
            data = bytearray(segment.read_bytes())
            for position in range(0, len(data), 7):
                data[position] = (data[position] * 31 + 17) % 256
            segment.write_bytes(bytes(data))
    else:
        for toc in folder.glob("_MAIN_*.toc"):
            toc.unlink()


@pytest.mark.parametrize("how", ["truncate", "randomize", "delete-toc"])
def test_a_damaged_index_is_moved_aside_and_rebuilt(seeds_dir: Path, how: str) -> None:
    library = make_library(seeds_dir)
    library.refresh_index()
    folder = library.search_index.directory
    _corrupt(folder, how)
    fresh = make_library(seeds_dir)  # as a new briefreader would open it
    report = fresh.refresh_index()
    assert report.message and "rebuilt" in report.message
    assert report.added == 2
    assert found_paths(fresh, "Kherson") == {"fism-iran-crimea-drones.txt"}
    assert folder.with_name(folder.name + ".damaged").is_dir()


def test_search_on_a_damaged_index_rebuilds_it_and_answers(seeds_dir: Path) -> None:
    library = make_library(seeds_dir)
    library.refresh_index()
    _corrupt(library.search_index.directory, "randomize")
    assert found_paths(make_library(seeds_dir), "Kherson") == {"fism-iran-crimea-drones.txt"}


@pytest.mark.parametrize(
    "marker",
    [
        None,  # a folder briefreader did not make
        {"format": "briefreader search index", "schema": 0, "complete": True},
        {"format": "briefreader search index", "schema": 1, "complete": False},
    ],
)
def test_foreign_old_or_unfinished_index_is_never_opened(
    seeds_dir: Path, marker: dict | None
) -> None:  # type: ignore[type-arg]
    library = make_library(seeds_dir)
    library.refresh_index()
    folder = library.search_index.directory
    if marker is None:
        (folder / MARKER_NAME).unlink()
    else:
        stored = json.loads((folder / MARKER_NAME).read_text())
        (folder / MARKER_NAME).write_text(json.dumps({**stored, **marker}))
    fresh = make_library(seeds_dir)
    assert fresh.index_status().problem
    report = fresh.refresh_index()
    assert report.added == 2 and report.message
    assert fresh.index_status().problem is None


def test_rebuild_starts_from_scratch(seeds_dir: Path) -> None:
    library = make_library(seeds_dir)
    library.refresh_index()
    report = library.refresh_index(rebuild=True)
    assert (report.added, report.unchanged) == (2, 0)


def test_open_article_reuses_the_stored_analysis_while_the_file_is_unchanged(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = make_library(seeds_dir)
    library.refresh_index()
    fism = next(s for s in library.summaries() if s.source == "FISM News")
    fresh_analysis = library.analyse(library.articles()[0])
    monkeypatch.setattr(library, "analyse", lambda a: pytest.fail("analysed again"))
    opened = library.open_article(fism.id)
    assert opened is not None
    assert opened.hits == fresh_analysis.hits
    assert opened.article.sections == fresh_analysis.article.sections
    assert library.open_article("no-such-id") is None


HOLD_THE_LOCK = """
import sys
from pathlib import Path
from briefreader.core.index import SearchIndex
index = SearchIndex(Path(sys.argv[1]))
writer = index.open().writer()
print("locked", flush=True)
sys.stdin.readline()
writer.cancel()
print("released", flush=True)
"""


def test_a_second_process_searches_while_one_writes(seeds_dir: Path) -> None:
    library = make_library(seeds_dir)
    library.refresh_index()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(library.search_index.directory)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ.copy(),
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        (seeds_dir / "new.txt").write_text("Zeppelins\n\nA zeppelin over the port.\n")
        other = make_library(seeds_dir)
        report = other.refresh_index()
        assert report.busy and report.message
        assert other.refresh_index(rebuild=True).busy  # never pulled from under the writer
        assert (library.search_index.directory / MARKER_NAME).exists()
        result = other.search("Kherson")
        assert result.indexing
        assert {h.path.name for h in result.hits} == {"fism-iran-crimea-drones.txt"}
        assert other.index_status().busy
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
    finally:
        holder.wait(timeout=30)
    report = other.refresh_index()
    assert report.added == 1 and not report.busy
    assert found_paths(other, "zeppelin") == {"new.txt"}


def test_indexing_in_worker_processes_finds_the_same_as_one_process(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefreader.core import parallel_indexing

    (seeds_dir / "binary.txt").write_bytes(b"\x00" * 64)
    for number in range(4):
        (seeds_dir / f"extra-{number}.md").write_text(
            f"# Walrus report {number}\n\nWalruses {number}.\n"
        )
    monkeypatch.setattr(parallel_indexing, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel_indexing, "BATCH", 2)  # each worker's share in several batches
    monkeypatch.setattr(parallel_indexing.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(
        parallel_indexing.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False
    )
    progress: list[tuple[int, int]] = []
    library = make_library(seeds_dir)
    report = library.refresh_index(lambda done, total: progress.append((done, total)))
    assert report.added == 7 and [s.path.name for s in report.skipped] == ["binary.txt"]
    assert progress[-1] == (7, 7)
    assert found_paths(library, "Kherson") == {"fism-iran-crimea-drones.txt"}
    assert len(library.search("walrus").hits) == 4
    assert found_paths(library, "title:Putin") == {"thehill-putin-reliance-on-iran.txt"}
    assert library.refresh_index().unchanged == 7


def test_changed_topic_definitions_re_index_and_the_new_hits_are_searched(
    seeds_dir: Path,
) -> None:
    make_library(seeds_dir).refresh_index()
    assert found_paths(make_library(seeds_dir), "topic:kherson") == {"fism-iran-crimea-drones.txt"}

    badre = Topic("badre", "Badre", "red", terms=("iran",))
    changed = [t for t in DEFAULT_TOPICS if t.name != "kherson"] + [badre]
    library = Library([seeds_dir], topics=changed)
    report = library.refresh_index()
    assert report.message == "topics changed: re-indexing"
    iran_articles = {"fism-iran-crimea-drones.txt", "thehill-putin-reliance-on-iran.txt"}
    assert found_paths(library, "topic:badre") == iran_articles
    assert found_paths(library, "topic:kherson") == set()
    assert all("badre" in s.topics and "kherson" not in s.topics for s in library.summaries())
    opened = library.open_article(library.summaries()[0].id)
    assert opened is not None and {h.topic for h in opened.hits} >= {"badre"}
    assert "kherson" not in {h.topic for h in opened.hits}

    # A new label or colour shows the same hits: nothing is read again.
    relabelled = [replace(t, label="Iran (Badr)", color="blue") if t is badre else t
                  for t in changed]  # fmt: skip
    again = Library([seeds_dir], topics=relabelled).refresh_index()
    assert again.message is None and (again.added, again.unchanged) == (0, 2)
