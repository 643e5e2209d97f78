"""What the hostile tests share: the corpus on disk, safety checks, running as a plain user."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from make_corpus import Case

# Anything a terminal could act on: C0 (but tab and newline), DEL, C1.
UNSAFE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
# Whether file modes bind the commands the tests run (see `unprivileged`).
CAN_DROP_ROOT = not IS_ROOT or shutil.which("setpriv") is not None


@dataclass(frozen=True)
class Corpus:
    """The corpus on disk and the cases in it."""

    folder: Path
    cases: tuple[Case, ...]

    def path(self, case: Case) -> Path:
        return self.folder / case.path

    def case(self, name: str) -> Case:
        return next(c for c in self.cases if c.name == name)


def unsafe_characters(text: str) -> list[str]:
    """The control characters in `text` a terminal could act on."""
    return UNSAFE_CONTROL.findall(text)


@contextmanager
def mode_bits_enforced() -> Iterator[None]:
    """Make os.open refuse files without read permission, as it does for everyone but root.

    Tests run as root in CI, and root reads a mode-000 file; this puts the ordinary rule back
    for the code under test.
    """
    if not IS_ROOT:
        yield
        return
    real_open = os.open

    def guarded_open(path: os.PathLike[str] | str, flags: int, *args: int, **kwargs: int) -> int:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IRUSR
        if not mode & (stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", guarded_open)
        real_scandir = os.scandir

        def guarded_scandir(path: os.PathLike[str] | str = ".") -> object:
            if not os.stat(path).st_mode & stat.S_IRUSR:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_scandir(path)

        patch.setattr(os, "scandir", guarded_scandir)
        yield


def unprivileged(command: list[str]) -> list[str]:
    """The command run without root's power to read any file (so mode 000 means unreadable)."""
    setpriv = shutil.which("setpriv")
    if IS_ROOT and setpriv:
        return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    return command


def run_briefreader(
    args: list[str], cwd: Path, *, drop_root: bool = True
) -> subprocess.CompletedProcess[str]:
    """The real `briefreader` command, as an ordinary user (see `unprivileged`) runs it."""
    command = [sys.executable, "-m", "briefreader", *args]
    return subprocess.run(
        unprivileged(command) if drop_root else command,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=120,
        env=os.environ | {"COLUMNS": "200"},
    )
