"""Benchmark of indexing and search on generated corpora: one command, one table per size.

    python benchmarks/bench_index.py --sizes 1000 10000 [--work /tmp/briefreader-bench]

For each size: full build (wall and CPU time, articles/s, index size, peak memory of the
largest process), what topic matching and quote extraction add to it (builds with no
analysis, topics only, and both), no-change and one-changed-file refresh, index open time,
and search latency p50/p95 per query class (top 10 with snippets). Corpora are generated
once per size and kept in the work folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

QUERIES = {
    "single term": ["government", "Kherson", "sanctions", "drones", "inflation", "parliament",
                    "ceasefire", "Odesa", "missiles", "currency", "election", "exports"],
    "two-term AND": ["drones AND Crimea", "sanctions AND energy", "Kherson AND power",
                     "oil AND exports", "court AND ruling", "bank AND rates"],
    "phrase": ['"price cap"', '"power stations"', '"central bank"', '"White House"',
               '"crude oil"', '"energy facilities"'],
    "prefix 3 letters (typing)": ["gov", "sec", "inf", "pre", "con", "dro", "Khe", "str"],
    "prefix 5 letters (typing)": ["gover", "secur", "infla", "presi", "conce", "drone", "sanct"],
    "term + prefix (typing)": ["drones Kh", "oil pri", "power sta", "Kherson res", "bank infl"],
}  # fmt: skip


def child_build(corpus: Path, cache: Path, analysis: str) -> None:
    """Run in a subprocess so peak memory and CPU time are the build's own."""
    from briefreader.config import DEFAULT_TOPICS
    from briefreader.core.analysis import Analysis
    from briefreader.core.library import Library

    library = Library([corpus], topics=DEFAULT_TOPICS, cache_dir=cache)
    matcher = library.matcher
    if analysis == "none":
        library.analyse = lambda article: Analysis(article, (), ())  # type: ignore[method-assign]
    elif analysis == "topics":

        def topics_only(article):  # type: ignore[no-untyped-def]
            hits = matcher.article_hits(article)
            return Analysis(matcher.tag_sections(article, hits), hits, ())

        library.analyse = topics_only  # type: ignore[method-assign]
    started = time.perf_counter()
    report = library.refresh_index(rebuild=True)
    elapsed = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    peak = max(own.ru_maxrss, workers.ru_maxrss) / 1024
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mb": peak,
                      "added": report.added, "skipped": len(report.skipped)}))  # fmt: skip


def run_build(corpus: Path, cache: Path, analysis: str = "full") -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child-build", str(corpus), str(cache), analysis],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.splitlines()[-1])


BUILD_KEYS = {"articles", "corpus_mib", "build_s", "articles_per_s", "peak_mb", "build_cpu_s",
              "bare_s", "bare_cpu_s", "topics_cpu_share", "quotes_cpu_share",
              "topics_wall_share", "quotes_wall_share", "build_load"}  # fmt: skip


def build_figures(size: int, corpus: Path, cache: Path, shares: bool) -> dict[str, object]:
    """Three full builds: without analysis, with topic matching only, with everything
    (only the last one when `shares` is False)."""
    if shares:
        bare = run_build(corpus, cache, "none")
        topics = run_build(corpus, cache, "topics")
    build = run_build(corpus, cache, "full")
    if not shares:
        bare = topics = build
    return {
        "articles": size,
        "corpus_mib": folder_size(corpus) / 2**20,
        "build_s": build["seconds"],
        "articles_per_s": size / build["seconds"],
        "peak_mb": build["peak_mb"],
        "build_cpu_s": build["cpu"],
        "bare_s": bare["seconds"],
        "bare_cpu_s": bare["cpu"],
        "topics_cpu_share": topics["cpu"] / bare["cpu"] - 1,
        "quotes_cpu_share": build["cpu"] / topics["cpu"] - 1,
        "topics_wall_share": topics["seconds"] / bare["seconds"] - 1,
        "quotes_wall_share": build["seconds"] / topics["seconds"] - 1,
        "build_load": os.getloadavg()[0],
    }


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def search_latencies(library, rounds: int) -> dict[str, tuple[float, float, float]]:  # type: ignore[no-untyped-def]
    """Per query class: wall p50, wall p95 and CPU p95 in ms (CPU time does not count the
    waits for a core that other work on a busy machine causes)."""
    figures = {}
    for name, queries in QUERIES.items():
        typing = "typing" in name
        wall, cpu = [], []
        for _ in range(rounds):
            for text in queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                library.search(text, limit=10, as_you_type=typing)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
        figures[name] = (statistics.median(wall), percentile(wall, 0.95), percentile(cpu, 0.95))
    return figures


