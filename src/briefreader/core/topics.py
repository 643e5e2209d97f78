"""Topic rules -> hits on paragraphs and topics on sections."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefreader.core.models import Article, Paragraph, Topic, TopicHit


class TopicMatcher:
    """Finds the user's topics in article text."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._patterns = [
            (t.name, re.compile(r"\b(?:" + "|".join(map(re.escape, t.terms)) + r")s?\b", re.I))
            for t in self.topics
            if t.terms
        ]

    def paragraph_hits(self, paragraph: Paragraph) -> list[TopicHit]:
        """Every topic match in one paragraph, in text order."""
        hits = [
            TopicHit(name, paragraph.index, m.start(), m.end(), m.group(0))
            for name, pattern in self._patterns
            for m in pattern.finditer(paragraph.text)
        ]
        return sorted(hits, key=lambda h: (h.start, h.end))

    def article_hits(self, article: Article) -> tuple[TopicHit, ...]:
        """Every topic match in the article, in reading order."""
        return tuple(h for p in article.paragraphs for h in self.paragraph_hits(p))

    def tag_sections(self, article: Article, hits: Sequence[TopicHit]) -> Article:
        """The article with each section's topics filled in."""
        sections = []
        for section in article.sections:
            indexes = {p.index for p in section.paragraphs}
            names = tuple(dict.fromkeys(h.topic for h in hits if h.paragraph in indexes))
            sections.append(replace(section, topics=names))
        return replace(article, sections=tuple(sections))
