"""Make untrusted text safe for a terminal: applied once, at ingest, to every displayed string."""

from __future__ import annotations

import re

# String contents stop at any introducer or terminator, so an unterminated string never
# makes the scan run to the end of the text once per introducer (linear time, always).
_STRING_BODY = r"[^\x07\x1b\x80-\x9f]*"
_ST = r"(?:\x1b\\|\x9c)"
# One pass, each branch starting with its introducer so the scan skips plain text quickly.
# Complete sequences are removed whole; an unterminated one loses only its introducer.
_ESCAPE_SEQUENCE = re.compile(
    rf"""
    \x1b(?:
        \[[0-?]*[ -/]*[@-~]                      # CSI
      | \]{_STRING_BODY}(?:\x07|{_ST})           # OSC, ended by BEL or ST
      | [PX^_]{_STRING_BODY}{_ST}                # DCS, SOS, PM, APC
      | [ -/]*[0-~]                             # two-byte and nF (ESC c, ESC 7, ESC ( B);
                                                # also an unterminated ESC [ ESC ] ESC P...
      |                                         # a lone ESC
    )
    | \x9b[0-?]*[ -/]*[@-~]                      # CSI, 8-bit
    | \x9d{_STRING_BODY}(?:\x07|{_ST})           # OSC, 8-bit
    | [\x90\x98\x9e\x9f]{_STRING_BODY}{_ST}       # DCS, SOS, PM, APC, 8-bit
    | [\x90\x98\x9b\x9d\x9e\x9f]                  # an unterminated 8-bit introducer
    """,
    re.VERBOSE,
)
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
    return _CONTROL.sub(REPLACEMENT, text)


def sanitize_line(text: str) -> str:
    """For titles, names and file names: sanitized, bidi overrides removed, one line."""
    text = sanitize_text(text).translate(_BIDI_CONTROLS)
    return " ".join(text.split())


def sanitize_file_name(name: str) -> str:
    """A file name or path as shown to users: undecodable bytes shown as U+FFFD, then a safe line.

    Names read from the file system may hold bytes that are not UTF-8 (as surrogate escapes);
    printing those would raise, so they become replacement characters first.
    """
    readable = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return sanitize_line(readable)
