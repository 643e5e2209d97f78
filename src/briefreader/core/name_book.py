"""What an article teaches before anyone is resolved: full names, bodies, titles, acronyms."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import add

from briefreader.core.cast import Cast
from briefreader.core.name_runs import NameRun, several_word_runs
from briefreader.core.names import (
    PLACES,
    ROLE_HEADS,
    TITLES,
    clean_token,
    name_after_domain,
    person_in_run,
    without_post_nominals,
)
from briefreader.core.words import Subject, name_kind

SUBJECT_OF_VERB = re.compile(r"\s+(?:was|is|has|had|says|said|told|added)\b")
# ", Volganeftegaz,": one capitalised word between commas, after the role it is named for.
NAME_BETWEEN_COMMAS = re.compile(r", ([A-Z][\w&-]*+),")
WORD_BEFORE_COMMA = re.compile(r"([a-z]+),$")
COMPANY_ROLES = frozenset(
    """company firm operator owner maker manufacturer carrier retailer lender insurer airline
    utility developer contractor startup parent subsidiary""".split()
)
# What an apposition calls a company ("Crestline, a privately held company"): the roles, less
# those that there tell a relation or a trade rather than a company ("X, the owner of …"), and
# "chain", which names a company after a comma but is no role before one.
APPOSED_COMPANY_WORDS = (
    COMPANY_ROLES - {"owner", "parent", "subsidiary", "utility", "developer", "contractor"}
) | {"chain"}
COMPANY_APPOSITION = re.compile(
    r", (?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(APPOSED_COMPANY_WORDS)) + r")\b"
)
LONE_CAPITALISED = re.compile(r"(?:^|[^\w’'.-] ?|[a-z] )([A-Z][\w&-]*+)$")
# "the Federal Employment Agency (BA)": a short name the article defines, and the body before it
DEFINED_ALIAS = re.compile(r" \(([A-Z][A-Za-z]{1,7})\)")
BODY_BEFORE = re.compile(r"((?:[A-Z][\w’'&-]*+ (?:(?:of|for|and|on|the) )*)*[A-Z][\w’'&-]*+)$")
OWNER_INSIDE = re.compile(r"[A-Z][\w.&-]*[’']s ")
# "Moody's Ratings", "Jefferies’ Lind": an owner, not a first name
POSSESSIVE_INSIDE = re.compile(r"[’']s |s[’'] ")
APPOSITION = re.compile(r",\s+(?:who|a|an|the|\d+)\b")
# After a name, an apposition or a verb saying it is someone's ("Stacy Rasgon, an analyst",
# "Rasgon said"): both read in one match.
NAMED_THEN_TOLD = re.compile(APPOSITION.pattern + "|" + SUBJECT_OF_VERB.pattern)
# "Minister for Coastal Affairs Ifeoma Ross": an office, then its domain, then the holder's name.
OFFICE_BEFORE = re.compile(r"\b([A-Za-z][a-z]+) (?:for|of) $")
DIGITS = frozenset("0123456789")
# How the text before a run ends when OFFICE_BEFORE can match (`$` also matches before a
# final line break).
OFFICE_ENDINGS = (" for ", " of ", " for \n", " of \n")
NO_MORE_SUBJECTS: tuple[float, Sequence[Subject]] = (float("inf"), ())


class NameBook:
    """The article's full names of people and of bodies, learnt in a first pass over it."""

    def __init__(self) -> None:
        self.cast = Cast()
        # first word -> the longest name of a body ("Nimbus" -> "Nimbus Systems")
        self.bodies: dict[str, str] = {}
        # "General Staff" -> "Ukraine's General Staff": bodies the text names with an owner
        self.owned: dict[str, str] = {}
        self.subject_words: set[str] = set()  # lone names that speak ("Trump said")
        self.titled: dict[str, set[str]] = {}  # title word -> people named with it
        # runs that may name people, see below: run -> its words, each run once
        self.maybe_people: dict[str, Sequence[str]] = {}
        self.acronyms: dict[str, str] | None = None  # initials -> body, made when first asked
        self.short_bodies: set[str] = set()  # bodies the article shortens to their first word
        # last word of a group of two words -> the groups ("mps" -> {"Labour MPs"})
        self.groups: dict[str, set[str]] = {}

    def learn_companies(self, text: str) -> None:
        """Companies introduced by a one-word name ("Crestline, a privately held company"), which
        "it" and "the company" may point back to; `text` may be the whole article."""
        before_article, before_capital = _commas(text)
        for match in _matches_at(COMPANY_APPOSITION, text, before_article):
            owner = LONE_CAPITALISED.search(text, max(0, match.start() - 40), match.start())
            if owner:
                self.bodies.setdefault(owner.group(1).lower(), owner.group(1))
        for match in _matches_at(NAME_BETWEEN_COMMAS, text, before_capital):
            # "The refinery's operator, Volganeftegaz, said": a company named beside its role
            role = WORD_BEFORE_COMMA.search(text, max(0, match.start() - 16), match.start() + 1)
            if role is not None and role.group(1) in COMPANY_ROLES:
                self.bodies.setdefault(match.group(1).lower(), match.group(1))
        for match in _defined_aliases(text):
            # "the Independent Parliamentary Standards Authority (Ipsa)", "the Federal Employment
            # Agency (BA)": the short name stands for the body, whatever its letters
            body = BODY_BEFORE.search(text, max(0, match.start() - 90), match.start())
            if body and name_kind(body.group(1).split()) == "organisation":
                self.bodies.setdefault(match.group(1).lower(), body.group(1))

    def learn_article(
        self, paragraphs: Sequence[str], subjects: Sequence[Sequence[Subject]]
    ) -> None:
        """First pass: the masked paragraphs and each one's subjects teach full names and bodies."""
        text = "\n".join(paragraphs)
        # where each next paragraph starts in the text, added up in C
        ends = list(map(add, accumulate(map(len, paragraphs)), count(1)))
        self.learn_companies(text)
        # Only names of two words or more teach a full name or a body's longer name.
        self.learn_names(text, several_word_runs(text), ends, subjects)
        self.learn_people_by_surname(text)

    def learn_names(
        self,
        text: str,
        runs: Sequence[NameRun],
        ends: Sequence[int],
        subjects: Sequence[Sequence[Subject]],
    ) -> None:
        """Every full name the article gives, so "Kirby" can find "John Kirby": from its runs
        of several words in `text` (its paragraphs joined by line breaks, each next one
        starting at `ends`), and from each paragraph's `subjects`, which are learnt after its
        runs and before the next paragraph's, in the order the article gives them."""
        # One loop, not a call per paragraph: only paragraphs with subjects are visited, and
        # the rare rules that must not read past a paragraph find its bounds when they need them.
        later = compress(zip(ends, subjects, strict=True), subjects)
        until, found = next(later, NO_MORE_SUBJECTS)
        for start, end, words in runs:
            while start >= until:  # the run lies past the paragraph of the next subjects
                self._learn_subjects(found)
                until, found = next(later, NO_MORE_SUBJECTS)
            run = " ".join(words)
            # (`office_holder` asks for three words after "for" or "of": most runs are answered
            # without the call)
            person = person_in_run(run) or (
                office_holder(text, start, words, _paragraph_start(ends, start))
                if len(words) > 2 and text.endswith(OFFICE_ENDINGS, 0, start)
                else None
            )
            kind = name_kind(words) if person is None else ""
            if kind == "name" and len(words) > 2 and words[0].lower() in ROLE_HEADS:
                words = words[1:]  # "Keeper Lotte Hendriks" opening a sentence
                run = " ".join(words)
                kind = name_kind(words)
            if kind == "name":
                after_the = start > 3 and text[start - 4 : start].lower() == "the "
                # the search needs an apostrophe, which most runs lack: two finds are cheaper
                owned = (
                    text.find("’", start, end) >= 0 or text.find("'", start, end) >= 0
                ) and POSSESSIVE_INSIDE.search(text, start, end) is not None
                if not after_the and not owned and _named_then_told(text, end, ends):
                    person = run  # "Stacy Rasgon, an analyst"
                elif not after_the and not owned and len(words) <= 4:
                    self.maybe_people[run] = words
            if person and " " in person:  # (names are joined by one space: no split)
                if person not in self.cast.listed:  # adding a recorded name again changes nothing
                    self.cast.add(person)
                if run != person:  # most runs are the name alone
                    self._note_titles(run[: run.rfind(person)].split(), person)
            elif person is None and len(words) > 1:
                # (an owner needs an apostrophe, which most bodies lack: two finds, no match)
                if kind == "organisation" and (
                    text.find("’", start, end) >= 0 or text.find("'", start, end) >= 0
                ):
                    written = text[start:end]
                    owner = OWNER_INSIDE.match(written)
                    if owner is not None:
                        self.owned.setdefault(written[owner.end() :], written)
                key = words[0].lower()
                if key not in PLACES and len(run) > len(self.bodies.get(key, "")):
                    self.bodies[key] = run
                if len(words) == 2 and words[1].endswith("s"):
                    self.groups.setdefault(words[1].lower(), set()).add(run)
        while found:
            self._learn_subjects(found)
            until, found = next(later, NO_MORE_SUBJECTS)

    def _learn_subjects(self, subjects: Sequence[Subject]) -> None:
        """The bodies and people a paragraph's subjects of reporting verbs name."""
        # (the fields unpacked once: each read of a named tuple's field is a lookup and a call)
        for mention, name, kind, _, _ in subjects:
            # Most subjects have one or two words, which name no body: told without the call
            # when one space at most separates words (every other space is unprintable).
            body = _body_named(name) if name.count(" ") > 1 or not name.isprintable() else None
            if body is not None:
                # "the Institute for the Study of War said": "ISW" and "the institute" later
                key, size, full = body
                if size > len(self.bodies.get(key, "").split()):
                    self.bodies[key] = full
                    self.acronyms = None
            if kind == "name":
                self.subject_words.add(name.lower())
                person = self.person_name(name)
                if person and " " in person:  # (names are joined by one space: no split)
                    if person not in self.cast.listed:  # most are the cast's own names
                        self.cast.add(person)
                    # "U.S. District Judge Lorna Schofield": the one judge "a federal judge" means
                    before = mention.lower().split()[:-1]
                    if not TITLES.isdisjoint(before):  # most mentions have no title: no call
                        self._note_titles(before, person)

    def learn_people_by_surname(self, text: str) -> None:
        """Names of unknown first words ("Ekundayo Vance") are people when the article goes
        on to use their last word alone ("Vance said") and never their first word alone,
        which is how it shortens a body's name ("Fjordline Shipping" -> "Fjordline")."""
        if not self.maybe_people:
            return
        # each run once: the same run gives the same counts, and a name added again changes nothing
        for run, words in self.maybe_people.items():
            # with no apostrophe no word has a possessive to drop: all lowered by one call
            lowered = (
                [clean_token(w).lower() for w in words]
                if "’" in run or "'" in run
                else run.lower().split()
            )
            if not PLACES.isdisjoint(lowered):
                continue
            times = text.count(run)
            # counted as text, not as words: a rare false count costs less than splitting
            first, last = text.count(words[0]) > times, text.count(words[-1]) > times
            if last and not first:
                self.cast.add(run)
            elif first and not last:
                self.short_bodies.add(run)  # "Fjordline Shipping", later "Fjordline"
        self.maybe_people = {}

    def _note_titles(self, words: Sequence[str], person: str) -> None:
        for word in words:
            lowered = word.lower()
            if lowered in TITLES and lowered != "the":
                self.titled.setdefault(lowered, set()).add(person)

    def person_name(self, run: str) -> str | None:
        """The person a capitalised run names, as written (titles dropped), or None."""
        person, plain, role_dropped, fallback, key, last = _person_parts(run)
        if plain is None:
            return person
        # `Cast.resolve(plain)` inline, its keys read with the run's parts: no call
        by_word = self.cast.by_word
        resolved: str | None
        if key in by_word:
            resolved = by_word[key]
        else:
            # (`key` and `last` are the words' when there are words: `plain` is not None)
            full = by_word.get(last) if last else None
            resolved = full if full and key and full.lower().endswith(key) else None
        if resolved is None and role_dropped is not None:
            resolved = self.cast.resolve(role_dropped)  # "Keeper Lotte Hendriks"
        if resolved:
            return resolved
        if fallback is not None and plain in self.short_bodies:
            return None  # a body's full name the first pass learnt ("Fjordline Shipping")
        return fallback

    def group(self, word: str) -> str | None:
        """The one group of two words the article names with this plural ("Labour MPs" for
        "the MPs"), or None."""
        groups = self.groups.get(word.lower(), ())
        if len(groups) != 1:
            return None
        (group,) = groups
        return group

    def body_in_full(self, name: str) -> str | None:
        """The body's full name when the article gave it before or after a shorter one
        ("Setouchi Electric" for "Setouchi Electric Power Co."), or None."""
        words = name.split()
        if not words or name_kind(words) == "organisation":
            return None  # "British Museum" is a body's whole name, not "the British Museum Act"
        longer = self.bodies.get(words[0].lower(), "")
        return longer if longer.startswith(name + " ") else None

    def spelled_out(self, word: str) -> str | None:
        """The body an acronym stands for when the article names it in full ("WFP" for "World
        Food Programme"), or None."""
        word = word.replace(".", "")  # "the R.S.F."
        if not (word.isupper() and 2 <= len(word) <= 6 and word.isalpha()):
            return None
        if self.acronyms is None:
            self.acronyms = {}
            for name in self.bodies.values():
                self.acronyms.setdefault(_initials(name), name)
        return self.acronyms.get(word)


