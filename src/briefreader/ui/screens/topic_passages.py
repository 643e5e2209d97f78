"""Every passage about one topic across the library: article, section, snippet; enter opens it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from briefreader.core.library import Library
from briefreader.core.models import Topic, TopicPassage
from briefreader.ui.messages import OpenPassage
from briefreader.ui.screens.worker_errors import report_worker_failure
from briefreader.ui.widgets.row_list import RowList


class TopicPassagesScreen(Screen[OpenPassage | None]):
    """The passages naming a topic in every article; `[`/`]` switch topic, enter opens one."""

    HELP = "Every paragraph of the library that names the topic. Enter opens it in the reader."
    BINDINGS: list[BindingType] = [
        Binding("escape", "back", "Back", id="topic_passages.back"),
        Binding("right_square_bracket", "next_topic", "Next topic", id="topic_passages.next"),
        Binding(
            "left_square_bracket", "previous_topic", "Prev topic", id="topic_passages.previous",
            show=False,
        ),
    ]  # fmt: skip
    DEFAULT_CSS = """
    TopicPassagesScreen {
        #passages-title { padding: 0 1; text-style: bold; background: $panel; width: 1fr; }
        #passages-status { padding: 0 2; color: $text-muted; height: 1; }
        #passages { height: 1fr; margin: 0 1; }
    }
    """

    class Loaded(Message):
        """The passages of a topic, found in a worker."""

        def __init__(self, topic: str, passages: tuple[TopicPassage, ...]) -> None:
            super().__init__()
            self.topic = topic
            self.passages = passages

    def __init__(self, library: Library, topic: Topic, topics: Sequence[Topic] = ()) -> None:
        super().__init__()
        self.library = library
        self.topics = tuple(topics) or (topic,)
        self.topic = topic
        self.passages: tuple[TopicPassage, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Label(self._title(), id="passages-title", markup=False)
        yield Label("Finding passages…", id="passages-status", markup=False)
        yield RowList(id="passages", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.find_passages(self.topic.name)

    @work(thread=True, exclusive=True, group="topic passages", exit_on_error=False)
    def find_passages(self, topic: str) -> None:
        self.post_message(self.Loaded(topic, self.library.topic_passages(topic)))

    def on_topic_passages_screen_loaded(self, message: Loaded) -> None:
        if message.topic != self.topic.name:
            return  # the user switched topic since
        self.passages = message.passages
        options = self.query_one(OptionList)
        options.set_options(
            Option(passage_prompt(p, self.topic), id=str(n)) for n, p in enumerate(message.passages)
        )
        if message.passages:
            options.highlighted = 0
        self.query_one("#passages-status", Label).update(status_line(message.passages))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if report_worker_failure(self, event.worker, event.state):
            self.query_one("#passages-status", Label).update("The passages could not be listed.")

    @on(OptionList.OptionSelected, "#passages")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if not self.is_current:  # a second click or key queued before this screen closed
            return
        if self.passages is None or not 0 <= event.option_index < len(self.passages):
            return
        passage = self.passages[event.option_index]
        self.dismiss(OpenPassage(passage.article.id, passage.paragraph, passage.start, passage.end))

    def _switch(self, step: int) -> None:
        if len(self.topics) < 2:
            return
        names = [t.name for t in self.topics]
        index = names.index(self.topic.name) if self.topic.name in names else 0
        self.topic = self.topics[(index + step) % len(self.topics)]
        self.passages = None
        self.query_one("#passages-title", Label).update(self._title())
        self.query_one("#passages-status", Label).update("Finding passages…")
        self.query_one(OptionList).clear_options()
        self.find_passages(self.topic.name)

    def action_next_topic(self) -> None:
        self._switch(1)

    def action_previous_topic(self) -> None:
        self._switch(-1)

    def action_back(self) -> None:
        if self.is_current:
            self.dismiss(None)

    def _title(self) -> Text:
        title = Text("Passages about ")
        title.append(self.topic.label, Style(color=self.topic.color, bold=True))
        title.append(" across the library")
        return title


def passage_prompt(passage: TopicPassage, topic: Topic) -> Text:
    """Article title, section and the snippet with the topic's words in its colour — never markup."""
    prompt = Text(passage.article.title, style="bold")
    prompt.append("\n")
    prompt.append(passage.section or "(lead)", style="italic")
    prompt.append(f" · ¶{passage.paragraph + 1}", style="dim")
    snippet = Text(passage.snippet)
    for start, end in passage.highlights:
        snippet.stylize(Style(color=topic.color, bold=True), start, end)
    prompt.append("\n")
    prompt.append_text(snippet)
    return prompt


def status_line(passages: tuple[TopicPassage, ...]) -> str:
    """ "7 passages in 3 articles · 9 hits", or that there are none."""
    if not passages:
        return "No article in the library names this topic."
    articles = len({p.article.id for p in passages})
    hits = sum(p.hits for p in passages)
    return (
        f"{len(passages)} passage{'s' if len(passages) != 1 else ''} in {articles} "
        f"article{'s' if articles != 1 else ''} · {hits} hit{'s' if hits != 1 else ''}"
    )
