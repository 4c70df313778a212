"""Every command of the explorer, once: keys, action and description.

Bindings, the footer, the command palette and the help screen are all generated from
these tables, so they cannot disagree (VisiData's rule).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from tui.facts import ENTITY_KINDS
from tui.facts.text import section_label


@dataclass(frozen=True)
class Command:
    """One command: the keys that run it, the Textual action, and what it does in words."""

    keys: str
    action: str
    description: str
    group: str
    show: bool = True
    """Shown in the footer (it is always in the help screen)."""
    palette: bool = True
    """Offered in the command palette."""
    scope: str = "screen"
    """'app' runs the action on the app, 'screen' on the main screen."""

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.description, show=self.show)

    @property
    def key_names(self) -> list[str]:
        """The keys as a person reads them: 'question_mark' → '?'."""
        return [_KEY_NAMES.get(k, k) for k in self.keys.split(",")]


_KEY_NAMES = {
    "question_mark": "?",
    "left_square_bracket": "[",
    "left": "←",
    "right": "→",
    "right_square_bracket": "]",
    "slash": "/",
    "escape": "Esc",
    "backspace": "Backspace",
    "enter": "Enter",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "f1": "F1",
    "ctrl+p": "Ctrl+P",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
}

SECTION_COMMANDS = tuple(
    Command(str(n), f"show_section('{kind}')", section_label(kind), "Sections", show=False)
    for n, kind in enumerate(ENTITY_KINDS, start=1)
)

SCREEN_COMMANDS: tuple[Command, ...] = (
    *SECTION_COMMANDS,
    Command(
        "escape",
        "leave",
        "Out of the detail pane or the filter, else back",
        "Navigation",
        show=False,
        palette=False,
    ),
    Command("backspace", "back", "Back", "Navigation", show=False, palette=False),
    Command("left_square_bracket", "back", "Back", "Navigation", show=False),
    Command("right_square_bracket", "forward", "Forward", "Navigation", show=False),
    Command("slash", "filter", "Filter", "Search"),
    Command("n", "next_hit", "Next hit", "Search", show=False),
    Command("N", "previous_hit", "Previous hit", "Search", show=False),
    Command("x", "dismiss_problems", "Hide problems", "File"),
)

APP_COMMANDS: tuple[Command, ...] = (
    Command("question_mark,f1", "help", "Help", "App", scope="app"),
    Command("s", "search", "Search", "Search", scope="app"),
    Command("t", "timeline", "Timeline", "View", scope="app"),
    Command("R", "relations", "Relationships", "View", show=False, scope="app"),
    Command("y", "copy_markdown", "Copy as Markdown", "Copy", show=False, scope="app"),
    Command("Y", "copy_id", "Copy id", "Copy", show=False, scope="app"),
    Command("e", "export", "Export…", "File", show=False, scope="app"),
    Command("l", "toggle_language", "한/EN", "View", scope="app"),
    Command("r", "reload", "Reload file", "File", show=False, scope="app"),
    Command("q", "quit", "Quit", "App", scope="app"),
)

LIST_COMMANDS: tuple[Command, ...] = (
    Command("up,k", "cursor_up", "Up", "List", show=False, palette=False),
    Command("down,j", "cursor_down", "Down", "List", show=False, palette=False),
    Command("g,home", "first", "First", "List", show=False, palette=False),
    Command("G,end", "last", "Last", "List", show=False, palette=False),
    Command("pageup", "page_up", "Page up", "List", show=False, palette=False),
    Command("pagedown", "page_down", "Page down", "List", show=False, palette=False),
    Command("enter", "open", "Open", "List", palette=False),
)

SECTION_BAR_COMMANDS: tuple[Command, ...] = (
    Command("left", "previous_section", "Previous section", "Sections", show=False, palette=False),
    Command("right", "next_section", "Next section", "Sections", show=False, palette=False),
)

FILTER_COMMANDS: tuple[Command, ...] = (
    Command("enter", "submit", "Go to first hit", "Filter", palette=False),
    Command("escape", "cancel", "Clear filter", "Filter", palette=False),
)

SEARCH_COMMANDS: tuple[Command, ...] = (
    Command("down", "next_result", "Next result", "Search", show=False, palette=False),
    Command("up", "previous_result", "Previous result", "Search", show=False, palette=False),
    Command("enter", "open_result", "Open", "Search", palette=False),
    Command("escape", "close", "Close search", "Search", palette=False),
)

VIEW_COMMANDS: tuple[Command, ...] = (
    Command("escape,q", "close", "Back to the explorer", "View", palette=False),
)

DETAIL_COMMANDS: tuple[Command, ...] = (
    Command(
        "up,k", "cursor_up", "Previous link (above the first: scroll up)", "Detail", show=False, palette=False
    ),
    Command("down,j", "cursor_down", "Next link", "Detail", show=False, palette=False),
    Command("enter", "follow", "Follow link", "Detail", palette=False),
    Command("pageup", "page_up", "Scroll up a page", "Detail", show=False, palette=False),
    Command("pagedown", "page_down", "Scroll down a page", "Detail", show=False, palette=False),
    Command("g,home", "top", "Scroll to the top", "Detail", show=False, palette=False),
    Command("G,end", "bottom", "Scroll to the end", "Detail", show=False, palette=False),
)

BUILTIN_COMMANDS: tuple[Command, ...] = (
    Command("tab", "focus_next", "Next pane", "App", show=False, palette=False),
    Command("shift+tab", "focus_previous", "Previous pane", "App", show=False, palette=False),
    Command(
        "ctrl+p",
        "command_palette",
        "Command palette: jump to any entity, section or theme",
        "App",
        scope="app",
    ),
)
"""Keys Textual provides itself; listed so the help screen tells the whole truth."""

ALL_GROUPS: tuple[tuple[str, tuple[Command, ...]], ...] = (
    ("Everywhere", SCREEN_COMMANDS + APP_COMMANDS + BUILTIN_COMMANDS),
    ("In the section bar", SECTION_BAR_COMMANDS),
    ("In a list", LIST_COMMANDS),
    ("In the detail pane", DETAIL_COMMANDS),
    ("In the filter bar (/)", FILTER_COMMANDS),
    ("In the search screen (s)", SEARCH_COMMANDS),
    ("In the timeline (t) and relationships (R)", VIEW_COMMANDS),
)


def bindings(commands: tuple[Command, ...]) -> list[Binding]:
    """Textual bindings for a table of commands."""
    return [c.binding() for c in commands]


def help_groups() -> list[tuple[str, list[tuple[list[str], str]]]]:
    """Every group's title and its (key names, description) rows, once per key: what the help
    screen and the README show."""
    groups = []
    for title, commands in ALL_GROUPS:
        rows: dict[tuple[str, ...], str] = {}
        for command in commands:
            rows.setdefault(tuple(command.key_names), command.description)
        groups.append((title, [(list(keys), description) for keys, description in rows.items()]))
    return groups


def keys_markdown() -> str:
    """The key table of the README, generated from the same tables (a test keeps them equal)."""
    lines = ["| keys | what they do |", "|---|---|"]
    for title, rows in help_groups():
        lines.append(f"| **{title}** | |")
        lines += [f"| {' / '.join(f'`{k}`' for k in keys)} | {description} |" for keys, description in rows]
    return "\n".join(lines)
