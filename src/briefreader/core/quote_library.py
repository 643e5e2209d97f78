"""Quotes across a library: each with its article, grouped by speaker, matched by name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefreader.core.models import ArticleSummary, Quote

UNKNOWN_SPEAKER = "Unattributed"
PREVIEW_CHARS = 110  # about two lines of a sidebar


@dataclass(frozen=True, slots=True)
class SourcedQuote:
    """A quote and the article it comes from."""

    article: ArticleSummary
    quote: Quote


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """Everything one speaker is quoted as saying across the library."""

    speaker: str
    quotes: tuple[SourcedQuote, ...]


def speaker_matches(speaker: str | None, wanted: str) -> bool:
    """Every word typed starts a word of the speaker's name (case and a leading "the" ignored)."""
    if not speaker:
        return False
    words = speaker.casefold().replace("’", "'").split()
    typed = [w for w in wanted.casefold().replace("’", "'").split() if w != "the"]
    return bool(typed) and all(any(w.startswith(t) for w in words) for t in typed)


def quote_matches(item: SourcedQuote, typed: str) -> bool:
    """A filter as you type: every word appears in the speaker, the quote or the article title."""
    haystack = " ".join(
        (item.quote.speaker or UNKNOWN_SPEAKER, item.quote.text, item.article.title)
    ).casefold()
    return all(word in haystack for word in typed.casefold().split())


def by_speaker(quotes: Iterable[SourcedQuote]) -> tuple[SpeakerQuotes, ...]:
    """Quotes grouped by speaker, most-quoted first (then by name); unattributed quotes last."""
    groups: dict[str, list[SourcedQuote]] = {}
    names: dict[str, str] = {}
    for item in quotes:
        speaker = item.quote.speaker or UNKNOWN_SPEAKER
        key = speaker.casefold().removeprefix("the ")
        names.setdefault(key, speaker)
        groups.setdefault(key, []).append(item)
    ordered = sorted(
        groups,
        key=lambda k: (names[k] == UNKNOWN_SPEAKER, -len(groups[k]), names[k].casefold()),
    )
    return tuple(SpeakerQuotes(names[k], tuple(groups[k])) for k in ordered)


def shorten_quote(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The text cut at a word boundary before `limit`, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"
