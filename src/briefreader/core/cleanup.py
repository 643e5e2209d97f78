"""Boilerplate rules in one list: share buttons, comment forms, promos, copyright lines."""

from __future__ import annotations

import re

# A paragraph that matches any of these is dropped entirely. Each rule only matches a
# whole short paragraph, so article sentences that merely mention these words stay.
BOILERPLATE_RULES: tuple[re.Pattern[str], ...] = (
    # [elfsight_social_share_buttons id="1"] and other share-button shortcodes
    re.compile(r"^\[\w*(?:social|share|sharing)\w*(?:\s[^\]]*)?\]$", re.I),
    # comment forms
    re.compile(r"^(?:leave|post) a (?:reply|comment)\.?(?:\s+cancel reply)?$", re.I),
    re.compile(r"^(?:cancel reply|reply|comments?|\d+ comments?|share this:?|share|tweet)$", re.I),
    re.compile(r"^your email address will not be published\b.*$", re.I),
    re.compile(r"^required fields are marked\s*\*?$", re.I),
    re.compile(r"^save my name, email, and website in this browser\b.*$", re.I),
    # share bars and page furniture as words
    re.compile(
        r"^(?:share (?:this|on|via)\b.{0,40}|advertisement|advertising|sponsored(?: content)?|"
        r"skip to (?:main )?content|print this (?:page|story|article)|email to a friend|"
        r"follow us on .{0,40}|click to share on .{0,40}|copy link|gift (?:this )?article)$",
        re.I,
    ),
    # teasers for other stories and media: "READ MORE: Headline", "Watch: ..."
    re.compile(r"^(?:related|read more|recommended)(?: articles| stories| coverage)?:?$", re.I),
    re.compile(
        r"^(?:read more|read also|also read|see also|related(?: article| story| coverage)?|"
        r"more on this(?: story)?|don[’']?t miss|watch|video|listen|recommended)\s*[:»›|]\s*"
        r".{3,150}$",
        re.I,
    ),
    # newsletter and subscription promos
    re.compile(r"^sign up for (?:our|the) .{0,60}newsletter.*$", re.I),
    re.compile(
        r"^(?=.{0,220}$)(?:get|want|sign up|subscribe|never miss|don[’']?t miss|join|enter your "
        r"email|stay (?:informed|up to date)|like (?:this|what you))\b.*"
        r"\b(?:newsletters?|inbox|subscribe|subscription)\b.*$",
        re.I,
    ),
    re.compile(r"^(?=.{0,220}$).*\bsign up (?:to|for) (?:our|the)\b.*\bnewsletters?\b.*$", re.I),
    # lone datelines: "Published 21 February 2024", "Updated: 3 hours ago"
    re.compile(
        r"^(?:published|updated|posted|last updated|first published)(?: on| at)?:?\s+"
        r"[\w ,.:/+-]{0,60}$",
        re.I,
    ),
)

# Menu-like lines: "Home | News | Sport", "<< Back to news | Print this story | Email".
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_MENU_PIECE_MAX_WORDS = 4

_COPYRIGHT = re.compile(
    r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<holder>.*?)\s*(?:\.?\s*all rights reserved\b.*)?$",
    re.I,
)


def is_boilerplate(paragraph: str) -> bool:
    """True when the paragraph is page furniture rather than article text."""
    text = paragraph.strip()
    if any(rule.match(text) for rule in BOILERPLATE_RULES):
        return True
    return _is_menu_line(text) or copyright_holder(text) is not None


def _is_menu_line(text: str) -> bool:
    pieces = _MENU_SEPARATOR.split(text)
    return len(pieces) >= 3 and all(
        0 < len(piece.split()) <= _MENU_PIECE_MAX_WORDS and not piece.rstrip().endswith(".")
        for piece in pieces
    )


def copyright_holder(paragraph: str) -> str | None:
    """'Copyright 2023 Nexstar Media Inc. All rights reserved. …' -> 'Nexstar Media Inc.'.

    None when the paragraph is not a copyright line; "" when it is one naming nobody.
    """
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
