"""Where the article names people and bodies, remembered for the pronouns and descriptions that
point back to them; and the described people a sentence opens with."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from briefreader.core.descriptions import PLACE_AFTER_ROLE, description_kind, is_role
from briefreader.core.name_book import office_holder, strip_the
from briefreader.core.name_runs import NameRun
from briefreader.core.names import ORG_WORDS, TITLES, clean_token, first_names, gender_of
from briefreader.core.words import NUMBERED_BODIES, PREPOSITIONS, Subject, name_kind

if TYPE_CHECKING:
    from briefreader.core.speakers import SpeakerBook

HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": "", "prof": ""}
# "Tomas Lind, the candidate’s older brother,": the role a name is given in apposition.
APPOSED_ROLE = re.compile(r", (?:the|a|an|his|her|their) (?:[\w’'-]+ ){0,3}?([a-z]+)(?=[,.;—])")
# What follows the place a story was filed from: "OSLO, May 2 –", "OSLO/BERGEN", "OSLO (AP)".
DATELINE_END = re.compile(r"\s*(?:[,/(—–]|-\s)")
# "Bank of Korea", "Brotherhood of Locomotive Engineers and Trainmen": a body's name runs on
# over "of" to the capitalised words after it, which are no body of their own.
BODY_OF = re.compile(r" of (?:the )?[A-Z][\w’'&-]*+(?: (?:and |& )?[A-Z][\w’'&-]*+)*")
TITLE_WORD = re.compile(r"[A-Z][\w.]*")
NUMBER_AFTER = re.compile(r" \d+\b")  # "Local 2217"
WORD_BEFORE = re.compile(r"(\w++)\s*+$")  # possessive: no backtracking on a miss
# Words that take an object after them, which is not who speaks next: "she told Radio Nord".
OBJECT_AFTER = frozenset("told tells telling".split())
DESCRIBED_PERSON = re.compile(r"(?:The|A|An|One|Another|a|an|one)(?: [A-Za-z-]+){1,3}")
DESCRIBED_OPENER_WORDS = frozenset("The A An One Another a an one".split())
# A body named by its owner and a lower-case description: "Russia’s defence ministry".
OWNED_BODY_OPENER = re.compile(
    r"[A-Z][\w-]*[’']s (?:[a-z]+ ){0,2}(ministry|office|army|military|government|embassy|"
    r"navy|police|agency|department|council|authority|administration)\b"
)
# A clause that says which person is meant, up to the sentence's end: "an official who did not
# wish to be named."
CLAUSE_TO_SENTENCE_END = re.compile(r" who [^,.;:“”\"\x01]{3,80}(?=\.)")
# "This was admitted by a senior civic official": a described person as the agent of a passive.
# The first letter comes before the look-behind that stands for `\b`, so that the regex engine
# skips ahead to a "w" or "b" in C instead of entering the pattern at every offset.
PASSIVE_AGENT = re.compile(
    r"(?:w(?<!\ww)(?:as|ere)|b(?<!\wb)een) (?:[a-z]+ )?[a-z]+(?:ed|said|told|made) by "
)


class Mention(NamedTuple):
    """Someone named at a place in the article, remembered for resolving he, she and it (a
    named tuple: quicker to make than a frozen dataclass, which sets each field by a call)."""

    paragraph: int
    offset: int
    name: str
    kind: str  # one letter, see PRONOUN_TARGETS
    salient: bool  # the subject of a reporting verb or the first person named in a sentence
    head: str = ""  # for descriptions: the noun that names the role ("diplomat")


def described_openers(
    book: SpeakerBook, paragraph: int, masked: str, starts: Sequence[int]
) -> list[Mention]:
    """Described people opening sentences ("A cellist in the band, who …") or doing what a
    passive says ("This was admitted by a senior official who …")."""
    found: list[Mention] = []
    # Only sentence openers and agents count, and none of these phrases can run over a
    # sentence start, so matching at each of them finds what a scan of the paragraph would.
    # (each match holds " by " and "was ", "were " or "been ": most paragraphs are rejected by
    # finding those in C, before the regex)
    agents = (
        [m.end() for m in PASSIVE_AGENT.finditer(masked)]
        if " by " in masked and ("was " in masked or "been " in masked or "were " in masked)
        else []
    )
    # sentence starts come sorted and distinct: merged with agents only when there are any
    for at in sorted({*starts, *agents}) if agents else starts:
        first = masked[at : at + 1]
        if not ("A" <= first <= "Z" or first == "a" or first == "o"):
            continue  # both patterns open with a capital, or with "a", "an" or "one"
        # An owner's possessive ends the first word, just before its space: a string test
        # rejects most sentences before the regex, which backtracks over the word on a miss.
        space = masked.find(" ", at)
        owned = (
            OWNED_BODY_OPENER.match(masked, at)
            if space > 0 and masked.startswith(("’s", "'s"), space - 2)
            else None
        )
        if owned is not None:  # "Russia’s defence ministry gave a different account."
            found.append(Mention(paragraph, at, owned.group(), "o", True, owned.group(1)))
            continue
        # the pattern's first word is one of a few, followed by a space: a set test rejects
        # most sentences before the regex
        if masked[at:space] not in DESCRIBED_OPENER_WORDS:
            continue
        match = DESCRIBED_PERSON.match(masked, at)
        if match is None:
            continue
        words = match.group().split()
        heads = [i for i, word in enumerate(words[1:], 1) if word.islower() and is_role(word)]
        if heads:
            phrase = " ".join(words[: heads[0] + 1])
            phrase = phrase[:1].lower() + phrase[1:]
            rest = PLACE_AFTER_ROLE.match(masked, at + len(phrase))
            if rest is not None:  # "A cellist in the band, who …"
                phrase += rest.group()
            elif at in agents:  # "… by a senior civic official who did not wish to be named."
                clause = CLAUSE_TO_SENTENCE_END.match(masked, at + len(phrase))
                phrase += clause.group() if clause is not None else ""
            kind = description_kind(words[heads[0]])
            given = book.given_name(paragraph, at)
            if given is not None:  # "A medic who goes by the call sign “Lastivka”, said"
                phrase, kind = given, book.genders.get(given, kind)
            found.append(Mention(paragraph, at, phrase, kind, True, words[heads[0]]))
    return found


def named_mentions(book: SpeakerBook, paragraph: int, masked: str, starts: Sequence[int],
                   runs: Sequence[NameRun], subjects: Sequence[Subject]) -> list[Mention]:  # fmt: skip
    """The people and bodies the paragraph's capitalised runs name."""
    named: list[Subject] = []  # one loop for both: most paragraphs have no subjects at all
    seen: set[int] = set()
    # "She added that Anna Kowalski had warned": the sentence is about whoever "she" is.
    pronoun_at: dict[int, int] = {}
    for subject in subjects:
        if subject.kind == "name":
            named.append(subject)
        elif subject.kind == "pronoun" and subject.name in ("he", "she"):
            pronoun_at.setdefault(bisect_right(starts, subject.start), subject.start)
    found: list[Mention] = []
    by_word, by_first, known_first_names = book.cast.by_word, book.cast.by_first, first_names()
    by_last, person_genders, people_by_run = (
        book.cast.by_last,
        book.person_genders,
        book.people_by_run,
    )
    covered = 0  # the end of a body's name that ran on over "of"
    for offset, end, words in runs:
        if end <= covered:
            continue
        if len(words) == 1:
            # a lone word counts when it is a known surname or first name, or a body's (read
            # inline: most runs are one word, and a call for each costs more than the tests)
            word = words[0]
            lowered = word.lower()  # the first word lowered, read by the rules below too
            if not (
                lowered in by_word
                or lowered in known_first_names
                or lowered.rstrip(".") in ORG_WORDS
                or lowered in book.bodies
                or (word.isupper() and len(word) > 1)
                or lowered in book.subject_words
                or lowered in by_first  # "Lucas" for "Lucas Ferreira-Holm"
            ):
                continue
        else:
            lowered = words[0].lower()
        run = " ".join(words)
        number = NUMBER_AFTER.match(masked, end) if words[-1].lower() in NUMBERED_BODIES else None
        if number is not None:  # "IAFF Local 2217": a body, whatever its words
            found.append(Mention(paragraph, offset, strip_the(run) + number.group(), "o", True))
            continue
        is_subject = False  # part of a reporting verb's named subject: a loop, not a call
        for s in named:
            if s.start < end <= s.end:
                is_subject = True
                break
        # `body_in_full` finds nothing unless a body's name opens with the run's first word
        in_full = book.body_in_full(run) if len(words) > 1 and lowered in book.bodies else None
        if in_full and not book.cast.resolve(run):  # "Setouchi Electric" for "… Power Co."
            found.append(Mention(paragraph, offset, in_full, "o", is_subject))
            continue
        office = office_holder(masked, offset, words) if len(words) > 2 else None
        person: str | None
        if office is not None:
            person = book.cast.resolve(office) or office
        else:
            person = people_by_run.get(run, "")  # "": not yet asked (None: no one)
            if person == "":
                person = people_by_run[run] = book.person_name(run) or book.cast.resolve(run)
            if len(words) <= 2:
                # `namesake_of_words` finds no one unless the last word is a known surname or
                # first name: tested here, as most runs are neither and two calls cost more
                last = words[-1]
                last = (clean_token(last) if "’" in last or "'" in last else last).lower()
                if last in by_last or last in by_first:
                    person = book.namesake_in_run(words, paragraph, offset) or person
        sentence = bisect_right(starts, offset)
        if person is None and len(words) == 1 and lowered in known_first_names:
            if offset not in starts or re.match(r",\s*\d", masked[end : end + 5]):
                person = run  # "Halyna, 71, who would give only her first name"
        word_before = ""  # only people need it, and most runs are not people
        if person and office is None:
            before = WORD_BEFORE.search(masked, offset - 24 if offset > 24 else 0, offset)
            word_before = before.group(1).lower() if before is not None else ""
            if word_before in ("like", "unlike"):
                continue  # "Like Kawabata, she said …": someone else, compared
            if word_before == "the" and len(words) > 1 and not book.cast.lists(run):
                person = None  # "the River Leam", "the National Lottery": places and bodies
                found.append(Mention(paragraph, offset, run, "o", is_subject))
        if person:
            # the fullest name and its gender, worked out once an article: people recur
            if person in person_genders:
                full, gender = person_genders[person]
            else:
                full = book.cast.resolve(person) or person
                gender = gender_of(full)  # read once, for the honorific and the mention below
                person_genders[person] = full, gender
            told = HONORIFIC_GENDER.get(lowered.rstrip("."), "")
            if told and len(words) > 1 and gender == "u":
                book.genders[full] = told  # "Mr. Dube": he
            object_of = word_before in PREPOSITIONS or word_before in OBJECT_AFTER
            possessive = masked.endswith(("’s", "'s"), 0, end)
            after_pronoun = pronoun_at.get(sentence, end) < offset
            salient = not after_pronoun and (
                is_subject or (sentence not in seen and not possessive and not object_of)
            )
            if word_before == "for" and offset - 4 in starts:
                salient = True  # "For Amara Obi, who …, the trial is personal": the topic
            if not possessive and not object_of:  # "For Hill End grazier Will Tremain"
                seen.add(sentence)
            if gender == "u":  # `book.gender` inline: no call of its own for each person
                gender = book.genders.get(full, "u")
            found.append(Mention(paragraph, offset, full, gender, salient))
            # the pattern opens with ", ": a string test rejects most runs before the regex
            role = APPOSED_ROLE.match(masked, end) if masked.startswith(", ", end) else None
            if role is not None:  # "Ada Lim, the mayor’s sister," is "her sister" later
                head = role.group(1).lower()
                book.heads.setdefault(head, []).append(
                    Mention(paragraph, end, full, "x", False, head)
                )
        elif offset == 0 and run.isupper() and DATELINE_END.match(masked, end):
            continue  # "OSLO/BERGEN, May 2 –": where the story was filed
        elif name_kind(words) == "organisation" or run in book.short_bodies:
            # a body that opens its sentence is what the sentence is about
            opens = offset in starts or (offset - 4 in starts and masked[offset - 4] == "T")
            written = masked[offset:end]
            if "’s " in written or "'s " in written:
                run = written  # "Russia's Defense Ministry": the owner, as the text writes it
            body = book.spelled_out(run) or book.runs_on(run) or strip_the(run)
            for x in named:  # the first subject holding the run: a loop, not a list
                if x.start <= offset and end <= x.end:
                    if len(x.name) > len(body) and body in x.name:
                        body = x.name  # the run "Ministry" in the subject "Ministry of Defence"
                    break
            rest = _body_of(masked, end) if masked.startswith(" of ", end) else None
            if rest is not None:
                if body == strip_the(run):
                    body += masked[end:rest]
                covered = rest
            found.append(Mention(paragraph, offset, body, "o", is_subject or opens))
        elif len(words) == 1 and lowered in book.bodies:
            # "Halvorsen" after "Halvorsen Foods": the body, which "it" can point back to
            body = book.bodies[lowered]
            found.append(Mention(paragraph, offset, body, "o", is_subject))
        elif is_subject:
            after_the = masked[max(0, offset - 4) : offset].lower() == "the "
            group = book.group(run) if after_the else None  # "the MPs": "Labour MPs"
            found.append(Mention(paragraph, offset, group or strip_the(run), "n", True))
    return found


def _body_of(masked: str, end: int) -> int | None:
    """Where a body's name that runs on over "of" ends ("Bank of England"), stopping before
    a title and the person it names ("Bank of England Governor Andrew Bailey")."""
    rest = BODY_OF.match(masked, end)
    if rest is None:
        return None
    stop = rest.end()
    for word in TITLE_WORD.finditer(masked, end + 4, stop):
        if (
            word.group().lower() in TITLES
            and word.group() != "the"
            and word.end() < stop  # a title before a name, not "Ministry of Defense" itself
        ):
            stop = word.start() - 1
            break
    return stop if stop > end + 4 and masked[stop - 1].isalpha() else None
