"""Reading never stops on one bad file: each is skipped or flagged with a reason."""

from __future__ import annotations

import codecs
import os
import socket
import time
from pathlib import Path

import pytest

from briefreader.core import reader as reader_module
from briefreader.core.models import Article, Skip
from briefreader.core.reader import read_article
from briefreader.core.scan import scan

GOOD = "A short title\n\nThe council met on Monday and approved the plan after a long debate.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def skip_reasons(report) -> dict[str, str]:
    return {skip.path.name: skip.reason for skip in report.skipped}


def test_one_good_file_is_read_among_many_bad_ones(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", b"  \n\n \n")
    write(tmp_path, "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    report = scan([tmp_path])
    assert [a.path.name for a in report.articles] == ["good.txt"]
    reasons = skip_reasons(report)
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file"
    assert "binary" in reasons["image.html"]
    assert reasons["dangling.txt"] == "dangling symbolic link"
    assert reasons["loop.txt"] == "symbolic link loop"
    assert report.ignored == 1  # the .docx is not an article format


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    for name, data in (
        ("le.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")),
        ("be.txt", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be")),
    ):
        article = read_article(write(tmp_path, name, data))
        assert isinstance(article, Article), name
        assert article.title == "A short title"
        assert "approved the plan" in article.text


def test_utf16_without_bom_is_detected_as_text(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "nobom.txt", GOOD.encode("utf-16-le")))
    assert isinstance(article, Article)
    assert "approved the plan" in article.text


def test_invalid_utf8_is_read_with_replacement_and_flagged(tmp_path: Path) -> None:
    data = (
        "Café society\n\nThe café “reopened” on Monday.\n".encode()
        + b"Broken \xff\xfe byte here.\n"
    )
    article = read_article(write(tmp_path, "broken.txt", data))
    assert isinstance(article, Article)
    assert "The café “reopened” on Monday." in article.text
    assert "\ufffd" in article.text
    assert [f.code for f in article.flags] == ["lossy"]
    assert "replaced" in article.flags[0].message


def test_western_legacy_text_is_read_as_cp1252_not_cp1250(tmp_path: Path) -> None:
    text = (
        "Smörgåsbord and crème brûlée\n\n"
        "The chef said “we serve café au lait, jalapeño and façade-shaped ñoquis” — at €12.\n"
        "Señor Müller, Ærø and Þórr agreed: naïve, déjà vu, coöperate.\n"
    )
    article = read_article(write(tmp_path, "western.txt", text.encode("cp1252")))
    assert isinstance(article, Article)
    assert article.title == "Smörgåsbord and crème brûlée"
    assert "“we serve café au lait, jalapeño" in article.text
    assert "€12" in article.text and "Ærø and Þórr" in article.text
    assert any("cp1252" in f.message for f in article.flags)


def test_latin1_bytes_outside_cp1252_do_not_crash(tmp_path: Path) -> None:
    # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252; latin-1 reads them (as controls).
    data = "Résumé\n\nA naïve façade ".encode("latin-1") + b"\x81\x8d end.\n"
    article = read_article(write(tmp_path, "latin.txt", data))
    assert isinstance(article, Article)
    assert "A naïve façade" in article.text
    assert "\x81" not in article.text and "\x8d" not in article.text


def test_file_over_the_size_cap_is_read_up_to_the_cap_and_flagged(tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph number {i} says something new." for i in range(2000))
    path = write(tmp_path, "huge.txt", body)
    article = read_article(path, max_bytes=4096)
    assert isinstance(article, Article)
    assert [f.code for f in article.flags] == ["truncated"]
    assert "Paragraph number 0 says" in article.text
    assert "Paragraph number 1999" not in article.text
    assert len(article.text.encode()) <= 4096


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    write(tmp_path, "good.txt", GOOD)
    started = time.monotonic()
    report = scan([tmp_path])  # opening a FIFO with no writer would block forever
    assert time.monotonic() - started < 5
    assert [a.path.name for a in report.articles] == ["good.txt"]
    assert "not a regular file" in skip_reasons(report)["pipe.txt"]


def test_a_fifo_named_directly_is_skipped(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = read_article(fifo)
    assert isinstance(result, Skip) and "FIFO" in result.reason


def test_a_socket_and_a_device_are_skipped(tmp_path: Path) -> None:
    sock_path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock_path))
        result = read_article(sock_path)
        assert isinstance(result, Skip) and "not a regular file" in result.reason
    finally:
        server.close()
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # would never end if read
    result = read_article(tmp_path / "zero.txt")
    assert isinstance(result, Skip) and "not a regular file" in result.reason


def test_unreadable_file_is_skipped_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = write(tmp_path, "locked.txt", GOOD)
    write(tmp_path, "good.txt", GOOD)
    locked.chmod(0)
    real_open = os.open

    def open_as_unprivileged_user(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        # Tests may run as root, who can read a mode-000 file; an ordinary user cannot.
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(reader_module.os, "open", open_as_unprivileged_user)
    report = scan([tmp_path])
    assert [a.path.name for a in report.articles] == ["good.txt"]
    assert skip_reasons(report)["locked.txt"] == "permission denied"


def test_file_vanishing_mid_scan_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, GOOD)
    real_read = reader_module.read_article
    calls: list[str] = []

    def read_after_deleting_the_next(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(path.name)
        if path.name == "a.txt":
            (tmp_path / "b.txt").unlink()  # another program removes b.txt while a.txt is read
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr("briefreader.core.scan.read_article", read_after_deleting_the_next)
    report = scan([tmp_path])
    assert calls == ["a.txt", "b.txt", "c.txt"]
    assert [a.path.name for a in report.articles] == ["a.txt", "c.txt"]
    assert skip_reasons(report)["b.txt"] == "file vanished before it could be read"


def test_deeply_nested_html_neither_crashes_nor_hangs(tmp_path: Path) -> None:
    depth = 50_000
    page = (
        "<html><head><title>Deep page - Example Site</title></head><body>"
        + "<div>" * depth
        + "<p>The only paragraph sits at the very bottom of a very deep page, and it is kept.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    result = read_article(write(tmp_path, "deep.html", page))
    assert isinstance(result, Article)
    assert result.title == "Deep page"
    assert "The only paragraph sits at the very bottom" in result.text


def test_unclosed_tags_html_is_read(tmp_path: Path) -> None:
    page = "<html><body><div><p>First unclosed paragraph of the story here.<p>Second one <b>bold"
    result = read_article(write(tmp_path, "broken.html", page))
    assert isinstance(result, Article)
    assert "First unclosed paragraph" in result.text


def test_non_utf8_file_name_is_read_and_shown_safely(tmp_path: Path) -> None:
    raw_name = os.fsencode(tmp_path) + b"/caf\xe9\x1b[31m.txt"
    with open(raw_name, "wb") as handle:
        handle.write(b"")
    write(tmp_path, "good.txt", GOOD)
    named = Path(os.fsdecode(raw_name))
    named.write_text("Some headline here\n\nThe body of the article is here.\n")
    report = scan([tmp_path])
    article = next(a for a in report.articles if a.path == named)
    assert article.display_title == "Some headline here"
    shown = article.display_title.encode("utf-8")  # printable
    assert shown
    from briefreader.core.models import readable_file_name

    readable = readable_file_name(named)
    assert "\x1b" not in readable and "\ufffd" in readable
    readable.encode("utf-8")


def test_page_labelled_latin1_is_read_as_windows_1252(tmp_path: Path) -> None:
    body = (
        "<p>“Curly quotes” and an en dash – are windows-1252 bytes on pages labelled latin-1.</p>"
    )
    page = f'<html><head><meta charset="iso-8859-1"><title>Quotes</title></head><body>{body * 3}</body></html>'
    article = read_article(write(tmp_path, "latin.html", page.encode("cp1252")))
    assert isinstance(article, Article)
    assert "“Curly quotes” and an en dash –" in article.text
    assert "\ufffd" not in article.text


def test_a_parser_failure_skips_that_file_and_reads_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the HTML extractor raises on one page, the other articles are still read."""
    import briefreader.core.formats.html as html_format

    def broken(_text: str) -> None:
        raise ImportError("lxml.html.clean module is now a separate project")

    monkeypatch.setattr(html_format, "parse_html", broken)
    (tmp_path / "page.html").write_text("<html><body><p>Words.</p></body></html>")
    (tmp_path / "note.txt").write_text("Heading line\n\nA paragraph of body text here.\n")
    report = scan([tmp_path])
    assert [a.path.name for a in report.articles] == ["note.txt"]
    assert [(s.path.name, s.reason.split(":")[0]) for s in report.skipped] == [
        ("page.html", "could not be parsed (ImportError")
    ]
