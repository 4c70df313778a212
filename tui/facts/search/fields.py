"""What is searchable, in tiers (names, tags, values, places, text): read from the field table.

`tui.facts.fields.KINDS` says which fields of each kind search finds and at which tier
(`Field.search`); this module says only how a value of each field type reads as text — as the
rest of the program prints it, plus the spellings people type (`760억원`, `76 billion`) — and
under which name a hit reports it (`Hit.field`). A field added to the table with a tier is
searched without a line here, unless its type is new.

Names a hit reports (`Hit.field`): the key of the field the value is in, as the detail pane
shows it — a project's budget is "budget", an organization's founding year "founded", an
investment's amount, due date, place and purpose all "investments"; `key.ko` / `key.en` for a
name, a title and the summary (so a hit says which language matched); a date note is
"date_note" (shown within its date); the quotes of an entity's provenance entries are
"provenance", a citation's words, never "quote", which is what someone said at an event.
`hit_label` says each in words, as the detail pane labels it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import attrgetter

from tui.facts.fields import KINDS, Field, SearchTier
from tui.facts.messages import msg
from tui.facts.model import Entity, Language, Money, Period, Quantity
from tui.facts.money import format_date, format_money
from tui.facts.search.normalize import _clean
from tui.facts.search.results import Hit
from tui.facts.text import field_label, quantity_text

# Field tiers, best first: which kind of field a match is in decides ties within a rank.
NAMES, TAGS, VALUES, PLACES, TEXT = range(5)
TIERS = (NAMES, TAGS, VALUES, PLACES, TEXT)
SHORT_TIERS = (NAMES, TAGS, VALUES, PLACES)
"""Tiers whose values can match EXACT or PREFIX."""
TIER_OF: dict[SearchTier, int] = {
    "names": NAMES,
    "tags": TAGS,
    "values": VALUES,
    "places": PLACES,
    "text": TEXT,
}
"""A field table tier (`Field.search`) as the index's tier number."""


def _amount_texts(money: Money) -> list[str]:
    """`format_money` in both languages, plus the spellings people type: 760억원, KRW 76 billion, 76000000000."""
    ko, en = format_money(money, "ko"), format_money(money, "en")
    texts = [ko, ko.replace(" ", ""), en, en.replace(".0 ", " "), str(money.amount), f"{money.amount:,}"]
    return list(dict.fromkeys(texts))


def _year_text(year: int) -> str:
    return format_date(dt.date(year, 1, 1), "year")


def _period_text(period: Period) -> str:
    """'2023–2028', or '2023–' when open-ended (as `tui.facts.text.period_text`)."""
    return f"{period.start}–{period.end}" if period.end is not None else f"{period.start}–"


def _measure_text(quantity: Quantity) -> str:
    """'330,000 m²': a quantity as `quantity_text` shows it, without its label (a label is text)."""
    return quantity_text(Quantity(value=quantity.value, unit=quantity.unit))


Texts = Callable[[Entity], list[str]]
"""The texts of one part of a field of an entity, as displayed (cleaned later)."""
Part = tuple[str, int, Texts]
"""One searchable part of a field: the name a hit reports, its tier, its texts."""


def _parts(field: Field) -> list[Part]:
    """How a searched field reads as text: one part, or several (both languages of a name; an
    investment's amount, due date, place and purpose, each at the tier of what it is)."""
    key, tier, get = field.key, TIER_OF[field.search], attrgetter(field.key)
    match field.type:
        case "id" | "text":
            return [(key, tier, lambda e: [get(e)])]
        case "texts" | "tags":
            return [(key, tier, lambda e: list(get(e)))]
        case "bilingual" if tier != NAMES:
            return [(key, tier, lambda e: [(v := get(e)).ko, v.en])]
        case "bilingual" | "prose":
            return [(f"{key}.ko", tier, lambda e: [get(e).ko]), (f"{key}.en", tier, lambda e: [get(e).en])]
        case "bilingual_list":
            return [(key, tier, lambda e: [text for v in get(e) for text in (v.ko, v.en)])]
        case "money":
            return [(key, tier, lambda e: _amount_texts(v) if (v := get(e)) is not None else [])]
        case "date":
            if field.precision:
                precision = attrgetter(field.precision)
                return [(key, tier, lambda e: [format_date(v, precision(e))] if (v := get(e)) else [])]
            return [(key, tier, lambda e: [format_date(v)] if (v := get(e)) else [])]
        case "year":
            return [(key, tier, lambda e: [_year_text(v)] if (v := get(e)) else [])]
        case "period":
            return [(key, tier, lambda e: [_period_text(v)] if (v := get(e)) is not None else [])]
        case "quantity" | "quantities":
            many = field.type == "quantities"

            def quantities(e: Entity) -> tuple[Quantity, ...]:
                return get(e) if many else (v,) if (v := get(e)) is not None else ()

            return [
                (key, tier, lambda e: [_measure_text(q) for q in quantities(e)]),
                (key, TEXT, lambda e: [text for q in quantities(e) for text in (q.label.ko, q.label.en)]),
            ]
        case "valuation":
            return [
                (key, tier, lambda e: _amount_texts(v.money) if (v := get(e)) is not None else []),
                (key, tier, lambda e: [_year_text(v.as_of)] if (v := get(e)) is not None else []),
            ]
        case "investments":
            return [
                (key, tier, lambda e: [text for i in get(e) for text in _amount_texts(i.money)]),
                (key, tier, lambda e: [format_date(i.due, i.due_precision) for i in get(e) if i.due]),
                (key, PLACES, lambda e: [text for i in get(e) for text in (i.place.ko, i.place.en)]),
                (key, TEXT, lambda e: [text for i in get(e) for text in (i.purpose.ko, i.purpose.en)]),
            ]
        case "commitments":
            return [(key, tier, lambda e: [text for c in get(e) for text in (c.text.ko, c.text.en)])]
        case "roles":
            return [(key, tier, lambda e: [text for r in get(e) for text in (r.title.ko, r.title.en)])]
        case "quote":
            return [
                (
                    key,
                    tier,
                    lambda e: [(v := get(e)).text, v.speaker_note.ko, v.speaker_note.en] if get(e) else [],
                )
            ]
        case "provenance":
            return [(key, tier, lambda e: [p.quote for p in get(e)])]
    raise ValueError(f"{field.key}: search has no rule for a {field.type}")


