"""No UI code hands non-literal text to a Textual or Rich API that parses it as markup.

Article text is untrusted: `[@click=app.quit]x[/]` in a title must show as those characters,
never run an action or break rendering. Textual parses `str` as markup in many places; this
checker walks the AST of `src/briefreader/ui/` and names every place (file:line) where text
that is not a string literal reaches one of them without `markup=False`. Build `Text(...)` or
`Content(...)` objects instead, or pass `markup=False`, or use
`Content.from_markup("literal $name", name=value)` (values are substituted as plain text).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[1] / "src" / "briefreader" / "ui"

# Widgets and calls that parse a str as markup unless given markup=False: name -> (position, keyword).
SWITCHABLE = {"Static": (0, "content"), "Label": (0, "content"), "notify": (0, "message")}
# Calls that always parse a str as markup (there is no switch): pass Content or Text instead.
ALWAYS_MARKUP: dict[str, tuple[int | None, tuple[str, ...]]] = {
    "Button": (0, ("label",)),
    "Tab": (0, ("label",)),
    "TabPane": (0, ("title",)),
    "Collapsible": (None, ("title",)),
    "Checkbox": (0, ("label",)),
    "RadioButton": (0, ("label",)),
    "Hit": (1, ("match_display", "help")),  # command palette: prompt and help
    "DiscoveryHit": (0, ("display", "help")),
    "highlight": (0, ("candidate",)),  # textual.fuzzy.Matcher.highlight
    "add_column": (0, ("label",)),  # DataTable
    "add_leaf": (0, ("label",)),  # Tree
}
MARKUP_ATTRIBUTES = {"border_title", "border_subtitle"}
# Building these yields an object that is never parsed as markup.
SAFE_BUILDERS = {"Text", "Content", "assemble", "styled", "from_rich_text", "Span", "Segment"}
QUERY_CALLS = {"query_one", "query_exactly_one", "get_widget_by_id", "get_child_by_id"}


@dataclass(frozen=True)
class Finding:
    """One place where non-literal text reaches a markup parser."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def is_safe(node: ast.expr, builders: frozenset[str] = frozenset()) -> bool:
    """A string literal, or an expression that builds a Text/Content object.

    `builders` names functions of the checked code annotated to return Text or Content.
    """
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(value, ast.Constant) for value in node.values)
    if isinstance(node, ast.IfExp):
        return is_safe(node.body, builders) and is_safe(node.orelse, builders)
    if isinstance(node, ast.Call):
        name = _name(node.func)
        if name in SAFE_BUILDERS or name in builders:
            return True
        if name == "from_markup":
            return bool(node.args) and is_literal(node.args[0])
        if name in {"join", "stylize", "stylize_before", "append", "append_text"} and isinstance(
            node.func, ast.Attribute
        ):
            return is_safe(node.func.value, builders)
    return False


def is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) or (
        isinstance(node, ast.JoinedStr) and all(isinstance(v, ast.Constant) for v in node.values)
    )


def _argument(call: ast.Call, position: int | None, keywords: tuple[str, ...]) -> list[ast.expr]:
    found = [kw.value for kw in call.keywords if kw.arg in keywords]
    if position is not None and len(call.args) > position:
        found.append(call.args[position])
    return found


def _markup_off(call: ast.Call) -> bool:
    return any(
        kw.arg == "markup" and isinstance(kw.value, ast.Constant) and kw.value.value is False
        for kw in call.keywords
    )


