"""The SQLite file behind the bookmarks: opening, migrations, rolling backups, recovery, errors."""

from __future__ import annotations

import errno
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 1
BACKUPS_KEPT = 5
BUSY_TIMEOUT_MS = 5_000
# After the busy timeout, a few more tries: a long writer in another process must not
# turn into a "database is locked" in front of the user.
WRITE_ATTEMPTS = 6

# MIGRATIONS[n] brings a database from version n to n + 1; all steps run in one transaction.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            path BLOB NOT NULL,
            title TEXT NOT NULL,
            source TEXT,
            published TEXT,
            url TEXT,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX bookmarks_by_path ON bookmarks (path, paragraph, start)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT INTO meta (key, value) VALUES ('revision', 0)",
    ),
)

T = TypeVar("T")


class BookmarkError(Exception):
    """A bookmark operation failed; the message says what happened in a user's words."""


class DatabaseDamaged(Exception):
    """The database file fails SQLite's own check or is not a database at all."""


def now() -> str:
    """The current time as stored: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def describe(error: BaseException, db_path: Path, doing: str) -> str:
    """One sentence for the user from an SQLite or OS error."""
    name = getattr(error, "sqlite_errorname", "")
    where = db_path.parent
    if name.startswith("SQLITE_FULL") or "disk is full" in str(error):
        return f"{doing}: the disk is full ({where})"
    if name.startswith("SQLITE_READONLY") or "readonly" in str(error):
        return f"{doing}: {db_path} is read-only"
    if name.startswith("SQLITE_BUSY") or "locked" in str(error):
        return f"{doing}: another briefreader kept the bookmarks busy too long; try again"
    if name.startswith("SQLITE_CANTOPEN"):
        return f"{doing}: {db_path} cannot be opened (check the folder's permissions)"
    if isinstance(error, OSError):
        return f"{doing}: {error.strerror or error} ({error.filename or where})"
    return f"{doing}: {error}"


def is_busy(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error)


def is_read_only(error: BaseException) -> bool:
    """The file or its folder cannot be written (permissions, a read-only file system)."""
    if isinstance(error, OSError):
        return error.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    name = getattr(error, "sqlite_errorname", "")
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"))


def is_damage(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(error)


def connect(db_path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, waiting when busy."""
    if read_only:
        uri = f"{db_path.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            connection.close()
            # A WAL file in a folder nobody may write: no other writer can exist, so read it
            # as immutable (SQLite needs the -shm file otherwise).
            connection = sqlite3.connect(
                f"{uri}&immutable=1", uri=True, isolation_level=None, check_same_thread=False
            )
    else:
        connection = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not read_only:
        connection.execute("PRAGMA journal_mode = WAL")
        # FULL: a bookmark reported saved survives a crash of the machine, not only of the app.
        connection.execute("PRAGMA synchronous = FULL")
    return connection


def write(
    connection_for: Callable[[], sqlite3.Connection], operation: Callable[[sqlite3.Connection], T]
) -> T:
    """Run a read-then-write operation in one immediate transaction, retrying while busy.

    The revision counter moves with every change, so a backup is only made when needed.
    """
    for attempt in range(WRITE_ATTEMPTS):
        connection = connection_for()
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if is_busy(error) and attempt + 1 < WRITE_ATTEMPTS:
                time.sleep(0.05 * (attempt + 1))
                continue
            raise
        try:
            result = operation(connection)
            connection.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
            connection.execute("COMMIT")
            return result
        except BaseException:
            _rollback(connection)
            raise
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _rollback(connection: sqlite3.Connection) -> None:
    if connection.in_transaction:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the transaction is gone with the failure already


