"""The real `briefreader` in tmux over the hostile articles: no escape reaches the terminal."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hostile_support import Corpus

from tmux_helpers import Tmux, briefreader_command, require_tmux

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 100, 30
TITLE = "title-before-briefreader"


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server whose only pane runs a shell, with the clipboard wired to buffers."""
    require_tmux()
    session = Tmux("briefreader-hostile", deadline_seconds=30, config=os.devnull)
    session.run("new-session", "-d", "-s", "main", "-x", str(WIDTH), "-y", str(HEIGHT), "sh")
    session.run("set-option", "-g", "status", "off")
    # The pane outlives the app (it runs by exec), so its title and buffers can be read after.
    session.run("set-option", "-g", "remain-on-exit", "on")
    session.run("resize-window", "-t", "main", "-x", str(WIDTH), "-y", str(HEIGHT))
    # An application's OSC 52 would become a tmux buffer; its OSC 0/2 the pane title.
    session.run("set-option", "-g", "set-clipboard", "on")
    session.run("select-pane", "-t", "main", "-T", TITLE)
    yield session
    session.kill()


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
    tmux.send(f"exec {briefreader_command(str(display_corpus.folder))}", "Enter")
    articles = len(display_corpus.cases)
    screen = tmux.wait_for(lambda s: f"{articles} articles" in s and looks_whole(s), "the list")
    tmux.send("enter")  # open the first article
    for _ in range(articles):
        screen = tmux.wait_for(looks_whole, "the reader")
        before = screen
        tmux.send("J")
        screen = tmux.wait_for(lambda s, b=before: s != b and looks_whole(s), "the next article")
    assert tmux.value("pane_title") == TITLE
    assert tmux.run("list-buffers") == ""
    assert tmux.value("pane_current_command") != "sh"  # still running
    tmux.send("q")
    tmux.wait_for(lambda s: not looks_whole(s), "the app to quit")
    assert tmux.value("pane_title") == TITLE
    assert tmux.run("list-buffers") == ""
