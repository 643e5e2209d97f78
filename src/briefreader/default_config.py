"""The commented default config.toml that `briefreader --print-config` writes."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from briefreader.config import DEFAULT_TOPICS
from briefreader.core.models import Topic

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
HEADER = """\
# briefreader configuration: {where}
# (BRIEFREADER_CONFIG names another file). Lines starting with # are comments.

# The folder opened when you run `briefreader` with no PATH.
# library = "~/briefs/articles"

# A Textual theme name, e.g. "textual-dark", "nord", "gruvbox".
# theme = "nord"

# Keys can be remapped by binding id, one line per binding: id = "key".
# [keys]

# Topics are highlighted in the reader, tag the sections they run through, and can be
# searched with topic:NAME. Writing any [topics.NAME] table replaces all of these defaults,
# so keep the ones you want. Earlier topics win where two match the same words.
#
#   label           the name shown in the sidebar and legend
#   color           a colour name ("red", "magenta", "cyan") or a hex code ("#ff8700")
#   terms           words and phrases: whole words, any case, plurals included
#                   ("drone" finds "Drones"), a phrase across spaces, hyphens or a line
#                   break ("price cap" finds "price-cap" and "price caps")
#   patterns        Python regular expressions, for what terms cannot say (lookarounds work)
#   case_sensitive  true to match terms and patterns only in the case written
#
# For example, a pattern for "cap" as a verb, only where oil or gas follows
# ("to cap Russian oil sales"), added to the oil-cap topic below:
#   patterns = ['\\bcap(?:s|ped|ping)?(?=\\s+(?:on\\s+)?(?:Russian\\s+)?(?:oil|gas|crude)\\b)']
"""


def toml_string(value: str) -> str:
    """A TOML string: a literal '...' when possible (regexes read as written), else basic."""
    if "'" not in value and "\n" not in value and all(c >= " " for c in value):
        return f"'{value}'" if "\\" in value else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def topic_table(topic: Topic) -> str:
    """One [topics.NAME] table in TOML."""
    name = topic.name if _BARE_KEY.match(topic.name) else toml_string(topic.name)
    lines = [f"[topics.{name}]"]
    lines.append(f"label = {toml_string(topic.label)}")
    lines.append(f"color = {toml_string(topic.color)}")
    lines.append("terms = [")
    lines.extend(f"    {toml_string(term)}," for term in topic.terms)
    lines.append("]")
    if topic.patterns:
        lines.append("patterns = [")
        lines.extend(f"    {toml_string(pattern)}," for pattern in topic.patterns)
        lines.append("]")
    if topic.case_sensitive:
        lines.append("case_sensitive = true")
    return "\n".join(lines)


def default_config_text(config_file: Path, topics: Sequence[Topic] = DEFAULT_TOPICS) -> str:
    """The whole commented config: settings as comments, the topics as live tables."""
    tables = "\n\n".join(topic_table(topic) for topic in topics)
    # Say where the file is read from only when it is there; else where to save it.
    where = (
        f"read from {config_file}"
        if config_file.is_file()
        else f"save this as {config_file} to use it"
    )
    return HEADER.format(where=where) + "\n" + tables + "\n"
