"""Quotations in an article and who said them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from operator import attrgetter

from briefreader.core.attribution import (
    Report,
    sentence_subject,
    with_then_participle,
)
from briefreader.core.described_speakers import body_with_word, given_names
from briefreader.core.mentions import Mention
from briefreader.core.models import Article, Quote
from briefreader.core.name_runs import name_runs
from briefreader.core.paragraph_facts import ParagraphFacts, paragraph_facts
from briefreader.core.paragraph_memory import Recollection
from briefreader.core.quote_repairs import (
    WORD,
    as_named,
    headline_attributed,
    is_headline,
    pull_quotes_attributed,
    quoted_in_story,
)
from briefreader.core.sentences import (
    sentence_index,
    sentence_starts,
)
from briefreader.core.source_sentences import QUOTE_LABEL, SOURCES_NEXT
from briefreader.core.speakers import SpeakerBook
from briefreader.core.speech_filter import is_speech
from briefreader.core.words import MASK, Subject, tokens_of

THE_DOCUMENT = re.compile(
    r"^the (?:([A-Z][\w.&-]*) )?(?:statement|letter|email|memo|post|filing|message)$"
)
THE_RULING = re.compile(
    r"^the (?:ruling|judgment|judgement|verdict|order|decision)$", re.IGNORECASE
)

COLON_NEXT = re.compile(r"\s*:")
WORD_CHARACTER = re.compile(r"\w")
PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
NEW_CLAUSE = frozenset("he she they it we i that the this there".split())
TEXT = attrgetter("text")  # read from C by map(), quicker than a comprehension
SUBJECT = attrgetter("subject")
MASKED = attrgetter("masked")


def _own_report(facts: ParagraphFacts, region: tuple[int, int]) -> tuple[Report | None, bool]:
    """The reporting clause in the quotation's own sentence that governs it, and whether it
    introduces the quotation or follows it at once (`_right_after`, asked only when the search
    for that clause has not already told)."""
    start, end = region
    sentence = sentence_index(facts.starts, start)
    # Plain loops, not comprehensions: a paragraph has a report or two, and each
    # comprehension would be a call of its own for every quotation.
    same = []
    for report in facts.reports:
        if report.sentence == sentence:
            same.append(report)
    for report in same:
        if report.verb_start >= end:
            subject = report.subject
            first = (
                subject.start
                if subject and subject.start < report.verb_start
                else report.verb_start
            )
            if first >= end and not WORD_CHARACTER.search(facts.masked, end, first):
                # Reports come in order, their verbs' ends too: the first ends earliest. It is
                # asked before the colon, which is seldom needed then.
                if same[0].verb_end <= start and _introduces_next(facts.masked, report):
                    continue  # "When Sandhu replied it was “…”, the judge remarked: “…”"
                return report, True  # no word between: it follows at once
    before = None  # the last report before the quotation, else the first after it
    for report in same:
        if report.verb_end <= start:
            before = report
    if before is not None:
        return before, True
    for report in same:
        if report.verb_start >= end:
            return report, _right_after(facts, region, report)
    return None, False


def _introduces_next(masked: str, report: Report) -> bool:
    """The clause ends in a colon: it introduces the quotation after it."""
    end = report.subject.end if report.subject and report.subject.end > report.verb_end else None
    return COLON_NEXT.match(masked, end or report.verb_end) is not None


def _governing_subject(facts: ParagraphFacts, report: Report) -> Subject | None:
    """The report's subject; for a participle ("…, adding that"), the clause's own subject."""
    if report.subject is not None:
        return report.subject
    if report.participle:
        described = with_then_participle(facts.tokens, facts.masked, report.verb_start)
        if described is not None:
            return described
    earlier = [
        r
        for r in facts.reports
        if r.sentence == report.sentence and r.verb_end <= report.verb_start
    ]
    for other in reversed(earlier):
        if other.subject is not None:
            return other.subject
    return sentence_subject(facts.tokens, facts.masked, facts.starts, report.sentence)


def _right_after(facts: ParagraphFacts, region: tuple[int, int], report: Report) -> bool:
    """The reporting clause follows the quotation directly (`“…,” Kirby said`)."""
    if report.verb_start < region[1]:
        return False
    subject = report.subject
    first = subject.start if subject and subject.start < report.verb_start else report.verb_start
    if not WORD_CHARACTER.search(facts.masked, region[1], first):  # no slice to search
        return True
    # "…had “roughly tripled” since July, he said.": the clause closes the sentence (the
    # report's own, found with its verb).
    sentence = report.sentence
    end = facts.starts[sentence + 1] if sentence + 1 < len(facts.starts) else len(facts.masked)
    last = max(report.verb_end, report.subject.end if report.subject else report.verb_end)
    tail = facts.masked[last:end]
    tail_words = [w.lower() for w in WORD.findall(tail)]
    return (
        MASK not in tail
        and len(tail_words) <= 5
        and not NEW_CLAUSE.intersection(tail_words)
        and "," in facts.text[region[1] - 3 : first]
    )


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in reading order, each with its speaker's fullest name when known."""
    paragraphs = article.paragraphs
    texts = list(map(TEXT, paragraphs))
    facts = paragraph_facts(texts)
    if not facts:
        return ()
    book = SpeakerBook()
    # (most paragraphs have no reporting clause: one shared empty tuple, no list made for each;
    # filter and map read the others' subjects in C, where a comprehension is a call of its own)
    subjects = [list(filter(None, map(SUBJECT, f.reports))) if f.reports else () for f in facts]
    masked = list(map(MASKED, facts))
    book.learn_article(masked, subjects)
    _learn_given_names(book, facts)
    book.remember_later(partial(_recollection, facts, subjects), len(facts), masked)

    headline = is_headline(paragraphs[0].text, article.title)
    quotes: list[Quote] = []
    last_speaker: dict[int, str | None] = {}  # who speaks last in each paragraph with a quote
    continuing: Quote | None = None
    context = _Context(book, facts, 0, last_speaker)  # one for the article, moved on per paragraph
    for index, (paragraph, f) in enumerate(zip(paragraphs, facts, strict=True)):
        if not f.spans:
            continue
        in_paragraph: list[Quote] = []
        context.index = index
        for span in f.spans:
            region = span.region
            text = f.text[span.start : span.end]
            report, governs = _own_report(f, region)
            chained = span.continued and continuing is not None
            if (
                not chained
                and not is_speech(text, f.text, f.masked, len(f.spans), region, governs)
                and not (headline and index == 0 and quoted_in_story(text, _later_quotes(facts)))
            ):
                continue
            speaker, mention = context.attribute(
                region, report, in_paragraph, continuing if chained else None
            )
            speaker = as_named(book, speaker) if speaker else speaker
            quote = Quote(text, speaker, mention, paragraph.index, span.start, span.end)
            in_paragraph.append(quote)
            continuing = quote if span.continues else None
        quotes.extend(in_paragraph)
        if in_paragraph:
            last_speaker[index] = in_paragraph[-1].speaker
    if headline:
        quotes = headline_attributed(quotes, book)
    return tuple(pull_quotes_attributed(quotes, texts))


