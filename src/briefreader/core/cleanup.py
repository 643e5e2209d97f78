"""Boilerplate rules in one list: share-button shortcodes, comment forms, copyright lines."""

from __future__ import annotations

import re

# A paragraph that matches any of these is dropped entirely.
BOILERPLATE_RULES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"^\[\w*(?:social|share|sharing)\w*(?:\s[^\]]*)?\]$", re.I
    ),  # [elfsight_social_share_buttons id="1"]
    re.compile(r"^(?:leave|post) a (?:reply|comment)\.?$", re.I),
    re.compile(r"^(?:cancel reply|reply|comments?|\d+ comments?|share this:?|share|tweet)$", re.I),
    re.compile(r"^your email address will not be published\b.*$", re.I),
    re.compile(r"^required fields are marked\s*\*?$", re.I),
    re.compile(r"^save my name, email, and website in this browser\b.*$", re.I),
    re.compile(r"^(?:related|read more|recommended)(?: articles| stories)?:?$", re.I),
    re.compile(r"^sign up for (?:our|the) .{0,60}newsletter.*$", re.I),
)

_COPYRIGHT = re.compile(
    r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<holder>.*?)\s*(?:\.?\s*all rights reserved\b.*)?$",
    re.I,
)


def is_boilerplate(paragraph: str) -> bool:
    """True when the paragraph is page furniture rather than article text."""
    text = paragraph.strip()
    return any(rule.match(text) for rule in BOILERPLATE_RULES) or copyright_holder(text) is not None


def copyright_holder(paragraph: str) -> str | None:
    """'Copyright 2023 Nexstar Media Inc. All rights reserved. …' -> 'Nexstar Media Inc.'."""
    text = paragraph.strip()
    if len(text) > 400 or not re.match(r"^(?:copyright\b|©|\(c\)\s*\d)", text, re.I):
        return None
    match = _COPYRIGHT.match(text)
    holder = match.group("holder").strip(" ,") if match else ""
    if not holder or len(holder) > 80:
        return ""
    if not holder.endswith((".",)) and holder.split()[-1].lower() in {"inc", "ltd", "co", "corp"}:
        holder += "."
    return holder
