"""A segment's postings kept per term in memory and written in blocks, in Whoosh's own format.

Whoosh's writer keeps one tuple per posting, sorts them all, then feeds them one by one
through checks and buffers to its block writer: about 10 µs of Python per posting, more than
half of a build. Kept per term, in lists, a posting costs a few appends, and each term is
written in one go; the files written are the same bytes (a test compares them).
"""

from __future__ import annotations

import operator
import zlib
from array import array
from collections.abc import Callable, Iterator
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.util.numlists import delta_encode

# A term's document numbers, weights (frequencies, for fields without a boost) and encoded
# values, in lists: a term seen once, the commonest case, costs three one-item lists.
Postings = tuple[list[int], list[float], list[bytes]]

_ONE = pack_uint(1)


class TermPool:
    """Stands in for Whoosh's posting pool inside a segment writer. Terms are kept as the
    strings the analysis made (their hashes are already computed) and encoded when written:
    UTF-8 bytes sort as their strings do."""

    def __init__(self) -> None:
        self._by_field: dict[str, dict[str, Postings]] = {}
        self.fieldnames: set[str] = set()
        self._unordered: set[tuple[str, str]] = set()

    def _terms(self, fieldname: str) -> dict[str, Postings]:
        terms = self._by_field.get(fieldname)
        if terms is None:
            terms = self._by_field[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting, as Whoosh's writer passes it: (field, term, document, weight, value)."""
        fieldname, term_bytes, docnum, weight, value = item
        term = term_bytes.decode("utf-8")
        terms = self._terms(fieldname)
        postings = terms.get(term)
        if postings is None:
            terms[term] = ([docnum], [weight], [value or b""])
            return
        if postings[0][-1] >= docnum:
            self._unordered.add((fieldname, term))
        postings[0].append(docnum)
        postings[1].append(weight)
        postings[2].append(value or b"")

    def add_document_terms(self, fieldname: str, docnum: int, items: list[Any]) -> int:
        """Whoosh's (term, frequency, weight, value) items of one field of a new document
        (numbered after every other); the field's length."""
        length = 0
        for term, frequency, weight, value in items:
            length += frequency
            self.add((fieldname, term, docnum, weight, value))
        return length

    def add_positions(
        self, fieldname: str, docnum: int, positions: dict[str, list[int]], boost: float
    ) -> int:
        """The terms of a positions field of a new document (numbered after every other), as
        `FastText.term_positions` gives them; the field's length. Encodes what Whoosh's
        `Positions.encode` does: the count, then the pickled gaps."""
        terms = self._terms(fieldname)
        length = 0
        for term, places in positions.items():
            count = len(places)
            length += count
            if count == 1:
                value = _ONE + dumps(places, 2)
            else:
                gaps = [places[0]]
                gaps.extend(map(operator.sub, places[1:], places[:-1]))
                value = pack_uint(count) + dumps(gaps, 2)
            weight = count if boost == 1.0 else count * boost
            postings = terms.get(term)
            if postings is None:
                terms[term] = ([docnum], [weight], [value])
            else:
                postings[0].append(docnum)
                postings[1].append(weight)
                postings[2].append(value)
        return length

    def ordered_terms(self) -> Iterator[tuple[str, bytes, Postings]]:
        """Each term with its postings, in field and term order, documents ascending."""
        for fieldname in sorted(self._by_field):
            terms = self._by_field[fieldname]
            for term in sorted(terms):
                postings = terms[term]
                if (fieldname, term) in self._unordered:
                    order = sorted(range(len(postings[0])), key=postings[0].__getitem__)
                    postings = tuple([column[i] for i in order] for column in postings)  # type: ignore[assignment]
                yield fieldname, term.encode("utf-8"), postings

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """Whoosh's pool interface: every posting in order."""
        for fieldname, term, (docnums, weights, values) in self.ordered_terms():
            for docnum, weight, value in zip(docnums, weights, values, strict=True):
                yield fieldname, term, docnum, float(weight), value

    def cleanup(self) -> None:
        self._by_field.clear()


def write_postings(
    fieldwriter: Any, schema: Any, field_lengths: Callable[[str], list[int]], pool: TermPool
) -> None:
    """Write the pool's postings through Whoosh's field writer, term by term."""
    current_field = None
    lengths: list[int] = []
    for fieldname, term, postings in pool.ordered_terms():
        if fieldname != current_field:
            if current_field is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            current_field = fieldname
            lengths = field_lengths(fieldname)
        _write_term(fieldwriter, term, postings, lengths)
    if current_field is not None:
        fieldwriter.finish_field()


def _write_term(fieldwriter: Any, term: bytes, postings: Postings, lengths: list[int]) -> None:
    """One term's postings and its entry in the term table, byte for byte what Whoosh's
    `W3PostingsWriter` (`start_postings`, `add_posting`, `_write_block`, `finish_postings`)
    and `W3FieldWriter.finish_term` write: blocks of at most `blocklimit` postings, a
    block's statistics counting only non-zero lengths and non-empty values."""
    docnums, weights, values = postings
    writer = fieldwriter._postwriter
    postfile = writer._postfile
    limit = writer._blocklimit
    compression = writer._compression
    fixed_size = fieldwriter._format.fixed_value_size()
    write = postfile.write
    start_offset = postfile.tell()
    write(WHOOSH3_HEADER_MAGIC)
    total_weight = 0.0
    minlength: int | None = None
    maxlength = maxweight = 0
    count = len(docnums)
    for start in range(0, count, limit):
        end = min(start + limit, count)
        ids = array("I", docnums[start:end])
        block_weights = array("f", weights[start:end])
        block_values = [v for v in values[start:end] if v]
        block_lengths = [n for n in map(lengths.__getitem__, ids) if n]
        block_min = min(block_lengths) if block_lengths else None
        block_max = max(block_lengths) if block_lengths else 0
        heaviest = max(weights[start:end])
        block_maxweight = float(heaviest) if heaviest > 0 else 0
        total_weight += sum(block_weights)
        minlength = block_min if minlength is None else min(minlength, block_min)  # type: ignore[type-var]
        maxlength = max(maxlength, block_max)
        maxweight = max(maxweight, block_maxweight)
        data = (
            tuple(delta_encode(ids)),
            _mini_weights(block_weights),
            _mini_values(block_values, fixed_size),
        )
        data_bytes = dumps(data, 2)
        if compression:
            data_bytes = zlib.compress(data_bytes, compression)
        info_bytes = dumps(
            (end - start, ids[-1], block_maxweight, compression,
             length_to_byte(block_min), length_to_byte(block_max)), 2,
        )  # fmt: skip
        block_length = len(info_bytes) + len(data_bytes)
        write(pack_int(-block_length if end == count else block_length))
        write(info_bytes)
        write(data_bytes)
    terminfo = W3TermInfo(
        weight=total_weight, df=count, minlength=minlength, maxlength=maxlength,
        maxweight=maxweight, minid=docnums[0], maxid=docnums[-1],
    )  # fmt: skip
    terminfo.set_extent(start_offset, postfile.tell() - start_offset)
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + term, terminfo.to_bytes())


def _mini_weights(weights: array) -> Any:
    if all(w == 1.0 for w in weights):
        return None
    if all(w == weights[0] for w in weights):
        return weights[0]
    return tuple(weights)


def _mini_values(values: list[bytes], fixed_size: int | None) -> Any:
    if fixed_size is None or fixed_size < 0:
        return tuple(values)
    if fixed_size == 0:
        return None
    return b"".join(values)
