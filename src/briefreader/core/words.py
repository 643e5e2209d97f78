"""The words of a paragraph as the quote rules read them: tokens, word classes, and the noun
phrase a reporting verb's subject names."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from briefreader.core.names import DAYS, ORG_WORDS, PLACES, clean_token

# Quoted text is blanked with this character so names and verbs inside quotes are not seen.
MASK = "\x01"
# `\w\w*` rather than `\w+`: a pattern that opens with one class lets the regex engine skip
# ahead to a word character instead of trying a whole match at every offset.
TOKEN = re.compile(r"\w\w*(?:[’'.\-]\w+)*\.?")
# Marks that end a word without being part of it (as a full stop is not, after a word of
# three letters or more that is no abbreviation).
PLAIN_ENDINGS = frozenset(',;:!?)”"')
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")  # the words kept, with what is between them
ABBREVIATIONS = frozenset(
    """mr. mrs. ms. dr. st. sen. rep. gov. gen. lt. col. capt. sgt. adm. prof. rev. jr. sr.
    inc. corp. ltd. co. no. vs. jan. feb. mar. apr. aug. sept. sep. oct. nov. dec. a.m. p.m.
    u.s. u.n. u.k. e.u. d.c. etc. approx. dept.""".split()
)
SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS | frozenset("him her them us me you".split())
PREPOSITIONS = frozenset(
    """of for at in from with on to by near inside outside alongside beside against toward
    towards about after before behind like than including via among between under over across
    through without""".split()
)
CLAUSE_WORDS = frozenset(
    """that which who whom whose and but or nor while because as when if although though
    after before since where so than what how why whether until unless whereas yet in on at
    to for from with by of about into over under between against during without through
    is are was were be been being has have had do does did not""".split()
)
ARTICLES = frozenset("the a an".split())
DETERMINERS = frozenset(
    "the a an one another two three four five several some many most other his her their its our".split()
)
# Capitalised words that open sentences without being names.
FUNCTION_CAPITALS = (
    CLAUSE_WORDS
    | DETERMINERS
    | frozenset(
        """still meanwhile however yet asked speaking also then now instead indeed earlier later
        last this these those there here it its he she they we i his her their our my your
        according following despite amid like unlike under even only just""".split()
    )
)
# Capitalised words that are no part of a name, in one set as every capitalised word is asked.
NOT_NAME_WORDS = FUNCTION_CAPITALS | DAYS
AUXILIARIES = frozenset(
    "would will could can should may might must shall had has have was were is are".split()
)
FINITE_VERBS = frozenset(
    """came went was were had did got took made said says told is are has have remained remains
    seemed seems appeared appears became becomes become stayed stays proved proves""".split()
)
# Bodies known by a number after their name.
NUMBERED_BODIES = frozenset("local lodge chapter branch company battalion brigade regiment".split())
HONORIFICS = frozenset("mr mrs ms dr madam".split())
BODY_CONNECTORS = frozenset("of for and &".split())
CONNECTORS = frozenset(
    "of for and & de du da del della der den van von al bin ibn la le ap i y".split()
)


class Token:
    """A word of a paragraph with what the rules ask of it, worked out once (by `word_token`,
    or by `tokens_of` for plain words)."""

    __slots__ = ("text", "start", "end", "lower", "capitalised", "possessive")
    text: str
    start: int
    end: int
    lower: str
    capitalised: bool
    possessive: bool

    def __repr__(self) -> str:
        return f"word_token({self.text!r}, {self.start}, {self.end})"


def word_token(text: str, start: int, end: int) -> Token:
    """The token of a word of any form (`tokens_of` fills in plain words' tokens itself)."""
    # Token has no __init__: called with no arguments the class is made by C code alone, which
    # costs less than a call of object.__new__ (or a Python frame for __init__) per word.
    token = Token()
    token.text = text
    token.start = start
    token.end = end
    # "al-Huzayel", "el-Sisi": an Arabic surname whose particle is written in lower case
    token.capitalised = text[0].isupper() or (text[2:3] == "-" and text[:2] in ("al", "el")
                                               and text[3:4].isupper())  # fmt: skip
    if "’" in text or "'" in text:
        token.lower = clean_token(text).lower()
        token.possessive = text.endswith(("’s", "'s", "s’", "s'"))
    else:
        token.lower = text.lower()
        token.possessive = False
    return token


TOKEN_START = attrgetter("start")  # a key for bisecting tokens, called from C


class Subject(NamedTuple):
    """Who a reporting verb's subject names, as written (a named tuple: several are built
    for every reporting verb, and a tuple is quicker to build than a frozen dataclass)."""

    mention: str  # the words in the text, with any title or role ("spokesman John Kirby")
    name: str  # the name itself ("John Kirby"), the pronoun, or the description
    kind: str  # "name", "pronoun" or "description"
    start: int
    end: int


def tokens_of(masked: str, ranges: Sequence[tuple[int, int]] | None = None) -> list[Token]:
    """Words of the masked paragraph (or of some ranges of it); a full stop stays only on
    abbreviations and initials."""
    found: list[Token] = []
    append = found.append  # a hot loop: real articles have a few hundred words to read
    # one range (most calls) needs no joining: a call saved
    whole = ((0, len(masked)),)
    for start, end in whole if ranges is None else ranges if len(ranges) < 2 else _joined(ranges):
        chunk = masked[start:end]
        # Split at spaces (no token holds one), then take most pieces, plain words, whole:
        # the regex is run only on pieces with punctuation in them. The regex engine costs
        # far more per character than str.split and str.isalnum, which stand in for `\w+`.
        pieces = chunk.split()
        body = chunk.strip()
        # The chunk is lower-cased at once, which costs less than a call per word: a word's
        # lower case does not depend on what lies beyond the spaces around it.
        lowers = chunk.lower().split()
        if " ".join(pieces) != body or len(lowers) != len(pieces):
            _add_spread(append, chunk, start, pieces)
            continue
        # Pieces one space apart (most text) are placed by adding up their lengths rather than
        # by a search for each: a method call costs more than the arithmetic.
        at = start + chunk.find(body[:1])  # past the leading spaces
        # (no strict=: the lengths are checked above, and a keyword argument costs a parse)
        for piece, lower in zip(pieces, lowers):  # noqa: B905 - lengths checked above
            first = at
            at += len(piece) + 1
            # A plain word's token filled in here: setting its slots costs far less than a
            # call with arguments, a Python frame of its own.
            if piece.isalnum():
                token = Token()
                token.text = piece
                token.end = at - 1
                token.lower = lower
            elif piece[:-1].isalnum() and (
                piece[-1] in PLAIN_ENDINGS
                or (piece[-1] == "." and len(piece) > 2 and lower not in ABBREVIATIONS)
            ):
                # "said," "year.": the mark lower-cases to itself
                token = Token()
                token.text = piece[:-1]
                token.end = at - 2
                token.lower = lower[:-1]
            else:
                _add_matches(append, piece, first)
                continue
            token.start = first
            token.capitalised = piece[0].isupper()  # the text's first character
            token.possessive = False
            append(token)
    return found


def _add_spread(append: Callable[[Token], None], chunk: str, start: int, pieces: list[str]) -> None:
    """The words of a chunk whose pieces are not one space apart, each piece found in turn and
    read by the word pattern (a rare case: the plain-word shortcuts are not worth it here)."""
    at = 0
    for piece in pieces:
        at = chunk.find(piece, at)
        _add_matches(append, piece, start + at)
        at += len(piece)


def _add_matches(append: Callable[[Token], None], piece: str, first: int) -> None:
    """The words of a piece with punctuation in it, found by the word pattern, from `first`."""
    parts = TOKEN_SPLIT.split(piece)
    last = first
    for i in range(1, len(parts), 2):
        first = last + len(parts[i - 1])
        text = parts[i]
        last = first + len(text)
        if text[-1] == "." and not (
            len(text) <= 2 or "." in text[:-1] or text.lower() in ABBREVIATIONS
        ):
            append(word_token(text[:-1], first, last - 1))
        else:
            append(word_token(text, first, last))


def _joined(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges with those that meet made one, so each stretch of text is scanned at once; a
    range ends where the next sentence starts, after a space, so no word straddles the two."""
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def boundary(masked: str, left: Token, right: Token) -> bool:
    """Punctuation or a quotation between two tokens: they are not in one noun phrase."""
    gap = masked[left.end : right.start]
    if gap == " ":
        return False  # most words are one space apart
    gap = gap.strip()
    if gap in ("'", "’") and left.text.endswith("s") and right.lower in ORG_WORDS:
        return False  # a plural owner inside a name: "the Nurses and Midwives' Association"
    return gap != "" and gap != "&"  # (comparisons: a call to bool costs more)


def is_name_word(token: Token) -> bool:
    return token.capitalised and token.lower not in NOT_NAME_WORDS


def name_kind(words: Sequence[str]) -> str:
    """ "organisation" when the words name a body or a place, else "name"."""
    return _name_kind(tuple(words))


@lru_cache(maxsize=4096)
def _name_kind(words: tuple[str, ...]) -> str:
    joined = " ".join(words).lower()
    lowered = joined.split(" ")
    # Without an apostrophe or a full stop the per-word clean-up changes nothing, so the
    # lowered split (when no word holds a space) serves as is, with two set operations.
    if len(lowered) != len(words) or "'" in joined or "’" in joined or "." in joined:
        lowered = [clean_token(w).lower().rstrip(".") for w in words]
    if not ORG_WORDS.isdisjoint(lowered) or PLACES.issuperset(lowered):
        return "organisation"
    if len(lowered) == 1 and words[0].isupper() and len(words[0]) > 1:
        return "organisation"  # an acronym: CNAS, NATO
    return "name"
