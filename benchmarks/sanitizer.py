"""Time the sanitizer on 10 MB of article text: clean, and with escape sequences sprinkled in.

Usage: python benchmarks/sanitizer.py
"""

from __future__ import annotations

import time
from pathlib import Path

from briefreader.core.sanitize import sanitize_text

ROOT = Path(__file__).resolve().parents[1]
TEN_MB = 10 * 1024 * 1024


def ten_megabytes(text: str) -> str:
    return (text * (TEN_MB // len(text) + 1))[:TEN_MB]


def best_of(runs: int, text: str) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        sanitize_text(text)
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    article = (ROOT / "articles" / "thehill-putin-reliance-on-iran.txt").read_text(encoding="utf-8")
    # One colour sequence and a CRLF per paragraph, as in text pasted from a terminal.
    sprinkled = article.replace("\n\n", "\x1b[1m\x1b[0m\r\n\r\n")
    # Five sequences and controls in every sentence: far beyond any real article.
    hostile = article.replace(". ", ".\x1b[31m \x1b]0;title\x07\r\n\x00\x9b1m ")
    samples = (("clean", article), ("sprinkled", sprinkled), ("hostile", hostile))
    for label, sample in samples:
        text = ten_megabytes(sample)
        seconds = best_of(3, text)
        print(f"{label:10} 10 MiB in {seconds * 1000:7.1f} ms ({TEN_MB / seconds / 1e6:7.1f} MB/s)")


if __name__ == "__main__":
    main()
