"""The Whoosh index of a library; the only package that imports whoosh, and it returns only
briefreader's own dataclasses."""

from whoosh.scoring import BM25F

from briefreader.core.index.errors import MARKER_NAME, IndexBusy, IndexDamaged, QueryProblem
from briefreader.core.index.queries import and_queries, is_empty_query, prefix_query
from briefreader.core.index.schema import analysed_terms
from briefreader.core.index.scoring import _Scoring
from briefreader.core.index.search_index import SearchIndex
from briefreader.core.index.writing import SEGMENT_ARTICLES, SegmentBuilder

__all__ = [
    "BM25F",
    "MARKER_NAME",
    "IndexBusy",
    "IndexDamaged",
    "QueryProblem",
    "SEGMENT_ARTICLES",
    "SearchIndex",
    "SegmentBuilder",
    "_Scoring",
    "analysed_terms",
    "and_queries",
    "is_empty_query",
    "prefix_query",
]
