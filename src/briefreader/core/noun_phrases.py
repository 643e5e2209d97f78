"""Noun phrases around reporting verbs: names, pronouns and descriptions, read off tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefreader.core.names import (
    DAYS,
    ORG_WORDS,
    PARTICLES,
    PLACES,
    ROLE_HEADS,
    TITLES,
    clean_token,
    name_after_domain,
)
from briefreader.core.reporting_words import COMMON_VERBS

# Quoted text is blanked with this character so names and verbs inside quotes are not seen.
MASK = "\x01"
# `\w\w*` rather than `\w+`: a pattern that opens with one class lets the regex engine skip
# ahead to a word character instead of trying a whole match at every offset.
TOKEN = re.compile(r"\w\w*(?:[’'.\-]\w+)*\.?")
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")  # the words kept, with what is between them
ABBREVIATIONS = frozenset(
    """mr. mrs. ms. dr. st. sen. rep. gov. gen. lt. col. capt. sgt. adm. prof. rev. jr. sr.
    inc. corp. ltd. co. no. vs. jan. feb. mar. apr. aug. sept. sep. oct. nov. dec. a.m. p.m.
    u.s. u.n. u.k. e.u. d.c. etc. approx. dept.""".split()
)
SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS | frozenset("him her them us me you".split())
PREPOSITIONS = frozenset(
    """of for at in from with on to by near inside outside alongside beside against toward
    towards about after before behind like than including via among between under over across
    through without""".split()
)
CLAUSE_WORDS = frozenset(
    """that which who whom whose and but or nor while because as when if although though
    after before since where so than what how why whether until unless whereas yet in on at
    to for from with by of about into over under between against during without through
    is are was were be been being has have had do does did not""".split()
)
DETERMINERS = frozenset(
    "the a an one another two three four five several some many most other his her their its our".split()
)
# Capitalised words that open sentences without being names.
FUNCTION_CAPITALS = (
    CLAUSE_WORDS
    | DETERMINERS
    | frozenset(
        """still meanwhile however yet asked speaking also then now instead indeed earlier later
        last this these those there here it its he she they we i his her their our my your
        according following despite amid like unlike under even only just""".split()
    )
)
# Capitalised words that are no part of a name, in one set as every capitalised word is asked.
NOT_NAME_WORDS = FUNCTION_CAPITALS | DAYS
AUXILIARIES = frozenset(
    "would will could can should may might must shall had has have was were is are".split()
)
FINITE_VERBS = frozenset(
    """came went was were had did got took made said says told is are has have remained remains
    seemed seems appeared appears became becomes become stayed stays proved proves""".split()
)
ARTICLES = frozenset("the a an".split())
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
# Bodies known by a number after their name.
NUMBERED_BODIES = frozenset("local lodge chapter branch company battalion brigade regiment".split())
TIME_UNITS = frozenset("week month year weekend night".split())
HONORIFICS = frozenset("mr mrs ms dr madam".split())
BODY_CONNECTORS = frozenset("of for and &".split())
CONNECTORS = frozenset(
    "of for and & de du da del della der den van von al bin ibn la le ap i y".split()
)


class Token:
    """A word of a paragraph with what the rules ask of it, worked out once."""

    __slots__ = ("text", "start", "end", "lower", "capitalised", "possessive")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        # "al-Huzayel", "el-Sisi": an Arabic surname whose particle is written in lower case
        self.capitalised = text[0].isupper() or (text[2:3] == "-" and text[:2] in ("al", "el")
                                                  and text[3:4].isupper())  # fmt: skip
        if "’" in text or "'" in text:
            self.lower = clean_token(text).lower()
            self.possessive = text.endswith(("’s", "'s", "s’", "s'"))
        else:
            self.lower = text.lower()
            self.possessive = False

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True, slots=True)
class Subject:
    """Who a reporting verb's subject names, as written."""

    mention: str  # the words in the text, with any title or role ("spokesman John Kirby")
    name: str  # the name itself ("John Kirby"), the pronoun, or the description
    kind: str  # "name", "pronoun" or "description"
    start: int
    end: int