@lru_cache(maxsize=4096)
def _initials(name: str) -> str:
    """The initials of a body's capitalised words but "The" ("World Food Programme" -> "WFP");
    the same bodies recur, hence the cache."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() != "the")


@lru_cache(maxsize=4096)
def _body_named(name: str) -> tuple[str, int, str] | None:
    """(first word lowered, words, name without "the") of a subject of three words or more
    that names a body, not led by a place; else None. Cached: subjects recur."""
    words = strip_the(name).split()
    if (
        len(words) > 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and name_kind(words) == "organisation"
        and words[0].lower() not in PLACES
    ):
        return words[0].lower(), len(words), " ".join(words)
    return None


PersonParts = tuple[str | None, str | None, str | None, str | None, str | None, str | None]
NO_PERSON_PARTS: PersonParts = (None, None, None, None, None, None)


@lru_cache(maxsize=4096)
def _person_parts(run: str) -> PersonParts:
    """What `NameBook.person_name` learns from the run alone: (the person its rules find, or
    None; with no person, the words to look up in the cast, those words without a role noun in
    front, the name to give when the cast knows neither, and the keys `Cast.resolve` reads for
    the words: lowered, and their last word lowered). No words to look up means no
    person. Articles name the same people again and again, hence the cache."""
    person = person_in_run(run)
    if person:
        return person, None, None, None, None, None
    words = [w for w in run.split() if w.lower() not in TITLES]
    if not words or name_kind(words) == "organisation":
        return NO_PERSON_PARTS
    # an ASCII run has a digit only if it has one of 0-9, which is found without a loop
    if not DIGITS.isdisjoint(run) if run.isascii() else any(c.isdigit() for c in run):
        return NO_PERSON_PARTS  # "B1 German", "Neighborhood 27": no one's name has digits
    # (with no apostrophe no word has a possessive to drop: the words lowered in C)
    if not PLACES.isdisjoint(
        [clean_token(w).lower() for w in words]
        if "’" in run or "'" in run
        else map(str.lower, words)
    ):
        return NO_PERSON_PARTS
    plain = " ".join(words)
    role_dropped = (
        " ".join(words[1:]) if len(words) > 2 and words[0].lower() in ROLE_HEADS else None
    )
    # two words keep both: only longer names may lose letters after them
    fallback = plain if len(words) == 2 else without_post_nominals(plain) if words[2:] else None
    return None, plain, role_dropped, fallback, plain.lower(), words[-1].lower()


def _commas(text: str) -> tuple[list[int], list[int]]:
    """Where each ", " in the text starts, found from each comma: a search for one character
    skips ahead several times quicker than the regex engine's scan for two. Those before "a"
    or "t" come first, those before a capital second: COMPANY_APPOSITION can match only at the
    former and NAME_BETWEEN_COMMAS only at the latter, so neither is tried at other commas."""
    before_article, before_capital = [], []
    at = text.find(",")
    while at >= 0:
        # the space and the letter after the comma in one slice, read by comparisons
        after = text[at + 1 : at + 3]
        if " A" <= after <= " Z":
            before_capital.append(at)
        elif after == " a" or after == " t":
            before_article.append(at)
        at = text.find(",", at + 1)
    return before_article, before_capital


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches of a pattern that starts with ", " in the text, the same as its `finditer`
    gives, tried only where the text has one (`starts`); none starts inside the one before."""
    reached = 0
    for start in starts:
        if start >= reached:
            match = pattern.match(text, start)
            if match is not None:
                reached = match.end()
                yield match


