"""Prints, as JSON, every quote extraction finds in the articles under the folders given, which
extraction modules this interpreter loaded from compiled extension files, and what
`briefreader --version` says of them."""

from __future__ import annotations

import importlib.machinery
import json
import sys
from pathlib import Path

from briefreader.cli import version_line
from briefreader.core.models import Article
from briefreader.core.quotes import extract_quotes
from briefreader.core.reader import read_article

SUFFIXES = (".txt", ".md", ".html")


def main(folders: list[str]) -> None:
    found = {}
    for folder in map(Path, folders):
        for path in sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES):
            article = read_article(path, root=path.parent)
            if isinstance(article, Article):
                found[str(path)] = [
                    [q.text, q.speaker, q.mention, q.paragraph, q.start, q.end]
                    for q in extract_quotes(article)
                ]
    compiled = sorted(
        name
        for name, module in sys.modules.items()
        if name.startswith("briefreader.")
        and str(getattr(module, "__file__", "")).endswith(
            tuple(importlib.machinery.EXTENSION_SUFFIXES)
        )
    )
    report = {"compiled": compiled, "version": version_line(), "quotes": found}
    json.dump(report, sys.stdout)  # escaped: hostile text may hold lone surrogates


if __name__ == "__main__":
    main(sys.argv[1:])
