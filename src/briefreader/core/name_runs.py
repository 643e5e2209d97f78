"""Runs of capitalised words in a text: the candidates for names of people and bodies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from briefreader.core.names import DAYS, PARTICLES, clean_token
from briefreader.core.words import ABBREVIATIONS, FUNCTION_CAPITALS

NameRun = tuple[int, int, list[str]]  # start, end, words


def _by_first_letter(words: frozenset[str]) -> str:
    """An alternation of the words grouped by their first letter ("d(?:e|a|el|…)"): the regex
    engine enters a group only when its letter matches. Every particle is followed by a space,
    so at most one word matches at a place and the order of the alternatives does not matter."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(word[0], []).append(word[1:])
    return (
        "(?:"
        + "|".join(
            letter + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
            for letter, rests in groups.items()
        )
        + ")"
    )


# "i" and "y" join Catalan and Spanish surnames ("Puigdomènech i Soler", "Ortega y Gasset")
_PARTICLE = _by_first_letter(PARTICLES)
# The capital comes first and the look-behind after it (a capital not preceded by a word
# character) so that the regex engine can skip ahead to capitals instead of trying every offset.
# A word never gives back letters (`*+`): what follows it is a space, so that could not help.
_RUN = (
    rf"[A-Z](?<![\w’'.-][A-Z])[\w’'.-]*+"
    rf"(?:(?:[ \u00a0]+{_PARTICLE})*[ \u00a0]+(?:[ae]l-)?[A-Z][\w’'.-]*+)"
)
CAPITALISED = re.compile(_RUN + "*")
# The same runs, skipping those of one word: the same matches as CAPITALISED's longer ones.
CAPITALISED_SEVERAL = re.compile(_RUN + "+")
# A one-byte copy of a text to find where runs of several words may start: each capital is
# "A", every other character outside ASCII "?" (a no-break space a space first), so that
# offsets agree with the text's.
CAPITAL_AS_A = bytes(ord("A") if 65 <= byte <= 90 else byte for byte in range(256))
# Where CAPITALISED_SEVERAL may match, read on that copy: `_RUN` with every class widened to
# what its characters become there. Led by one literal, it lets the regex engine skip from
# capital to capital several times quicker than `[A-Z]` can; it only looks ahead, so it
# passes over no start. The runs themselves are still CAPITALISED_SEVERAL's matches.
# A capital right after the spaces is tried first: most runs have no particle. The word's
# characters are spelt out, not `\w`: a class of plain characters is read as a table.
SEVERAL_START = re.compile(
    rb"A(?=[a-zA-Z0-9_?'.-]*+ ++(?:A|[ae]l-A|"
    + _PARTICLE.encode()
    + rb" ++(?:"
    + _PARTICLE.encode()
    + rb" ++)*+(?:[ae]l-)?A))"
)
# A word's characters on that copy, spelt out rather than `[\w'.-]`: a class of plain
# characters is read as a table, one with `\w` tested category by category, at every letter.
_WORD_IN_SHAPE = rb"[a-zA0-9_'.-]"
# CAPITALISED_SEVERAL itself read on that copy of an ASCII text, where it finds the same runs:
# there no character stands for another but capitals, and every capital is alike to it. Its
# runs are found without a match on the text after each start (several times what the copy's
# match costs). Each next word is tried as SEVERAL_START tries it, a capital first; nothing
# that follows a word or a particle could take back what it matched, hence `++` and `*+`.
_NEXT_IN_SHAPE = (
    rb" ++(?:A|[ae]l-A|"
    + _PARTICLE.encode()
    + rb" ++(?:"
    + _PARTICLE.encode()
    + rb" ++)*+(?:[ae]l-)?A)"
    + _WORD_IN_SHAPE
    + rb"*+"
)
# The first next word is spelt out, not left to `(?:…)++`: most capitals are followed by no
# next word, and that fails sooner outside the repeat, whose set-up costs more than the test.
_FIRST_IN_SHAPE = rb"A(?<!" + _WORD_IN_SHAPE + rb"A)" + _WORD_IN_SHAPE + rb"*+"
SEVERAL_IN_SHAPE = re.compile(_FIRST_IN_SHAPE + _NEXT_IN_SHAPE + rb"(?:" + _NEXT_IN_SHAPE + rb")*+")
# CAPITALISED read on that copy of an ASCII text, one-word runs too: its literal lead lets the
# regex engine skip from capital to capital in C instead of testing `[A-Z]` at every character.
CAPITALISED_IN_SHAPE = re.compile(_FIRST_IN_SHAPE + rb"(?:" + _NEXT_IN_SHAPE + rb")*+")
OPENING_WORDS = FUNCTION_CAPITALS | DAYS  # trimmed from the front of a run
# Words that open sentences or name months and are also first names.
NAME_LIKE_WORDS = frozenset("will may june april august don".split())


def name_runs(masked: str) -> list[NameRun]:
    """(start, end, words) of each run of capitalised words, without the function words that
    open sentences ("But", "The"); a full stop ends a run unless it ends an abbreviation;
    "He Jianxiong" stays a name."""
    if masked.isascii():  # (known without a scan) its runs are found on its one-byte copy
        return _runs(masked, CAPITALISED_IN_SHAPE.finditer(masked.encode().translate(CAPITAL_AS_A)))
    return _runs(masked, CAPITALISED.finditer(masked))


def several_word_runs(text: str) -> list[NameRun]:
    """The `name_runs` of two words or more of a text, found in one pass over it: an article's
    paragraphs joined by line breaks, as no run reaches over one, and one reads as the start
    of a text does."""
    # every match has two words or more; a full stop or a trimmed word may leave one
    return [run for run in _runs(text, _several_word_matches(text)) if len(run[2]) > 1]