def _defined_aliases(text: str) -> Iterator[re.Match[str]]:
    """The matches of DEFINED_ALIAS in the text, the same as its `finditer` gives: found from
    each "(" (a search for one character skips ahead several times quicker than the regex
    engine's scan for " (")."""
    at = text.find("(")
    while at >= 0:
        if at and text[at - 1] == " ":
            match = DEFINED_ALIAS.match(text, at - 1)
            if match is not None:
                yield match
        at = text.find("(", at + 1)


def office_holder(masked: str, start: int, words: Sequence[str], begin: int = 0) -> str | None:
    """The holder's name in a run that follows "Minister for", "Secretary of", or None; the
    paragraph the run is in starts at `begin`."""
    # Most runs are too short or follow no "for"/"of": answered without the regex search.
    if len(words) < 3 or not masked.endswith(OFFICE_ENDINGS, begin, start):
        return None
    office = OFFICE_BEFORE.search(masked, max(begin, start - 24), start)
    if office is None or office.group(1).lower() not in TITLES:
        return None
    return name_after_domain([clean_token(w) for w in words])


def _paragraph_start(ends: Sequence[int], at: int) -> int:
    """Where the paragraph with the offset starts, each next one starting at `ends`."""
    index = bisect_right(ends, at)
    return ends[index - 1] if index else 0


def _named_then_told(text: str, end: int, ends: Sequence[int]) -> bool:
    """NAMED_THEN_TOLD matches at the end of a run, in its paragraph (each next one starting
    at `ends`): the text is matched whole, and only a match that reaches a line break is
    tried again up to the paragraph's end, which few runs need."""
    told = NAMED_THEN_TOLD.match(text, end)
    if told is not None and "\n" in told.group():
        told = NAMED_THEN_TOLD.match(text, end, ends[bisect_right(ends, end)] - 1)
    return told is not None


def strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name
