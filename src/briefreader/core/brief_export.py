"""Bookmarks out and back in: a Markdown brief with citations, and JSON that keeps the anchors."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefreader.core.anchoring import Anchor
from briefreader.core.bookmark_models import Bookmark, PlacedBookmark
from briefreader.core.models import Topic
from briefreader.core.sanitize import sanitize_line, sanitize_text

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis

JSON_FORMAT = "briefreader-bookmarks"
JSON_VERSION = 1
GROUPINGS = ("article", "topic")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+\-]|\d+[.)])")


def markdown_brief(
    placed: Sequence[PlacedBookmark],
    *,
    analyse: Callable[[Any], Analysis] | None = None,
    topics: Sequence[Topic] = (),
    by: str = "article",
) -> str:
    """A brief: each passage as a block quote with its speaker, the note and a citation."""
    if by not in GROUPINGS:
        raise ValueError(f"cannot group a brief by {by!r} (use article or topic)")
    details = _Details(analyse, topics)
    articles = {_article_key(p) for p in placed}
    lines = ["# Brief", ""]
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    count = f"{len(placed)} passage{'s' if len(placed) != 1 else ''}"
    sources = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
    lines += [f"_{count} from {sources}, exported {when}._", ""]
    if not placed:
        lines += ["No bookmarks yet: press `m` on a passage in the reader to keep it.", ""]
        return "\n".join(lines)
    groups: dict[str, list[PlacedBookmark]] = {}
    for item in placed:
        heading = _escape(item.bookmark.title) if by == "article" else details.topic_label(item)
        groups.setdefault(heading, []).append(item)
    order = list(groups)
    if by == "topic":
        labels = [t.label for t in topics]
        order.sort(key=lambda h: labels.index(h) if h in labels else len(labels))
    for heading in order:
        lines += [f"## {heading}", ""]
        for item in groups[heading]:
            lines += _passage_block(item, details, with_title=by == "topic")
    return "\n".join(lines).rstrip() + "\n"


def _passage_block(item: PlacedBookmark, details: _Details, *, with_title: bool) -> list[str]:
    bookmark = item.bookmark
    lines = [f"> {_escape(item.quote)}"]
    speaker = details.speaker(item)
    if speaker:
        lines += [">", f"> — {_escape(speaker)}"]
    lines.append("")
    note = sanitize_text(bookmark.note).strip()  # the note is Markdown: kept, only made safe
    if note:
        lines += [note, ""]
    if item.status == "orphan":
        lines += [
            "_This passage is no longer in the article file; the text above is as saved._",
            "",
        ]
    lines += [_citation(item, with_title=with_title), ""]
    return lines


def _citation(item: PlacedBookmark, *, with_title: bool) -> str:
    bookmark = item.bookmark
    parts = [f"*{_escape(bookmark.title)}*"] if with_title else []
    parts += [_escape(v) for v in (bookmark.source, bookmark.published) if v]
    where = _escape(bookmark.url) if bookmark.url else f"`{readable_path(bookmark.path)}`"
    parts.append(f"{where}, paragraph {item.paragraph + 1}")
    line = "Source: " + ", ".join(parts)
    if bookmark.tags:
        line += " · tags: " + ", ".join(_escape(t) for t in bookmark.tags)
    return line


class _Details:
    """Speakers and topics of the bookmarked passages, analysing each article once."""

    def __init__(self, analyse: Callable[[Any], Analysis] | None, topics: Sequence[Topic]) -> None:
        self._analyse = analyse
        self._labels = {t.name: t.label for t in topics}
        self._order = [t.name for t in topics]
        self._cache: dict[int, Analysis | None] = {}

    def _analysis(self, item: PlacedBookmark) -> Analysis | None:
        if self._analyse is None or item.article is None or not item.placement.found:
            return None
        key = id(item.article)
        if key not in self._cache:
            self._cache[key] = self._analyse(item.article)
        return self._cache[key]

    def speaker(self, item: PlacedBookmark) -> str | None:
        """Who said the passage, when it is (part of) a quotation with a known speaker."""
        analysis = self._analysis(item)
        if analysis is None:
            return None
        place = item.placement
        start, end = place.start or 0, place.end or 0
        speakers: list[str] = []
        for quote in analysis.quotes:
            if quote.paragraph != place.paragraph or not quote.speaker:
                continue
            shared = min(end, quote.end) - max(start, quote.start)
            # The passage is the speaker's when it is mostly their words.
            if shared > 0 and shared * 2 >= end - start and quote.speaker not in speakers:
                speakers.append(quote.speaker)
        return " and ".join(speakers) or None

    def topic_label(self, item: PlacedBookmark) -> str:
        """The passage's first topic by priority; its section's topic when it has no hit itself."""
        analysis = self._analysis(item)
        if analysis is None:
            return "Other passages"
        place = item.placement
        start, end = place.start or 0, place.end or 0
        names = {
            h.topic
            for h in analysis.hits
            if h.paragraph == place.paragraph and h.start < end and start < h.end
        }
        if not names and place.paragraph is not None:
            section = analysis.article.section_of(place.paragraph)
            names = set(section.topics) if section else set()
        for name in self._order:
            if name in names:
                return _escape(self._labels[name])
        return "Other passages"


def _article_key(item: PlacedBookmark) -> bytes:
    return os.fsencode(item.bookmark.path)


def _escape(text: str) -> str:
    """Article text is not Markdown: keep its characters from being read as formatting."""
    text = sanitize_line(text)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def readable_path(path: Path) -> str:
    """A path as text; bytes that are not UTF-8 become U+FFFD (the JSON keeps the real bytes)."""
    shown = sanitize_line(os.fsencode(path).decode("utf-8", "replace")).replace("`", "'")
    try:
        return str(Path(shown).relative_to(Path.cwd()))
    except ValueError:
        return shown


def write_brief(text: str, folder: Path, *, stem: str = "brief") -> Path:
    """Save a brief in the folder under a name not yet taken (brief-2024-03-01.md, then -2...)."""
    day = datetime.now().strftime("%Y-%m-%d")
    for number in range(1, 1000):
        name = f"{stem}-{day}.md" if number == 1 else f"{stem}-{day}-{number}.md"
        target = folder / name
        try:
            # "x": never replace a file the user already has.
            with open(target, "x", encoding="utf-8") as out:
                out.write(text)
        except FileExistsError:
            continue
        except OSError:
            target.unlink(missing_ok=True)
            raise
        return target
    raise FileExistsError(f"{folder} already holds 999 briefs from today")


# -- JSON ------------------------------------------------------------------------------------


def bookmark_record(item: PlacedBookmark) -> dict[str, Any]:
    """One bookmark as JSON: what `bookmarks list --json` prints and the export holds."""
    bookmark, anchor = item.bookmark, item.bookmark.anchor
    raw = os.fsencode(bookmark.path)
    record: dict[str, Any] = {
        "id": bookmark.id,
        "uid": bookmark.uid,
        "path": raw.decode("utf-8", "replace"),
        "title": bookmark.title,
        "source": bookmark.source,
        "published": bookmark.published,
        "url": bookmark.url,
        "quote": item.quote,
        "note": bookmark.note,
        "tags": list(bookmark.tags),
        "status": item.status,
        "paragraph": item.paragraph,
        "start": item.placement.start if item.placement.found else anchor.start,
        "end": item.placement.end if item.placement.found else anchor.end,
        "created": bookmark.created,
        "updated": bookmark.updated,
        "anchor": {
            "exact": anchor.exact,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
            "paragraph": anchor.paragraph,
            "start": anchor.start,
            "end": anchor.end,
        },
    }
    if not _is_utf8(raw):
        record["path_bytes"] = base64.b64encode(raw).decode("ascii")
    return record


def json_export(placed: Sequence[PlacedBookmark]) -> str:
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "bookmarks": [bookmark_record(p) for p in placed],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def bookmarks_from_json(text: str) -> tuple[list[Bookmark], list[str]]:
    """Bookmarks from an export (or `list --json` output); problems name the records skipped."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at line {error.lineno})") from None
    if isinstance(data, dict):
        if data.get("format") != JSON_FORMAT:
            raise ValueError("not a briefreader bookmarks export")
        if not isinstance(data.get("version"), int) or data["version"] > JSON_VERSION:
            raise ValueError("written by a newer briefreader; upgrade to import it")
        records = data.get("bookmarks")
    else:
        records = data
    if not isinstance(records, list):
        raise ValueError("no list of bookmarks in it")
    if records and not any(_looks_like_bookmark(record) for record in records):
        # A list with not one bookmark in it is some other file, not an export to skip through.
        raise ValueError("not a briefreader bookmarks export")
    bookmarks: list[Bookmark] = []
    problems: list[str] = []
    for number, record in enumerate(records, 1):
        try:
            bookmarks.append(_bookmark_from_record(record))
        except (KeyError, TypeError, ValueError, binascii.Error) as error:
            problems.append(f"bookmark {number} skipped: {_problem(error)}")
    return bookmarks, problems