def bench_size(
    size: int, work: Path, rounds: int, earlier: dict[str, object] | None, shares: bool = True
) -> dict[str, object]:
    from briefreader.config import DEFAULT_TOPICS
    from briefreader.core.index import SearchIndex
    from briefreader.core.library import Library

    corpus = work / f"corpus-{size}"
    if not (corpus / ".complete").exists():
        write_corpus(corpus, size)
        (corpus / ".complete").write_text("yes")
    cache = work / f"cache-{size}"
    library = Library([corpus], topics=DEFAULT_TOPICS, cache_dir=cache)
    if earlier is None:
        built = build_figures(size, corpus, cache, shares)
    else:  # --reuse-builds: measure refresh and search again on the index already built
        built = {k: v for k, v in earlier.items() if k in BUILD_KEYS}
    started = time.perf_counter()
    unchanged = library.refresh_index()
    no_change = time.perf_counter() - started
    assert unchanged.added == unchanged.updated == 0, unchanged
    changed = sorted(corpus.rglob("*.txt"))[size // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late paragraph about drones.\n")
    started = time.perf_counter()
    one = library.refresh_index()
    one_changed = time.perf_counter() - started
    assert one.updated == 1, one
    started = time.perf_counter()
    fresh = SearchIndex(library.search_index.directory)
    with fresh.searcher():
        pass
    open_ms = (time.perf_counter() - started) * 1000
    fresh.close()
    library.search("warm up", limit=10)
    return {
        **built,
        "index_mib": folder_size(library.search_index.directory) / 2**20,
        "load": os.getloadavg()[0],
        "no_change_s": no_change,
        "one_changed_s": one_changed,
        "open_ms": open_ms,
        "search_ms": search_latencies(library, rounds),
    }


def _latency(figures: list[float]) -> str:
    cpu = f", {figures[2]:.0f}" if len(figures) > 2 else ""
    return f"{figures[0]:.0f} / {figures[1]:.0f}{cpu}"


def table(results: list[dict]) -> str:  # type: ignore[type-arg]
    sizes = [f"{r['articles']:,}" for r in results]
    rows = [("Articles", sizes)]
    rows.append(("Corpus (MiB)", [f"{r['corpus_mib']:.0f}" for r in results]))
    rows.append(("Full build, wall (s)", [f"{r['build_s']:.1f}" for r in results]))
    rows.append(
        ("Full build, CPU of all processes (s)", [f"{r['build_cpu_s']:.1f}" for r in results])
    )
    rows.append(
        (
            "Build without analysis, wall / CPU (s)",
            [f"{r['bare_s']:.1f} / {r['bare_cpu_s']:.1f}" for r in results],
        )
    )
    rows.append(("Articles/s", [f"{r['articles_per_s']:.0f}" for r in results]))
    rows.append(("Index size (MiB)", [f"{r['index_mib']:.0f}" for r in results]))
    rows.append(("Peak memory of the build (MB)", [f"{r['peak_mb']:.0f}" for r in results]))
    rows.append(
        (
            "Topic matching adds, CPU / wall",
            [f"{r['topics_cpu_share']:+.0%} / {r['topics_wall_share']:+.0%}" for r in results],
        )
    )
    rows.append(
        (
            "Quote extraction adds, CPU / wall",
            [f"{r['quotes_cpu_share']:+.0%} / {r['quotes_wall_share']:+.0%}" for r in results],
        )
    )
    rows.append(("No-change refresh (s)", [f"{r['no_change_s']:.2f}" for r in results]))
    rows.append(("One changed file (s)", [f"{r['one_changed_s']:.2f}" for r in results]))
    rows.append(("Index open (ms)", [f"{r['open_ms']:.0f}" for r in results]))
    rows.append(
        (
            "Load average: builds / searches",
            [f"{r.get('build_load', 0):.1f} / {r['load']:.1f}" for r in results],
        )
    )
    for name in QUERIES:
        rows.append((f"Search (ms) p50 / p95 wall, p95 CPU: {name}",
                     [_latency(r["search_ms"][name]) for r in results]))  # fmt: skip
    lines = ["| Measure | " + " | ".join(sizes) + " |", "|---|" + "---:|" * len(sizes)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child-build":
        child_build(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefreader-bench"))
    parser.add_argument("--rounds", type=int, default=5, help="repetitions of each query")
    parser.add_argument("--reuse-builds", action="store_true",
                        help="keep the build figures and indexes of the last run; measure the rest")  # fmt: skip
    parser.add_argument("--one-build", action="store_true",
                        help="only the full build (no shares of topics and quotes): for 100,000")  # fmt: skip
    args = parser.parse_args()
    os.environ.setdefault("BRIEFREADER_CACHE_DIR", str(args.work / "cache"))
    saved = args.work / "results.json"
    earlier = {r["articles"]: r for r in json.loads(saved.read_text())} if args.reuse_builds else {}
    results = []
    for size in args.sizes:
        results.append(
            bench_size(size, args.work, args.rounds, earlier.get(size), not args.one_build)
        )
        print(f"done {size}", file=sys.stderr, flush=True)
    (args.work / "results.json").write_text(json.dumps(results, indent=2))
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(table(results))


if __name__ == "__main__":
    main()
