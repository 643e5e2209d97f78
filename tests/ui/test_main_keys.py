"""The main screen: the list, opening articles, panes, read marks, help, palette, layout."""

from __future__ import annotations

from textual.command import CommandList
from textual.widgets import HelpPanel
from ui_helpers import open_article, press_and_settle, screen_text, settle, wait_until

from briefreader.ui.screens.main import MainScreen
from briefreader.ui.widgets.article_list import ArticleList
from briefreader.ui.widgets.reader import ReaderView


def palette_shows(app, text: str) -> bool:
    """The command palette is open and its first hit mentions `text`."""
    found = app.screen.query(CommandList)
    if not found or found.first().option_count == 0:
        return False
    return text.lower() in str(found.first().get_option_at_index(0).prompt).lower()


async def test_list_and_header_show_the_library(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "library  ·  3 articles · 3 unread" in text
        assert "Drones over the river" in text
        assert "The Daily · 2024-03-01" in text
        assert "Markets calm" in text
        assert app.screen.query_one(ArticleList).has_focus


async def test_enter_opens_the_article_and_marks_it_read(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j")
        assert articles.current.title == "Markets calm"
        await press_and_settle(pilot, "enter")
        text = screen_text(app)
        assert "Prices held steady on Monday." in text
        assert "3 articles · 2 unread" in text
        assert app.screen.query_one(ReaderView).has_focus


async def test_J_and_K_open_the_next_and_previous_article(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await press_and_settle(pilot, "J")
        assert reader.analysis.article.display_title == "Markets calm"
        assert "Traders expect a quiet week." in screen_text(app)
        await press_and_settle(pilot, "K")
        assert reader.analysis.article.display_title == "Drones over the river"
        assert app.screen.query_one(ArticleList).current.title == "Drones over the river"


async def test_tab_and_shift_tab_cycle_the_panes_and_escape_goes_back(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(ReaderView)
        await pilot.press("tab")
        assert reader.has_focus
        await pilot.press("tab")
        assert app.screen.focused is not None
        assert app.screen.focused in app.screen.query_one("#sidebar").query("*")
        await pilot.press("tab")
        assert articles.has_focus
        await pilot.press("shift+tab")
        assert app.screen.focused in app.screen.query_one("#sidebar").query("*")
        await pilot.press("shift+tab", "escape")
        assert articles.has_focus


async def test_r_toggles_read_and_read_articles_stay_listed(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert "3 articles · 2 unread" in screen_text(app)
        articles = app.screen.query_one(ArticleList)
        assert articles.summaries[0].id in articles.read
        assert "Drones over the river" in screen_text(app)
        await pilot.press("r")
        assert "3 articles · 3 unread" in screen_text(app)


async def test_question_mark_shows_help_built_from_the_bindings(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        text = screen_text(app)
        assert "Next ¶" in text and "Find" in text and "Copy ¶" in text
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def test_footer_shows_only_keys_that_apply(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(160, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        footer = screen_text(app).splitlines()[-1]
        assert "Find" in footer and "Next match" not in footer
        await pilot.press("slash", *"drone", "enter")
        await pilot.pause()
        assert reader.find_matches
        assert "Next match" in screen_text(app).splitlines()[-1]


async def test_palette_opens_an_article_by_title(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"markets calm")
        await wait_until(
            pilot, lambda: palette_shows(app, "Markets calm"), "the article in the palette"
        )
        await press_and_settle(pilot, "enter")
        reader = app.screen.query_one(ReaderView)
        assert reader.analysis.article.display_title == "Markets calm"


async def test_narrow_terminals_fold_panes_and_tiny_ones_say_too_small(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#sidebar").display
        assert "Drones over the river" in screen_text(app)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.screen.query_one(ArticleList).display
        assert not app.screen.query_one("#reader-pane").display
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert "terminal is too small" in screen_text(app)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "terminal is too small" not in screen_text(app)
        assert app.screen.query_one("#sidebar").display


async def test_keys_can_be_remapped_in_the_config(app_factory) -> None:
    app = app_factory(keys={"reader.down": "x"})
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await pilot.press("x")
        assert reader.current_paragraph.text.startswith("Paragraph 1 ")


async def test_theme_comes_from_the_config(app_factory) -> None:
    app = app_factory(theme="nord")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"


async def test_q_quits(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_palette_runs_an_action_by_name_and_sets_a_theme(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await pilot.press("j", "ctrl+p", *"copy")
        await wait_until(pilot, lambda: palette_shows(app, "Copy"), "the action in the palette")
        await press_and_settle(pilot, "enter")
        assert app.clipboard == reader.current_paragraph.text
        await pilot.press("ctrl+p", *"theme: gruvbox")
        await wait_until(pilot, lambda: palette_shows(app, "gruvbox"), "the theme in the palette")
        await press_and_settle(pilot, "enter")
        assert app.theme == "gruvbox"


async def test_header_shows_indexing_progress(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "indexing" not in screen_text(app)
        app.screen.post_message(MainScreen.Progress(40, 120))
        await pilot.pause()
        assert "3 articles · 3 unread  ·  indexing 40/120" in screen_text(app)
