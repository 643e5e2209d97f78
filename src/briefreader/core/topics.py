"""Topic rules -> hits on paragraphs and topics on sections."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefreader.core.models import Article, Paragraph, Section, Topic, TopicHit

# Between the words of a phrase: any run of spaces, line breaks or hyphens, so that
# "price cap" also finds "price-cap", "price  cap" and "price\ncap".
_GAP = r"[\s\-\u00ad\u2010\u2011]+"
_WORD_SPLIT = re.compile(_GAP)
# Word endings that look like a plural "s" but are not one (gas, virus, crisis, news...).
_NOT_PLURAL = ("ss", "us", "is", "os", "as", "ws", "ys")
_SIBILANT = ("s", "x", "z", "ch", "sh")
# A sentence ends at . ! or ? (maybe followed by closing quotes or brackets), a space, and a
# capital letter; "U.S. officials" still splits, but "the U.S. and" and "Oct. 10" do not.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-ZÀ-ÖØ-Þ])")

# How much a section must say about a topic to be tagged without a heading match.
MIN_SENTENCES = 2
MIN_PARAGRAPH_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Overlap:
    """Two topics matched the same words; the one earlier in the config kept them."""

    kept: TopicHit
    dropped: TopicHit


def term_pattern(term: str) -> str:
    """The regular expression for one term: whole words, flexible gaps, last word inflected.

    `drone` finds drone/drones, `drones` finds drone too, `price cap` finds price-cap and
    price caps, `policy` finds policies.
    """
    return _whole_words([term])


def _term_body(term: str) -> str:
    words = [w for w in _WORD_SPLIT.split(term.strip()) if w]
    if not words:
        raise ValueError("an empty term")
    return _GAP.join([re.escape(w) for w in words[:-1]] + [_inflected(words[-1])])


def _whole_words(terms: Sequence[str]) -> str:
    """One alternation of the terms, longest first, each standing as whole words."""
    # Longest first so "kamikaze drone" is preferred over a shorter term at one place.
    ordered = sorted(terms, key=len, reverse=True)
    bodies = "|".join(_term_body(t) for t in ordered)
    # \b is much faster than a lookbehind in Python's engine, and means the same thing
    # before a word character.
    start = r"\b" if all(_starts_with_word_char(t) for t in ordered) else r"(?<!\w)"
    return rf"{start}(?:{bodies})(?!\w)"


def _starts_with_word_char(term: str) -> bool:
    return bool(re.match(r"\w", term.strip()))


def _inflected(word: str) -> str:
    """The word and its regular singular/plural forms, as a regex."""
    if not word[-1:].isalpha():
        return re.escape(word)
    lower = word.lower()
    # A plural term stands for its singular, whose forms include the plural again.
    if lower.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif lower.endswith("es") and lower[:-2].endswith(_SIBILANT) and len(word) > 4:
        word = word[:-2]
    elif lower.endswith("s") and len(word) > 3 and not lower.endswith(_NOT_PLURAL):
        word = word[:-1]
    lower = word.lower()
    if lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    if lower.endswith(_SIBILANT):
        return re.escape(word) + "(?:es)?"
    return re.escape(word) + "s?"


@dataclass(frozen=True, slots=True)
class CompiledTopic:
    """A topic's regexes. Case-insensitive terms run on lower-cased text without re.I, which
    Python matches several times faster; `folded` is their re.I form, used when lower-casing
    would change the text's length (and so the offsets)."""

    name: str
    lowered: re.Pattern[str] | None  # case-insensitive terms, written in lower case
    folded: re.Pattern[str] | None  # the same terms with re.IGNORECASE
    exact: tuple[re.Pattern[str], ...]  # case-sensitive terms, and every pattern


def compile_topic(topic: Topic) -> CompiledTopic:
    """The compiled regexes of a topic. Raises re.error or ValueError when one is unusable."""
    flags = 0 if topic.case_sensitive else re.IGNORECASE
    exact = [re.compile(pattern, flags) for pattern in topic.patterns]
    if not topic.terms:
        return CompiledTopic(topic.name, None, None, tuple(exact))
    terms = _whole_words(topic.terms)
    if topic.case_sensitive:
        return CompiledTopic(topic.name, None, None, (re.compile(terms), *exact))
    lowered = re.compile(_whole_words([t.lower() for t in topic.terms]))
    return CompiledTopic(topic.name, lowered, re.compile(terms, re.IGNORECASE), tuple(exact))


