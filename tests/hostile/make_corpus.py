"""Write the hostile-article corpus (markup, terminal escapes, broken files) into a folder.

Run `python tests/hostile/make_corpus.py FOLDER` to get it on disk; the tests build it in a
temporary folder through the `hostile_corpus` fixture. Nothing binary is committed: every
file is made here.
"""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Rich/Textual markup that would act (quit, open a link) or break rendering if parsed.
MARKUP = (
    "[/]",
    "[/bold]",
    "[link=https://x]y[/link]",
    "[@click=app.quit]x[/]",
    "[ @click=app.quit]",
    "[$accent @click=app.quit]",
    "[[nested [bold]brackets[/bold]]]",
)
# Terminal escapes that would retitle the window, write the clipboard, move the cursor...
ESCAPES = {
    "OSC 0 title": "\x1b]0;PWNED-TITLE\x07",
    "OSC 2 title": "\x1b]2;PWNED-TITLE\x1b\\",
    "OSC 52 clipboard": "\x1b]52;c;UFdORUQtQ0xJUA==\x07",
    "OSC 8 link": "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\",
    "CSI clear": "\x1b[2J\x1b[3J",
    "CSI cursor": "\x1b[10;10H\x1b[5A\x1b[s",
    "CSI status report": "\x1b[6n\x1b[c",
    "DCS": "\x1bP+q544e\x1b\\",
    "C1 CSI": "\x9b2J",
    "RIS (ESC c)": "\x1bc",
    "BEL": "\x07",
    "DEL": "\x7f",
    "bidi override": "\u202eevil\u202c\u2066x\u2069",
}
UNTERMINATED_OSC = "\x1b]0;PWNED-UNTERMINATED"
ALL_ESCAPES = "".join(ESCAPES.values())
HUGE_BYTES = 100 * 1024 * 1024
PLAIN_BODY = (
    "This paragraph is ordinary article text. It mentions drones over Kherson.\n\n"
    "A second paragraph says more, as articles do. It has several sentences.\n"
)


@dataclass(frozen=True)
class Case:
    """One hostile file and what a mature reader does with it."""

    name: str
    path: str  # relative to the corpus folder; may hold any byte a file name can
    category: str  # markup | escapes | broken
    expect: str  # "read" or "skip"
    literal: tuple[str, ...] = ()  # text that must reach the reader exactly as written
    absent: tuple[str, ...] = ()  # text that must never be shown (scripts, styles, payloads)
    reason: str = ""  # for a skip: words the reason must contain
    note: str = ""
    heavy: bool = False  # megabytes: left out of the slower, whole-app tests
    make: Callable[[Path], None] = field(default=lambda _p: None, repr=False)


