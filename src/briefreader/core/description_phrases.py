"""Described speakers ("a senior official at the ministry who asked not to be named"): where
the description a reporting verb's subject gives begins and ends."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from briefreader.core.names import DAYS, ROLE_HEADS
from briefreader.core.reporting_words import COMMON_VERBS
from briefreader.core.words import (
    ARTICLES,
    CLAUSE_WORDS,
    DETERMINERS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    Subject,
    Token,
    boundary,
)

# What someone was doing when the reporter met them: no part of who they are.
CIRCUMSTANCES = frozenset(
    """sitting standing lying waiting wearing holding carrying watching leaning clutching
    queuing queueing sheltering""".split()
)
# Verbs no noun phrase runs over: "… has become standard on earnings calls".
LINKING_VERBS = frozenset(
    """become became becomes remained remains seemed seems appeared appears stayed stays
    proved proves""".split()
)
# Sets the walk back over a description asks once instead of two or three.
PREPOSITIONS_AND_DETERMINERS = PREPOSITIONS | DETERMINERS
NO_PHRASE_OVER = CLAUSE_WORDS | SUBJECT_PRONOUNS | LINKING_VERBS
# The words the walk back over a description does not simply step over: "and" and "&", which
# it steps over only between capitalised words, and the words no phrase runs over; never a
# preposition, a determiner or a word ending in "ing", which it always steps over.
WALK_STOPS = frozenset(
    word
    for word in NO_PHRASE_OVER | {"and", "&"}
    if word not in PREPOSITIONS_AND_DETERMINERS and word[-3:] != "ing"
)
# Words after which an article goes on the phrase before it: "the union at the plant".
JOINING_WORDS = PREPOSITIONS | {"and"}
# Subject((…)) without its Python-level __new__: tuple.__new__ is called directly, as a named
# tuple's own constructor is a function call that costs more than building the tuple; hot
# paths (a subject for every reporting verb) build theirs with it.
new_subject = partial(tuple.__new__, Subject)
# Words that modify no name: before_modifiers() stops at them.
NO_MODIFIERS = CLAUSE_WORDS | DETERMINERS | COMMON_VERBS | PERSONAL_PRONOUNS
TIME_UNITS = frozenset("week month year weekend night".split())
# The words a time phrase after a description ends with.
TIME_ENDINGS = TIME_UNITS | DAYS | {"time"}


def description_ending_at(
    tokens: Sequence[Token], masked: str, last: int, floor: int
) -> Subject | None:
    """A described speaker ending at `last`: "a judge", "the union representing workers at
    the plant", "Russia's defence ministry", "officials"."""
    if tokens[last].lower in CLAUSE_WORDS:
        return None  # "a tool that asked …": the relative pronoun is no speaker
    # The text is searched for "who" here rather than in _relative_who(): most descriptions
    # hold none, and the search costs less than the call. "who" in any case, looked for in the
    # lower-cased words: a regex that ignores case is tried at every character instead.
    # Conditional expressions rather than max(): a call to a builtin costs more than a compare.
    lowest = (floor if floor > last - 10 else last - 10) + 1
    who = (
        _relative_who(tokens, masked, last, floor)
        if lowest < last and "who" in masked[tokens[lowest].start : tokens[last - 1].end].lower()
        else None
    )
    if who is not None:
        # "an official at the ministry who asked not to be named": the person, with the clause
        named = description_ending_at(tokens, masked, who - 1, floor)
        if named is not None:
            whole = masked[named.start : tokens[last].end]
            return Subject(whole, named.name + whole[len(named.mention) :], "description",
                           named.start, tokens[last].end)  # fmt: skip
    if tokens[last].lower in TIME_ENDINGS:  # most descriptions end in no time word
        last = before_time(tokens, last, floor)
    first = last
    # no further back than the floor, nor than 12 words
    lowest = floor if floor > last - 12 else last - 12
    while first > lowest:
        prev = tokens[first - 1]
        if masked[prev.end : tokens[first].start] != " " and boundary(masked, prev, tokens[first]):
            break  # one space apart (most words) needs no call to boundary()
        word = prev.lower
        if word not in WALK_STOPS:  # most words: one look-up, not three tests
            first -= 1
        elif (
            word in ("and", "&")
            and tokens[first].capitalised
            and first - 2 >= floor
            and (tokens[first - 2].capitalised)
        ):
            first -= 1  # "the Department for Energy Security and Net Zero"
        elif word in NO_PHRASE_OVER:
            break  # "… has become standard on earnings calls": no phrase runs over a verb
        else:
            first -= 1
    start = None
    for i in range(first, last + 1):
        if tokens[i].lower in DETERMINERS or (tokens[i].possessive and tokens[i].capitalised):
            start = i
            break
    if start is None:
        # no determiner: a plural ("officials", "Ukrainian officials") still describes people
        if not (_plural(tokens[first].lower) or _people(tokens[last].lower)) or (
            tokens[first].lower in CLAUSE_WORDS
        ):
            return None  # "fans in orange", "Greek writers"; not "standard on earnings"
        start = first
    while start < last and tokens[start + 1].lower in DETERMINERS:
        start += 1
    for i in range(start + 1, last + 1):
        if tokens[i].lower in ARTICLES and tokens[i - 1].lower not in JOINING_WORDS:
            start = i  # "a decision the label described as": the label describes
    if (
        first - 2 >= floor
        and tokens[first - 1].lower == "who"
        and tokens[first].lower not in DETERMINERS
        and not boundary(masked, tokens[first - 2], tokens[first - 1])
        and not boundary(masked, tokens[first - 1], tokens[first])
    ):
        # "a woman who lives across the street": the person, with the clause that says who
        named = description_ending_at(tokens, masked, first - 2, floor)
        if named is not None and tokens[first - 2].lower not in CLAUSE_WORDS:
            whole = masked[named.start : tokens[last].end]
            return Subject(whole, whole[:1].lower() + whole[1:] if named.name[:1].islower() else whole,
                           "description", named.start, tokens[last].end)  # fmt: skip
    if last - start >= 2:  # a circumstance follows two words at least
        last = without_circumstance(tokens, start, last)
    text = masked[tokens[start].start : tokens[last].end]
    if tokens[start].lower in ARTICLES:
        text = text[:1].lower() + text[1:]
    return new_subject((masked[tokens[start].start : tokens[last].end], text, "description",
                        tokens[start].start, tokens[last].end))  # fmt: skip