def _selector_id(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value.lstrip("#")
    return None


def plain_widget_ids(tree: ast.AST) -> set[str]:
    """Ids of Static/Label widgets built with markup=False (their `update` is safe too)."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in SWITCHABLE and _markup_off(node):
            for kw in node.keywords:
                if kw.arg == "id" and isinstance(kw.value, ast.Constant):
                    ids.add(str(kw.value.value))
    return ids


def text_builders(tree: ast.AST) -> set[str]:
    """Functions annotated to return Text or Content (calling them is as safe as Text(...))."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            returned = {_name(n) for n in ast.walk(node.returns) if isinstance(n, ast.expr)}
            if returned & {"Text", "Content"} and not returned & {"str"}:
                names.add(node.name)
    return names


def _builds_a_string(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return not is_literal(node)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return True
    return isinstance(node, ast.Call) and _name(node.func) in {"format", "join", "str"}


def find_markup_injections(
    source: str,
    path: str = "<snippet>",
    plain_ids: set[str] | None = None,
    builders: set[str] | None = None,
) -> list[Finding]:
    """Every place in `source` where non-literal text may be parsed as markup."""
    tree = ast.parse(source, filename=path)
    plain_ids = plain_widget_ids(tree) | (plain_ids or set())
    safe_calls = frozenset(text_builders(tree) | (builders or set()))
    findings: list[Finding] = []

    def is_safe_here(node: ast.expr) -> bool:
        return is_safe(node, safe_calls)

    def report(node: ast.AST, message: str) -> None:
        finding = Finding(path, getattr(node, "lineno", 0), message)
        if finding not in findings:
            findings.append(finding)

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr in MARKUP_ATTRIBUTES
                    and not is_safe_here(node.value)
                ):
                    report(node, f"non-literal text assigned to {target.attr} (parsed as markup)")
            continue
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in SWITCHABLE and not _markup_off(node):
            position, keyword = SWITCHABLE[name]
            for arg in _argument(node, position, (keyword,)):
                if not is_safe_here(arg):
                    report(node, f"{name}() given non-literal text without markup=False")
        elif name in ALWAYS_MARKUP:
            position, keywords = ALWAYS_MARKUP[name]
            for arg in _argument(node, position, keywords):
                if not is_safe_here(arg):
                    report(node, f"{name}() parses str as markup: pass Text/Content")
        elif name == "from_markup":
            if node.args and not is_literal(node.args[0]):
                report(node, "from_markup() of non-literal text")
        elif name == "add_row":
            if any(not is_safe_here(arg) for arg in node.args):
                report(node, "add_row() cells parse str as markup: pass Text/Content")
        elif name == "update" and isinstance(node.func, ast.Attribute) and node.args:
            arg, receiver = node.args[0], node.func.value
            if is_safe_here(arg) or _markup_off(node):
                continue
            if isinstance(receiver, ast.Call) and _name(receiver.func) in QUERY_CALLS:
                if _selector_id(receiver) not in plain_ids:
                    report(node, "update() of a widget that parses markup with non-literal text")
            elif _builds_a_string(arg):
                report(node, "update() with a string built from values (parsed as markup)")
    return findings


def ui_findings() -> list[Finding]:
    files = sorted(UI.rglob("*.py"))
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
    plain_ids = set().union(*(plain_widget_ids(tree) for tree in trees.values()))
    builders = set().union(*(text_builders(tree) for tree in trees.values()))
    root = UI.parents[2]
    return [
        finding
        for path in files
        for finding in find_markup_injections(
            path.read_text(encoding="utf-8"), str(path.relative_to(root)), plain_ids, builders
        )
    ]


def test_ui_never_passes_untrusted_text_as_markup() -> None:
    findings = ui_findings()
    assert not findings, "text that may be parsed as markup:\n" + "\n".join(map(str, findings))


BAD_SNIPPETS = [
    'Static(f"Title: {title}")',
    "Static(title)",
    "Label(article.title)",
    'Label("By " + author)',
    'Label("%s" % author)',
    'Label("{}".format(author))',
    "self.notify(message)",
    'self.notify(f"Opened {title}", severity="warning")',
    "app.notify(str(error))",
    "Content.from_markup(title)",
    'Text.from_markup(f"[b]{title}[/b]")',
    "yield Hit(score, matcher.highlight(title), command)",
    "yield Hit(score, Content(title), command, help=summary.source)",
    "Button(label)",
    "TabPane(name)",
    "table.add_row(title, source)",
    "self.border_title = article.title",
    'self.query_one("#header", Static).update(title)',
    'widget.update(f"{count} results for {query}")',
    'Static(title if wide else "x")',
]

GOOD_SNIPPETS = [
    'Static("Fixed text [b]bold[/b]")',
    "Static(title, markup=False)",
    "Static(Text(title))",
    'Label(Text.assemble(("By ", "dim"), author))',
    "Label(Content(title).stylize('bold', 0, 3))",
    'self.notify(f"Opened {title}", markup=False)',
    'self.notify("Saved")',
    'Content.from_markup("[b]$title[/b]", title=title)',
    "yield Hit(score, Content(title), command, help=None)",
    'TabPane("Quotes", id="tab-quotes")',
    "table.add_row(Text(title), Text(source or ''))",
    "self.border_title = Text(title)",
    'yield Static(id="header", markup=False)\nself.query_one("#header", Static).update(title)',
    "options.update(other)",
    'Static(Content(a) if wide else "x")',
    "def plain(t: str) -> Content:\n    return Content(t)\nyield Hit(1, plain(title), run)",
]


@pytest.mark.parametrize("snippet", BAD_SNIPPETS)
def test_checker_flags_markup_built_from_values(snippet: str) -> None:
    findings = find_markup_injections(snippet)
    assert findings, f"not flagged: {snippet}"
    assert all(f.line >= 1 and str(f).startswith("<snippet>:") for f in findings)


@pytest.mark.parametrize("snippet", GOOD_SNIPPETS)
def test_checker_allows_literals_and_text_objects(snippet: str) -> None:
    assert find_markup_injections(snippet) == []


def test_checker_names_the_line_of_each_finding() -> None:
    source = 'a = 1\nStatic("ok")\nStatic(title)\nself.notify(f"{x}")\n'
    assert [f.line for f in find_markup_injections(source, "ui/x.py")] == [3, 4]