def _text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content.encode(encoding))


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _mode_000(content: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_text(content, encoding="utf-8")
        path.chmod(0)

    return make


def _huge(path: Path) -> None:
    """Real text past the size cap, then a sparse tail up to 100 MB: fast to make."""
    paragraph = ("Huge file paragraph about drones and Kherson. " * 20).strip() + "\n\n"
    block = paragraph * ((1 << 20) // len(paragraph) + 1)
    with path.open("wb") as handle:
        handle.write(b"Huge File Title\n\n")
        for _ in range(10):  # ~10 MiB of text, more than the 8 MiB cap
            handle.write(block.encode())
        handle.truncate(HUGE_BYTES)


def _deep_html(depth: int, after: str) -> str:
    return (
        "<html><head><title>Deep nesting</title></head><body>"
        + "<div>" * depth
        + "<p>Deep inside the nesting there is a paragraph of article text to find.</p>"
        + "</div>" * depth
        + "".join(f"<p>{after} Paragraph {i} follows the nested part.</p>" for i in range(4))
        + "</body></html>"
    )


def _html_page(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


_ARTICLE_SENTENCES = [
    "Officials said on Tuesday that the talks over the oil price cap would resume next week in Brussels.",
    "The proposal would lower the cap on Russian crude to a level agreed by the group of seven.",
    "Analysts expect the change to reduce revenue that funds the war, according to several reports.",
    "Shipping firms said they would need time to adjust contracts already signed for the winter.",
]

_MARKUP_TEXT = """[@click=app.quit]Quit[/] headline [bold]now

[/] Body with [/bold] and [link=https://x]y[/link] and [@click=app.quit]x[/] in it.

[ @click=app.quit] Heading with markup [/bold]

Paragraph with [$accent @click=app.quit]accent[/] and [[nested [bold]brackets[/bold]]] here.

“[@click=app.quit]Leave now[/],” said Jane Doe, a spokeswoman for [bold]the ministry[/].

A paragraph that ends with a trailing backslash \\
"""

_MARKUP_MD = """---
title: "[@click=app.quit]Quit[/] [link=https://x]y[/link]"
author: "[bold]Evil[/bold] Author \\\\"
source: "[$accent @click=app.quit]Outlet"
date: 2024-01-01
url: "https://x/[/]"
---

# [/bold] Heading [@click=app.quit]x[/]

“[@click=app.quit]Quit now[/],” said John Smith, a spokesman. [ @click=app.quit] stays.

## Second heading [/] with a trailing backslash \\

Text with nested [[brackets [bold]inside[/bold]]] and a trailing backslash \\
"""

_ESCAPE_BODY = "\n\n".join(
    [f"Escaped Title{ESCAPES['OSC 0 title']} Here{ESCAPES['RIS (ESC c)']}"]
    + [f"Before {label} {payload}after {label} ends here." for label, payload in ESCAPES.items()]
    + [f"The last paragraph opens an OSC and never closes it {UNTERMINATED_OSC}"]
)

_ESCAPE_HTML = _html_page(
    f"Headline{ESCAPES['OSC 2 title']} &#x1b;]0;PWNED-ENTITY&#x7; &#x9b;2J{ESCAPES['C1 CSI']}",
    [f"{s} {payload} &#x1b;[2J&#27;]52;c;eA==&#7;" for s, payload in zip(
        _ARTICLE_SENTENCES * 4, ESCAPES.values(), strict=False
    )],
)  # fmt: skip

_ESCAPE_MD = f"""---
title: "Front matter{ESCAPES["OSC 0 title"]} title{ESCAPES["CSI clear"]}"
author: "Mallory{ESCAPES["OSC 52 clipboard"]} Doe"
source: "Outlet{ESCAPES["DCS"]}{ESCAPES["bidi override"]}"
date: "2024{ESCAPES["BEL"]}-01-01"
url: "https://x/{ESCAPES["OSC 8 link"]}"
---

# Heading{ESCAPES["CSI cursor"]} one

{ALL_ESCAPES} body text survives.
"""

_NO_TITLE_BODY = (
    "This article has no title line, so its name comes from the file name.\n\n"
    "It says something about drones. Then it ends.\n"
)

_SCRIPT_HTML = _html_page(
    "Page with scripts and styles",
    _ARTICLE_SENTENCES,
    head="<script>document.title='SCRIPT-PAYLOAD [@click=app.quit]x[/]';</script>"
    "<style>body::after{content:'STYLE-PAYLOAD'}</style>",
).replace(
    "</article>",
    "<script>alert('SCRIPT-PAYLOAD')</script><style>p{color:red}/*STYLE-PAYLOAD*/</style>"
    "<noscript>NOSCRIPT-PAYLOAD</noscript></article>",
)

_CYRILLIC = ["Херсон: беспилотники над городом ночью, сообщили власти области во вторник."] * 4
_META_CHARSET_HTML = _html_page(
    "Новости Херсона", _CYRILLIC, head='<meta charset="windows-1251">'
).encode("cp1251")
_BOGUS_CHARSET_HTML = _html_page(
    "Caf\u00e9 news", [s.replace("talks", "caf\u00e9 talks") for s in _ARTICLE_SENTENCES],
    head='<meta http-equiv="Content-Type" content="text/html; charset=x-no-such-charset">',
).encode("latin-1")  # fmt: skip

_CP1252 = (
    "Price Cap Talks\n\n“Smart quotes” cost 5 € — said the café owner.\n\nMore text follows.\n"
)
_LATIN1 = "Kherson Report\n\nThe café served crème brûlée; the naïve reporter noted it.\n\nEnd.\n"
_ONE_MB_LINE = ("Drones over Kherson and the oil price cap, said the official. " * 17000)[: 1 << 20]
# Brackets, tags and emphasis marks that never close: each opener invites a scan to the end.
_ADVERSARIAL_LINE = ('[a <b _c *d `e (f "g “h ' * 40000)[: 1 << 20]


def cases() -> list[Case]:
    """Every case of the corpus, in a stable order."""
    return [
        # --- markup --------------------------------------------------------------------
        Case("markup in title, body, heading, quote", "markup/title-body.txt", "markup", "read",
             literal=("[@click=app.quit]Quit[/]", "[link=https://x]y[/link]", "[/bold]",
                      "[ @click=app.quit]", "[$accent @click=app.quit]accent[/]",
                      "[[nested [bold]brackets[/bold]]]", "[@click=app.quit]Leave now[/]", "\\"),
             make=_text(_MARKUP_TEXT)),
        Case("markup in Markdown front matter and headings", "markup/front-matter.md", "markup",
             "read", literal=("[@click=app.quit]Quit[/]", "[link=https://x]y[/link]",
                              "[$accent @click=app.quit]Outlet", "[/bold] Heading",
                              "[ @click=app.quit] stays", "[[brackets [bold]inside[/bold]]]"),
             make=_text(_MARKUP_MD)),
        Case("markup in an HTML page", "markup/page.html", "markup", "read",
             literal=("[@click=app.quit]x[/]", "[link=https://x]y[/link]"),
             make=_text(_html_page("[@click=app.quit]x[/] headline [/]",
                                   [f"{s} [link=https://x]y[/link] [/bold]" for s in _ARTICLE_SENTENCES]))),
        Case("markup in a file name (click action)", "markup/[@click=app.quit]quit[ ].txt",
             "markup", "read", literal=("[@click=app.quit]quit[ ]",), make=_text(_NO_TITLE_BODY)),
        Case("markup in a file name (variable, trailing backslash)",
             "markup/[$accent @click=app.quit] name \\.txt", "markup", "read",
             literal=("[$accent @click=app.quit]",), make=_text(_NO_TITLE_BODY)),
        Case("markup in a file name (opening tags)", "markup/[bold]x[link=https:x]y[-].md",
             "markup", "read", literal=("[bold]x[link=https:x]y[",), make=_text(_NO_TITLE_BODY)),
        # --- terminal escapes ------------------------------------------------------------
        Case("escapes in a text title and body", "escapes/body.txt", "escapes", "read",
             literal=("Before OSC 52 clipboard after", "after bidi override ends here"),
             absent=("PWNED-TITLE", "UFdORUQtQ0xJUA"), make=_text(_ESCAPE_BODY)),
        Case("escapes in HTML <title> and body (raw and as entities)", "escapes/page.html",
             "escapes", "read", literal=("Officials said on Tuesday",), make=_text(_ESCAPE_HTML)),
        Case("escapes in Markdown front matter", "escapes/front-matter.md", "escapes", "read",
             literal=("body text survives",), absent=("PWNED-TITLE",), make=_text(_ESCAPE_MD)),
        Case("C1 CSI as a raw 0x9B byte in a UTF-8 file", "escapes/raw-c1.txt", "escapes", "read",
             literal=("Raw C1", "2J clears"), make=_bytes(b"Raw C1 Test\n\nA \x9b2J clears.\n\nEnd.\n")),
        Case("OSC title in a file name", "escapes/osc-\x1b]0;PWNED-TITLE\x07-name.txt", "escapes",
             "read", absent=("PWNED-TITLE",), make=_text(_NO_TITLE_BODY)),
        Case("CSI clear and BEL in a file name", "escapes/clear-\x1b[2J\x07-name.md", "escapes",
             "read", make=_text(_NO_TITLE_BODY)),
        Case("8-bit C1 byte (not UTF-8) in a file name", os.fsdecode(b"escapes/c1-\x9b2J-name.txt"),
             "escapes", "read", make=_text(_NO_TITLE_BODY)),
        Case("bidi override and newline in a file name", "escapes/bidi-\u202etxt.exe\n-name.txt",
             "escapes", "read", make=_text(_NO_TITLE_BODY)),
        # --- broken files ---------------------------------------------------------------
        Case("plain article (control)", "broken/plain.txt", "broken", "read",
             literal=("ordinary article text",), make=_text("Plain Article\n\n" + PLAIN_BODY)),
        Case("empty file", "broken/empty.txt", "broken", "skip", reason="empty",
             make=_bytes(b"")),
        Case("whitespace only", "broken/blank.md", "broken", "skip", reason="empty",
             make=_bytes(b" \n\n\t\n")),
        Case("binary with a text extension", "broken/binary.txt", "broken", "skip",
             reason="binary", make=_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)),
        Case("UTF-16 with BOM", "broken/utf16-bom.txt", "broken", "read",
             literal=("Kherson drones",), make=_text("UTF16 Title\n\nKherson drones are news.\n", "utf-16")),
        Case("UTF-16 LE without BOM", "broken/utf16le.txt", "broken", "read",
             literal=("Kherson drones",), make=_text("UTF16 Title\n\nKherson drones are news.\n", "utf-16-le")),
        Case("UTF-16 BE without BOM", "broken/utf16be.md", "broken", "read",
             literal=("Kherson drones",), make=_text("# UTF16 Title\n\nKherson drones are news.\n", "utf-16-be")),
        Case("cp1252", "broken/cp1252.txt", "broken", "read",
             literal=("“Smart quotes” cost 5 €",), make=_text(_CP1252, "cp1252")),
        Case("latin-1", "broken/latin1.txt", "broken", "read",
             literal=("crème brûlée", "naïve"), make=_text(_LATIN1, "latin-1")),
        Case("invalid UTF-8", "broken/invalid-utf8.txt", "broken", "read",
             literal=("Valid “text” before", "and after"),
             make=_bytes("Invalid Bytes\n\nValid “text” before ".encode() + b"\xff\xfe\xc3(\xed\xa0\x80" + b" and after.\n")),
        Case("CR-only line endings", "broken/cr-only.txt", "broken", "read",
             literal=("First paragraph.", "Second paragraph."),
             make=_bytes(b"Old Mac Title\r\rFirst paragraph.\r\rSecond paragraph.\r")),
        Case("NUL bytes after the first 8 KiB", "broken/late-nul.txt", "broken", "read",
             literal=("Late NUL",), make=_bytes(b"Late NUL Title\n\n" + b"Words. " * 2000 + b"\x00\x00 tail.\n")),
        Case("a single 1 MB line", "broken/one-mb-line.txt", "broken", "read",
             literal=("Drones over Kherson",), heavy=True, make=_text(_ONE_MB_LINE)),
        Case("a 1 MB line of unclosed brackets, tags, quotes", "broken/unclosed-1mb.md", "broken",
             "read", literal=("[a <b _c",), heavy=True, make=_text(_ADVERSARIAL_LINE)),
        Case("a 100 MB file", "broken/huge-100mb.txt", "broken", "read",
             literal=("Huge file paragraph",), note="read up to the size cap", heavy=True, make=_huge),
        Case("HTML nested 50,000 deep", "broken/deep-50000.html", "broken", "read",
             make=_text(_deep_html(50_000, "Text after the deep nesting."))),
        Case("HTML nested 300 deep with text after", "broken/deep-300.html", "broken", "read",
             literal=("Text after the nesting survives.",),
             make=_text(_deep_html(300, "Text after the nesting survives."))),
        Case("HTML with scripts and styles", "broken/scripts.html", "broken", "read",
             literal=("oil price cap",), absent=("SCRIPT-PAYLOAD", "STYLE-PAYLOAD", "NOSCRIPT-PAYLOAD"),
             make=_text(_SCRIPT_HTML)),
        Case("<meta charset> windows-1251", "broken/meta-charset.html", "broken", "read",
             literal=("Херсон",), make=_bytes(_META_CHARSET_HTML)),
        Case("<meta charset> that does not exist", "broken/bogus-charset.html", "broken", "read",
             literal=("café talks",), make=_bytes(_BOGUS_CHARSET_HTML)),
        Case("FIFO", "broken/fifo.txt", "broken", "skip", reason="FIFO", make=os.mkfifo),
        Case("symlink loop", "broken/loop-a.txt", "broken", "skip", reason="loop",
             make=_symlink("loop-b.txt")),
        Case("symlink loop (other end)", "broken/loop-b.txt", "broken", "skip", reason="loop",
             make=_symlink("loop-a.txt")),
        Case("dangling symlink", "broken/dangling.txt", "broken", "skip", reason="dangling",
             make=_symlink("no-such-target.txt")),
        Case("unreadable file (mode 000)", "broken/unreadable.txt", "broken", "skip",
             reason="permission", note="root reads it anyway; the tests drop that power",
             make=_mode_000("Secret Title\n\n" + PLAIN_BODY)),
        Case("unlistable folder (mode 000)", "broken/locked", "broken", "skip",
             reason="cannot be listed", make=_locked_folder),
        Case("a folder named like an article", "broken/folder.txt", "broken", "read",
             literal=("Inside a folder",), make=_folder_named_txt),
    ]  # fmt: skip


def _locked_folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("Locked Away\n\n" + PLAIN_BODY, encoding="utf-8")
    path.chmod(0)


def _folder_named_txt(path: Path) -> None:
    path.mkdir()
    (path / "inner.txt").write_text("Inside a folder\n\n" + PLAIN_BODY, encoding="utf-8")


def build(folder: Path, *, only: Callable[[Case], bool] = lambda _c: True) -> list[Case]:
    """Write the corpus into `folder` (created if needed); return the cases written."""
    written = []
    for case in cases():
        if not only(case):
            continue
        target = folder / case.path
        target.parent.mkdir(parents=True, exist_ok=True)
        case.make(target)
        written.append(case)
    return written


def make_library(folder: Path, count: int) -> list[Path]:
    """`count` small, valid articles (for index and kill tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i:04d}.txt"
        sentences = " ".join(_ARTICLE_SENTENCES[(i + j) % 4] for j in range(3))
        path.write_text(
            f"Article Number {i}\n\n{sentences}\n\nUnique marker word zq{i:04d}x.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def restore_permissions(folder: Path) -> None:
    """Make mode-000 files and folders removable again (for clean-up)."""
    for path in folder.rglob("*"):
        if not path.is_symlink() and path.exists():
            path.chmod(0o755 if path.is_dir() else 0o644)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the corpus (created)")
    args = parser.parse_args(argv)
    for case in build(args.folder):
        shown = codecs.encode(case.path, "unicode_escape").decode("ascii")
        print(f"{case.category:8} {case.expect:5} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
