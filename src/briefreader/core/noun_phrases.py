"""Noun phrases around reporting verbs: names, pronouns and descriptions, read off tokens."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from briefreader.core.description_phrases import (
    NO_MODIFIERS,
    before_modifiers,
    description_ending_at,
    new_subject,
    without_circumstance,
)
from briefreader.core.names import (
    DAYS,
    ORG_WORDS,
    PARTICLES,
    TITLES,
    clean_token,
    name_after_domain,
)
from briefreader.core.words import (
    ARTICLES,
    AUXILIARIES,
    BODY_CONNECTORS,
    CLAUSE_WORDS,
    CONNECTORS,
    DETERMINERS,
    FINITE_VERBS,
    HONORIFICS,
    MASK,
    NOT_NAME_WORDS,
    NUMBERED_BODIES,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    Subject,
    Token,
    boundary,
    is_name_word,
    name_kind,
    word_token,
)

TEXT = attrgetter("text")
# Words before a name that make it a description: "a Massachusetts Democrat".
DETERMINERS_BUT_THE = DETERMINERS - {"the"}


def capitalised_run_start(tokens: Sequence[Token], masked: str, last: int, floor: int) -> int:
    """Index of the first token of the capitalised name ending at `last`."""
    # The hot loop reads one space between words without calling boundary(), and a name word
    # without calling is_name_word(): most names are a few words one space apart.
    first = last
    crossed = False  # only a run over small words can hold "of", "for" or "and"
    while first - 1 >= floor:
        prev = tokens[first - 1]
        if masked[prev.end : tokens[first].start] != " " and boundary(masked, prev, tokens[first]):
            break
        if prev.possessive:
            break
        if (prev.capitalised and prev.lower not in NOT_NAME_WORDS) or (
            prev.text == "He" and first == last
        ):
            first -= 1
        elif prev.lower in CONNECTORS:
            # "Ursula von der Leyen", "Bank of England": step over the small words to a name.
            crossed = True
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
    ending = tokens[last].lower
    if not crossed and ending not in BODY_CONNECTORS and ending[-1:] != ".":
        return first  # name words are never "of", "for" or "and": no word list to build
    words = [t.lower.rstrip(".") for t in tokens[first : last + 1]]
    # set methods rather than any() over a generator: one C call instead of a frame per word
    if not BODY_CONNECTORS.isdisjoint(words) and ORG_WORDS.isdisjoint(words):
        # "the MP for Norwich South": only a body's name runs over "for" and "of".
        while first < last and tokens[first].lower not in BODY_CONNECTORS:
            first += 1
        first += 1
    return first


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
        return new_subject((token.text, token.lower, "pronoun", token.start, token.end))
    # is_name_word() written out, as for every subject; a name word is never a number
    name_word = token.capitalised and token.lower not in NOT_NAME_WORDS
    numbered = (
        not name_word
        and token.text.isdigit()
        and last - 1 >= floor
        and tokens[last - 1].lower in NUMBERED_BODIES
        and not boundary(masked, tokens[last - 1], token)
    )  # "IAFF Local 2217", "Engine Company 9": a body named with its number
    if not name_word and token.text != "He" and not numbered:
        if token.capitalised:
            return None
        return description_ending_at(tokens, masked, last, floor)
    first = capitalised_run_start(tokens, masked, last - 1 if numbered else last, floor)
    article = (
        tokens[first - 1]
        if first - 1 >= floor
        and (
            masked[tokens[first - 1].end : tokens[first].start] == " "
            or not boundary(masked, tokens[first - 1], tokens[first])
        )
        else None
    )
    if (
        article is not None
        and article.lower in DETERMINERS_BUT_THE
        and name_kind(list(map(TEXT, tokens[first : last + 1]))) == "name"
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
    if (
        before >= floor
        and not tokens[before].capitalised
        and tokens[before].lower not in NO_MODIFIERS
    ):  # the call only when a modifier may stand there: most names have none before them
        before = before_modifiers(tokens, masked, before, floor)
    if (
        before >= floor
        and tokens[before].lower in PREPOSITIONS
        and not boundary(masked, tokens[before], tokens[before + 1])
    ):
        # "a spokeswoman for the health ministry in Kyiv": the name is not the head.
        described = description_ending_at(tokens, masked, last, floor)
        if described is not None and described.start < tokens[before].start:
            return described
        return None
    span = masked[tokens[first].start : token.end]
    if "’" in span or "'" in span:
        name = " ".join([clean_token(t.text) for t in tokens[first : last + 1]])
        if (
            "' " in masked[tokens[first].end : token.start]
            or "’ " in masked[tokens[first].end : token.start]
        ):
            name = span  # "Nurses and Midwives' Association"
    elif first == last:
        name = token.text
    else:
        # map() over an attrgetter reads the words in C, where a list comprehension is a call
        name = " ".join(map(TEXT, tokens[first : last + 1]))  # no possessive to drop
    mention_first = first
    while mention_first - 1 >= floor:
        prev = tokens[mention_first - 1]
        if masked[prev.end : tokens[mention_first].start] != " " and boundary(
            masked, prev, tokens[mention_first]
        ):
            break  # one space apart (most words) needs no call to boundary()
        if prev.lower in TITLES or (prev.capitalised and prev.lower not in NOT_NAME_WORDS):
            mention_first -= 1
        else:
            break
    # (most names have no title before them: their mention is the span already cut)
    mention = span if mention_first == first else masked[tokens[mention_first].start : token.end]
    return new_subject((mention, name, "name", tokens[mention_first].start, token.end))


def subject_after(tokens: Sequence[Token], masked: str, verb: int, ceiling: int) -> Subject | None:
    """An inverted subject, `said Becca Wasser,` `said a spokesperson.` `said he.`: a noun phrase
    after the verb that ends its clause."""
    first = verb + 1
    if first >= ceiling:
        return None
    token = tokens[first]
    # One space (most gaps) is read here without calling boundary(), and is_name_word() is
    # written out below: calls cost more than these checks.
    if masked[tokens[verb].end : token.start] != " " and boundary(masked, tokens[verb], token):
        return None
    if token.possessive and token.capitalised:
        return _description_after(
            tokens, masked, first, ceiling
        )  # "Ukraine’s military intelligence"
    if token.lower in ("he", "she", "they"):
        subject = Subject(token.text, token.lower, "pronoun", token.start, token.end)
        last = first
    elif (
        (token.capitalised and token.lower not in NOT_NAME_WORDS)
        or token.lower == "the"
        or token.lower in TITLES
    ):
        last = first
        owner = -1  # "said Bloomberg Economics’ Seo Da-eun": the person after the owner speaks
        while last + 1 < ceiling and (
            (tokens[last + 1].capitalised and tokens[last + 1].lower not in NOT_NAME_WORDS)
            or tokens[last + 1].lower in TITLES
            or (tokens[last + 1].lower in CONNECTORS and last + 2 < ceiling and is_name_word(tokens[last + 2]))
        ):  # fmt: skip
            if masked[tokens[last].end : tokens[last + 1].start] != " " and boundary(
                masked, tokens[last], tokens[last + 1]
            ):
                if not _plural_owner(masked, tokens[last], tokens[last + 1]):
                    break
                owner = last
            elif tokens[last].possessive:
                owner = last
            last += 1
        if not is_name_word(tokens[last]):
            return _description_after(tokens, masked, first, ceiling)
        start = owner + 1 if owner >= 0 else first + 1 if token.lower == "the" else first
        name = " ".join([clean_token(t.text) for t in tokens[start : last + 1]])
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
    last = without_circumstance(tokens, first, last)
    text = masked[tokens[first].start : tokens[last].end]
    name = text[:1].lower() + text[1:] if tokens[first].lower in ARTICLES else text
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
    words = list(map(TEXT, tokens[first:end]))
    if (
        len(words) < 2
        or name_kind(words) != "name"
        or not _ends_clause(tokens, masked, end - 1, ceiling)
    ):
        return None
    return word_token(
        " ".join(clean_token(w) for w in words), tokens[first].start, tokens[end - 1].end
    )


def _ends_clause(tokens: Sequence[Token], masked: str, last: int, ceiling: int) -> bool:
    if last + 1 >= ceiling:
        return True
    gap = masked[tokens[last].end : tokens[last + 1].start]
    if MASK in gap:
        return False  # "said the origin question “cannot be postponed”": an object, not a subject
    if boundary(masked, tokens[last], tokens[last + 1]):
        return True
    return tokens[last + 1].lower in ("who", "whose", "in", "on", "at", "after", "before", "during")
