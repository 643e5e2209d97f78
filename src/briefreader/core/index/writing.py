"""Writing the index: batches of changes, worker-built segments, merging, committing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from briefreader.core.index.catalogue import write_catalogue
from briefreader.core.index.postings import TermPool, write_postings
from briefreader.core.index.schema import _WORD, INDEX_NAME, FastText

# Whoosh's memory setting for a writer (its own pool is replaced by `TermPool`, which keeps
# every posting of a segment in memory), and how many articles go in one segment: about
# 60 MB of postings at the generated corpus's 600 terms per article. Fewer, larger
# segments make searches faster: each query opens its terms in every segment.
WRITER_MB = 110
SEGMENT_ARTICLES = 2500
TINY_SEGMENT_DOCUMENTS = 200
TINY_SEGMENTS_TO_MERGE = 6


def _codec() -> Any:
    """Whoosh's codec without zlib on posting blocks: builds take about 15% less time, for a
    larger cache on disk."""
    return W3Codec(compression=0)


class _Writer(SegmentWriter):
    """Whoosh's segment writer with its postings kept per term (`postings.TermPool`) and
    written a block at a time, and field lengths read once per field.

    Segments are written as plain files (compound=False): Whoosh copies every part of a
    compound segment it opens into memory, which made opening a 10,000-article index take
    half a second and 450 MB.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Whoosh's pool has written nothing yet; its temporary folder is the writer's too.
        self.pool = TermPool()
        # [document number, article id, metadata] of each article added, written beside the
        # segment (see `catalogue.py`) unless other segments were merged into it.
        self.catalogue: list[list[Any]] | None = []

    def add_reader(self, reader: Any) -> None:
        self.catalogue = None
        super().add_reader(reader)

    def add_document(self, **fields: Any) -> None:
        """Whoosh's `add_document` for this schema (no vectors, spelling or columns), the
        terms of each field handed to the pool in one call."""
        self._check_state()
        schema = self.schema
        names = sorted(fields)
        self._check_fields(schema, names)
        docnum = self.docnum
        perdocwriter = self.perdocwriter
        perdocwriter.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if isinstance(field, FastText):
                    positions = field.term_positions(value)
                    length = self.pool.add_positions(
                        name, docnum, positions, field.format.field_boost
                    )
                elif field.indexed:
                    length = self.pool.add_document_terms(name, docnum, field.index(value))
                    if not field.scorable:
                        length = 0
                perdocwriter.add_field(name, field, value if field.stored else None, length)
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = _LengthCache(self.per_document_reader(), self.docnum)
        write_postings(self.fieldwriter, self.schema, lengths.field, self.pool)
        self.fieldwriter.close()
        lengths.close()
        if self.catalogue is not None:
            write_catalogue(self.storage, self.newsegment, self.catalogue)


class _LengthCache:
    def __init__(self, reader: Any, documents: int) -> None:
        self._reader = reader
        self._documents = documents
        self._fields: dict[str, list[int]] = {}

    def field(self, fieldname: str) -> list[int]:
        """The length of this field in every document of the segment."""
        lengths = self._fields.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = [read(d, fieldname, 0) for d in range(self._documents)]
            self._fields[fieldname] = lengths
        return lengths

    def close(self) -> None:
        self._reader.close()


