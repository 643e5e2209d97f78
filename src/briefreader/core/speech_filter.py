"""Whether a quoted span is someone's speech or a scare quote, a term, a name or a title."""

from __future__ import annotations

import re

WORD = re.compile(r"\w[\w’'-]*")
# WORD for a text that is all ASCII, where ASCII's `\w` means the same as Unicode's: the regex
# engine then tells a word character by a table rather than by Unicode's character database.
ASCII_WORD = re.compile(r"\w[\w'-]*", re.ASCII)
# Whether a text has thirteen words or more, with no list of them made: thirteen matches of WORD
# one after another. For ASCII, which most quotations are, written out rather than a repeated
# group, which the regex engine runs slower; compiling it costs more, which is paid once.
THIRTEEN_WORDS = re.compile(r"(?:\W*+\w[\w’'-]*+){13}")
ASCII_THIRTEEN_WORDS = re.compile(r"\W*+\w[\w'-]*+" * 13, re.ASCII)
# Words in front of a quoted span that make it a term, a name or a title, not speech.
TERM_BEFORE = re.compile(  # whole words: "remarked" ends in "marked" but is no label
    r"\b(?:so-called|so called|dubbed|known as|nicknamed|termed|labell?ed(?: as)?|branded(?: as)?"
    r"|titled|entitled|headlined|captioned|the (?:word|term|phrase|hashtag|slogan|motto|name|"
    r"title|label|acronym|codename|code name)s?|hashtag|slogans?|signs? (?:that )?(?:reading|read|saying)"
    r"|banners? (?:reading|saying)|placards? (?:reading|saying)|marked|stamped|code-?named"
    r"|named|(?:pronounce|spell|spelt|spelled)s?|call ?signs?|nom de guerre|pseudonym|alias)[\s,:]*$"
)
# "a group called “X”" names a thing; "what he called “X”" and "Johnson called “X”" report speech.
CALLED_BEFORE = re.compile(r"(\S+)\s+(?:call|called|calls|dubbed)[\s,:]*$")
SPEECH_RIGHT_BEFORE = re.compile(
    r"\b(?:said|says|told|tweeted|posted|wrote|writes|chanted|chanting|shouted|shouting|yelled|added|declared|"
    r"asked|replied|warned)\s*[:,]?\s*$"
)
# The last words of TERM_BEFORE's, CALLED_BEFORE's and SPEECH_RIGHT_BEFORE's alternatives.
TERM_ENDINGS = tuple(
    """called dubbed as named termed labeled labelled branded titled headlined captioned word
    words term terms phrase phrases hashtag hashtags slogan slogans motto mottos name names title
    titles label labels acronym acronyms reading read saying marked stamped pronounce pronounces
    spell spells spelt spelled sign signs callsign callsigns guerre pseudonym alias""".split()
)
CALLED_ENDINGS = ("call", "called", "calls", "dubbed")
SPEECH_ENDINGS = tuple(
    """said says told tweeted posted wrote writes chanted chanting shouted shouting yelled added
    declared asked replied warned""".split()
)
# Words on signs and in logs, which QUOTES.md does not count as anyone's speech.
WRITTEN_ON_A_THING = re.compile(
    r"\b(?:signs?|banners?|placards?|posters?|t-shirts?|stickers?|log|entry|chart|graffiti|"
    r"plaque)\b[^.!?]*\b(?:reading|reads|read)(?: only| simply)?[\s,:]*"
    r"(?:[\"“][^\"”]*[\"”]\s*(?:and|or)\s*)?$"
)
# "what the Kremlin calls a “…”": a name for a thing, not words reported.
CALLS_IT_A = re.compile(r"\b(?:call|calls|called|dubs|dubbed) (?:an?|the) $")
# How a text ends when CALLS_IT_A can match (`$` also matches before a final line break).
CALLS_IT_A_ENDINGS = (" a ", " an ", " the ", " a \n", " an \n", " the \n")


