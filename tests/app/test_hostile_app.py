"""The explorer on hostile fact files (tests/fixtures/hostile/): text is shown as written and safely.

Markup-like names are shown literally in the list, the detail pane, the breadcrumb and the
header, and clicking them runs nothing; no terminal control or bidi character from a file is
ever on screen; an entity whose rendering fails shows an error in the detail pane and leaves the
explorer usable. Known product bugs are `xfail(strict=True)` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from screen_text import (
    assert_showing,
    click_every,
    link_area_start,
    settle,
    shown,
    squeeze,
    visible_lines,
    visible_text,
)

import tui.ui.widgets.detail
from tui.facts import ENTITY_KINDS, Entity, FactBase, load, loads
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.widgets.breadcrumb import Breadcrumb
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
MINIMAL = HOSTILE.parent / "minimal.toml"
SIZE = (120, 40)

UNSAFE = frozenset(
    [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
)
"""C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates."""
CHARACTER_REFERENCE = re.compile(r"&#(x?)([0-9a-fA-F]+);")
ZWJ = "\u200d"
LOADABLE = ("markup.toml", "escapes.toml", "bidi.toml", "nfd.toml", "zero_width.toml")


def explorer(facts: FactBase) -> FactsApp:
    return FactsApp(facts, facts.meta.language, watch=False)


def assert_screen_is_safe(app: FactsApp) -> None:
    """Nothing on screen is a control or bidi character.

    Read from the SVG screenshot the screen helpers use, text and markup alike: a character
    Textual passed through would be in it, raw or as an entity."""
    svg = app.export_screenshot()
    references = {chr(int(n, 16 if x else 10)) for x, n in CHARACTER_REFERENCE.findall(svg)}
    on_screen = {char for char in {*svg, *references} if char in UNSAFE}
    assert not on_screen, [f"U+{ord(c):04X}" for c in sorted(on_screen)]


def every_entity(facts: FactBase) -> Iterator[Entity]:
    for kind in ENTITY_KINDS:
        yield from facts.of_kind(kind)


# -- markup ------------------------------------------------------------------------------------------


async def test_markup_is_shown_literally_and_clicking_it_runs_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    facts = load(HOSTILE / "markup.toml")
    app = explorer(facts)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, *args, **kwargs: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert visible_lines(app)[0].count("[bold]Markup[/bold] [/bold] [@click=app.quit]quit[/]") == 1

        entity_list = app.screen.query_one(EntityList)
        rows = [row.strip() for row in visible_lines(app, entity_list)]
        assert rows[0].startswith("[@click=app.quit]악당 회사[/] [KRW]")
        assert rows[1].startswith("[link=https://example.com]링크[/link]")

        evil = facts["evil"]
        await assert_showing(pilot, evil)
        detail = app.screen.query_one(DetailPane)
        text = squeeze(visible_text(app, detail))
        for literal in (
            "[@click=app.quit] Evil [/bold] Corp [KRW]",
            "[/bold], [link=https://example.com]x[/link], [KRW], [@click=app.quit]",
            "[reverse]서울[/] [KRW]",
            "#[b]tag[/b], #[@click=app.quit]",
            "[/bold] quoted [@click=app.quit] [KRW]",
            "[bold]김[/bold] [KRW] (ceo)",
        ):
            assert literal in text, f"{literal!r} is not shown as written:\n{text}"
        breadcrumb = app.screen.query_one(Breadcrumb)
        assert "[@click=app.quit]악당 회사[/] [KRW]" in visible_text(app, breadcrumb)

        # Click every [@click=app.quit] and every [link=...] on screen: nothing quits, nothing opens.
        links_at = link_area_start(visible_lines(app, detail))
        body = slice(0, links_at)  # the entity's text, above its links
        assert await click_every(pilot, "[@click=app.quit]", within=detail, lines=body) >= 3
        assert await click_every(pilot, "[link=https://example.com]x[/link]", within=detail, lines=body) == 2
        assert await click_every(pilot, "[@click=app.quit]", within=breadcrumb) == 1
        assert await click_every(pilot, "[@click=app.quit]", within=entity_list) >= 1
        await assert_showing(pilot, evil)
        # In the links a click follows the link (to `talk`), as for any other name.
        links = slice(links_at, None)
        assert await click_every(pilot, "[@click=app.quit]발언[/]", within=detail, lines=links) == 1
        await assert_showing(pilot, facts["talk"])
        assert app.is_running and app.return_code is None
        assert opened == []
        assert_screen_is_safe(app)

        # The project, whose name ends in [KRW], in its own section.
        await pilot.press("3")
        await assert_showing(pilot, facts["plan"])
        assert "[@click=app.quit]계획[/] [KRW]" in visible_lines(app, entity_list)[0]
        assert "[KRW] goal" not in squeeze(visible_text(app, detail))  # Korean first: the goal is Korean
        assert "[@click=app.quit] 목표" in squeeze(visible_text(app, detail))
        await pilot.press("l")  # English names everywhere
        await assert_showing(pilot, facts["plan"])
        assert "[bold]Plan[/bold] [KRW]" in visible_lines(app, entity_list)[0]
        assert app.is_running


@pytest.mark.parametrize("name", LOADABLE)
async def test_every_entity_of_a_hostile_file_is_shown_safely(name: str) -> None:
    """Each entity, in both languages: its name as the detail pane's title, and nothing unsafe on screen."""
    facts = load(HOSTILE / name)
    app = explorer(facts)
    async with app.run_test(size=SIZE) as pilot:
        for lang in ("ko", "en"):
            if app.lang != lang:
                await pilot.press("l")
            for entity in every_entity(facts):
                app.open_entity(entity.id)
                await settle(pilot)
                assert shown(app) is entity
                detail = squeeze(visible_text(app, app.screen.query_one(DetailPane)))
                assert f"{msg('field.id', app.lang)} {entity.id}" in detail
                label = entity.label(app.lang)
                if ZWJ not in label:  # see test_a_zero_width_joiner_does_not_hide_the_next_character
                    # Zero-width characters take no cell: the screen has the rest of the name.
                    title = squeeze("".join(c for c in label if cell_len(c)))
                    assert detail.startswith(title), (title, detail[:200])
                assert_screen_is_safe(app)
        assert app.is_running


