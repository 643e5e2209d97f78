"""Keys in the reader: the paragraph cursor, paging, find, topic hits, copy."""

from __future__ import annotations

from ui_helpers import open_article, screen_text

from briefreader.ui.widgets.find_bar import FindBar
from briefreader.ui.widgets.reader import ReaderView


async def test_j_and_k_move_the_paragraph_cursor(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        assert reader.has_focus
        first = reader.cursor
        await pilot.press("j", "j", "down")
        assert reader.cursor == first + 3
        assert reader.current_paragraph.text.startswith("Paragraph 3 ")
        assert "¶ 4/40" in reader.border_subtitle
        await pilot.press("k", "up")
        assert reader.current_paragraph.text.startswith("Paragraph 1 ")
        # The cursor paragraph carries the cursor mark in the margin.
        line = next(t for t in screen_text(app).splitlines() if "Paragraph 1 is" in t)
        assert "▌" in line


async def test_space_b_g_and_G_page_and_jump(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await pilot.press("space")
        assert reader.scroll_offset.y > 0
        assert reader.cursor > 0
        paged = reader.scroll_offset.y
        await pilot.press("b")
        assert reader.scroll_offset.y < paged
        await pilot.press("G")
        assert reader.current_paragraph.text.startswith("Paragraph 39 ")
        assert "Paragraph 39" in screen_text(app)
        await pilot.press("g")
        assert reader.scroll_offset.y == 0
        assert reader.current_paragraph.text.startswith("Paragraph 0 ")


async def test_find_as_you_type_counts_and_n_N_move(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await pilot.press("slash")
        find = app.screen.query_one(FindBar)
        assert find.is_open
        await pilot.press(*"kherson")
        await pilot.pause()
        # Paragraphs 0, 5, ... 35 name Kherson: 8 matches, highlighted, the first is current.
        assert len(reader.find_matches) == 8
        assert "1/8" in screen_text(app)
        await pilot.press("enter")
        assert reader.has_focus
        await pilot.press("n")
        assert "2/8" in screen_text(app)
        assert reader.current_paragraph.text.startswith("Paragraph 5 ")
        await pilot.press("N", "N")
        assert "8/8" in screen_text(app)
        assert reader.current_paragraph.text.startswith("Paragraph 35 ")
        await pilot.press("escape")
        assert not find.is_open
        assert reader.find_matches == []


async def test_find_with_no_match_says_so(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, "Drones over")
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        assert "no matches" in screen_text(app)


async def test_topic_hits_jump_toggle_and_focus(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        assert {"drones", "kherson"} <= reader.marks.topics_present
        await pilot.press("right_square_bracket")
        # Paragraph 0 names a drone first: the next hit is its "Kherson".
        assert reader.current_paragraph.text.startswith("Paragraph 0 ")
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.current_paragraph.text.startswith("Paragraph 5 ")
        await pilot.press("left_square_bracket")
        assert reader.current_paragraph.text.startswith("Paragraph 0 ")
        await pilot.press("t")
        assert reader.show_topics is False
        await pilot.press("t", "T")
        assert reader.focused_topic == "drones"
        assert "Drones" in reader.border_subtitle
        await pilot.press("T")
        assert reader.focused_topic == "kherson"


async def test_y_copies_the_passage_under_the_cursor(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(pilot, "Drones over")
        await pilot.press("j", "y")
        assert app.clipboard == reader.current_paragraph.text
        assert app.clipboard.startswith("Paragraph 1 ")


async def test_reader_reflows_on_resize_and_keeps_the_passage(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_article(pilot, "Drones over")
        for _ in range(12):
            await pilot.press("j")
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert reader.current_paragraph.text.startswith("Paragraph 12 ")
        assert "Paragraph 12" in screen_text(app)
        assert isinstance(reader, ReaderView)
