"""Make untrusted text safe for a terminal: applied once, at ingest, to every displayed string."""

from __future__ import annotations

import re

# Complete escape sequences, 7-bit (ESC-introduced) and 8-bit (C1-introduced) forms.
_STRING_TERMINATOR = r"(?:\x1b\\|\x9c|\x07)"
_ESCAPE_SEQUENCE = re.compile(
    "|".join(
        (
            r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]",  # CSI
            rf"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*{_STRING_TERMINATOR}",  # OSC
            r"(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x1b\\|\x9c)",  # DCS SOS PM APC
            r"\x1b[ -/]*[0-~]",  # two-byte and nF escape sequences (ESC c, ESC 7, ESC ( B ...)
        )
    )
)
# What is left of an unterminated sequence: only the introducer goes.
_LONE_INTRODUCER = re.compile(r"\x1b[\[\]PX^_]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
REPLACEMENT = "\ufffd"
_NEEDS_WORK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def sanitize_text(text: str) -> str:
    """Normalise newlines, drop terminal escape sequences, replace other control characters.

    Tabs and newlines stay; every other C0 character, DEL and every C1 character is
    replaced by U+FFFD. The result is stable: sanitizing it again changes nothing.
    """
    if _NEEDS_WORK.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _LONE_INTRODUCER.sub("", text)
    return _CONTROL.sub(REPLACEMENT, text)


def sanitize_line(text: str) -> str:
    """For titles, names and file names: sanitized, bidi overrides removed, one line."""
    text = sanitize_text(text).translate(_BIDI_CONTROLS)
    return " ".join(text.split())