class TopicMatcher:
    """Finds the user's topics in article text; earlier topics win where two overlap."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._compiled = [compile_topic(t) for t in self.topics]
        self._priority = {topic.name: i for i, topic in enumerate(self.topics)}
        lowered = [c.lowered.pattern for c in self._compiled if c.lowered is not None]
        # One scan for "does any case-insensitive term occur at all?": most paragraphs
        # name no topic, and then each topic's own scan is skipped.
        self._any_lowered = re.compile("|".join(lowered)) if lowered else None

    def _candidates(self, text: str, paragraph: int) -> list[TopicHit]:
        lower = text.lower()
        same_length = len(lower) == len(text)
        scan_lowered = self._any_lowered is not None and (
            not same_length or self._any_lowered.search(lower) is not None
        )
        found: list[TopicHit] = []
        for topic in self._compiled:
            scans: list[tuple[re.Pattern[str], str]] = [(regex, text) for regex in topic.exact]
            if scan_lowered and topic.lowered is not None and topic.folded is not None:
                scans.append((topic.lowered, lower) if same_length else (topic.folded, text))
            for regex, haystack in scans:
                for m in regex.finditer(haystack):
                    if m.end() > m.start():
                        match = text[m.start() : m.end()]
                        found.append(TopicHit(topic.name, paragraph, m.start(), m.end(), match))
        return found

    def _resolve(self, candidates: list[TopicHit]) -> tuple[list[TopicHit], list[Overlap]]:
        """Keep hits by topic priority, then position, then length; drop what they cover."""
        if not candidates:
            return [], []
        priority = self._priority
        ordered = sorted(candidates, key=lambda h: (priority[h.topic], h.start, h.start - h.end))
        kept: list[TopicHit] = []
        # Kept hits never overlap, so sorted by start their ends are sorted too: the hits a
        # new one overlaps sit just before the first kept start past its end (no full scan,
        # which made a megabyte paragraph take minutes).
        by_start: list[tuple[int, int, int]] = []  # (start, end, position in kept)
        overlaps: list[Overlap] = []
        for hit in ordered:
            at = bisect_left(by_start, (hit.end, -1, -1))
            covering = []
            while at > 0 and by_start[at - 1][1] > hit.start:
                at -= 1
                covering.append(by_start[at][2])
            if not covering:
                insort(by_start, (hit.start, hit.end, len(kept)))
                kept.append(hit)
            elif (winner := kept[min(covering)]).topic != hit.topic:
                overlaps.append(Overlap(winner, hit))
        kept.sort(key=lambda h: (h.start, h.end))
        return kept, overlaps

    def text_hits(self, text: str, paragraph: int = -1) -> list[TopicHit]:
        """Every topic match in a piece of text (a heading, a title), in text order."""
        return self._resolve(self._candidates(text, paragraph))[0]

    def paragraph_hits(self, paragraph: Paragraph, section: str | None = None) -> list[TopicHit]:
        """Every topic match in one paragraph, in text order."""
        hits = self.text_hits(paragraph.text, paragraph.index)
        if section is not None:
            hits = [replace(h, section=section) for h in hits]
        return hits

    def article_hits(self, article: Article) -> tuple[TopicHit, ...]:
        """Every topic match in the article's paragraphs, in reading order, with its section."""
        return tuple(
            hit
            for section in article.sections
            for paragraph in section.paragraphs
            for hit in self.paragraph_hits(paragraph, section.heading)
        )

    def heading_hits(self, section: Section) -> list[TopicHit]:
        """Topic matches in a section's heading (paragraph -1)."""
        if not section.heading:
            return []
        return [replace(h, section=section.heading) for h in self.text_hits(section.heading)]

    def article_overlaps(self, article: Article) -> tuple[Overlap, ...]:
        """Where a topic lost words to an earlier topic, so a legend can say which won."""
        return tuple(
            overlap
            for paragraph in article.paragraphs
            for overlap in self._resolve(self._candidates(paragraph.text, paragraph.index))[1]
        )

    def section_topics(self, section: Section, hits: Iterable[TopicHit]) -> tuple[str, ...]:
        """The topics a section is about, in config order.

        A section is about a topic when
        - its heading names the topic (a heading states what the section is about), or
        - the topic recurs through it: it is named in at least MIN_SENTENCES different
          sentences, and the paragraphs naming it make at least MIN_PARAGRAPH_SHARE of the
          section's paragraphs.

        So one passing mention never tags a section, however short, and neither does one
        digression in a long section; a short section that keeps returning to the topic is
        tagged. Sentences, not hits, are counted, so "Shahed-136 drones" is one mention.
        """
        named_in_heading = {h.topic for h in self.heading_hits(section)}
        texts = {p.index: p.text for p in section.paragraphs}
        sentences: dict[str, set[tuple[int, int]]] = {}
        sentence_ends: dict[int, list[int]] = {}  # found once per paragraph, not once per hit
        for hit in hits:
            if hit.paragraph in texts:
                ends = sentence_ends.get(hit.paragraph)
                if ends is None:
                    ends = sentence_ends[hit.paragraph] = _sentence_ends(texts[hit.paragraph])
                sentence = bisect_right(ends, hit.start)
                sentences.setdefault(hit.topic, set()).add((hit.paragraph, sentence))
        count = len(section.paragraphs)
        tagged = []
        for name in self._priority:
            mentions = sentences.get(name, set())
            paragraphs = {index for index, _ in mentions}
            recurs = (
                len(mentions) >= MIN_SENTENCES and len(paragraphs) >= MIN_PARAGRAPH_SHARE * count
            )
            if name in named_in_heading or recurs:
                tagged.append(name)
        return tuple(tagged)

    def tag_sections(self, article: Article, hits: Sequence[TopicHit]) -> Article:
        """The article with each section's topics filled in (see section_topics)."""
        sections = tuple(
            replace(section, topics=self.section_topics(section, hits))
            for section in article.sections
        )
        return replace(article, sections=sections)


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of the text ends; bisect_right(ends, offset) numbers the sentence."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]
