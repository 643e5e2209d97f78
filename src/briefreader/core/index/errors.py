"""What a damaged, busy or misused index raises, and the markers that tell a sound one."""

from __future__ import annotations

import pickle
import struct
import zlib

from whoosh import index

MARKER_NAME = "briefreader-index.json"
MARKER_FORMAT = "briefreader search index"


# What reading a damaged index raises: files cut short, random bytes in pickles and headers.
_DAMAGE = (OSError, EOFError, ValueError, KeyError, IndexError, TypeError, AttributeError,
           OverflowError, MemoryError, struct.error, zlib.error, pickle.UnpicklingError,
           index.IndexError)  # fmt: skip


class IndexDamaged(Exception):
    """The index cannot be used as it is; it must be moved aside and rebuilt."""


class QueryProblem(Exception):
    """A query that parses but cannot run; the message says why."""


class IndexBusy(Exception):
    """Another process is writing the index."""
