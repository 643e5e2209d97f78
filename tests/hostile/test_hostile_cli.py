"""`briefreader articles` as a user runs it, over the hostile corpus: output safe, exit codes right."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hostile_support import CAN_DROP_ROOT, Corpus, run_briefreader, unsafe_characters

from briefreader.cli import build_parser
from briefreader.core.sanitize import sanitize_file_name


def build_parser_commands() -> set[str]:
    """The subcommands this build of briefreader has."""
    return set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


@pytest.fixture(scope="module")
def articles_json(light_corpus: Corpus) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    result = run_briefreader(["articles", "--json", "."], light_corpus.folder)
    return result, json.loads(result.stdout)


def expected_skips(corpus: Corpus) -> int:
    skips = [c for c in corpus.cases if c.expect == "skip"]
    if not CAN_DROP_ROOT:
        skips = [c for c in skips if c.reason not in {"permission", "cannot be listed"}]
    return len(skips)


def test_articles_json_reads_the_corpus_without_a_traceback(
    light_corpus: Corpus, articles_json: tuple[subprocess.CompletedProcess[str], list[dict]]
) -> None:
    result, articles = articles_json
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    skip_lines = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skip_lines) == expected_skips(light_corpus), result.stderr
    assert all(line.split(": ", 1)[1] for line in skip_lines)  # each with a reason
    reads = [c for c in light_corpus.cases if c.expect == "read"]
    assert len(articles) == len(reads)


def test_no_json_string_and_no_stderr_line_holds_a_control_character(
    articles_json: tuple[subprocess.CompletedProcess[str], list[dict]],
) -> None:
    result, articles = articles_json
    for text in strings_in(articles):
        assert not unsafe_characters(text), text[:200]
    assert not unsafe_characters(result.stderr.replace("\n", ""))


def test_markup_and_paths_come_out_literally(
    light_corpus: Corpus, articles_json: tuple[subprocess.CompletedProcess[str], list[dict]]
) -> None:
    _, articles = articles_json
    by_path = {a["path"]: a for a in articles}
    for case in light_corpus.cases:
        if case.expect != "read" or case.path.endswith("folder.txt"):
            continue
        article = by_path[sanitize_file_name(case.path)]
        text = "\n".join(strings_in(article))
        for literal in case.literal:
            if case.category == "markup" and "file name" in case.name:
                assert literal.replace(" ]", "]") in article["path"].replace(" ]", "]")
            else:
                assert literal in text, (case.name, literal)


def test_articles_table_sends_no_escape_to_the_terminal(light_corpus: Corpus) -> None:
    result = run_briefreader(["articles", "."], light_corpus.folder)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "[@click=app.quit]" in result.stdout  # markup printed as text, not applied
    for line in (result.stdout + result.stderr).splitlines():
        assert not unsafe_characters(line), repr(line)


def test_a_folder_of_only_broken_files_exits_1_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    result = run_briefreader(["articles", str(tmp_path)], tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("skipped ")]
    assert len(errors) == 1 and errors[0].startswith("briefreader: "), result.stderr


def test_a_missing_library_folder_exits_1_with_one_line(tmp_path: Path) -> None:
    result = run_briefreader(["articles", str(tmp_path / "no-such-folder")], tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no-such-folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hostile_file_name_given_directly_is_shown_safely(light_corpus: Corpus) -> None:
    case = light_corpus.case("OSC title in a file name")
    result = run_briefreader(["articles", "--json", case.path], light_corpus.folder)
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert not unsafe_characters(article["path"]) and "\x1b" not in result.stdout


COMMANDS_ON_A_LIBRARY = {
    "articles": ["articles"],
    "index": ["index"],
    "search": ["search", "drones"],
    "quotes": ["quotes"],
    "topics": ["topics"],
}


@pytest.mark.parametrize(
    "command",
    [args for name, args in COMMANDS_ON_A_LIBRARY.items() if name in build_parser_commands()],
    ids=lambda args: args[0],
)
def test_every_command_on_a_missing_folder_exits_1_with_one_line(
    command: list[str], tmp_path: Path
) -> None:
    result = run_briefreader([*command, str(tmp_path / "no-such-folder")], tmp_path)
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("briefreader: ") and "no-such-folder" in line


def test_megabyte_single_line_articles_are_read_and_analysed(hostile_corpus: Corpus) -> None:
    """A 1 MB line of prose and one of unclosed brackets, tags and quotes: linear work only
    (the subprocess timeout only guards against a hang)."""
    names = ("a single 1 MB line", "a 1 MB line of unclosed brackets, tags, quotes")
    paths = [hostile_corpus.case(name).path for name in names]
    result = run_briefreader(["articles", "--json", *paths], hostile_corpus.folder)
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)
    assert [len(a["sections"]) > 0 for a in articles] == [True, True]
    assert not unsafe_characters("".join(strings_in(articles)).replace("\n", ""))
