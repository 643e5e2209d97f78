"""The Textual app: styles, global keys, command palette and the injected library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefreader.ui.commands import (
    ActionCommands,
    ArticleCommands,
    SidebarCommands,
    ThemeCommands,
)
from briefreader.ui.palette import SingleCloseCommandPalette
from briefreader.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from briefreader.config import Settings
    from briefreader.core.library import Library


class BriefReaderApp(App[None]):
    """Read, search and annotate a library of news articles."""

    CSS_PATH = "app.tcss"
    TITLE = "briefreader"
    NOTIFICATION_TIMEOUT = 3  # short: a toast hides what is under it
    COMMANDS = App.COMMANDS | {ArticleCommands, ActionCommands, SidebarCommands, ThemeCommands}
    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "toggle_help", "Help", id="app.help"),
    ]

    def __init__(self, *, library: Library, settings: Settings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.library)

    def on_mount(self) -> None:
        self.set_keymap(self.settings.keys)
        theme = self.settings.theme
        if theme is not None:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.notify(
                    f"Unknown theme {theme!r}; pick one with ctrl+p",
                    severity="warning",
                    markup=False,
                )
        problem = self.library.reading_state.problem
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not SingleCloseCommandPalette.is_open(self):
            self.push_screen(SingleCloseCommandPalette(id="--command-palette"))

    def action_toggle_help(self) -> None:
        """Show or hide the keys that apply now, generated from the live bindings."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def on_unmount(self) -> None:
        try:
            self.library.reading_state.save()
        except OSError:
            pass  # the app is closing; the last saved state stays valid
