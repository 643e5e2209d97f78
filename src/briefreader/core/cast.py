"""The people and bodies an article names, each kept under every form the text may use for
them later: "John Kirby", "Kirby", "Mr Kirby", the family name of a name written family first."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from briefreader.core.names import (
    ARABIC_ARTICLE,
    FAMILY_FIRST,
    POST_NOMINALS,
    SUFFIXES,
    SYLLABLE_PAIR,
    clean_token,
    family_name,
    without_post_nominals,
    without_suffixes,
)

_SUFFIXES_OR_POST_NOMINALS = SUFFIXES | POST_NOMINALS
NameForms = tuple[
    str, str, int, str, str, str, str, str | None, tuple[str, ...], str | None, tuple[str, ...]
]


@lru_cache(maxsize=4096)
def _forms(name: str) -> NameForms:
    """What `Cast.add` reads from a name alone: the name as a speaker is named (letters after
    it dropped), as the cast keys it (suffixes dropped too), the words in the latter, and of
    that: itself lowered, its last word lowered (as `Cast.resolve` takes it, and without a
    possessive), its first word lowered, the last word without an Arabic article when it has
    one, each tail of it (lowered) from the second word to the last two, its family name
    (lowered) when that is not its last word, and the keys its last word and last two words
    give. New names cost the cast most: their keys are read here once, hence the cache."""
    words = name.split()
    if _SUFFIXES_OR_POST_NOMINALS.isdisjoint(name.lower().split()):
        # nothing to drop, the usual case: the name is its words, with no call for either form
        plain = written = " ".join(words)
    else:
        written, plain = without_post_nominals(name), without_suffixes(name)
        words = plain.split()
    size = len(words)
    last = first = ""
    bare = None
    last_key = words[-1].lower() if words else plain.lower()
    if size > 1:
        # with no apostrophe there is no possessive to drop: the last word lowered as it is
        last = clean_token(words[-1]).lower() if "’" in name or "'" in name else last_key
        first = words[0].lower()
        stripped = ARABIC_ARTICLE.sub("", last) if last[1:3] == "l-" else last
        bare = stripped if stripped != last else None
    if size == 2:
        # Most names have two words: no tails, one key, and `family_name`'s two tests inline
        # instead of a generator for each and a call that splits the name again.
        given, surname = words
        family_first = (
            "-" in surname and SYLLABLE_PAIR.fullmatch(surname) is not None
        ) or first in FAMILY_FIRST
        tails: tuple[str, ...] = ()
        keys: tuple[str, ...] = (last_key,)
        family_key = first if family_first and given != surname else None
    else:
        tails = tuple(" ".join(words[k:]).lower() for k in range(1, size - 1))
        family = family_name(plain)
        family_key = family.lower() if family is not None and family != words[-1] else None
        keys = tuple(" ".join(words[-n:]).lower() for n in ((1, 2) if size > 2 else ()))
    return written, plain, size, plain.lower(), last_key, last, first, bare, tails, family_key, keys


@dataclass
class Cast:
    """Everyone an article names: full names, and the surnames and first names that point at them."""

    people: list[str] = field(default_factory=list)
    by_word: dict[str, str] = field(default_factory=dict)
    # how many times each name stands in `people`, so membership does not scan the list; every
    # name ever recorded keeps its key, and adding such a name again changes nothing (its own
    # key points at it or at a longer name for good)
    listed: dict[str, int] = field(default_factory=dict)
    # last word and first word -> every name added with it, for people who share a surname
    by_last: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)
    # "Marcus A. Pruitt" -> "Marcus A. Pruitt Jr.": mentions resolve without the suffix, and the
    # speaker is named with it
    suffixed: dict[str, str] = field(default_factory=dict)
    # how many words each name recorded has: every name `resolve` gives is one of them
    sizes: dict[str, int] = field(default_factory=dict)

    def add(self, name: str) -> str:
        """Record a person; returns the fullest name known for them so far."""
        forms = _forms(name)
        written, name, size, lowered, last_key, last, first, bare, tails, family, keys = forms
        if written != name:
            self.suffixed[name] = written
        # `resolve` inline (a call for each name added costs more than its two look-ups):
        # a name known already is found under its own name, else under its last word
        found = self.by_word.get(lowered)
        if not found:
            full = self.by_word.get(last_key)
            found = full if full and full.lower().endswith(lowered) else None
        if found and self.sizes[found] >= size:
            return found
        if found and self.listed.get(found, 0):
            self.people.remove(found)
            self.listed[found] -= 1
        self.people.append(name)
        self.listed[name] = self.listed.get(name, 0) + 1
        self.sizes[name] = size
        if size > 1:
            self.by_last.setdefault(last, []).append(name)
            self.by_first.setdefault(first, []).append(name)
            if bare is not None:  # "Kadhim Jabbar al-Garawi" is "Garawi" later
                self.by_last.setdefault(bare, []).append(name)
                self.by_word.setdefault(bare, name)
        self.by_word[lowered] = name
        for tail in tails:
            # "De la Fuente", learnt first, is "Tomás de la Fuente": the shorter name goes
            shorter = self.by_word.get(tail)
            if shorter is not None and shorter.lower() == tail and self.listed.get(shorter, 0):
                self.people.remove(shorter)
                self.listed[shorter] -= 1
                self.by_word[tail] = name
        if family is not None:
            # "Agnes Lau Suk-man" is "Lau" later, not "Suk-man"
            self.by_last.setdefault(family, []).append(name)
            self.by_word.setdefault(family, name)
        for key in keys:
            known = self.by_word.get(key)
            # A second person with the same surname ("Birthe Olsen" after "Marguerite Olsen")
            # does not take the bare surname from the first one introduced.
            if known is None or lowered.endswith(known.lower()):
                self.by_word[key] = name
        return name

    def resolve(self, name: str) -> str | None:
        """The fullest name for a mention ("Kirby" -> "John Kirby"), or None if unknown."""
        key = name.lower()
        if key in self.by_word:
            return self.by_word[key]
        last = key.split()[-1] if key.split() else key
        full = self.by_word.get(last)
        if full and full.lower().endswith(key):
            return full
        return None

    def namesakes(self, word: str) -> list[str]:
        """Everyone whose surname is the word, else everyone whose first word it is ("Lucas",
        or "Nguyen" for "Nguyen Thi Lan", who writes the family name first)."""
        key = word.lower()
        found = [n for n in self.by_last.get(key, ()) if self.listed.get(n, 0)]
        if not found:
            found = [n for n in self.by_first.get(key, ()) if self.listed.get(n, 0)]
        return list(dict.fromkeys(found))

    def lists(self, name: str) -> bool:
        """The name is one of `people`, exactly as written."""
        return self.listed.get(name, 0) > 0
