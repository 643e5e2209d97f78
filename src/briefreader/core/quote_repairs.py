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
    said_by = _said_by(quotes)
    if not said_by:
        return quotes
    # Each paragraph's words made plain only when a quote may repeat them (the words of most
    # quotes are in no other paragraph, which their lower-cased text tells in C): see `_said`.
    lowered = {p: "\n".join([text.lower() for text in said]) for p, (_, said) in said_by.items()}
    everything = "\n".join(lowered.values())
    plain_said: dict[int, str] = {}
    repaired = []
    sources = sorted(said_by)
    for quote in quotes:
        if quote.mention is None and (len(quote.text) > 20 or _is_subheading(quote, texts)):
            plain = plain_words(quote.text)
            wanted = f" {plain} "
            reach = (quote.paragraph - PULL_QUOTE_REACH, quote.paragraph + PULL_QUOTE_REACH)
            # Only paragraphs with attributed quotes can match, except words that are empty.
            nearby = sources[bisect_left(sources, reach[0]) : bisect_left(sources, reach[1])]
            # Each of the words stands in the lower-cased text of the paragraph it repeats,
            # as plain words are pieces of it: the longest rules out the paragraphs whose text
            # lacks it; in no other paragraph's text, it rules out all of them at once (it
            # holds no line break, so it is found in the joined texts as often as in the
            # paragraphs one by one).
            longest = max(plain.split(), key=len) if plain else ""
            if plain and everything.count(longest) == lowered.get(quote.paragraph, "").count(
                longest
            ):
                nearby = []
            for paragraph in nearby if plain else range(*reach):
                if (
                    paragraph == quote.paragraph
                    or paragraph not in said_by  # (no words hold those of no quote, "  ")
                    or longest not in lowered[paragraph]
                ):
                    continue
                if paragraph not in plain_said:
                    plain_said[paragraph] = _said(said_by[paragraph][1])
                if wanted in plain_said[paragraph]:
                    quote = replace(quote, speaker=said_by[paragraph][0])
                    break
        repaired.append(quote)
    return repaired


def _said_by(quotes: list[Quote]) -> dict[int, tuple[str, list[str]]]:
    """Paragraph -> its speaker and the quotes they say there, for each paragraph where the
    text names the speaker of a quote: the words a pull quote may repeat."""
    said_by: dict[int, tuple[str, list[str]]] = {}
    attributed = {q.paragraph for q in quotes if q.speaker and q.mention is not None}
    for quote in quotes:
        if quote.speaker and quote.paragraph in attributed:
            speaker, said = said_by.setdefault(quote.paragraph, (quote.speaker, []))
            if speaker == quote.speaker:
                said.append(quote.text)
    return said_by


def _said(quotes: list[str]) -> str:
    """The quotes' plain words, each opened and the whole closed by a space: " a b c d "."""
    return "".join([f" {plain_words(text)}" for text in quotes]) + " "


def _is_subheading(quote: Quote, texts: Sequence[str]) -> bool:
    """Quoted words alone in their paragraph, with no full stop: a subheading."""
    return (
        texts[quote.paragraph].strip(MARKS + " ") == quote.text.strip(MARKS + " ")
        and quote.text.rstrip()[-1:] not in ".,"
        and len(WORD.findall(quote.text)) >= 2
    )


def plain_words(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
