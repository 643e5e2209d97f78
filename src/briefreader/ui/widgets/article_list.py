"""The article list: two lines per article, drawn on demand so 10,000 articles mount at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefreader.core.models import ArticleSummary, Topic

ITEM_HEIGHT = 2


class ArticleList(ScrollView, can_focus=True):
    """Title on the first line; source, date and topic badges on the second. Read ones dimmed."""

    HELP = "Every article of the library. Read articles are dimmed, never hidden."
    BINDINGS: list[BindingType] = [
        Binding("j,down", "cursor_down", "Down", id="list.down", show=False),
        Binding("k,up", "cursor_up", "Up", id="list.up", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="list.page_down", show=False),
        Binding("b,pageup", "page_up", "Page up", id="list.page_up", show=False),
        Binding("g,home", "first", "First", id="list.first", show=False),
        Binding("G,end", "last", "Last", id="list.last", show=False),
        Binding("enter", "open", "Open", id="list.open"),
        Binding("slash", "search", "Search", id="list.search"),
    ]
    COMPONENT_CLASSES = {
        "article-list--title",
        "article-list--detail",
        "article-list--cursor",
        "article-list--read",
        "article-list--open",
    }
    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        & > .article-list--title { text-style: bold; }
        & > .article-list--detail { color: $text-muted; }
        & > .article-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .article-list--cursor {
            background: $block-cursor-background; color: $block-cursor-foreground;
        }
        & > .article-list--read { text-style: dim; }
        & > .article-list--open { color: $text-accent; }
    }
    """

    cursor: reactive[int] = reactive(0, init=False)

    class Selected(Message):
        """The user chose an article to open."""

        def __init__(self, summary: ArticleSummary) -> None:
            super().__init__()
            self.summary = summary

    class SearchRequested(Message):
        """The user asked to search the library from the list."""

    def __init__(self, topics: Sequence[Topic] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.summaries: tuple[ArticleSummary, ...] = ()
        self.read: frozenset[str] = frozenset()
        self.open_id: str | None = None
        self.topics: Mapping[str, Topic] = {t.name: t for t in topics}
        self._position: dict[str, int] = {}
        self._cache: dict[tuple[int, int, int], Strip] = {}
        self._base_style = Style()

    def set_summaries(self, summaries: Sequence[ArticleSummary]) -> None:
        """Replace the articles shown, keeping the cursor on the same article if it is there."""
        current = self.current
        self.summaries = tuple(summaries)
        self._position = {s.id: n for n, s in enumerate(self.summaries)}
        self.virtual_size = Size(
            self.scrollable_content_region.width, len(self.summaries) * ITEM_HEIGHT
        )
        self._cache.clear()
        index = self._position.get(current.id, 0) if current else 0
        self.set_reactive(ArticleList.cursor, min(index, max(0, len(self.summaries) - 1)))
        self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()

    def set_read(self, read_ids: frozenset[str]) -> None:
        self.read = read_ids
        self._cache.clear()
        self.refresh()

    def set_open(self, article_id: str | None) -> None:
        """Mark the article shown in the reader, and move the cursor to it."""
        self.open_id = article_id
        if article_id in self._position:
            self.cursor = self._position[article_id]
        self._cache.clear()
        self.refresh()

    def index_of(self, article_id: str) -> int | None:
        return self._position.get(article_id)

    @property
    def current(self) -> ArticleSummary | None:
        if 0 <= self.cursor < len(self.summaries):
            return self.summaries[self.cursor]
        return None

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.summaries) - 1))

    def watch_cursor(self) -> None:
        self._cache.clear()
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        first = self.cursor * ITEM_HEIGHT
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif first + ITEM_HEIGHT > top + height:
            self.scroll_to(y=first + ITEM_HEIGHT - height, animate=False, immediate=True)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // ITEM_HEIGHT - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.summaries) - 1

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def action_search(self) -> None:
        self.post_message(self.SearchRequested())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return bool(self.summaries)
        return True

    def on_click(self, event: events.Click) -> None:
        index = (round(self.scroll_offset.y) + event.y) // ITEM_HEIGHT
        if 0 <= index < len(self.summaries):
            self.cursor = index
            self.post_message(self.Selected(self.summaries[index]))

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(
            self.scrollable_content_region.width, len(self.summaries) * ITEM_HEIGHT
        )
        self._cache.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base_style = self.rich_style  # costly to compute; fixed during one paint
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_offset.y) + y
        index, row = divmod(line, ITEM_HEIGHT)
        if index >= len(self.summaries):
            return Strip.blank(width, self._base_style)
        key = (index, row, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(self.summaries[index], index, row, width)
            if len(self._cache) > 400:
                self._cache.clear()
            self._cache[key] = strip
        return strip

    def _render_row(self, summary: ArticleSummary, index: int, row: int, width: int) -> Strip:
        style = self._base_style
        if index == self.cursor:
            style += self.get_component_rich_style("article-list--cursor", partial=True)
        read = summary.id in self.read
        if read:
            style += self.get_component_rich_style("article-list--read", partial=True)
        if row == 0:
            title_style = self.get_component_rich_style("article-list--title", partial=True)
            if summary.id == self.open_id:
                title_style += self.get_component_rich_style("article-list--open", partial=True)
            marker = "▸ " if summary.id == self.open_id else "  "
            segments = [Segment(marker), Segment(fit(summary.title, width - 2), title_style)]
        else:
            detail = " · ".join(part for part in (summary.source, summary.published) if part)
            segments = [
                Segment("  "),
                Segment(
                    detail, self.get_component_rich_style("article-list--detail", partial=True)
                ),
            ]
            for name in summary.topics:
                topic = self.topics.get(name)
                if topic is not None:
                    segments.append(Segment(" "))
                    segments.append(Segment(f"●{topic.label}", _badge_style(topic.color)))
        strip = Strip(segments).apply_style(style)
        return strip.crop(0, width).adjust_cell_length(width, style)


def fit(text: str, width: int) -> str:
    """The text, cut with an ellipsis when it is wider than `width` cells."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…"


def _badge_style(color: str, _cache: dict[str, Style] = {}) -> Style:  # noqa: B006
    style = _cache.get(color)
    if style is None:
        try:
            style = Style(color=color)
        except Exception:  # an unknown colour: the label alone is enough
            style = Style()
        _cache[color] = style
    return style
