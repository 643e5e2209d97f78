"""Speakers given by a description: "the company", "the 31-year-old winger", "the letter"."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from briefreader.core.descriptions import (
    NOT_PEOPLE,
    ORG_HEADS,
    PLACE_AFTER_ROLE,
    description_head,
    gender_kinds,
    points_back,
)
from briefreader.core.name_book import strip_the
from briefreader.core.names import TITLES, person_in_run
from briefreader.core.words import Subject

if TYPE_CHECKING:
    from briefreader.core.speakers import SpeakerBook

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
ORG_HEAD_THEN_NAME = re.compile(
    r"^the ([a-z]+) ([A-Z][\w’'&.-]*(?: (?:[A-Z][\w’'&.-]*|of|for|and|the|de))*)$"
)
# "the AfD's state branch", "the Kremlin's press office": a description its owner names.
OWNED_BY_NAME = re.compile(
    r"the [A-Z][\w.&-]*[’']s (?:[a-z]+ ){0,2}"
    r"(?:branch|wing|arm|division|subsidiary|office|ministry|department|unit)$"
)
BUSINESS_HEADS = frozenset(
    """company firm retailer maker manufacturer carrier startup insurer lender airline bank
    utility operator""".split()
)
# Words of government and public bodies, which "the company" never means.
PUBLIC_BODY_WORDS = frozenset(
    """department ministry government council commission agency authority office court police
    house parliament congress senate administration committee union association central
    reserve""".split()
)


def described(book: SpeakerBook, subject: Subject, paragraph: int) -> str:
    """The fullest name for a description: a body's name, a document's author, the person
    a back reference points at, or the description as written."""
    if OWNED_BY_NAME.match(subject.name):
        return subject.name[4:]  # "the AfD's state branch" is named by its owner
    named = ORG_HEAD_THEN_NAME.match(subject.name)
    if named and named.group(1).lower() in ORG_HEADS:
        return named.group(2)  # "the charity Friends of the Fens": the charity's name
    said = SPEAKER_THEN_VERB.match(subject.name)
    if said and said.group(1)[4:5].isupper():
        # "the Eastgate Neighborhood Association said in a statement posted …": the body
        # before the reporting verb speaks, not the document after it.
        body = strip_the(said.group(1))
        return book.cast.resolve(body) or body
    if subject.name.split()[-1][:1].isupper():
        # "the Opposition in the Lok Sabha Rahul Gandhi": a long title ending in a name.
        person = person_in_run(subject.name)
        if person and len(person.split()) > 1:
            return book.cast.resolve(person) or person
    owner = DOCUMENT_OF.match(subject.name)
    if owner:
        # "Haskell's reply said": the writer of the reply speaks.
        writer = book.person_name(owner.group(1)) or owner.group(1)
        return book.cast.resolve(writer) or book.bodies.get(writer.lower()) or writer
    source = DOCUMENT_FROM.match(subject.name)
    if source:
        # "according to a statement from the ministry": the ministry speaks.
        rest = source.group(1)
        if rest[:1].isupper() or rest.lower().startswith("the "):
            return strip_the(rest) if rest[4:5].isupper() else rest
    words = subject.name.split()
    head = description_head(subject.name)
    holders = book.titled.get(head, set())
    if words[0].lower() in ("a", "an") and len(words) <= 4 and len(holders) == 1:
        (holder,) = holders
        return book.cast.resolve(holder) or holder
    if words[0].lower() not in ("the", "its", "his", "her", "their"):
        return subject.name
    here = (paragraph, subject.start)
    # an earlier "the company" left as it was says nothing more than this one
    before = [
        m
        for m in book.with_head(head, paragraph)
        if (m.paragraph, m.offset) < here
        and not (m.name.lower().startswith("the ") and len(m.name.split()) <= len(words))
    ]  # "the Kherson city military administration" says more than "the administration"
    if before and len(words) <= 4:
        latest = max(before, key=lambda m: (m.paragraph, m.offset))
        if latest.name != subject.name:
            return latest.name  # "the diplomat" after "a senior European diplomat"
    if words[0].lower() not in ("the", "its"):
        return subject.name  # "her brother", when the article never says who he is
    back = points_back(subject.name)
    if back or len(words) <= 3 or (len(words) == 4 and head in TITLES):
        # "the senior Congress leader", "the 31-year-old winger": someone just named
        if head in TITLES and len(words) == 2:
            found = book.role_holder(words[1:], paragraph, subject.start)
            if found:
                return found  # "the judge" after "Justice Lorna Sen"
        if back or head in TITLES:
            kinds = (gender_kinds(head), "")
            found = book.antecedent("they", paragraph, subject.start, kinds=kinds)
            if found:
                return found
        if head in BUSINESS_HEADS and len(words) == 2:
            found = main_business(book, paragraph, head)  # the company the article is about
            if found:
                return found
        if head in ORG_HEADS and len(words) <= 3:  # "the ministry", "the think tank"
            found = body_with_word(book, head, paragraph, subject.start)
            found = found or book.antecedent("it", paragraph, subject.start)
            if found:
                return found
    if len(words) == 2 and words[0].lower() == "the" and head not in NOT_PEOPLE:
        found = introduced_as(book, head, paragraph, subject.start)
        if found:
            return found  # "A government whip dismissed it. “…,” the whip said."
    return subject.name


def introduced_as(book: SpeakerBook, head: str, paragraph: int, offset: int) -> str | None:
    """How the text introduced the person "the whip" means: the last "a government whip"
    before it, in the paragraph or the two before."""
    if not head.isalpha():
        return None
    for index in range(paragraph, max(-1, paragraph - 3), -1):
        recollection = book.recollection(index)
        if recollection is None:
            continue
        masked = recollection[0]
        limit = offset if index == paragraph else len(masked)
        if masked.find(head, 0, limit) < 0:
            continue
        found = _last(_introduction(head).finditer(masked, 0, limit))
        if found is not None:
            phrase = found.group()
            rest = PLACE_AFTER_ROLE.match(masked, found.end())
            phrase += rest.group() if rest is not None else ""
            return phrase[:1].lower() + phrase[1:]
    return None


def document_sender(book: SpeakerBook, document: str, paragraph: int, offset: int) -> str | None:
    """Who sent or wrote the document ("a letter") the text brought up last, within the
    paragraph and the two before: the first person or body its sentence names."""
    for index in range(paragraph, max(-1, paragraph - 3), -1):
        recollection = book.recollection(index)
        if recollection is None:
            continue
        masked, starts, _, _ = recollection
        limit = offset if index == paragraph else len(masked)
        if masked.find(document, 0, limit) < 0:
            continue
        brought_up = _last(_bringing_up(document).finditer(masked, 0, limit))
        if brought_up is None:
            continue
        at = brought_up.start()
        sentence = starts[bisect_right(starts, at) - 1] if starts else 0
        for mention in book.named_in(index):
            if sentence <= mention.offset < at and mention.kind in "mfuo" and mention.salient:
                return mention.name
    return None


@lru_cache(maxsize=256)
def _introduction(head: str) -> re.Pattern[str]:
    """ "a government whip", "another senior official": a person introduced as the head noun
    (a handful of heads recur, hence the cache of patterns)."""
    return re.compile(rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne) (?:[\w’'-]+ ){{0,3}}?{head}\b")


@lru_cache(maxsize=64)
def _bringing_up(document: str) -> re.Pattern[str]:
    """ "her letter", "the ministry statement": a document brought up in the text."""
    return re.compile(rf"\b(?:a|an|the|his|her|its|their) (?:[\w-]+ )?{document}\b")


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of the matches, or None."""
    last = None
    for last in matches:  # noqa: B007 - only the last is kept
        pass
    return last


