"""The Topics tab and the cross-library passages of a topic, driven with Pilot."""

from __future__ import annotations

from pathlib import Path

from rich.color import Color
from rich.style import Style
from textual.widgets import OptionList
from ui_helpers import (
    SEED_ARTICLES,
    open_article,
    press_and_settle,
    screen_text,
    seeds_app,
    show_tab,
)

from briefreader.cli.tui_cmd import make_app
from briefreader.config import DEFAULT_TOPICS, Settings
from briefreader.core.library import Library
from briefreader.core.models import Topic
from briefreader.paths import Paths
from briefreader.ui.messages import ShowView
from briefreader.ui.screens.main import MainScreen
from briefreader.ui.screens.topic_passages import TopicPassagesScreen
from briefreader.ui.widgets.reader import ReaderView
from briefreader.ui.widgets.topics_panel import TopicsPanel


async def show_topics_tab(pilot) -> TopicsPanel:
    return await show_tab(pilot, "tab-topics", TopicsPanel, focus_list=True)


async def test_topics_tab_counts_hits_in_the_article_and_in_the_library() -> None:
    app = seeds_app()
    library = Library([SEED_ARTICLES], topics=DEFAULT_TOPICS)
    in_library = library.topic_counts()
    async with app.run_test(size=(150, 45)) as pilot:
        reader = await open_article(pilot, "Five things")
        # The library is only counted once the tab is looked at (it reads every file).
        assert app.screen.query_one(TopicsPanel).library_counts is None
        await show_topics_tab(pilot)
        here = {
            t.name: sum(h.topic == t.name for h in reader.analysis.hits) for t in DEFAULT_TOPICS
        }
        text = screen_text(app)
        for topic in DEFAULT_TOPICS:
            assert f"● {topic.label}" in text
            assert f"{here[topic.name]} here" in text
            assert f"{in_library[topic.name]} in library" in text
        # Another article: the article counts follow it, the library counts stay.
        await open_article(pilot, "Fism")
        await show_topics_tab(pilot)
        assert "3 here, 1 section" in screen_text(app)  # Kherson: three paragraphs, one section


async def test_topic_rows_are_in_the_topic_colour() -> None:
    app = seeds_app()
    async with app.run_test(size=(150, 45)) as pilot:
        await open_article(pilot, "Fism")
        panel = await show_topics_tab(pilot)
        for topic in DEFAULT_TOPICS:
            prompt = panel.topic_prompt(topic)
            at = prompt.plain.index(topic.label)
            colours = {
                span.style.color.name
                for span in prompt.spans
                if isinstance(span.style, Style)
                and span.style.color
                and span.start <= at < span.end
            }
            assert Color.parse(topic.color).name in colours, topic.name


async def test_enter_on_a_topic_lists_its_passages_and_opens_the_chosen_one() -> None:
    app = seeds_app()
    posted: list[object] = []
    async with app.run_test(size=(150, 45), message_hook=posted.append) as pilot:
        await open_article(pilot, "Fism")
        panel = await show_topics_tab(pilot)
        panel.query_one(OptionList).highlighted = 1  # Kherson
        await press_and_settle(pilot, "enter")
        assert any(isinstance(m, ShowView) for m in posted)
        screen = app.screen
        assert isinstance(screen, TopicPassagesScreen)
        text = screen_text(app)
        assert "Passages about Kherson across the library" in text
        assert "3 passages in 1 article · 3 hits" in text
        assert "Russia and Ukraine bracing for major battle in Kherson: report · ¶10" in text
        await press_and_settle(pilot, "down", "enter")  # the second passage
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(ReaderView)
        chosen = screen.passages[1]
        assert reader.analysis.article.id == chosen.article.id
        assert reader.current_paragraph.index == chosen.paragraph
        assert "Kherson" in reader.current_paragraph.text


async def test_passages_screen_switches_topic_and_escape_goes_back() -> None:
    app = seeds_app()
    async with app.run_test(size=(150, 45)) as pilot:
        await open_article(pilot, "Five things")
        await show_topics_tab(pilot)
        await press_and_settle(pilot, "enter")  # drones
        assert "Passages about Drones" in screen_text(app)
        assert "Israel is watching, but not budging · ¶21" in screen_text(app)
        await press_and_settle(pilot, "right_square_bracket")
        text = screen_text(app)
        assert "Passages about Kherson" in text and "Israel is watching" not in text
        await press_and_settle(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ReaderView).analysis.article.display_title.startswith("Five")


async def test_topic_that_nothing_names_says_so(tmp_path: Path) -> None:
    wheat = Topic("wheat", "Wheat", "yellow", terms=("grain deal",))
    app = seeds_app((wheat, *DEFAULT_TOPICS))
    async with app.run_test(size=(150, 45)) as pilot:
        await open_article(pilot, "Fism")
        await show_topics_tab(pilot)
        assert "0 here · 0 in library" in screen_text(app)
        await press_and_settle(pilot, "enter")
        assert "No article in the library names this topic." in screen_text(app)


async def test_legend_says_which_topic_won_shared_words() -> None:
    crimea = Topic("crimea", "Crimea ops", "green", terms=("Crimea",))
    iran = Topic("iran", "Iran in Crimea", "red", terms=("Iranian", "in Crimea"))
    app = seeds_app((crimea, iran))
    async with app.run_test(size=(150, 45)) as pilot:
        await open_article(pilot, "Fism")
        await show_topics_tab(pilot)
        text = screen_text(app)
        assert (
            "shared words shown as Crimea ops" in text or "shared word shown as Crimea ops" in text
        )


async def test_article_text_in_passages_is_not_markup(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "x.md").write_text(
        "# Raid\n\nA [red]drone[/red] and [@click=app.quit]drones[/] flew.\n", encoding="utf-8"
    )
    settings = Settings(paths=Paths.from_environment())
    app = make_app([folder], settings)
    async with app.run_test(size=(150, 45)) as pilot:
        await open_article(pilot, "Raid")
        await show_topics_tab(pilot)
        await press_and_settle(pilot, "enter")
        assert "A [red]drone[/red] and [@click=app.quit]drones[/] flew." in screen_text(app)
        assert app.is_running
