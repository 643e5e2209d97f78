"""Read one file into an Article, or a Skip that says why not. Never raises on bad input."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import replace
from pathlib import Path

from briefreader.core.formats.detect import BinaryFile, decode
from briefreader.core.formats.text import ParsedText, parse_text
from briefreader.core.models import (
    Article,
    Flag,
    Paragraph,
    Section,
    Skip,
    article_id,
    content_fingerprint,
)
from briefreader.core.sanitize import sanitize_line, sanitize_text

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html"}  # fmt: skip
DEFAULT_MAX_BYTES = 8 * 1024 * 1024


def format_of(path: Path) -> str | None:
    """The format briefreader reads this file as, by its extension, or None."""
    return FORMATS.get(path.suffix.lower())


def relative_key(path: Path, root: Path | None) -> str:
    """The path as stored and hashed: relative to the library root when inside it."""
    if root is not None:
        text, base = str(path), str(root)
        # A string prefix test first: `relative_to` costs ten times more, once per file.
        if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:
            rest = text[len(base) + 1 :]
            return rest if os.sep == "/" else rest.replace(os.sep, "/")
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def read_article(
    path: Path, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article | Skip:
    """Read and parse one article file; every failure is a Skip with a reason."""
    fmt = format_of(path)
    if fmt is None:
        return Skip(path, f"not an article file ({path.suffix or 'no extension'})")
    try:
        data, truncated = _read_regular_file(path, max_bytes)
    except _NotReadable as problem:
        return Skip(path, str(problem))
    return parse_article_bytes(path, data, fmt, root=root, truncated=truncated, max_bytes=max_bytes)


def parse_article_bytes(
    path: Path,
    data: bytes,
    fmt: str,
    *,
    root: Path | None = None,
    truncated: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article | Skip:
    """Parse bytes already read from `path`."""
    flags: list[Flag] = []
    if truncated:
        flags.append(
            Flag("truncated", f"larger than {max_bytes // (1024 * 1024)} MiB: read up to the cap")
        )
    if not data.strip():
        return Skip(path, "empty file")
    try:
        decoded = decode(data, html=fmt == "html")
    except BinaryFile as problem:
        return Skip(path, str(problem))
    if decoded.lossy:
        flags.append(Flag("lossy", f"invalid {decoded.encoding} bytes replaced"))
    elif decoded.encoding not in {"utf-8", "utf-8-sig", "ascii"}:
        flags.append(Flag("encoding", f"decoded as {decoded.encoding}"))
    text = sanitize_text(decoded.text)
    published = url = None
    try:
        if fmt == "html":
            from briefreader.core.formats.html import parse_html

            html = parse_html(text)
            parsed, published, url = html.parsed, html.published, html.url
        elif fmt == "markdown":
            from briefreader.core.formats.markdown import parse_markdown

            parsed, meta = parse_markdown(text)
            published = meta.get("date") or meta.get("published")
            url = meta.get("url") or meta.get("link")
        else:
            parsed = parse_text(text)
    except Exception as problem:  # noqa: BLE001 - a third-party parser failing on one file
        # must never stop the rest of the library: the file is skipped with the reason.
        return Skip(path, f"could not be parsed ({type(problem).__name__}: {problem})"[:200])
    if not any(s.paragraphs for s in parsed.sections):
        return Skip(path, "no article text found")
    key = relative_key(path, root)
    return Article(
        path=path,
        id=article_id(key),
        fingerprint=content_fingerprint(data),
        format=fmt,
        title=_line(parsed.title),
        author=_line(parsed.author),
        source=_line(parsed.source),
        published=_line(published),
        url=_line(url),
        sections=_clean_sections(parsed),
        flags=tuple(flags),
    )


def _line(value: str | None) -> str | None:
    if value is None:
        return None
    return sanitize_line(value) or None


def _clean_sections(parsed: ParsedText) -> tuple[Section, ...]:
    return tuple(
        replace(
            s,
            heading=_line(s.heading),
            paragraphs=tuple(Paragraph(p.index, sanitize_text(p.text)) for p in s.paragraphs),
        )
        for s in parsed.sections
    )


class _NotReadable(Exception):
    pass


def _read_regular_file(path: Path, max_bytes: int) -> tuple[bytes, bool]:
    """Read at most max_bytes of a regular file; FIFOs, devices and sockets are never opened."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise _NotReadable("dangling symbolic link") from None
        raise _NotReadable("file vanished before it could be read") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _NotReadable("symbolic link loop") from None
        raise _NotReadable(f"cannot be read ({error.strerror or error})") from None
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "folder"
            if stat.S_ISDIR(info.st_mode)
            else "not a regular file (FIFO, device or socket)"
        )
        raise _NotReadable(kind)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise _NotReadable("file vanished before it could be read") from None
    except PermissionError:
        raise _NotReadable("permission denied") from None
    except OSError as error:
        raise _NotReadable(f"cannot be read ({error.strerror or error})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since stat()
            raise _NotReadable("not a regular file (FIFO, device or socket)")
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise _NotReadable(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    return data[:max_bytes], len(data) > max_bytes