def _by_last_two(endings: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The endings grouped by their last two letters (every ending has two or more): a text
    can only end with those of its own last two, so one look-up leaves a few to try, not all."""
    groups: dict[str, tuple[str, ...]] = {}
    for ending in endings:
        groups[ending[-2:]] = groups.get(ending[-2:], ()) + (ending,)
    return groups


TERM_TAILS = _by_last_two(TERM_ENDINGS)
CALLED_TAILS = _by_last_two(CALLED_ENDINGS)
SPEECH_TAILS = _by_last_two(SPEECH_ENDINGS)
NAMED_TAILS = _by_last_two(TERM_ENDINGS + CALLED_ENDINGS)
WORD_BEFORE = re.compile(r"(\w+)\s*$")
WORD_AFTER = re.compile(r"\s+(\w+)")
NOUN_OPENERS = frozenset("a an the more most less its their his her our some any such".split())
NOT_NOUNS = frozenset(
    """of for at in from with on to by and or but as than that which who is are was were be
    been has have had will would can could may might must should""".split()
)
NICKNAME_BEFORE = re.compile(r"\bcall(?:s|ed|ing)? (?:her|him|them|me|us)(?:self|selves)?[\s,:]*$")
WORD_DISCUSSED = re.compile(r"\s*(?:meant|means|mean|referred to|refers to|stood for|stands for)\b")
SPEAKING_WORDS = frozenset("he she they it we i what has have had who which also".split())
# What `[\s,:]*$` matches at a text's end: every character `str.isspace` is true of, commas and
# colons; one `rstrip` takes them all off.
TRAILING_MARKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000,:"
)
SMALL_WORDS = frozenset("a an and as at but by for from in of on or the to with vs".split())


def is_speech(text: str, paragraph: str, masked: str, quotes_in_paragraph: int,
              region: tuple[int, int], governed: bool) -> bool:  # fmt: skip
    """Reported words, not a scare quote, a term, a name or a title: `text` is the quoted
    words, `region` where they stand with their marks in the paragraph, `masked` the paragraph
    with every quotation blanked, `governed` whether a reporting clause introduces or follows
    them at once."""
    ascii_text = text.isascii()
    at = region[0]
    # "" for a paragraph's opening; a comparison rather than max(), whose call costs more
    raw_before = paragraph[at - 40 if at > 40 else 0 : at] if at else ""
    before = raw_before.lower()
    # Each pattern ends its match with one of its words: most texts end with none of them.
    last_words = before.rstrip(TRAILING_MARKS)
    # _named_before's four tests each need one of these endings or "read": most texts have
    # none, and one look-up for the term and "called" endings together spares the call.
    if (
        last_words
        and (
            last_words.endswith(NAMED_TAILS.get(last_words[-2:], ()))
            or raw_before.endswith(CALLS_IT_A_ENDINGS)
            or "read" in before
        )
        and _named_before(paragraph, at, raw_before, before, last_words)
    ):
        return False
    # Every other test is for twelve words or fewer. A text with twelve spaces or more nearly
    # always has more words, which one match tells more quickly than a list of them.
    if text.count(" ") >= 12 and (ASCII_THIRTEEN_WORDS if ascii_text else THIRTEEN_WORDS).match(
        text
    ):
        return True
    words = (ASCII_WORD if ascii_text else WORD).findall(text)
    if len(words) > 12:
        return True
    if (
        not words
        or (
            len(words) < 3  # three words or more have three letters or more
            and sum(len(w) for w in words) < 3
            and not (governed and text.rstrip()[-1:] in ",.!?")
        )
    ):
        return False  # "rock 'n' roll"; but "“No,” she said" is speech
    speech_before = last_words.endswith(SPEECH_TAILS.get(last_words[-2:], ())) and bool(
        SPEECH_RIGHT_BEFORE.search(before)
    )
    if len(words) <= 2 and all(w[:1].isupper() for w in words) and NICKNAME_BEFORE.search(before):
        return False  # "friends call her “Bibi”": a name, not her words
    if len(words) <= 3 and not speech_before and WORD_DISCUSSED.match(paragraph, region[1]):
        return False  # "Asked whether “soon” meant October": the word itself is the topic
    last = text.rstrip()[-1:]
    ends_like_speech = last in ".!?;:…—" or (last == "," and governed)
    if not speech_before:
        content = _title_words(words)
        if content and (not ends_like_speech or (content >= 2 and last == ".")):
            return False  # a title or a name: "the group “Angels of Kherson.”"
    if len(words) <= 2 and not speech_before and _modifies_a_noun(paragraph, region):
        return False  # "more “compliant” barrels", "so-called “kamikaze” drones"
    sentence_like = text[:1].isupper() and last in ".!?…"
    if len(words) <= 4 and not sentence_like:
        # A partial quote is speech when a reporting clause introduces it or follows it at once;
        # a short phrase elsewhere in the sentence ("volunteers run a ‘warm bank’") is a term.
        whole_paragraph = masked.strip(" \x01.,") == "" and quotes_in_paragraph == 1
        return governed or speech_before or whole_paragraph
    return True


def _named_before(paragraph: str, at: int, raw_before: str, before: str, last_words: str) -> bool:
    """The words before the quotation mark at `at` make it a term, a name or words on a sign:
    "so-called “…”", "a group called “…”", "what the Kremlin calls a “…”", "signs reading “…”"."""
    last_two = last_words[-2:]
    if last_words.endswith(TERM_TAILS.get(last_two, ())) and TERM_BEFORE.search(before):
        return True
    # (on the lower-cased text: a quicker test that lets through all the regex can match)
    if last_words.endswith(CALLED_TAILS.get(last_two, ())):
        called = CALLED_BEFORE.search(raw_before)
        if called and not (
            called.group(1)[:1].isupper() or called.group(1).lower() in SPEAKING_WORDS
        ):
            return True
    if raw_before.endswith(CALLS_IT_A_ENDINGS) and CALLS_IT_A.search(raw_before):
        return True  # "what the Kremlin calls a “special military operation”": its term
    if "read" in before:
        written = paragraph[max(0, at - 120) : at].lower()
        if WRITTEN_ON_A_THING.search(written):
            return True  # "signs reading “…”", "the log reads only “…”": no one speaks
    return False


def _title_words(words: list[str]) -> int:
    """How many words are not small words ("of", "the") when each of them opens with a capital
    or a digit, as a title's or a name's do; else 0. Stops at the first word that does not."""
    count = 0
    for word in words:
        if word.lower() not in SMALL_WORDS:
            if not (word[:1].isupper() or word[:1].isdigit()):
                return 0  # most quotations: an early word shows they are no title
            count += 1
    return count


def _modifies_a_noun(paragraph: str, region: tuple[int, int]) -> bool:
    """The quoted words stand between a determiner and the noun they describe."""
    before = WORD_BEFORE.search(paragraph, max(0, region[0] - 20), region[0])
    after = WORD_AFTER.match(paragraph, region[1])
    return (
        before is not None
        and after is not None
        and before.group(1).lower() in NOUN_OPENERS
        and after.group(1).islower()
        and after.group(1) not in NOT_NOUNS
    )
