"""UI timings: launch to first paint, search keystroke to results, reader keys, 1 MB articles.

    python benchmarks/bench_ui.py [--articles 10000]
    python benchmarks/bench_ui.py --launch-only [--runs 10] [--library DIR --marker TEXT]

Runs the real app headless (Pilot). Uses temporary config, data and cache folders.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def isolate() -> Path:
    home = Path(tempfile.mkdtemp(prefix="briefreader-bench-"))
    os.environ["BRIEFREADER_CONFIG"] = str(home / "config.toml")
    os.environ["BRIEFREADER_DATA_DIR"] = str(home / "data")
    os.environ["BRIEFREADER_CACHE_DIR"] = str(home / "cache")
    return home


async def first_paint(folder: Path) -> tuple[float, float]:
    """Seconds from building the app to the list painted, and to the index refreshed."""
    from briefreader.cli.tui_cmd import make_app
    from briefreader.ui.widgets.article_list import ArticleList

    start = time.perf_counter()
    app = make_app([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        while not articles.summaries:
            await asyncio.sleep(0.005)
        await pilot.pause()
        painted = time.perf_counter() - start
        await app.workers.wait_for_complete()
        indexed = time.perf_counter() - start
    return painted, indexed


async def search_latency(folder: Path, queries: list[str]) -> list[float]:
    """Milliseconds from a keystroke in library search to its results shown."""
    from textual.widgets import Input, OptionList

    from briefreader.cli.tui_cmd import make_app
    from briefreader.ui.screens.search import SearchScreen

    app = make_app([folder])
    timings: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("S")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        typing = screen.query_one(Input)
        for query in queries:
            for typed in (query[: n + 1] for n in range(len(query))):
                start = time.perf_counter()
                typing.insert_text_at_cursor(typed[-1])  # what a keystroke does
                deadline = start + 10
                while screen.answered != typed:
                    if time.perf_counter() > deadline:
                        raise RuntimeError(f"no results for {typed!r} within 10 s")
                    await asyncio.sleep(0.001)
                screen.query_one(OptionList).render_lines(screen.query_one(OptionList).region)
                timings.append((time.perf_counter() - start) * 1000)
            typing.value = ""
            await pilot.pause(0.1)
    return timings


def launch_in_tmux(folder: Path, title: str, runs: int = 3) -> list[float]:
    """Seconds from starting the real command in tmux (120×40) to its list on screen."""
    return [wall for wall, _cpu in launch_figures(folder, title, runs)]


def launch_figures(
    folder: Path, title: str, runs: int = 3, *, bytecode_cache: bool = True, settle: float = 0.0
) -> list[tuple[float, float]]:
    """(wall, CPU) seconds from starting the real command in tmux (120×40) to `title` on screen.

    The CPU time is the process's own (all threads, and any child process) when the screen
    first shows the title: it says what the launch costs even when other work shares the cores.
    With `bytecode_cache`, compiled modules are kept (in a temporary folder) between runs, as
    they are for an installed package, even where PYTHONDONTWRITEBYTECODE is set. The app
    runs `settle` seconds more after the title shows (to finish its index refresh).
    """
    import shutil

    if shutil.which("tmux") is None:
        return []
    command = Path(sys.executable).with_name("briefreader")
    exports = " ".join(
        f"{k}={v}"
        for k, v in os.environ.items()
        if k.startswith("BRIEFREADER_") or k == "PYTHONPATH"
    )
    if bytecode_cache:
        prefix = Path(os.environ["BRIEFREADER_DATA_DIR"]).parent / "pycache"
        exports = f"-u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX={prefix} {exports}"
    else:
        exports = f"PYTHONDONTWRITEBYTECODE=1 {exports}"
    figures = []
    for run in range(runs):
        socket = f"briefreader-bench-{os.getpid()}-{time.monotonic_ns()}-{run}"
        tmux = ["tmux", "-L", socket]
        start = time.perf_counter()
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", "main", "-x", "120", "-y", "40",
             f"env -u COLUMNS -u LINES {exports} {command} {folder}"],
            check=True,
        )  # fmt: skip
        try:
            pane = subprocess.run(
                [*tmux, "display-message", "-p", "-t", "main", "#{pane_pid}"],
                capture_output=True, text=True,
            ).stdout.strip()  # fmt: skip
            while time.perf_counter() - start < 60:
                screen = subprocess.run(
                    [*tmux, "capture-pane", "-p", "-t", "main"], capture_output=True, text=True
                ).stdout
                if title in screen:
                    wall = time.perf_counter() - start
                    figures.append((wall, cpu_seconds_of_tree(int(pane)) if pane else 0.0))
                    time.sleep(settle)
                    break
                time.sleep(0.005)
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True)
    return figures


def cpu_seconds_of_tree(pid: int) -> float:
    """User + system CPU seconds of a process, its threads and its descendants so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(child) for child in children)
        except (OSError, IndexError, ValueError):
            continue
    return total


def launch_only(folder: Path, title: str, runs: int, *, bytecode_cache: bool = True) -> None:
    """Only the launch of the real command: one uncounted run (it may build the index), then `runs`."""
    launch_figures(folder, title, runs=1, bytecode_cache=bytecode_cache, settle=10)
    figures = launch_figures(folder, title, runs, bytecode_cache=bytecode_cache)
    if not figures:
        print(f"no launch showed {title!r} within 60 s (or tmux is not installed)")
        return
    walls = sorted(wall for wall, _cpu in figures)
    cpus = sorted(cpu for _wall, cpu in figures)
    load = os.getloadavg()
    print(
        f"`briefreader {folder}` in tmux, warm index, "
        f"{'with' if bytecode_cache else 'without'} bytecode cache, {len(figures)} runs: "
        f"wall best {walls[0]:.3f} s, median {statistics.median(walls):.3f} s; "
        f"CPU best {cpus[0]:.3f} s, median {statistics.median(cpus):.3f} s "
        f"(load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
    )


