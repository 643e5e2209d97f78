"""The index is a cache: killed writers, damaged files and a second instance never lose a search."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from make_corpus import make_library

from briefreader.config import Settings
from briefreader.core.library import Library
from briefreader.paths import Paths

LIBRARY_SIZE = 300
SMALL_SIZE = 60
CHILD = Path(__file__).with_name("index_child.py")


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    make_library(tmp_path / "library", LIBRARY_SIZE)
    return tmp_path / "library"


def open_library(library_dir: Path, cache_dir: Path) -> Library:
    topics = Settings.load(Paths.from_environment()).topics
    return Library([library_dir], topics=topics, cache_dir=cache_dir)


def start_indexer(library_dir: Path, cache_dir: Path, *, rebuild: bool = False) -> subprocess.Popen:
    args = [sys.executable, str(CHILD), str(library_dir), str(cache_dir)]
    return subprocess.Popen(
        args + (["rebuild"] if rebuild else []),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lines_until(child: subprocess.Popen, step: int) -> Iterator[str]:
    """The child's lines up to the one saying `step` files are done (0: it has started)."""
    assert child.stdout is not None
    for line in child.stdout:
        yield line
        if line.startswith("done") or line.startswith("start") and step == 0:
            return
        if line.startswith("progress") and int(line.split()[1]) >= step:
            return


def kill_at(child: subprocess.Popen, step: int) -> list[str]:
    seen = list(lines_until(child, step))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.stderr is not None
    child.stderr.close()
    child.stdout.close()  # type: ignore[union-attr]
    return seen


def rewrite(library_dir: Path, number: int, marker: str) -> None:
    path = library_dir / f"article-{number:04d}.txt"
    path.write_text(
        f"Article Number {number}\n\nRewritten with marker {marker}.\n", encoding="utf-8"
    )


def found_in(library: Library, word: str) -> set[str]:
    result = library.search(word)
    assert result.error is None, result.error
    return {hit.path.name for hit in result.hits}


def assert_whole_and_current(
    library: Library, markers: dict[int, str], sample: list[int], size: int = LIBRARY_SIZE
) -> None:
    assert len(library.summaries()) == size
    for number in sample:
        assert found_in(library, markers[number]) == {f"article-{number:04d}.txt"}, number


