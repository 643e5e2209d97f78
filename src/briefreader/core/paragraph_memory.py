"""Which paragraphs a speaker book remembers, and when: each only once something asks for it,
in an order that gives what remembering every paragraph in order would give."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefreader.core.mentions import Mention
from briefreader.core.name_book import NameBook
from briefreader.core.name_runs import NameRun
from briefreader.core.words import Subject

# The honorifics that teach a gender (see mentions.HONORIFIC_GENDER), as a run's first word:
# a capital first, so the regex engine skips from "M" to "M" in C.
TEACHES_GENDER = re.compile(r"M(?:[rR][sS]?|[sS]|[iI][sS][sS])\b")
# How many paragraphs may be remembered out of order one inside another (each asking for one
# before it) before the rest are remembered in order, which needs no recursion.
MOST_OUT_OF_ORDER = 20

# What remembering reads of a paragraph: masked text, sentence starts, runs, subjects.
Recollection = tuple[str, Sequence[int], Sequence[NameRun], Sequence[Subject]]


class ParagraphMemory(NameBook):
    """Where the article names each person and organisation, paragraph by paragraph, worked
    out for a paragraph when first asked: most articles never ask for a pronoun's antecedent.
    `remember` (the speaker book's) reads one paragraph."""

    def __init__(self) -> None:
        super().__init__()
        self.by_paragraph: dict[int, list[Mention]] = {}
        self.heads: dict[str, list[Mention]] = {}  # role noun -> descriptions with it, in order
        self.recall: Callable[[int], Recollection | None] | None = None
        self.paragraphs = 0  # how many paragraphs `recall` knows
        self.next_unread = 0
        self.started: set[int] = set()  # paragraphs remembered, or being remembered
        self.texts: Sequence[str] = ()
        self.lowered: list[str] | None = None  # the texts in lower case, made when first asked
        self.in_order_until: int | None = None  # see `named_in`; worked out when first asked
        self.depth = 0  # paragraphs being remembered out of order, one inside another
        self.recollections: dict[int, Recollection | None] = {}  # paragraphs read so far

    def remember_later(self, recall: Callable[[int], Recollection | None], paragraphs: int,
                       texts: Sequence[str]) -> None:  # fmt: skip
        """Paragraphs to remember when first needed: `recall` tells what remembering one reads
        (None: nothing), asked for each only then; all names must be learnt first, since
        `remember` resolves against them. `texts`, the masked paragraphs, tell whether they may
        be remembered out of order (see `named_in`)."""
        self.recall = recall
        self.paragraphs = paragraphs
        self.next_unread = 0
        self.recollections = {}
        self.started = set()
        self.texts = texts
        self.lowered = None
        self.in_order_until = None

    def mentions(self, paragraph: int) -> list[Mention]:
        """Who the paragraph names, remembering it and every paragraph before it first (for
        role heads and counts of bodies, read over all of them)."""
        while self.next_unread <= paragraph and self.next_unread < self.paragraphs:
            index = self.next_unread
            self.next_unread += 1
            if index not in self.started:
                self._remember_at(index)
        return self.by_paragraph.get(paragraph, [])

    def with_head(self, head: str, paragraph: int) -> Sequence[Mention]:
        """The mentions a role head ("spokesman") stands for, remembering first every
        paragraph up to this one that can teach it: a head is learnt only from a word of the
        paragraph's text, lowered ("the Spokesman" too), so paragraphs without it are left
        unremembered (in the order `named_in` keeps)."""
        # a head of other letters might lower differently inside the text ("Σ" at a word's end)
        if not head.isascii():
            self.mentions(paragraph)
            return self.heads.get(head, ())
        lowered = self.lowered
        if lowered is None:
            lowered = self.lowered = [text.lower() for text in self.texts]
        started = self.started
        last = paragraph if paragraph < self.paragraphs else self.paragraphs - 1
        for index in range(last + 1):
            if index not in started and head in lowered[index]:
                self.named_in(index)
        return self.heads.get(head, ())

    def named_in(self, paragraph: int) -> list[Mention]:
        """Who the paragraph names, remembering it first: alone, with only what remembering
        it reads of the paragraphs before, when the article allows. Pronouns are mostly settled
        in their own paragraph or the one before, so the paragraphs further back are seldom
        needed. Remembering a paragraph gives the same whatever else is remembered already:
        what it reads of the paragraphs before it asks for here; role heads are read only
        after `with_head` remembered every paragraph before that can teach them, and only those
        placed before the one asking; genders are the one exception, hence the order below."""
        if paragraph not in self.started:
            last_teaching = self.in_order_until
            if last_teaching is None:
                # Remembering reads the genders honorifics taught in the paragraphs remembered
                # before ("Ms. Varga"): the paragraphs up to the last with an honorific are
                # remembered in order, and before any after it, which then see every gender
                # taught, as they would in order.
                last_teaching = len(self.texts) - 1  # looked for from the end: the last is wanted
                while last_teaching >= 0 and not TEACHES_GENDER.search(self.texts[last_teaching]):
                    last_teaching -= 1
                self.in_order_until = last_teaching
            if paragraph <= last_teaching or self.depth > MOST_OUT_OF_ORDER:
                return self.mentions(paragraph)
            if self.next_unread <= last_teaching:
                self.mentions(last_teaching)
            if 0 <= paragraph < self.paragraphs and paragraph not in self.started:
                self.depth += 1
                self._remember_at(paragraph)
                self.depth -= 1
        return self.by_paragraph.get(paragraph, [])

    def _remember_at(self, paragraph: int) -> None:
        """Remember the paragraph (a description in it looks back without remembering it again)."""
        self.started.add(paragraph)
        recollection = self.recollection(paragraph)
        if recollection is not None:
            self.remember(paragraph, *recollection)

    def recollection(self, paragraph: int) -> Recollection | None:
        """What remembering the paragraph reads (None: nothing), worked out once: descriptions
        and documents look back over paragraphs that are remembered too."""
        if paragraph in self.recollections:
            return self.recollections[paragraph]
        recall = self.recall if 0 <= paragraph < self.paragraphs else None
        found = self.recollections[paragraph] = recall(paragraph) if recall is not None else None
        return found

    def remember(self, paragraph: int, masked: str, starts: Sequence[int], runs: Sequence[NameRun],
                 subjects: Sequence[Subject] = ()) -> None:  # fmt: skip
        """Where each person and organisation is named in one paragraph."""
        raise NotImplementedError