def migrate(connection: sqlite3.Connection, db_path: Path) -> None:
    """Bring the schema to SCHEMA_VERSION; every step and the version bump in one transaction."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise BookmarkError(
            f"{db_path} was written by a newer briefreader (schema {version}); "
            "upgrade briefreader to use these bookmarks"
        )
    if version == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for step in MIGRATIONS[version:SCHEMA_VERSION]:
            for statement in step:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        _rollback(connection)
        raise


def check_health(db_path: Path) -> None:
    """Raise DatabaseDamaged when SQLite finds the file damaged; reads only, never writes."""
    if not db_path.exists():
        return
    try:
        connection = connect(db_path, read_only=True)
    except sqlite3.Error as error:
        if is_damage(error):
            raise DatabaseDamaged(str(error)) from None
        return  # cannot even read it: opening for real will say why
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise DatabaseDamaged(result)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        if is_damage(error):
            raise DatabaseDamaged(str(error)) from None
    finally:
        connection.close()


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "bookmark-backups"


def revision(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    return int(row[0]) if row else 0


def backups(db_path: Path) -> list[Path]:
    """Rolling backups, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite3"), reverse=True)


def back_up_if_changed(connection: sqlite3.Connection, db_path: Path) -> Path | None:
    """Copy the database with SQLite's backup API when it changed since the newest backup."""
    current = revision(connection)
    existing = backups(db_path)
    if existing and existing[0].stem.endswith(f"-r{current}"):
        return None
    if current == 0 and not existing:
        return None  # nothing saved yet
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{db_path.stem}-{stamp}-r{current}.sqlite3"
    partial = target.with_suffix(".partial")
    copy = sqlite3.connect(partial)
    try:
        connection.backup(copy)
    finally:
        copy.close()
    partial.replace(target)
    for old in backups(db_path)[BACKUPS_KEPT:]:
        old.unlink(missing_ok=True)
    return target


def recover(db_path: Path) -> str:
    """Move a damaged database aside (never writing to it) and restore the newest good backup.

    The backup is copied to a side file first and renamed into place last, so a crash in
    between leaves either the damaged file or the restored one, never an empty store.
    Returns the message for the user.
    """
    restoring = _restoring(db_path)
    restored = None
    for candidate in backups(db_path):
        try:
            count = _copy_database(candidate, restoring)
        except (DatabaseDamaged, sqlite3.Error, OSError):
            restoring.unlink(missing_ok=True)
            continue
        restored = (candidate, count)
        break
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{db_path}{suffix}")
        if part.exists():
            part.replace(Path(f"{kept}{suffix}"))
    if restored is None:
        return (
            f"the bookmarks database was damaged and there is no backup: moved it to {kept} "
            "and started an empty one"
        )
    restoring.replace(db_path)
    candidate, count = restored
    return (
        f"the bookmarks database was damaged: moved it to {kept.name} and restored "
        f"{count} bookmark{'s' if count != 1 else ''} from the backup {candidate.name}"
    )


def finish_interrupted_restore(db_path: Path) -> None:
    """A restore stopped after the damaged file was moved aside: put the copy in place."""
    restoring = _restoring(db_path)
    if restoring.exists() and not db_path.exists():
        restoring.replace(db_path)
    else:
        restoring.unlink(missing_ok=True)


def _restoring(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.restoring")


def _copy_database(source_path: Path, target_path: Path) -> int:
    """Copy a healthy database file with SQLite's backup API; returns its bookmark count."""
    check_health(source_path)
    target_path.unlink(missing_ok=True)
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        count = int(source.execute("SELECT count(*) FROM bookmarks").fetchone()[0])
        target = sqlite3.connect(target_path)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return count


@contextmanager
def exclusive(db_path: Path) -> Iterator[None]:
    """Only one process checks and repairs the file at a time (a lock file beside it)."""
    if fcntl is None:  # no advisory locks on this system: checking twice is harmless
        yield
        return
    try:
        lock = open(db_path.with_name(f"{db_path.name}.lock"), "a")  # noqa: SIM115
    except OSError:  # a read-only folder: nobody can repair anything in it anyway
        yield
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
