"""The article list as last shown, kept in the cache so the next start paints it at once."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefreader.core.models import ArticleSummary, topics_fingerprint
from briefreader.paths import Paths

if TYPE_CHECKING:
    from briefreader.core.library import Library

# Opening the index means loading whoosh, which takes longer than the rest of the start; the
# list read back from here is shown meanwhile, then replaced by the index's own (the same
# articles unless the files or the index changed since).
FORMAT = 2  # the topics as the index records them (`topics_fingerprint`)


def snapshot_file(library: Library) -> Path:
    """Where the list of this library is kept: in the cache, beside its index."""
    cache_dir = library.cache_dir or Paths.from_environment().cache_dir
    digest = hashlib.blake2b(library.key.encode("utf-8", "surrogateescape"), digest_size=8)
    return cache_dir / "lists" / f"{digest.hexdigest()}.json"


def read_snapshot(library: Library) -> tuple[ArticleSummary, ...]:
    """The list last shown for this library with these topics; empty when there is none."""
    try:
        data = json.loads(snapshot_file(library).read_text(encoding="ascii"))
        if data.get("format") != FORMAT or data.get("topics") != topics_fingerprint(library.topics):
            return ()
        return tuple(
            ArticleSummary(article_id, Path(path), title, source, published, tuple(topics))
            for article_id, path, title, source, published, topics in data["articles"]
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return ()  # missing or damaged: the index's list comes a moment later


def write_snapshot(library: Library, summaries: Sequence[ArticleSummary]) -> None:
    """Keep the list for the next start; a failure only makes that start a little slower."""
    rows = [[s.id, str(s.path), s.title, s.source, s.published, list(s.topics)] for s in summaries]
    data = {"format": FORMAT, "topics": topics_fingerprint(library.topics), "articles": rows}
    target = snapshot_file(library)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written whole then renamed: another briefreader reading it never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as file:
                json.dump(data, file)  # ASCII escapes keep undecodable file names intact
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