def test_sigkill_at_random_points_never_breaks_search(library_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    rng = random.Random(7)
    markers = {n: f"zq{n:04d}x" for n in range(LIBRARY_SIZE)}
    rebuilt = 0
    for trial in range(10):
        changed = rng.sample(range(LIBRARY_SIZE), 25) if trial else list(range(LIBRARY_SIZE))
        if trial:
            for number in changed:
                stale = markers[number]
                markers[number] = f"zt{trial:02d}n{number:04d}x"
                rewrite(library_dir, number, markers[number])
        step = rng.randint(0, len(changed))
        kill_at(start_indexer(library_dir, cache, rebuild=trial % 4 == 3), step)

        library = open_library(library_dir, cache)
        report = library.refresh_index()
        assert not report.busy, f"trial {trial}: a killed writer left the index locked"
        rebuilt += bool(report.message)
        sample = changed[:4] + rng.sample(range(LIBRARY_SIZE), 4)
        assert_whole_and_current(library, markers, sample)
        if trial:
            assert found_in(library, stale) == set(), f"trial {trial}: an old version is found"
        library.search_index.close()
    assert rebuilt < 10  # most kills leave a consistent index that is only brought up to date


@pytest.fixture
def small_library_dir(tmp_path: Path) -> Path:
    make_library(tmp_path / "small", SMALL_SIZE)
    return tmp_path / "small"


@pytest.fixture
def built_index(small_library_dir: Path, tmp_path: Path) -> Path:
    library = open_library(small_library_dir, tmp_path / "cache")
    library.refresh_index()
    library.search_index.close()
    return library.search_index.directory


def _largest_segment(directory: Path) -> Path:
    """The biggest file of segment data (postings, terms, stored fields: whatever the layout)."""
    data = [
        path
        for path in directory.iterdir()
        if path.suffix not in {".toc", ".json", ".tmp"} and not path.name.endswith("WRITELOCK")
    ]
    return max(data, key=lambda p: p.stat().st_size)


def truncate_segment(directory: Path) -> None:
    segment = _largest_segment(directory)
    with segment.open("r+b") as handle:
        handle.truncate(segment.stat().st_size // 2)


def randomize_segment(directory: Path) -> None:
    segment = _largest_segment(directory)
    data = bytearray(segment.read_bytes())
    noise = random.Random(3).randbytes(len(data) // 2)
    data[len(data) // 4 : len(data) // 4 + len(noise)] = noise
    segment.write_bytes(bytes(data))


def delete_toc(directory: Path) -> None:
    for toc in directory.glob("*.toc"):
        toc.unlink()


def garble_marker(directory: Path) -> None:
    (directory / "briefreader-index.json").write_bytes(b"\x00{not json")


def empty_folder(directory: Path) -> None:
    for path in directory.iterdir():
        path.unlink()


@pytest.mark.parametrize(
    "damage", [truncate_segment, randomize_segment, delete_toc, garble_marker, empty_folder]
)
@pytest.mark.parametrize("first_call", ["refresh_index", "search"])
def test_a_damaged_index_is_rebuilt_with_a_message(
    damage, first_call: str, built_index: Path, small_library_dir: Path, tmp_path: Path
) -> None:
    damage(built_index)
    library = open_library(small_library_dir, tmp_path / "cache")
    if first_call == "refresh_index":
        report = library.refresh_index()
        if damage is not randomize_segment:  # random postings pass until a search reads them
            assert report.message and "rebuilt" in report.message
    assert found_in(library, "zq0023x") == {"article-0023.txt"}
    markers = {n: f"zq{n:04d}x" for n in range(SMALL_SIZE)}
    assert_whole_and_current(library, markers, [0, 30, SMALL_SIZE - 1], SMALL_SIZE)


@pytest.mark.parametrize("when", ["early", "at the end"])
def test_a_second_instance_indexing_at_the_same_time(
    when: str, library_dir: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = start_indexer(library_dir, cache, rebuild=True)
    list(lines_until(first, 1 if when == "early" else LIBRARY_SIZE))
    second = open_library(library_dir, cache)
    report = second.refresh_index()  # must not raise, whatever the first is doing
    second.search("zq0001x")
    second.search_index.close()
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert "Traceback" not in err
    assert report.busy or report.added + report.unchanged == LIBRARY_SIZE
    library = open_library(library_dir, cache)
    library.refresh_index()
    markers = {n: f"zq{n:04d}x" for n in range(LIBRARY_SIZE)}
    assert_whole_and_current(library, markers, [1, 100, 200])


def test_sigkill_of_the_index_command_then_search_works(library_dir: Path, tmp_path: Path) -> None:
    """The real `briefreader index --rebuild`, killed after a random share of one full run."""
    rng = random.Random(11)
    command = [sys.executable, "-m", "briefreader"]
    started = time.monotonic()
    subprocess.run([*command, "index", str(library_dir)], check=True, capture_output=True)
    full_run = time.monotonic() - started
    for trial in range(3):
        child = subprocess.Popen(
            [*command, "index", "--rebuild", str(library_dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:  # the kill point: a random moment within what a full run takes
            child.wait(timeout=rng.uniform(0.2, 1.0) * full_run)
        except subprocess.TimeoutExpired:
            child.kill()
        child.wait()
        result = subprocess.run(
            [*command, "search", "--json", "zq0077x", str(library_dir)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"trial {trial}: {result.stderr}"
        assert "Traceback" not in result.stderr
        assert [Path(hit["path"]).name for hit in json.loads(result.stdout)] == ["article-0077.txt"]


def test_a_file_deleted_mid_index_is_skipped_and_the_rest_indexed(
    small_library_dir: Path, tmp_path: Path
) -> None:
    library = open_library(small_library_dir, tmp_path / "cache")
    doomed = small_library_dir / "article-0040.txt"

    def delete_ahead(done: int, total: int) -> None:
        if done == 1:
            doomed.unlink()

    report = library.refresh_index(delete_ahead)
    assert [(skip.path.name, "vanished" in skip.reason) for skip in report.skipped] == [
        ("article-0040.txt", True)
    ]
    assert found_in(library, "zq0041x") == {"article-0041.txt"}
    assert library.refresh_index().removed == 1  # the next refresh forgets it
    assert len(library.summaries()) == SMALL_SIZE - 1
