"""The bundled file to FollowTheMoney and back: the same entities, names, links, amounts and dates,
and nothing else lost than what docs/ftm.md says FtM cannot carry."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from msgspec.structs import replace

from tui.facts import FactBase, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.export import fact_file
from tui.facts.export.toml import to_toml
from tui.facts.load import loads
from tui.facts.model import Agreement, Bilingual, Entity, Event, Organization, Project, Source

pytest.importorskip("followthemoney", reason="the ftm extra: pip install 'facts-tui[ftm]'")

from tui.facts.ftm.export import write_ftm
from tui.facts.ftm.importer import read_ftm

IMPORTED_ON = dt.date(2030, 1, 2)


@pytest.fixture(scope="module")
def bundled() -> FactBase:
    return load(bundled_fact_file(), cache=False)


@pytest.fixture(scope="module")
def back(bundled: FactBase) -> FactBase:
    out = io.StringIO()
    write_ftm(bundled, out)
    facts, report = read_ftm(out.getvalue().encode(), "bundled.ftm.json", IMPORTED_ON)
    assert not report.unmapped and not report.not_carried, report
    assert not report.synthetic_source, "every bundled entity is documented by the article"
    return facts


def what_ftm_carries(entity: Entity, published: dict[str, dt.date]) -> Entity:
    """The entity as FtM carries it: exactly the losses docs/ftm.md lists, no more."""
    if isinstance(entity, Source):
        return replace(entity, published_time=None)  # FtM dates are UTC; the time is the outlet's
    if isinstance(entity, Organization) and entity.valuation:
        # A Company's amount has no date: the year comes from its first source.
        year = published[entity.provenance[0].source].year
        return replace(entity, valuation=replace(entity.valuation, as_of=year))
    if isinstance(entity, (Agreement, Event)):
        if entity.date is None:
            entity = replace(
                entity,
                date_note=Bilingual(
                    ko="날짜 없음 (FollowTheMoney 데이터에 날짜가 없음)",
                    en="No date (the FollowTheMoney data gives none)",
                ),
            )
        else:
            entity = replace(entity, date_note=Bilingual())
    if isinstance(entity, Agreement):
        # A date kept at month or year precision comes back on the period's first day.
        return replace(
            entity,
            investments=tuple(
                replace(i, due=_first_day(i.due, i.due_precision), place=Bilingual())
                for i in entity.investments
            ),
        )
    if isinstance(entity, Project):
        return replace(entity, kind="program", area=None, figures=())
    if isinstance(entity, Event):
        return replace(entity, kind="other", quote=None)
    return entity


def _first_day(date: dt.date | None, precision: str) -> dt.date | None:
    if date is None or precision == "day":
        return date
    return date.replace(day=1) if precision == "month" else date.replace(month=1, day=1)


def test_round_trip_keeps_everything_but_what_ftm_cannot_carry(bundled: FactBase, back: FactBase) -> None:
    published = {s.id: s.published for s in bundled.of_kind("source")}
    expected = [what_ftm_carries(e, published) for e in bundled]
    assert [e.id for e in back] == [e.id for e in bundled]
    for want, got in zip(expected, back, strict=True):
        assert got == want, want.id


def test_round_trip_keeps_names_links_amounts_and_dates(bundled: FactBase, back: FactBase) -> None:
    for before in bundled:
        after = back.get(before.id)
        assert after is not None and after.KIND == before.KIND
        assert after.label("ko") == before.label("ko") and after.label("en") == before.label("en")
        # A quote is not carried (docs/ftm.md), and with it the link to its speaker.
        links = [r for r in before.references() if r.role != "speaker"]
        assert list(after.references()) == links, before.id
        for field in ("date", "date_precision", "budget", "period", "founded", "parties"):
            assert getattr(after, field, None) == getattr(before, field, None), (before.id, field)
        if isinstance(before, Agreement):
            assert [i.money for i in after.investments] == [i.money for i in before.investments]


def test_what_is_lost_is_named(bundled: FactBase, back: FactBase) -> None:
    """The losses the docs name do occur on the bundled file (the pin is not vacuous)."""
    lvis, plant = back.get("lvis"), back.get("core-automotive-plant")
    assert isinstance(lvis, Organization) and lvis.valuation and lvis.valuation.as_of == 2023
    assert isinstance(plant, Project) and plant.kind == "program" and not plant.figures
    deal = back.get("mou-core-automotive")
    assert isinstance(deal, Agreement) and deal.investments[0].due == dt.date(2024, 9, 1)


def test_the_import_passes_check_as_a_toml_file(back: FactBase) -> None:
    text = to_toml(fact_file(back))
    again = loads(text, "imported.toml")
    assert fact_file(again) == fact_file(back)


def test_toml_writer_writes_the_bundled_file_back_whole(bundled: FactBase) -> None:
    assert fact_file(loads(to_toml(fact_file(bundled)))) == fact_file(bundled)
