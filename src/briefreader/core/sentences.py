"""Sentences of a paragraph: where they start, which hold a reporting word, and the paragraph
with its quotations blanked so that their words are not read as the narrator's."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from itertools import compress

from briefreader.core.reporting_words import PARTICIPLES, REPORTING_VERBS
from briefreader.core.words import ABBREVIATIONS, MASK

READING_WORDS = REPORTING_VERBS | PARTICIPLES | {"according"}
READING_BYTES = frozenset(word.encode() for word in READING_WORDS)
LETTERS_ONLY = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))  # a-z kept
# The same for ASCII text not yet lower-cased: A-Z become a-z, as str.lower would make them.
LOWERED_LETTERS_ONLY = bytes(
    byte + 32 if 65 <= byte <= 90 else byte if 97 <= byte <= 122 else 32 for byte in range(256)
)


def mask_quotes(text: str, regions: Sequence[tuple[int, int]]) -> str:
    """The paragraph with every quoted region (marks included) blanked out."""
    masked = text
    for start, end in regions:
        # (comparisons rather than calls to max and min, which cost more)
        if start < 0:
            start = 0
        if end > len(text):
            end = len(text)
        if end > start:
            masked = masked[:start] + MASK * (end - start) + masked[end:]
    return masked


# A sentence ends at [.!?], closing marks and a space; in two regexes, as one starting with a
# single character lets the regex engine skip ahead to it, several times quicker than a class.
# The lookahead drops, inside the engine, most ends that are followed by no capital or opening
# mark (a lower-case word, a digit, the end of the text); the possessive repeats keep it from
# trying shorter runs of space instead.
NEXT_MAY_OPEN = '(?=[A-Z“"‘\x01]|[^\x00-\x7f])'
FULL_STOP_END = re.compile(r"\.[)\]\"”’']*+\s++" + NEXT_MAY_OPEN)
OTHER_END = re.compile(r"[!?][)\]\"”’']*+\s++" + NEXT_MAY_OPEN)
# Possessive: a run that does not reach the end cannot be shortened to reach it.
WORD_BEFORE_STOP = re.compile(r"[\w’'-][\w.’'-]*+$")
# The mask written out once before its repeat: a pattern that opens with a literal character
# lets the regex engine skip ahead to it; one that opens with a repeat is tried at every offset.
MASK_RUN = re.compile(MASK + MASK + "*")
OPENERS = '“"‘' + MASK  # what a sentence may open with besides a capital
# The abbreviations without their last full stop ("mr", "u.s"), for a word before a full stop.
ABBREVIATED_WORDS = frozenset(a[:-1] for a in ABBREVIATIONS if a.endswith("."))


def _abbreviation_at(masked: str, stop: int) -> bool:
    """The full stop at `stop` ends an abbreviation or an initial ("U.S.", "Dr.", "J.")."""
    floor = max(0, stop - 15)
    space = masked.rfind(" ", floor, stop)
    first = space + 1 if space >= 0 else floor
    plain = masked[first:stop]
    if plain.isalnum():  # most full stops: one plain word back to a space
        return len(plain) <= 1 or plain.lower() in ABBREVIATED_WORDS
    word = (
        WORD_BEFORE_STOP.search(masked, max(0, stop - 15), stop + 1)
        if stop > 0 and masked[stop - 1] != MASK
        else None
    )
    if word is None:
        return False
    text = word.group()
    return len(text) <= 2 or "." in text[:-1] or text.lower() in ABBREVIATIONS


def _sentence_ends(masked: str) -> list[re.Match[str]]:
    """Where sentences end in a text with a ! or ?, in order (no match holds a second [.!?],
    so none overlap)."""
    ends = [*FULL_STOP_END.finditer(masked), *OTHER_END.finditer(masked)]
    return sorted(ends, key=lambda match: match.start())


def sentence_starts(
    original: str, masked: str, regions: Sequence[tuple[int, int]] | None = None
) -> list[int]:
    """Offsets where sentences begin: after . ! ? (not abbreviations), and around quotations
    whose words end a sentence (`“…we go.” Kirby then…`, `…a “moonshot”. Analysts…`).
    `regions` are the blanked regions when the caller has them (the blanked runs are then
    found from them rather than by a regex scan of the paragraph)."""
    starts = [0]
    # most paragraphs have no ! or ?: their ends come straight from one regex, all full stops
    others = "!" in masked or "?" in masked
    ends = _sentence_ends(masked) if others else FULL_STOP_END.finditer(masked)
    # the lookahead lets every character beyond ASCII through: checked only where there is one
    wide = not masked.isascii()
    for match in ends:
        stop, after = match.span()  # (one call for both ends)
        if wide:
            nxt = masked[after]
            if nxt > "\x7f" and not (nxt.isupper() or nxt in OPENERS):
                continue
        if not others or masked[stop] == ".":
            # most full stops end one plain word of two letters or more back to a space,
            # checked here rather than in a call
            space = masked.rfind(" ", stop - 15 if stop > 15 else 0, stop)
            plain = masked[space + 1 : stop] if space >= 0 else ""
            if not (len(plain) > 1 and plain.isalnum() and plain.lower() not in ABBREVIATED_WORDS):
                if _abbreviation_at(masked, stop):
                    continue
        starts.append(after)
    if MASK not in masked:
        return starts  # already sorted and distinct
    found = len(starts)
    if regions is None or MASK in original:  # (a blank in the text itself joins no region)
        closings = [run.end() for run in MASK_RUN.finditer(masked)]
    else:
        closings = _run_ends(regions)
    for closed in closings:
        # The last visible character inside the closing mark, and the first one after it.
        last = closed - 2
        while last >= 0 and original[last].isspace():
            last -= 1
        if last < 0 or original[last] != "." or not masked[closed : closed + 1].isspace():
            continue
        after = closed
        while after < len(masked) and masked[after].isspace():
            after += 1
        if masked[after : after + 1].isupper():
            starts.append(after)
    return sorted(set(starts)) if len(starts) > found else starts


def _run_ends(regions: Sequence[tuple[int, int]]) -> list[int]:
    """Where the blanked runs end: the regions, joined where they overlap or touch."""
    if len(regions) == 1:  # most paragraphs: one quotation
        start, end = regions[0]
        return [end] if end > start else []
    ends: list[int] = []
    last = -1  # where the run being joined ends
    for start, end in sorted(regions):
        if end <= start:
            continue  # nothing blanked
        if start > last:
            ends.append(end)
            last = end
        elif end > last:
            ends[-1] = last = end
    return ends


def reading_words(text: str) -> tuple[frozenset[bytes], bytes | None]:
    """The reading words of a text (reporting verbs, participles, "according"): the runs of
    a-z of its lower case, as bytes (every other character, UTF-8 sequences too, becomes a
    space), that are reading words; with, for ASCII text, that copy of it (its offsets are the
    text's), else None."""
    if text.isascii():  # most text, and a flag read: lower-cased by the table, not by a pass
        letters = text.encode().translate(LOWERED_LETTERS_ONLY)
        return READING_BYTES.intersection(letters.split()), letters
    # "surrogatepass": text decoded with "surrogateescape" may hold lone surrogates
    runs = text.lower().encode("utf-8", "surrogatepass").translate(LETTERS_ONLY).split()
    return READING_BYTES.intersection(runs), None


def sentences_to_read(
    masked: str,
    starts: Sequence[int],
    reading: tuple[frozenset[bytes], bytes | None] | None,
) -> tuple[list[tuple[int, int]], list[int] | None]:
    """The sentences worth reading word by word: those with a quotation or a reporting verb.
    `reading` is what `reading_words` gives for the paragraph when the caller has it, else
    None: it is found only if the quotations leave a sentence unchosen. With the sentences,
    where the paragraph's reading words begin (in order, inside a longer word too), when they
    were looked for and their offsets are the paragraph's, else None."""
    count = len(starts)
    ends = [*starts[1:], len(masked)]
    # A quotation never straddles a sentence start, so a blanked character marks its sentence.
    if MASK in masked:
        if count == 1:
            return [(starts[0], len(masked))], None
        # Each sentence with a blanked character, found by skipping from one such sentence to
        # the next rather than by a search in every sentence.
        chosen = [False] * count
        at = masked.find(MASK, starts[0])
        while at >= 0:
            sentence = bisect_right(starts, at) - 1  # at least 0: the search began at starts[0]
            chosen[sentence] = True
            at = masked.find(MASK, ends[sentence])
        if all(chosen):
            return list(zip(starts, ends)), None  # noqa: B905 - one length; a keyword costs a parse
    else:
        chosen = [False] * count
    verbs, letters = reading_words(masked) if reading is None else reading
    if not verbs:
        return list(compress(zip(starts, ends), chosen)), []  # noqa: B905 - one length
    # searched in the lower-cased copy already made (ASCII text: no lower case, no decoding)
    lowered: str | bytes
    words: Collection[bytes] | Collection[str]
    if letters is not None:
        lowered, words, exact = letters, verbs, True
    else:
        lowered, words = masked.lower(), [verb.decode() for verb in verbs]
        exact = len(lowered) == len(masked)  # else the offsets are not quite the paragraph's
    places = []
    for word in words:
        at = lowered.find(word)  # type: ignore[arg-type]  # bytes in bytes, str in str
        while at >= 0:
            places.append(at)
            at = lowered.find(word, at + len(word))  # type: ignore[arg-type]
    for at in places:
        # a word inside another ("saidi") only makes us read one more sentence
        sentence = bisect_right(starts, at) - 1
        chosen[sentence if sentence > 0 else 0] = True  # a comparison costs less than max
    if exact and len(verbs) > 1:
        places.sort()
    # one C-level pass: a comprehension is a call of its own, and indexes twice per sentence
    return list(compress(zip(starts, ends), chosen)), places if exact else None  # noqa: B905


def sentence_index(starts: Sequence[int], offset: int) -> int:
    """Which sentence (0-based) the offset falls in, given the sorted sentence starts."""
    index = bisect_right(starts, offset) - 1
    return index if index > 0 else 0  # a comparison costs less than a call to max
