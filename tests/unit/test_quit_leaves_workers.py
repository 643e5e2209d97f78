"""Quitting the reader ends the process even while a worker thread is still busy."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_the_process_ends_though_a_worker_thread_never_finishes() -> None:
    child = textwrap.dedent(
        """
        import threading
        from briefreader.cli.tui_cmd import leave_without_waiting_for_workers

        never = threading.Event()
        threading.Thread(target=never.wait).start()  # like a worker analysing a huge file
        print("saved", flush=False)
        leave_without_waiting_for_workers(3)
        """
    )
    # Without the early exit the interpreter would wait for the thread forever; the timeout
    # only keeps a failing run from hanging the suite.
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (3, "saved\n")


def test_nothing_happens_when_no_worker_is_busy() -> None:
    child = textwrap.dedent(
        """
        from briefreader.cli.tui_cmd import leave_without_waiting_for_workers

        leave_without_waiting_for_workers(3)
        print("still here")
        """
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "still here\n")
