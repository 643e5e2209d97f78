"""The real `briefreader` in tmux over the hostile articles: no escape reaches the terminal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hostile_support import Corpus

pytestmark = pytest.mark.e2e

COMMAND = Path(sys.executable).with_name("briefreader")
WIDTH, HEIGHT = 100, 30
DEADLINE_SECONDS = 30
TITLE = "title-before-briefreader"


class Tmux:
    """A private tmux server whose only pane runs a shell, with the clipboard wired to buffers."""

    def __init__(self) -> None:
        self.socket = f"briefreader-hostile-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, "-f", os.devnull, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "main")

    def value(self, name: str) -> str:
        return self.run("display-message", "-p", "-t", "main", f"#{{{name}}}").strip()

    def wait_for(self, check: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                size = self.value("pane_width") + "x" + self.value("pane_height")
                raise AssertionError(f"timed out waiting for {what} ({size}):\n{screen}")
            time.sleep(0.05)  # polling interval, not a wait for an outcome


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the end-to-end tests (apt-get install tmux)")
    session = Tmux()
    session.run("new-session", "-d", "-s", "main", "-x", str(WIDTH), "-y", str(HEIGHT), "sh")
    session.run("set-option", "-g", "status", "off")
    session.run("resize-window", "-t", "main", "-x", str(WIDTH), "-y", str(HEIGHT))
    # An application's OSC 52 would become a tmux buffer; its OSC 0/2 the pane title.
    session.run("set-option", "-g", "set-clipboard", "on")
    session.run("select-pane", "-t", "main", "-T", TITLE)
    yield session
    subprocess.run(["tmux", "-L", session.socket, "kill-server"], capture_output=True)


def looks_whole(screen: str) -> bool:
    """The app's frame in place: header on top, footer at the bottom, nothing shifted."""
    lines = screen.rstrip("\n").split("\n")
    return (
        len(lines) == HEIGHT
        and lines[0].startswith(" briefreader")
        and "palette" in lines[-1]
        and all(len(line) <= WIDTH for line in lines)
    )


def test_stepping_through_every_hostile_article_leaves_the_terminal_untouched(
    tmux: Tmux, display_corpus: Corpus
) -> None:
    exports = " ".join(f"{k}='{v}'" for k, v in os.environ.items() if k.startswith("BRIEFREADER_"))
    tmux.run("send-keys", "-t", "main",
             f"exec env -u COLUMNS -u LINES {exports} TERM=xterm-256color {COMMAND} '{display_corpus.folder}'",
             "Enter")  # fmt: skip
    articles = len(display_corpus.cases)
    screen = tmux.wait_for(lambda s: f"{articles} articles" in s and looks_whole(s), "the list")
    tmux.run("send-keys", "-t", "main", "enter")  # open the first article
    for _ in range(articles):
        screen = tmux.wait_for(looks_whole, "the reader")
        before = screen
        tmux.run("send-keys", "-t", "main", "J")
        screen = tmux.wait_for(lambda s, b=before: s != b and looks_whole(s), "the next article")
    assert tmux.value("pane_title") == TITLE
    assert tmux.run("list-buffers") == ""
    assert tmux.value("pane_current_command") != "sh"  # still running
    tmux.run("send-keys", "-t", "main", "q")
    tmux.wait_for(lambda s: not looks_whole(s), "the app to quit")
    assert tmux.value("pane_title") == TITLE
    assert tmux.run("list-buffers") == ""
