"""Turn a file's bytes into text: BOMs, UTF-16 without BOM, UTF-8, legacy Western encodings."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

SNIFF_BYTES = 8192
_WESTERN_CONFUSABLES = {
    "cp1250", "iso8859_2", "latin_1", "iso8859_1", "cp1252", "iso8859_15", "mac_roman",
    "mac_latin2", "cp850", "cp437", "iso8859_9", "cp1254", "iso8859_3", "iso8859_4",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_16", "cp1257", "cp1258", "ascii",
}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class BinaryFile(Exception):
    """The bytes are not text (NUL bytes with no UTF-16 shape)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    lossy: bool = False  # some bytes could not be decoded and were replaced


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode bytes as text, or raise BinaryFile. Never raises on bad bytes otherwise."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _decode_with(data, encoding)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise BinaryFile("binary file (NUL bytes)")
        return _decode_with(data, utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(head)
        if declared:
            return _decode_with(data, declared)
    if _has_utf8_multibyte(data):
        # Mostly UTF-8 with a few broken bytes: keep UTF-8, replace what cannot be read.
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)
    return _legacy(data)


def _decode_with(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return Decoded(data.decode(encoding, errors="replace"), encoding, lossy=True)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in one byte position of each pair, else None."""
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # As browsers do (WHATWG Encoding): pages labelled latin-1 or ASCII are windows-1252.
    return "cp1252" if name in {"iso8859-1", "latin-1", "ascii"} else name


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_multibyte(data: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(data) is not None


def _legacy(data: bytes) -> Decoded:
    """A legacy 8-bit encoding. Western text is read as cp1252, the common superset."""
    best = charset_normalizer.from_bytes(data[: 1 << 20]).best()
    guess = codecs.lookup(best.encoding).name if best and best.encoding else "cp1252"
    if guess.replace("-", "_") in _WESTERN_CONFUSABLES or guess.startswith("utf"):
        guess = "cp1252"
    decoded = _decode_with(data, guess)
    if guess == "cp1252" and decoded.lossy:
        return Decoded(data.decode("latin-1"), "latin-1")
    return decoded
