"""Building and inspecting Whoosh queries: the parser, prefixes, conjunctions."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from whoosh import qparser, query
from whoosh.query.compound import DefaultOr

from briefreader.core.index.schema import SEARCH_FIELDS, build_schema

_ARTICLES = query.Term("kind", "a")


def _only_exclusions(parsed: Any) -> bool:
    return isinstance(parsed, query.Not) or (
        isinstance(parsed, query.And) and all(isinstance(q, query.Not) for q in parsed.subqueries)
    )


def has_boost(parsed: Any) -> bool:
    """True when some part of the query is boosted (`word^2`, `(a OR b)^3`).

    Whoosh's boost wrapper passes the score a document must beat down to the boosted part
    unboosted: too high a bar, which drops documents that belong in the top hits. Such
    queries are searched without skipping (see `SearchIndex.search`).
    """
    pending = [parsed]
    while pending:
        node = pending.pop()
        if getattr(node, "boost", 1.0) != 1.0:
            return True
        pending.extend(node.children())
    return False


@functools.cache
def _query_parser() -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), build_schema())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    # `-x` excludes only at the start of a word: "Jean-Pierre" stays one name.
    parser.add_plugin(qparser.PlusMinusPlugin(r"(?<![^\s(])\+", r"(?<![^\s(])-"))
    parser.remove_plugin_class(qparser.GtLtPlugin)
    return parser


def prefix_query(stems: Iterable[str]) -> Any:
    """Any of these terms in the body or the title.

    A tree of union matchers, which skips blocks that cannot reach the top hits: for segments
    under 5,000 documents Whoosh's plain Or would score every posting of every term.
    """
    terms = [query.Term(field, s) for s in stems for field in SEARCH_FIELDS]
    return DefaultOr(terms) if terms else query.NullQuery


def and_queries(left: Any, right: Any) -> Any:
    if left is query.NullQuery or left is None:
        return right
    return query.And([left, right])


def is_empty_query(parsed: Any) -> bool:
    """True when a parsed query cannot match anything (only stop words, or nothing)."""
    return parsed is None or parsed is query.NullQuery or not list(parsed.leaves())
