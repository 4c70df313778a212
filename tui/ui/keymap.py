"""Every command of the explorer, once: keys, action and description.

Bindings, the footer, the command palette and the help screen are all generated from
these tables, so they cannot disagree (VisiData's rule).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from textual.binding import Binding, BindingType

from tui.facts import ENTITY_KINDS
from tui.facts.messages import MESSAGES, both, msg
from tui.facts.model import Language


@dataclass(frozen=True)
class Command:
    """One command: the keys that run it, the Textual action, and what it does in words."""

    keys: str
    action: str
    message: str
    """What it does in words: a key of tui/facts/messages.py (Korean and English)."""
    group: str
    show: bool = True
    """Shown in the footer (it is always in the help screen)."""
    palette: bool = True
    """Offered in the command palette."""
    scope: str = "screen"
    """'app' runs the action on the app; 'screen' on the screen: the explorer or a view."""

    @property
    def description(self) -> str:
        """What it does, in English: the bindings' text (translated as shown) and the README's."""
        return msg(self.message, "en")

    def describe(self, lang: Language) -> str:
        """What it does, in `lang`."""
        return msg(self.message, lang)

    @property
    def names(self) -> tuple[str, str]:
        """What it does in Korean and in English: the palette finds a command by either."""
        return both(self.message)

    def binding(self, id: str | None = None) -> Binding:
        return Binding(self.keys, self.action, self.description, show=self.show, id=id)

    @property
    def key_names(self) -> list[str]:
        """The keys as a person reads them: 'question_mark' → '?', the ten digits '0-9'."""
        if self.keys == "0,1,2,3,4,5,6,7,8,9":
            return ["0-9"]
        return [_KEY_NAMES.get(k, k) for k in self.keys.split(",")]


_KEY_NAMES = {
    "question_mark": "?",
    "left_square_bracket": "[",
    "left": "←",
    "right": "→",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
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
    "f2": "F2",
    "ctrl+p": "Ctrl+P",
    "ctrl+r": "Ctrl+R",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
}

SECTION_COMMANDS = tuple(
    Command(str(n), f"show_section('{kind}')", f"section.{kind}", "Sections", show=False)
    for n, kind in enumerate(ENTITY_KINDS, start=1)
)

SCREEN_COMMANDS: tuple[Command, ...] = (
    *SECTION_COMMANDS,
    Command(
        "escape",
        "leave",
        "cmd.leave",
        "Navigation",
        show=False,
        palette=False,
    ),
    Command("backspace", "back", "cmd.back", "Navigation", show=False, palette=False),
    Command("left_square_bracket", "back", "cmd.back", "Navigation", show=False),
    Command("right_square_bracket", "forward", "cmd.forward", "Navigation", show=False),
    Command("slash", "filter", "cmd.filter", "Search"),
    Command("n", "next_hit", "cmd.next_hit", "Search", show=False),
    Command("N", "previous_hit", "cmd.previous_hit", "Search", show=False),
    Command("x", "dismiss_problems", "cmd.dismiss_problems", "File"),
)

APP_COMMANDS: tuple[Command, ...] = (
    Command("question_mark,f1", "help", "cmd.help", "App", scope="app"),
    Command("s", "search", "cmd.search", "Search"),
    Command("t", "timeline", "cmd.timeline", "View"),
    Command("R", "relations", "cmd.relations", "View", show=False),
    Command("p", "source_view", "cmd.source_view", "View", show=False),
    Command("i", "citation", "cmd.citation", "View", show=False),
    Command("y", "copy_markdown", "cmd.copy_markdown", "Copy", show=False),
    Command("Y", "copy_id", "cmd.copy_id", "Copy", show=False),
    Command("e", "export", "cmd.export", "File", show=False),
    Command("c", "change_field", "cmd.change_field", "File", show=False),
    Command("C", "edit_form", "cmd.edit_form", "File"),
    Command("E", "open_in_editor", "cmd.open_in_editor", "File", show=False),
    Command("a", "add_entity", "cmd.add_entity", "File", show=False),
    Command("D", "delete_entity", "cmd.delete_entity", "File", show=False),
    Command("I", "rename_entity", "cmd.rename_entity", "File", show=False),
    Command("u", "undo", "cmd.undo", "File", show=False, scope="app"),
    Command("U,ctrl+r", "redo", "cmd.redo", "File", show=False, scope="app"),
    Command("l", "toggle_language", "cmd.toggle_language", "View", scope="app"),
    Command("r", "reload", "cmd.reload", "File", show=False, scope="app"),
    Command("q", "quit", "cmd.quit", "App", scope="app"),
)

LIST_COMMANDS: tuple[Command, ...] = (
    Command("up,k", "cursor_up", "cmd.up", "List", show=False, palette=False),
    Command("down,j", "cursor_down", "cmd.down", "List", show=False, palette=False),
    Command("g,home", "first", "cmd.first", "List", show=False, palette=False),
    Command("G,end", "last", "cmd.last", "List", show=False, palette=False),
    Command("pageup", "page_up", "cmd.page_up", "List", show=False, palette=False),
    Command("pagedown", "page_down", "cmd.page_down", "List", show=False, palette=False),
    Command("enter", "open", "cmd.open", "List", show=False, palette=False),  # Enter opens: no room to say so
)

SECTION_BAR_COMMANDS: tuple[Command, ...] = (
    Command("left", "previous_section", "cmd.previous_section", "Sections", show=False, palette=False),
    Command("right", "next_section", "cmd.next_section", "Sections", show=False, palette=False),
)

FILTER_COMMANDS: tuple[Command, ...] = (
    Command("enter", "submit", "cmd.first_hit", "Filter", palette=False),
    Command("escape", "cancel", "cmd.clear_filter", "Filter", palette=False),
    Command("down", "to_list", "cmd.into_list", "Filter", show=False, palette=False),
)

SEARCH_COMMANDS: tuple[Command, ...] = (
    Command("down", "next_result", "cmd.next_result", "Search", show=False, palette=False),
    Command("up", "previous_result", "cmd.previous_result", "Search", show=False, palette=False),
    Command("enter", "submit", "cmd.open", "Search", palette=False),  # bound on the box: see SearchInput
    Command("escape", "close", "cmd.close_search", "Search", palette=False),
)

VIEW_COMMANDS: tuple[Command, ...] = (
    Command("escape,q", "close", "cmd.back_to_explorer", "View", palette=False),
)

EDIT_ACTIONS = frozenset(
    {
        "change_field",
        "edit_form",
        "open_in_editor",
        "undo",
        "redo",
        "add_entity",
        "delete_entity",
        "rename_entity",
    }
)
"""The commands that write the fact file: not offered in a browser (`facts-tui serve` has no
authentication, and an editor cannot be handed a browser's terminal)."""

ENTITY_COMMANDS: tuple[Command, ...] = tuple(c for c in APP_COMMANDS if c.scope == "screen")
"""Commands on the entity the user is on (search, views, copy, export): bound on the explorer
and on its views, each of which says which entity that is; not over dialogs, help or search."""

GLOBAL_COMMANDS: tuple[Command, ...] = tuple(c for c in APP_COMMANDS if c.scope == "app")
"""Commands bound on the app: they work on every screen (help, language, reload, quit)."""

EXPLORER_ONLY_ACTIONS = frozenset({"leave", "dismiss_problems"})
"""The explorer's keys that only make sense in it: Esc leaves a pane (a view's Esc closes the
view), x hides the problems panel, which only the explorer shows."""

PASSED_ON_BY_VIEWS: tuple[Command, ...] = tuple(
    c for c in SCREEN_COMMANDS if c.action not in EXPLORER_ONLY_ACTIONS
)
"""The explorer's keys a view (timeline, relationships) passes on: the view closes, then the
explorer runs the key (1–6 shows a section, / filters, n steps to the next hit)."""

HELP_COMMANDS: tuple[Command, ...] = (
    Command("escape,q,question_mark,f1", "dismiss", "cmd.close_help", "Help", palette=False),
)

DETAIL_COMMANDS: tuple[Command, ...] = (
    Command("up,k", "cursor_up", "cmd.previous_row", "Detail", show=False, palette=False),
    Command("down,j", "cursor_down", "cmd.next_row", "Detail", show=False, palette=False),
    Command("enter", "follow", "cmd.follow_row", "Detail", palette=False),
    Command("pageup", "page_up", "cmd.scroll_page_up", "Detail", show=False, palette=False),
    Command("pagedown", "page_down", "cmd.scroll_page_down", "Detail", show=False, palette=False),
    Command("g,home", "top", "cmd.scroll_top", "Detail", show=False, palette=False),
    Command("G,end", "bottom", "cmd.scroll_end", "Detail", show=False, palette=False),
    Command("i", "citation", "cmd.citation", "Detail", palette=False),
    Command("p", "source_view", "cmd.source_view", "Detail", palette=False),
)

SOURCE_VIEW_COMMANDS: tuple[Command, ...] = (
    Command("enter", "open", "cmd.open_citing", "Source", palette=False),
    Command(
        "right_curly_bracket", "next_paragraph", "cmd.next_paragraph", "Source", show=False, palette=False
    ),
    Command(
        "left_curly_bracket",
        "previous_paragraph",
        "cmd.previous_paragraph",
        "Source",
        show=False,
        palette=False,
    ),
)
"""The source view's own keys (its list takes ↑↓, PgUp/PgDn, Home/End from `LIST_COMMANDS`)."""

PARAGRAPH_DIGITS = Command(
    "0,1,2,3,4,5,6,7,8,9", "paragraph_digit", "cmd.paragraph_digit", "Source", palette=False
)
"""Digits typed in the source view go to a paragraph: one binding per digit (`digit_bindings`),
each telling the action its digit. Not in a keymap: a number is typed with digits."""

CITATION_COMMANDS: tuple[Command, ...] = (
    Command("enter,p", "open_source", "cmd.open_source_at", "Citation", palette=False),
    Command("escape,q,i", "close", "cmd.close_citation", "Citation", palette=False),
)
"""The citation dialog (`i`): the source view at the chosen citation's paragraph, or back."""

BUILTIN_COMMANDS: tuple[Command, ...] = (
    Command("tab", "focus_next", "cmd.next_pane", "App", show=False, palette=False),
    Command("shift+tab", "focus_previous", "cmd.previous_pane", "App", show=False, palette=False),
    Command(
        "ctrl+p",
        "command_palette",
        "cmd.palette",
        "App",
        scope="app",
    ),
)
"""Keys Textual provides itself; listed so the help screen tells the whole truth."""

ALL_GROUPS: tuple[tuple[str, tuple[Command, ...]], ...] = (
    ("group.help", HELP_COMMANDS),  # first: how to close the help is the first thing it says
    (
        "group.everywhere",
        PASSED_ON_BY_VIEWS + APP_COMMANDS + tuple(c for c in BUILTIN_COMMANDS if c.scope == "app"),
    ),
    (
        "group.explorer",
        tuple(c for c in SCREEN_COMMANDS if c.action in EXPLORER_ONLY_ACTIONS)
        + tuple(c for c in BUILTIN_COMMANDS if c.scope != "app"),
    ),
    ("group.section_bar", SECTION_BAR_COMMANDS),
    ("group.list", LIST_COMMANDS),
    ("group.detail", DETAIL_COMMANDS),
    ("group.filter", FILTER_COMMANDS),
    ("group.search", SEARCH_COMMANDS),
    ("group.views", VIEW_COMMANDS),
    ("group.source_view", (PARAGRAPH_DIGITS, *SOURCE_VIEW_COMMANDS, *VIEW_COMMANDS)),
    ("group.citation", CITATION_COMMANDS),
)


def bindings(commands: tuple[Command, ...]) -> list[BindingType]:
    """Textual bindings for a table of commands, each with its binding id (for the user's keymap)."""
    ids = _binding_ids()
    return [c.binding(ids.get(id(c))) for c in commands]


def digit_bindings() -> list[BindingType]:
    """A binding per digit for `PARAGRAPH_DIGITS` (`paragraph_digit('6')`); the key bar shows
    the first, as '0-9'."""
    return [
        Binding(
            key,
            f"{PARAGRAPH_DIGITS.action}({key!r})",
            PARAGRAPH_DIGITS.description,
            show=n == 0,
            key_display="0-9",
        )
        for n, key in enumerate(PARAGRAPH_DIGITS.keys.split(","))
    ]


def view_bindings() -> list[BindingType]:
    """A view's bindings: its own keys, the commands on the entity highlighted in it, then the
    explorer's keys it passes on, under the same binding ids (a user's keymap moves a key in
    the explorer and in the views alike)."""
    passed_on = [
        replace(b, action=f"explorer({b.action!r})")
        for b in cast(list[Binding], bindings(PASSED_ON_BY_VIEWS))
    ]
    return bindings(VIEW_COMMANDS) + bindings(ENTITY_COMMANDS) + passed_on


def help_groups(
    keymap: dict[str, str] | None = None, lang: Language = "en", hidden: frozenset[str] = frozenset()
) -> list[tuple[str, list[tuple[list[str], str]]]]:
    """Every group's title and its (key names, description) rows, once per key, in `lang`: what
    the help screen and the README show (the help with the user's `keymap` applied, without the
    actions `hidden` where the app does not offer them)."""
    groups = []
    for title, commands in ALL_GROUPS:
        rows: dict[tuple[str, ...], str] = {}
        for command in commands:
            if command.action in hidden:
                continue
            rows.setdefault(tuple(keys_of(command, keymap)), command.describe(lang))
        groups.append((msg(title, lang), [(list(keys), description) for keys, description in rows.items()]))
    return groups


def binding_description(binding: Binding, lang: Language, short: bool = False) -> str:
    """A binding's description in `lang`: bindings carry the English text of their command (or,
    for a dialog's own bindings, of a message), which is said again in `lang`. `short` picks the
    message's `.short` form where it has one (the key bar has little room)."""
    if not _MESSAGE_OF_DESCRIPTION:
        for _title, commands in ALL_GROUPS:
            for command in commands:
                _MESSAGE_OF_DESCRIPTION.setdefault(command.description, command.message)
        for key, (_ko, en) in MESSAGES.items():
            _MESSAGE_OF_DESCRIPTION.setdefault(en, key)
    message = _MESSAGE_OF_DESCRIPTION.get(binding.description)
    if message and short and f"{message}.short" in MESSAGES:
        message = f"{message}.short"
    return msg(message, lang) if message else binding.description


_MESSAGE_OF_DESCRIPTION: dict[str, str] = {}


def keys_markdown() -> str:
    """The key table of the README, generated from the same tables (a test keeps them equal)."""
    lines = ["| keys | what they do |", "|---|---|"]
    for title, rows in help_groups():
        lines.append(f"| **{title}** | |")
        lines += [f"| {' / '.join(f'`{k}`' for k in keys)} | {description} |" for keys, description in rows]
    return "\n".join(lines)


# -- binding ids: what a user's [keymap] table names ------------------------------------------------

ID_SCOPES: tuple[tuple[str, tuple[Command, ...]], ...] = (
    ("app", SCREEN_COMMANDS + APP_COMMANDS),
    ("sections", SECTION_BAR_COMMANDS),
    ("list", LIST_COMMANDS),
    ("detail", DETAIL_COMMANDS),
    ("filter", FILTER_COMMANDS),
    ("search", SEARCH_COMMANDS),
    ("view", VIEW_COMMANDS),
    ("source", SOURCE_VIEW_COMMANDS),
    ("citation", CITATION_COMMANDS),
)
"""Each table's id prefix: 'app.search', 'list.cursor_down', 'app.show_section.agreement'.
Textual's own keys (Tab, Ctrl+P) are not in the tables a keymap can change."""


def _action_id(action: str) -> str:
    """'show_section('agreement')' → 'show_section.agreement'."""
    name, _, arguments = action.partition("(")
    arguments = arguments.rstrip(")").replace("'", "").replace('"', "")
    return f"{name}.{arguments}" if arguments else name


_IDS: dict[int, str] = {}
_COMMANDS_BY_IDENTITY: dict[int, Command] = {}


def _binding_ids() -> dict[int, str]:
    """Binding id of every command, by the command object's identity (built once)."""
    if not _IDS:
        for scope, commands in ID_SCOPES:
            for command in commands:
                _IDS.setdefault(id(command), f"{scope}.{_action_id(command.action)}")
                _COMMANDS_BY_IDENTITY[id(command)] = command
    return _IDS


def binding_ids() -> dict[str, Command]:
    """Every binding id a keymap may name, with its (first) command."""
    ids: dict[str, Command] = {}
    for scope, commands in ID_SCOPES:
        for command in commands:
            ids.setdefault(f"{scope}.{_action_id(command.action)}", command)
    return ids


def default_keys(binding_id: str) -> list[str]:
    """The keys a binding id has without a keymap (Back has two commands: Backspace and [)."""
    keys: list[str] = []
    for command_id, binding in _binding_ids().items():
        if binding == binding_id:
            command = _COMMANDS_BY_IDENTITY[command_id]
            keys += [k for k in command.keys.split(",") if k not in keys]
    return keys


def keys_of(command: Command, keymap: dict[str, str] | None = None) -> list[str]:
    """The keys of `command` as a person reads them, with the user's keymap applied."""
    binding_id = _binding_ids().get(id(command))
    if keymap and binding_id in keymap:
        return [key_name(k) for k in keymap[binding_id].split(",")]
    return command.key_names


def key_name(key: str) -> str:
    """A key as a person reads it: 'question_mark' → '?', 'ctrl+f' → 'Ctrl+F'."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if "+" in key:
        *modifiers, base = key.split("+")
        return "+".join(
            [
                *(m.capitalize() for m in modifiers),
                key_name(base).upper() if len(base) == 1 else key_name(base),
            ]
        )
    return key


def binding_rows(keymap: dict[str, str] | None = None, lang: str = "en") -> list[tuple[str, list[str], str]]:
    """(id, keys, description) of every binding a keymap may change, for `facts-tui keys`."""
    rows = []
    for binding_id, command in binding_ids().items():
        keys = (keymap or {}).get(binding_id) or ",".join(default_keys(binding_id))
        rows.append((binding_id, [key_name(k) for k in keys.split(",")], command_description(command, lang)))
    return rows


def command_description(command: Command, lang: str = "en") -> str:
    """What the command does, in `lang`."""
    return command.describe("ko" if lang == "ko" else "en")


def binding_conflicts(keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(id, id, key) for each key the user's keymap gives to two bindings that are active together.

    Within one table, and between a table and the app-wide keys, one key must do one thing. Clashes
    the defaults already have on purpose (Esc in the filter bar) are not reported: only those that
    involve a binding the keymap changes.
    """
    ids = binding_ids()

    def keys(binding_id: str) -> set[str]:
        return set(keymap[binding_id].split(",")) if binding_id in keymap else set(default_keys(binding_id))

    app_ids = [i for i in ids if i.startswith("app.")]
    conflicts: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for scope, _commands in ID_SCOPES:
        scope_ids = [i for i in ids if i.startswith(f"{scope}.")]
        together = scope_ids if scope == "app" else scope_ids + app_ids
        for n, first in enumerate(together):
            for second in together[n + 1 :]:
                if first not in keymap and second not in keymap:
                    continue
                if ids[first].action == ids[second].action and first.split(".")[0] == second.split(".")[0]:
                    continue  # one action under two ids (Backspace and [ both go back)
                for key in sorted(keys(first) & keys(second)):
                    pair = (min(first, second), max(first, second))
                    if pair not in seen:
                        seen.add(pair)
                        conflicts.append((pair[0], pair[1], key))
    return conflicts
