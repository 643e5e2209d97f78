"""The main screen's panes (list, reader, sidebar): moving between them, folding them away as
the terminal narrows."""

from __future__ import annotations

from textual.events import Resize
from textual.widget import Widget
from textual.widgets import OptionList, TabbedContent, TabPane

from briefreader.ui.screens.bookmarking import BookmarkingScreen
from briefreader.ui.widgets.quotes_panel import QuotesPanel

MIN_WIDTH, MIN_HEIGHT = 40, 10
SIDEBAR_MIN_WIDTH = 100  # below this the sidebar folds away
SINGLE_PANE_WIDTH = 70  # below this only the list or the reader shows


class PaneScreen(BookmarkingScreen):
    """A screen of the panes `#articles`, `#reader` (with its `#find` bar) and `#sidebar`."""

    _focus_before_too_small: Widget | None = None

    def _panes(self) -> list[str]:
        panes = ["articles", "reader"]
        if not self.has_class("-narrow"):
            panes.append("sidebar")
        return panes

    def _focused_pane(self) -> str | None:
        for pane in ("articles", "reader", "sidebar", "find"):
            node = self.query_one(f"#{pane}")
            if self.focused is not None and (
                self.focused is node or node in self.focused.ancestors
            ):
                return "reader" if pane == "find" else pane
        return None

    def _focus_pane(self, pane: str) -> None:
        if pane == "sidebar":
            self._focus_sidebar_list()
        else:
            self.query_one(f"#{pane}").focus()

    def _focus_sidebar_list(self) -> None:
        """Focus the list inside the active tab, where the tab's own keys work."""
        active = self.query_one("#sidebar", TabbedContent).active_pane
        if active is not None:
            active.query_one(OptionList).focus()

    def show_sidebar_tab(self, tab: str) -> None:
        """Bring a sidebar tab ("tab-quotes", ...) forward and focus its list."""
        self.query_one("#sidebar", TabbedContent).active = tab
        # The pane is shown at the next refresh; only then can its list take the focus.
        self.call_after_refresh(self._focus_sidebar_list)

    def show_library_quotes(self) -> None:
        """Every quote in the library by speaker (`L` in the Quotes tab)."""
        self.query_one(QuotesPanel).action_library_quotes()

    def action_switch_tab(self, step: int) -> None:
        tabs = [pane.id for pane in self.query_one("#sidebar").query(TabPane) if pane.id]
        active = self.query_one("#sidebar", TabbedContent).active
        here = tabs.index(active) if active in tabs else 0
        self.show_sidebar_tab(tabs[(here + step) % len(tabs)])

    def action_next_pane(self) -> None:
        panes, here = self._panes(), self._focused_pane()
        self._focus_pane(panes[(panes.index(here) + 1) % len(panes)] if here in panes else panes[0])

    def action_previous_pane(self) -> None:
        panes, here = self._panes(), self._focused_pane()
        self._focus_pane(panes[(panes.index(here) - 1) % len(panes)] if here in panes else panes[0])

    def on_descendant_focus(self) -> None:
        self.set_class(self._focused_pane() == "articles", "-list-focused")

    def on_resize(self, event: Resize) -> None:
        width, height = event.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        if too_small and not self.has_class("-too-small"):
            # Hiding the panes drops the focus; it goes back where it was when they return.
            self._focus_before_too_small = self.focused
        elif not too_small and self.has_class("-too-small"):
            previous, self._focus_before_too_small = self._focus_before_too_small, None
            if previous is not None and previous.is_attached:
                self.call_after_refresh(previous.focus)
        self.set_class(too_small, "-too-small")
        self.set_class(width < SIDEBAR_MIN_WIDTH, "-narrow")
        self.set_class(width < SINGLE_PANE_WIDTH, "-single")
