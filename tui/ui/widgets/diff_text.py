"""A unified diff of TOML as Rich text: added lines green, removed red, hunk headers cyan.

The diff's text is the fact file's: it is sanitized and only ever appended as plain text, never
read as markup. The field dialog's diff and the conflict dialog show it this way.
"""

from __future__ import annotations

from rich.text import Text

from tui.facts.sanitize import clean


def diff_text(diff: str) -> Text:
    """`diff` coloured line by line; its characters shown as written."""
    text = Text()
    for line in clean(diff).splitlines():
        style = ""
        if line.startswith("+") and not line.startswith("+++"):
            style = "green"
        elif line.startswith("-") and not line.startswith("---"):
            style = "red"
        elif line.startswith("@@"):
            style = "cyan"
        text.append(line + "\n", style=style)
    text.rstrip()
    return text
