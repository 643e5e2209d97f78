"""Turning how a text names a speaker ("Kirby", "she", "the company") into the fullest name."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefreader.core.name_runs import NameRun
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
SUBJECT_OF_VERB = re.compile(r"\s+(?:was|is|has|had|says|said|told|added)\b")
DOCUMENT_FROM = re.compile(
    r"(?:a|an|the|its|his|her|their) (?:\w+ )?(?:statement|report|post|filing|letter|transcript|"
    r"release|memo|email|message|tweet|video|announcement) (?:from|by|of|on behalf of) (.+)$"
)
# A description that runs on past its own reporting verb: "the X Association said in a statement".
SPEAKER_THEN_VERB = re.compile(
    r"^(the (?:[A-Z][\w’'&.-]*+ )*?[A-Z][\w’'&.-]*+) (?:said|says|told|wrote|added|stated|announced)\b"
)
DOCUMENT_OF = re.compile(
    r"^([A-Z][\w.-]*+(?: [A-Z][\w.-]*+)*)[’'] ?s? (?:\w+ )?(?:statement|reply|response|letter|post|"
    r"email|memo|message|filing|report|tweet|note|announcement)$"
)
HONORIFIC_ALONE = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Madam)\.? [A-Z][\w-]*$")
BUSINESS_HEADS = frozenset(
    "company firm retailer maker manufacturer carrier startup insurer lender airline".split()
)
# Words of government and public bodies, which "the company" never means.
PUBLIC_BODY_WORDS = frozenset(
    """department ministry government council commission agency authority office court police
    house parliament congress senate administration committee union association""".split()
)
COMPANY_APPOSITION = re.compile(
    r", (?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:company|firm|retailer|maker|manufacturer|"
    r"carrier|startup|insurer|lender|airline|chain|operator)\b"
)
LONE_CAPITALISED = re.compile(r"(?:^|[^\w’'.-] ?|[a-z] )([A-Z][\w&-]*+)$")
POSSESSIVE_INSIDE = re.compile(r"[’']s ")  # "Moody's Ratings": an owner, not a first name
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
APPOSITION = re.compile(r",\s+(?:who|a|an|the|\d+)\b")
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


# What `SpeakerBook.remember` reads of a paragraph: masked text, sentence starts, runs, subjects.
Recollection = tuple[str, Sequence[int], Sequence[NameRun], Sequence[Subject]]


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
        # Paragraphs not yet remembered, in order: most articles never ask for a pronoun's
        # antecedent, so where people are named is only worked out when something asks.
        self.unread: Sequence[Callable[[], Recollection] | None] = ()
        self.next_unread = 0

    def learn_companies(self, text: str) -> None:
        """Companies introduced by a one-word name ("Crestline, a privately held company"), which
        "it" and "the company" may point back to; `text` may be the whole article."""
        for match in COMPANY_APPOSITION.finditer(text):
            owner = LONE_CAPITALISED.search(text, max(0, match.start() - 40), match.start())
            if owner:
                self.bodies.setdefault(owner.group(1).lower(), owner.group(1))

    def learn_names(
        self, masked: str, runs: Sequence[NameRun], subjects: Sequence[Subject] = ()
    ) -> None:
        """First pass: every full name the paragraph gives, so "Kirby" can find "John Kirby"."""
        for start, end, words in runs:
            if len(words) < 2:
                continue  # one word is never a full name
            run = " ".join(words)
            person = person_in_run(run)
            if person is None and len(words) > 1 and name_kind(words) == "name":
                after_the = masked[max(0, start - 4) : start].lower() == "the "
                owned = POSSESSIVE_INSIDE.search(masked, start, end) is not None
                if (
                    not after_the
                    and not owned
                    and (APPOSITION.match(masked, end) or SUBJECT_OF_VERB.match(masked, end))
                ):
                    person = run  # "Stacy Rasgon, an analyst"
            if person and len(person.split()) > 1:
                self.cast.add(person)
                self._note_titles(run[: run.rfind(person)].split(), person)
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
                    self._note_titles(subject.mention.split()[:-1], person)

    def _note_titles(self, words: Sequence[str], person: str) -> None:
        for word in words:
            lowered = word.lower()
            if lowered in TITLES and lowered != "the":
                self.titled.setdefault(lowered, set()).add(person)

    def role_holder(self, role: Sequence[str], paragraph: int, offset: int) -> str | None:
        """The person an article gave a role ("Finance Minister Nirmala Sitharaman") whom a
        later "the Finance Minister" means: the only one, else the one named most recently."""
        holders: set[str] | None = None
        for word in role:
            lowered = word.lower()
            if lowered in TITLES and lowered != "the":
                named = self.titled.get(lowered, set())
                holders = named if holders is None else holders & named
        if not holders:
            return None
        if len(holders) == 1:
            (holder,) = holders
            return self.cast.resolve(holder) or holder
        resolved = {self.cast.resolve(h) or h for h in holders}
        for mention in reversed(self._earlier(paragraph, offset)):
            if mention.name in resolved:
                return mention.name
        return None

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

    def remember_later(self, paragraphs: Sequence[Callable[[], Recollection] | None]) -> None:
        """Paragraphs to remember when first needed (None: one with nothing to remember); all
        names must be learnt first, since `remember` resolves against them."""
        self.unread = paragraphs
        self.next_unread = 0

    def mentions(self, paragraph: int) -> list[Mention]:
        """Who the paragraph names, remembering it and every paragraph before it first."""
        while self.next_unread <= paragraph and self.next_unread < len(self.unread):
            index = self.next_unread
            self.next_unread += 1  # a description in it looks back without remembering it again
            recall = self.unread[index]
            if recall is not None:
                self.remember(index, *recall())
        return self.by_paragraph.get(paragraph, [])

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
                if not possessive and not object_of:  # "For Hill End grazier Will Tremain"
                    seen.add(sentence)
                found.append(Mention(paragraph, offset, full, gender_of(full), salient))
            elif name_kind(words) == "organisation":
                found.append(Mention(paragraph, offset, strip_the(run), "o", is_subject))
            elif len(words) == 1 and words[0].lower() in self.bodies:
                # "Halvorsen" after "Halvorsen Foods": the body, which "it" can point back to
                body = self.bodies[words[0].lower()]
                found.append(Mention(paragraph, offset, body, "o", is_subject))
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
        words = subject.name.split()
        if (
            words[-1].lower() in TITLES
            and len(words) <= 3
            and not any(self.cast.resolve(w) for w in words)
        ):  # "the Finance Minister said", "the Trade Minister said"
            holder = self.role_holder(words, paragraph, subject.start)
            if holder:
                return holder
        if HONORIFIC_ALONE.match(subject.name):
            # "Mr He" for "He Ruiqing": a family name written first.
            family = subject.name.split()[-1]
            for known in self.cast.people:
                if known.split()[0] == family and len(known.split()) > 1:
                    return known
        person = self.person_name(subject.name)
        if person:
            return self.cast.resolve(person) or person
        resolved = self.cast.resolve(subject.name)
        if resolved is None and " " not in subject.name.strip():
            resolved = self.bodies.get(subject.name.strip().lower())  # "Nimbus" -> "Nimbus Systems"
        if (
            resolved is None
            and " " not in subject.name
            and subject.mention.endswith(" " + subject.name)
        ):
            # "Moody's Ratings": a lone word after a possessive that is no place ("Nigeria's")
            # is a body's name that holds the possessive.
            owner = subject.mention[: -len(subject.name) - 1]
            if (
                " " not in owner
                and owner.endswith(("’s", "'s"))
                and owner[:1].isupper()
                and clean_token(owner).lower() not in PLACES
            ):
                return subject.mention
        return resolved or strip_the(subject.name)

    def _described(self, subject: Subject, paragraph: int) -> str:
        said = SPEAKER_THEN_VERB.match(subject.name)
        if said and said.group(1)[4:5].isupper():
            # "the Eastgate Neighborhood Association said in a statement posted …": the body
            # before the reporting verb speaks, not the document after it.
            body = strip_the(said.group(1))
            return self.cast.resolve(body) or body
        if subject.name.split()[-1][:1].isupper():
            # "the Opposition in the Lok Sabha Rahul Gandhi": a long title ending in a name.
            person = person_in_run(subject.name)
            if person and len(person.split()) > 1:
                return self.cast.resolve(person) or person
        owner = DOCUMENT_OF.match(subject.name)
        if owner:
            # "Haskell's reply said": the writer of the reply speaks.
            writer = self.person_name(owner.group(1)) or owner.group(1)
            return self.cast.resolve(writer) or self.bodies.get(writer.lower()) or writer
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
        if words[0].lower() in ("the", "its") and (
            len(words) <= 3 or (len(words) == 4 and head in TITLES)  # "the senior Congress leader"
        ):
            if BACK_REFERENCE.match(subject.name) or head in TITLES:
                found = self.antecedent("they", paragraph, subject.start, kinds=("muf", ""))
                if found:
                    return found
            earlier = self._earlier(paragraph, subject.start)
            for mention in reversed(earlier):
                if mention.head == head and mention.name != subject.name:
                    return mention.name  # "the diplomat" after "a senior European diplomat"
            if head in BUSINESS_HEADS and len(words) == 2:
                found = self.main_business(paragraph)  # the company the article is about
                if found:
                    return found
            if head in ORG_HEADS and len(words) == 2:
                found = self.antecedent("it", paragraph, subject.start)
                if found:
                    return found
        return subject.name

    def main_business(self, paragraph: int) -> str | None:
        """The organisation named most often up to the paragraph, not counting public bodies,
        when it is named at least three times: "the company" in a story about one firm."""
        self.mentions(paragraph)
        counts: dict[str, int] = {}
        for index in range(paragraph + 1):
            for mention in self.by_paragraph.get(index, ()):
                if mention.kind == "o" and not PUBLIC_BODY_WORDS.intersection(
                    mention.name.lower().split()
                ):
                    counts[mention.name] = counts.get(mention.name, 0) + 1
        if not counts:
            return None
        name, count = max(counts.items(), key=lambda item: item[1])
        return name if count >= 3 else None

    def _earlier(self, paragraph: int, offset: int) -> list[Mention]:
        here = self.mentions(paragraph)
        found = [
            m for p in range(max(0, paragraph - 6), paragraph) for m in self.by_paragraph.get(p, ())
        ]
        return found + [m for m in here if m.offset < offset]

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