def _merge_tiny_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge the small segments that refreshes leave behind once they pile up, and never the
    big ones: Whoosh's default policy would now and then merge everything in a one-file
    refresh, costing as much as a full build."""
    tiny = [s for s in segments if s.doc_count_all() < TINY_SEGMENT_DOCUMENTS]
    if len(tiny) < TINY_SEGMENTS_TO_MERGE:
        return segments
    for segment in tiny:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in tiny]


def _commit(writer: Any, segments: list[Any], committed: Callable[[int], None]) -> None:
    """Whoosh's commit, plus segments that worker processes wrote beside the writer (as
    Whoosh's multiprocessing writer does, without pickling every document across), and a
    call once the new state is saved but before the lock is released."""
    final = writer._merge_segments(_merge_tiny_segments, None, None)
    final.extend(segments)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    committed(sum(segment.doc_count_all() for segment in final))
    writer._finish()


class SegmentBuilder:
    """Indexes a share of the articles into segments of its own, in a worker process (or in
    this one), while the refresh holds the index's write lock.

    A segment is closed every SEGMENT_ARTICLES articles, so its postings stay in memory. A
    writer is opened only for an article to add: giving up an empty one would delete the
    temporary folder that every writer of the index shares.
    """

    def __init__(self, directory: Path) -> None:
        self._index = index.open_dir(str(directory), indexname=INDEX_NAME)
        self._writer: Any = None
        self._batch: IndexBatch | None = None
        self._added = 0
        self.segments: list[Any] = []

    def add_article(self, record: Any) -> None:
        """Index one article; on failure every segment of this builder is given up."""
        if self._batch is None:
            self._writer = _Writer(
                self._index, _lk=False, limitmb=WRITER_MB, compound=False, codec=_codec()
            )
            self._batch = IndexBatch(self._writer)
        self._batch.add_article(record)
        self._added += 1
        if self._added % SEGMENT_ARTICLES == 0:
            self._close_segment()

    def _close_segment(self) -> None:
        if self._batch is not None:
            self._batch.add_vocabulary()
            self.segments.append(self._writer._finalize_segment())
        self._writer = self._batch = None

    def finish(self) -> list[Any]:
        """The finished segments, for `IndexBatch.add_segment`."""
        self._close_segment()
        return self.segments

    def cancel(self) -> None:
        if self._writer is not None:
            _cancel(self._writer)
        self._writer = self._batch = None


class IndexBatch:
    """Adds and deletes inside one writer."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer
        self._words: Counter[str] = Counter()
        self.segments: list[Any] = []
        self.changed = False

    def add_segment(self, segment: Any) -> None:
        """A segment a `SegmentBuilder` wrote, committed with this batch."""
        if segment is not None:
            self.segments.append(segment)
            self.changed = True

    def delete_article(self, article_id: str) -> None:
        self._writer.delete_by_term("article", article_id)
        self.changed = True

    def add_article(self, record: Any) -> None:
        """Index one article as one document.

        `record` is an `indexing.ArticleRecord`. A failure cancels the whole writer (a half-added
        document would corrupt the segment), releasing the lock, and raises.
        """
        writer = self._writer
        self.changed = True
        document: dict[str, Any] = {
            "kind": "a",
            "article": record.article_id,
            "meta": record.meta(),
        }
        # The text and analysis go in a second document right after this one, so that listing
        # the articles (every refresh, the article list) never loads them.
        stored_text = {"kind": "t", "article": record.article_id,
                       "paragraphs": record.paragraphs, "analysis": record.analysis_json}  # fmt: skip
        if record.paragraphs:
            document.update(
                body=tuple(text for _, text in record.paragraphs),
                title=record.title,
                source=record.source or "",
                author=record.author or "",
                speaker=" ".join(record.speakers),
                topic=" ".join(record.topics),
            )
            if record.published:
                document["date"] = record.published.lower()
        docnum = writer.docnum
        try:
            writer.add_document(**document)
            writer.add_document(**stored_text)
        except BaseException:
            _cancel(writer)
            raise
        catalogue = getattr(writer, "catalogue", None)  # only `_Writer` keeps one
        if catalogue is not None:
            catalogue.append([docnum, record.article_id, document["meta"]])
        words = set(_WORD.findall(record.title.lower()))
        for _, paragraph in record.paragraphs:
            words.update(_WORD.findall(paragraph.lower()))
        self._words.update(words)

    def add_vocabulary(self) -> None:
        """One document holding every word of this batch with the number of its articles."""
        words = {w: n for w, n in self._words.items() if len(w) > 1}
        if words:
            self._writer.add_document(kind="v", words=words)


def _cancel(writer: Any) -> None:
    """Give up a writer and release its lock; a writer already closed is fine."""
    try:
        writer.cancel()
    except Exception:
        pass
