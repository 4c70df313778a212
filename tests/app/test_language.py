"""Korean and English (l, or --lang): names, section titles, the header and amounts switch together."""

from __future__ import annotations

from pathlib import Path

from screen_text import assert_showing, squeeze, visible_lines, visible_text

from tui.facts import ENTITY_KINDS, load
from tui.facts.messages import msg
from tui.ui.app import FactsApp
from tui.ui.widgets.bars import TitleBar
from tui.ui.widgets.breadcrumb import Breadcrumb
from tui.ui.widgets.detail import DetailPane
from tui.ui.widgets.entity_list import EntityList
from tui.ui.widgets.section_bar import SectionBar

SIZE = (120, 40)


def list_rows(app) -> list[str]:
    return [row.strip() for row in visible_lines(app, app.screen.query_one(EntityList)) if row.strip()]


def text_of(app, widget_type) -> str:
    return squeeze(visible_text(app, app.screen.query_one(widget_type)))


SECTION_NAMES = {
    "ko": ("기관", "협약", "사업", "인물", "사건", "출처"),
    "en": ("Organizations", "Agreements", "Projects", "People", "Events", "Sources"),
}


def sections(facts, lang: str) -> str:
    """The section bar as it reads in `lang` (wide enough for every label and count)."""
    names = zip(ENTITY_KINDS, SECTION_NAMES[lang], strict=True)
    return " ".join(f"{n} {name} {len(facts.of_kind(kind))}" for n, (kind, name) in enumerate(names, start=1))


async def test_l_switches_names_sections_header_and_amounts_and_back(make_app, facts) -> None:
    app = make_app()
    lvis = facts["lvis"]
    async with app.run_test(size=(240, 30)) as pilot:  # wide: the agreements' amounts fit in the list
        await pilot.press("j")
        await assert_showing(pilot, lvis)
        assert list_rows(app)[1].startswith("엘비스  기업")  # its kind in Korean too
        assert text_of(app, SectionBar) == sections(facts, "ko")
        assert text_of(app, TitleBar).endswith(f"facts.toml · {msg('entities', 'ko', n=len(facts))}")
        assert text_of(app, Breadcrumb) == msg("trail", "ko") + "엘비스"

        await pilot.press("l")
        assert app.lang == "en"
        rows = list_rows(app)
        assert rows[0].startswith("Daegu Metropolitan City  city government")
        assert rows[1].startswith("LVIS  company · Silicon Valley")
        assert not any("엘비스" in row for row in rows)
        await assert_showing(pilot, lvis)  # the title in English
        assert squeeze(visible_text(app, app.screen.query_one(DetailPane))).startswith("LVIS Organization")
        assert text_of(app, SectionBar) == sections(facts, "en")
        assert text_of(app, TitleBar).endswith(f"facts.toml · {len(facts)} entities")
        assert text_of(app, Breadcrumb) == msg("trail", "en") + "LVIS"

        # Amounts follow: the Core Automotive MOU's investment in the list's subtitle.
        await pilot.press("2")
        row = next(r for r in list_rows(app) if r.startswith("MOU between Daegu and Core Automotive  MOU"))
        assert row.endswith(" · Recently (the article gives no date) · KRW 76.0 billion")

        await pilot.press("l")
        assert app.lang == "ko"
        row = next(r for r in list_rows(app) if r.startswith("대구시-㈜코아오토모티브 업무 협약  업무 협약"))
        assert row.endswith(" · 최근 (기사에 날짜 없음) · 760억 원")
        assert not any("KRW" in row or "Daegu" in row for row in list_rows(app))
        await assert_showing(pilot, facts.of_kind("agreement")[0])
        assert text_of(app, SectionBar) == sections(facts, "ko")
        assert text_of(app, TitleBar).endswith(f"facts.toml · {msg('entities', 'ko', n=len(facts))}")
        assert (
            text_of(app, Breadcrumb)
            == f"{msg('trail', 'ko')}엘비스 › {facts.of_kind('agreement')[0].label('ko')}"
        )


async def test_lang_en_starts_in_english(facts) -> None:
    app = FactsApp(facts, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await assert_showing(pilot, facts.of_kind("organization")[0])
        rows = list_rows(app)
        assert rows[0].startswith("Daegu Metropolitan City  city government")
        assert rows[1].startswith("LVIS  company")
        assert text_of(app, SectionBar) == sections(facts, "en")
        assert text_of(app, TitleBar).endswith(f"{len(facts)} entities")
        await pilot.press("l")
        assert list_rows(app)[0].startswith("대구시  시 정부")
        assert text_of(app, SectionBar) == sections(facts, "ko")


ONE_LANGUAGE_NAMES = """\
[meta]
title = "One language each"

[[sources]]
id = "src"
outlet = { ko = "동아일보" }
title = { ko = "기사" }
published = 2023-03-07
paragraphs = 1

[[organizations]]
id = "hangul-only"
kind = "company"
name = { ko = "한글만회사" }
provenance = [{ source = "src", paragraph = 1 }]

[[organizations]]
id = "english-only"
kind = "company"
name = { en = "English Only Inc" }
provenance = [{ source = "src", paragraph = 1 }]
"""


async def test_a_name_missing_in_one_language_falls_back_to_the_other(tmp_path: Path) -> None:
    path = tmp_path / "one-language.toml"
    path.write_text(ONE_LANGUAGE_NAMES, encoding="utf-8")
    facts = load(path)
    app = FactsApp(facts, lang="en", watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await assert_showing(pilot, facts["hangul-only"])  # in English, under its Korean name
        names = ["한글만회사", "English Only Inc"]
        assert [row.split("  ")[0] for row in list_rows(app)] == names
        await pilot.press("j")
        await assert_showing(pilot, facts["english-only"])
        assert text_of(app, Breadcrumb) == msg("trail", "en") + "English Only Inc"
        await pilot.press("l")
        assert app.lang == "ko"
        assert [row.split("  ")[0] for row in list_rows(app)] == names
        await assert_showing(pilot, facts["english-only"])  # in Korean, under its English name
        assert text_of(app, Breadcrumb) == msg("trail", "ko") + "English Only Inc"
        await pilot.press("k")
        await assert_showing(pilot, facts["hangul-only"])
