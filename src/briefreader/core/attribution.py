"""Reporting clauses in a paragraph: sentences, reporting verbs and who does the reporting."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import partial
from typing import NamedTuple

from briefreader.core.appositions import (
    apposed_description,
    name_before_place,
    named_before_apposition,
    opens_clause,
    person_like,
)
from briefreader.core.names import person_in_run
from briefreader.core.noun_phrases import (
    appositive_name,
    capitalised_run_start,
    subject_after,
    subject_ending_at,
)
from briefreader.core.reporting_words import (
    BETWEEN_SUBJECT_AND_VERB,
    COMMON_VERBS,
    INVERTING_VERBS,
    JUDGING_VERBS,
    NOUN_BEFORE,
    NOUN_OR_VERB,
    OPENING_CLAUSE,
    OWNERS,
    PARTICIPLES,
    RELATIVES_AND_APPOSITIONS,
    TIME_WORDS,
    VAGUE_OPENERS,
)
from briefreader.core.sentences import READING_WORDS, sentence_index
from briefreader.core.words import (
    ARTICLES,
    AUXILIARIES,
    CONNECTORS,
    MASK,
    PREPOSITIONS,
    TOKEN_START,
    Subject,
    Token,
    boundary,
    is_name_word,
)


class Report(NamedTuple):
    """A reporting verb in a paragraph and its subject (None for a bare participle); a named
    tuple, as one is built for every reporting verb and a tuple is quicker to build."""

    verb_start: int
    verb_end: int
    subject: Subject | None
    sentence: int
    participle: bool = False


# Report((…)) built by tuple.__new__ itself, without the named tuple's Python-level __new__.
new_report = partial(tuple.__new__, Report)

# Compiled once: these are tried on the gap between every pair of words near a reporting verb.
CLAUSE_BREAK = re.compile(r"[,—–()]")  # punctuation that sets off an apposition or a clause
PHRASE_BREAK = re.compile(r"[,—–]")  # punctuation that ends an opening phrase
# A reporting word right after these is an adjective: "on continued strength", "an emailed
# response" ("to say" stays a verb).
BEFORE_AN_ADJECTIVE = (PREPOSITIONS - {"to"}) | ARTICLES
ENDS_HERE = re.compile(r"\s*[.;:]")  # the sentence or clause ends right after a word
# Reading words that are verbs only before a given word: "according to", "found that".
NEEDS_NEXT_WORD = frozenset(("according", "found", "finds"))
# Words before a verb that make its subject something other than the phrase ending there.
JOINING = frozenset(("and", "but", "then"))
RELATIVE = frozenset(("which", "who"))
JOINING_OR_RELATIVE = JOINING | RELATIVE


def _subject_before(tokens: Sequence[Token], masked: str, verb: int, floor: int) -> Subject | None:
    last = verb - 1
    while (
        last >= floor
        and tokens[last].lower in BETWEEN_SUBJECT_AND_VERB
        and not boundary(masked, tokens[last], tokens[last + 1])
    ):
        last -= 1
    if last < floor:
        return None
    gap = masked[tokens[last].end : tokens[last + 1].start]
    if gap == " " and tokens[last].lower not in JOINING_OR_RELATIVE:
        # the plain case, a phrase right before the verb ("the minister said"), read first:
        # none of the checks below applies to it
        return subject_ending_at(tokens, masked, last, floor)
    if MASK in gap:
        return None
    if tokens[last].lower in JOINING and not CLAUSE_BREAK.search(gap):
        # "he smiled and said": the subject of the first verb speaks.
        for j in range(last - 1, max(floor, last - 6) - 1, -1):
            if boundary(masked, tokens[j], tokens[j + 1]):
                break
            if tokens[j].lower in ("he", "she", "they", "it", "we") or is_name_word(tokens[j]):
                return subject_ending_at(tokens, masked, j, floor)
        return sentence_subject(tokens, masked, None, None, first=floor)
    if (
        tokens[last].lower in RELATIVE
        and last - 1 >= floor
        and masked[tokens[last - 1].end : tokens[last].start].strip().endswith(",")
        and not CLAUSE_BREAK.search(gap)
    ):
        # "he told the crowd, which chanted “…”": the phrase the relative pronoun stands for;
        # "Sen. Rachel Osei (D-Md.), who noted": the name before the brackets
        before = last - 1
        if masked[tokens[before].end : tokens[last].start].strip().endswith("),"):
            opening = masked.rfind("(", 0, tokens[before].start)
            while before > floor and tokens[before].start > opening:
                before -= 1
        found = subject_ending_at(tokens, masked, before, floor)
        if found is not None and found.kind == "description":
            # "Imran Qureshi, the Labour MP for Kirklees West, who accused": the named person;
            # "a rebuke from Sen. Rachel Osei (D-Md.), who noted": the person the phrase ends with
            named = named_before_apposition(tokens, masked, found, floor)
            if named is None and tokens[last].lower == "who":
                named = _name_ending_at(tokens, masked, before, floor)
            return named or found
        return found
    if gap == " " or not CLAUSE_BREAK.search(gap):  # one space (most gaps): no search
        return subject_ending_at(tokens, masked, last, floor)
    # An appositive between subject and verb: "Jonathan Lord, senior fellow at CNAS, said";
    # "The chancellor, Rachel Reeves, told". A person wins; else the phrase that opens the clause.
    # A person named at the clause's opening, before a relative clause or an apposition
    # ("De Vries, who coached at Ajax, said"; "Dr. Lin, a surgeon at Mercy, San Diego,
    # wrote"), speaks, whatever names the clause holds.
    candidates: list[tuple[Subject, str]] = []  # (phrase, the word after its comma)
    for j in range(last, max(floor, last - 40) - 1, -1):
        right_gap = masked[tokens[j].end : tokens[j + 1].start]
        if right_gap == " ":
            continue  # most words are one space apart: neither a quotation nor a comma
        if MASK in right_gap:
            break
        if CLAUSE_BREAK.search(right_gap):
            found = subject_ending_at(tokens, masked, j, floor)
            if found is None and j > floor:
                found = name_before_place(tokens, masked, j, floor)
            if found is not None:
                candidates.append((found, tokens[j + 1].lower))
                if len(candidates) == 6:
                    break
    if not candidates:
        return None
    opener, after_opener = candidates[-1]
    if (
        len(candidates) > 1
        and opener.kind == "name"
        and after_opener in RELATIVES_AND_APPOSITIONS
        and (after_opener in ("who", "whose") or person_like(opener))
        and opens_clause(tokens, masked, opener, floor)
    ):
        return opener  # "Hendriks, who coached at Braga, said": "who" means a person
    for found, _ in candidates:
        if person_like(found):
            return found
    if len(candidates) == 2 and opener.kind == "description" and candidates[0][0].kind == "name":
        named = candidates[0][0]
        if named.name[:1].isupper():
            # "The UN refugee agency, UNHCR, said", "The refinery's operator, Volganeftegaz,
            # said": the name set beside the description
            return named
    if (
        opener.kind == "description"
        and after_opener in ("a", "an")
        and opener.name.split()[0].lower() in VAGUE_OPENERS
    ):
        # "Another witness, a truck driver who …, said": the apposition says who
        apposed = apposed_description(tokens, masked, opener, last)
        if apposed is not None:
            return apposed
    return opener


def _name_ending_at(tokens: Sequence[Token], masked: str, last: int, floor: int) -> Subject | None:
    """The name of two words or more that ends at token `last`, or None."""
    if not is_name_word(tokens[last]):
        return None
    first = capitalised_run_start(tokens, masked, last, floor)
    if last - first < 1:
        return None
    text = masked[tokens[first].start : tokens[last].end]
    return Subject(text, text, "name", tokens[first].start, tokens[last].end)


def _is_noun(tokens: Sequence[Token], masked: str, i: int, floor: int) -> bool:
    """The reporting word is a noun: "welcomed the remarks", "Kirby's comments", "its growth
    forecast for next year"."""
    if i == floor or boundary(masked, tokens[i - 1], tokens[i]):
        return False
    before = tokens[i - 1]
    if before.lower in NOUN_BEFORE or before.possessive:
        return True
    return (
        i - 1 > floor
        and tokens[i - 2].lower in OWNERS
        and not before.capitalised
        and before.lower not in BETWEEN_SUBJECT_AND_VERB
        and not boundary(masked, tokens[i - 2], before)
    )