async def list_of(count: int) -> float:
    """Milliseconds to fill the article list with `count` summaries and paint it."""
    from textual.app import App, ComposeResult

    from briefreader.core.models import ArticleSummary
    from briefreader.ui.widgets.article_list import ArticleList

    summaries = [
        ArticleSummary(f"id{n}", Path(f"a{n}.txt"), f"Article number {n} about things", "Wire", "2024-01-01", ("drones",))
        for n in range(count)
    ]  # fmt: skip

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleList()

    app = ListApp()
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.query_one(ArticleList)
        start = time.perf_counter()
        articles.set_summaries(summaries)
        articles.render_lines(articles.region)
        await pilot.pause()
        filled = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        articles.action_last()
        articles.render_lines(articles.region)
        return max(filled, (time.perf_counter() - start) * 1000)


def big_article(folder: Path, megabytes: float) -> Path:
    paragraph = (
        "Officials said the drone strikes near Kherson continued through the night, and "
        "the price cap on crude exports was discussed again in Brussels on Monday. "
    ) * 4
    count = int(megabytes * 1_000_000 / len(paragraph))
    path = folder / "big.txt"
    path.write_text("A very long article\n\n" + "\n\n".join([paragraph] * count) + "\n")
    return path


async def reader_keys(folder: Path) -> dict[str, float]:
    """Milliseconds for opening a 1 MB article, a resize, and j/k, n/N, J/K."""
    from textual.geometry import Region

    from briefreader.cli.tui_cmd import make_app
    from briefreader.ui.widgets.reader import ReaderView

    app = make_app([folder])
    figures: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        reader = app.screen.query_one(ReaderView)
        analysis = app.library.open_article(app.screen.summaries[0].id)
        region = Region(0, 0, reader.size.width, reader.size.height)

        def timed(name: str, action) -> None:
            start = time.perf_counter()
            action()
            reader.render_lines(region)
            figures[name] = (time.perf_counter() - start) * 1000

        timed("open 1 MB article", lambda: reader.show(analysis))
        await pilot.pause()
        timed("j", reader.action_cursor_down)
        timed("k", reader.action_cursor_up)
        timed("find 'kherson' (all matches)", lambda: reader.find("kherson"))
        timed("n", reader.action_find_next)
        timed("N", reader.action_find_previous)
        timed("G", reader.action_bottom)
        start = time.perf_counter()
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        figures["resize re-flow (incl. repaint)"] = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        await pilot.press("J")
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["J (open next article, incl. repaint)"] = (time.perf_counter() - start) * 1000
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument(
        "--launch-only", action="store_true", help="only time the launch of the real command"
    )
    parser.add_argument("--runs", type=int, default=10, help="launches to time (--launch-only)")
    parser.add_argument(
        "--library", type=Path, default=ROOT / "articles", help="folder to open (--launch-only)"
    )
    parser.add_argument(
        "--marker",
        default="Five things to know",
        help="text whose appearance on screen ends the timing (--launch-only)",
    )
    parser.add_argument(
        "--cache-dir", type=Path, help="cache folder with a built index (--launch-only)"
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="compile briefreader's modules at every launch (--launch-only)",
    )
    args = parser.parse_args()
    home = isolate()
    if args.launch_only:
        if args.cache_dir is not None:
            os.environ["BRIEFREADER_CACHE_DIR"] = str(args.cache_dir)
        launch_only(args.library, args.marker, args.runs, bytecode_cache=not args.no_bytecode_cache)
        return
    from corpus import write_corpus

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import textual.app, textual.widgets"], check=True)
    print(
        f"reference: a Python process importing Textual alone: {time.perf_counter() - start:.2f} s"
    )
    painted, indexed = asyncio.run(first_paint(ROOT / "articles"))
    print(f"bundled articles, in-process, cold index: first paint {painted:.2f} s")
    launches = launch_in_tmux(ROOT / "articles", "Five things to know")
    if launches:
        print(
            f"bundled articles, `briefreader` in tmux, warm index: {min(launches):.2f} s best, {max(launches):.2f} s worst"
        )
    print(
        f"article list, 10,000 summaries: filled and painted in {asyncio.run(list_of(10_000)):.0f} ms"
    )
    large = home / "corpus"
    write_corpus(large, args.articles)
    _painted, indexed = asyncio.run(first_paint(large))
    print(f"{args.articles} articles, cold index: index ready {indexed:.2f} s")
    painted, _indexed = asyncio.run(first_paint(large))
    print(f"{args.articles} articles, in-process, warm index: first paint {painted:.2f} s")
    launches = launch_in_tmux(large, f"{args.articles} articles", runs=2)
    if launches:
        print(
            f"{args.articles} articles, `briefreader` in tmux, warm index: {min(launches):.2f} s best"
        )
    timings = asyncio.run(search_latency(large, ["drone", "kherson price", "minister said"]))
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"search keystroke to results painted: median {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms"
    )
    big = home / "big"
    big.mkdir()
    big_article(big, 1.0)
    (big / "small.txt").write_text("A small one\n\nJust a line.\n")
    for name, value in asyncio.run(reader_keys(big)).items():
        print(f"{name}: {value:.0f} ms")


if __name__ == "__main__":
    main()
