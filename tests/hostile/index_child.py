"""Run one index refresh in a child process, printing each progress step (the tests kill it).

Usage: index_child.py LIBRARY CACHE_DIR [rebuild]
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefreader.config import Settings
from briefreader.core.library import Library
from briefreader.paths import Paths


def main(argv: list[str]) -> int:
    library_dir, cache_dir = Path(argv[0]), Path(argv[1])
    settings = Settings.load(Paths.from_environment())
    library = Library([library_dir], topics=settings.topics, cache_dir=cache_dir)
    print("start", flush=True)
    report = library.refresh_index(
        lambda done, total: print(f"progress {done} {total}", flush=True),
        rebuild=argv[2:] == ["rebuild"],
    )
    print(f"done added={report.added} updated={report.updated} busy={report.busy}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
