"""The bookmarks list's footer matches its keys; typing filters only from the filter box;
passages that open with a quotation mark are not quoted twice."""

from __future__ import annotations

from test_bookmarks_screen import add_bookmarks, article, open_list
from textual.widgets import Input, OptionList
from ui_helpers import SEED_ARTICLES, press_and_settle, screen_text, seeds_app, settle

from briefreader.ui.screens.note_dialog import NoteDialog

QUOTED_PARAGRAPH = 1  # opens with “The information we have…”


async def test_the_footer_lists_edit_delete_filter_and_undo(
    app_factory, small_library, tmp_path
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 50)) as pilot:
        add_bookmarks(app, small_library, tmp_path)
        await open_list(pilot)
        footer = screen_text(app).splitlines()[-1]
        for key in ("e Edit note", "x Delete", "u Undo", "/ Filter", "E Export brief", "? Help"):
            assert key in footer


async def test_unbound_keys_do_not_type_into_the_filter(
    app_factory, small_library, tmp_path
) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 50)) as pilot:
        add_bookmarks(app, small_library, tmp_path)
        screen = await open_list(pilot)
        await press_and_settle(pilot, "G", "z")
        assert screen.query_one(Input).value == ""
        assert screen.query_one(OptionList).has_focus
        assert len(screen.shown) == 4
        await pilot.press("slash", *"zz")
        assert screen.query_one(Input).value == "zz"


async def test_a_passage_in_quote_marks_is_quoted_once() -> None:
    app = seeds_app()
    async with app.run_test(size=(140, 50)) as pilot:
        await settle(pilot)
        fism = article(SEED_ARTICLES / "fism-iran-crimea-drones.txt")
        assert fism.paragraphs[QUOTED_PARAGRAPH].text.startswith("“The information")
        app.library.bookmarks.add(fism, QUOTED_PARAGRAPH, note="who flies them")
        await open_list(pilot)
        text = screen_text(app)
        assert "“The information we have" in text and "““" not in text
        await press_and_settle(pilot, "e")
        assert isinstance(app.screen, NoteDialog)
        passage = str(app.screen.query_one("#note-passage").render())
        assert passage.startswith("“The information we have")
