"""Descriptions of speakers ("the 31-year-old winger", "a spokeswoman"): their role and kind."""

from __future__ import annotations

import re

from briefreader.core.names import ROLE_HEADS, clean_token
from briefreader.core.words import PREPOSITIONS

ORG_HEADS = frozenset(
    """company firm group ministry agency bank department government administration airline
    club team organisation organization council commission embassy office party union
    authority board regulator court retailer carrier manufacturer maker startup insurer
    police military army navy kremlin white house lender network campaign charity channel
    newspaper website fund trust label utility operator branch wing arm division subsidiary
    coalition alliance federation association institute foundation society tank watchdog
    nonprofit""".split()
)
FEMALE_HEADS = frozenset(
    "businesswoman spokeswoman woman mother wife daughter sister grandmother widow girl chairwoman".split()
)
MALE_HEADS = frozenset(
    "businessman fisherman spokesman man father husband son brother grandfather widower boy chairman".split()
)
# A description that only points back at a person named just before: an age, a nationality or
# another capitalised word ("the 52-year-old farmer", "the South African midfielder").
AGE = re.compile(r"^\d+-year-old$")
NOT_PEOPLE = ORG_HEADS | frozenset(
    """statement letter memo email post filing report message tweet video release note
    study survey data figures poll document documents papers review""".split()
)
# Roles a story gives people it has not named: "the official said" is rarely anyone just named.
NEW_PEOPLE = frozenset(
    """man woman boy girl official spokesman spokeswoman spokesperson resident witness victim
    survivor passenger worker student patient volunteer commuter traveller traveler owner
    officer soldier driver""".split()
)
# "A cellist in the band, who asked …": where the described person stands, up to a comma.
PLACE_AFTER_ROLE = re.compile(r" (?:in|at|from|on) (?:the |a )?[\w’'-]+(?: [\w’'-]+)?(?=,)")
DOCUMENT_HEADS = frozenset("statement letter memo email post filing message note".split())
# Words after which a description's head noun is behind: a relative clause ("a Labour MP who
# signed the letter") or an adjective placed after the noun ("a source close to the talks").
AFTER_HEAD = frozenset(
    "who whom whose which that close familiar briefed aware knowledgeable involved".split()
)


def description_head(description: str) -> str:
    """The role noun of a description: "a senior European diplomat" -> "diplomat"."""
    words = description.split()
    if len(words) > 2 and words[1].lower() in ORG_HEADS and words[2][:1].isupper():
        return words[1].lower()  # "the charity Friends of the Fens"
    for i, word in enumerate(words):
        lowered = word.lower()
        if (
            lowered in PREPOSITIONS
            or (lowered.endswith("ing") or lowered in AFTER_HEAD)
            and i > 1  # "a close aide": "close" before the noun is only an adjective
        ):
            words = words[:i]
            break
    return clean_token(words[-1]).lower() if words else ""


def description_kind(head: str) -> str:
    """One letter as `Mention.kind`: o organisation, f and m people of a gender, d others."""
    if head in ORG_HEADS:
        return "o"
    if head in FEMALE_HEADS:
        return "f"
    if head in MALE_HEADS:
        return "m"
    return "d"


def is_role(head: str) -> bool:
    """The noun names a person's role or trade."""
    return head in ROLE_HEADS or (len(head) > 5 and head.endswith(("ist", "ian")))


def points_back(description: str) -> bool:
    """A definite description of a person just named: "the 31-year-old", "the Norwegian",
    "the Brazil international", "the architect"."""
    words = description.split()
    if len(words) < 2 or len(words) > 5 or words[0].lower() != "the":
        return False
    head = description_head(description)
    aged = any(AGE.match(w) for w in words[1:])
    if not head or head in NOT_PEOPLE:
        return False
    if head != clean_token(words[-1]).lower() and not aged:
        return False  # "the mother of the victim" is someone new; "the 45-year-old mother of
        # three" is not
    last = words[-1]
    if len(words) == 2 and last[:1].isupper():
        # "the Norwegian", "the Dutchman", "the Texan": a demonym standing for the person
        return bool(re.search(r"(?:an|ish|ese|ch|man|woman|i)$", clean_token(last)))
    modifiers = words[1:-1]
    if aged:
        return True
    if modifiers and any(w[:1].isupper() for w in modifiers) and is_role(head):
        return True
    # a trade ("the architect", "the teacher") points back; "the official" may be someone new
    return is_role(head) and head not in NEW_PEOPLE


def gender_kinds(head: str) -> str:
    """The `Mention.kind` letters a described person may have."""
    if head in FEMALE_HEADS:
        return "fu"
    if head in MALE_HEADS:
        return "mu"
    return "muf"
