"""Command palette providers: open an article by title, run any action by name, pick a theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.dom import DOMNode

from briefreader.ui.screens.main import MainScreen, OpenRequest


def highlight_plain(matcher: Matcher, text: str) -> Content:
    """Like `Matcher.highlight`, but never reads `text` as markup (titles are untrusted)."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """Jump to an article by its title."""

    async def search(self, query: str) -> Hits:
        main = main_screen(self)
        if main is None:
            return
        matcher = self.matcher(query)
        for summary in main.summaries:
            score = matcher.match(summary.title)
            if score > 0:
                yield Hit(
                    score,
                    highlight_plain(matcher, summary.title),
                    partial(main.open_article, OpenRequest(summary.id)),
                    text=summary.title,
                    # Content, not str: a str help is parsed as markup, and sources are untrusted.
                    help=Content(summary.source) if summary.source else None,  # type: ignore[arg-type]
                )


def main_screen(provider: Provider) -> MainScreen | None:
    """The main screen, wherever it is in the stack (the palette sits above it)."""
    for screen in reversed(provider.app.screen_stack):
        if isinstance(screen, MainScreen):
            return screen
    return None


SIDEBAR_COMMANDS = (
    ("Quotes tab: who said what in this article", "tab-quotes"),
    ("Topics tab: enter lists a topic's passages", "tab-topics"),
    ("Bookmarks tab: edit, delete the open article's bookmarks", "tab-bookmarks"),
)


class SidebarCommands(Provider):
    """The sidebar's tabs and the views they open, whatever has the focus."""

    def _commands(self, main: MainScreen) -> list[tuple[str, Callable[[], None]]]:
        commands: list[tuple[str, Callable[[], None]]] = [
            (label, partial(main.show_sidebar_tab, tab)) for label, tab in SIDEBAR_COMMANDS
        ]
        commands.append(("All quotes in the library, by speaker", main.show_library_quotes))
        return commands

    async def discover(self) -> Hits:
        main = main_screen(self)
        if main is not None:
            for label, run in self._commands(main):
                yield DiscoveryHit(Content(label), run)

    async def search(self, query: str) -> Hits:
        main = main_screen(self)
        if main is None:
            return
        matcher = self.matcher(query)
        for label, run in self._commands(main):
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlight_plain(matcher, label), run, text=label)


class NamedAction(NamedTuple):
    description: str
    keys: str
    node: DOMNode
    action: str


class ActionCommands(Provider):
    """Every action that applies now, by its description."""

    def _actions(self) -> list[NamedAction]:
        found: dict[str, NamedAction] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if active.enabled and binding.description and binding.description not in found:
                keys = self.app.get_key_display(binding)
                found[binding.description] = NamedAction(
                    binding.description, keys, active.node, binding.action
                )
        return list(found.values())

    def _run(self, named: NamedAction) -> None:
        self.app.call_later(self.app.run_action, named.action, named.node)

    async def discover(self) -> Hits:
        for named in self._actions():
            yield DiscoveryHit(
                Content(named.description),
                partial(self._run, named),
                help=Content(f"key: {named.keys}"),  # type: ignore[arg-type]
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for named in self._actions():
            score = matcher.match(named.description)
            if score > 0:
                yield Hit(
                    score,
                    highlight_plain(matcher, named.description),
                    partial(self._run, named),
                    text=named.description,
                    help=Content(f"key: {named.keys}"),  # type: ignore[arg-type]
                )


class ThemeCommands(Provider):
    """Every theme, as "Theme: name"."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in sorted(self.app.available_themes):
            label = f"Theme: {name}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score, highlight_plain(matcher, label), partial(self._set, name), text=label
                )

    def _set(self, name: str) -> None:
        self.app.theme = name
