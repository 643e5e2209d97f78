"""Widgets: display model objects and post messages."""
