"""The bookmark store: the user's passages, notes and tags, kept safe in SQLite in the data dir."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefreader.core import bookmark_db as db
from briefreader.core.anchoring import Anchor, anchor_for
from briefreader.core.bookmark_db import BookmarkError
from briefreader.core.bookmark_models import (
    AlreadyBookmarked,
    Bookmark,
    ImportReport,
    PlacedBookmark,
    place,
)
from briefreader.core.brief_export import bookmarks_from_json, json_export, markdown_brief
from briefreader.core.models import Article, Topic
from briefreader.core.reader import read_article

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis

__all__ = [
    "AlreadyBookmarked", "Bookmark", "BookmarkError", "BookmarkStore", "ImportReport",
    "PlacedBookmark", "place",
]  # fmt: skip


class BookmarkStore:
    """Bookmarks in one SQLite file: WAL, one connection per thread, immediate transactions.

    Opening never writes over a damaged file: it is moved aside and the newest backup
    restored; what happened is in `notices`. Every failure is a BookmarkError whose message
    can be shown as it is.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        read_only: bool = False,
        analyse: Callable[[Article], Analysis] | None = None,
        topics: Sequence[Topic] = (),
    ) -> None:
        self.db_path = db_path
        self.read_only = read_only
        self.analyse = analyse
        self.topics = tuple(topics)
        self.notices: list[str] = []
        self._ready = False
        self._lock = threading.Lock()
        self._local = threading.local()
        # Each thread's connection, with its thread: a finished thread's connection is closed
        # when the next one opens, so short-lived worker threads do not pile up open files.
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []

    # -- opening -------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        self._open()
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
            self._keep(connection)
        return connection

    def _keep(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            finished = [c for t, c in self._connections if not t.is_alive()]
            self._connections = [(t, c) for t, c in self._connections if t.is_alive()]
            self._connections.append((threading.current_thread(), connection))
        for old in finished:
            old.close()

    def _connect(self) -> sqlite3.Connection:
        try:
            return db.connect(self.db_path, read_only=self.read_only)
        except sqlite3.Error as error:
            raise BookmarkError(
                db.describe(error, self.db_path, "cannot open the bookmarks")
            ) from None

    def _open(self) -> None:
        """Check, recover, migrate and back up once, before the first use."""
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            if self.read_only:
                if not self.db_path.is_file():
                    raise BookmarkError(f"{self.db_path}: no such bookmarks file")
            else:
                try:
                    self.db_path.parent.mkdir(parents=True, exist_ok=True)
                except (FileExistsError, NotADirectoryError):
                    raise BookmarkError(
                        f"cannot keep bookmarks: {self.db_path.parent} is not a folder"
                    ) from None
                except OSError as error:
                    raise BookmarkError(
                        db.describe(error, self.db_path, "cannot keep bookmarks")
                    ) from None
                with db.exclusive(self.db_path):
                    db.finish_interrupted_restore(self.db_path)
                    try:
                        db.check_health(self.db_path)
                    except db.DatabaseDamaged:
                        self.notices.append(db.recover(self.db_path))
            connection = self._first_connection()
            self._local.connection = connection
            self._connections.append((threading.current_thread(), connection))
            self._ready = True

    def _first_connection(self, attempt: int = 0) -> sqlite3.Connection:
        """Connect, bring the schema up to date and back up; read-only when it cannot write."""
        try:
            connection = db.connect(self.db_path, read_only=self.read_only)
            try:
                if not self.read_only:
                    db.migrate(connection, self.db_path)
            except BaseException:
                connection.close()
                raise
        except (sqlite3.Error, OSError) as error:
            # Switching to WAL or recovering another process's WAL can answer "busy" at once,
            # without SQLite's busy timeout: try again before telling the user.
            busy = isinstance(error, sqlite3.Error) and db.is_busy(error)
            if busy and attempt + 1 < db.WRITE_ATTEMPTS:
                time.sleep(0.05 * (attempt + 1))
                return self._first_connection(attempt + 1)
            if not self.read_only and db.is_read_only(error) and self.db_path.is_file():
                # Listing and export still work; every change says the file is read-only.
                self.read_only = True
                return self._first_connection()
            raise BookmarkError(
                db.describe(error, self.db_path, "cannot open the bookmarks")
            ) from None
        if not self.read_only:
            try:
                db.back_up_if_changed(connection, self.db_path)
            except (sqlite3.Error, OSError) as error:
                self.notices.append(
                    db.describe(error, self.db_path, "could not back up the bookmarks")
                )
        return connection

    def close(self) -> None:
        """Back up if anything changed, then close every thread's connection."""
        with self._lock:
            connections = [c for _, c in self._connections]
            self._connections = []
        for connection in connections:
            try:
                if not self.read_only and connection is connections[0]:
                    db.back_up_if_changed(connection, self.db_path)
            except (sqlite3.Error, OSError):
                pass  # a backup is a convenience; the database itself is already safe
            connection.close()
        self._local = threading.local()
        self._ready = False

    # -- reading -------------------------------------------------------------------------

    def _read(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            connection = self._connection()
            return connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise BookmarkError(
                db.describe(error, self.db_path, "cannot read the bookmarks")
            ) from None

    def all(self) -> tuple[Bookmark, ...]:
        """Every bookmark, by article file then position."""
        return tuple(map(_from_row, self._read(f"{_SELECT} ORDER BY path, paragraph, start, id")))

    def for_path(self, path: Path) -> tuple[Bookmark, ...]:
        """The bookmarks of one article file, in reading order."""
        rows = self._read(
            f"{_SELECT} WHERE path = ? ORDER BY paragraph, start, id", [_path_key(path)]
        )
        return tuple(map(_from_row, rows))

    def get(self, bookmark_id: int) -> Bookmark | None:
        rows = self._read(f"{_SELECT} WHERE id = ?", [bookmark_id])
        return _from_row(rows[0]) if rows else None

    # -- writing -------------------------------------------------------------------------

    def _write(self, doing: str, operation: Callable[[sqlite3.Connection], Any]) -> Any:
        if self.read_only:
            raise BookmarkError(f"{doing}: {self.db_path} is read-only")
        try:
            return db.write(self._connection, operation)
        except sqlite3.Error as error:
            raise BookmarkError(db.describe(error, self.db_path, doing)) from None
        except OSError as error:
            raise BookmarkError(db.describe(error, self.db_path, doing)) from None

    def add(
        self,
        article: Article,
        paragraph: int,
        start: int | None = None,
        end: int | None = None,
        *,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Bookmark:
        """Bookmark a passage (the whole paragraph when no offsets are given).

        AlreadyBookmarked when a bookmark holds the same words at the same place.
        """
        try:
            anchor = anchor_for([p.text for p in article.paragraphs], paragraph, start, end)
        except ValueError as error:
            raise BookmarkError(f"cannot bookmark {article.display_title}: {error}") from None
        bookmark = Bookmark(
            id=0, uid=uuid.uuid4().hex, path=article.path, title=article.display_title,
            source=article.source, published=article.published, url=article.url, anchor=anchor,
            note=note, tags=_clean_tags(tags), created=db.now(), updated=db.now(),
        )  # fmt: skip
        return self.insert(bookmark)

    def insert(self, bookmark: Bookmark) -> Bookmark:
        """Save a bookmark as given (a new one, or one brought back by undo).

        AlreadyBookmarked when one holds the same words at the same place.
        """
        doing = "cannot save the bookmark"
        keep_id = bookmark.id or None

        def operation(connection: sqlite3.Connection) -> int:
            if (
                keep_id is not None
                and connection.execute("SELECT 1 FROM bookmarks WHERE id = ?", [keep_id]).fetchone()
            ):
                raise BookmarkError(f"{doing}: bookmark {keep_id} already exists")
            # Checked in the same transaction as the insert: two writers (the reader and the
            # command line) cannot both add the same passage.
            same = _same_passage(connection, bookmark)
            if same is not None:
                raise AlreadyBookmarked(same)
            cursor = connection.execute(_INSERT, [keep_id, *_to_row(bookmark)])
            return int(cursor.lastrowid or 0)

        new_id = self._write(doing, operation)
        return replace(bookmark, id=new_id)

    def update(
        self, bookmark_id: int, *, note: str | None = None, tags: Iterable[str] | None = None
    ) -> Bookmark:
        """Change a bookmark's note and/or tags."""
        doing = f"cannot change bookmark {bookmark_id}"

        def operation(connection: sqlite3.Connection) -> None:
            row = connection.execute(
                "SELECT note, tags FROM bookmarks WHERE id = ?", [bookmark_id]
            ).fetchone()
            if row is None:
                raise BookmarkError(f"{doing}: there is no such bookmark")
            new_note = row[0] if note is None else note
            new_tags = row[1] if tags is None else json.dumps(list(_clean_tags(tags)))
            connection.execute(
                "UPDATE bookmarks SET note = ?, tags = ?, updated = ? WHERE id = ?",
                [new_note, new_tags, db.now(), bookmark_id],
            )

        self._write(doing, operation)
        changed = self.get(bookmark_id)
        if changed is None:  # removed by another process right after our change
            raise BookmarkError(f"{doing}: it was removed meanwhile")
        return changed

    def remove(self, bookmark_id: int) -> Bookmark:
        """Delete a bookmark; returns it so that the removal can be undone with `insert`."""
        doing = f"cannot remove bookmark {bookmark_id}"

        def operation(connection: sqlite3.Connection) -> Bookmark:
            rows = connection.execute(f"{_SELECT} WHERE id = ?", [bookmark_id]).fetchall()
            if not rows:
                raise BookmarkError(f"{doing}: there is no such bookmark")
            connection.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id])
            return _from_row(rows[0])

        return self._write(doing, operation)

    # -- where the passages are now ------------------------------------------------------

    def placed(
        self,
        bookmarks: Iterable[Bookmark] | None = None,
        articles: Iterable[Article] = (),
    ) -> tuple[PlacedBookmark, ...]:
        """Re-anchor bookmarks in the current files; given articles are used instead of re-reading."""
        known = {_path_key(a.path): a for a in articles}
        result = []
        for bookmark in self.all() if bookmarks is None else bookmarks:
            key = _path_key(bookmark.path)
            if key not in known:
                read = read_article(bookmark.path)
                known[key] = read if isinstance(read, Article) else None
            result.append(place(bookmark, known[key]))
        return tuple(result)

    # -- export and import ---------------------------------------------------------------

    def export_markdown(self, by: str = "article") -> str:
        """The brief: passages as block quotes with notes, speakers and citations."""
        return markdown_brief(self.placed(), analyse=self.analyse, topics=self.topics, by=by)

    def export_json(self) -> str:
        """Every bookmark with its anchor, in a form `import_json` reads back."""
        return json_export(self.placed())

    def import_json(self, text: str, source: str = "the bookmarks") -> ImportReport:
        """Add exported bookmarks; ones already here (same uid) are updated only if newer.

        `source` names the file in the error when the text is not an export.
        """
        try:
            incoming, problems = bookmarks_from_json(text)
        except ValueError as error:
            raise BookmarkError(f"cannot import {source}: {error}") from None
        counts = {"added": 0, "updated": 0, "unchanged": 0}

        def operation(connection: sqlite3.Connection) -> None:
            for bookmark in incoming:
                row = connection.execute(
                    "SELECT id, updated FROM bookmarks WHERE uid = ?", [bookmark.uid]
                ).fetchone()
                if row is None and _same_passage(connection, bookmark) is not None:
                    counts["unchanged"] += 1  # another bookmark already holds these words
                elif row is None:
                    connection.execute(_INSERT, [None, *_to_row(bookmark)])
                    counts["added"] += 1
                elif bookmark.updated > row[1]:
                    connection.execute(
                        "UPDATE bookmarks SET note = ?, tags = ?, updated = ? WHERE id = ?",
                        [bookmark.note, json.dumps(list(bookmark.tags)), bookmark.updated, row[0]],
                    )
                    counts["updated"] += 1
                else:
                    counts["unchanged"] += 1

        if incoming:
            self._write("cannot import the bookmarks", operation)
        return ImportReport(**counts, problems=tuple(problems))


def _same_passage(connection: sqlite3.Connection, bookmark: Bookmark) -> Bookmark | None:
    """The saved bookmark on the same words of the same paragraph of the same file, if any."""
    row = connection.execute(
        f"{_SELECT} WHERE path = ? AND paragraph = ? AND exact = ? ORDER BY id LIMIT 1",
        [_path_key(bookmark.path), bookmark.anchor.paragraph, bookmark.anchor.exact],
    ).fetchone()
    return None if row is None else _from_row(row)


def _path_key(path: Path) -> bytes:
    """Paths are kept as the file system's bytes, so any file name round-trips."""
    return os.fsencode(path)


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


_COLUMNS = (
    "uid, path, title, source, published, url, exact, prefix, suffix, paragraph, start, "
    '"end", note, tags, created, updated'
)
_SELECT = f"SELECT id, {_COLUMNS} FROM bookmarks"
_INSERT = f"INSERT INTO bookmarks (id, {_COLUMNS}) VALUES ({', '.join('?' * 17)})"


def _to_row(bookmark: Bookmark) -> list[Any]:
    anchor = bookmark.anchor
    return [
        bookmark.uid, _path_key(bookmark.path), bookmark.title, bookmark.source,
        bookmark.published, bookmark.url, anchor.exact, anchor.prefix, anchor.suffix,
        anchor.paragraph, anchor.start, anchor.end, bookmark.note,
        json.dumps(list(bookmark.tags)), bookmark.created, bookmark.updated,
    ]  # fmt: skip


def _from_row(row: Sequence[Any]) -> Bookmark:
    # Returned as saved: the user's notes are kept byte for byte (JSON export carries them
    # whole); everything that shows them to a terminal sanitizes at display time.
    (id_, uid, path, title, source, published, url, exact, prefix, suffix, paragraph, start,
     end, note, tags, created, updated) = row  # fmt: skip
    return Bookmark(
        id=id_, uid=uid, path=Path(os.fsdecode(bytes(path))), title=title, source=source,
        published=published, url=url,
        anchor=Anchor(exact, prefix, suffix, paragraph, start, end),
        note=note, tags=tuple(json.loads(tags)), created=created, updated=updated,
    )  # fmt: skip
