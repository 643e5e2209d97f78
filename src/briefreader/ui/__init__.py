"""The Textual application: app wiring, screens, widgets and styles."""
