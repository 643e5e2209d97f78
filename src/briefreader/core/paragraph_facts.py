"""What extraction reads of each paragraph: its quotations, the paragraph with them blanked,
its sentences, and the words and reporting clauses of the sentences worth reading."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefreader.core.attribution import Report, find_reports
from briefreader.core.quote_scanner import Span, scan_paragraphs
from briefreader.core.sentences import (
    mask_quotes,
    reading_words,
    sentence_starts,
    sentences_to_read,
)
from briefreader.core.words import Token, tokens_of

CONTEXT_BEFORE = 6  # paragraphs back that a pronoun may reach


@dataclass(slots=True)
class ParagraphFacts:
    """One paragraph seen with its quotations blanked: tokens, sentences, reporting clauses."""

    text: str
    spans: list[Span]
    masked: str
    tokens: list[Token]
    starts: list[int]  # empty until needed in a paragraph with no reporting clause
    reports: list[Report]
    detail: str = "words"  # "names": only scanned for names; "text": far from every quote


def _regions(spans: Sequence[Span]) -> list[tuple[int, int]]:
    """The regions the spans' quotations take, marks included (found by the scan)."""
    # most paragraphs hold one quotation: no comprehension, which is a call of its own
    return [spans[0].region] if len(spans) == 1 else [span.region for span in spans]


def outside(
    ranges: Sequence[tuple[int, int]], regions: Sequence[tuple[int, int]]
) -> Sequence[tuple[int, int]]:
    """The parts of the ranges outside every quoted region: a blanked region holds no word,
    so the words of the parts are the words of the ranges, found without reading the blanks."""
    if not regions:
        return ranges
    if len(regions) > 1:
        regions = sorted(regions)
    parts = []
    for start, end in ranges:
        for blank_start, blank_end in regions:
            if blank_start < end and blank_end > start:
                if blank_start > start:
                    parts.append((start, blank_start))
                if blank_end > start:
                    start = blank_end
        if start < end:
            parts.append((start, end))
    return parts


def paragraph_facts(texts: Sequence[str]) -> list[ParagraphFacts]:
    """Facts for the paragraphs quotes need (their own, six before for pronouns, one after for
    late attributions); the rest only keep their text, which keeps long articles cheap. No
    facts at all for an article without quotations."""
    spans_found = scan_paragraphs(texts)
    if not spans_found:
        return []  # no quotation: nothing else is worth reading
    by_paragraph: list[list[Span]] = [[] for _ in texts]
    for span in spans_found:
        by_paragraph[span.paragraph].append(span)
    near: set[int] = set()  # read word by word: quote paragraphs and their neighbours
    context: set[int] = set()  # only scanned for names, for pronouns to point back to
    for index, spans in enumerate(by_paragraph):
        if spans:
            # (comparisons rather than calls to max, which cost more)
            near.update(range(index - 1 if index > 0 else 0, index + 2))
            context.update(range(index - CONTEXT_BEFORE if index > CONTEXT_BEFORE else 0, index))
    facts = []
    for index, (text, spans) in enumerate(zip(texts, by_paragraph, strict=True)):
        if index not in near:
            kind = "names" if index in context else "text"
            # sentence starts are found when the paragraph is remembered, if ever
            # detail given by position: a keyword argument costs more
            facts.append(ParagraphFacts(text, [], text, [], [], [], kind))
            continue
        if not spans:
            # a neighbour: read only if it has a reading word, found once for both questions
            reading = reading_words(text)
            if not reading[0]:
                facts.append(ParagraphFacts(text, spans, text, [], [], []))  # nothing to read
                continue
        else:
            reading = None  # found only if the quotations leave a sentence unchosen
        regions = _regions(spans)
        masked = mask_quotes(text, regions)
        starts = sentence_starts(text, masked, regions)
        ranges, places = sentences_to_read(masked, starts, reading)
        tokens = tokens_of(masked, outside(ranges, regions))
        facts.append(ParagraphFacts(text, spans, masked, tokens, starts,
                                    find_reports(masked, tokens, starts, places)))  # fmt: skip
    return facts
