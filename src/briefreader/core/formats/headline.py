"""The clean headline of a web page: `Headline - Site Name` and its variants become `Headline`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Separators sites put between the headline and their name or section.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|~)\s+")
_WORDS = re.compile(r"\w+")
_BY_LINE = re.compile(r"^by\s+\S", re.I)
_GENERIC_SITES = {"medium", "substack", "blogger", "wordpress", "tumblr", "home", "news"}


def same_words(a: str | None, b: str | None) -> bool:
    """Equal once case, accents, punctuation and spacing are ignored."""
    return bool(a and b) and _key(a) == _key(b)  # type: ignore[arg-type]


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join(_WORDS.findall(text.casefold()))


def _site_like(piece: str, site: str | None) -> bool:
    key = _key(piece)
    compact = key.replace(" ", "")
    if not key:
        return True
    if key in _GENERIC_SITES or _BY_LINE.match(piece):
        return True
    if site:
        site_key = _key(site)
        site_compact = site_key.replace(" ", "")
        host = site_compact.removeprefix("www")
        if compact and (compact in site_compact or site_compact in compact or compact in host):
            return True
    # A bare domain name ("example.com") names the site too.
    return bool(re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,})+", piece.strip().lower()))


def clean_headline(
    title: str | None, *, site: str | None = None, h1: Sequence[str] = ()
) -> str | None:
    """Strip the site's name (and sections, "by Author" parts) from a page title.

    The page's own h1 wins when it is one part of the title; otherwise parts are removed
    from either end only when they name the site, so a headline with a dash in it stays
    whole.
    """
    if not title:
        return None
    title = " ".join(title.split())
    pieces = _SEPARATOR.split(title)
    if len(pieces) == 1:
        return title
    for heading in h1[:3]:
        for start in range(len(pieces)):
            for end in range(len(pieces), start, -1):
                joined = _join(title, pieces, start, end)
                if same_words(joined, heading):
                    return joined
    start, end = 0, len(pieces)
    while end - start > 1 and _site_like(pieces[end - 1], site):
        end -= 1
    while end - start > 1 and _site_like(pieces[start], site):
        start += 1
    return _join(title, pieces, start, end)


def _join(title: str, pieces: list[str], start: int, end: int) -> str:
    """The original text spanning pieces[start:end], separators included."""
    begin = title.find(pieces[start])
    last = title.find(pieces[end - 1], begin)
    if begin < 0 or last < 0:
        return " ".join(pieces[start:end])
    return title[begin : last + len(pieces[end - 1])].strip()


def site_from_title(page_title: str | None, headline: str | None) -> str | None:
    """The site name a page title adds around its headline, when there is exactly one."""
    if not page_title or not headline or headline not in page_title:
        return None
    rest = [p.strip() for p in page_title.replace(headline, "\x00").split("\x00")]
    names = [p for piece in rest for p in _SEPARATOR.split(f" {piece} ") if p.strip()]
    names = [n.strip(" |-–—:·•»~") for n in names]
    names = [n for n in names if n and not _BY_LINE.match(n) and _key(n) not in _GENERIC_SITES]
    return names[-1] if len(names) >= 1 and len(names[-1]) <= 60 else None
