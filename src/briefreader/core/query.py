"""Turning what a user typed into a search: query language, as-you-type prefixes, "did you mean"."""

from __future__ import annotations

import re

from briefreader.core.index import (
    QueryProblem,
    SearchIndex,
    analysed_terms,
    and_queries,
    is_empty_query,
    prefix_query,
)
from briefreader.core.models import SearchResult

# The last word typed is a prefix once it has this many letters; shorter ones would match
# most of the vocabulary and say nothing about what the user wants.
MIN_PREFIX = 2
# A prefix stands for its commonest completions only, so a keystroke costs a few terms; the
# shorter the prefix, the commoner its completions and the fewer it stands for (each very
# common term in a query costs a walk over most of the library).
PREFIX_EXPANSIONS = {2: 1, 3: 2}
MOST_EXPANSIONS = 4

_TRAILING_WORD = re.compile(r"(?:^|(?<=\s))([^\W_]\w*)$")
_PLAIN_WORD = re.compile(r"(?<![\w:*~\"])([^\W\d_]{3,})(?![\w:*~])")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}

# `title:` with nothing after it would otherwise search for the word "title".
_DANGLING_FIELD = re.compile(r"(?<![\w\"])\w+:(?=\s|$)")

CANNOT_PARSE = "Cannot understand this query: check its quotes, brackets and operators."
NOTHING_TO_SEARCH = (
    "Nothing to search for: type a word or a phrase (common words like 'the' are ignored)."
)


def run_search(
    search_index: SearchIndex, text: str, limit: int = 20, *, as_you_type: bool = False
) -> SearchResult:
    """Search the index; a malformed query gives an explanation, never an exception."""
    text = text.strip()
    if not text:
        return SearchResult(text, (), 0)
    busy = search_index.is_busy()
    cleaned = _DANGLING_FIELD.sub(" ", text).strip()
    try:
        if as_you_type:
            parsed = _parse_as_you_type(search_index, cleaned)
        else:
            parsed = search_index.parse(cleaned) if cleaned else None
    except Exception:  # the parser is lenient; a few inputs still break it
        return SearchResult(text, (), 0, error=CANNOT_PARSE, indexing=busy)
    if is_empty_query(parsed):
        if as_you_type:
            return SearchResult(text, (), 0, indexing=busy)
        return SearchResult(text, (), 0, error=NOTHING_TO_SEARCH, indexing=busy)
    try:
        result = search_index.search(parsed, limit, text)
    except QueryProblem as error:
        return SearchResult(text, (), 0, error=str(error), indexing=busy)
    suggestion = None if result.hits or as_you_type else did_you_mean(search_index, text)
    return SearchResult(text, result.hits, result.total, suggestion=suggestion, indexing=busy)


def _parse_as_you_type(search_index: SearchIndex, text: str) -> object:
    """The words before the last as typed, the last word as its commonest completions."""
    trailing = _TRAILING_WORD.search(text)
    if trailing is None or text.count('"') % 2 or trailing.group(1) in _OPERATORS:
        return search_index.parse(text)
    head = text[: trailing.start(1)].strip()
    for operator in _OPERATORS:  # "drones AND kh" keeps its meaning without the operator
        if head.endswith(" " + operator) or head == operator:
            head = head[: -len(operator)].strip()
    prefix = trailing.group(1).lower()
    parsed_head = search_index.parse(head) if head else None
    if parsed_head is not None and is_empty_query(parsed_head):
        parsed_head = None
    if len(prefix) < MIN_PREFIX:
        return parsed_head
    stems = search_index.prefix_terms(prefix, PREFIX_EXPANSIONS.get(len(prefix), MOST_EXPANSIONS))
    if not stems:
        return prefix_query(())
    return and_queries(parsed_head, prefix_query(stems))


def did_you_mean(search_index: SearchIndex, text: str) -> str | None:
    """The query with each unknown word replaced by the commonest close indexed word."""
    changed = False
    corrected = text
    for match in reversed(list(_PLAIN_WORD.finditer(text))):
        word = match.group(1)
        if word in _OPERATORS or not analysed_terms(word):
            continue
        if search_index.term_count(analysed_terms(word)[0]):
            continue
        candidates = search_index.corrections(word)
        if candidates:
            corrected = corrected[: match.start(1)] + candidates[0] + corrected[match.end(1) :]
            changed = True
    return corrected if changed else None
