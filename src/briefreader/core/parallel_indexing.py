"""Indexing many files with every core: each worker process reads, analyses and indexes a share
into a segment of its own; the parent holds the write lock and commits the segments together."""

from __future__ import annotations

import multiprocessing
import os
import queue as queues
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefreader.core.index import SegmentBuilder
from briefreader.core.models import Skip

# Below this many files to read, one process is faster than starting workers.
PARALLEL_FROM = 400
PROGRESS_EVERY = 25
# A worker makes the records of this many files, then indexes them: reading and analysing, then
# indexing, each keeps its code and data in the processor's caches for a whole batch instead of
# evicting the other's after every file (2-3% less CPU for a build, the more the more analysis
# there is; benchmarks/README.md). A batch's records are a few megabytes at most.
BATCH = 100


class WorkerRejected(Exception):
    """A worker could not index one file; its whole share was cancelled."""

    def __init__(self, path: str, article_id: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.article_id = article_id
        self.reason = reason


def workers_for(files: int) -> int:
    """How many worker processes to use for this many files (0: index in this process)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if files < PARALLEL_FROM or (cores or 1) < 2:
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0  # the analysis callable and its settings reach workers by forking
    return min(cores or 2, 4)


def index_in_workers(
    directory: Path,
    states: list[Any],
    make_record: Callable[[Any], Any],
    workers: int,
    progress: Callable[[int, int], None] | None,
) -> tuple[list[Any], list[Skip]]:
    """Segments written by `workers` processes, and the files they skipped."""
    context = multiprocessing.get_context("fork")
    messages: Any = context.Queue()
    shares = [states[i::workers] for i in range(workers)]
    processes = [
        context.Process(target=_work, args=(directory, share, make_record, messages), daemon=True)
        for share in shares
    ]
    for process in processes:
        process.start()
    segments: list[Any] = []
    skips: list[Skip] = []
    done = finished = 0
    failure: BaseException | None = None
    try:
        while finished < len(processes):
            try:
                kind, *payload = messages.get(timeout=5)
            except queues.Empty:
                if not any(p.is_alive() for p in processes):
                    raise RuntimeError("an indexing worker stopped unexpectedly") from None
                continue
            if kind == "progress":
                done += payload[0]
                if progress is not None:
                    progress(done, len(states))
            elif kind == "done":
                finished += 1
                segments.extend(payload[0])
                skips.extend(Skip(Path(path), reason) for path, reason in payload[1])
            elif kind == "rejected":
                finished += 1
                failure = failure or WorkerRejected(*payload)
            else:
                finished += 1
                failure = failure or RuntimeError(f"indexing failed: {payload[0]}")
    finally:
        for process in processes:
            process.join(timeout=30)
    if failure is not None:
        raise failure
    return segments, skips


def _work(
    directory: Path, share: list[Any], make_record: Callable[[Any], Any], messages: Any
) -> None:
    """One worker: read, analyse and index a share of the files into one segment."""
    try:
        builder = SegmentBuilder(directory)
        skips = []
        pending = 0
        for first in range(0, len(share), BATCH):
            for record in [make_record(state) for state in share[first : first + BATCH]]:
                try:
                    builder.add_article(record)
                except Exception as error:
                    builder.cancel()
                    messages.put(("rejected", record.path, record.article_id, type(error).__name__))
                    return
                if record.skip_reason:
                    skips.append((record.path, record.skip_reason))
                pending += 1
                if pending == PROGRESS_EVERY:
                    messages.put(("progress", pending))
                    pending = 0
        messages.put(("progress", pending))
        messages.put(("done", builder.finish(), skips))
    except BaseException as error:  # reported to the parent, which cancels the whole refresh
        messages.put(("failed", f"{type(error).__name__}: {error}"))
