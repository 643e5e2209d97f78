"""Settings and topic definitions from config.toml and the environment, with shipped defaults."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.core.models import Topic
from briefreader.core.topic_config import topics_from_config
from briefreader.paths import Paths

# The topics shipped for users with no [topics] in their config; `--print-config` shows them.
DEFAULT_TOPICS: tuple[Topic, ...] = (
    Topic(
        "drones",
        "Drones",
        "#ff8700",
        terms=(
            "drone",
            "UAV",
            "unmanned aerial vehicle",
            "Shahed",
            "kamikaze drone",
            "loitering munition",
        ),
    ),
    Topic("kherson", "Kherson", "magenta", terms=("Kherson",)),
    Topic(
        "oil-cap",
        "Oil price cap",
        "cyan",
        terms=(
            "price cap",
            "gas cap",
            "oil cap",
            "capping mechanism",
            "crude exports",
            "crude oil",
            "barrels per day",
            "oil export",
            "oil exporter",
            "oil embargo",
        ),
    ),
)


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# A named key as Textual spells it ("down", "pageup", "f5", "question_mark").
_KEY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def key_problem(keys: str) -> str | None:
    """Why a [keys] value is not a comma-separated list of keys, or None when it is.

    Only the spelling is checked here; whether Textual knows a named key shows when pressed.
    """
    for key in keys.split(","):
        key = key.strip()
        if not key:
            return "an empty key (keys are separated by commas)"
        *modifiers, name = key.split("+")
        unknown = [m for m in modifiers if m not in _MODIFIERS]
        if unknown:
            return f"'{unknown[0]}' in '{key}' is not a modifier (ctrl, shift, alt, meta)"
        if not (_KEY_NAME.match(name) or (len(name) == 1 and name.isprintable() and name != " ")):
            return f"'{key}' is not a key (write one character, or a name like down or f5)"
    return None


def valid_keys(keys: dict[str, str], where: str) -> tuple[dict[str, str], list[str]]:
    """The [keys] entries whose keys are well spelled, and one problem line per other entry."""
    kept: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keys.items():
        problem = key_problem(value)
        if problem is None:
            kept[binding_id] = value
        else:
            problems.append(f"{where}: [keys] '{binding_id}' ignored: {problem}")
    return kept, problems


class ConfigError(Exception):
    """The config file cannot be used at all (unreadable, not TOML)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable, already validated. Problems are one-line messages for the user."""

    paths: Paths
    library: Path | None = None
    topics: tuple[Topic, ...] = DEFAULT_TOPICS
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    problems: tuple[str, ...] = ()

    @classmethod
    def load(cls, paths: Paths | None = None) -> Settings:
        """Read config.toml (missing is fine: defaults). Bad entries become problems, not errors."""
        paths = paths or Paths.from_environment()
        raw = read_config_file(paths.config_file)
        problems: list[str] = []
        where = str(paths.config_file)
        library = raw.get("library")
        if library is not None and not isinstance(library, str):
            problems.append(f"{where}: 'library' must be a folder path in quotes")
            library = None
        keys = raw.get("keys", {})
        if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
            problems.append(f"{where}: [keys] must map binding ids to key names in quotes")
            keys = {}
        keys, key_problems = valid_keys(keys, where)
        problems.extend(key_problems)
        theme = raw.get("theme")
        if theme is not None and not isinstance(theme, str):
            problems.append(f"{where}: 'theme' must be a theme name in quotes")
            theme = None
        topics, topic_problems = topics_from_config(raw.get("topics"), where, DEFAULT_TOPICS)
        problems.extend(topic_problems)
        known = {"library", "keys", "theme", "topics"}
        problems.extend(f"{where}: unknown setting '{k}'" for k in raw if k not in known)
        return cls(
            paths=paths,
            library=Path(library).expanduser() if library else None,
            topics=topics,
            keys=dict(keys),
            theme=theme,
            problems=tuple(problems),
        )


def read_config_file(path: Path) -> dict[str, object]:
    """The parsed TOML, {} when there is no file; ConfigError when it cannot be used."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
