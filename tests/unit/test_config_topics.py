"""Topics from config.toml: defaults, the printed default config, and one clear line per mistake."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.config import DEFAULT_TOPICS, Settings
from briefreader.default_config import default_config_text
from briefreader.paths import Paths

ROOT = Path(__file__).resolve().parents[2]


def config_file() -> Path:
    return Path(os.environ["BRIEFREADER_CONFIG"])


def load(text: str) -> Settings:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return Settings.load(Paths.from_environment())


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_no_config_gives_the_default_topics() -> None:
    settings = Settings.load(Paths.from_environment())
    assert [t.name for t in settings.topics] == ["drones", "kherson", "oil-cap"]
    assert settings.problems == ()


def test_printed_config_loads_back_to_the_same_topics() -> None:
    code, out, err = run("--print-config")
    assert (code, err) == (0, "")
    assert str(config_file()) in out  # it says where it will be read from
    settings = load(out)
    assert settings.topics == DEFAULT_TOPICS
    assert settings.problems == ()


def test_printed_config_round_trips_any_topics() -> None:
    from briefreader.core.models import Topic

    odd = Topic("quotes-test", 'Say "hi"', "#00ff00", terms=("it's", "a\\b"),
                patterns=(r"(?<=\$)\d+", "it's"), case_sensitive=True)  # fmt: skip
    assert load(default_config_text(config_file(), (odd,))).topics == (odd,)


def test_own_topics_replace_the_defaults_in_file_order() -> None:
    settings = load(
        '[topics.wheat]\nterms = ["grain deal"]\n\n[topics.ports]\nterms = ["Odesa"]\ncolor = "blue"\n'
    )
    assert [(t.name, t.label) for t in settings.topics] == [("wheat", "wheat"), ("ports", "ports")]
    assert settings.topics[1].color == "blue"
    assert settings.problems == ()


@pytest.mark.parametrize(
    ("table", "problem", "kept"),
    [
        ('terms = ["x"]\ncolour = "red"', "topic 'bad': unknown key 'colour' ignored", True),
        ('terms = ["x"]\ncolor = "bluish"', "topic 'bad': color 'bluish' is not a colour", True),
        ('terms = ["x"]\npatterns = ["(unclosed"]', "topic 'bad': pattern '(unclosed' is not a valid regular expression", True),
        ('patterns = ["[z-a]"]', "topic 'bad': pattern '[z-a]' is not a valid regular expression", False),
        ('label = "Bad"', "topic 'bad': has no terms or patterns to match; skipped", False),
        ('terms = []', "topic 'bad': has no terms or patterns to match; skipped", False),
        ('terms = "drone"\ncase_sensitive = "yes"', "topic 'bad': 'case_sensitive' must be true or false", True),
        ('terms = [1, "x"]', "topic 'bad': 'terms' holds something that is not a word in quotes", True),
    ],
)  # fmt: skip
def test_each_mistake_is_one_line_naming_file_topic_and_problem(
    table: str, problem: str, kept: bool
) -> None:
    settings = load(f'[topics.good]\nterms = ["Kherson"]\n\n[topics.bad]\n{table}\n')
    assert len(settings.problems) == 1
    [line] = settings.problems
    assert line.startswith(f"{config_file()}: {problem}")
    assert "\n" not in line
    assert [t.name for t in settings.topics] == (["good", "bad"] if kept else ["good"])


def test_bad_colour_falls_back_to_a_colour_that_works() -> None:
    settings = load('[topics.a]\nterms = ["x"]\ncolor = "not-a-colour"\n')
    from rich.color import Color

    Color.parse(settings.topics[0].color)


def test_topics_that_is_not_a_table_keeps_the_defaults() -> None:
    settings = load('topics = "drones"\n')
    assert settings.topics == DEFAULT_TOPICS
    [line] = settings.problems
    assert line.startswith(str(config_file())) and "[topics.drones]" in line


def test_briefreader_starts_with_the_valid_topics_and_says_what_is_wrong() -> None:
    load(
        '[topics.ports]\nterms = ["Kherson"]\n\n'
        '[topics.broken]\nterms = ["drone"]\npatterns = ["(?<=a+)b"]\ncolor = "nope"\n\n'
        "[topics.empty]\n"
    )
    code, out, err = run("topics", "--json", str(ROOT / "articles"))
    assert code == 0
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"briefreader: {config_file()}: topic '") for line in lines)
    assert "'broken': color 'nope'" in err and "'broken': pattern '(?<=a+)b'" in err
    assert "'empty': has no terms" in err
    import json

    found = {hit["topic"] for hit in json.loads(out)}
    assert found == {"ports", "broken"}


def test_topic_name_must_be_usable_in_topic_searches() -> None:
    settings = load(
        '[topics."oil cap"]\nterms = ["price cap"]\n\n[topics.kherson]\nterms = ["Kherson"]\n'
    )
    assert [t.name for t in settings.topics] == ["kherson"]
    [line] = settings.problems
    assert line == (
        f"{config_file()}: topic 'oil cap': a topic name may hold only letters, digits, "
        "'-' and '_'; skipped"
    )