def body_with_word(book: SpeakerBook, head: str, paragraph: int, offset: int) -> str | None:
    """The body named last whose name holds the word: "the department" after "the
    Interior Department", "the ministry" after "the Ministry of Health"; one the text put
    forward before one it only mentioned ("the European Central Bank’s rate cuts")."""
    bodies = [
        m
        for m in book.earlier_mentions(paragraph, offset)
        if m.kind == "o" and head in m.name.lower().split()
    ]
    put_forward = [m for m in bodies if m.salient]
    return (put_forward or bodies)[-1].name if bodies else None


def main_business(book: SpeakerBook, paragraph: int, head: str) -> str | None:
    """The organisation named most often up to the paragraph, not counting public bodies,
    when it is named at least three times: "the company" in a story about one firm; "the bank"
    is the bank named most often, when a bank is named."""
    book.mentions(paragraph)
    counts: dict[str, int] = {}
    for index in range(paragraph + 1):
        for mention in book.by_paragraph.get(index, ()):
            if mention.kind == "o" and not PUBLIC_BODY_WORDS.intersection(
                mention.name.lower().split()
            ):
                counts[mention.name] = counts.get(mention.name, 0) + 1
    if not counts:
        return None
    with_head = {name: n for name, n in counts.items() if head in name.lower().split()}
    name, count = max((with_head or counts).items(), key=lambda item: item[1])
    return name if count >= 3 else None


# "who goes by the call sign “Bober”", "identified only by his call sign, Mamai", "who asked
# that only her first name, Loretta, be used", "who gave his name only as Ron": the name the
# described person is known by in the article.
GIVEN_NAME = re.compile(
    r"\b(?:his|her|their|the|a) (?:(?:military |radio )?call ?sign|nom de guerre|nickname|"
    r"(?:first |last )?name)(?: only)?(?: as)?,?\s+[“\"‘']?([A-Z][\w’'-]+)"
    r"|\b(?:identified|known) only as\s+[“\"‘']?([A-Z][\w’'-]+)"
)
GIVEN_NAME_REACH = 220  # characters from a description to the name its clause gives


def given_names(text: str, starts: list[int]) -> list[tuple[int, int, str, str]]:
    """(where the sentence starts, where the name is given, the name, the gender the clause
    tells: "m", "f" or "") of each name a clause gives to a described person."""
    found: list[tuple[int, int, str, str]] = []
    if not ("name" in text or "sign" in text or "guerre" in text or "only as" in text):
        return found  # most paragraphs: no word the pattern needs, no regex scan
    for match in GIVEN_NAME.finditer(text):
        name = match.group(1) or match.group(2)
        if name.lower() in TITLES:
            continue
        sentence_start = starts[max(bisect_right(starts, match.start()) - 1, 0)]
        clause = f" {text[sentence_start : match.end()]} "
        gender = "f" if " her " in clause else "m" if " his " in clause else ""
        found.append((sentence_start, match.start(), name, gender))
    return found
