"""facts-tui: a terminal explorer for curated fact files."""

__version__ = "0.1.0"