def tokens_of(masked: str, ranges: Sequence[tuple[int, int]] | None = None) -> list[Token]:
    """Words of the masked paragraph (or of some ranges of it); a full stop stays only on
    abbreviations and initials."""
    found: list[Token] = []
    append = found.append  # a hot loop: real articles have a few hundred words to read
    for start, end in _joined(ranges) if ranges is not None else ((0, len(masked)),):
        # Split around the words, kept: what is before the first word, the word, what is
        # between it and the next, and so on. No match object per word, which is quicker.
        pieces = TOKEN_SPLIT.split(masked[start:end])
        last = start
        for i in range(1, len(pieces), 2):
            first = last + len(pieces[i - 1])
            text = pieces[i]
            last = first + len(text)
            if text[-1] == "." and not (
                len(text) <= 2 or "." in text[:-1] or text.lower() in ABBREVIATIONS
            ):
                append(Token(text[:-1], first, last - 1))
            else:
                append(Token(text, first, last))
    return found


def _joined(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges with those that meet made one, so each stretch of text is scanned at once; a
    range ends where the next sentence starts, after a space, so no word straddles the two."""
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def boundary(masked: str, left: Token, right: Token) -> bool:
    """Punctuation or a quotation between two tokens: they are not in one noun phrase."""
    gap = masked[left.end : right.start]
    if gap == " ":
        return False  # most words are one space apart
    gap = gap.strip()
    if gap in ("'", "’") and left.text.endswith("s") and right.lower in ORG_WORDS:
        return False  # a plural owner inside a name: "the Nurses and Midwives' Association"
    return bool(gap) and gap != "&"


def is_name_word(token: Token) -> bool:
    return token.capitalised and token.lower not in NOT_NAME_WORDS


def name_kind(words: Sequence[str]) -> str:
    """ "organisation" when the words name a body or a place, else "name"."""
    return _name_kind(tuple(words))


@lru_cache(maxsize=4096)
def _name_kind(words: tuple[str, ...]) -> str:
    lowered = [clean_token(w).lower().rstrip(".") for w in words]
    if any(w in ORG_WORDS for w in lowered) or all(w in PLACES for w in lowered):
        return "organisation"
    if len(lowered) == 1 and words[0].isupper() and len(words[0]) > 1:
        return "organisation"  # an acronym: CNAS, NATO
    return "name"


def capitalised_run_start(tokens: Sequence[Token], masked: str, last: int, floor: int) -> int:
    """Index of the first token of the capitalised name ending at `last`."""
    first = last
    while first - 1 >= floor and not boundary(masked, tokens[first - 1], tokens[first]):
        prev = tokens[first - 1]
        if prev.possessive:
            break
        if is_name_word(prev) or (prev.text == "He" and first == last):
            first -= 1
        elif prev.lower in CONNECTORS:
            # "Ursula von der Leyen", "Bank of England": step over the small words to a name.
            j = first - 1
            while (
                j - 1 >= floor
                and tokens[j - 1].lower in CONNECTORS
                and not tokens[j - 1].capitalised
            ):
                j -= 1
            if (
                j - 1 >= floor
                and is_name_word(tokens[j - 1])
                and not boundary(masked, tokens[j - 1], tokens[j])
            ):
                first = j - 1
            else:
                if tokens[j].lower in PARTICLES and (
                    j == floor or boundary(masked, tokens[j - 1], tokens[j])
                ):
                    first = j  # a surname that opens with its particles: "von der Leyen said"
                break
        else:
            break
    words = [t.lower.rstrip(".") for t in tokens[first : last + 1]]
    if any(w in BODY_CONNECTORS for w in words) and not any(w in ORG_WORDS for w in words):
        # "the MP for Norwich South": only a body's name runs over "for" and "of".
        while first < last and tokens[first].lower not in BODY_CONNECTORS:
            first += 1
        first += 1
    return first


def _description(tokens: Sequence[Token], masked: str, last: int, floor: int) -> Subject | None:
    """A described speaker ending at `last`: "a judge", "the union representing workers at
    the plant", "Russia's defence ministry", "officials"."""
    if tokens[last].lower in CLAUSE_WORDS:
        return None  # "a tool that asked …": the relative pronoun is no speaker
    who = _relative_who(tokens, masked, last, floor)
    if who is not None:
        # "an official at the ministry who asked not to be named": the person, with the clause
        named = _description(tokens, masked, who - 1, floor)
        if named is not None:
            whole = masked[named.start : tokens[last].end]
            return Subject(whole, named.name + whole[len(named.mention) :], "description",
                           named.start, tokens[last].end)  # fmt: skip
    last = _before_time(tokens, last, floor)
    first = last
    while (
        first - 1 >= floor
        and last - first < 12
        and not boundary(masked, tokens[first - 1], tokens[first])
    ):
        prev = tokens[first - 1]
        if prev.lower in PREPOSITIONS or prev.lower.endswith("ing") or prev.lower in DETERMINERS:
            first -= 1
        elif (
            prev.lower in ("and", "&")
            and tokens[first].capitalised
            and first - 2 >= floor
            and (tokens[first - 2].capitalised)
        ):
            first -= 1  # "the Department for Energy Security and Net Zero"
        elif (
            prev.lower in CLAUSE_WORDS
            or prev.lower in SUBJECT_PRONOUNS
            or prev.lower in LINKING_VERBS
        ):
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
        if tokens[i].lower in ARTICLES and tokens[i - 1].lower not in PREPOSITIONS | {"and"}:
            start = i  # "a decision the label described as": the label describes
    if (
        first - 2 >= floor
        and tokens[first - 1].lower == "who"
        and tokens[first].lower not in DETERMINERS
        and not boundary(masked, tokens[first - 2], tokens[first - 1])
        and not boundary(masked, tokens[first - 1], tokens[first])
    ):
        # "a woman who lives across the street": the person, with the clause that says who
        named = _description(tokens, masked, first - 2, floor)
        if named is not None and tokens[first - 2].lower not in CLAUSE_WORDS:
            whole = masked[named.start : tokens[last].end]
            return Subject(whole, whole[:1].lower() + whole[1:] if named.name[:1].islower() else whole,
                           "description", named.start, tokens[last].end)  # fmt: skip
    last = _without_circumstance(tokens, start, last)
    text = masked[tokens[start].start : tokens[last].end]
    if tokens[start].lower in ("the", "a", "an"):
        text = text[:1].lower() + text[1:]
    return Subject(masked[tokens[start].start : tokens[last].end], text, "description",
                   tokens[start].start, tokens[last].end)  # fmt: skip


def _before_modifiers(tokens: Sequence[Token], masked: str, at: int, floor: int) -> int:
    """The token before up to two lower-case words that modify a name: "of occupied Kherson
    Oblast" looks back to "of"."""
    j = at
    while (
        j >= floor
        and at - j < 2
        and not tokens[j].capitalised
        and tokens[j].lower not in CLAUSE_WORDS
        and tokens[j].lower not in DETERMINERS
        and tokens[j].lower not in COMMON_VERBS
        and tokens[j].lower not in PERSONAL_PRONOUNS
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


def _without_circumstance(tokens: Sequence[Token], start: int, last: int) -> int:
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


def _before_time(tokens: Sequence[Token], last: int, floor: int) -> int:
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


def subject_ending_at(
    tokens: Sequence[Token], masked: str, last: int, floor: int
) -> Subject | None:
    """The noun phrase that ends at token `last` (and starts no earlier than `floor`)."""
    token = tokens[last]
    if token.lower in SUBJECT_PRONOUNS and not (
        token.text == "He"
        and last - 1 >= floor
        and tokens[last - 1].lower.rstrip(".") in HONORIFICS
        and not boundary(masked, tokens[last - 1], token)
    ):  # "Mr He said": the family name He, not the pronoun
        return Subject(token.text, token.lower, "pronoun", token.start, token.end)
    numbered = (
        token.text.isdigit()
        and last - 1 >= floor
        and tokens[last - 1].lower in NUMBERED_BODIES
        and not boundary(masked, tokens[last - 1], token)
    )  # "IAFF Local 2217", "Engine Company 9": a body named with its number
    if not is_name_word(token) and token.text != "He" and not numbered:
        if token.capitalised:
            return None
        return _description(tokens, masked, last, floor)
    first = capitalised_run_start(tokens, masked, last - 1 if numbered else last, floor)
    article = (
        tokens[first - 1]
        if first - 1 >= floor and not boundary(masked, tokens[first - 1], tokens[first])
        else None
    )
    name_words = [t.text for t in tokens[first : last + 1]]
    if (
        article is not None
        and article.lower in DETERMINERS - {"the"}
        and name_kind(name_words) == "name"
    ):
        # "a Massachusetts Democrat" describes someone; it is not a name.
        text = masked[article.start : token.end]
        return Subject(text, text[:1].lower() + text[1:], "description", article.start, token.end)
    before = first - 1
    if (
        before >= floor
        and tokens[before].lower == "the"
        and not boundary(masked, tokens[before], tokens[first])
    ):
        before -= 1
    if (
        before == first - 1
        and before - 1 >= floor
        and tokens[before].lower in ("for", "of")
        and tokens[before - 1].lower in TITLES  # "Minister for …", "candidate for …"
        and not boundary(masked, tokens[before - 1], tokens[before])
    ):
        # "Minister for Coastal Affairs Ifeoma Ross": the office holder, after the domain.
        holder = name_after_domain([clean_token(t.text) for t in tokens[first : last + 1]])
        if holder is not None and last - first >= 2 and name_kind(holder.split()) == "name":
            start = tokens[before - 1].start
            return Subject(masked[start : token.end], holder, "name", start, token.end)
    if (
        before > floor
        and tokens[before].possessive
        and tokens[before].capitalised
        and not boundary(masked, tokens[before - 1], tokens[before])
    ):
        before -= 1  # "a spokesperson for Germany's Federal Foreign Office": past the owner
    before = _before_modifiers(tokens, masked, before, floor)
    if (
        before >= floor
        and tokens[before].lower in PREPOSITIONS
        and not boundary(masked, tokens[before], tokens[before + 1])
    ):
        # "a spokeswoman for the health ministry in Kyiv": the name is not the head.
        described = _description(tokens, masked, last, floor)
        if described is not None and described.start < tokens[before].start:
            return described
        return None
    name = " ".join(clean_token(t.text) for t in tokens[first : last + 1])
    if (
        "' " in masked[tokens[first].end : token.start]
        or "’ " in masked[tokens[first].end : token.start]
    ):
        name = masked[tokens[first].start : token.end]  # "Nurses and Midwives' Association"
    mention_first = first
    while mention_first - 1 >= floor and not boundary(
        masked, tokens[mention_first - 1], tokens[mention_first]
    ):
        prev = tokens[mention_first - 1]
        if prev.lower in TITLES or is_name_word(prev):
            mention_first -= 1
        else:
            break
    mention = masked[tokens[mention_first].start : token.end]
    return Subject(mention, name, "name", tokens[mention_first].start, token.end)


def subject_after(tokens: Sequence[Token], masked: str, verb: int, ceiling: int) -> Subject | None:
    """An inverted subject, `said Becca Wasser,` `said a spokesperson.` `said he.`: a noun phrase
    after the verb that ends its clause."""
    first = verb + 1
    if first >= ceiling or boundary(masked, tokens[verb], tokens[first]):
        return None
    token = tokens[first]
    if token.possessive and token.capitalised:
        return _description_after(
            tokens, masked, first, ceiling
        )  # "Ukraine’s military intelligence"
    if token.lower in ("he", "she", "they"):
        subject = Subject(token.text, token.lower, "pronoun", token.start, token.end)
        last = first
    elif is_name_word(token) or token.lower == "the" or token.lower in TITLES:
        last = first
        owner = -1  # "said Bloomberg Economics’ Seo Da-eun": the person after the owner speaks
        while last + 1 < ceiling and (
            is_name_word(tokens[last + 1]) or tokens[last + 1].lower in TITLES
            or (tokens[last + 1].lower in CONNECTORS and last + 2 < ceiling and is_name_word(tokens[last + 2]))
        ):  # fmt: skip
            if boundary(masked, tokens[last], tokens[last + 1]):
                if not _plural_owner(masked, tokens[last], tokens[last + 1]):
                    break
                owner = last
            elif tokens[last].possessive:
                owner = last
            last += 1
        if not is_name_word(tokens[last]):
            return _description_after(tokens, masked, first, ceiling)
        start = owner + 1 if owner >= 0 else first + 1 if token.lower == "the" else first
        name = " ".join(clean_token(t.text) for t in tokens[start : last + 1])
        subject = Subject(
            masked[token.start : tokens[last].end], name, "name", token.start, tokens[last].end
        )
    elif token.lower in DETERMINERS:
        return _description_after(tokens, masked, first, ceiling)
    else:
        return None
    return subject if _ends_clause(tokens, masked, last, ceiling) else None


def _plural_owner(masked: str, left: Token, right: Token) -> bool:
    """Only an apostrophe stands between the tokens: a plural possessive ("Economics' Seo")."""
    return left.text.endswith("s") and masked[left.end : right.start].strip() in ("’", "'")


def _description_after(
    tokens: Sequence[Token], masked: str, first: int, ceiling: int
) -> Subject | None:
    last = first
    while (
        last + 1 < ceiling
        and last - first < 9
        and not boundary(masked, tokens[last], tokens[last + 1])
    ):
        nxt = tokens[last + 1]
        if nxt.lower in FINITE_VERBS:
            return None  # "…, said the engine came late": a clause, not who speaks
        if (
            (nxt.lower in CLAUSE_WORDS and nxt.lower not in PREPOSITIONS)
            or nxt.lower in DAYS
            or (nxt.lower in AUXILIARIES)
        ):
            break
        last += 1
    if not _ends_clause(tokens, masked, last, ceiling):
        return None
    text = masked[tokens[first].start : tokens[last].end]
    named = appositive_name(tokens, masked, last, ceiling)
    if named is not None:
        # "said the son, Paul Ellison, 59": the name set beside the description is the speaker.
        return Subject(masked[tokens[first].start : named.end], named.text, "name",
                       tokens[first].start, named.end)  # fmt: skip
    last = _without_circumstance(tokens, first, last)
    text = masked[tokens[first].start : tokens[last].end]
    name = text[:1].lower() + text[1:] if tokens[first].lower in ("the", "a", "an") else text
    return Subject(text, name, "description", tokens[first].start, tokens[last].end)


def appositive_name(tokens: Sequence[Token], masked: str, last: int, ceiling: int) -> Token | None:
    """A person's name of two words or more set off by a comma right after token `last`,
    returned as a token spanning it, or None."""
    first = last + 1
    if first >= ceiling or masked[tokens[last].end : tokens[first].start].strip() != ",":
        return None
    end = first
    while (
        end < ceiling
        and is_name_word(tokens[end])
        and (end == first or not boundary(masked, tokens[end - 1], tokens[end]))
    ):
        end += 1
    words = [t.text for t in tokens[first:end]]
    if (
        len(words) < 2
        or name_kind(words) != "name"
        or not _ends_clause(tokens, masked, end - 1, ceiling)
    ):
        return None
    return Token(" ".join(clean_token(w) for w in words), tokens[first].start, tokens[end - 1].end)


def _ends_clause(tokens: Sequence[Token], masked: str, last: int, ceiling: int) -> bool:
    if last + 1 >= ceiling:
        return True
    gap = masked[tokens[last].end : tokens[last + 1].start]
    if MASK in gap:
        return False  # "said the origin question “cannot be postponed”": an object, not a subject
    if boundary(masked, tokens[last], tokens[last + 1]):
        return True
    return tokens[last + 1].lower in ("who", "whose", "in", "on", "at", "after", "before", "during")
