"""What is searchable: every field of an entity, in tiers (names, tags, values, places, text)."""

from __future__ import annotations

import datetime as dt

from tui.facts.model import Agreement, Dated, Entity, Event, Money, Named, Organization, Project, Source
from tui.facts.money import format_date, format_money
from tui.facts.search.normalize import _clean
from tui.facts.text import period_text

# Field tiers, best first: which kind of field a match is in decides ties within a rank.
NAMES, TAGS, VALUES, PLACES, TEXT = range(5)
TIERS = (NAMES, TAGS, VALUES, PLACES, TEXT)
SHORT_TIERS = (NAMES, TAGS, VALUES, PLACES)
"""Tiers whose values can match EXACT or PREFIX."""


def _amount_texts(money: Money) -> list[str]:
    """`format_money` in both languages, plus the spellings people type: 760억원, KRW 76 billion, 76000000000."""
    ko, en = format_money(money, "ko"), format_money(money, "en")
    texts = [ko, ko.replace(" ", ""), en, en.replace(".0 ", " "), str(money.amount), f"{money.amount:,}"]
    return list(dict.fromkeys(texts))


def _year_text(year: int) -> str:
    return format_date(dt.date(year, 1, 1), "year")


def _fields(entity: Entity) -> list[tuple[str, int, list[str]]]:
    """Every searchable field of an entity as (field, tier, values), best field first within each tier."""
    fields: list[tuple[str, int, list[str]]] = [("id", NAMES, [entity.id])]
    if isinstance(entity, Named):
        fields += [
            ("name.ko", NAMES, [entity.name.ko]),
            ("name.en", NAMES, [entity.name.en]),
            ("aliases", NAMES, list(entity.aliases)),
        ]
    elif isinstance(entity, Source):
        fields += [("title.ko", NAMES, [entity.title.ko]), ("title.en", NAMES, [entity.title.en])]
    fields.append(("tags", TAGS, list(entity.tags)))

    amounts: list[str] = []
    dates: list[str] = []
    places: list[str] = []
    location: list[str] = []
    commitments: list[str] = []
    quotes: list[str] = []
    if isinstance(entity, Dated):
        if entity.date is not None:
            dates.append(format_date(entity.date, entity.date_precision))
        places += (entity.place.ko, entity.place.en)
    if isinstance(entity, Organization):
        if entity.valuation is not None:
            amounts += _amount_texts(entity.valuation.money)
            dates.append(_year_text(entity.valuation.as_of))
        if entity.founded is not None:
            dates.append(_year_text(entity.founded))
        location += (entity.location.ko, entity.location.en)
    elif isinstance(entity, Project):
        if entity.budget is not None:
            amounts += _amount_texts(entity.budget)
        if entity.period is not None:
            dates.append(period_text(entity))
        location += (entity.location.ko, entity.location.en)
    elif isinstance(entity, Agreement):
        for investment in entity.investments:
            amounts += _amount_texts(investment.money)
            if investment.due is not None:
                dates.append(format_date(investment.due, investment.due_precision))
            places += (investment.place.ko, investment.place.en)
        for commitment in entity.commitments:
            commitments += (commitment.text.ko, commitment.text.en)
    elif isinstance(entity, Event):
        if entity.quote is not None:
            quotes.append(entity.quote.text)
    elif isinstance(entity, Source):
        dates.append(format_date(entity.published))
    if isinstance(entity, Named):
        quotes += (p.quote for p in entity.provenance)
    fields += [("amount", VALUES, amounts), ("date", VALUES, dates)]
    if isinstance(entity, Source):
        fields += [
            ("outlet", PLACES, [entity.outlet.ko, entity.outlet.en]),
            ("author", PLACES, [entity.author]),
        ]
    fields += [
        ("place", PLACES, places),
        ("location", PLACES, location),
        ("commitments", TEXT, commitments),
        ("quote", TEXT, quotes),
        ("summary.ko", TEXT, [entity.summary.ko]),
        ("summary.en", TEXT, [entity.summary.en]),
    ]
    out = []
    for name, tier, values in fields:
        kept = [c for c in map(_clean, values) if c]
        if kept:
            out.append((name, tier, kept))
    return out


MAX_PERIOD_YEARS = 200
"""Longer periods are found by their start and end years only."""


def _period_years(entity: Entity) -> range:
    """The years strictly inside a project's period (2024–2027 for 2023–2028)."""
    if isinstance(entity, Project) and entity.period is not None and entity.period.end is not None:
        if entity.period.end - entity.period.start <= MAX_PERIOD_YEARS:
            return range(entity.period.start + 1, entity.period.end)
    return range(0)
