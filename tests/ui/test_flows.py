"""Flows across screens: search, restoring the position, panel messages, hostile text, errors."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen
from textual.widgets import Label
from ui_helpers import (
    notifications,
    open_article,
    press_and_settle,
    screen_text,
    settle,
    wait_until,
)

from briefreader.core.analysis import Analysis
from briefreader.core.library import Library
from briefreader.core.models import Quote
from briefreader.ui.messages import OpenPassage, ShowView
from briefreader.ui.screens.search import SearchScreen
from briefreader.ui.widgets.article_list import ArticleList
from briefreader.ui.widgets.reader import ReaderView


async def test_library_search_updates_as_you_type_and_opens_at_the_passage(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"traders")
        await wait_until(pilot, lambda: app.screen.answered == "traders", "results")
        text = screen_text(app)
        assert "1 article" in text
        assert "Markets calm" in text and "Traders expect a quiet week." in text
        await press_and_settle(pilot, "enter")
        reader = app.screen.query_one(ReaderView)
        assert reader.analysis.article.display_title == "Markets calm"
        assert reader.current_paragraph.text == "Traders expect a quiet week."
        assert len(reader.find_matches) == 1
        assert "1/1" in screen_text(app)


async def test_slash_in_the_list_searches_and_escape_comes_back(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"zzzqqq")
        await wait_until(pilot, lambda: app.screen.answered == "zzzqqq", "results")
        assert "0 articles" in str(app.screen.query_one("#search-status", Label).render())
        await pilot.press("escape")
        assert app.screen.query_one(ArticleList).has_focus


async def test_reopening_restores_the_last_article_and_position(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        for _ in range(7):
            await pilot.press("j")
        assert reader.current_paragraph.text.startswith("Paragraph 7 ")
        await pilot.press("q")
    again = app_factory()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = again.screen.query_one(ReaderView)
        assert reader.analysis is not None
        assert reader.current_paragraph.text.startswith("Paragraph 7 ")
        assert "Paragraph 7 is ordinary" in screen_text(again)
        assert "3 articles · 2 unread" in screen_text(again)


async def test_position_survives_an_edit_above_it(app_factory, small_library: Path) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        for _ in range(4):
            await pilot.press("j")
        await pilot.press("q")
    long_file = small_library / "a-long.md"
    text = long_file.read_text(encoding="utf-8")
    long_file.write_text(
        text.replace("Paragraph 0 ", "A new first paragraph.\n\nParagraph 0 "), encoding="utf-8"
    )
    again = app_factory()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = again.screen.query_one(ReaderView)
        assert reader.current_paragraph.text.startswith("Paragraph 4 ")


async def test_open_passage_from_a_panel_marks_the_span(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Markets calm")
        long_id = app.screen.query_one(ArticleList).summaries[0].id
        app.screen.query_one("QuotesPanel").post_message(OpenPassage(long_id, 21, 13, 24))
        await settle(pilot)
        assert reader.analysis.article.display_title == "Drones over the river"
        assert reader.current_paragraph.text.startswith("Paragraph 21 ")
        assert reader.passage_mark is not None
        block, start, end = reader.passage_mark
        assert reader.blocks[block].text[start:end] == "is ordinary"


class PickPassage(Screen[OpenPassage | None]):
    """A library-wide view that dismisses with a passage, as feature views do."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.article_id = next(s.id for s in library.summaries() if s.title == "Markets calm")

    def compose(self):
        yield Label("All passages")

    def on_mount(self) -> None:
        self.dismiss(OpenPassage(self.article_id, 1))


async def test_show_view_pushes_the_screen_and_opens_what_it_returns(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("TopicsPanel").post_message(ShowView(build=PickPassage))
        await settle(pilot)
        reader = app.screen.query_one(ReaderView)
        assert reader.current_paragraph.text == "Traders expect a quiet week."


async def test_hostile_article_text_shows_literally_and_clicks_do_nothing(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, "Tricky")
        text = screen_text(app)
        assert "Tricky [b]markup[/b] title" in text
        assert "Click [@click=app.quit]here[/] to win [/] prizes." in text
        reader = app.screen.query_one(ReaderView)
        line = next(n for n, t in enumerate(text.splitlines()) if "Click [@click" in t)
        column = text.splitlines()[line].index("here")
        await pilot.click(offset=(column, line))
        await pilot.pause()
        assert app.is_running
        assert reader.current_paragraph.text.startswith("Click [@click")


async def test_a_failing_worker_is_reported_not_fatal(app_factory, monkeypatch) -> None:
    def broken(self: Library, article_id: str) -> Analysis:
        raise OSError("disk on fire")

    monkeypatch.setattr(Library, "open_article", broken)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press_and_settle(pilot, "enter")
        messages = notifications(app)
        assert any("Opening the article failed" in m and "disk on fire" in m for m in messages)
        assert app.is_running


async def test_quotes_and_bookmarks_jump_in_the_reader(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        analysis = reader.analysis
        paragraphs = analysis.article.paragraphs
        quotes = (Quote("talks", None, None, paragraphs[3].index, 12, 17),)
        quotes += (Quote("ordinary", None, None, paragraphs[9].index, 15, 23),)
        reader.show(Analysis(analysis.article, analysis.hits, quotes))
        reader.set_bookmarked([paragraphs[6].index, paragraphs[30].index])
        await pilot.pause()
        await pilot.press("full_stop")
        assert reader.cursor == paragraphs[3].index
        await pilot.press("full_stop")
        assert reader.cursor == paragraphs[9].index
        await pilot.press("comma")
        assert reader.cursor == paragraphs[3].index
        await pilot.press("right_curly_bracket")
        assert reader.cursor == paragraphs[6].index
        assert "◆" in screen_text(app)
        await pilot.press("right_curly_bracket")
        assert reader.cursor == paragraphs[30].index
        await pilot.press("left_curly_bracket")
        assert reader.cursor == paragraphs[6].index


async def test_search_offers_did_you_mean(app_factory, seeds_dir: Path) -> None:
    app = app_factory(seeds_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S", *"kirbyy")
        await wait_until(pilot, lambda: app.screen.answered == "kirbyy", "results")
        status = str(app.screen.query_one("#search-status", Label).render())
        assert "0 articles" in status and "did you mean: kirby?" in status


async def test_files_that_cannot_be_read_are_reported(app_factory, small_library: Path) -> None:
    (small_library / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 100)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = notifications(app)
        assert any("Could not read broken.txt" in m for m in messages), messages
        assert "3 articles" in screen_text(app)