def _several_word_matches(text: str) -> Iterator[re.Match[str]] | Iterator[re.Match[bytes]]:
    """Matches at the places of CAPITALISED_SEVERAL's in the text, the same as its `finditer`
    gives (for an ASCII text, those on its one-byte copy)."""
    if text.isascii():  # (known without a scan)
        return SEVERAL_IN_SHAPE.finditer(text.encode("ascii").translate(CAPITAL_AS_A))
    return _several_word_matches_wide(text)


def _several_word_matches_wide(text: str) -> Iterator[re.Match[str]]:
    """The matches of CAPITALISED_SEVERAL in a text with characters outside ASCII, which the
    one-byte copy does not tell apart: found on the text from the places the copy gives."""
    shape = text.replace("\u00a0", " ").encode("ascii", "replace").translate(CAPITAL_AS_A)
    end = 0
    for candidate in SEVERAL_START.finditer(shape):
        start = candidate.start()
        if start >= end:
            match = CAPITALISED_SEVERAL.match(text, start)  # its look-behind sees the text before
            if match is not None:
                end = match.end()
                yield match


def _runs(
    masked: str, matches: Iterator[re.Match[str]] | Iterator[re.Match[bytes]]
) -> list[NameRun]:
    """The runs of the matches of CAPITALISED in `masked` (or of its copy's), read on `masked`."""
    found: list[NameRun] = []
    for match in matches:
        at, end = match.span()
        text = masked[at:end]
        if " " not in text and "\u00a0" not in text:  # most runs are one word: the quick way
            single = _single_word_run(text)
            if single is not None:
                found.append((at, at + single[0], [single[1]]))
            continue
        if "." not in text:  # no full stop to end the run at: one run, unless trimmed below
            words = text.split()
            if words[0].lower() not in OPENING_WORDS and words[-1].lower() not in DAYS:
                if "’" in text or "'" in text:  # most runs have no possessive to drop
                    words = [clean_token(w) for w in words]
                found.append((at, end, words))
                continue
            run = _plain_run_trimmed(masked, at, text, words)
            if run is not None:
                found.append(run)
            continue
        found.extend(_runs_split_at_stops(masked, at, text))
    return found


def _runs_split_at_stops(masked: str, start: int, text: str) -> list[NameRun]:
    """The runs of a match (`text`, at `start`) with a full stop, which ends a run unless it
    ends an abbreviation. Words are placed by a search in the run: only spaces lie between
    them, and that costs far less than a regex match object per word."""
    found: list[NameRun] = []
    parts: list[tuple[int, int, str]] = []
    at = 0
    for word in text.split():
        at = text.find(word, at)
        stop = (
            word.endswith(".")
            and len(word) > 2
            and "." not in word[:-1]
            and (word.lower() not in ABBREVIATIONS)
        )
        parts.append((start + at, start + at + len(word) - stop, word[:-1] if stop else word))
        at += len(word)
        if stop:
            run = _trimmed(parts, masked)
            if run is not None:
                found.append(run)
            parts = []
    run = _trimmed(parts, masked)
    if run is not None:
        found.append(run)
    return found


@lru_cache(maxsize=8192)
def _single_word_run(text: str) -> tuple[int, str] | None:
    """(length, name) of a one-word run, or None for a word that opens sentences ("But").
    Articles repeat the same capitalised words, hence the cache."""
    stop = text.endswith(".") and len(text) > 2 and "." not in text[:-1]
    word = text[:-1] if stop and text.lower() not in ABBREVIATIONS else text
    lowered = word.lower()
    if lowered in FUNCTION_CAPITALS or lowered in DAYS:
        return None
    return len(word), clean_token(word)


def _plain_run_trimmed(masked: str, start: int, text: str, words: list[str]) -> NameRun | None:
    """What `_trimmed` makes of the words of a run with no full stop (`text`, at `start`), read
    from its words as split: placing words by a search in the run costs far less than a regex,
    and only spaces lie between them."""
    parts = []
    at = 0
    for word in words:
        at = text.find(word, at)
        parts.append((start + at, start + at + len(word), word))
        at += len(word)
    return _trimmed(parts, masked)


def _trimmed(parts: list[tuple[int, int, str]], masked: str) -> NameRun | None:
    """The run of the placed words (start, end, word) without the words that open sentences
    before it ("The White House"; "He Jianxiong" and "director May Chen" keep theirs) and the
    days after it, or None when no word is left."""
    # the words kept are parts[first:last], trimmed by moving the bounds: one slice at the end
    first, last = 0, len(parts)
    while first < last:
        at, _, word = parts[first]
        if (
            word.lower() not in OPENING_WORDS
            or (word == "He" and last - first > 1)
            or _first_name_mid_sentence(word, at, last - first, masked)
        ):
            break
        first += 1
    while last > first and parts[last - 1][2].lower() in DAYS:
        last -= 1
    if first == last:
        return None
    return parts[first][0], parts[last - 1][1], [clean_token(p[2]) for p in parts[first:last]]


def _first_name_mid_sentence(word: str, at: int, words: int, masked: str) -> bool:
    """ "grazier Will Tremain", "director May Chen": a word that opens sentences ("Will",
    "May"), at `at` and followed by more of the run's `words`, is a first name when a
    lower-case word comes right before it."""
    if words < 2 or word.lower() not in NAME_LIKE_WORDS:
        return False
    before = masked[max(0, at - 24) : at].rstrip()
    return bool(before) and before[-1].islower()
