"""The sanitizer: no terminal escape or control character ever reaches the screen."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from briefreader.core.sanitize import (
    REPLACEMENT,
    sanitize_file_name,
    sanitize_line,
    sanitize_text,
)


def is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in "\t\n"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("red \x1b[31mALERT\x1b[0m text", "red ALERT text"),  # CSI, 7-bit
        ("red \x9b31mALERT\x9b0m text", "red ALERT text"),  # CSI, 8-bit
        ("\x1b[2J\x1b[Hcleared", "cleared"),  # clear screen, cursor home
        ("title\x1b]0;pwned\x07 after", "title after"),  # OSC ended by BEL
        ("link \x1b]8;;http://evil\x1b\\here\x1b]8;;\x1b\\", "link here"),  # OSC 8 hyperlink, ST
        ("a\x9d0;x\x9cb", "ab"),  # OSC, 8-bit, ended by 8-bit ST
        ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1bXsos\x1b\\b\x1b^pm\x1b\\c\x1b_apc\x1b\\d", "abcd"),  # SOS, PM, APC
        ("a\x90dcs\x9cb\x98sos\x9cc", "abc"),  # 8-bit DCS and SOS
        ("reset\x1bc done", "reset done"),  # two-byte ESC c (full reset)
        ("save\x1b7 restore\x1b8", "save restore"),  # ESC 7 / ESC 8
        ("charset\x1b(B ok", "charset ok"),  # nF sequence ESC ( B
    ],
)
def test_complete_escape_sequences_are_removed(raw: str, clean: str) -> None:
    assert sanitize_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("keep \x1b[31", "keep 31"),  # CSI with no final byte
        ("keep \x1b]0;title never ends", "keep 0;title never ends"),  # OSC with no terminator
        ("keep \x1bPdata", "keep data"),  # DCS with no terminator
        ("keep \x9b31", "keep 31"),  # 8-bit CSI with no final byte
        ("lone \x1b\n", "lone \n"),
    ],
)
def test_unterminated_sequence_loses_only_its_introducer(raw: str, clean: str) -> None:
    assert sanitize_text(raw) == clean


def test_other_controls_are_replaced_and_tab_newline_kept() -> None:
    raw = "a\x00b\x07c\x08d\x7fe\x85f\x9ag\th\ni"
    assert (
        sanitize_text(raw)
        == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d{REPLACEMENT}e{REPLACEMENT}f{REPLACEMENT}g\th\ni"
    )


def test_carriage_returns_become_newlines() -> None:
    assert sanitize_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    # A lone \r would let a line overwrite itself on screen ("safe\rEVIL").
    assert "\r" not in sanitize_text("safe\rEVIL")


def test_bidi_overrides_leave_titles_but_stay_in_bodies() -> None:
    spoof = "invoice\u202egnp.exe"
    assert sanitize_line(spoof) == "invoicegnp.exe"
    assert sanitize_line("\u2066isolated\u2069 title") == "isolated title"
    # Right-to-left text itself is untouched.
    assert sanitize_line("مرحبا بالعالم") == "مرحبا بالعالم"


def test_titles_become_one_line() -> None:
    assert sanitize_line("  Two\nlines\r\nhere\t ") == "Two lines here"


def test_file_names_with_undecodable_bytes_are_shown_not_crashed() -> None:
    undecodable = b"caf\xe9-\x1b[31mred.txt".decode("utf-8", "surrogateescape")
    shown = sanitize_file_name(undecodable)
    assert shown == f"caf{REPLACEMENT}-red.txt"
    shown.encode("utf-8")  # printable: no lone surrogate left
    assert sanitize_file_name("report\u202etxt.exe") == "reporttxt.exe"


# Printable text: every character except controls (Cc) and surrogates (Cs).
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")))
anything = st.text(st.characters(blacklist_categories=("Cs",)))
escape_soup = st.text(
    st.sampled_from(list("\x1b\x9b\x9d\x90\x9c\x07\\[]P_^X;0m\r\n\t a")), max_size=60
)


@given(printable)
def test_printable_unicode_is_unchanged(text: str) -> None:
    assert sanitize_text(text) == text


@given(st.one_of(anything, escape_soup))
@example("\x1b\x1b[m[31m")
@example("\x1b]\x1b\\\x1b[")
def test_no_control_character_survives(text: str) -> None:
    for clean in (sanitize_text(text), sanitize_line(text)):
        assert not any(is_control(c) for c in clean)
        assert "\x1b" not in clean and "\r" not in clean


@given(st.one_of(anything, escape_soup))
def test_sanitizing_is_idempotent(text: str) -> None:
    once = sanitize_text(text)
    assert sanitize_text(once) == once
    line = sanitize_line(text)
    assert sanitize_line(line) == line


@given(printable, printable)
def test_text_around_a_sequence_survives(before: str, after: str) -> None:
    assert sanitize_text(f"{before}\x1b[1;31m{after}\x1b[0m") == f"{before}{after}"
