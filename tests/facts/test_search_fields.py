"""What search finds is read from the field table: every field that carries text or a value people
type is found, at the tier the table gives it, and no other field is.

Each case plants a value in one field of an otherwise minimal entity of each kind and looks at
what the index holds for it (`_fields`: which tier) and what a search for it returns (the entity,
with the field it matched in).
"""

from __future__ import annotations

import datetime as dt
import typing

import msgspec
import pytest

from tui.facts import FactBase
from tui.facts.fields import KINDS, Field, FieldType, field_rows
from tui.facts.messages import msg
from tui.facts.model import TYPE_BY_KIND, Entity, FactFile, FileMeta, Language
from tui.facts.search import Rank, SearchIndex, hit_label
from tui.facts.search.fields import NAMES, PLACES, TEXT, TIER_OF, VALUES, _fields

NOT_SEARCHED: frozenset[str] = frozenset(
    {"kind", "choice", "url", "ref", "refs", "count", "precision", "time"}
)
"""Types with nothing of their own to find: a choice from a fixed list, a url, a reference (the
entity it names is found by its own name), a count, a date's precision or time of day."""

AMOUNT = {"amount": 987654321, "currency": "KRW"}
PLANTED: dict[str, tuple[object, dict[str, int | None]]] = {
    # type: (value planted, {query: the tier it is found at; None: the field's own tier})
    "id": ("zqxwv-1", {"zqxwv-1": None}),
    "text": ("Zqxwv Writer", {"zqxwv writer": None}),
    "texts": (["Zqxwv alias"], {"zqxwv alias": None}),
    "tags": (["zqxwv"], {"zqxwv": None}),
    "bilingual": ({"ko": "즈크브", "en": "Zqxwv"}, {"즈크브": None, "zqxwv": None}),
    "prose": ({"ko": "즈크브 요약", "en": "About zqxwv"}, {"즈크브": None, "zqxwv": None}),
    "bilingual_list": ([{"en": "Zqxwv goal"}], {"zqxwv goal": None}),
    "money": (AMOUNT, {"987654321": None, "9억": None}),
    "date": (dt.date(1901, 2, 3), {"1901-02-03": None}),
    "year": (1893, {"1893": None}),
    "period": ({"start": 1871, "end": 1874}, {"1871–1874": None, "1872": None}),
    "quantity": (
        {"value": 4242, "unit": "zq", "label": {"en": "Zqxwv size"}},
        {"4,242 zq": None, "zqxwv": TEXT},
    ),
    "quantities": (
        [{"value": 4242, "unit": "zq", "label": {"en": "Zqxwv"}}],
        {"4,242 zq": None, "zqxwv": TEXT},
    ),
    "valuation": ({"money": AMOUNT, "as_of": 1893}, {"987654321": None, "1893": None}),
    "roles": ([{"organization": "other", "title": {"en": "Zqxwv chief"}}], {"zqxwv chief": None}),
    "commitments": ([{"party": "other", "text": {"en": "Zqxwv pledge"}}], {"zqxwv pledge": None}),
    "investments": (
        [
            {
                "by": "other",
                "money": AMOUNT,
                "due": dt.date(1901, 2, 3),
                "place": {"en": "Zqxwvtown"},
                "purpose": {"en": "Zqxwv plant"},
            }
        ],
        {"987654321": VALUES, "1901-02-03": VALUES, "zqxwvtown": PLACES, "zqxwv plant": TEXT},
    ),
    "quote": (
        {"text": "Zqxwv said", "speaker_note": {"en": "Qwvzx official"}},
        {"zqxwv said": None, "qwvzx": None},
    ),
    "provenance": ([{"source": "src", "paragraph": 1, "quote": "Zqxwv words"}], {"zqxwv words": None}),
    # Nothing to find: planted only to show that nothing changes.
    "url": ("https://zqxwv.example/", {}),
    "ref": ("zqxwv-ref", {}),
    "refs": (["zqxwv-ref"], {}),
    "count": (4242, {}),
    "precision": ("year", {}),
    "time": (dt.time(3, 4), {}),
}
"""A value for a field of each type, with the queries that must find it."""

BASE: dict[str, dict] = {
    "organization": {"kind": "company", "name": {"en": "Base"}, "provenance": [{"source": "src"}]},
    "agreement": {"name": {"en": "Base"}, "parties": ["other"], "provenance": [{"source": "src"}]},
    "project": {"name": {"en": "Base"}, "provenance": [{"source": "src"}]},
    "person": {"name": {"en": "Base"}, "provenance": [{"source": "src"}]},
    "event": {"kind": "meeting", "name": {"en": "Base"}, "provenance": [{"source": "src"}]},
    "source": {"outlet": {"en": "Outlet"}, "title": {"en": "Base"}, "published": dt.date(2000, 1, 1)},
}
"""A minimal entity of each kind: nothing in it looks like a planted value."""

CASES = [(kind, field) for kind, table in KINDS.items() for field in table.fields]


def entity(of: str, **values: object) -> Entity:
    data = {"id": "base", **BASE[of], **values}
    return msgspec.convert(data, TYPE_BY_KIND[of], builtin_types=(dt.date, dt.time))


