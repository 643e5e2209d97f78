"""What quote extraction adds to an index build, in one process (a folder of fewer than 400
files is indexed without worker processes, so every instruction is counted here).

Usage:
    python benchmarks/quotes_share.py FOLDER [--rounds N]
        builds the index of FOLDER without and with quotes, alternating, and prints the best
        CPU time of each and the share quotes add;
    valgrind --tool=cachegrind --cache-sim=no python benchmarks/quotes_share.py FOLDER --only with
        one build (with or without quotes), for an instruction count that other work on the
        machine does not disturb: compare the "I refs" of `--only with` and `--only without`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import briefreader.core.analysis as analysis
from briefreader.core.library import Library

EXTRACT = analysis.extract_quotes


def build(folder: Path, with_quotes: bool) -> float:
    """CPU seconds of one index build of `folder` in a fresh cache."""
    analysis.extract_quotes = EXTRACT if with_quotes else (lambda article: ())
    with tempfile.TemporaryDirectory() as cache:
        library = Library([folder], cache_dir=Path(cache), data_dir=Path(cache) / "data")
        start = time.process_time()
        library.refresh_index()
        return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=("with", "without"))
    args = parser.parse_args()
    if args.only:
        print(f"{build(args.folder, args.only == 'with'):.3f}s CPU")
        return 0
    times: dict[str, list[float]] = {"without": [], "with": []}
    for _ in range(args.rounds):
        for label in times:
            times[label].append(build(args.folder, label == "with"))
    without, with_quotes = min(times["without"]), min(times["with"])
    print(f"without quotes {without:.3f}s, with quotes {with_quotes:.3f}s CPU (best of "
          f"{args.rounds}): quotes add {100 * (with_quotes - without) / without:.1f}%")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
