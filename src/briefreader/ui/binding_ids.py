"""Every binding id of the app's screens and widgets: what `[keys]` in config.toml may remap."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding

import briefreader.ui


def binding_ids() -> set[str]:
    """The ids of every Binding declared by a class in the briefreader.ui package."""
    ids: set[str] = set()
    for module_info in pkgutil.walk_packages(briefreader.ui.__path__, "briefreader.ui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            for binding in getattr(cls, "BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids
