"""The help tells the truth: on every screen, each key the help or the key bar lists for it does
something a user can see there.

One app per screen is walked key by key: from the same starting point, press the key and compare
what is on screen (screens, language, clipboard, focus and the screen's text, toasts included)
before and after.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from screen_text import settle, squeeze, visible_text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Tree

from tui.facts import FactFileError, loads
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.keymap import ALL_GROUPS, PASSED_ON_BY_VIEWS, Command
from tui.ui.screens.main import MainScreen
from tui.ui.screens.relations import RelationsScreen
from tui.ui.screens.timeline import TimelineScreen
from tui.ui.widgets.bars import KeyBar
from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.virtual_list import VirtualList

SIZE = (120, 40)
GROUPS = dict(ALL_GROUPS)
START, LANDED = "daegu-city", "lvis"
"""The explorer's starting point: LANDED reached from START by a step in the history."""

FIRST = {
    # Keys that need a step first to have something to do from the explorer's starting point.
    "1": ["2"],  # the starting point is on the first section already
    "right_square_bracket": ["left_square_bracket"],  # forward needs a back first
}


def keys_of(commands: tuple[Command, ...]) -> list[str]:
    """The first key of each command: a command's keys ("up,k") make one binding, which Textual
    binds alike to each of them (one key pressed per command keeps the walk short)."""
    return [command.keys.split(",")[0] for command in commands]


def state(app: FactsApp) -> tuple[object, ...]:
    """What a user could notice, but the screen's text (see `screen_text`): the screens, language,
    clipboard, focus and, as the text does not show the colours, each list's highlighted row."""
    return (
        [type(screen).__name__ for screen in app.screen_stack],
        app.lang,
        app.clipboard,
        type(app.focused).__name__ if app.focused else None,
        app.quitting,
        [(type(w).__name__, w.highlighted) for w in app.screen.query(OptionList)],
        [(type(w).__name__, w.cursor) for w in app.screen.query(VirtualList)],
        [(type(w).__name__, w.cursor_line) for w in app.screen.query(Tree)],
    )


async def changed(pilot: Pilot, before: tuple[object, ...], text: str, timeout: float = 2.0) -> bool:
    """Whether what the user sees changes within `timeout` (a reload takes a moment)."""
    app: FactsApp = pilot.app  # type: ignore[assignment]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        await settle(pilot)
        if state(app) != before or visible_text(app) != text:  # the text (slower) only if need be
            return True
        await pilot.pause(0.05)
    return False


async def explorer_start(pilot: Pilot) -> None:
    """Back to the explorer, in Korean, on LANDED, reached from START; the list has the keys."""
    app: FactsApp = pilot.app  # type: ignore[assignment]
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    main = app.main
    if main.filtering:
        main.action_leave()
    if app.lang != "ko":
        app.action_toggle_language()
    main.go_to(START)
    await settle(pilot)
    main.go_to(LANDED)
    main.entity_list.focus()
    app.copy_to_clipboard("")
    app.clear_notifications()
    await settle(pilot)


