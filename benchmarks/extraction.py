"""Score HTML extraction: body token F1 against reference texts, and clean-headline accuracy.

Usage: python benchmarks/extraction.py [FOLDER ...] [--verbose] [--json]

Each FOLDER holds saved pages `NAME.html` (or `.htm`) next to a reference `NAME.ref`:

    title: The clean headline
    author: Name Surname          (optional; empty when the page names nobody)
    published: 2023-06-14         (optional)
    ---
    The article body, paragraphs separated by blank lines.

    ## A subheading

    More body text.

The body is compared as a bag of lower-cased word tokens (headings included, `## ` marks
not), the usual measure of main-text extraction benchmarks. Default folder: the test
fixtures in tests/fixtures/html.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefreader.core.models import Article
from briefreader.core.reader import read_article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT / "tests" / "fixtures" / "html"
_TOKEN = re.compile(r"\w+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    author: str | None
    published: str | None
    body: str


@dataclass(frozen=True, slots=True)
class PageScore:
    name: str
    precision: float
    recall: float
    f1: float
    headline_ok: bool
    headline: str | None
    expected_headline: str
    author_ok: bool
    date_ok: bool
    seconds: float


def read_reference(path: Path) -> Reference:
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return Reference(
        title=fields.get("title", ""),
        author=fields.get("author") or None,
        published=fields.get("published") or None,
        body=re.sub(r"^#+\s+", "", body, flags=re.M),
    )


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()))


def token_scores(extracted: str, reference: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the extracted tokens against the reference tokens."""
    got, want = tokens(extracted), tokens(reference)
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision = common / sum(got.values())
    recall = common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def same_text(a: str | None, b: str | None) -> bool:
    def norm(value: str | None) -> str:
        value = unicodedata.normalize("NFKC", value or "").translate(_QUOTES)
        return " ".join(value.casefold().split())

    return norm(a) == norm(b)


def body_text(article: Article) -> str:
    parts: list[str] = []
    for section in article.sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(p.text for p in section.paragraphs)
    return "\n\n".join(parts)


def score_page(page: Path, reference: Reference) -> PageScore:
    started = time.perf_counter()
    result = read_article(page)
    seconds = time.perf_counter() - started
    if not isinstance(result, Article):
        return PageScore(page.stem, 0, 0, 0, False, None, reference.title, False, False, seconds)
    precision, recall, f1 = token_scores(body_text(result), reference.body)
    return PageScore(
        name=page.stem,
        precision=precision,
        recall=recall,
        f1=f1,
        headline_ok=same_text(result.title, reference.title),
        headline=result.title,
        expected_headline=reference.title,
        author_ok=same_text(result.author, reference.author),
        date_ok=(result.published or "")[:10] == (reference.published or ""),
        seconds=seconds,
    )


def pages_in(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for page in sorted([*folder.glob("*.html"), *folder.glob("*.htm")]):
        reference = page.with_suffix(".ref")
        if reference.exists():
            pairs.append((page, reference))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER])
    parser.add_argument("--verbose", action="store_true", help="show each page's figures")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    scores = [
        score_page(page, read_reference(ref))
        for folder in args.folders
        for page, ref in pages_in(folder)
    ]
    if not scores:
        print("no NAME.html + NAME.ref pairs found", file=sys.stderr)
        return 1
    count = len(scores)
    summary = {
        "pages": count,
        "mean_f1": sum(s.f1 for s in scores) / count,
        "mean_precision": sum(s.precision for s in scores) / count,
        "mean_recall": sum(s.recall for s in scores) / count,
        "headlines_clean": sum(s.headline_ok for s in scores),
        "authors_right": sum(s.author_ok for s in scores),
        "dates_right": sum(s.date_ok for s in scores),
        "mean_seconds": sum(s.seconds for s in scores) / count,
    }
    if args.json:
        print(json.dumps({"summary": summary, "pages": [s.__dict__ for s in scores]}, indent=2))
        return 0
    if args.verbose:
        for s in scores:
            mark = "ok " if s.headline_ok else "BAD"
            print(
                f"{s.name:40} F1 {s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f}) "
                f"headline {mark} author {'ok' if s.author_ok else 'BAD'} "
                f"date {'ok' if s.date_ok else 'BAD'} {s.seconds * 1000:.0f} ms"
            )
            if not s.headline_ok:
                print(f"{'':40} got {s.headline!r}, want {s.expected_headline!r}")
    print(
        f"{count} pages: mean token F1 {summary['mean_f1']:.3f} "
        f"(P {summary['mean_precision']:.3f}, R {summary['mean_recall']:.3f}); "
        f"clean headline {summary['headlines_clean']}/{count}; "
        f"author {summary['authors_right']}/{count}; date {summary['dates_right']}/{count}; "
        f"{summary['mean_seconds'] * 1000:.0f} ms per page"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
