"""The Library facade: the one object the CLI and the UI talk to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from briefreader.core.analysis import Analysis, analyse
from briefreader.core.models import Article, ScanReport, Topic
from briefreader.core.scan import LibraryPathError, scan
from briefreader.core.topics import TopicMatcher


class Library:
    """A set of article files (one folder, or files and folders named by the user).

    Reading, analysis, search and bookmarks all go through here, so the CLI, the tests and
    the TUI share one code path.
    """

    def __init__(self, paths: Sequence[Path], *, topics: Sequence[Topic] = (), cache_dir: Path | None = None,
                 data_dir: Path | None = None) -> None:  # fmt: skip
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise LibraryPathError(f"{missing[0]}: no such file or folder")
        self.paths = tuple(p.resolve() for p in paths)
        self.topics = tuple(topics)
        self.cache_dir = cache_dir
        self.data_dir = data_dir
        self._report: ScanReport | None = None
        self.matcher = TopicMatcher(self.topics)

    @property
    def name(self) -> str:
        """What the header calls this library: the folder's name, or a count of paths."""
        if len(self.paths) == 1:
            return self.paths[0].name or str(self.paths[0])
        return f"{len(self.paths)} paths"

    @property
    def key(self) -> str:
        """Identifies this library on disk (one index per library)."""
        return "\n".join(p.as_posix() for p in sorted(self.paths))

    def read_all(self, progress: Callable[[int, int], None] | None = None) -> ScanReport:
        """Read and parse every article file (no index involved)."""
        self._report = scan(self.paths, progress=progress)
        return self._report

    def articles(self) -> tuple[Article, ...]:
        """Every article, read once and kept."""
        if self._report is None:
            self.read_all()
        assert self._report is not None
        return self._report.articles

    def analyse(self, article: Article) -> Analysis:
        """Topics and quotes of one article."""
        return analyse(article, self.matcher)

    def analysed_articles(self) -> tuple[Article, ...]:
        """Every article with its sections' topics filled in."""
        return tuple(self.analyse(a).article for a in self.articles())
