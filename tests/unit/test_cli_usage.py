"""The command line's answers to slips: mistyped commands, bad keys, empty folders, no matches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefreader.cli import main, tui_cmd
from briefreader.config import Settings
from briefreader.paths import Paths

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "articles"
KINDS = ".txt, .text, .md, .markdown, .html, .htm"


def config_file() -> Path:
    return Paths.from_environment().config_file


def write_config(text: str) -> Path:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- mistyped subcommands -------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), [("serach", "search"), ("artciles", "articles"),
                                              ("bookmark", "bookmarks"), ("qoutes", "quotes")])  # fmt: skip
def test_a_mistyped_command_is_a_usage_error_naming_the_command(
    typed: str, meant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([typed, "x"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"briefreader: unknown command '{typed}' (did you mean '{meant}'?)\n"


def test_a_missing_path_unlike_any_command_is_still_a_missing_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for word in ("notes", "search.txt"):
        assert main([word]) == 1
        assert capsys.readouterr().err == f"briefreader: {word}: no such file or folder\n"


def test_a_folder_named_like_a_typo_is_opened_as_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "serach").mkdir()
    opened: list[list[Path]] = []
    monkeypatch.setattr(
        tui_cmd, "make_app", lambda paths, settings: opened.append(list(paths)) or NoApp()
    )
    assert main(["serach"]) == 0
    assert opened == [[Path("serach")]]


class NoApp:
    """Stands in for the app: these tests check what happens before it runs."""

    def run(self, **_options: object) -> None:
        return None


# -- [keys] in config.toml ------------------------------------------------------------------


def test_badly_spelled_keys_are_named_in_one_line_each_and_the_rest_applies() -> None:
    path = write_config(
        '[keys]\n"list.down" = "!!bad key"\n"reader.down" = "j,down,ctrl+n"\n'
        '"main.search" = "ctrl+"\n"list.up" = "cmd+k"\n"list.first" = "g,,G"\n'
    )
    settings = Settings.load(Paths.from_environment())
    assert settings.keys == {"reader.down": "j,down,ctrl+n"}
    bad = {"list.down": "'!!bad key' is not a key", "main.search": "'ctrl+' is not a key",
           "list.up": "'cmd' in 'cmd+k' is not a modifier", "list.first": "an empty key"}  # fmt: skip
    assert len(settings.problems) == len(bad)
    for problem, (binding_id, why) in zip(settings.problems, bad.items(), strict=True):
        assert problem.startswith(f"{path}: [keys] '{binding_id}' ignored: {why}")
        assert "\n" not in problem


def test_unknown_binding_ids_are_named_with_the_closest_one() -> None:
    known = tui_cmd.binding_ids()
    assert {"list.down", "reader.find", "main.bookmark", "app.quit"} <= known
    keys = {"no.such": "x", "list.dwon": "j", "list.down": "j"}
    problems = tui_cmd.unknown_binding_problems(keys, Path("/c/config.toml"), known)
    assert problems == [
        "/c/config.toml: [keys] 'no.such' ignored: no such binding id (the README lists the ids)",
        "/c/config.toml: [keys] 'list.dwon' ignored: no such binding id "
        "(did you mean 'list.down'?)",
    ]


def test_key_problems_are_printed_before_the_app_starts_and_it_still_starts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config('[keys]\n"no.such" = "x"\n"list.down" = "!!bad key"\n"list.up" = "u"\n')
    started: list[str] = []

    def run_app(self: object, **_options: object) -> None:
        started.append(capsys.readouterr().err)

    monkeypatch.setattr(tui_cmd.BriefReaderApp, "run", run_app)
    assert main([str(ARTICLES)]) == 0
    (before_start,) = started
    lines = before_start.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"briefreader: {path}: [keys] 'list.down' ignored: '!!bad key'")
    assert lines[1].startswith(f"briefreader: {path}: [keys] 'no.such' ignored: no such binding")


# -- --print-config -------------------------------------------------------------------------


def test_print_config_says_where_to_save_it_when_there_is_no_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--print-config"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"# briefreader configuration: save this as {config_file()} to use it"
    write_config('theme = "nord"\n')
    with pytest.raises(SystemExit):
        main(["--print-config"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"# briefreader configuration: read from {config_file()}"


# -- folders with nothing to read, searches that find nothing ------------------------------


@pytest.mark.parametrize("command", ["articles", "quotes", "topics"])
def test_a_folder_without_article_files_says_so_in_one_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    for args in ([command, str(empty)], [command, "--json", str(empty)]):
        assert main(args) == 1
        out, err = capsys.readouterr()
        assert out == ""  # no empty table
        assert err == f"briefreader: no article files in {empty} ({KINDS})\n"


@pytest.mark.parametrize("command", ["articles", "quotes", "topics"])
def test_a_folder_of_unreadable_files_gives_the_reasons(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blank.md").write_text("")
    assert main([command, str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"skipped {tmp_path / 'blank.md'}: empty file",
        "briefreader: no article could be read (see the reasons above)",
    ]


def test_topics_that_are_not_named_is_an_answer_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "garden.txt").write_text("Tomatoes\n\nThe tomatoes ripened early this year.\n")
    assert main(["topics", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("", "no topic is named in 1 article\n")
    assert main(["topics", "--json", "--topic", "kherson", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert (json.loads(out), err) == ([], "topic 'kherson' is not named in 1 article\n")


# -- tables: paragraphs counted from 1, nothing cut when piped ------------------------------


def table_rows(out: str) -> list[list[str]]:
    """The body rows of the Rich tables in the output, as lists of stripped cells."""
    return [
        [cell.strip() for cell in line.strip("│").split("│")]
        for line in out.splitlines()
        if line.startswith("│")
    ]


def test_the_quotes_table_counts_paragraphs_from_1_and_the_json_from_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    article = str(ARTICLES / "fism-iran-crimea-drones.txt")
    assert main(["quotes", "--json", "--speaker", "kirby", article]) == 0
    from_zero = sorted(q["paragraph"] for q in json.loads(capsys.readouterr().out))
    assert main(["quotes", "--speaker", "kirby", article]) == 0
    shown = sorted(int(row[-1]) for row in table_rows(capsys.readouterr().out))
    assert from_zero and shown == [n + 1 for n in from_zero]


def test_the_topics_table_counts_paragraphs_from_1(capsys: pytest.CaptureFixture[str]) -> None:
    article = str(ARTICLES / "fism-iran-crimea-drones.txt")
    assert main(["topics", "--json", "--topic", "kherson", article]) == 0
    hits = json.loads(capsys.readouterr().out)
    from_zero = sorted(h["paragraph"] for h in hits if not h["in_heading"])
    assert main(["topics", "--topic", "kherson", article]) == 0
    rows = table_rows(capsys.readouterr().out)
    shown = sorted(int(row[1]) for row in rows if row[1] != "heading")
    assert from_zero and shown == [n + 1 for n in from_zero]
    assert sum(row[1] == "heading" for row in rows) == sum(h["in_heading"] for h in hits)


def test_piped_articles_keep_every_path_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    library = tmp_path / "a-library-with-a-rather-long-folder-name" / "and-another-level"
    shutil.copytree(ARTICLES, library)
    assert main(["articles", str(library)]) == 0
    out = capsys.readouterr().out
    paths = {row[-1] for row in table_rows(out)}
    assert paths == {str(library / "fism-iran-crimea-drones.txt"),
                     str(library / "thehill-putin-reliance-on-iran.txt")}  # fmt: skip
    assert "Five things to know about Putin’s increasing reliance on Iran" in out