def _sentence_end(tokens: Sequence[Token], starts: Sequence[int], sentence: int, verb: int) -> int:
    """Index of the first word after the sentence of the word `verb`; only subjects after the
    verb ("said Becca Wasser", "according to the ministry") need it, so it is found only for
    them."""
    if sentence + 1 >= len(starts):
        return len(tokens)
    return bisect_left(tokens, starts[sentence + 1], verb, key=TOKEN_START)


def find_reports(
    masked: str, tokens: Sequence[Token], starts: Sequence[int], places: Sequence[int] | None
) -> list[Report]:
    """Every reporting verb in the paragraph with its subject, in order. `places` are where
    the paragraph's reading words begin (`sentences_to_read`), when known: a reporting verb
    is a word of a-z bounded by other characters, so only a word that starts at one of them
    can be one, and the other words are not looked up."""
    reports: list[Report] = []
    bounds_of, floor = -1, 0  # the sentence whose first word is known
    for i in range(len(tokens)) if places is None else _words_at(tokens, places):
        token = tokens[i]
        word = token.lower
        if word not in READING_WORDS:
            continue
        according = word == "according"
        if word in NEEDS_NEXT_WORD:  # one test for the common verbs instead of two
            if according and not (i + 1 < len(tokens) and tokens[i + 1].lower == "to"):
                continue
            if word != "according" and not (i + 1 < len(tokens) and tokens[i + 1].lower == "that"):
                continue  # "the court found that …" reports; "MPs were found to have …" does not
        sentence = bisect_right(starts, token.start) - 1  # sentence_index(), without a call
        if sentence < 0:
            sentence = 0
        if sentence != bounds_of:
            # The sentence's first word, found once for all its verbs: it lies between the
            # previous verb's floor and this verb.
            bounds_of = sentence
            floor = bisect_left(tokens, starts[sentence], floor, i, key=TOKEN_START)
        if (
            i > floor
            and tokens[i - 1].lower in BEFORE_AN_ADJECTIVE
            and not boundary(masked, tokens[i - 1], token)
        ):
            continue  # "relied on continued strength", "an emailed response": adjectives
        if according:
            subject = subject_after(
                tokens, masked, i + 1, _sentence_end(tokens, starts, sentence, i)
            )
            reports.append(Report(token.start, tokens[i + 1].end, subject, sentence))
            continue
        if word in NOUN_OR_VERB:
            if (
                ENDS_HERE.match(masked[token.end : tokens[i + 1].start])
                if i + 1 < len(tokens)
                else MASK not in masked[token.end : token.end + 3]
            ):
                continue  # "the team's strategy calls." is a noun; "what she calls “…”" a verb
            if _is_noun(tokens, masked, i, floor) or (
                i + 1 < len(tokens) and tokens[i + 1].lower in AUXILIARIES
            ):
                continue  # "the forward estimates was “an insult”": a noun before its verb
        elif word in PARTICIPLES:
            reports.append(Report(token.start, token.end, None, sentence, participle=True))
            continue
        subject = None
        if (
            i > floor
            and tokens[i - 1].lower in ("and", "but")
            and reports
            and reports[-1].sentence == sentence
            and reports[-1].subject is not None
            and MASK not in masked[tokens[i - 1].end : token.start]
        ):
            # "Ng said the plan was “…”, and called on …": the verbs share their subject.
            reports.append(Report(token.start, token.end, reports[-1].subject, sentence))
            continue
        if word in INVERTING_VERBS and (
            # the verb follows a quotation or a comma directly (`“…,” said X`, `…, said X`)
            i == floor or MASK in (gap := masked[tokens[i - 1].end : token.start]) or "," in gap
        ):
            subject = subject_after(tokens, masked, i, _sentence_end(tokens, starts, sentence, i))
        if subject is None or subject.kind == "description":
            # "Zelensky, who arrives tonight, posted a message": the object is not the subject.
            before = _subject_before(tokens, masked, i, floor)
            if subject is None or (before is not None and before.kind in ("name", "pronoun")):
                subject = before
        if subject is None and (
            word in ("called", "calls", "described", "describes", "reported")
            or word in JUDGING_VERBS
        ):
            continue
        # Report((…)) without the named tuple's Python-level __new__, a call that costs more
        # than building the tuple: one is built for every reporting verb.
        reports.append(new_report((token.start, token.end, subject, sentence, False)))
    return reports


