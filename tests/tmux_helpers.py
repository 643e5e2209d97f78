"""Driving the real `briefreader` command in a private tmux server: keys in, screen out."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("briefreader")


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the end-to-end tests (apt-get install tmux)")


def briefreader_command(*args: str) -> str:
    """A shell command running briefreader with this test's BRIEFREADER_* folders.

    COLUMNS and LINES are dropped so that the app takes the pane's size.
    """
    exports = [
        f"{k}={shlex.quote(v)}" for k, v in os.environ.items() if k.startswith("BRIEFREADER_")
    ]
    command = [str(COMMAND), *args]
    return " ".join(
        ["env", "-u", "COLUMNS", "-u", "LINES", *exports, "TERM=xterm-256color"]
        + [shlex.quote(word) for word in command]
    )


class Tmux:
    """A private tmux server (its own socket) whose session is called "main"."""

    def __init__(self, name: str, *, deadline_seconds: float, config: str | None = None) -> None:
        self.socket = f"{name}-{uuid.uuid4().hex[:8]}"
        self.deadline_seconds = deadline_seconds
        self._config = ["-f", config] if config is not None else []

    def run(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *self._config, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "main")

    def send(self, *keys: str) -> None:
        self.run("send-keys", "-t", "main", *keys)

    def value(self, name: str) -> str:
        return self.run("display-message", "-p", "-t", "main", f"#{{{name}}}").strip()

    def wait_for(self, check: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + self.deadline_seconds
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                size = self.value("pane_width") + "x" + self.value("pane_height")
                raise AssertionError(f"timed out waiting for {what} ({size}):\n{screen}")
            time.sleep(0.05)  # polling interval, not a wait for an outcome

    def is_alive(self) -> bool:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "has-session", "-t", "main"], capture_output=True
        )
        return done.returncode == 0

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
