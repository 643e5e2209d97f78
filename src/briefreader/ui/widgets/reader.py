"""The reader: one article drawn line by line, with a paragraph cursor, highlights and find."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefreader.core.models import Paragraph, Topic
from briefreader.core.sanitize import sanitize_text
from briefreader.ui.widgets.reader_draw import MatchSpan, ReaderDrawing
from briefreader.ui.widgets.reader_find import ReaderFind
from briefreader.ui.widgets.reader_layout import (
    Block,
    Layout,
    Runs,
    article_blocks,
    layout_blocks,
)
from briefreader.ui.widgets.reader_marks import Marks

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis  # built by the library, in a worker

GUTTER = 4  # cursor mark, bookmark mark, section bar, space
MAX_MEASURE = 100  # longer lines are hard to read


class ReaderView(ReaderFind, ReaderDrawing, ScrollView, can_focus=True):
    """Shows an `Analysis`: topic hits in colour, quotes marked, a cursor on one paragraph."""

    HELP = "The open article. The marked paragraph is what copy, jump and bookmark act on."
    BINDINGS: list[BindingType] = [
        Binding("down,j", "cursor_down", "Next ¶", id="reader.down", show=False),
        Binding("up,k", "cursor_up", "Prev ¶", id="reader.up", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="reader.page_down", show=False),
        Binding("b,pageup", "page_up", "Page up", id="reader.page_up", show=False),
        Binding("g,home", "top", "Top", id="reader.top", show=False),
        Binding("G,end", "bottom", "Bottom", id="reader.bottom", show=False),
        Binding("slash", "find", "Find", id="reader.find"),
        Binding("n", "find_next", "Next match", id="reader.find_next"),
        Binding("N", "find_previous", "Prev match", id="reader.find_previous", show=False),
        Binding("right_square_bracket", "next_hit", "Next topic", id="reader.next_hit"),
        Binding("left_square_bracket", "previous_hit", "Prev topic", id="reader.previous_hit", show=False),
        Binding("t", "toggle_topics", "Topic colours", id="reader.toggle_topics", show=False),
        Binding("T", "focus_topic", "Focus topic", id="reader.focus_topic", show=False),
        Binding("full_stop", "next_quote", "Next quote", id="reader.next_quote", show=False),
        Binding("comma", "previous_quote", "Prev quote", id="reader.previous_quote", show=False),
        Binding("right_curly_bracket", "next_bookmark", "Next bookmark", id="reader.next_bookmark", show=False),
        Binding("left_curly_bracket", "previous_bookmark", "Prev bookmark", id="reader.previous_bookmark", show=False),
        Binding("y", "copy", "Copy ¶", id="reader.copy", show=False),
    ]  # fmt: skip
    COMPONENT_CLASSES = {
        "reader--title",
        "reader--meta",
        "reader--heading",
        "reader--cursor",
        "reader--cursor-mark",
        "reader--bookmark",
        "reader--quote",
        "reader--find",
        "reader--find-current",
        "reader--mark",
        "reader--dim",
    }
    DEFAULT_CSS = """
    ReaderView {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        & > .reader--title { text-style: bold; color: $text-primary; }
        & > .reader--meta { color: $text-muted; text-style: italic; }
        & > .reader--heading { text-style: bold underline; color: $text-accent; }
        & > .reader--cursor { background: $boost; }
        & > .reader--cursor-mark { color: $accent; }
        & > .reader--bookmark { color: $warning; }
        & > .reader--quote { text-style: italic; }
        & > .reader--find { background: $warning 40%; }
        & > .reader--find-current { background: $warning; color: $text; text-style: bold; }
        & > .reader--mark { background: $success 35%; text-style: underline; }
        & > .reader--dim { text-style: dim; }
    }
    """

    class CursorMoved(Message):
        """The paragraph cursor moved (to save the reading position)."""

        def __init__(self, paragraph: Paragraph) -> None:
            super().__init__()
            self.paragraph = paragraph

    class FindRequested(Message):
        """The user asked to find text in the article."""

    class FindStatus(Message):
        """Where find stands: match `current` (1-based, 0 for none) of `total`."""

        def __init__(self, current: int, total: int) -> None:
            super().__init__()
            self.current = current
            self.total = total

    def __init__(self, topics: Sequence[Topic] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.topics: dict[str, Topic] = {t.name: t for t in topics}
        self.analysis: Analysis | None = None
        self.blocks: list[Block] = []
        self.marks = Marks()
        self.cursor = -1  # article-wide paragraph index; -1 with no article
        self.show_topics = True
        self.focused_topic: str | None = None
        self.find_matches: list[MatchSpan] = []
        self.find_index = -1
        self.passage_mark: MatchSpan | None = None
        self.bookmarked: frozenset[int] = frozenset()
        self._block_of: dict[int, int] = {}
        self._paragraph_order: list[int] = []  # block numbers of paragraphs, in reading order
        self._order_of: dict[int, int] = {}  # block number -> position in that order
        self._paragraph_of: dict[int, Paragraph] = {}
        self._jump_anchor: tuple[int, int] = (-1, -1)
        self._had_matches = False
        self.hint = ""  # shown while no article is open
        self._base_style = Style()
        self._layout: Layout | None = None
        self._runs: dict[int, Runs] = {}
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(512)

    # ----- content -------------------------------------------------------------------------

    def show(self, analysis: Analysis, *, paragraph: int | None = None) -> None:
        """Display an article, with the cursor on `paragraph` (default: the first)."""
        self.analysis = analysis
        self.blocks = article_blocks(analysis.article)
        self._block_of = {b.paragraph: n for n, b in enumerate(self.blocks) if b.paragraph >= 0}
        self._paragraph_order = sorted(self._block_of.values())
        self._order_of = {block: n for n, block in enumerate(self._paragraph_order)}
        self._paragraph_of = {p.index: p for p in analysis.article.paragraphs}
        self.marks = Marks.of(analysis, self.blocks)
        self.find_matches, self.find_index, self.passage_mark = [], -1, None
        self.bookmarked = frozenset()
        self.focused_topic = None
        self._layout = None
        self._invalidate()
        self._relayout(keep_position=False)
        paragraphs = analysis.article.paragraphs
        self.cursor = paragraphs[0].index if paragraphs else -1
        self.scroll_to(y=0, animate=False, immediate=True)
        if paragraph is not None and paragraph in self._block_of:
            self._set_cursor(paragraph)
            # The new height is known to the scrollbars only after the next refresh.
            self.call_after_refresh(self.move_to, paragraph, center=True)
        self._update_status()

    def show_hint(self, hint: str) -> None:
        """A line to show until an article opens (what to do first)."""
        self.hint = hint
        self.refresh()

    def set_bookmarked(self, paragraph_indexes: Iterable[int]) -> None:
        """Paragraphs with a bookmark get a mark in the margin."""
        self.bookmarked = frozenset(paragraph_indexes)
        self._invalidate(runs=False)

    @property
    def current_paragraph(self) -> Paragraph | None:
        """The paragraph under the cursor."""
        return self._paragraph_of.get(self.cursor)

    def mark_span(self, paragraph: int, start: int | None, end: int | None) -> None:
        """Mark a span (a quote, a hit, a bookmark) of a paragraph and move there."""
        block = self._block_of.get(paragraph)
        if block is not None and start is not None and end is not None:
            self.passage_mark = (block, start, end)
        self.move_to(paragraph, offset=start or 0, center=True)
        self._invalidate()

    # ----- movement ------------------------------------------------------------------------

    def move_to(self, paragraph: int, *, offset: int = 0, center: bool = False) -> None:
        """Put the cursor on a paragraph and scroll it into view."""
        block = self._block_of.get(paragraph)
        if block is None:
            return
        self._set_cursor(paragraph)
        layout = self._layout_now()
        self._scroll_to_line(
            layout.line_of(block, offset), center=center, end=layout.block_end(block)
        )

    def _set_cursor(self, paragraph: int) -> None:
        if paragraph == self.cursor:
            return
        for old_or_new in (self.cursor, paragraph):
            self._runs.pop(self._block_of.get(old_or_new, -1), None)
        self.cursor = paragraph
        self._strips.clear()
        self.refresh()
        self._update_status()
        current = self.current_paragraph
        if current is not None:
            self.post_message(self.CursorMoved(current))

    def _scroll_to_line(self, line: int, *, center: bool = False, end: int | None = None) -> None:
        top, height = round(self.scroll_offset.y), max(1, self.scrollable_content_region.height)
        end = line if end is None else end
        if center and not (top <= line and end < top + height):
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        elif line < top:
            self.scroll_to(y=max(0, line - 1), animate=False, immediate=True)
        elif end >= top + height:
            self.scroll_to(y=min(line, end - height + 2), animate=False, immediate=True)

    def _paragraph_blocks(self) -> list[int]:
        return self._paragraph_order

    def _step_paragraph(self, step: int) -> None:
        blocks = self._paragraph_blocks()
        if not blocks or self.cursor not in self._block_of:
            return
        position = self._order_of[self._block_of[self.cursor]] + step
        if 0 <= position < len(blocks):
            self.move_to(self.blocks[blocks[position]].paragraph)

    def action_cursor_down(self) -> None:
        layout, block = self._layout_now(), self._block_of.get(self.cursor)
        if block is None:
            return
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        if layout.block_end(block) >= top + height:  # a long paragraph: read on before moving
            self.scroll_to(y=top + max(1, height - 2), animate=False, immediate=True)
            return
        self._step_paragraph(1)

    def action_cursor_up(self) -> None:
        layout, block = self._layout_now(), self._block_of.get(self.cursor)
        if block is None:
            return
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        if layout.first_line[block] < top:
            self.scroll_to(y=max(0, top - max(1, height - 2)), animate=False, immediate=True)
            return
        self._step_paragraph(-1)

    def _cursor_to_top_line(self, top: int) -> None:
        layout = self._layout_now()
        for line in range(top, len(layout.lines)):
            paragraph = self.blocks[layout.block_at(line)].paragraph
            if paragraph >= 0:
                self._set_cursor(paragraph)
                return

    def action_page_down(self) -> None:
        height = self.scrollable_content_region.height
        top = min(round(self.scroll_offset.y) + max(1, height - 2), round(self.max_scroll_y))
        self.scroll_to(y=top, animate=False, immediate=True)
        self._cursor_to_top_line(top)

    def action_page_up(self) -> None:
        height = self.scrollable_content_region.height
        top = max(0, round(self.scroll_offset.y) - max(1, height - 2))
        self.scroll_to(y=top, animate=False, immediate=True)
        self._cursor_to_top_line(top)

    def action_top(self) -> None:
        blocks = self._paragraph_blocks()
        if blocks:
            self._set_cursor(self.blocks[blocks[0]].paragraph)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        blocks = self._paragraph_blocks()
        if blocks:
            self.move_to(self.blocks[blocks[-1]].paragraph)
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def _jump(self, targets: Sequence[tuple[int, int]], step: int, what: str) -> None:
        """Move to the next/previous (paragraph, start) target from the cursor."""
        if not targets:
            self.notify(f"No {what} in this article", severity="warning", markup=False)
            return
        anchor = self._jump_anchor
        here = anchor if anchor[0] == self.cursor else (self.cursor, -1)
        ahead = [t for t in targets if (t > here if step > 0 else t < here)]
        if not ahead:
            self.notify(
                f"No more {what} {'below' if step > 0 else 'above'}",
                severity="warning",
                markup=False,
            )
            return
        paragraph, start = ahead[0] if step > 0 else ahead[-1]
        self.move_to(paragraph, offset=start, center=True)
        self._jump_anchor = (paragraph, start)

    def action_next_hit(self) -> None:
        self._jump(self.marks.hit_targets(self.focused_topic), 1, "topic passages")

    def action_previous_hit(self) -> None:
        self._jump(self.marks.hit_targets(self.focused_topic), -1, "topic passages")

    def action_next_quote(self) -> None:
        self._jump(self.marks.quote_targets, 1, "quotes")

    def action_previous_quote(self) -> None:
        self._jump(self.marks.quote_targets, -1, "quotes")

    def action_next_bookmark(self) -> None:
        self._jump([(p, 0) for p in sorted(self.bookmarked)], 1, "bookmarks")

    def action_previous_bookmark(self) -> None:
        self._jump([(p, 0) for p in sorted(self.bookmarked)], -1, "bookmarks")

    def action_toggle_topics(self) -> None:
        self.show_topics = not self.show_topics
        self.notify("Topic colours on" if self.show_topics else "Topic colours off")
        self._invalidate()

    def action_focus_topic(self) -> None:
        names = [n for n in self.topics if n in self.marks.topics_present]
        order = [None, *names]
        self.focused_topic = order[(order.index(self.focused_topic) + 1) % len(order)]
        self.show_topics = True
        label = self.topics[self.focused_topic].label if self.focused_topic else "all topics"
        self.notify(f"Showing {label}", markup=False)
        self._invalidate()
        self._update_status()

    def action_copy(self) -> None:
        paragraph = self.current_paragraph
        if paragraph is not None:
            self.app.copy_to_clipboard(sanitize_text(paragraph.text))
            self.notify("Copied the passage to the clipboard")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("find_next", "find_previous"):
            return bool(self.find_matches)
        if action in ("next_hit", "previous_hit", "toggle_topics", "focus_topic"):
            return bool(self.marks.topics_present)
        if action in ("next_bookmark", "previous_bookmark"):
            return bool(self.bookmarked)
        return self.analysis is not None or action == "find"

    def _update_status(self) -> None:
        blocks = self._paragraph_blocks()
        if self.analysis is None or not blocks or self.cursor not in self._block_of:
            self.border_subtitle = ""
            return
        position = self._order_of[self._block_of[self.cursor]] + 1
        focus = f" · {self.topics[self.focused_topic].label}" if self.focused_topic else ""
        self.border_subtitle = Content(f"¶ {position}/{len(blocks)}{focus}")  # labels are user text

    # ----- layout and drawing --------------------------------------------------------------

    def _text_width(self) -> int:
        return max(1, min(MAX_MEASURE, self.scrollable_content_region.width - GUTTER - 1))

    def _layout_now(self) -> Layout:
        if self._layout is None or self._layout.width != self._text_width():
            self._relayout()
        assert self._layout is not None
        return self._layout

    def _relayout(self, keep_position: bool = True) -> None:
        old, top = self._layout, round(self.scroll_offset.y)
        anchor = None
        if keep_position and old is not None and old.lines:
            block, start, _end = old.lines[min(top, len(old.lines) - 1)]
            anchor = (block, max(0, start))
        self._layout = layout_blocks(self.blocks, self._text_width())
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._layout.lines))
        if anchor is not None:
            line = self._layout.line_of(*anchor)
            self.call_after_refresh(self.scroll_to, y=line, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        if self.blocks:
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._invalidate()

    def _invalidate(self, runs: bool = True) -> None:
        if runs:
            self._runs.clear()
        self._strips.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        if self._layout is None:
            return
        line = round(self.scroll_offset.y) + event.y
        if 0 <= line < len(self._layout.lines):
            paragraph = self.blocks[self._layout.block_at(line)].paragraph
            if paragraph >= 0:
                self._set_cursor(paragraph)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base_style = self.rich_style  # costly to compute; fixed during one paint
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_offset.y) + y
        layout = self._layout
        if not self.blocks and self.hint and y == 0:
            hint_style = self._base_style + Style(dim=True, italic=True)
            return Strip([Segment(f" {self.hint}"[:width], hint_style)]).extend_cell_length(
                width, self._base_style
            )
        if layout is None or not self.blocks or line >= len(layout.lines):
            return Strip.blank(width, self._base_style)
        key = (line, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_text_line(layout, line, width)
            self._strips[key] = strip
        return strip
