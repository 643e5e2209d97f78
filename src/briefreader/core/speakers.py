"""Turning how a text names a speaker ("Kirby", "she", "the company") into the fullest name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter

from briefreader.core.described_speakers import GIVEN_NAME_REACH, described, document_sender
from briefreader.core.descriptions import (
    DOCUMENT_HEADS,
    description_head,
    description_kind,
    points_back,
)
from briefreader.core.mentions import HONORIFIC_GENDER, Mention, described_openers, named_mentions
from briefreader.core.name_book import strip_the
from briefreader.core.name_runs import NameRun
from briefreader.core.names import (
    PLACES,
    TITLES,
    clean_token,
    gender_of,
)
from briefreader.core.paragraph_memory import ParagraphMemory
from briefreader.core.words import Subject, name_kind

BY_OFFSET = attrgetter("offset")  # a sort key called from C, quicker than a lambda

HONORIFIC_ALONE = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Madam)\.? [A-Z][\w-]*$")
# "The businessman finds his cabin": a described person opening a sentence.
# The owner a body's name opens with: "Russia's", "the Hamilton County Prosecutor's".
OWNER = re.compile(r"(?:[Tt]he )?((?:[A-Z][\w.&-]*[ \u00a0])*[A-Z][\w.&-]*[’']s) ")
# Titles written another way before a name, which a later "the judge" or "the senator" means.
SAME_TITLE = {
    "judge": ("justice",),
    "justice": ("judge",),
    "senator": ("sen", "sen."),
    "governor": ("gov", "gov."),
    "representative": ("rep", "rep."),
    "professor": ("prof", "prof."),
}
# Who a pronoun may stand for, best first: m/f/u people, o organisations, n names of unknown kind,
# d described people (x: documents and roles, which no pronoun stands for).
PRONOUN_TARGETS = {
    "he": ("mud", "n"),
    "she": ("fud", "n"),
    "it": ("o", "nu"),
    "they": ("od", "n"),
    "we": ("o", "n"),
}

PRONOUN_GENDER = {"he": "m", "she": "f"}  # made once, not a dictionary each call


class SpeakerBook(ParagraphMemory):
    """The article's people and organisations, in the order the text names them."""

    def __init__(self) -> None:
        super().__init__()
        self.genders: dict[str, str] = {}  # people an honorific told us the gender of
        # who each capitalised run names, once every name of the article is learnt
        self.people_by_run: dict[str, str | None] = {}
        self.person_genders: dict[str, tuple[str, str]] = {}  # person -> fullest name, gender
        # paragraph -> (sentence start, offset, name, gender) of the names clauses give to
        # described people ("a medic who goes by the call sign “Lastivka”")
        self.given_names: dict[int, list[tuple[int, int, str, str]]] = {}

    def learn_given_name(self, paragraph: int, sentence: int, at: int, name: str,
                         gender: str) -> None:  # fmt: skip
        self.given_names.setdefault(paragraph, []).append((sentence, at, name, gender))
        self.cast.add(name)
        if gender:
            self.genders[name] = gender

    def given_name(self, paragraph: int, offset: int) -> str | None:
        """The name the clause after a description at `offset` gives the person, if any."""
        for sentence, at, name, _ in self.given_names.get(paragraph, ()):
            if sentence <= offset < at <= offset + GIVEN_NAME_REACH:
                return name
        return None

    def role_holder(self, role: Sequence[str], paragraph: int, offset: int) -> str | None:
        """The person an article gave a role ("Finance Minister Nirmala Sitharaman") whom a
        later "the Finance Minister" means: the only one, else the one named most recently."""
        holders: set[str] | None = None
        for word in role:
            lowered = word.lower()
            if lowered in TITLES and lowered != "the":
                named = self.titled.get(lowered, set())
                for same in SAME_TITLE.get(lowered, ()):  # "the judge" for "Justice Sen"
                    named = named | self.titled.get(same, set())
                holders = named if holders is None else holders & named
        if not holders:
            return None
        if len(holders) == 1:
            (holder,) = holders
            return self.cast.resolve(holder) or holder
        resolved = {self.cast.resolve(h) or h for h in holders}
        for mention in reversed(self.earlier_mentions(paragraph, offset)):
            if mention.name in resolved:
                return mention.name
        return None

    def remember(self, paragraph: int, masked: str, starts: Sequence[int], runs: Sequence[NameRun],
                 subjects: Sequence[Subject] = ()) -> None:  # fmt: skip
        """Second pass: where each person and organisation is named, for pronouns later on."""
        found = named_mentions(self, paragraph, masked, starts, runs, subjects)
        described_at: set[int] = set()
        for subject in subjects:
            if subject.kind == "description":
                if not described_at:
                    # "The union said" may point back at a body named earlier in this very
                    # paragraph (a copy, made only for paragraphs with a description)
                    self.by_paragraph[paragraph] = sorted(found, key=BY_OFFSET)
                described_at.add(subject.start)
                head = description_head(subject.name)
                name = self.speaker(subject, paragraph) or subject.name
                kind = "x" if head in DOCUMENT_HEADS else description_kind(head)
                described = Mention(paragraph, subject.start, name, kind, True, head)
                found.append(described)
                self.heads.setdefault(head, []).append(described)  # for the next in the paragraph
        # the sets below are only made when something is to be checked against them
        openers = described_openers(self, paragraph, masked, starts)
        if openers:
            taken = {m.offset for m in found}
            found.extend(m for m in openers if m.offset not in taken)
        given_names = self.given_names.get(paragraph)
        if given_names:
            named_here = {m.name for m in found}
            for sentence, _, name, gender in given_names:
                if name not in named_here:  # described in words no rule knows: "A combat medic"
                    found.append(Mention(paragraph, sentence, name, gender or "u", True))
        found.sort(key=BY_OFFSET)
        here = self.by_paragraph[paragraph] = found
        for subject in subjects:
            if subject.kind == "pronoun" and subject.name in ("he", "she"):
                # "he told the crowd" stands for the person it means, for the pronouns after it
                person = self.antecedent(subject.name, paragraph, subject.start)
                if person:
                    kind = PRONOUN_GENDER[subject.name]
                    here.append(Mention(paragraph, subject.start, person, kind, True))
                    here.sort(key=BY_OFFSET)
        for mention in found:
            if mention.head and mention.offset not in described_at:
                self.heads.setdefault(mention.head, []).append(mention)

    def speaker(self, subject: Subject, paragraph: int) -> str | None:
        """The fullest name for a subject at a place in the article."""
        if subject.kind == "pronoun":
            return self.antecedent(subject.name, paragraph, subject.start)
        if subject.kind == "description":
            given = self.given_name(paragraph, subject.start)
            return given or described(self, subject, paragraph)
        words = subject.name.split()
        if (
            len(words) == 1
            and subject.mention.lower().startswith("the ")
            and points_back(subject.mention)
            and not self.cast.resolve(subject.name)
            and subject.name.lower() not in self.bodies
        ):  # "the Norwegian said": the person just named
            found = self.antecedent("they", paragraph, subject.start, kinds=("muf", ""))
            if found:
                return found
        if (
            words[-1].lower() in TITLES
            and len(words) <= 3
            and not any(self.cast.resolve(w) for w in words)
        ):  # "the Finance Minister said", "the Trade Minister said"
            holder = self.role_holder(words, paragraph, subject.start)
            if holder:
                return holder
        namesake = self.namesake_of_words(subject.mention.split(), paragraph, subject.start)
        if namesake:
            return namesake
        # "the General Staff said" after "Ukraine's General Staff": the body as named before
        # (read here, not by a call, since every named subject asks)
        mention = subject.mention
        if "’s " not in mention and "'s " not in mention:
            owned = self.owned.get(subject.name)
            if owned:
                return owned
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
        if resolved is None and words[0].lower() in self.bodies:  # else no body's name is longer
            resolved = self.body_in_full(subject.name)
        if resolved is None and " " not in subject.name.strip():
            resolved = self.bodies.get(subject.name.strip().lower())  # "Nimbus" -> "Nimbus Systems"
            resolved = resolved or self.spelled_out(subject.name.strip())
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
        if resolved is None and subject.mention.lower() == "the " + subject.name.lower():
            resolved = self.group(subject.name)  # "the MPs" after "Labour MPs"
        return resolved or owned_body(subject) or strip_the(subject.name)

    def runs_on(self, run: str) -> str | None:
        """The body's whole name when the text gave it running on over a small word: the run
        "Institute" of "the Institute for the Study of War"."""
        longer = self.bodies.get(run.split()[0].lower(), "")
        return longer if longer.startswith((run + " for ", run + " of ", run + " on ")) else None

    def namesake_of_words(self, words: Sequence[str], paragraph: int, offset: int) -> str | None:
        """Who a lone surname or first name, written as these words ("Varga", "Ms. Varga",
        "Lucas"), means when the article names one person with it, or several: the one an
        honorific fits, else the one named last."""
        if not words or len(words) > 2:
            return None
        title = ""
        if len(words) == 2:
            # asked first: most two-word runs are a first name and a surname, no title
            title = words[0].lower().rstrip(".")
            acronym = words[0].isupper() and 2 <= len(words[0]) <= 4  # "DPP Tan", "DSP Rao"
            if title not in HONORIFIC_GENDER and not acronym:
                return None
        last = clean_token(words[-1])
        lowered = last.lower()
        cast = self.cast
        if lowered not in cast.by_last and lowered not in cast.by_first:
            return None  # no namesakes at all: most runs stop here, before the rules below
        people = cast.namesakes(last)
        if len(people) <= 1 or len(words) == 1 and words[0].lower() not in self.cast.by_last:
            return people[0] if people and len(people[0].split()) > 1 else None
        wanted = HONORIFIC_GENDER.get(title, "")  # ("" for one word: no title)
        fitting = [p for p in people if wanted and self.gender(p) == wanted]
        if len(fitting) == 1:
            return fitting[0]
        choices = set(fitting or people)
        # The one the surname has stood for keeps it while the last paragraphs name them;
        # otherwise it means whoever of them was named last ("Irene Varga … Varga").
        usual = self.cast.resolve(words[-1])
        recent = [m.name for m in self.earlier_mentions(paragraph, offset) if m.name in choices]
        if usual in choices and usual in recent:
            return usual
        return recent[-1] if recent else None

    def namesake_in_run(self, words: Sequence[str], paragraph: int, offset: int) -> str | None:
        """`namesake` for a run; an honorific also teaches the person's gender ("Ms. Nguyen")."""
        person = self.namesake_of_words(words, paragraph, offset)
        if person and len(words) == 2:
            wanted = HONORIFIC_GENDER.get(words[0].lower().rstrip("."), "")
            if wanted and gender_of(person) == "u":
                self.genders[person] = wanted
        return person

    def gender(self, person: str) -> str:
        """ "m", "f" or "u": from the first name, else from how the article titles them."""
        found = gender_of(person)
        return self.genders.get(person, "u") if found == "u" else found

    def sender(self, document: str, paragraph: int, offset: int) -> str | None:
        """Who sent the document ("a letter") the text brought up last; see `document_sender`."""
        return document_sender(self, document, paragraph, offset)

    def earlier_mentions(self, paragraph: int, offset: int) -> list[Mention]:
        """Who the six paragraphs before name, then who this one names before the offset."""
        here = self.named_in(paragraph)
        found: list[Mention] = []
        for p in range(max(0, paragraph - 6), paragraph):
            found.extend(self.named_in(p))
        if here and here[-1].offset < offset:  # all of them: the list is sorted by offset
            found.extend(here)
        else:
            found.extend(m for m in here if m.offset < offset)
        return found

    def antecedent(self, pronoun: str, paragraph: int, offset: int,
                   kinds: tuple[str, str] | None = None) -> str | None:  # fmt: skip
        """The person (he, she) or organisation (it) a pronoun most likely points back to."""
        primary, fallback = kinds or PRONOUN_TARGETS.get(pronoun, ("mfud", "n"))
        exact = PRONOUN_GENDER.get(pronoun, "")
        here = self.named_in(paragraph)
        if here and here[-1].offset >= offset:  # the list is sorted by offset
            here = [m for m in here if m.offset < offset]
        # Best first, in this paragraph: someone of the pronoun's gender the text puts forward,
        # anyone put forward who may fit, anyone of that gender; then someone of that gender
        # put forward in the paragraph before (a name of unknown gender may be a body's); then
        # the paragraphs before. Most pronouns are settled in this paragraph or the one before,
        # so the six paragraphs' mentions are only gathered when these find no one.
        if exact:
            for mention in reversed(here):
                if mention.kind in exact and mention.salient:
                    return mention.name
        if primary:
            for mention in reversed(here):
                if mention.kind in primary and mention.salient:
                    return mention.name
        if exact:
            for mention in reversed(here):
                if mention.kind in exact:
                    return mention.name
            # this paragraph has no one of that gender put forward: the first test found none
            for mention in reversed(self.named_in(paragraph - 1) if paragraph else ()):
                if mention.kind in exact and mention.salient:
                    return mention.name
        earlier = self.earlier_mentions(paragraph, offset)
        for wanted, only_salient in (
            (primary, True),
            (fallback, True),
            (primary, False),
            (fallback, False),
        ):
            if wanted:
                for mention in reversed(earlier):
                    if mention.kind in wanted and (mention.salient or not only_salient):
                        return mention.name
        return None


def owned_body(subject: Subject) -> str | None:
    """A body named with its owner ("Russia's Defense Ministry", "the Hamilton County
    Prosecutor's Office"): the owner is part of its name, as the article writes it."""
    if subject.kind != "name" or name_kind(subject.name.split()) != "organisation":
        return None
    owner = OWNER.fullmatch(subject.mention[: len(subject.mention) - len(subject.name)])
    if owner is None or not subject.mention.endswith(subject.name):
        return None
    return f"{owner.group(1)} {subject.name}"
