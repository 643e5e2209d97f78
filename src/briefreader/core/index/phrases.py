"""Phrase queries matched from the words' postings read whole, word order checked on
position sets only where the results need it.

Whoosh matches a phrase by building span objects for every position of every word in every
article holding all of its words, walking the words' intersection one article at a time,
and its block-quality skipping can land on an article that holds the words but not the
phrase (the phrase is not checked again after a skip). See `phrase_postings` for the way here.
Scores are Whoosh's: the sum of the words' BM25F scores.
"""

from __future__ import annotations

from typing import Any

from whoosh import matching, query

from briefreader.core.index.phrase_postings import phrase_matcher


class AdjacentPhrase(query.Phrase):
    """Whoosh's `Phrase` for the default distance (the words next to each other)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.slop != 1 or len(self.words) < 2:
            return super().matcher(searcher, context)
        fieldname = self.fieldname
        if fieldname not in searcher.schema:
            return matching.NullMatcher()
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            raise query.QueryError(f"Phrase search: {fieldname!r} field has no positions")
        reader = searcher.reader()
        terms = []
        for word in self.words:
            try:
                term = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (fieldname, term) not in reader:
                return matching.NullMatcher()
            terms.append(term)
        words = [query.Term(fieldname, t).matcher(searcher, context) for t in terms]
        found = phrase_matcher(words)
        if found is None:  # postings in another layout than Whoosh 3's: Whoosh's own way
            return super().matcher(searcher, context)
        if self.boost != 1.0:
            return matching.WrappingMatcher(found, boost=self.boost)
        return found


def with_adjacent_phrases(parsed: Any) -> Any:
    """The parsed query with every plain phrase replaced by an `AdjacentPhrase`."""
    if type(parsed) is query.Phrase:
        return AdjacentPhrase(parsed.fieldname, parsed.words, slop=parsed.slop,
                              boost=parsed.boost, char_ranges=parsed.char_ranges)  # fmt: skip
    if parsed is None or parsed.is_leaf():
        return parsed
    return parsed.apply(with_adjacent_phrases)
