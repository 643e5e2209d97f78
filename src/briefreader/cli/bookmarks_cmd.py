"""`briefreader bookmarks`: add, list, export, import and remove bookmarks on passages."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from briefreader.cli.common import (
    UserError,
    display_path,
    load_settings,
    print_json,
    table_console,
)
from briefreader.config import Settings
from briefreader.core.analysis import analyse
from briefreader.core.anchoring import find_text
from briefreader.core.bookmarks import BookmarkError, BookmarkStore
from briefreader.core.brief_export import bookmark_record
from briefreader.core.models import Article
from briefreader.core.reader import read_article
from briefreader.core.sanitize import sanitize_line
from briefreader.core.topics import TopicMatcher


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bookmarks",
        help="bookmarks on passages: add, list, export a brief, import, remove",
        description="Bookmarks on passages, with notes and tags. --paragraph counts from 0, as "
        "the JSON does ('briefreader articles --json'); tables, the reader and the brief count "
        "from 1.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="bookmark a passage of an article file")
    add.add_argument("path", type=Path, metavar="PATH", help="the article file")
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--quote", metavar="TEXT", help="the passage's words, as in the article")
    target.add_argument(
        "--paragraph",
        type=int,
        metavar="N",
        help="a whole paragraph, counted from 0 as in the JSON (0 = first; "
        "the reader's ¶ 1); 'briefreader articles --json' lists them",
    )
    add.add_argument("--note", default="", metavar="TEXT", help="your note (Markdown)")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="every bookmark, with where its passage is now")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    _add_database_option(listing)
    listing.set_defaults(run=run_list)

    export = actions.add_parser("export", help="a Markdown brief, or JSON that import reads back")
    export.add_argument("--format", choices=("md", "json"), default="md")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    export.add_argument(
        "--by",
        choices=("article", "topic"),
        help="group the Markdown brief by article (the default) or topic; not with --format json",
    )
    _add_database_option(export)
    export.set_defaults(run=run_export, usage_error=export.error)

    load = actions.add_parser("import", help="add bookmarks from a JSON export (no duplicates)")
    load.add_argument("file", type=Path, metavar="FILE")
    load.set_defaults(run=run_import)

    remove = actions.add_parser("remove", help="delete a bookmark by its id")
    remove.add_argument("id", type=int, metavar="ID")
    remove.set_defaults(run=run_remove)


def _add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        type=Path,
        metavar="FILE",
        help="read another bookmarks file, e.g. a backup (opened read-only)",
    )


def open_store(settings: Settings, database: Path | None = None) -> BookmarkStore:
    """The user's bookmarks (or a given file, read-only), with topics and quotes for the brief."""
    matcher = TopicMatcher(settings.topics)
    return BookmarkStore(
        database or settings.paths.bookmarks_db,
        read_only=database is not None,
        analyse=lambda article: analyse(article, matcher),
        topics=settings.topics,
    )


def _with_store(args: argparse.Namespace, action: Any) -> int:
    store = open_store(load_settings(), getattr(args, "database", None))
    try:
        return int(action(store))
    except BookmarkError as error:
        raise UserError(str(error)) from None
    finally:
        for notice in store.notices:
            print(f"briefreader: {notice}", file=sys.stderr)
        store.close()


def run_add(args: argparse.Namespace) -> int:
    article = _read(args.path)
    texts = [p.text for p in article.paragraphs]
    if args.quote is not None:
        found = find_text(texts, args.quote)
        if found is None:
            raise UserError(f"{display_path(args.path)}: the quoted text is not in the article")
        paragraph, start, end = found
    else:
        paragraph, start, end = args.paragraph, None, None
        if not 0 <= paragraph < len(texts):
            raise UserError(
                f"{display_path(args.path)}: no paragraph {paragraph} "
                f"(the article has paragraphs 0 to {len(texts) - 1})"
            )

    def add(store: BookmarkStore) -> int:
        bookmark = store.add(article, paragraph, start, end, note=args.note, tags=args.tag)
        print(f"saved bookmark {bookmark.id}: {_short(bookmark.quote, 70)}")
        return 0

    return _with_store(args, add)


def _read(path: Path) -> Article:
    if not path.exists():
        raise UserError(f"{display_path(path)}: no such file")
    result = read_article(path.resolve())
    if not isinstance(result, Article):
        raise UserError(f"{display_path(path)}: cannot bookmark it ({result.reason})")
    return result


def run_list(args: argparse.Namespace) -> int:
    def show(store: BookmarkStore) -> int:
        placed = store.placed()
        if args.json:
            print_json([bookmark_record(p) for p in placed])
            return 0
        if not placed:
            print("no bookmarks yet", file=sys.stderr)
            return 0
        # ¶ counts from 1, as in the reader and the brief (the JSON keeps 0).
        table = Table("ID", "Status", "Article", "¶", "Passage", "Note", "Tags")
        for item in placed:
            bookmark = item.bookmark
            table.add_row(
                str(bookmark.id),
                item.status,
                Text(sanitize_line(bookmark.title)),
                str(item.paragraph + 1),
                Text(_short(item.quote, 60)),
                Text(_short(bookmark.note, 40)),
                Text(sanitize_line(", ".join(bookmark.tags))),
            )
        table_console().print(table)
        return 0

    return _with_store(args, show)


def run_export(args: argparse.Namespace) -> int:
    if args.format == "json" and args.by is not None:
        # The JSON holds every bookmark for import: it has no grouping to choose.
        args.usage_error("--by groups the Markdown brief; it does not apply to --format json")

    def export(store: BookmarkStore) -> int:
        if args.format == "json":
            text = store.export_json()
        else:
            text = store.export_markdown(by=args.by or "article")
        if args.output is None:
            sys.stdout.write(text)
            return 0
        _write_file(args.output, text)
        count = len(store.all())
        print(f"exported {count} bookmark{'s' if count != 1 else ''} to {display_path(args.output)}",
              file=sys.stderr)  # fmt: skip
        return 0

    return _with_store(args, export)


def _write_file(path: Path, text: str) -> None:
    """Write whole or not at all: a failed export never leaves half a file."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise UserError(f"cannot write {display_path(path)}: {error.strerror or error}") from None


def run_import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise UserError(f"cannot read {display_path(args.file)}: {reason}") from None

    def load(store: BookmarkStore) -> int:
        report = store.import_json(text, source=display_path(args.file))
        for problem in report.problems:
            print(f"briefreader: {problem}", file=sys.stderr)
        skipped = len(report.problems)
        print(
            f"imported {report.added} new bookmark{'s' if report.added != 1 else ''}, "
            f"updated {report.updated}, {report.unchanged} already present, {skipped} skipped"
        )
        return 0

    return _with_store(args, load)


def run_remove(args: argparse.Namespace) -> int:
    def remove(store: BookmarkStore) -> int:
        bookmark = store.remove(args.id)
        print(f"removed bookmark {bookmark.id}: {_short(bookmark.quote, 70)}")
        return 0

    return _with_store(args, remove)


def _short(text: str, width: int) -> str:
    """One safe line for the terminal, cut to the width."""
    text = sanitize_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"
