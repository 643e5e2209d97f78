"""Find in the reader: every match highlighted, `n`/`N` between them, a "3/17" count."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefreader.ui.widgets.reader_draw import MatchSpan
from briefreader.ui.widgets.reader_layout import Block, Layout


class ReaderFind:
    """Find for `ReaderView`; the state it reads is set by the view."""

    blocks: list[Block]
    cursor: int
    find_matches: list[MatchSpan]
    find_index: int
    _block_of: dict[int, int]
    _had_matches: bool

    if TYPE_CHECKING:
        FindStatus: Any  # the messages are nested in ReaderView
        FindRequested: Any

        def move_to(self, paragraph: int, *, offset: int = 0, center: bool = False) -> None: ...
        def _invalidate(self, runs: bool = True) -> None: ...
        def _layout_now(self) -> Layout: ...
        def _scroll_to_line(
            self, line: int, *, center: bool = False, end: int | None = None
        ) -> None: ...
        def post_message(self, message: object) -> bool: ...
        def refresh_bindings(self) -> None: ...

    # ----- find ----------------------------------------------------------------------------

    def find(self, query: str) -> None:
        """Highlight every case-insensitive occurrence of `query` and go to the nearest."""
        pattern = re.compile(re.escape(query), re.IGNORECASE) if query else None
        self._set_find(pattern)

    def find_terms(self, terms: Sequence[str], paragraph: int) -> None:
        """Highlight words starting with any of `terms` (search results), from `paragraph` on."""
        words = sorted({t.lower() for t in terms if t.strip()}, key=len, reverse=True)
        pattern = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.IGNORECASE)
            if words
            else None
        )
        self.move_to(paragraph)
        self._set_find(pattern)

    def _set_find(self, pattern: re.Pattern[str] | None) -> None:
        self.find_matches = []
        if pattern is not None:
            for number, block in enumerate(self.blocks):
                self.find_matches.extend(
                    (number, m.start(), m.end()) for m in pattern.finditer(block.text) if m.end() > m.start()
                )  # fmt: skip
        here = self._block_of.get(self.cursor, 0)
        self.find_index = next(
            (n for n, match in enumerate(self.find_matches) if match[0] >= here),
            0 if self.find_matches else -1,
        )
        self._invalidate()
        if self.find_index >= 0:
            self._go_to_match()
        self._post_find_status()

    def clear_find(self) -> None:
        self.find_matches, self.find_index = [], -1
        self._invalidate()
        self._post_find_status()

    def _post_find_status(self) -> None:
        self.post_message(self.FindStatus(self.find_index + 1, len(self.find_matches)))
        if bool(self.find_matches) != self._had_matches:  # n/N appear or go in the footer
            self._had_matches = bool(self.find_matches)
            self.refresh_bindings()

    def _go_to_match(self) -> None:
        block, start, _end = self.find_matches[self.find_index]
        target = self.blocks[block]
        if target.paragraph >= 0:
            self.move_to(target.paragraph, offset=start, center=True)
        else:
            self._scroll_to_line(self._layout_now().line_of(block, start), center=True)
        self._invalidate()

    def action_find(self) -> None:
        self.post_message(self.FindRequested())

    def action_find_next(self) -> None:
        if self.find_matches:
            self.find_index = (self.find_index + 1) % len(self.find_matches)
            self._go_to_match()
            self._post_find_status()

    def action_find_previous(self) -> None:
        if self.find_matches:
            self.find_index = (self.find_index - 1) % len(self.find_matches)
            self._go_to_match()
            self._post_find_status()
