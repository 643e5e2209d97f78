"""Snippets for search hits: a window of a paragraph around its matched words, with ranges."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

# (start, end, analysed term) for each word of a text
WordTerms = Callable[[str], Iterable[tuple[int, int, str]]]

SNIPPET_CHARS = 240


def snippet(
    text: str, matched: Collection[str], word_terms: WordTerms, width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A plain-text window of `text` around the words whose terms are in `matched`.

    Returns the snippet and the (start, end) ranges of the matched words inside it; the
    snippet itself carries no markup, so untrusted text is never interpreted.
    """
    ranges = sorted({(start, end) for start, end, term in word_terms(text) if term in matched})
    if len(text) <= width:
        return text, tuple(ranges)
    start = _best_window_start(ranges, width)
    start = _word_boundary_before(text, start)
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((a + shift, b + shift) for a, b in ranges if a >= start and b <= end)
    return prefix + text[start:end].strip() + suffix, _shift_for_strip(text, start, inside)


def _shift_for_strip(
    text: str, start: int, ranges: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """Ranges corrected for leading whitespace that strip() removed."""
    stripped = len(text[start:]) - len(text[start:].lstrip())
    if not stripped:
        return ranges
    return tuple((a - stripped, b - stripped) for a, b in ranges)


def _best_window_start(ranges: list[tuple[int, int]], width: int) -> int:
    """Start of the window holding the most matched words, a little before the first."""
    if not ranges:
        return 0
    best_start, best_count = ranges[0][0], 0
    for i, (first, _) in enumerate(ranges):
        count = sum(1 for a, b in ranges[i:] if b - first <= width - 40)
        if count > best_count:
            best_start, best_count = first, count
    return max(0, best_start - 40)


def _word_boundary_before(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = text.rfind(" ", 0, position)
    return space + 1 if space >= 0 else 0
