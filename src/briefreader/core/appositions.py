"""Appositions around a speaker: "Ada Lim, the mayor, who …", "Another witness, a driver,"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from briefreader.core.names import clean_token, person_in_run
from briefreader.core.noun_phrases import capitalised_run_start, subject_ending_at
from briefreader.core.words import (
    TOKEN_START,
    Subject,
    Token,
    boundary,
    is_name_word,
    name_kind,
)


def person_like(subject: Subject) -> bool:
    """A pronoun, or a name that reads as a person's."""
    if subject.kind == "pronoun":
        return True
    if subject.kind != "name":
        return False
    if person_in_run(subject.name) is not None:
        return True
    words = subject.name.split()
    return len(words) >= 2 and name_kind(words) == "name"


def apposed_description(
    tokens: Sequence[Token], masked: str, opener: Subject, last: int
) -> Subject | None:
    """The description set after the opener's comma, up to a relative clause or punctuation."""
    first = bisect_left(tokens, opener.end, key=TOKEN_START)
    if first > last:
        return None
    end = first
    while (
        end + 1 <= last
        and tokens[end + 1].lower not in ("who", "whom", "whose", "which", "that")
        and not boundary(masked, tokens[end], tokens[end + 1])
    ):
        end += 1
    if end == first:
        return None
    text = masked[tokens[first].start : tokens[end].end]
    return Subject(text, text, "description", tokens[first].start, tokens[end].end)


def named_before_apposition(
    tokens: Sequence[Token], masked: str, described: Subject, floor: int
) -> Subject | None:
    """The person a description stands in apposition to ("Ada Lim, the mayor, …"), or None."""
    at = bisect_left(tokens, described.start, key=TOKEN_START)
    if at - 1 < floor or masked[tokens[at - 1].end : tokens[at].start].strip() != ",":
        return None
    if not is_name_word(tokens[at - 1]):
        return None
    # the name alone, even after a preposition ("organised by Imran Qureshi, the MP, who …")
    first = capitalised_run_start(tokens, masked, at - 1, floor)
    start, end = tokens[first].start, tokens[at - 1].end
    name = " ".join(clean_token(t.text) for t in tokens[first:at])
    named = Subject(masked[start:end], name, "name", start, end)
    return named if person_like(named) else None


def opens_clause(tokens: Sequence[Token], masked: str, subject: Subject, floor: int) -> bool:
    """The phrase stands at the start of its clause: first in the sentence or after a comma."""
    at = bisect_left(tokens, subject.start, key=TOKEN_START)
    return at <= floor or boundary(masked, tokens[at - 1], tokens[at])


def name_before_place(
    tokens: Sequence[Token], masked: str, last: int, floor: int
) -> Subject | None:
    """ "Senator Ada Hughes of Ohio, who …": the person before "of" and a place."""
    j = last
    while j > floor and is_name_word(tokens[j]) and not boundary(masked, tokens[j - 1], tokens[j]):
        j -= 1
    if j <= floor or j == last or tokens[j].lower not in ("of", "from"):
        return None
    if boundary(masked, tokens[j - 1], tokens[j]) or not is_name_word(tokens[j - 1]):
        return None
    found = subject_ending_at(tokens, masked, j - 1, floor)
    return found if found is not None and found.kind == "name" else None
