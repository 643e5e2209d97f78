"""The real `briefreader` command in tmux: start it, send keys, read the screen."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tmux_helpers import COMMAND, Tmux, briefreader_command, require_tmux

pytestmark = pytest.mark.e2e


@pytest.fixture
def tmux(hermetic_dirs: Path) -> Iterator[Callable[..., Tmux]]:
    """Start the command with these arguments in its own 120×40 tmux session."""
    require_tmux()
    sessions: list[Tmux] = []

    def start(*args: str) -> Tmux:
        session = Tmux("briefreader-test", deadline_seconds=20)
        command = briefreader_command(*args)
        session.run("new-session", "-d", "-s", "main", "-x", "120", "-y", "40", command)
        session.run("set-option", "-t", "main", "remain-on-exit", "on")
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.kill()


def test_opens_reads_and_quits(tmux, seeds_dir: Path) -> None:
    session = tmux(str(seeds_dir))
    session.wait_for(lambda s: "2 articles" in s and "Fism iran crimea drones" in s, "the list")
    session.send("Enter")
    session.wait_for(lambda s: "¶ 1/14" in s, "the article")
    session.send("j", "j")
    screen = session.wait_for(lambda s: "¶ 3/14" in s, "the cursor to move")
    assert "By Chris Lange" in screen
    session.send("q")
    session.wait_for(lambda s: "Pane is dead" in s or "briefreader" not in s, "the app to quit")


def test_search_from_the_command_line_app(tmux, seeds_dir: Path) -> None:
    session = tmux(str(seeds_dir))
    session.wait_for(lambda s: "2 articles" in s, "the list")
    session.send("S")
    session.wait_for(lambda s: "Search the library" in s, "the search screen")
    session.send("-l", "kirby")
    screen = session.wait_for(lambda s: "2 articles" in s, "results")
    assert "Fism iran crimea drones" in screen
    session.send("Enter")
    screen = session.wait_for(
        lambda s: re.search(r"\b[12]/2\b", s) is not None, "the article at the match, counted"
    )
    cursor_lines = [line for line in screen.splitlines() if "▊▌" in line]
    assert any("Kirby" in line for line in cursor_lines)  # the cursor is on the matching passage


def test_hostile_article_shows_literally_and_leaves_the_terminal_alone(
    tmux, tmp_path: Path
) -> None:
    library = tmp_path / "hostile"
    library.mkdir()
    (library / "evil.txt").write_bytes(
        b"Evil [bold]title[/bold]\n\n"
        b"Click [@click=app.quit]me[/] and [/] see.\n\n"
        b"Title change \x1b]2;PWNED\x07 and clipboard \x1b]52;c;UFdORUQ=\x07 attempts.\n"
    )
    session = tmux(str(library))
    before_title = session.run("display-message", "-p", "-t", "main", "#{pane_title}")
    before_buffers = session.run("list-buffers")
    session.wait_for(lambda s: "Evil [bold]title[/bold]" in s, "the literal title")
    session.send("Enter")
    screen = session.wait_for(
        lambda s: "Click [@click=app.quit]me[/] and [/] see." in s, "the text"
    )
    assert "Title change" in screen and "PWNED" not in screen
    assert session.run("display-message", "-p", "-t", "main", "#{pane_title}") == before_title
    assert session.run("list-buffers") == before_buffers
    session.send("g")
    assert session.is_alive() and "Pane is dead" not in session.screen()


def test_bad_path_and_config_problems_are_one_line_each(hermetic_dirs: Path) -> None:
    config = hermetic_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("theme = 3\n", encoding="utf-8")
    done = subprocess.run(
        [str(COMMAND), str(hermetic_dirs / "no-such-folder")], capture_output=True, text=True
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and "Traceback" not in done.stderr
    assert "'theme' must be a theme name" in lines[0]
    assert lines[1].startswith("briefreader: ") and "no such file or folder" in lines[1]
