"""The index's own posting writer writes exactly the files Whoosh's writer would, and the
segments a big refresh is split into hold every article."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import index
from whoosh.writing import SegmentWriter

from briefreader.core import indexing
from briefreader.core.index import writing
from briefreader.core.index.schema import INDEX_NAME, build_schema
from briefreader.core.indexing import ArticleRecord
from briefreader.core.library import Library

WORDS = ("drone strike Kherson oil price cap sanctions tanker grid shelling ceasefire minister "
         "refinery barrels embargo convoy artillery frontline port grain corridor").split()  # fmt: skip


def records(count: int) -> list[ArticleRecord]:
    """Articles sharing common words (posting lists longer than a block) and rare ones."""
    chance = random.Random(7)
    made = []
    for n in range(count):
        paragraphs = tuple(
            (i, " ".join(chance.choice(WORDS) for _ in range(30)) + f" rareword{n}x{i}")
            for i in range(3)
        )
        made.append(ArticleRecord(
            article_id=f"{n:016x}", path=f"/library/{n}.txt", size=100, mtime_ns=n,
            title=f"Report {n} on {chance.choice(WORDS)}", author="Jane Doe", source="Wire",
            published="2024-03-0" + str(1 + n % 9), topics=("drones",) if n % 3 else (),
            speakers=("John Kirby",) if n % 5 == 0 else (), paragraphs=paragraphs,
        ))  # fmt: skip
    return made


def segment_files(folder: Path, writer_class: type) -> dict[str, bytes]:
    ix = index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)
    writer = writer_class(ix, compound=False, codec=writing._codec())
    batch = writing.IndexBatch(writer)
    for record in records(300):
        batch.add_article(record)
    batch.add_vocabulary()
    writer.commit()
    return {p.suffix: p.read_bytes() for p in folder.iterdir() if p.suffix in (".pst", ".trm")}


def test_postings_and_term_table_are_the_bytes_whoosh_writes(tmp_path: Path) -> None:
    (tmp_path / "ours").mkdir()
    (tmp_path / "whoosh").mkdir()
    ours = segment_files(tmp_path / "ours", writing._Writer)
    theirs = segment_files(tmp_path / "whoosh", SegmentWriter)
    assert set(ours) == {".pst", ".trm"}
    assert ours == theirs


def test_a_refresh_without_workers_splits_many_files_into_segments(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    library_folder = tmp_path / "library"
    library_folder.mkdir()
    for n in range(12):
        (library_folder / f"{n:02d}.txt").write_text(
            f"Dispatch {n}\n\nA drone was seen over Kherson, report marker{n}.\n", encoding="utf-8"
        )
    monkeypatch.setattr(indexing, "workers_for", lambda files: 0)
    monkeypatch.setattr(indexing, "SEGMENT_ARTICLES", 5)
    monkeypatch.setattr(writing, "SEGMENT_ARTICLES", 5)
    library = Library([library_folder], cache_dir=tmp_path / "cache")
    report = library.refresh_index()
    assert report.added == 12
    with library.search_index.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) >= 3
    assert library.search("drone").total == 12
    assert library.search("marker7").hits[0].path.name == "07.txt"


def test_articles_are_listed_alike_from_catalogues_and_from_merged_segments(
    tmp_path: Path,
) -> None:
    library_folder = tmp_path / "library"
    library_folder.mkdir()
    library = Library([library_folder], cache_dir=tmp_path / "cache")
    for n in range(9):  # one refresh per new file: small segments, merged once they pile up
        (library_folder / f"{n}.txt").write_text(f"Note {n}\n\nKherson marker{n}.\n")
        assert library.refresh_index().added == 1
    directory = library.search_index.directory
    with library.search_index.searcher() as searcher:
        segments = [leaf.segment().segment_id() for leaf, _ in searcher.reader().leaf_readers()]
    catalogues = {p.name.split(".")[0] for p in directory.glob("*.articles.json")}
    assert len(segments) < 9  # merged
    assert set(segments) - catalogues  # a merged segment has no catalogue
    fresh = Library([library_folder], cache_dir=tmp_path / "cache")
    listed = fresh.search_index.indexed_articles()
    assert sorted(Path(item.meta["path"]).name for item in listed.values()) == [
        f"{n}.txt" for n in range(9)
    ]
    (library_folder / "4.txt").unlink()
    report = fresh.refresh_index()
    assert (report.removed, report.unchanged) == (1, 8)
    assert not fresh.search("marker4").hits


def test_phrases_match_only_words_in_order_side_by_side(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    texts = {
        "adjacent.txt": "The oil price cap holds.",
        "apart.txt": "A cap was put on the price of oil.",
        "reversed.txt": "The cap price of oil fell.",
        "split.txt": "Traders watched the price.\n\nCap talks went on.",
    }
    for name, text in texts.items():
        (folder / name).write_text(f"Title {name}\n\n{text}\n", encoding="utf-8")
    library = Library([folder], cache_dir=tmp_path / "cache")
    library.refresh_index()

    def found(query: str) -> set[str]:
        return {hit.path.name for hit in library.search(query).hits}

    assert found('"price cap"') == {"adjacent.txt"}
    assert found('"oil price cap"') == {"adjacent.txt"}
    assert found('"cap price"') == {"reversed.txt"}
    assert found("price AND cap") == set(texts)