def _later_quotes(facts: Sequence[ParagraphFacts]) -> Iterator[str]:
    """The quoted words of every paragraph after the first."""
    return (f.text[s.start : s.end] for f in facts[1:] for s in f.spans)


def _learn_given_names(book: SpeakerBook, facts: Sequence[ParagraphFacts]) -> None:
    """Described speakers whose clause gives the name they go by ("a medic who goes by the
    call sign “Lastivka”") speak, and are pointed back to, by that name."""
    for index, f in enumerate(facts):
        if f.detail == "words" and f.starts:
            for given in given_names(f.text, f.starts):
                book.learn_given_name(index, *given)


def _recollection(
    facts: Sequence[ParagraphFacts], subjects: Sequence[Sequence[Subject]], index: int
) -> Recollection | None:
    """What remembering a paragraph reads; sentence starts not yet found are found now. None
    for a paragraph far from every quotation, which is never remembered."""
    f = facts[index]
    if f.detail == "text":
        return None
    found = subjects[index]
    return f.masked, f.starts or sentence_starts(f.text, f.masked), name_runs(f.masked), found


@dataclass
class _Context:
    """What attribution needs beyond the quotation: the article's paragraphs and speakers."""

    book: SpeakerBook
    facts: list[ParagraphFacts]
    index: int
    last_speaker: dict[int, str | None]

    def attribute(self, region: tuple[int, int], report: Report | None, earlier: list[Quote],
                  continuing: Quote | None) -> tuple[str | None, str | None]:  # fmt: skip
        """Speaker and mention for one quotation, following QUOTES.md rule 6 when it has no clause."""
        f, book, index = self.facts[self.index], self.book, self.index
        # (the report's own subject, which most have, read without the call)
        subject = None if report is None else report.subject or _governing_subject(f, report)
        # Both patterns below open with "the": a subject opening with another letter (a name,
        # as most are) is told by one look at that letter, not by two matches.
        the = subject is not None and subject.name[:1] in "tT"
        document = THE_DOCUMENT.match(subject.name) if the and subject is not None else None
        if document is not None and subject is not None and document.group(1):
            # "the IRGC statement said": the body that issued it
            owner = Subject(
                document.group(1), document.group(1), "name", subject.start, subject.end
            )
            return book.speaker(owner, index), subject.mention
        if document is not None and subject is not None:
            # "“…,” the statement said": whoever issued the statement quoted just before, else
            # whoever the text says sent it ("Gov. Ruiz sent a letter …"), else the last speaker.
            author = earlier[-1].speaker if earlier else None
            author = author or book.sender(subject.name.split()[-1], index, subject.start)
            author = author or self._last_speaker(index - 1)
            if author:
                return author, subject.mention
        if the and subject is not None and THE_RULING.match(subject.name):
            # "The ruling … found that …": the court that gave it
            court = body_with_word(book, "court", index, subject.start)
            if court:
                return court, subject.mention
        if subject is not None:
            return book.speaker(subject, index), subject.mention
        if earlier and earlier[-1].speaker:
            return earlier[-1].speaker, None
        if continuing is not None:
            return continuing.speaker, None
        subject = _nearest_subject(f, region)
        if subject is not None:
            return book.speaker(subject, index), None
        before = f.masked[: region[0]].rstrip()
        label = QUOTE_LABEL.fullmatch(before)
        if label is not None:
            # "Quote from Lys: “…”", as Ukrainska Pravda labels its quotes; "Quote: “…”" goes on
            return self._labelled(label, index)
        if before.endswith(":"):
            # "Ortega put it more bluntly: “…”": the sentence's subject introduces the quote.
            opener = sentence_subject(
                f.tokens, f.masked, f.starts, sentence_index(f.starts, region[0])
            )
            if opener is not None and opener.kind in ("name", "pronoun"):
                return book.speaker(opener, index), opener.mention
        if before.endswith((".", "!", "?")) and region[0] > 0:
            # "A European diplomat involved in the talks is blunter. “…”": whoever the sentence
            # before is about
            opens = f.starts[sentence_index(f.starts, len(before) - 1)]
            words = tokens_of(f.masked, [(opens, len(before))])
            said_before = sentence_subject(words, f.masked, None, None, first=0) if words else None
            if said_before is not None and said_before.kind in ("name", "pronoun", "description"):
                return book.speaker(said_before, index), said_before.mention
        if before != "":
            return None, None
        following = self.facts[index + 1].text if index + 1 < len(self.facts) else ""
        source = next(filter(None, (p.match(following) for p in SOURCES_NEXT)), None)
        if source:
            # "That warning came from Sultana Parveen, who …": the next paragraph names the source.
            name = source.group(1)
            named = _named_source(name, source.start(1), source.end(1))
            return book.speaker(named, index + 1), name
        previous = self._last_speaker(index - 1)
        if previous:
            return previous, None
        introduced = self._introduced(index - 1, last=True)
        if introduced and not self.facts[index - 1].spans:
            return introduced, None
        if index + 1 < len(self.facts):
            after = [r.subject for r in self.facts[index + 1].reports if r.subject]
            if after:
                return book.speaker(after[0], index + 1), after[0].mention
            introduced = self._introduced(index + 1, last=False)
            if introduced:
                return introduced, None
        if index > 0 and index - 1 not in self.last_speaker:
            # "…, she paused before answering." then a paragraph that is only a quote: the
            # person the paragraph before is about speaks.
            narrated = self._narrated(index - 1)
            if narrated:
                return narrated, None
        return None, None

    def _labelled(self, label: re.Match[str], index: int) -> tuple[str | None, str | None]:
        """The speaker a "Quote from …:" label names, else the one speaking before."""
        source = label.group(1)
        if source is None:
            return self._last_speaker(index - 1), None
        named = _named_source(source, label.start(1), label.end(1))
        return self.book.speaker(named, index), source

    def _narrated(self, paragraph: int) -> str | None:
        """Who the last "he" or "she" of a paragraph stands for."""
        masked = self.facts[paragraph].masked
        pronouns = list(PERSONAL_PRONOUN.finditer(masked))
        if not pronouns:
            return None
        pronoun = pronouns[-1]
        return self.book.antecedent(pronoun.group().lower(), paragraph, pronoun.start())

    def _last_speaker(self, paragraph: int) -> str | None:
        """Who speaks last in the paragraph: its last quote's speaker, else its last reporting
        subject (worked out only when asked, as it may need pronouns resolved)."""
        if paragraph in self.last_speaker:
            return self.last_speaker[paragraph]
        if paragraph < 0:
            return None
        return _paragraph_speaker(self.book, paragraph, self.facts[paragraph])

    def _introduced(self, paragraph: int, *, last: bool) -> str | None:
        """A person the paragraph introduces (features do: "Her colleague Andriy Melnyk…")."""
        if paragraph < 0 or paragraph >= len(self.facts):
            return None
        people: list[Mention] = [
            m for m in self.book.named_in(paragraph)
            if m.kind in "mfu" and (m.salient or not last)
        ]  # fmt: skip
        if not people:
            return None
        return people[-1].name if last else people[0].name


def _named_source(name: str, start: int, end: int) -> Subject:
    """A source a label or the next paragraph names ("Quote from Lys:", "That warning came
    from …"): a description when it opens in lower case, else a name."""
    kind = "description" if name[:1].islower() else "name"
    return Subject(name, name, kind, start, end)


def _nearest_subject(f: ParagraphFacts, region: tuple[int, int]) -> Subject | None:
    """A reporting subject elsewhere in the paragraph: the last one before, else the first after."""
    with_subject = [r for r in f.reports if r.subject is not None]
    before = [r for r in with_subject if r.verb_end <= region[0]]
    if before:
        return before[-1].subject
    after = [r for r in with_subject if r.verb_start >= region[1]]
    return after[0].subject if after else None


def _paragraph_speaker(book: SpeakerBook, index: int, f: ParagraphFacts) -> str | None:
    """The speaker of the last reporting clause with a subject in a paragraph without quotes."""
    with_subject = [r.subject for r in f.reports if r.subject is not None]
    return book.speaker(with_subject[-1], index) if with_subject else None
