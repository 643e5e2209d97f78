"""Waiting for an app's workers in Pilot tests."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.worker import WorkerCancelled


async def wait_for_workers(app: App[object]) -> None:
    """Wait until the app's current workers are done; a failed worker fails the test.

    A worker cancelled while we wait is the app working as designed: an exclusive worker
    (loading bookmarks, quotes, a search) is cancelled when a newer one replaces it.
    Textual's `wait_for_complete` raises `WorkerCancelled` for it, which made sweeps of
    clicks fail at random.
    """
    outcomes = await asyncio.gather(
        *(worker.wait() for worker in list(app.workers)), return_exceptions=True
    )
    for outcome in outcomes:
        if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
            raise outcome
