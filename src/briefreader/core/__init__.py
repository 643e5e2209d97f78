"""The product without a screen: reading, analysis, index and bookmarks (never imports Textual)."""
