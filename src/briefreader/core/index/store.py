"""One library's index on disk: the marker, opening, damage checks, searchers, writing."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.index import LockError

from briefreader.core.index.errors import (
    _DAMAGE,
    MARKER_FORMAT,
    MARKER_NAME,
    IndexBusy,
    IndexDamaged,
    QueryProblem,
)
from briefreader.core.index.schema import INDEX_NAME, SCHEMA_VERSION, build_schema
from briefreader.core.index.scoring import _Scoring
from briefreader.core.index.writing import WRITER_MB, IndexBatch, _cancel, _codec, _commit, _Writer


class _IndexStore:
    """Opening, checking, sharing and writing one library's index on disk."""

    def __init__(self, directory: Path, topics_key: str = "") -> None:
        self.directory = directory
        # What the topic definitions were when the stored analyses were made (see
        # `topics_changed`); recorded in the marker with every write.
        self.topics_key = topics_key
        self._index: Any = None
        self._searcher: Any = None
        self._lock = threading.RLock()
        self._segment_vocabularies: dict[str, dict[str, int]] = {}
        self._segment_articles: dict[str, list[list[Any]]] = {}
        self._merged_vocabulary: tuple[tuple[str, ...], tuple[list[str], list[float]]] | None = None
        self._field_lengths: dict[tuple[str, str], list[int]] = {}

    # -- opening ----------------------------------------------------------------------------

    @property
    def marker_path(self) -> Path:
        return self.directory / MARKER_NAME

    def read_marker(self) -> dict[str, Any] | None:
        try:
            marker = json.loads(self.marker_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return (
            marker if isinstance(marker, dict) and marker.get("format") == MARKER_FORMAT else None
        )

    def _write_marker(self, **values: Any) -> None:
        marker = {"format": MARKER_FORMAT, "schema": SCHEMA_VERSION, "topics": self.topics_key,
                  **values}  # fmt: skip
        temporary = self.marker_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(marker), encoding="utf-8")
        temporary.replace(self.marker_path)

    def exists(self) -> bool:
        return self.directory.exists()

    def problem(self) -> str | None:
        """Why the index on disk cannot be used as it is, or None when it looks sound."""
        if not self.directory.exists():
            return None
        marker = self.read_marker()
        if marker is None:
            return "the index folder was not made by this version of briefreader"
        if marker.get("schema") != SCHEMA_VERSION:
            return "the index was made by another version of briefreader"
        if not marker.get("complete"):
            return "the last indexing did not finish"
        return None

    def topics_changed(self) -> bool:
        """True when the stored topic hits were found with other topic definitions."""
        marker = self.read_marker()
        return marker is not None and marker.get("topics", "") != self.topics_key

    def open(self) -> Any:
        """The Whoosh index, creating it when missing. Raises IndexDamaged."""
        with self._lock:
            if self._index is not None:
                return self._index
            problem = self.problem()
            if problem is not None and not self.is_busy():
                raise IndexDamaged(problem)
            if not self.directory.exists():
                self._create()
            try:
                ix = index.open_dir(str(self.directory), indexname=INDEX_NAME)
                count = ix.doc_count_all()
            except Exception as error:  # Whoosh raises many types on a damaged folder
                raise IndexDamaged(
                    f"the index could not be opened ({type(error).__name__})"
                ) from None
            marker = self.read_marker() or {}
            recorded = marker.get("files")
            if marker.get("documents") != count or (recorded and recorded != self._file_sizes()):
                if not self.is_busy():
                    raise IndexDamaged("the index files are not the ones last recorded")
            self._index = ix
            return ix

    def _create(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        # The marker comes first: a crash before the end leaves "complete": false behind.
        self._write_marker(complete=False, documents=0)
        index.create_in(str(self.directory), build_schema(), indexname=INDEX_NAME)
        self._write_marker(complete=True, documents=0)

    def move_aside(self, *, keep: bool = True) -> Path | None:
        """Move the index folder out of the way: kept as one damaged copy for diagnosis, or
        removed (a rebuild the user asked for)."""
        with self._lock:
            self.close()
            if not self.directory.exists():
                return None
            aside = self.directory.with_name(self.directory.name + (".damaged" if keep else ".old"))
            shutil.rmtree(aside, ignore_errors=True)
            try:
                self.directory.rename(aside)
            except OSError:
                shutil.rmtree(self.directory, ignore_errors=True)
                return None
            if not keep:
                shutil.rmtree(aside, ignore_errors=True)
                return None
            return aside

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._index = None
            self._field_lengths.clear()

    def is_busy(self) -> bool:
        """True while another writer holds the lock."""
        if self._index is None and not self.directory.exists():
            return False
        try:
            ix = self._index or index.open_dir(str(self.directory), indexname=INDEX_NAME)
            lock = ix.lock("WRITELOCK")
            if lock.acquire(blocking=False):
                lock.release()
                return False
            return True
        except Exception:
            return False

    @contextmanager
    def searcher(self) -> Iterator[Any]:
        """A searcher on the last committed state; reused while the index does not change."""
        with self._lock:
            ix = self.open()
            try:
                self._searcher = self._fresh_searcher(ix)
                yield self._searcher
            except QueryProblem:
                raise
            except _DAMAGE as error:
                raise IndexDamaged(
                    f"the index could not be read ({type(error).__name__})"
                ) from None
            except Exception as error:  # Whoosh reports some damage as a bare Exception
                if type(error) is not Exception:
                    raise
                raise IndexDamaged(f"the index could not be read ({error})") from None

    def _fresh_searcher(self, ix: Any) -> Any:
        if self._searcher is not None:
            try:
                return self._searcher.refresh()
            except Exception:  # a reader reused across segment changes can fail: start over
                self._searcher.close()
        return ix.searcher(weighting=_Scoring(self._field_lengths))

    # -- writing ----------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[IndexBatch]:
        """A batch of changes committed together; cancelled (lock released) on any error."""
        ix = self.open()
        try:
            writer = _Writer(ix, limitmb=WRITER_MB, timeout=0.0, compound=False, codec=_codec())
        except LockError:
            raise IndexBusy("another briefreader is updating the index") from None
        batch = IndexBatch(writer)
        try:
            yield batch
            if not batch.changed:
                _cancel(writer)
                return
            marker = self.read_marker() or {}
            self._write_marker(complete=False, documents=marker.get("documents", -1))
            batch.add_vocabulary()
            _commit(writer, batch.segments, self._mark_committed)
        except BaseException:
            _cancel(writer)
            raise
        with self._lock:
            self.close()

    def _mark_committed(self, documents: int) -> None:
        """Record what a sound index looks like; called while the write lock is still held."""
        self._write_marker(complete=True, documents=documents, files=self._file_sizes())

    def _file_sizes(self) -> dict[str, int]:
        """Sizes of the index's own files: a file cut short shows even when Whoosh reads on."""
        sizes = {}
        for entry in os.scandir(self.directory):
            if entry.name.lstrip("_").startswith(INDEX_NAME + "_") and "LOCK" not in entry.name:
                sizes[entry.name] = entry.stat().st_size
        return sizes
