"""One place that turns a failed worker into a message the user sees, never a crash."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

WHAT_FAILED = {
    "load": "Reading the library",
    "open": "Opening the article",
    "search": "Searching",
    "bookmarks": "Loading the bookmarks",
    "bookmarks list": "Loading the bookmarks",
    "bookmark writes": "Saving a bookmark",
    "export": "Exporting the brief",
}


def report_worker_failure(node: DOMNode, worker: Worker[object], state: WorkerState) -> bool:
    """Notify the user when a worker failed. Returns True when it did."""
    if state is not WorkerState.ERROR:
        return False
    what = WHAT_FAILED.get(worker.group, "A background task")
    error = worker.error
    reason = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
    node.app.notify(f"{what} failed: {reason}", severity="error", markup=False, timeout=10)
    return True
