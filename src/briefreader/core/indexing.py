"""Keeping the index in step with the files: compare (path, size, mtime), re-read what changed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefreader.core.analysis import Analysis
from briefreader.core.index import (
    SEGMENT_ARTICLES,
    IndexBusy,
    IndexDamaged,
    SearchIndex,
    SegmentBuilder,
)
from briefreader.core.models import (
    Article,
    ArticleSummary,
    IndexReport,
    Quote,
    Skip,
    TopicHit,
    article_id,
)
from briefreader.core.parallel_indexing import WorkerRejected, index_in_workers, workers_for
from briefreader.core.reader import read_article, relative_key
from briefreader.core.scan import common_root, find_article_files

Analyse = Callable[[Article], Analysis]
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class FileState:
    """A file as the refresh sees it: where it is and the stat values that tell a change."""

    path: Path
    article_id: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """Everything the index stores about one article file (or why it could not be read)."""

    article_id: str
    path: str
    size: int
    mtime_ns: int
    fingerprint: str = ""
    title: str = ""
    author: str | None = None
    source: str | None = None
    published: str | None = None
    topics: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    paragraphs: tuple[tuple[int, str], ...] = ()
    analysis_json: str = "{}"
    skip_reason: str | None = None

    def meta(self) -> dict[str, Any]:
        return {
            "path": self.path, "size": self.size, "mtime_ns": self.mtime_ns,
            "fingerprint": self.fingerprint, "title": self.title, "author": self.author,
            "source": self.source, "published": self.published, "topics": list(self.topics),
            "skip": self.skip_reason,
        }  # fmt: skip


def record_for(state: FileState, root: Path | None, analyse: Analyse) -> ArticleRecord:
    """Read, parse and analyse one file into what the index stores; never raises on bad input."""
    base = {"article_id": state.article_id, "path": str(state.path), "size": state.size,
            "mtime_ns": state.mtime_ns}  # fmt: skip
    result = read_article(state.path, root=root)
    if isinstance(result, Skip):
        return ArticleRecord(**base, skip_reason=result.reason)
    try:
        analysis = analyse(result)
    except Exception as error:  # a bug in one rule must not stop the library
        return ArticleRecord(**base, skip_reason=f"analysis failed ({type(error).__name__})")
    article = analysis.article
    return ArticleRecord(
        **base,
        fingerprint=article.fingerprint,
        title=article.display_title,
        author=article.author,
        source=article.source,
        published=article.published,
        topics=tuple(dict.fromkeys(h.topic for h in analysis.hits)),
        speakers=tuple(s for s in dict.fromkeys(q.speaker for q in analysis.quotes) if s),
        paragraphs=tuple((p.index, p.text) for p in article.paragraphs),
        analysis_json=analysis_to_json(analysis),
    )


def analysis_to_json(analysis: Analysis) -> str:
    hits = [[h.topic, h.paragraph, h.start, h.end, h.match, h.section] for h in analysis.hits]
    quotes = [[q.text, q.speaker, q.mention, q.paragraph, q.start, q.end] for q in analysis.quotes]
    return json.dumps({"hits": hits, "quotes": quotes}, ensure_ascii=False)


def analysis_from_json(text: str) -> tuple[tuple[TopicHit, ...], tuple[Quote, ...]]:
    data = json.loads(text)
    return (
        tuple(TopicHit(*row) for row in data.get("hits", ())),
        tuple(Quote(*row) for row in data.get("quotes", ())),
    )


@dataclass
class Plan:
    """What a refresh must do."""

    to_read: list[FileState] = field(default_factory=list)
    replacing: set[str] = field(default_factory=set)  # ids already indexed, to delete first
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)  # walk problems and known bad files


def plan_refresh(paths: Sequence[Path], indexed: dict[str, Any]) -> Plan:
    """Compare the files on disk with what the index holds; reads no article."""
    files, walk_skips, _ignored = find_article_files(paths)
    root = common_root(list(paths))
    plan = Plan(skipped=list(walk_skips))
    seen: set[str] = set()
    for path in files:
        identifier = article_id(relative_key(path, root))
        seen.add(identifier)
        try:
            stat = os.stat(path)
        except OSError as error:
            plan.skipped.append(Skip(path, f"cannot be read ({error.strerror})"))
            continue
        state = FileState(path, identifier, stat.st_size, stat.st_mtime_ns)
        known = indexed.get(identifier)
        if known is None:
            plan.to_read.append(state)
            continue
        meta = known.meta
        if (meta.get("path"), meta.get("size"), meta.get("mtime_ns")) == (
            str(path), state.size, state.mtime_ns,
        ):  # fmt: skip
            plan.unchanged += 1
            if meta.get("skip"):
                plan.skipped.append(Skip(path, meta["skip"]))
        else:
            plan.to_read.append(state)
            plan.replacing.add(identifier)
    plan.removed = [identifier for identifier in indexed if identifier not in seen]
    return plan


def refresh(
    search_index: SearchIndex,
    paths: Sequence[Path],
    analyse: Analyse,
    progress: Progress | None = None,
    *,
    rebuild: bool = False,
    excluded: frozenset[str] = frozenset(),
) -> IndexReport:
    """Bring the index in step with the files; rebuild it when damaged or when the topic
    definitions changed (every stored analysis holds the old hits), and say so."""
    message = None
    if not rebuild and search_index.topics_changed() and not search_index.is_busy():
        rebuild = True
        message = TOPICS_CHANGED
    if rebuild:
        if search_index.is_busy():
            return IndexReport(busy=True, message=_BUSY)
        search_index.move_aside(keep=False)
    try:
        indexed = search_index.indexed_articles()
    except IndexDamaged as problem:
        if search_index.is_busy():  # another process is rebuilding it right now
            return IndexReport(busy=True, message=_BUSY)
        search_index.move_aside()
        message = f"The search index could not be used ({problem}); it has been rebuilt."
        indexed = search_index.indexed_articles()
    except IndexBusy:
        return IndexReport(busy=True, message=_BUSY)
    plan = plan_refresh(paths, indexed)
    plan.to_read = [s for s in plan.to_read if s.article_id not in excluded]
    root = common_root(list(paths))
    try:
        report = _write(search_index, plan, lambda s: record_for(s, root, analyse), progress)
    except IndexBusy:
        return IndexReport(busy=True, message=_BUSY)
    except (_RejectedRecord, WorkerRejected) as rejected:
        # The writer was cancelled (lock released, nothing committed); index the rest without it.
        report = refresh(search_index, paths, analyse, progress,
                         excluded=excluded | {rejected.article_id})  # fmt: skip
        skip = Skip(Path(rejected.path), f"could not be indexed ({rejected.reason})")
        return _with(report, skipped=(*report.skipped, skip), message=message or report.message)
    return _with(report, message=message)


TOPICS_CHANGED = "topics changed: re-indexing"
_BUSY = "Another briefreader is updating the index; searching what it had indexed so far."


class _RejectedRecord(Exception):
    def __init__(self, path: str, article_id: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.article_id = article_id
        self.reason = reason


def _write(
    search_index: SearchIndex,
    plan: Plan,
    make_record: Callable[[FileState], ArticleRecord],
    progress: Progress | None,
) -> IndexReport:
    skipped = list(plan.skipped)
    if not plan.to_read and not plan.removed:
        return IndexReport(unchanged=plan.unchanged, skipped=tuple(skipped))
    total = len(plan.to_read)
    updated = sum(1 for s in plan.to_read if s.article_id in plan.replacing)
    workers = workers_for(total)
    with search_index.writing() as batch:
        for identifier in plan.removed:
            batch.delete_article(identifier)
        if workers:
            for state in plan.to_read:
                if state.article_id in plan.replacing:
                    batch.delete_article(state.article_id)
            segments, skips = index_in_workers(
                search_index.directory, plan.to_read, make_record, workers, progress
            )
            for segment in segments:
                batch.add_segment(segment)
            skipped.extend(skips)
        else:
            # Many files without worker processes: segments of bounded size, as workers write.
            builder = SegmentBuilder(search_index.directory) if total > SEGMENT_ARTICLES else None
            for done, state in enumerate(plan.to_read, 1):
                record = make_record(state)
                if record.article_id in plan.replacing:
                    batch.delete_article(record.article_id)
                try:
                    (builder or batch).add_article(record)
                except Exception as error:
                    if builder is not None:
                        builder.cancel()
                    raise _RejectedRecord(
                        record.path, record.article_id, type(error).__name__
                    ) from error
                if record.skip_reason:
                    skipped.append(Skip(Path(record.path), record.skip_reason))
                if progress is not None:
                    progress(done, total)
            for segment in builder.finish() if builder is not None else ():
                batch.add_segment(segment)
    return IndexReport(added=total - updated, updated=updated, removed=len(plan.removed),
                       unchanged=plan.unchanged, skipped=tuple(skipped))  # fmt: skip


def _with(report: IndexReport, **changes: Any) -> IndexReport:
    from dataclasses import replace

    return replace(report, **changes)


def summaries_from(indexed: dict[str, Any]) -> tuple[ArticleSummary, ...]:
    """The article list, from what the index stores (files that could not be read left out)."""
    rows = [
        ArticleSummary(
            id=identifier,
            path=Path(item.meta["path"]),
            title=item.meta["title"],
            source=item.meta.get("source"),
            published=item.meta.get("published"),
            topics=tuple(item.meta.get("topics") or ()),
        )
        for identifier, item in indexed.items()
        if not item.meta.get("skip")
    ]
    return tuple(sorted(rows, key=lambda s: str(s.path)))
