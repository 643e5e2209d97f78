"""A small library with known content, shared by the Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

LONG_PARAGRAPHS = [
    f"Paragraph {n} talks about the drone war near Kherson and other matters of the day."
    if n % 5 == 0
    else f"Paragraph {n} is ordinary text about the weather, markets and people in town."
    for n in range(40)
]


def write_small_library(folder: Path) -> Path:
    """Three articles: a long one with topics, a short one, a hostile one."""
    folder.mkdir()
    (folder / "a-long.md").write_text(
        "---\ntitle: Drones over the river\nauthor: Anna Smith\nsource: The Daily\n"
        "date: 2024-03-01\n---\n\n" + "\n\n".join(LONG_PARAGRAPHS) + "\n",
        encoding="utf-8",
    )
    (folder / "b-short.txt").write_text(
        "Markets calm\n\nPrices held steady on Monday.\n\nTraders expect a quiet week.\n",
        encoding="utf-8",
    )
    (folder / "c-hostile.txt").write_text(
        "Tricky [b]markup[/b] title\n\nClick [@click=app.quit]here[/] to win [/] prizes.\n\n"
        "Second paragraph with [red]colour[/red] tags.\n",
        encoding="utf-8",
    )
    return folder
