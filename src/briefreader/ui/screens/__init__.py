"""Screens: each owns a layout and its workers."""
