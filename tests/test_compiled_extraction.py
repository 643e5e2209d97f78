"""The wheel a user installs runs quote extraction compiled with mypyc (`hatch_build.py`) when
a C compiler is at hand: it must find exactly the quotes the plain Python rules find, speakers
and offsets included; with no compiler the wheel is plain Python and works all the same."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOK = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"][
    "build"
]["targets"]["wheel"]["hooks"]["custom"]
COMPILED = sorted(path.removesuffix(".py").replace("/", ".") for path in HOOK["compile"])
ARTICLE_FOLDERS = [
    ROOT / "articles",
    ROOT / "tests" / "fixtures",
    ROOT / "benchmarks" / "quote-sets",
]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
from corpus import write_corpus  # noqa: E402
from make_corpus import build, restore_permissions  # noqa: E402

C_COMPILER = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
needs_a_compiler = pytest.mark.skipif(
    shutil.which(C_COMPILER) is None
    or not Path(sysconfig.get_paths()["include"], "Python.h").exists(),
    reason="no C compiler or no Python headers here: the wheel is plain Python",
)


# pytest, once this interpreter is seen to import the compiled extraction
RUN_ON_COMPILED = """
import importlib.machinery, sys, pytest
import briefreader.core.quotes as quotes
assert quotes.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), quotes.__file__
sys.exit(pytest.main(sys.argv[1:]))
"""


def build_wheel(target: Path, **env: str) -> tuple[Path, str]:
    """A wheel of the project built as pip builds it for a user (offline: the build tools are
    the test environment's), and what the build printed."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-cache-dir", "-v", "-w", str(target), str(ROOT)],
        capture_output=True, text=True, env={**os.environ, **env}, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    (wheel,) = target.glob("briefreader-*.whl")
    return wheel, output


def unpacked(wheel: Path, target: Path) -> Path:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


# `briefreader quotes --json` on the folders given, then, on stderr's last line, the extraction
# modules this interpreter loaded from compiled extension files
QUOTES_AND_MODULES = """
import importlib.machinery, json, sys
from briefreader.cli import main
status = main(["quotes", "--json", *sys.argv[1:]])
compiled = sorted(
    name for name, module in sys.modules.items()
    if name.startswith("briefreader.")
    and str(getattr(module, "__file__", "")).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
)
print(json.dumps(compiled), file=sys.stderr)
sys.exit(status)
"""


def quotes_run(python_path: Path, folders: list[Path], home: Path) -> dict:
    """Every quote `briefreader quotes --json` finds in the folders with the package at
    `python_path`, which extraction modules came from compiled files, and what
    `briefreader --version` says. (`home` holds its config, data and cache.)"""
    env = {
        **os.environ,
        "PYTHONPATH": str(python_path),
        "BRIEFREADER_CONFIG": str(home / "config.toml"),
        "BRIEFREADER_DATA_DIR": str(home / "data"),
        "BRIEFREADER_CACHE_DIR": str(home / "cache"),
    }

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, *arguments], capture_output=True, text=True, env=env, check=False
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result

    found = run("-c", QUOTES_AND_MODULES, *map(str, folders))
    version = run("-m", "briefreader", "--version").stdout.strip()
    compiled = json.loads(found.stderr.strip().splitlines()[-1])
    return {"compiled": compiled, "version": version, "quotes": json.loads(found.stdout)}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    """The labelled and bundled articles, 300 generated ones, five long ones (the generated
    ones joined twenty by twenty: hundreds of paragraphs, many people), and the hostile corpus
    (markup, escapes, broken files; not the megabyte-sized ones)."""
    generated = tmp_path_factory.mktemp("generated")
    write_corpus(generated, 300)
    long = tmp_path_factory.mktemp("long")
    texts = [path.read_text(encoding="utf-8") for path in sorted(generated.rglob("*.md"))]
    for first in range(0, 100, 20):
        bodies = [text.split("---\n", 2)[2] for text in texts[first + 1 : first + 20]]
        (long / f"long-{first}.md").write_text("\n".join([texts[first], *bodies]), "utf-8")
    hostile = tmp_path_factory.mktemp("hostile") / "corpus"
    build(hostile, only=lambda case: not case.heavy)
    yield [*ARTICLE_FOLDERS, generated, long, hostile]
    restore_permissions(hostile)


@pytest.fixture(scope="module")
def plain_quotes(folders: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    return quotes_run(ROOT / "src", folders, tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built where a C compiler is at hand, unpacked: what a user's install holds."""
    wheel, output = build_wheel(tmp_path_factory.mktemp("wheel"))
    assert not wheel.name.endswith("py3-none-any.whl"), output[-3000:]
    return unpacked(wheel, tmp_path_factory.mktemp("site"))


@needs_a_compiler
def test_the_compiled_wheel_finds_exactly_what_the_plain_rules_find(
    compiled_site: Path, folders: list[Path], plain_quotes: dict, tmp_path: Path
) -> None:
    compiled = quotes_run(compiled_site, folders, tmp_path)

    assert compiled["compiled"] == COMPILED
    assert compiled["version"].endswith("(quote extraction: compiled)")
    assert plain_quotes["compiled"] == []
    assert plain_quotes["version"].endswith("(quote extraction: plain Python)")
    assert len(plain_quotes["quotes"]) > 1000  # a real comparison
    assert compiled["quotes"] == plain_quotes["quotes"]


@needs_a_compiler
def test_the_quote_rules_tests_pass_on_the_compiled_modules(compiled_site: Path) -> None:
    """Compiled code checks the declared types as it runs: every rule's tests (Hypothesis ones
    among them) run again on the compiled modules, so that a wrong declaration fails here, not
    on a user's article."""
    result = subprocess.run(
        [sys.executable, "-c", RUN_ON_COMPILED, "-q", "-p", "no:cacheprovider",
         *map(str, sorted((ROOT / "tests" / "unit").glob("test_quotes_*.py")))],
        capture_output=True, text=True, cwd=ROOT, check=False,
        env={**os.environ, "PYTHONPATH": str(compiled_site)},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout


def test_without_a_c_compiler_the_wheel_is_plain_python_and_says_so(
    tmp_path: Path, folders: list[Path], plain_quotes: dict
) -> None:
    wheel, output = build_wheel(tmp_path / "wheel", CC=str(tmp_path / "no-such-compiler"))
    assert wheel.name.endswith("py3-none-any.whl")
    assert "quote extraction not compiled" in output
    plain = quotes_run(unpacked(wheel, tmp_path / "site"), folders, tmp_path)

    assert plain["compiled"] == []
    assert plain["version"].endswith("(quote extraction: plain Python)")
    assert plain["quotes"] == plain_quotes["quotes"]
