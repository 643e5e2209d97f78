"""Save bookmarks one after another in a child process, saying so after each (tests hang it up).

Usage: bookmark_child.py ARTICLE DATABASE COUNT
Every fifth save also closes the store, which writes a backup copy.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefreader.core.bookmarks import BookmarkStore
from briefreader.core.models import Article
from briefreader.core.reader import read_article


def distinct_passage(article: Article, number: int) -> tuple[int, int]:
    """A paragraph and a start for the number-th bookmark: each one on different words.

    The store refuses two bookmarks on the same words, so rounds over the paragraphs start
    one visible character later each time.
    """
    paragraph = number % len(article.paragraphs)
    text = article.paragraphs[paragraph].text
    starts = [i for i, c in enumerate(text) if not c.isspace()]
    return paragraph, starts[number // len(article.paragraphs)]


def main(argv: list[str]) -> int:
    article = read_article(Path(argv[0]))
    assert isinstance(article, Article)
    store = BookmarkStore(Path(argv[1]))
    print("ready", flush=True)
    for number in range(int(argv[2])):
        paragraph, start = distinct_passage(article, number)
        saved = store.add(article, paragraph, start, note=f"note {number}")
        print(f"saved {saved.id} {number}", flush=True)
        if number % 5 == 4:
            store.close()
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
