"""Phrase search finds and ranks exactly the articles Whoosh's own phrase query does, across
segments and deleted articles, when only the top few are asked for and when all are; boosted
queries too."""

from __future__ import annotations

import random

import pytest
from whoosh import index

from briefreader.core.index import writing
from briefreader.core.index.phrases import with_adjacent_phrases
from briefreader.core.index.queries import _query_parser
from briefreader.core.index.schema import INDEX_NAME, build_schema
from briefreader.core.index.search_index import top_documents
from briefreader.core.indexing import ArticleRecord

# Few words, so that "price cap" is in many articles and the phrase's words are in more.
WORDS = "oil price cap tanker price cap grid minister".split()


def record(n: int, chance: random.Random) -> ArticleRecord:
    paragraphs = tuple(
        (i, " ".join(chance.choice(WORDS) for _ in range(chance.randint(5, 60)))) for i in range(3)
    )
    return ArticleRecord(
        article_id=f"{n:016x}", path=f"/library/{n}.txt", size=100, mtime_ns=n,
        title=" ".join(chance.choice(WORDS) for _ in range(4)), author="", source="Wire",
        published="2024-03-01", topics=(), speakers=(), paragraphs=paragraphs,
    )  # fmt: skip


@pytest.fixture(scope="module")
def library_index(tmp_path_factory: pytest.TempPathFactory) -> index.Index:
    """Three segments of 150 articles; every seventh article deleted afterwards."""
    folder = tmp_path_factory.mktemp("phrases")
    ix = index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)
    chance = random.Random(11)
    for segment in range(3):
        writer = writing._Writer(ix, compound=False, codec=writing._codec())
        batch = writing.IndexBatch(writer)
        for n in range(segment * 150, segment * 150 + 150):
            batch.add_article(record(n, chance))
        writer.commit(merge=False)
    writer = writing._Writer(ix, compound=False, codec=writing._codec())
    batch = writing.IndexBatch(writer)
    for n in range(0, 450, 7):
        batch.delete_article(f"{n:016x}")
    writer.commit(merge=False)
    return ix


def ranked(ix: index.Index, parsed: object, limit: int | None) -> list[tuple[int, float]]:
    with ix.searcher() as searcher:
        if limit is None:  # every match scored: nothing can be passed over
            results = searcher.search(parsed, limit=None)
        else:
            results = top_documents(searcher, parsed, limit)
        return [(hit.docnum, hit.score) for hit in results]


@pytest.mark.parametrize("text", ['"price cap"', '"oil price cap"', '"cap price"',
                                  '"price cap" grid', '"price cap"^4 OR grid', '"price cap"^3', 'price^3 grid', '("price cap" OR title:grid)^3', '"price cap" -title:tanker'])  # fmt: skip
def test_top_hits_are_the_best_of_all_matches_whoosh_scores(
    library_index: index.Index, text: str
) -> None:
    parsed = _query_parser().parse(text)
    ours = with_adjacent_phrases(parsed)
    # Whoosh's phrase, every match scored (no skipping), is the reference.
    reference = ranked(library_index, parsed, None)
    assert 20 < len(reference) < 400
    every = dict(ranked(library_index, ours, None))
    assert sorted(every) == sorted(docnum for docnum, _ in reference)
    assert [every[docnum] for docnum, _ in reference] == pytest.approx([s for _, s in reference])
    # Asking for the top 10 lets whole stretches be passed over: the same scores come out.
    top = ranked(library_index, ours, 10)
    assert [score for _, score in top] == pytest.approx([score for _, score in reference[:10]])
    assert all(every[docnum] == pytest.approx(score) for docnum, score in top)