def before_modifiers(tokens: Sequence[Token], masked: str, at: int, floor: int) -> int:
    """The token before up to two lower-case words that modify a name: "of occupied Kherson
    Oblast" looks back to "of"."""
    j = at
    while (
        j >= floor
        and at - j < 2
        and not tokens[j].capitalised
        and tokens[j].lower not in NO_MODIFIERS
        and not boundary(masked, tokens[j], tokens[j + 1])
    ):
        j -= 1
    return j if j >= floor and tokens[j].lower in PREPOSITIONS else at


def _relative_who(tokens: Sequence[Token], masked: str, last: int, floor: int) -> int | None:
    """Index of the "who" opening a clause that runs to token `last`, after a lower-case noun
    ("an official who asked not to be named"), or None."""
    for j in range(last - 1, max(floor, last - 10), -1):
        if boundary(masked, tokens[j], tokens[j + 1]):
            return None
        if tokens[j].lower == "who":
            noun = tokens[j - 1]
            fits = not noun.capitalised and noun.lower not in CLAUSE_WORDS
            return j if fits and not boundary(masked, noun, tokens[j]) else None
    return None


def without_circumstance(tokens: Sequence[Token], start: int, last: int) -> int:
    """The last word of a description without where the person happened to be: "an elderly man
    sitting on a cot", "a currency trader at a foreign bank" are "an elderly man", "a currency
    trader"; "a spokesperson for the ministry", "a teacher from Ohio" say who they are."""
    for i in range(start + 2, last + 1):
        word = tokens[i].lower
        if word in CIRCUMSTANCES or (
            word == "at"
            and i + 1 <= last
            and tokens[i + 1].lower in ("a", "an")
            and not any(t.capitalised for t in tokens[i + 1 : last + 1])
        ):
            return i - 1
    return last


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def _people(word: str) -> bool:
    """A plural that names people: "officials", "writers", "economists"."""
    return _plural(word) and (word[:-1] in ROLE_HEADS or word.endswith(("ists", "ians", "ers")))


def before_time(tokens: Sequence[Token], last: int, floor: int) -> int:
    """The last word of a description before a time phrase after it: "the label at the time",
    "the ministry on Monday", "the regulator last week"."""
    words = [t.lower for t in tokens[max(floor, last - 2) : last + 1]]
    cut = 0
    if words[-3:] == ["at", "the", "time"]:
        cut = 3
    elif len(words) >= 2 and (
        words[-2] == "on"
        and words[-1] in DAYS
        or words[-2] in ("last", "this")
        and words[-1] in TIME_UNITS
    ):
        cut = 2
    return last - cut if last - cut >= floor else last
