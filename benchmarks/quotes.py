"""Time quote extraction against reading, over a generated corpus or any folder of articles.

Usage: python benchmarks/quotes.py [FOLDER] [--articles N] [--long N] [--index [--rounds N] [--stored]]

Without FOLDER, writes a corpus with benchmarks/corpus.py into a temporary folder. Reports
the time to read and parse each article (what indexing does anyway), the time extraction
adds, and the ratio; `--long N` also times one article of N paragraphs to show the cost stays
linear in the length of the text; `--index` builds the full index of the corpus `--rounds`
times without quotes and with quote extraction (with `--stored`, also with quotes computed
beforehand: what storing them costs), in rounds whose order alternates, and reports the share
each adds to the build without quotes of its round (CPU time of this process and its workers,
so that other work on the machine disturbs the figure less) and the share extraction alone
would be; inside each build with quotes it also times extraction itself, in the worker
processes, the figure that load on the machine disturbs least.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefreader.core.models import Article, Paragraph, Quote, Section
from briefreader.core.quotes import extract_quotes
from briefreader.core.reader import read_article

HERE = Path(__file__).resolve().parent


def corpus(folder: Path, articles: int) -> Path:
    subprocess.run(
        [sys.executable, str(HERE / "corpus.py"), str(folder), "--articles", str(articles)],
        check=True, capture_output=True,
    )  # fmt: skip
    return folder


def cpu_time() -> float:
    """CPU seconds of this process and of the worker processes it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def time_index(
    folder: Path,
    rounds: int,
    extraction: float,
    found: dict[str, tuple[Quote, ...]] | None,
) -> None:
    """Index builds without quotes and with extraction, in rounds whose order alternates
    (without, with; then with, without; ...) so that a machine slowing down or speeding up
    during the run moves both kinds alike; each round gives the share quotes add to the build
    next to it. With `found`, each round also builds with those quotes looked up by the
    article's fingerprint (what storing them costs). Inside each build with quotes, the CPU
    time its extraction took."""
    import multiprocessing

    import briefreader.core.analysis as analysis
    from briefreader.core.library import Library

    extract = analysis.extract_quotes
    # Shared memory that forked workers add their extraction time to: a figure measured in the
    # same processes at the same moment as the build, so load on the machine moves both alike.
    inside = multiprocessing.get_context("fork").Value("d", 0.0)

    def timed_extract(article: Article) -> tuple[Quote, ...]:
        start = time.process_time()
        quotes = extract(article)
        with inside.get_lock():
            inside.value += time.process_time() - start
        return quotes

    kinds = {"without quotes": lambda article: (), "with quotes": timed_extract}
    if found is not None:
        kinds["quotes stored"] = lambda article: found.get(article.fingerprint, ())
    cpu: dict[str, list[float]] = {label: [] for label in kinds}
    shares: list[float] = []
    # The quotes found beforehand stay out of the collector's reach, so that forked workers
    # neither walk nor copy them.
    gc.collect()
    gc.freeze()
    for round_ in range(rounds):
        labels = list(kinds)
        for label in labels if round_ % 2 == 0 else labels[::-1]:
            analysis.extract_quotes = kinds[label]
            inside.value = 0.0
            with tempfile.TemporaryDirectory() as cache:
                library = Library([folder], cache_dir=Path(cache), data_dir=Path(cache) / "data")
                start, wall = cpu_time(), time.perf_counter()
                library.refresh_index()
                cpu[label].append(cpu_time() - start)
            line = (f"index build {label:15} {cpu[label][-1]:.2f}s CPU "
                    f"{time.perf_counter() - wall:.2f}s wall")  # fmt: skip
            if label == "with quotes":
                shares.append(inside.value / (cpu[label][-1] - inside.value))
                line += f", extraction inside it {inside.value:.2f}s CPU (+{100 * shares[-1]:.1f}%)"
            print(line)
    analysis.extract_quotes = extract
    gc.unfreeze()

    def added(label: str) -> str:
        """What a kind of build adds to the build without quotes of the same round."""
        pairs = [100 * (b - a) / a for a, b in zip(cpu["without quotes"], cpu[label], strict=True)]
        return (f"{statistics.median(pairs):.1f}% (median of {rounds} rounds: "
                f"{', '.join(f'{pair:+.1f}%' for pair in pairs)})")  # fmt: skip

    without = min(cpu["without quotes"])
    if found is not None:
        print(f"storing quotes found beforehand adds {added('quotes stored')}")
    print(f"quotes add {added('with quotes')} to the index build; "
          f"extraction alone is {100 * extraction / without:.1f}% of the best build without")  # fmt: skip
    print(f"inside the builds with quotes, extraction adds {100 * statistics.median(shares):.1f}% "
          f"(median of {rounds}) to the rest of the build")  # fmt: skip


def time_folder(folder: Path) -> tuple[float, dict[str, tuple[Quote, ...]]]:
    """Prints read and extraction times per article; returns the total extraction CPU time
    and the quotes found, by article fingerprint."""
    read_times, quote_times, quotes = [], [], 0
    found: dict[str, tuple[Quote, ...]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        start = time.process_time()
        article = read_article(path, root=folder)
        read_times.append(time.process_time() - start)
        if not isinstance(article, Article):
            continue
        start = time.process_time()
        found[article.fingerprint] = extract_quotes(article)
        quote_times.append(time.process_time() - start)
        quotes += len(found[article.fingerprint])
    n = len(quote_times)
    print(f"articles={n} quotes={quotes}")
    print(
        f"read+parse  total={sum(read_times):.2f}s  mean={1000 * statistics.mean(read_times):.2f}ms"
    )
    print(f"quotes      total={sum(quote_times):.2f}s  mean={1000 * statistics.mean(quote_times):.2f}ms"
          f"  p95={1000 * sorted(quote_times)[int(n * 0.95)]:.2f}ms")  # fmt: skip
    print(f"quotes / read+parse = {sum(quote_times) / sum(read_times):.2f}")
    return sum(quote_times), found


def time_long(paragraphs: int) -> None:
    block = [
        "“We will not back down,” Defence Minister Olena Kovalenko told reporters in Kyiv.",
        "She said the so-called “grain corridor” would stay open “as long as it takes.”",
        "Russian officials said the strikes hit “military infrastructure” near the port.",
        "Analysts were unconvinced. “It is a bluff,” said John Kirby, a fellow at the institute.",
        "“The market had priced in a calm summer,” he added.",
    ]
    for size in (paragraphs // 10, paragraphs):
        texts = [block[i % len(block)] for i in range(size)]
        section = Section(None, tuple(Paragraph(i, t) for i, t in enumerate(texts)))
        article = Article(
            Path("long.txt"), "x", "x", "text", None, None, None, None, None, (section,)
        )
        start = time.perf_counter()
        found = extract_quotes(article)
        elapsed = time.perf_counter() - start
        print(f"one article of {size} paragraphs: {len(found)} quotes in {elapsed:.3f}s "
              f"({1e6 * elapsed / size:.0f}µs per paragraph)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--long", type=int, default=5000)
    parser.add_argument("--index", action="store_true", help="also time full index builds")
    parser.add_argument("--rounds", type=int, default=2, help="index builds of each kind")
    parser.add_argument(
        "--stored", action="store_true", help="also build with quotes found beforehand"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or corpus(Path(tmp) / "corpus", args.articles)
        extraction, found = time_folder(folder)
        if args.index:
            time_index(folder, args.rounds, extraction, found if args.stored else None)
    if args.long:
        time_long(args.long)
    return 0


if __name__ == "__main__":
    sys.exit(main())
