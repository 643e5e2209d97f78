"""Topic definitions from the [topics.NAME] tables of config.toml, validated one by one."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rich.color import Color, ColorParseError

from briefreader.core.models import Topic
from briefreader.core.topics import compile_topic

TOPIC_KEYS = ("label", "color", "terms", "patterns", "case_sensitive")
# Colours given to topics that name none, in turn; each parses in Rich and in Textual.
PALETTE = ("yellow", "green", "magenta", "cyan", "blue", "red")
_NAME = re.compile(r"^[\w-]+$")


def topics_from_config(
    raw: Any, where: str, defaults: tuple[Topic, ...]
) -> tuple[tuple[Topic, ...], list[str]]:
    """Valid topics in file order, plus one problem line per problem found.

    With no [topics] table the defaults apply; a [topics] table replaces them. A topic
    with a problem in a detail (an unknown key, a bad colour, one broken pattern) is kept
    without that detail; a topic left with nothing to match is dropped.
    """
    if raw is None:
        return defaults, []
    if not isinstance(raw, dict):
        return defaults, [
            f"{where}: 'topics' must be tables like [topics.drones]; using the default topics"
        ]
    topics: list[Topic] = []
    problems: list[str] = []
    for name, table in raw.items():
        topic = _topic_from_table(str(name), table, len(topics), problems.append)
        if topic is not None:
            topics.append(topic)
    return tuple(topics), [f"{where}: {problem}" for problem in problems]


def _topic_from_table(
    name: str, table: Any, position: int, report: Callable[[str], None]
) -> Topic | None:
    """One topic, or None when it cannot match anything; problems go to report()."""

    def problem(text: str) -> None:
        report(f"topic '{name}': {text}")

    if not isinstance(table, dict):
        problem(f'must be a table, like [topics.{name}] with terms = ["..."]; skipped')
        return None
    if not _NAME.match(name):
        problem("a topic name may hold only letters, digits, '-' and '_'; skipped")
        return None
    for key in table:
        if key not in TOPIC_KEYS:
            problem(f"unknown key '{key}' ignored (known: {', '.join(TOPIC_KEYS)})")
    label = table.get("label", name)
    if not isinstance(label, str) or not label.strip():
        problem("'label' must be a name in quotes; using the topic's name")
        label = name
    color = _valid_color(table.get("color"), PALETTE[position % len(PALETTE)], problem)
    case_sensitive = table.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        problem("'case_sensitive' must be true or false; using false")
        case_sensitive = False
    terms = _strings(table, "terms", problem)
    patterns: list[str] = []
    broken: list[str] = []
    for pattern in _strings(table, "patterns", problem):
        try:
            re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
        except re.error as error:
            broken.append(f"pattern {pattern!r} is not a valid regular expression ({error})")
        else:
            patterns.append(pattern)
    usable = bool(terms or patterns)
    for message in broken:
        problem(message + ("; ignored" if usable else "; skipped, nothing left to match"))
    if not usable:
        if not broken:
            problem("has no terms or patterns to match; skipped")
        return None
    topic = Topic(name, label.strip(), color, tuple(terms), tuple(patterns), case_sensitive)
    try:
        compile_topic(topic)
    except (re.error, ValueError) as error:
        problem(f"cannot be matched ({error}); skipped")
        return None
    return topic


def _strings(table: dict[str, Any], key: str, problem: Callable[[str], None]) -> list[str]:
    """A list of non-blank strings from the table; anything else is reported and left out."""
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problem(f"'{key}' must be a list of strings in quotes; ignored")
        return []
    kept = [item.strip() for item in value if isinstance(item, str) and item.strip()]
    if len(kept) != len(value):
        problem(f"'{key}' holds something that is not a word in quotes; left out")
    return kept


def _valid_color(value: Any, fallback: str, problem: Callable[[str], None]) -> str:
    """The colour if Rich can parse it, else the fallback (and a problem line)."""
    if value is None:
        return fallback
    if isinstance(value, str):
        try:
            Color.parse(value)
        except ColorParseError:
            pass
        else:
            return value
    problem(
        f"color {value!r} is not a colour (use a name like 'red' or a hex code like "
        f"'#ff8700'); using '{fallback}'"
    )
    return fallback
