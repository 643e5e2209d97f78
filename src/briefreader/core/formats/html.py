"""Web pages saved as HTML: main-text extraction with trafilatura (the only module importing it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from briefreader.core.formats.markdown import parse_markdown
from briefreader.core.formats.text import ParsedText

_SITE_SUFFIX = re.compile(r"\s+[|\-–—:·•]\s+[^|\-–—:·•]{2,60}$")


@dataclass(frozen=True, slots=True)
class ParsedHtml:
    parsed: ParsedText
    published: str | None
    url: str | None


def clean_headline(title: str | None, site: str | None) -> str | None:
    """'Headline - Site Name' -> 'Headline' when the tail names the site."""
    if not title:
        return None
    title = title.strip()
    match = _SITE_SUFFIX.search(title)
    if match:
        tail = match.group(0).strip(" |-–—:·•").lower()
        site_l = (site or "").lower()
        if site_l and (tail in site_l or site_l in tail) or len(tail.split()) <= 3:
            return title[: match.start()].strip()
    return title


def parse_html(text: str) -> ParsedHtml:
    """Extract the article body (no navigation, ads, scripts, comments) and its metadata."""
    body = trafilatura.extract(
        text,
        output_format="markdown",
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )
    meta = trafilatura.extract_metadata(text)
    parsed, _ = parse_markdown(body or "")
    site = meta.sitename if meta else None
    title = clean_headline((meta.title if meta else None) or parsed.title, site)
    author = (meta.author if meta else None) or parsed.author
    source = site or parsed.source
    sections = parsed.sections
    return ParsedHtml(
        ParsedText(title, author, source, sections),
        published=meta.date if meta else None,
        url=meta.url if meta else None,
    )
