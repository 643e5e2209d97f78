"""Reading state: the last article, the position in each article, and which are read."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefreader.core.models import Paragraph

STATE_VERSION = 1
# A position keeps the first few words of its paragraph so it can be found again after the
# file changes; a line number would break on every resize.
ANCHOR_WORDS = 8


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader stood in an article: a paragraph and its first words."""

    paragraph: int
    words: str

    def resolve(self, paragraphs: Sequence[Paragraph]) -> int:
        """The paragraph index this position points at today, even if the article changed."""
        if not paragraphs:
            return 0
        by_index = {p.index: p for p in paragraphs}
        same = by_index.get(self.paragraph)
        if same is not None and (not self.words or anchor_words(same.text) == self.words):
            return self.paragraph
        if self.words:
            # The article changed: the nearest paragraph that starts with the same words.
            candidates = [p.index for p in paragraphs if anchor_words(p.text) == self.words]
            if candidates:
                return min(candidates, key=lambda index: abs(index - self.paragraph))
        return max(paragraphs[0].index, min(self.paragraph, paragraphs[-1].index))


def anchor_words(text: str) -> str:
    """The first few words of a paragraph, whitespace normalised."""
    return " ".join(text.split()[:ANCHOR_WORDS])


class ReadingState:
    """Per-library reading state kept in one JSON file shared by every library.

    Changes stay in memory until `save()`, which writes atomically (a temporary file, then
    a rename), so a crash never leaves a half-written file. Without a file, state lives in
    memory only.
    """

    def __init__(self, file: Path | None, library_key: str) -> None:
        self.file = file
        self.library_key = library_key
        self._all: dict[str, dict[str, object]] = {}
        self._dirty = False
        self.problem: str | None = None  # why the saved state could not be read, if so
        if file is not None:
            self._load(file)
        mine = self._all.setdefault(library_key, {})
        self._positions: dict[str, list[object]] = _dict(mine.setdefault("positions", {}))
        read = mine.get("read")
        self._read: set[str] = (
            {r for r in read if isinstance(r, str)} if isinstance(read, list) else set()
        )
        last = mine.get("last_article")
        self._last: str | None = last if isinstance(last, str) else None

    def _load(self, file: Path) -> None:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            self.problem = f"{file}: reading state could not be read ({error}); starting afresh"
            return
        libraries = data.get("libraries") if isinstance(data, dict) else None
        if isinstance(libraries, dict):
            self._all = {k: v for k, v in libraries.items() if isinstance(v, dict)}

    @property
    def last_article(self) -> str | None:
        """The id of the article open when the library was last closed."""
        return self._last

    @last_article.setter
    def last_article(self, article_id: str | None) -> None:
        if article_id != self._last:
            self._last = article_id
            self._dirty = True

    def position(self, article_id: str) -> Position | None:
        """The saved position in an article, if any."""
        saved = self._positions.get(article_id)
        if (
            isinstance(saved, list)
            and len(saved) == 2
            and isinstance(saved[0], int)
            and isinstance(saved[1], str)
        ):
            return Position(saved[0], saved[1])
        return None

    def set_position(self, article_id: str, paragraph: Paragraph) -> None:
        """Remember that the reader stands at this paragraph of the article."""
        entry: list[object] = [paragraph.index, anchor_words(paragraph.text)]
        if self._positions.get(article_id) != entry:
            self._positions[article_id] = entry
            self._dirty = True

    def is_read(self, article_id: str) -> bool:
        return article_id in self._read

    @property
    def read_ids(self) -> frozenset[str]:
        return frozenset(self._read)

    def set_read(self, article_id: str, read: bool) -> None:
        if read != (article_id in self._read):
            (self._read.add if read else self._read.discard)(article_id)
            self._dirty = True

    def toggle_read(self, article_id: str) -> bool:
        """Flip the article's read mark; returns the new value."""
        now_read = not self.is_read(article_id)
        self.set_read(article_id, now_read)
        return now_read

    def save(self) -> None:
        """Write the state if it changed. Raises OSError when the data folder is not writable."""
        if not self._dirty or self.file is None:
            return
        self._all[self.library_key] = {
            "last_article": self._last,
            "positions": self._positions,
            "read": sorted(self._read),
        }
        payload = json.dumps({"version": STATE_VERSION, "libraries": self._all}, ensure_ascii=False)
        self.file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".state-", dir=self.file.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._dirty = False


def _dict(value: object) -> dict[str, list[object]]:
    return value if isinstance(value, dict) else {}
