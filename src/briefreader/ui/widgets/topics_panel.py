"""The Topics tab of the sidebar: each tracked topic, its hits here and in the library."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefreader.core.models import Topic
from briefreader.core.topics import TopicMatcher
from briefreader.ui.messages import ShowView
from briefreader.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from briefreader.core.analysis import Analysis


class TopicsPanel(Widget):
    """Every topic in its colour with its hit count in the open article and in the library;
    enter on a topic lists its passages across the library."""

    HELP = "Enter on a topic lists every passage about it across the library."
    DEFAULT_CSS = """
    TopicsPanel {
        height: 1fr;
        & > OptionList { height: 1fr; border: none; padding: 0; }
        & > #topics-hint { color: $text-muted; padding: 0 1; height: auto; }
    }
    """

    class CountsWanted(Message):
        """The panel is on screen for the first time: the library's counts are worth finding."""

    def __init__(self, topics: Sequence[Topic] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.topics = tuple(topics)
        self.analysis: Analysis | None = None
        self.article_counts: dict[str, int] = {}
        self.section_counts: dict[str, int] = {}
        self.library_counts: dict[str, int] | None = None
        self.lost_to: dict[str, Counter[str]] = {}  # topic -> {winning topic: words lost}
        self._matcher = TopicMatcher(self.topics)
        # Counting a large library reads every file, so it waits until someone looks.
        self.wants_library_counts = False

    def compose(self) -> ComposeResult:
        yield RowList(id="topics-list", markup=False)
        yield Static(self._hint(), id="topics-hint", markup=False)

    def on_mount(self) -> None:
        self._refresh()

    def on_show(self) -> None:
        if not self.wants_library_counts and self.topics:
            self.wants_library_counts = True
            self.post_message(self.CountsWanted())

    def show_analysis(self, analysis: Analysis) -> None:
        """Called whenever an article opens: count its hits per topic."""
        self.analysis = analysis
        self.article_counts = Counter(hit.topic for hit in analysis.hits)
        self.section_counts = Counter(t for s in analysis.article.sections for t in s.topics)
        self.lost_to = {}
        for overlap in self._matcher.article_overlaps(analysis.article):
            lost = self.lost_to.setdefault(overlap.dropped.topic, Counter())
            lost[overlap.kept.topic] += 1
        self._refresh()

    def show_library_counts(self, counts: Mapping[str, int]) -> None:
        """Hits per topic across the whole library, once they are counted."""
        self.library_counts = dict(counts)
        self._refresh()

    def topic_prompt(self, topic: Topic) -> Text:
        """The row of one topic: colour mark, label, counts; what it lost to an earlier topic."""
        colour = Style(color=topic.color)
        row = Text()
        row.append("● ", colour)
        row.append(topic.label, colour + Style(bold=True))
        counts = Text(style="dim")
        if self.analysis is not None:
            here = self.article_counts.get(topic.name, 0)
            counts.append(f"{here} here")
            sections = self.section_counts.get(topic.name, 0)
            if sections:
                counts.append(f", {sections} section{'s' if sections != 1 else ''}")
        if self.library_counts is not None:
            total = self.library_counts.get(topic.name, 0)
            counts.append(" · " if counts.plain else "")
            counts.append(f"{total} in library")
        if counts.plain:
            row.append("\n  ")
            row.append_text(counts)
        for winner, words in self.lost_to.get(topic.name, Counter()).items():
            label = next((t.label for t in self.topics if t.name == winner), winner)
            row.append(f"\n  {words} shared word{'s' if words != 1 else ''} shown as ", "dim")
            row.append(label, Style(color=self._colour_of(winner), dim=True))
        return row

    def _colour_of(self, name: str) -> str | None:
        return next((t.color for t in self.topics if t.name == name), None)

    def _hint(self) -> str:
        if not self.topics:
            return "No topics are configured. Add [topics.NAME] tables to config.toml."
        if self.analysis is None:
            return "Open an article to count its topics. Enter lists a topic's passages."
        return "Enter lists a topic's passages across the library."

    def _refresh(self) -> None:
        if not self.is_mounted:
            return
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.set_options(Option(self.topic_prompt(t), id=t.name) for t in self.topics)
        if self.topics:
            options.highlighted = min(highlighted or 0, len(self.topics) - 1)
        self.query_one("#topics-hint", Static).update(self._hint())

    @on(OptionList.OptionSelected, "#topics-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._show_passages(event.option_index)

    def _show_passages(self, index: int) -> None:
        if not 0 <= index < len(self.topics):
            return
        topic, topics = self.topics[index], self.topics
        from briefreader.ui.screens.topic_passages import TopicPassagesScreen

        self.post_message(
            ShowView(build=lambda library: TopicPassagesScreen(library, topic, topics))
        )
