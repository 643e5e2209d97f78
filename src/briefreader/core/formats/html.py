"""Web pages saved as HTML: main-text extraction with trafilatura (the only module importing it)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

import trafilatura

from briefreader.core.cleanup import is_boilerplate
from briefreader.core.formats.headline import clean_headline, same_words, site_from_title
from briefreader.core.formats.html_page import PageFacts, read_page, text_of
from briefreader.core.formats.structure import Block, sections_from_blocks
from briefreader.core.formats.text import ParsedText, byline_author

_SPACE = re.compile(r"\s+")
# The precise extraction is preferred unless it kept much less text than the balanced one:
# precision mode sometimes drops whole articles on old table layouts.
_PRECISE_SHARE = 0.6
_DESCRIPTIONS = ("description", "og:description", "twitter:description")
_EXTRACTOR_OPTIONS = {
    "output_format": "xml",
    "include_formatting": False,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
    # Only dates the page states (meta tags, JSON-LD, a dateline): a copyright year in the
    # footer must not become a publication date.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


@dataclass(frozen=True, slots=True)
class ParsedHtml:
    parsed: ParsedText
    published: str | None
    url: str | None


def parse_html(text: str) -> ParsedHtml:
    """Extract the article body (no navigation, ads, scripts, comments) and its metadata."""
    facts = read_page(text)
    precise = _extract(text, favor_precision=True, with_metadata=True)
    balanced = _extract(text, with_metadata=False)
    doc = precise
    if precise is None or _length(precise) < _PRECISE_SHARE * _length(balanced):
        doc = balanced if balanced is not None else precise
    meta = precise if precise is not None else _extract_metadata(text)
    blocks = _doc_blocks(doc) if doc is not None else _fallback_blocks(facts)

    site = _attribute(meta, "sitename") or facts.meta.get("og:site_name")
    raw_title = _attribute(meta, "title") or text_of(facts.json_ld_value("headline"))
    title = clean_headline(raw_title or facts.title, site=site, h1=facts.h1)
    if title is None and facts.h1:
        title = facts.h1[0]
    site = site or site_from_title(facts.title, title)
    author = _author(meta, facts)
    dek = next((facts.meta[k] for k in _DESCRIPTIONS if facts.meta.get(k)), None)
    blocks = _drop_leading_furniture(blocks, title, dek)
    if author is None:
        author, blocks = _byline_from_body(blocks)
    kept = [b for b in blocks if b.heading or not is_boilerplate(b.text)]
    return ParsedHtml(
        ParsedText(title, author, site, sections_from_blocks(kept)),
        published=_attribute(meta, "date"),
        url=_attribute(meta, "url") or facts.meta.get("og:url"),
    )


def _extract(text: str, **options: bool) -> ElementTree.Element | None:
    try:
        xml = trafilatura.extract(text, **_EXTRACTOR_OPTIONS, **options)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - any failure of the extractor on hostile markup
        return None  # means "nothing found"; the visible-text reader takes over
    if not xml:
        return None
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None


def _extract_metadata(text: str) -> ElementTree.Element | None:
    """Metadata alone, as attributes of an empty document, when no body was found."""
    try:
        meta = trafilatura.extract_metadata(text, extensive=False)
    except Exception:  # noqa: BLE001 - metadata is optional; a page without it still reads
        return None
    if meta is None:
        return None
    doc = ElementTree.Element("doc")
    for key in ("title", "author", "date", "url", "sitename"):
        value = getattr(meta, key, None)
        if value:
            doc.set(key, str(value))
    return doc


def _attribute(doc: ElementTree.Element | None, key: str) -> str | None:
    if doc is None:
        return None
    value = _SPACE.sub(" ", doc.get(key) or "").strip()
    return value or None


def _length(doc: ElementTree.Element | None) -> int:
    return 0 if doc is None else sum(len(t) for t in _main(doc).itertext())


def _main(doc: ElementTree.Element) -> ElementTree.Element:
    main = doc.find("main")
    return main if main is not None else doc


def _doc_blocks(doc: ElementTree.Element) -> list[Block]:
    """Headings and paragraphs of the extractor's document, list items one per block."""
    blocks: list[Block] = []
    for element in _main(doc):
        if element.tag == "list":
            items = [e for e in element.iter("item")]
            blocks.extend(Block(_flat(item)) for item in items)
        elif element.tag == "quote" and len(element):
            blocks.extend(Block(_flat(child)) for child in element)
        else:
            blocks.append(Block(_flat(element), heading=element.tag == "head"))
    return [b for b in blocks if b.text]


def _flat(element: ElementTree.Element) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _fallback_blocks(facts: PageFacts) -> list[Block]:
    """Every visible block outside page furniture, when the extractor found nothing."""
    return [Block(text, heading=heading) for text, heading in facts.blocks]


def _author(meta: ElementTree.Element | None, facts: PageFacts) -> str | None:
    author = _attribute(meta, "author") or text_of(facts.json_ld_value("author"))
    if author is None:
        author = facts.meta.get("author") or facts.meta.get("article:author")
        if author and author.startswith(("http://", "https://")):
            author = None
    if not author:
        return None
    # trafilatura joins several authors with "; "; readers expect commas.
    return ", ".join(part.strip() for part in author.split(";") if part.strip()) or None


def _drop_leading_furniture(blocks: list[Block], title: str | None, dek: str | None) -> list[Block]:
    """The headline and the standfirst repeated as headings above the body."""
    kept = list(blocks)
    while (
        kept
        and kept[0].heading
        and (same_words(kept[0].text, title) or same_words(kept[0].text, dek))
    ):
        kept.pop(0)
    return kept


def _byline_from_body(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """A 'By Name' line among the first paragraphs: the author, removed from the body."""
    for i, block in enumerate(blocks[:3]):
        author = None if block.heading else byline_author(block.text)
        if author:
            return author, blocks[:i] + blocks[i + 1 :]
    return None, blocks
