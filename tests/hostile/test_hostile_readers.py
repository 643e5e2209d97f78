"""The readers and the sanitizer over the hostile corpus: every file read safely or skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_support import BIDI_CONTROL, Corpus, mode_bits_enforced, unsafe_characters
from make_corpus import HUGE_BYTES, Case, cases, make_library

from briefreader.core.models import Article, ScanReport, Skip
from briefreader.core.reader import DEFAULT_MAX_BYTES
from briefreader.core.scan import scan


@pytest.fixture(scope="module")
def report(hostile_corpus: Corpus) -> ScanReport:
    with mode_bits_enforced():
        return scan([hostile_corpus.folder])


def line_fields(article: Article) -> list[str]:
    """Every one-line string a list, a header or a tab shows."""
    fields = [article.display_title, article.title, article.author, article.source,
              article.published, article.url] + [s.heading for s in article.sections]  # fmt: skip
    return [f for f in fields if f]


def all_text(article: Article) -> str:
    return "\n".join(line_fields(article) + [p.text for p in article.paragraphs])


def outcome(report: ScanReport, path: Path) -> Article | Skip | None:
    for article in report.articles:
        if article.path == path:
            return article
    for skip in report.skipped:
        if skip.path == path:
            return skip
    return None


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.name)
def test_case_read_or_skipped_as_expected(
    case: Case, hostile_corpus: Corpus, report: ScanReport
) -> None:
    path = hostile_corpus.path(case)
    if case.path.endswith("folder.txt"):
        path = path / "inner.txt"  # a folder is walked into, never read as a file
    result = outcome(report, path)
    if case.expect == "skip":
        assert isinstance(result, Skip), f"{case.name}: expected a skip, got {result!r:.200}"
        assert case.reason.lower() in result.reason.lower()
        assert not unsafe_characters(result.reason)
        return
    assert isinstance(result, Article), f"{case.name}: expected an article, got {result!r:.200}"
    text = all_text(result)
    for literal in case.literal:
        assert literal in text, f"{case.name}: {literal!r} not shown literally"
    for payload in case.absent:
        assert payload not in text, f"{case.name}: {payload!r} reached the reader"


def test_no_string_of_any_article_holds_a_control_character(report: ScanReport) -> None:
    for article in report.articles:
        for text in line_fields(article) + [p.text for p in article.paragraphs]:
            assert not unsafe_characters(text), (article.path, text[:120])
        for flag in article.flags:
            assert not unsafe_characters(flag.message)


def test_one_line_fields_hold_no_newline_or_bidi_override(report: ScanReport) -> None:
    for article in report.articles:
        for text in line_fields(article):
            assert "\n" not in text and not BIDI_CONTROL.search(text), (article.path, text)


def test_every_article_file_is_accounted_for(hostile_corpus: Corpus, report: ScanReport) -> None:
    """No file silently dropped: each case's file is an article or a skip with a reason."""
    for case in hostile_corpus.cases:
        if case.path.endswith("folder.txt"):
            continue
        assert outcome(report, hostile_corpus.path(case)) is not None, case.name
    assert all(skip.reason for skip in report.skipped)


def test_the_100_mb_file_is_read_only_up_to_the_cap(
    hostile_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = hostile_corpus.path(hostile_corpus.case("a 100 MB file"))
    assert path.stat().st_size == HUGE_BYTES
    bytes_read = 0
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        nonlocal bytes_read
        chunk = real_read(fd, size)
        bytes_read += len(chunk)
        return chunk

    monkeypatch.setattr(os, "read", counting_read)
    (article,) = scan([path]).articles
    assert bytes_read <= DEFAULT_MAX_BYTES + 1
    assert "truncated" in {flag.code for flag in article.flags}
    assert sum(len(p.text) for p in article.paragraphs) <= DEFAULT_MAX_BYTES


def test_a_file_deleted_mid_scan_is_skipped_with_a_reason(tmp_path: Path) -> None:
    paths = make_library(tmp_path / "library", 6)
    doomed = paths[4]

    def delete_ahead(done: int, total: int) -> None:
        if done == 1:
            doomed.unlink()

    report = scan([tmp_path / "library"], progress=delete_ahead)
    assert len(report.articles) == 5
    (skip,) = report.skipped
    assert skip.path == doomed and "vanished" in skip.reason


def test_unreadable_file_named_on_the_command_line_is_skipped(hostile_corpus: Corpus) -> None:
    path = hostile_corpus.path(hostile_corpus.case("unreadable file (mode 000)"))
    with mode_bits_enforced():
        report = scan([path])
    assert report.articles == ()
    assert "permission" in report.skipped[0].reason