def starting_at(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """The explorer's starting point, then what `keys` would open (a view, help, a search with
    `keys[1:]` typed), opened directly: pressing costs more than the walk can afford per key."""

    async def start(pilot: Pilot) -> None:
        app: FactsApp = pilot.app  # type: ignore[assignment]
        await explorer_start(pilot)
        if keys:
            action = {"t": "timeline", "R": "relations", "s": "search", "question_mark": "app.help"}[keys[0]]
            await app.screen.run_action(action)
            await settle(pilot)
        if keys[1:]:
            app.screen.query_one(Input).value = "".join(keys[1:])
            await settle(pilot)

    return start


async def walk(
    app: FactsApp,
    start: Callable[[Pilot], Awaitable[None]],
    listed: Callable[[FactsApp], list[str]],
    first: dict[str, list[str]] | None = None,
) -> list[str]:
    """Every key `listed` gives from the starting point, each pressed from there: the keys that did
    nothing visible."""
    idle: list[str] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        keys = listed(app)
        assert keys
        for key in sorted(set(keys), key=lambda k: k == "q"):  # q last: it may quit
            await start(pilot)
            if first and first.get(key):
                await pilot.press(*first[key])
            if key == "x":
                await app.main.show_problems(broken_file_error())
            await settle(pilot)
            before, text = state(app), visible_text(app)
            await pilot.press(key)
            if not await changed(pilot, before, text):
                idle.append(key)
            if app.quitting:
                break
    return idle


def broken_file_error() -> FactFileError:
    with pytest.raises(FactFileError) as error:
        loads("[[organization]\n")
    return error.value


def key_bar_keys(app: FactsApp) -> list[str]:
    """The keys the key bar offers (what clicking it presses)."""
    bar = app.screen.query_one(KeyBar)
    bar.render()
    return [key for _start, _end, key in bar._spans]


PASSED_ON = set(keys_of(PASSED_ON_BY_VIEWS))
"""The explorer's keys a view passes on: one set of bindings for both views (ExplorerView),
walked in the timeline."""


@pytest.mark.parametrize(
    ("where", "opening", "groups", "skip"),
    [
        ("explorer", (), ("group.everywhere", "group.explorer", "group.list"), set()),
        ("timeline", ("t",), ("group.everywhere", "group.views"), set()),
        ("relationships", ("R",), ("group.everywhere", "group.views"), PASSED_ON),
        ("search", ("s", "대", "구"), ("group.search",), set()),
    ],
)
async def test_every_key_listed_for_a_screen_does_something_there(
    make_app, where, opening, groups, skip
) -> None:
    def listed(app: FactsApp) -> list[str]:
        keys = [key for group in groups for key in keys_of(GROUPS[group])] + key_bar_keys(app)
        return [key for key in keys if key not in skip]

    idle = await walk(make_app(), starting_at(*opening), listed, FIRST if where == "explorer" else None)
    assert not idle, f"in the {where}, these listed keys do nothing: {idle}"


async def test_every_key_the_help_lists_for_itself_closes_it(make_app) -> None:
    keys = GROUPS["group.help"][0].keys.split(",")  # each: the help's own binding, not the keymap's
    idle = await walk(make_app(), starting_at("question_mark"), lambda app: keys)
    assert not idle


async def test_while_typing_the_key_bar_lists_no_key_that_would_type_a_character(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for opening in (("slash",), ("s",)):
            await explorer_start(pilot)
            await pilot.press(*opening)
            await settle(pilot)
            assert isinstance(app.focused, Input)
            keys = key_bar_keys(app)
            assert keys and all(len(key) > 1 and key not in ("slash", "question_mark") for key in keys), keys


async def test_x_is_in_the_key_bar_only_while_problems_are_shown(make_app, facts) -> None:
    app = make_app()
    hide = f"x {msg('cmd.dismiss_problems', app.lang)}"

    def key_bar_text() -> str:
        return squeeze(visible_text(app, app.screen.query_one(KeyBar)))

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert hide not in key_bar_text()
        await app.main.show_problems(broken_file_error())
        await settle(pilot)
        assert hide in key_bar_text()
        app.main.use_facts(loads(facts.path.read_text(encoding="utf-8"), str(facts.path)))  # a fixed save
        await settle(pilot)
        assert hide not in key_bar_text()  # actual: still there, and x did nothing


async def test_a_key_pressed_while_the_app_quits_runs_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("q", "e", "slash", "t"):  # typed at once: all queued before q is handled
            app.post_message(_key(key))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and len(app.screen_stack) == 1
    assert app.return_code == 0  # actual: 1, a NoMatches traceback from the export dialog


def _key(key: str):
    from textual import events

    return events.Key(key, key if len(key) == 1 else None)


async def test_views_are_walked_from_a_view(make_app) -> None:
    """The walk's starting points open what they say (else the walk proves nothing)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await starting_at("t")(pilot)
        assert isinstance(app.screen, TimelineScreen)
        await starting_at("R")(pilot)
        assert isinstance(app.screen, RelationsScreen)
        await explorer_start(pilot)
        assert isinstance(app.focused, EntityList) and app.main.detail.entity.id == LANDED
