"""The Quotes tab and the library-wide quotes view, driven with Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList
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
from briefreader.paths import Paths
from briefreader.ui.messages import OpenPassage, ShowView
from briefreader.ui.screens.main import MainScreen
from briefreader.ui.screens.quotes_library import QuotesLibraryScreen
from briefreader.ui.widgets.quotes_panel import QuotesPanel
from briefreader.ui.widgets.reader import ReaderView


async def show_quotes_tab(pilot) -> QuotesPanel:
    return await show_tab(pilot, "tab-quotes", QuotesPanel, focus_list=True)


async def test_tab_lists_the_quotes_in_order_with_full_names() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "Five things")
        panel = await show_quotes_tab(pilot)
        assert len(panel.quotes) == 20
        paragraphs = [q.paragraph for q in panel.quotes]
        assert paragraphs == sorted(paragraphs)
        text = screen_text(app)
        assert "Karine Jean-Pierre" in text and "20 quotes" in text
        prompt = panel.query_one(OptionList).get_option_at_index(3).prompt
        assert prompt.plain.startswith("John Kirby\n“Karine wasn’t putting forth")
        she = panel.query_one(OptionList).get_option_at_index(8).prompt
        assert she.plain.startswith("Becca Wasser (she)\n“Here we’re seeing")
        assert any(span.style == "bold" and span.start == 0 for span in prompt.spans)


async def test_j_k_move_and_the_highlighted_quote_shows_in_full() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "Five things")
        panel = await show_quotes_tab(pilot)
        options = panel.query_one(OptionList)
        long_quote = next(n for n, q in enumerate(panel.quotes) if len(q.text) > 150)
        assert options.get_option_at_index(long_quote).prompt.plain.endswith("…”")
        for _ in range(long_quote):
            await pilot.press("j")
        assert options.highlighted == long_quote
        full = panel.quotes[long_quote].text
        assert options.get_option_at_index(long_quote).prompt.plain.endswith(f"{full}”")
        await pilot.press("k")
        assert options.highlighted == long_quote - 1
        assert options.get_option_at_index(long_quote).prompt.plain.endswith("…”")


async def test_enter_jumps_to_the_quote_and_marks_it_in_the_reader() -> None:
    app = seeds_app()
    posted: list[object] = []
    async with app.run_test(size=(160, 50), message_hook=posted.append) as pilot:
        await open_article(pilot, "Five things")
        panel = await show_quotes_tab(pilot)
        target = 13  # Herzog: "Can the international community negotiate with Iran…"
        quote = panel.quotes[target]
        panel.query_one(OptionList).highlighted = target
        await press_and_settle(pilot, "enter")
        opened = [m for m in posted if isinstance(m, OpenPassage)]
        assert opened and (opened[-1].paragraph, opened[-1].start, opened[-1].end) == (
            quote.paragraph, quote.start, quote.end,
        )  # fmt: skip
        reader = app.screen.query_one(ReaderView)
        assert reader.current_paragraph.index == quote.paragraph
        block, start, end = reader.passage_mark
        assert (start, end) == (quote.start, quote.end)
        assert reader.current_paragraph.text[start:end] == quote.text
        assert panel.query_one(OptionList).highlighted == target  # the list keeps its place


async def test_library_view_groups_by_speaker_and_enter_opens_the_quote() -> None:
    app = seeds_app()
    posted: list[object] = []
    async with app.run_test(size=(160, 50), message_hook=posted.append) as pilot:
        await open_article(pilot, "Five things")
        await show_quotes_tab(pilot)
        await press_and_settle(pilot, "L")
        assert any(isinstance(m, ShowView) for m in posted)
        screen = app.screen
        assert isinstance(screen, QuotesLibraryScreen)
        text = screen_text(app)
        assert "23 quotes · 7 speakers" in text
        # Most quoted first: John Kirby (6) heads the list, with the article and its quotes.
        listing = screen.query_one(OptionList)
        headings = [
            listing.get_option_at_index(n).prompt.plain
            for n, item in enumerate(screen.shown)
            if item is None
        ]
        assert headings[0] == "John Kirby  6 quotes"
        assert headings[-1] == "White House  1 quote"
        assert "John Kirby  6 quotes" in text
        assert "Fism iran crimea drones" in text
        await press_and_settle(pilot, "down")  # the second of Kirby's quotes
        chosen = screen.shown[screen.query_one(OptionList).highlighted]
        await press_and_settle(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(ReaderView)
        assert reader.analysis.article.id == chosen.article.id
        assert reader.current_paragraph.index == chosen.quote.paragraph
        assert reader.passage_mark[1:] == (chosen.quote.start, chosen.quote.end)


async def test_typing_filters_the_library_quotes() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "Fism")
        await show_quotes_tab(pilot)
        await press_and_settle(pilot, "L")
        screen = app.screen
        assert isinstance(screen, QuotesLibraryScreen)
        assert screen.query_one(Input).has_focus
        await press_and_settle(pilot, *"wasser")
        shown = [item for item in screen.shown if item is not None]
        assert len(shown) == 4 and {i.quote.speaker for i in shown} == {"Becca Wasser"}
        assert "4 of 23 quotes · 1 speaker" in screen_text(app)
        await press_and_settle(pilot, *" iceberg")
        assert "No quote matches the filter." in screen_text(app)
        await press_and_settle(pilot, "escape")
        assert isinstance(app.screen, MainScreen)


async def test_quote_text_is_never_read_as_markup(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text(
        "Markup test\n\n“[bold red]Not styled[/] and [link=x]no link[/link],” said Jane Doe.\n",
        encoding="utf-8",
    )
    app = make_app([library], Settings(paths=Paths.from_environment()))
    async with app.run_test(size=(160, 40)) as pilot:
        await open_article(pilot, "Markup test")
        await show_quotes_tab(pilot)
        assert "[bold red]Not styled[/] and [link=x]no link[/link]," in screen_text(app)


async def test_an_analysis_given_before_the_panel_is_shown_is_listed() -> None:
    from textual.app import App, ComposeResult

    from briefreader.core.library import Library

    library = Library([SEED_ARTICLES], topics=DEFAULT_TOPICS)
    analysis = library.analyse(library.articles()[0])
    panel = QuotesPanel()
    panel.show_analysis(analysis)

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield panel

    async with Host().run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        assert panel.query_one(OptionList).option_count == len(analysis.quotes) > 0
