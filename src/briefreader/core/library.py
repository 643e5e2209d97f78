"""The Library facade: the one object the CLI and the UI talk to."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefreader.core.models import (
    Article,
    ArticleSummary,
    IndexReport,
    IndexStatus,
    ScanReport,
    SearchResult,
    Skip,
    Topic,
    TopicPassage,
)
from briefreader.core.topics import TopicMatcher
from briefreader.paths import Paths

# The index (whoosh), the quote finder, the file readers and the bookmark store are imported
# by the methods that use them: the reader paints its first screen before any is needed.
if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis
    from briefreader.core.bookmarks import BookmarkStore
    from briefreader.core.index import SearchIndex
    from briefreader.core.quote_library import SourcedQuote
    from briefreader.core.state import ReadingState


class Library:
    """A set of article files (one folder, or files and folders named by the user).

    Reading, analysis, search and bookmarks all go through here, so the CLI, the tests and
    the TUI share one code path.
    """

    def __init__(self, paths: Sequence[Path], *, topics: Sequence[Topic] = (), cache_dir: Path | None = None,
                 data_dir: Path | None = None) -> None:  # fmt: skip
        missing = [p for p in paths if not p.exists()]
        if missing:
            from briefreader.core.scan import LibraryPathError

            raise LibraryPathError(f"{missing[0]}: no such file or folder")
        self.paths = tuple(p.resolve() for p in paths)
        self.topics = tuple(topics)
        self.cache_dir = cache_dir
        self.data_dir = data_dir
        self._report: ScanReport | None = None
        self.matcher = TopicMatcher(self.topics)
        self._search_index: SearchIndex | None = None

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
        from briefreader.core.scan import scan

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
        from briefreader.core.analysis import analyse

        return analyse(article, self.matcher)

    def analysed_articles(self) -> tuple[Article, ...]:
        """Every article with its sections' topics filled in."""
        return tuple(self.analyse(a).article for a in self.articles())

    def topic_counts(self) -> dict[str, int]:
        """Hits per topic across the library, in config order (0 for a topic never named)."""
        from briefreader.core import topic_passages

        return topic_passages.topic_counts(self._articles_for_topics(), self.matcher)

    def topic_passages(self, topic: str) -> tuple[TopicPassage, ...]:
        """Every paragraph in the library naming the topic, with its article and a snippet."""
        from briefreader.core import topic_passages

        return topic_passages.topic_passages(self._articles_for_topics(), self.matcher, topic)

    def _articles_for_topics(self) -> Iterable[Article]:
        # The articles already read if there are any, else the files one at a time.
        if self._report is not None:
            return self._report.articles
        from briefreader.core import topic_passages

        return topic_passages.stream_articles(self.paths)

    @property
    def reading_state(self) -> ReadingState:
        """Last article, position per article and read marks (in memory without a data dir)."""
        state: ReadingState | None = getattr(self, "_reading_state", None)
        if state is None:
            from briefreader.core.state import ReadingState

            file = self.data_dir / "state.json" if self.data_dir is not None else None
            state = self._reading_state = ReadingState(file, self.key)
        return state

    @property
    def bookmarks(self) -> BookmarkStore:
        """The user's bookmarks (one store per data dir, shared by every library)."""
        store: BookmarkStore | None = getattr(self, "_bookmarks", None)
        if store is None:
            from briefreader.core.bookmarks import BookmarkStore

            data_dir = self.data_dir or Paths.from_environment().data_dir
            db_path = Paths(Path(), data_dir, Path()).bookmarks_db
            store = BookmarkStore(db_path, analyse=self.analyse, topics=self.topics)
            self._bookmarks = store
        return store

    # -- the search index (core/index/, core/indexing.py, core/query.py) ------------------------

    @property
    def search_index(self) -> SearchIndex:
        """This library's index in the cache folder (created on first refresh)."""
        if self._search_index is None:
            from briefreader.core.index import SearchIndex
            from briefreader.core.models import topics_fingerprint

            paths = Paths.from_environment()
            if self.cache_dir is not None:
                paths = Paths(paths.config_file, paths.data_dir, self.cache_dir)
            self._search_index = SearchIndex(
                paths.index_dir(self.key), topics_key=topics_fingerprint(self.topics)
            )
        return self._search_index

    def refresh_index(
        self, progress: Callable[[int, int], None] | None = None, *, rebuild: bool = False
    ) -> IndexReport:
        """Bring the index in step with the files: re-read only what changed."""
        from briefreader.core.indexing import refresh

        report = refresh(self.search_index, self.paths, self.analyse, progress, rebuild=rebuild)
        self.search_index.warm_up()
        return report

    def search(self, query: str, limit: int = 20, *, as_you_type: bool = False) -> SearchResult:
        """Search the library (query language in DESIGN §5); builds the index if there is none."""
        from briefreader.core.index import IndexDamaged
        from briefreader.core.query import run_search

        if not self.search_index.exists():
            self.refresh_index()
        try:
            return run_search(self.search_index, query, limit, as_you_type=as_you_type)
        except IndexDamaged:
            # Damage only a search reads (postings) passes a refresh's checks: rebuild outright.
            self.refresh_index(rebuild=True)
            return run_search(self.search_index, query, limit, as_you_type=as_you_type)

    def summaries(self) -> tuple[ArticleSummary, ...]:
        """Every indexed article, for the list, without reading any file."""
        from briefreader.core.index import IndexDamaged
        from briefreader.core.indexing import summaries_from

        try:
            return summaries_from(self.search_index.indexed_articles())
        except IndexDamaged:
            self.refresh_index()
            return summaries_from(self.search_index.indexed_articles())

    def open_article(self, article_id: str) -> Analysis | None:
        """Read one indexed article; its analysis comes from the index while the file is unchanged."""
        from briefreader.core.analysis import Analysis
        from briefreader.core.index import IndexBusy, IndexDamaged
        from briefreader.core.indexing import analysis_from_json
        from briefreader.core.reader import read_article
        from briefreader.core.scan import common_root

        try:
            stored = self.search_index.article(article_id)
        except (IndexDamaged, IndexBusy):
            stored = None
        if stored is None or stored[0].get("skip"):
            return None
        meta, analysis_json = stored
        result = read_article(Path(meta["path"]), root=common_root(list(self.paths)))
        if isinstance(result, Skip):
            return None
        if result.fingerprint != meta.get("fingerprint"):
            return self.analyse(result)
        hits, quotes = analysis_from_json(analysis_json)
        return Analysis(self.matcher.tag_sections(result, hits), hits, quotes)

    def all_quotes(self) -> tuple[SourcedQuote, ...]:
        """Every quote in the library with its article, read from the index (built if missing)."""
        from briefreader.core.index import IndexBusy, IndexDamaged
        from briefreader.core.indexing import analysis_from_json
        from briefreader.core.quote_library import SourcedQuote

        if not self.search_index.exists():
            self.refresh_index()
        found: list[SourcedQuote] = []
        for summary in self.summaries():
            try:
                stored = self.search_index.article(summary.id)
            except (IndexDamaged, IndexBusy):
                stored = None
            if stored is not None:
                quotes = analysis_from_json(stored[1])[1]
            else:
                analysis = self.open_article(summary.id)
                quotes = analysis.quotes if analysis is not None else ()
            found.extend(SourcedQuote(summary, quote) for quote in quotes)
        return tuple(found)

    def index_status(self) -> IndexStatus:
        """Where the index is, how many articles it holds, and whether it is being written."""
        from briefreader.core.index import IndexBusy, IndexDamaged

        index = self.search_index
        problem = index.problem()
        status = IndexStatus(index.directory, index.exists(), busy=index.is_busy(), problem=problem)
        if not status.exists or problem:
            return status
        try:
            return IndexStatus(index.directory, True, index.document_count(), status.busy)
        except (IndexDamaged, IndexBusy) as error:
            return IndexStatus(index.directory, True, busy=status.busy, problem=str(error))
