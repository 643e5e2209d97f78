"""Reading state: positions by paragraph and words, read marks, atomic saves."""

from __future__ import annotations

import json
from pathlib import Path

from briefreader.core.models import Paragraph
from briefreader.core.state import Position, ReadingState


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(n, t) for n, t in enumerate(texts))


def test_state_round_trips_through_the_file(tmp_path: Path) -> None:
    file = tmp_path / "data" / "state.json"
    state = ReadingState(file, "lib")
    state.last_article = "a1"
    state.set_position("a1", Paragraph(3, "Three little words here"))
    state.set_read("a1", True)
    state.save()
    again = ReadingState(file, "lib")
    assert again.last_article == "a1"
    assert again.position("a1") == Position(3, "Three little words here")
    assert again.is_read("a1")
    assert not ReadingState(file, "another library").is_read("a1")


def test_toggle_read_flips_and_reports(tmp_path: Path) -> None:
    state = ReadingState(tmp_path / "s.json", "lib")
    assert state.toggle_read("x") is True
    assert state.toggle_read("x") is False
    assert state.read_ids == frozenset()


def test_position_follows_its_words_when_paragraphs_move() -> None:
    saved = Position(1, "the second one")
    edited = paragraphs("new", "first", "the second one")
    assert saved.resolve(edited) == 2
    assert saved.resolve(paragraphs("a", "the second one")) == 1
    # Words gone: the same index, kept inside the article.
    assert Position(9, "vanished").resolve(paragraphs("a", "b")) == 1


def test_damaged_state_file_is_reported_and_replaced(tmp_path: Path) -> None:
    file = tmp_path / "state.json"
    file.write_text("{not json", encoding="utf-8")
    state = ReadingState(file, "lib")
    assert state.problem is not None and "could not be read" in state.problem
    state.set_read("a", True)
    state.save()
    assert json.loads(file.read_text(encoding="utf-8"))["libraries"]["lib"]["read"] == ["a"]
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temporary left behind