def _words_at(tokens: Sequence[Token], places: Sequence[int]) -> list[int]:
    """The indexes of the tokens that start at the places (sorted offsets), in order, each
    once (a reading word inside a longer one, "say" in "says", starts where that one does)."""
    found: list[int] = []
    low, count = 0, len(tokens)
    for at in places:
        low = bisect_left(tokens, at, low, count, key=TOKEN_START)
        if low < count and tokens[low].start == at and (not found or found[-1] != low):
            found.append(low)
    return found


def looks_past_tense(word: str) -> bool:
    return word.endswith("ed") and len(word) > 4 and not word.endswith(("eed", "hundred"))


def sentence_subject(tokens: Sequence[Token], masked: str, starts: Sequence[int] | None,
                     sentence: int | None, first: int | None = None) -> Subject | None:  # fmt: skip
    """The noun phrase that opens a sentence, for participles with no subject of their own."""
    if first is None and starts is not None:
        first = next(
            (i for i, t in enumerate(tokens) if sentence_index(starts, t.start) == sentence), None
        )
    if first is None or first >= len(tokens):
        return None
    ends = [i for i in range(first, min(first + 15, len(tokens) - 1))
            if PHRASE_BREAK.search(masked[tokens[i].end : tokens[i + 1].start])]  # fmt: skip
    opener = tokens[first]
    if (
        ends
        and (
            # a dateline ("NEW YORK —"), not an acronym opening the subject ("BJP leader X")
            all(t.text.isupper() for t in tokens[first : ends[0] + 1])
            or opener.lower in OPENING_CLAUSE
            or opener.lower.endswith("ing")
            or looks_past_tense(opener.lower)
            or (
                ends[0] - first <= 6  # a short phrase: "Three months on,", not a whole clause
                and any(t.lower in TIME_WORDS for t in tokens[first : ends[0] + 1])
            )
        )
    ):
        first = ends[0] + 1  # past a dateline ("NEW YORK —") or an opening clause ("Asked …,")
        if (
            len(ends) > 1
            and ends[1] + 1 < len(tokens)
            and ends[1] > first
            and all(is_name_word(t) for t in tokens[first : ends[1] + 1])
            and is_name_word(tokens[ends[1] + 1])
        ):
            first = ends[1] + 1  # "In a message to its leader, Muhammad Yunus, Xi Jinping said"
    last = first
    while (
        last + 1 < len(tokens)
        and last - first < 8
        and not boundary(masked, tokens[last], tokens[last + 1])
    ):
        nxt = tokens[last + 1]
        if (
            nxt.lower in BETWEEN_SUBJECT_AND_VERB
            or looks_past_tense(nxt.lower)
            or nxt.lower in COMMON_VERBS
        ):
            break
        if (
            last > first
            and not nxt.capitalised
            and nxt.lower not in CONNECTORS
            and is_name_word(tokens[last])
            and is_name_word(tokens[last - 1])
            and not tokens[last].possessive
            and not tokens[last - 1].possessive
            and _names_person(tokens, masked, last, first)
        ):
            break  # "spokesperson Arjun Mehta hit back": a verb follows a person's name
        last += 1
    subject = subject_ending_at(tokens, masked, last, first)
    if subject is not None and subject.kind == "description":
        named = appositive_name(tokens, masked, last, len(tokens))
        if named is not None:  # "The company's chief, Brent Haskell, wrote": the name
            return Subject(named.text, named.text, "name", named.start, named.end)
    return subject


def _names_person(tokens: Sequence[Token], masked: str, last: int, floor: int) -> bool:
    """The capitalised run ending at token `last` names a person ("Arjun Mehta")."""
    first = capitalised_run_start(tokens, masked, last, floor)
    return person_in_run(" ".join(t.text for t in tokens[first : last + 1])) is not None


def with_then_participle(tokens: Sequence[Token], masked: str, verb_start: int) -> Subject | None:
    """ "…, with some families saying they feel “forgotten”": the phrase after "with" does
    the saying, not the sentence's subject."""
    verb = bisect_left(tokens, verb_start, key=TOKEN_START)
    for j in range(verb - 1, max(-1, verb - 6), -1):
        if boundary(masked, tokens[j], tokens[j + 1]):
            return None
        if tokens[j].lower == "with":
            return subject_ending_at(tokens, masked, verb - 1, j + 1) if j < verb - 1 else None
    return None
