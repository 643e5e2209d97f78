"""One streaming pass over a web page: headline candidates, metadata tags, and plain blocks.

Python's `html.parser` is used because it never recurses: a page nested 50,000 levels deep
is read like any other, where tree builders give up or truncate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

# Elements whose text is never article text.
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas",
           "select", "button", "textarea", "form", "nav", "header", "footer", "aside", "menu",
           "figcaption", "label"}  # fmt: skip
_BLOCKS = {"p", "div", "section", "article", "main", "li", "td", "th", "blockquote", "pre",
           "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "ul", "ol", "dl", "dd", "dt",
           "figure", "hr", "center", "address"}  # fmt: skip
_HEADINGS = {"h2", "h3", "h4"}
_CONTAINERS = {"html", "body", "main", "article"}  # never hidden by a class name
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
_SPACE = re.compile(r"\s+")


@dataclass
class PageFacts:
    """What a page says about itself, outside the extractor's view."""

    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # lower-cased name/property -> content
    h1: list[str] = field(default_factory=list)
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    blocks: list[tuple[str, bool]] = field(default_factory=list)  # (text, is_heading)

    def json_ld_value(self, key: str) -> Any:
        """The first value of `key` in any JSON-LD object describing an article."""
        for item in self.json_ld:
            if key in item and item.get("@type") not in {"WebSite", "Organization"}:
                return item[key]
        return None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._hidden_depth = 0
        self._stack: list[tuple[str, bool]] = []  # open tags and whether each hides its text
        self._capture: str | None = None  # "title", "h1", "ld" while inside one
        self._captured: list[str] = []
        self._text: list[str] = []
        self._heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key and "content" in values:
                self.facts.meta.setdefault(key, values["content"])
            return
        if tag in _BLOCKS:
            self._flush()
        if tag in _VOID:
            return
        hides = tag in _HIDDEN or (tag not in _CONTAINERS and _looks_hidden(values))
        self._stack.append((tag, hides))
        self._hidden_depth += hides
        if tag == "title" and self.facts.title is None:
            self._start_capture("title")
        elif tag == "h1":
            self._start_capture("h1")
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._start_capture("ld")
        if tag in _HEADINGS:
            self._heading = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(open_tag == tag for open_tag, _ in self._stack[-200:]):
            return
        # Close everything opened after this tag too (browsers do the same with bad markup).
        while self._stack:
            open_tag, hides = self._stack.pop()
            self._hidden_depth -= hides
            if open_tag == tag:
                break
        if tag in {"title", "h1", "script"} and self._capture:
            self._end_capture()
        if tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self._heading = False

    def handle_data(self, data: str) -> None:
        if self._capture:
            self._captured.append(data)
        if not self._hidden_depth:
            self._text.append(data)

    def _start_capture(self, kind: str) -> None:
        self._capture, self._captured = kind, []

    def _end_capture(self) -> None:
        text = "".join(self._captured)
        if self._capture == "ld":
            self.facts.json_ld.extend(_json_ld_objects(text))
        else:
            clean = _SPACE.sub(" ", text).strip()
            if clean and self._capture == "title":
                self.facts.title = clean
            elif clean and self._capture == "h1":
                self.facts.h1.append(clean)
        self._capture, self._captured = None, []

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._text)).strip()
        self._text = []
        if text:
            self.facts.blocks.append((text, self._heading))


def _looks_hidden(attrs: dict[str, str]) -> bool:
    """Page furniture marked by its role or class (menus, banners, share bars, comments)."""
    if attrs.get("hidden") is not None and "hidden" in attrs:
        return True
    role = attrs.get("role", "").lower()
    if role in {"navigation", "banner", "contentinfo", "complementary", "dialog", "search"}:
        return True
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
    return bool(_FURNITURE.search(names))


_FURNITURE = re.compile(
    r"\b(?:nav|navbar|menu|sidebar|cookie\w*|consent|share\w*|social|comments?|related\w*|"
    r"newsletter|subscribe|promo|advert\w*|ads?|ad-\w+|breadcrumbs?|footer|header|masthead)\b"
)


def _json_ld_objects(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    found: list[dict[str, Any]] = []
    pending = [data]
    while pending and len(found) < 50:
        item = pending.pop(0)
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)
    return found


def read_page(html: str) -> PageFacts:
    """Title, meta tags, h1 headings, JSON-LD and plain text blocks of a page."""
    parser = _PageParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError, RecursionError):
        pass  # keep whatever was read before the markup went wrong
    parser._flush()
    return parser.facts


def text_of(value: Any) -> str | None:
    """A JSON-LD value (string, object with a name, or list of those) as one string."""
    if isinstance(value, str):
        return _SPACE.sub(" ", value).strip() or None
    if isinstance(value, dict):
        return text_of(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (text_of(v) for v in value[:6]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None