def _looks_like_bookmark(record: Any) -> bool:
    """An object with a passage: what an export and `bookmarks list --json` hold."""
    return isinstance(record, dict) and ("anchor" in record or "quote" in record)


def _bookmark_from_record(record: Any) -> Bookmark:
    if not isinstance(record, dict):
        raise TypeError("not an object")
    anchor_data = record.get("anchor") or {
        "exact": record["quote"], "prefix": "", "suffix": "", "paragraph": record["paragraph"],
        "start": record.get("start", 0), "end": record.get("end", len(record["quote"])),
    }  # fmt: skip
    anchor = Anchor(
        exact=_text(anchor_data["exact"]),
        prefix=_text(anchor_data.get("prefix", "")),
        suffix=_text(anchor_data.get("suffix", "")),
        paragraph=_number(anchor_data["paragraph"]),
        start=_number(anchor_data["start"]),
        end=_number(anchor_data["end"]),
    )
    if not anchor.exact:
        raise ValueError("the passage is empty")
    raw = (
        base64.b64decode(record["path_bytes"], validate=True)
        if record.get("path_bytes")
        else _text(record["path"]).encode("utf-8")
    )
    uid = (
        record.get("uid")
        or hashlib.blake2b(
            b"\0".join([raw, anchor.exact.encode(), str(anchor.paragraph).encode()]), digest_size=16
        ).hexdigest()
    )
    tags = record.get("tags") or []
    if not isinstance(tags, list):
        raise TypeError("tags must be a list")
    updated = _text(record.get("updated") or "")
    return Bookmark(
        id=0, uid=_text(uid), path=Path(os.fsdecode(raw)), title=_text(record.get("title") or ""),
        source=_optional(record.get("source")), published=_optional(record.get("published")),
        url=_optional(record.get("url")), anchor=anchor, note=_text(record.get("note") or ""),
        tags=tuple(_text(t) for t in tags), created=_text(record.get("created") or updated),
        updated=updated,
    )  # fmt: skip


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _text(value)


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"expected a position, got {value!r}")
    return value


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _problem(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing {error.args[0]!r}"
    return str(error)