async def test_escapes_are_shown_as_their_printable_rest() -> None:
    facts = load(HOSTILE / "escapes.toml")
    app = explorer(facts)
    async with app.run_test(size=SIZE) as pilot:
        await assert_showing(pilot, facts["evil"])
        screen = squeeze(visible_text(app))
        assert "지우기화면 [@click=app.quit]" in screen
        assert "osc52end, osc8link, titleend, csired" in screen
        assert "title [bold]change[/bold]" in visible_lines(app)[0]
        assert_screen_is_safe(app)


async def test_the_screen_check_would_see_an_escape() -> None:
    """Textual draws ESC, C1 and bidi characters as they are: only the loader keeps them off screen."""
    app = explorer(load(HOSTILE / "markup.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.title = "title\x1b[2J\x9b\u202e"
        await settle(pilot)
        with pytest.raises(AssertionError, match=r"'U\+001B', 'U\+009B', 'U\+202E'"):
            assert_screen_is_safe(app)


async def test_escapes_in_the_file_name_do_not_reach_the_screen(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;pwned\x1b\\\x1b[2J.toml"
    path.write_bytes((HOSTILE / "markup.toml").read_bytes())
    app = explorer(load(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "evil" in visible_lines(app)[0]
        assert_screen_is_safe(app)


# -- an entity that cannot be rendered ---------------------------------------------------------------


async def test_an_entity_whose_rendering_fails_shows_an_error_and_the_app_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    facts = load(HOSTILE / "markup.toml")
    real_entity_page = tui.ui.widgets.detail.entity_page

    def entity_page(fact_base, entity, lang="ko", **options):
        if entity.id == "evil":
            raise RuntimeError("cannot render [@click=app.quit] [/bold]")
        return real_entity_page(fact_base, entity, lang, **options)

    monkeypatch.setattr(tui.ui.widgets.detail, "entity_page", entity_page)
    app = explorer(facts)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(DetailPane)
        assert shown(app) is facts["evil"]
        text = squeeze(visible_text(app, detail))
        error = "RuntimeError: cannot render [@click=app.quit] [/bold]"
        cannot_show = msg("detail.cannot_show", app.lang, id="evil", error=error)
        assert cannot_show in text
        assert not detail.link_targets

        await pilot.press("down")  # the next entity renders as usual, links and all
        await assert_showing(pilot, facts["other"])
        assert detail.link_targets
        assert cannot_show not in squeeze(visible_text(app, detail))

        await pilot.press("up")  # and back: the error again, nothing left over from `other`
        await settle(pilot)
        assert cannot_show in squeeze(visible_text(app, detail))
        assert not detail.link_targets

        await pilot.press("4")  # other sections still work
        await assert_showing(pilot, facts["ceo"])
        assert app.is_running and app.return_code is None


# -- product bugs ------------------------------------------------------------------------------------


async def test_the_largest_amount_toml_allows_is_shown_in_both_languages() -> None:
    """2**63 - 1 won: the search index (built at start-up), the list's subtitle and the detail pane."""
    largest = 2**63 - 1
    text = MINIMAL.read_text(encoding="utf-8").replace("amount = 288000000000", f"amount = {largest}")
    facts = loads(text)
    assert facts["plan"].budget is not None and facts["plan"].budget.amount == largest
    app = explorer(facts)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await assert_showing(pilot, facts["plan"])
        assert "조" in squeeze(visible_text(app, app.screen.query_one(DetailPane)))
        await pilot.press("l")
        await assert_showing(pilot, facts["plan"])
        assert "trillion" in visible_lines(app, app.screen.query_one(EntityList))[0]
        assert app.search_index is not None and app.is_running


async def test_a_zero_width_joiner_does_not_hide_the_next_character() -> None:
    facts = load(HOSTILE / "zero_width.toml")
    entity = facts["zw"]  # "Zero\u200bWidth\u200dCorp\u2060 [KRW]" in the file
    app = FactsApp(facts, "en", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown(app) is entity
        detail = visible_lines(app, app.screen.query_one(DetailPane))
        # Title, then two spaces and the kind: "ZeroWidthCorp [KRW]  Organization".
        assert detail[0].strip() == "ZeroWidthCorp [KRW]  Organization"