def queries(field: Field) -> dict[str, int | None]:
    return PLANTED[field.type][1] if field.type in PLANTED else {}


def planted(kind: str, field: Field) -> Entity:
    if field.type in ("kind", "choice"):  # another value than the base's, from the model's Literal
        value = next(c for c in KINDS[kind].choices(field.key) if c != BASE[kind].get(field.key, "ko"))
    else:
        value = PLANTED[field.type][0]
    return entity(kind, **{field.key: value})


def test_every_field_type_is_either_searched_or_not() -> None:
    types = set(typing.get_args(FieldType))
    assert types == (set(PLANTED) | {"kind", "choice"}), "a new field type needs a planted value here"
    assert NOT_SEARCHED <= types


@pytest.mark.parametrize(("kind", "field"), CASES, ids=[f"{k}.{f.key}" for k, f in CASES])
def test_a_field_is_searched_if_and_only_if_it_carries_text(kind: str, field: Field) -> None:
    assert bool(field.search) == (field.type not in NOT_SEARCHED), f"{kind}.{field.key}: a {field.type}"


@pytest.mark.parametrize(("kind", "field"), CASES, ids=[f"{k}.{f.key}" for k, f in CASES])
def test_a_planted_value_is_found_at_its_tier_and_nothing_else_is(kind: str, field: Field) -> None:
    before = _fields(entity(kind))
    target = planted(kind, field)
    after = _fields(target)
    if not field.search:
        assert after == before, (
            f"{kind}.{field.key} ({field.type}) is not searched, yet its value is in the index"
        )
        return
    added = [(name, tier, value) for name, tier, values in after for value in values]
    added = [entry for entry in added if entry not in [(n, t, v) for n, t, vs in before for v in vs]]
    assert added, f"{kind}.{field.key}: nothing of it is searchable"
    for query, tier in queries(field).items():
        tier = TIER_OF[field.search] if tier is None else tier
        at = {t for _name, t, value in added if query.casefold() in value.casefold()}
        if field.type == "period" and query == "1872":  # a year inside a period: found, no text of its own
            at = {TIER_OF[field.search]}
        assert at == {tier}, f"{kind}.{field.key}: {query!r} is at tiers {at}, not {tier}"


@pytest.mark.parametrize(("kind", "field"), CASES, ids=[f"{k}.{f.key}" for k, f in CASES])
def test_search_finds_the_entity_by_the_planted_value(kind: str, field: Field) -> None:
    target = planted(kind, field)
    other = entity("organization", id="other", name={"en": "Other"})
    facts = FactBase(FactFile(meta=FileMeta(title="t"), **{TYPE_BY_KIND[kind].TABLE: (target,)}))
    if kind != "organization":
        facts = FactBase(
            FactFile(
                meta=FileMeta(title="t"), organizations=(other,), **{TYPE_BY_KIND[kind].TABLE: (target,)}
            )
        )
    index = SearchIndex.build(facts)
    for query in queries(field):
        hit = index.hit(target.id, query)
        assert hit is not None, f"{kind}.{field.key}: {query!r} does not find it"
        # A hit names the field its value is in, and says it as the detail pane labels it (a
        # date's note within the date); a provenance quote is a citation, not someone's remark.
        assert hit.field.split(".")[0] == field.key, (kind, field, hit)
        for lang in typing.get_args(Language):
            rows = {row.field.key: row.label for row in field_rows(facts, target, lang)}
            shown = (
                msg("hit.citation", lang) if field.type == "provenance" else rows[field.part_of or field.key]
            )
            assert hit_label(hit, lang) == shown, (kind, field, hit, lang)
        if field.search == "names":
            assert hit.rank <= Rank.PREFIX


def test_a_summary_is_shown_before_a_quote_that_matches_as_well() -> None:
    """Within a tier, fields are looked at in the table's order: the entity's own summary comes
    before the quotes of its provenance (the table's last field), so a hit shows what the entity
    is rather than a citation, when both match equally."""
    both = entity(
        "organization",
        summary={"en": "A maker of zqxwv parts"},
        provenance=[{"source": "src", "paragraph": 1, "quote": "it makes zqxwv parts"}],
    )
    index = SearchIndex.build(FactBase(FactFile(meta=FileMeta(title="t"), organizations=(both,))))
    hit = index.hit("base", "zqxwv")
    assert hit is not None and (hit.field, hit.text) == ("summary.en", "A maker of zqxwv parts")
    quote_only = index.hit("base", "it makes")
    assert quote_only is not None and quote_only.field == "provenance"


def test_names_outrank_values_outrank_places_outrank_text() -> None:
    """The same word in different fields of different entities: the tier decides the order."""
    word = {"en": "Zqxwv"}
    entities = (
        entity("organization", id="by-text", summary=word),
        entity("organization", id="by-place", location=word),
        entity("organization", id="by-tag", tags=["zqxwv"]),
        entity("organization", id="by-name", name=word),
    )
    index = SearchIndex.build(FactBase(FactFile(meta=FileMeta(title="t"), organizations=entities)))
    assert index.ranked_ids("zqxwv") == ["by-name", "by-tag", "by-place", "by-text"]
    assert [TIER_OF[s] for s in ("names", "places", "text")] == [NAMES, PLACES, TEXT]
