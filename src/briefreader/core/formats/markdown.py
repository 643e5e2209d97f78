"""Markdown articles: front matter, `#` headings, inline syntax reduced to plain text."""

from __future__ import annotations

import re

from briefreader.core.cleanup import copyright_holder, is_boilerplate
from briefreader.core.formats.structure import Block, sections_from_blocks
from briefreader.core.formats.text import BYLINE, ParsedText, byline_author

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATX_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
# Inner runs are bounded so that unclosed brackets, marks and tags in a long line cost
# linear time, not a scan to the end of the line from every opener.
_IMAGE = re.compile(r"!\[([^\]]{0,500})\]\([^)]{0,2000}\)")
_LINK = re.compile(r"\[([^\]]{1,500})\]\([^)]{0,2000}\)")
_REF_LINK = re.compile(r"\[([^\]]{1,500})\]\[[^\]]{0,500}\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.{1,300}?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]{1,2000})`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]{0,2000}>")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE_MARK = re.compile(r"^\s*>\s?")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split simple `key: value` front matter from the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# Escaped punctuation is parked in the private-use area while inline syntax is removed.
_PARK = 0xF0000


def inline_to_plain(text: str) -> str:
    """Reduce Markdown inline syntax to the words a reader sees."""
    text = _ESCAPED.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text)
    text = _HTML_TAG.sub("", text).strip()
    return re.sub("[\U000f0021-\U000f007e]", lambda m: chr(ord(m.group()) - _PARK), text)


def _blocks(body: str) -> list[tuple[str, int]]:
    """(text, heading level or 0) for each heading and paragraph."""
    blocks: list[tuple[str, int]] = []
    lines: list[str] = []
    in_fence = False

    def flush() -> None:
        if lines:
            blocks.append((" ".join(lines), 0))
            lines.clear()

    for raw in body.split("\n"):
        if raw.lstrip().startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                blocks.append((raw.rstrip(), 0))
            continue
        heading = _ATX_HEADING.match(raw)
        if heading:
            flush()
            blocks.append((heading.group("text"), len(heading.group("level"))))
        elif _SETEXT.match(raw) and len(lines) == 1:
            blocks.append((lines.pop(), 1 if raw.startswith("=") else 2))
        elif not raw.strip() or _RULE.match(raw) or _REF_DEF.match(raw):
            flush()
        elif _LIST_MARK.match(raw):
            flush()
            lines.append(_LIST_MARK.sub("", raw).strip())
        else:
            lines.append(_QUOTE_MARK.sub("", raw).strip())
    flush()
    return blocks


def _name_and_outlet(line: str) -> tuple[str, str | None] | None:
    match = BYLINE.match(line)
    return (match.group("author"), match.group("source")) if match else None


def parse_markdown(text: str) -> tuple[ParsedText, dict[str, str]]:
    """Read Markdown into title, byline and sections; also return the front matter."""
    meta, body = front_matter(text)
    blocks = [(inline_to_plain(t), level) for t, level in _blocks(body)]
    blocks = [(t, level) for t, level in blocks if t]
    title = meta.get("title") or None
    if title is None and blocks and blocks[0][1] == 1:
        title = blocks.pop(0)[0]
    elif blocks and blocks[0][1] == 1 and blocks[0][0] == title:
        blocks.pop(0)
    holders = [h for h in (copyright_holder(t) for t, level in blocks if not level) if h]
    source = (
        meta.get("source")
        or meta.get("publisher")
        or meta.get("site")
        or (holders[0] if holders else None)
    )
    author = meta.get("author") or meta.get("authors") or None
    first_body = next((i for i, (_, level) in enumerate(blocks) if not level), None)
    if first_body is not None and first_body <= 1:
        line = blocks[first_body][0]
        by = byline_author(line)
        byline = (by, None) if by else _name_and_outlet(line)
        if byline:
            author = author or byline[0]
            source = source or byline[1]
            blocks.pop(first_body)
    kept = [Block(t, heading=bool(level)) for t, level in blocks if level or not is_boilerplate(t)]
    return ParsedText(title, author, source, sections_from_blocks(kept)), meta
