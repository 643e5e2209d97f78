"""Speakers set right once every quotation has one: headlines and pull quotes take the speaker
of the words they repeat, and names are listed the way the sidebar shows them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace

from briefreader.core.models import Quote
from briefreader.core.speakers import SpeakerBook

WORD = re.compile(r"\w[\w’'-]*")
MARKS = "“”„«»\"‘’‚'"
PULL_QUOTE_REACH = 30  # paragraphs either side where a pull quote's source may stand


def as_named(book: SpeakerBook, speaker: str) -> str:
    """The speaker's name as the sidebar lists it: "Marcus A. Pruitt Jr." with his suffix,
    "Institute for the Study of War" without the article, whichever way the text began it."""
    speaker = book.cast.suffixed.get(speaker, speaker)
    if speaker.startswith("the ") and speaker[4:5].isupper():
        return speaker[4:]
    return speaker


def quoted_in_story(text: str, quoted: Iterable[str]) -> bool:
    """A headline's quoted words that the story quotes someone saying: ‘tightening the screws’
    over “The G7 is tightening the screws,” Whitfield said."""
    plain = plain_words(text)
    return bool(plain) and any(f" {plain} " in f" {plain_words(words)} " for words in quoted)


def is_headline(text: str, title: str | None) -> bool:
    """The first paragraph is the headline: the title, or a short line with no full stop."""
    if title is not None:
        return text.strip() == title.strip()
    return len(text) < 160 and text.rstrip(MARKS + " ")[-1:] not in (".", "!", "?")


def headline_attributed(quotes: list[Quote], book: SpeakerBook) -> list[Quote]:
    """A headline quoting a role ("Labour MP insists ‘I have done nothing wrong’") names the
    speaker the story gives the same words to."""
    if not quotes or quotes[0].paragraph != 0:
        return quotes
    # the story's quotes, their words made plain once for every headline quote to look in
    body = [
        (f" {plain_words(q.text)} ", q.speaker) for q in quotes if q.paragraph > 0 and q.speaker
    ]
    repaired = []
    for quote in quotes:
        named = quote.paragraph > 0 or (
            quote.mention is not None and book.cast.lists(quote.speaker or "")
        )
        plain = "" if named else plain_words(quote.text)
        speaker = next((s for words, s in body if plain and f" {plain} " in words), None)
        repaired.append(replace(quote, speaker=speaker) if speaker else quote)
    return repaired


def pull_quotes_attributed(quotes: list[Quote], texts: Sequence[str]) -> list[Quote]:
    """A pull quote (a paragraph that only repeats words quoted elsewhere) takes the speaker
    of the words it repeats; magazines print them without attribution, and news sites put
    short ones in subheadings (‘They knew’)."""
    if all(q.mention is not None for q in quotes):
        return quotes  # only a quote whose speaker the text does not name can be a pull quote
    said_by: dict[int, tuple[str, str]] = {}  # paragraph -> (its quoted words, its speaker)
    attributed = {q.paragraph for q in quotes if q.speaker and q.mention is not None}
    for quote in quotes:
        if quote.speaker and quote.paragraph in attributed:
            words, speaker = said_by.get(quote.paragraph, ("", quote.speaker))
            if speaker == quote.speaker:
                said_by[quote.paragraph] = (f"{words} {plain_words(quote.text)}", speaker)
    if not said_by:
        return quotes
    # Each paragraph's words closed by a space once, not for every quote compared with them.
    # All of them joined tell at once the many quotes that repeat no other paragraph's words:
    # a match cannot run over two paragraphs (it holds no two spaces in a row, and each
    # paragraph's words open and close with one), so it is found in the joined words as often
    # as in the paragraphs one by one.
    padded = {paragraph: (f"{words} ", speaker) for paragraph, (words, speaker) in said_by.items()}
    everything = "".join(words for words, _ in padded.values())
    repaired = []
    sources = sorted(said_by)
    for quote in quotes:
        if quote.mention is None and (len(quote.text) > 20 or _is_subheading(quote, texts)):
            plain = plain_words(quote.text)
            wanted = f" {plain} "
            reach = (quote.paragraph - PULL_QUOTE_REACH, quote.paragraph + PULL_QUOTE_REACH)
            # Only paragraphs with attributed quotes can match, except words that are empty.
            nearby = sources[bisect_left(sources, reach[0]) : bisect_left(sources, reach[1])]
            own = padded[quote.paragraph][0] if quote.paragraph in padded else ""
            if plain and everything.count(wanted) == own.count(wanted):
                nearby = []  # (most quotes) no paragraph but its own has its words
            for paragraph in nearby if plain else range(*reach):
                words, speaker = padded.get(paragraph, (" ", ""))
                if paragraph != quote.paragraph and wanted in words:
                    quote = replace(quote, speaker=speaker)
                    break
        repaired.append(quote)
    return repaired


def _is_subheading(quote: Quote, texts: Sequence[str]) -> bool:
    """Quoted words alone in their paragraph, with no full stop: a subheading."""
    return (
        texts[quote.paragraph].strip(MARKS + " ") == quote.text.strip(MARKS + " ")
        and quote.text.rstrip()[-1:] not in ".,"
        and len(WORD.findall(quote.text)) >= 2
    )


def plain_words(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