def _plan(kind: str) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[int, Texts], ...]]:
    """A kind's searchable parts, worked out once: the (name, tier) slots in the order a hit is
    looked for (tier, then the table's order), and each part's slot and texts."""
    parts = [part for field in KINDS[kind].fields if field.search for part in _parts(field)]
    slots = sorted(dict.fromkeys((name, tier) for name, tier, _texts in parts), key=lambda slot: slot[1])
    index = {slot: n for n, slot in enumerate(slots)}
    return tuple(slots), tuple((index[name, tier], texts) for name, tier, texts in parts)


_PLANS = {kind: _plan(kind) for kind in KINDS}
_TIER_PLANS = {
    kind: tuple((slots[slot][1], texts_of) for slot, texts_of in sorted(parts, key=lambda part: part[0]))
    for kind, (slots, parts) in _PLANS.items()
}
"""Each kind's parts as (tier, texts) in the order of `_fields`: what the index build reads."""
_PERIODS = {
    kind: tuple(attrgetter(f.key) for f in table.fields if f.type == "period" and f.search)
    for kind, table in KINDS.items()
}


def _fields(entity: Entity) -> list[tuple[str, int, list[str]]]:
    """Every searchable field of an entity as (field, tier, values), best field first within each
    tier; empty values and fields left out."""
    slots, parts = _PLANS[entity.KIND]
    values: list[list[str]] = [[] for _ in slots]
    for slot, texts_of in parts:
        values[slot] += texts_of(entity)
    out = []
    for (name, tier), texts in zip(slots, values, strict=True):
        kept = [c for c in map(_clean, texts) if c]
        if kept:
            out.append((name, tier, kept))
    return out


def _tier_texts(entity: Entity) -> list[list[str]]:
    """The values of each tier, in the order `_fields` gives them: the index build's fast path
    (it needs no field names, and one pass over five lists is cheaper than one per field)."""
    tiers: list[list[str]] = [[], [], [], [], []]
    for tier, texts_of in _TIER_PLANS[entity.KIND]:
        tiers[tier] += texts_of(entity)
    return [[c for c in map(_clean, texts) if c] for texts in tiers]


def hit_label(hit: Hit, lang: Language) -> str:
    """Where a hit matched, in words: the detail pane's label of that field ('budget' → '예산',
    'name.ko' → '이름', a date note → its date's '날짜'), so a hit and the entity's page name a
    value alike; a provenance quote is a citation ('인용'), which the page shows under its sources."""
    key = hit.field.split(".")[0]
    if key == "provenance":
        return msg("hit.citation", lang)
    fields = {field.key: field for field in KINDS[hit.kind].fields}
    field = fields.get(key)
    if field is None:  # pragma: no cover - every name a hit reports is a field of its kind
        return field_label(key, lang)
    return fields[field.part_of].label(lang) if field.part_of else field.label(lang)


MAX_PERIOD_YEARS = 200
"""Longer periods are found by their start and end years only."""


def _period_years(entity: Entity) -> range:
    """The years strictly inside a period (2024–2027 for 2023–2028): a year found by the period."""
    for get in _PERIODS[entity.KIND]:
        period = get(entity)
        if period is not None and period.end is not None and period.end - period.start <= MAX_PERIOD_YEARS:
            return range(period.start + 1, period.end)
    return range(0)
