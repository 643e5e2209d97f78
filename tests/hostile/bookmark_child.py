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


def main(argv: list[str]) -> int:
    article = read_article(Path(argv[0]))
    assert isinstance(article, Article)
    store = BookmarkStore(Path(argv[1]))
    paragraphs = len(article.paragraphs)
    print("ready", flush=True)
    for number in range(int(argv[2])):
        saved = store.add(article, number % paragraphs, note=f"note {number}")
        print(f"saved {saved.id} {number}", flush=True)
        if number % 5 == 4:
            store.close()
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
