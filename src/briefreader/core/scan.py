"""Find article files under the paths a user gives, and read them all, never stopping on one."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from briefreader.core.models import Article, ScanReport, Skip
from briefreader.core.reader import DEFAULT_MAX_BYTES, FORMATS, read_article


class LibraryPathError(Exception):
    """A path the user named does not exist or cannot be listed."""


def find_article_files(paths: Iterable[Path]) -> tuple[list[Path], list[Skip], int]:
    """Article files under the given files and folders (recursively), sorted; skips; ignored count.

    Symbolic links to files are followed; links to folders are not (no loops). Hidden
    files and folders are passed over.
    """
    files: set[Path] = set()
    skips: list[Skip] = []
    ignored = 0
    for root in paths:
        if root.is_dir():
            found, ignored_here = _walk(root, skips)
            files.update(found)
            ignored += ignored_here
        elif root.exists() or root.is_symlink():
            files.add(root)
        else:
            raise LibraryPathError(f"{root}: no such file or folder")
    # Sorted as paths are (part by part); comparing the tuples is ten times quicker.
    return sorted(files, key=lambda path: path.parts), skips, ignored


def _walk(root: Path, skips: list[Skip]) -> tuple[list[Path], int]:
    """The article files under a folder, and how many other files it holds."""
    errors: list[OSError] = []
    found: list[Path] = []
    ignored = 0
    for folder, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            if os.path.splitext(name)[1].lower() in FORMATS:
                found.append(Path(os.path.join(folder, name)))
            else:
                ignored += 1
    for error in errors:
        where = Path(error.filename or root)
        skips.append(Skip(where, f"folder cannot be listed ({error.strerror})"))
    return found, ignored


def common_root(paths: list[Path]) -> Path | None:
    """The folder that article paths are stored relative to: the single folder given, if any."""
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0]
    return None


def scan(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> ScanReport:
    """Read every article under the given paths."""
    paths = list(paths)
    files, skipped, ignored = find_article_files(paths)
    root = common_root(paths)
    articles: list[Article] = []
    for done, path in enumerate(files, 1):
        result = read_article(path, root=root, max_bytes=max_bytes)
        if isinstance(result, Skip):
            skipped.append(result)
        else:
            articles.append(result)
        if progress is not None:
            progress(done, len(files))
    return ScanReport(tuple(articles), tuple(skipped), ignored)
