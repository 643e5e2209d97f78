"""Turning how a text names a speaker ("Kirby", "she", "the company") into the fullest name."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefreader.core.names import (
    ORG_WORDS,
    PLACES,
    TITLES,
    Cast,
    clean_token,
    first_names,
    gender_of,
    person_in_run,
)
from briefreader.core.noun_phrases import (
    ABBREVIATIONS,
    DAYS,
    FUNCTION_CAPITALS,
    PREPOSITIONS,
    Subject,
    name_kind,
)

ORG_HEADS = frozenset(
    """company firm group ministry agency bank department government administration airline
    club team organisation organization council commission embassy office party union
    authority board regulator court retailer carrier manufacturer maker startup insurer
    police military army navy kremlin white house lender network campaign charity channel
    newspaper website fund trust""".split()
)
FEMALE_HEADS = frozenset(
    "businesswoman spokeswoman woman mother wife daughter sister grandmother widow girl chairwoman".split()
)
MALE_HEADS = frozenset(
    "businessman fisherman spokesman man father husband son brother grandfather widower boy chairman".split()
)
# Descriptions that point back at someone already named: "the 28-year-old", "the Dutchman".
BACK_REFERENCE = re.compile(
    r"^the (?:\d+-year-old|[A-Z]\w+(?:man|woman)|[A-Z]\w+(?:an|ish|ese|i|ch))$"
)
_PARTICLE = r"(?:von|van|der|den|de|da|del|della|di|du|dos|das|le|la|al|bin|ibn|ter)"
# The capital comes first and the look-behind after it (a capital not preceded by a word
# character) so that the regex engine can skip ahead to capitals instead of trying every offset.
_RUN = rf"[A-Z](?<![\w’'.-][A-Z])[\w’'.-]*(?:(?:[ \u00a0]+{_PARTICLE})*[ \u00a0]+[A-Z][\w’'.-]*)"
CAPITALISED = re.compile(_RUN + "*")
# The same runs, skipping those of one word: the same matches as CAPITALISED's longer ones.
CAPITALISED_SEVERAL = re.compile(_RUN + "+")
WORD_IN_RUN = re.compile(r"\S+")
SUBJECT_OF_VERB = re.compile(r"\s+(?:was|is|has|had|says|said|told|added)\b")
DOCUMENT_FROM = re.compile(
    r"(?:a|an|the|its|his|her|their) (?:\w+ )?(?:statement|report|post|filing|letter|transcript|"
    r"release|memo|email|message|tweet|video|announcement) (?:from|by|of|on behalf of) (.+)$"
)
PERSON_HEADS = frozenset(
    """man woman businessman businesswoman driver nurse doctor teacher resident official
    spokesman spokeswoman spokesperson father mother husband wife son daughter boy girl worker
    farmer soldier officer student patient victim witness owner passenger pensioner shopkeeper
    manager mayor engineer pilot survivor volunteer mechanic fisherman widow priest lawyer
    commuter traveller traveler veteran activist""".split()
)
# "The businessman finds his cabin": a described person opening a sentence.
DESCRIBED_PERSON = re.compile(r"(?:The|A|An|One|Another)(?: [a-z-]+){1,3}")
WORD_BEFORE = re.compile(r"(\w++)\s*+$")  # possessive: no backtracking on a miss
APPOSITION = re.compile(r",\s+(?:who|a|an|the|\d)\b")
# Who a pronoun may stand for, best first: m/f/u people, o organisations, n names of unknown kind,
# d described people.
PRONOUN_TARGETS = {
    "he": ("mud", "n"),
    "she": ("fud", "n"),
    "it": ("o", "nu"),
    "they": ("od", "n"),
    "we": ("o", "n"),
}


@dataclass(frozen=True, slots=True)
class Mention:
    """Someone named at a place in the article, remembered for resolving he, she and it."""

    paragraph: int
    offset: int
    name: str
    kind: str  # one letter, see PRONOUN_TARGETS
    salient: bool  # the subject of a reporting verb or the first person named in a sentence
    head: str = ""  # for descriptions: the noun that names the role ("diplomat")


def description_head(description: str) -> str:
    """The role noun of a description: "a senior European diplomat" -> "diplomat"."""
    words = description.split()
    for i, word in enumerate(words):
        if word.lower() in PREPOSITIONS or word.lower().endswith("ing") and i > 1:
            words = words[:i]
            break
    return clean_token(words[-1]).lower() if words else ""


def description_kind(head: str) -> str:
    if head in ORG_HEADS:
        return "o"
    if head in FEMALE_HEADS:
        return "f"
    if head in MALE_HEADS:
        return "m"
    return "d"


NameRun = tuple[int, int, list[str]]  # start, end, words


def name_runs(masked: str, *, several_words: bool = False) -> list[NameRun]:
    """(start, end, words) of each run of capitalised words, without the function words that
    open sentences ("But", "The"); a full stop ends a run unless it ends an abbreviation;
    "He Jianxiong" stays a name. `several_words` keeps only runs of two words or more."""
    if several_words:
        return [run for run in _runs(masked, CAPITALISED_SEVERAL) if len(run[2]) > 1]
    return _runs(masked, CAPITALISED)


def _runs(masked: str, pattern: re.Pattern[str]) -> list[NameRun]:
    found: list[NameRun] = []
    for match in pattern.finditer(masked):
        text = match.group()
        if " " not in text and "\u00a0" not in text:  # most runs are one word: the quick way
            single = _single_word_run(text)
            if single is not None:
                at = match.start()
                found.append((at, at + single[0], [single[1]]))
            continue
        parts: list[tuple[int, int, str]] = []
        for word in WORD_IN_RUN.finditer(masked, match.start(), match.end()):
            text = word.group()
            stop = (
                text.endswith(".")
                and len(text) > 2
                and "." not in text[:-1]
                and (text.lower() not in ABBREVIATIONS)
            )
            parts.append((word.start(), word.end() - stop, text[:-1] if stop else text))
            if stop:
                found.extend(_trimmed(parts))
                parts = []
        found.extend(_trimmed(parts))
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


def _trimmed(parts: list[tuple[int, int, str]]) -> Iterator[NameRun]:
    while (
        parts
        and (parts[0][2].lower() in FUNCTION_CAPITALS or parts[0][2].lower() in DAYS)
        and not (parts[0][2] == "He" and len(parts) > 1)
    ):
        parts = parts[1:]
    while parts and parts[-1][2].lower() in DAYS:
        parts = parts[:-1]
    if parts:
        yield parts[0][0], parts[-1][1], [clean_token(p[2]) for p in parts]


class SpeakerBook:
    """The article's people and organisations, in the order the text names them."""

    def __init__(self) -> None:
        self.cast = Cast()
        self.by_paragraph: dict[int, list[Mention]] = {}
        # first word -> the longest name of a body ("Nimbus" -> "Nimbus Systems")
        self.bodies: dict[str, str] = {}
        self.subject_words: set[str] = set()  # lone names that speak ("Trump said")
        self.titled: dict[str, set[str]] = {}  # title word -> people named with it
        # who each capitalised run names, once every name of the article is learnt
        self.people_by_run: dict[str, str | None] = {}

    def learn_names(
        self, masked: str, runs: Sequence[NameRun], subjects: Sequence[Subject] = ()
    ) -> None:
        """First pass: every full name the paragraph gives, so "Kirby" can find "John Kirby"."""
        for start, end, words in runs:
            if len(words) < 2:
                continue  # one word is never a full name nor a body's longer name
            run = " ".join(words)
            person = person_in_run(run)
            if person is None and len(words) > 1 and name_kind(words) == "name":
                after_the = masked[max(0, start - 4) : start].lower() == "the "
                if not after_the and (
                    APPOSITION.match(masked, end) or SUBJECT_OF_VERB.match(masked, end)
                ):
                    person = run  # "Stacy Rasgon, an analyst"
            if person and len(person.split()) > 1:
                self.cast.add(person)
            elif person is None and len(words) > 1:
                key = words[0].lower()
                if key not in PLACES and len(run) > len(self.bodies.get(key, "")):
                    self.bodies[key] = run
        for subject in subjects:
            if subject.kind == "name":
                self.subject_words.add(subject.name.lower())
                person = self.person_name(subject.name)
                if person and len(person.split()) > 1:
                    self.cast.add(person)
                    # "U.S. District Judge Lorna Schofield": the one judge "a federal judge" means
                    for word in subject.mention.lower().split()[:-1]:
                        if word in TITLES and word != "the":
                            self.titled.setdefault(word, set()).add(person)

    def person_name(self, run: str) -> str | None:
        """The person a capitalised run names, as written (titles dropped), or None."""
        person = person_in_run(run)
        if person:
            return person
        words = [w for w in run.split() if w.lower() not in TITLES]
        if not words or name_kind(words) == "organisation":
            return None
        if any(clean_token(w).lower() in PLACES for w in words):
            return None
        resolved = self.cast.resolve(" ".join(words))
        if resolved:
            return resolved
        return " ".join(words) if len(words) > 1 else None

    def remember(self, paragraph: int, masked: str, starts: Sequence[int], runs: Sequence[NameRun],
                 subjects: Sequence[Subject] = ()) -> None:  # fmt: skip
        """Second pass: where each person and organisation is named, for pronouns later on."""
        named = [s for s in subjects if s.kind == "name"]
        seen: set[int] = set()
        found: list[Mention] = []
        for offset, end, words in runs:
            if len(words) == 1 and not self._worth_remembering(words[0]):
                continue
            run = " ".join(words)
            is_subject = bool(named) and any(s.start <= end - 1 < s.end for s in named)
            if run not in self.people_by_run:
                self.people_by_run[run] = self.person_name(run) or self.cast.resolve(run)
            person = self.people_by_run[run]
            sentence = bisect_right(starts, offset)
            if person is None and len(words) == 1 and words[0].lower() in first_names():
                if offset not in starts or re.match(r",\s*\d", masked[end : end + 5]):
                    person = run  # "Halyna, 71, who would give only her first name"
            word_before = ""  # only people need it, and most runs are not people
            if person:
                before = WORD_BEFORE.search(masked, max(0, offset - 24), offset)
                word_before = before.group(1).lower() if before is not None else ""
                if word_before == "the" and len(words) > 1 and not self.cast.lists(run):
                    person = None  # "the River Leam", "the National Lottery": places and bodies
                    found.append(Mention(paragraph, offset, run, "o", is_subject))
            if person:
                full = self.cast.resolve(person) or person
                object_of = word_before in PREPOSITIONS
                possessive = masked.endswith(("’s", "'s"), 0, end)
                salient = is_subject or (sentence not in seen and not possessive and not object_of)
                if not possessive:
                    seen.add(sentence)
                found.append(Mention(paragraph, offset, full, gender_of(full), salient))
            elif name_kind(words) == "organisation":
                found.append(Mention(paragraph, offset, strip_the(run), "o", is_subject))
            elif is_subject:
                found.append(Mention(paragraph, offset, strip_the(run), "n", True))
        for subject in subjects:
            if subject.kind == "description":
                head = description_head(subject.name)
                name = self.speaker(subject, paragraph)
                found.append(
                    Mention(
                        paragraph,
                        subject.start,
                        name or subject.name,
                        description_kind(head),
                        True,
                        head,
                    )
                )
        taken = {m.offset for m in found}
        # Only sentence openers count, and none of these phrases can run over a sentence start,
        # so matching at each start finds what a scan of the whole paragraph would.
        for at in sorted(set(starts)):
            match = DESCRIBED_PERSON.match(masked, at)
            if match is None or at in taken:
                continue
            words = match.group().split()
            heads = [i for i, word in enumerate(words[1:], 1) if word in PERSON_HEADS]
            if heads:
                phrase = " ".join(words[: heads[0] + 1])
                phrase = phrase[:1].lower() + phrase[1:]
                kind = description_kind(words[heads[0]])
                found.append(Mention(paragraph, at, phrase, kind, True, words[heads[0]]))
        found.sort(key=lambda m: m.offset)
        self.by_paragraph.setdefault(paragraph, []).extend(found)

    def _worth_remembering(self, word: str) -> bool:
        """A lone capitalised word counts when it is a known surname or first name, or a body."""
        lowered = word.lower()
        return (
            lowered in self.cast.by_word
            or lowered in first_names()
            or lowered.rstrip(".") in ORG_WORDS
            or lowered in self.bodies
            or (word.isupper() and len(word) > 1)
            or lowered in self.subject_words
        )

    def speaker(self, subject: Subject, paragraph: int) -> str | None:
        """The fullest name for a subject at a place in the article."""
        if subject.kind == "pronoun":
            return self.antecedent(subject.name, paragraph, subject.start)
        if subject.kind == "description":
            return self._described(subject, paragraph)
        person = self.person_name(subject.name)
        if person:
            return self.cast.resolve(person) or person
        resolved = self.cast.resolve(subject.name)
        if resolved is None and " " not in subject.name.strip():
            resolved = self.bodies.get(subject.name.strip().lower())  # "Nimbus" -> "Nimbus Systems"
        return resolved or strip_the(subject.name)

    def _described(self, subject: Subject, paragraph: int) -> str:
        source = DOCUMENT_FROM.match(subject.name)
        if source:
            # "according to a statement from the ministry": the ministry speaks.
            rest = source.group(1)
            if rest[:1].isupper() or rest.lower().startswith("the "):
                return strip_the(rest) if rest[4:5].isupper() else rest
        words = subject.name.split()
        head = description_head(subject.name)
        holders = self.titled.get(head, set())
        if words[0].lower() in ("a", "an") and len(words) <= 4 and len(holders) == 1:
            (holder,) = holders
            return self.cast.resolve(holder) or holder
        if words[0].lower() in ("the", "its") and len(words) <= 3:
            if BACK_REFERENCE.match(subject.name) or head in TITLES:
                found = self.antecedent("they", paragraph, subject.start, kinds=("muf", ""))
                if found:
                    return found
            earlier = self._earlier(paragraph, subject.start)
            for mention in reversed(earlier):
                if mention.head == head and mention.name != subject.name:
                    return mention.name  # "the diplomat" after "a senior European diplomat"
            if head in ORG_HEADS and len(words) == 2:
                found = self.antecedent("it", paragraph, subject.start)
                if found:
                    return found
        return subject.name

    def _earlier(self, paragraph: int, offset: int) -> list[Mention]:
        found = [
            m for p in range(max(0, paragraph - 6), paragraph) for m in self.by_paragraph.get(p, ())
        ]
        return found + [m for m in self.by_paragraph.get(paragraph, ()) if m.offset < offset]

    def antecedent(self, pronoun: str, paragraph: int, offset: int,
                   kinds: tuple[str, str] | None = None) -> str | None:  # fmt: skip
        """The person (he, she) or organisation (it) a pronoun most likely points back to."""
        primary, fallback = kinds or PRONOUN_TARGETS.get(pronoun, ("mfud", "n"))
        earlier = self._earlier(paragraph, offset)
        exact = {"he": "m", "she": "f"}.get(pronoun, "")
        # Best first, in this paragraph: someone of the pronoun's gender the text puts forward,
        # anyone put forward who may fit, anyone of that gender; then the paragraphs before.
        passes = (
            (exact, True, 0),
            (primary, True, 0),
            (exact, False, 0),
            (primary, True, 6),
            (fallback, True, 6),
            (primary, False, 6),
            (fallback, False, 6),
        )
        for wanted, only_salient, reach in passes:
            for mention in reversed(earlier):
                if paragraph - mention.paragraph > reach:
                    break
                if wanted and mention.kind in wanted and (mention.salient or not only_salient):
                    return mention.name
        return None


def strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name
