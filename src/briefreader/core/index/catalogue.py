"""The articles of a segment, in a file beside it, so a refresh can list what the index holds
without reading every article's stored fields (a third of a second at 10,000 articles).

The file is named like the segment's own files, so Whoosh deletes it with its segment. A
segment without one (written by an older version, or merged from others) is read from its
stored fields instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from briefreader.core.index.hits import stored_of_kind

CATALOGUE_EXT = ".articles.json"


def write_catalogue(storage: Any, segment: Any, rows: list[list[Any]]) -> None:
    """[document number, article id, metadata] of each article of a new segment."""
    file = segment.create_file(storage, CATALOGUE_EXT)
    try:
        # ASCII: file names may hold lone surrogates (bytes undecodable as UTF-8).
        file.write(json.dumps(rows).encode("ascii"))
    finally:
        file.close()


def segment_articles(storage: Any, leaf: Any) -> list[list[Any]]:
    """Every article document of one segment (deleted ones included), from its catalogue or,
    without one, from its stored fields."""
    segment = leaf.segment()
    try:
        file = segment.open_file(storage, CATALOGUE_EXT)
        try:
            rows = json.loads(file.read().decode("ascii"))
        finally:
            file.close()
        if _well_formed(rows, leaf.doc_count_all()):
            return rows
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    return list(_stored_articles(leaf))


def _well_formed(rows: Any, documents: int) -> bool:
    return isinstance(rows, list) and all(
        isinstance(row, list) and len(row) == 3 and isinstance(row[0], int)
        and 0 <= row[0] < documents and isinstance(row[1], str) and isinstance(row[2], dict)
        for row in rows
    )  # fmt: skip


def _stored_articles(leaf: Any) -> Iterator[list[Any]]:
    for docnum, fields in stored_of_kind(leaf, "a"):
        yield [docnum, fields["article"], fields["meta"]]
