"""Topic definitions from the [topics.NAME] tables of config.toml, validated one by one."""

from __future__ import annotations

from typing import Any

from briefreader.core.models import Topic


def topics_from_config(
    raw: Any, where: str, defaults: tuple[Topic, ...]
) -> tuple[tuple[Topic, ...], list[str]]:
    """Valid topics in file order, plus one problem line per invalid entry."""
    if raw is None:
        return defaults, []
    if not isinstance(raw, dict):
        return defaults, [f"{where}: [topics] must be a table of topics"]
    topics: list[Topic] = []
    problems: list[str] = []
    for name, table in raw.items():
        if not isinstance(table, dict):
            problems.append(f"{where}: topic '{name}': must be a table")
            continue
        terms = table.get("terms", [])
        if not terms and not table.get("patterns"):
            problems.append(f"{where}: topic '{name}': has no terms or patterns")
            continue
        topics.append(
            Topic(
                name=name,
                label=str(table.get("label", name)),
                color=str(table.get("color", "yellow")),
                terms=tuple(map(str, terms)),
                patterns=tuple(map(str, table.get("patterns", []))),
                case_sensitive=bool(table.get("case_sensitive", False)),
            )
        )
    return tuple(topics), problems
