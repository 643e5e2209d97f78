"""A fixed workload for counting quote extraction's instructions, which other work on the
machine does not disturb: read the first N articles of FOLDER and the quote fixtures, then
extract their quotes (or, with `--read-only`, only read them).

Usage:
    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python benchmarks/quote_instructions.py FOLDER [--articles 300] [--read-only]

Extraction's instructions are the "I refs" of a run without `--read-only` minus those of a run
with it, both on the same tree (sources are compiled in both, so the difference is extraction).

With `--time N`, extracts every article's quotes N times and prints the best CPU time of a
pass, for comparing two trees on a busy machine by alternating runs:

    PYTHONPATH=TREE/src python benchmarks/quote_instructions.py FOLDER --articles 2000 --time 7
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefreader.core.models import Article
from briefreader.core.quotes import extract_quotes
from briefreader.core.reader import read_article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ("tests/fixtures/quotes", "tests/fixtures/quotes-blind", "benchmarks/quote-sets/S")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--read-only", action="store_true", help="read, do not extract")
    parser.add_argument("--time", type=int, default=0, metavar="N", help="best CPU of N passes")
    args = parser.parse_args()
    paths = sorted(p for p in args.folder.rglob("*") if p.is_file())[: args.articles]
    paths += sorted(p for folder in FIXTURES for p in (ROOT / folder).rglob("*.txt"))
    articles = [
        a for a in (read_article(p, root=p.parent) for p in paths) if isinstance(a, Article)
    ]
    quotes = 0 if args.read_only else sum(len(extract_quotes(a)) for a in articles)
    print(f"{len(articles)} articles, {quotes} quotes")
    if args.time:
        passes = []
        for _ in range(args.time):
            start = time.process_time()
            for article in articles:
                extract_quotes(article)
            passes.append(time.process_time() - start)
        print(f"extraction: best of {args.time} passes {min(passes):.3f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
