"""The stylesheets of a small dialog: the box every dialog shares (`dialog.tcss`, the class
`dialog` on its box, `dialog-screen` on its screen) and the module's own `.tcss` beside it, which
names only what differs (width, border colour, its parts)."""

from __future__ import annotations

from pathlib import Path, PurePath

SHARED = Path(__file__).with_name("dialog.tcss")


def dialog_css(module_file: str) -> list[str | PurePath]:
    """A dialog screen's `CSS_PATH`: the shared box first, then the module's own `.tcss`, whose id
    rules outrank the shared class rules wherever both set a property."""
    return [SHARED, Path(module_file).with_suffix(".tcss")]
