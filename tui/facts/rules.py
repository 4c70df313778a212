"""The rules every entity of a valid fact file keeps, and which of its fields name other entities:
each declared once, and read by both of the loader's checks.

A `Rule` is one thing no valid entity does (a name in neither language, a role that ends before it
starts, a currency that is no ISO 4217 code, a citation of a field the kind does not have): the
kinds it applies to, where in an entity it looks, the one predicate that says a value there breaks
it, and the words that report it. `REFERENCES` says, per kind, which fields name other entities,
the role each plays and the kinds it may name, read from the field table (`tui.facts.fields`);
`Entity.references()` is those fields of one entity.

The loader (`tui.facts.load`) asks them in two ways:
- `fine(facts)`, its fast path for a file that converted: ids unique, every reference naming an
  id of an allowed kind, no rule broken. Table by table, with set operations; it stops at the
  first failure and builds no `Reference` and no problem.
- `breaches(entity, path)` and `Entity.references()`, its full path: each failure located and worded.
Both ask the same predicates of the same values, so `fine` is False exactly when the full check
finds a problem (tests/facts/test_rules.py breaks every rule at random places to show it).

Imported by the first load that checks meaning, not at start-up: it reads the field table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from tui.facts.citations import citable_set, citation_hint
from tui.facts.fields import KINDS
from tui.facts.iso4217 import ISO_4217, suggest_currency
from tui.facts.messages import Said, SaidBy
from tui.facts.model import (
    ENTITY_KINDS,
    ENTITY_TYPES,
    Agreement,
    Dated,
    Entity,
    FactFile,
    Money,
    Named,
    Organization,
    Person,
    Project,
    Reference,
    Role,
)
from tui.facts.problems import Found

Path = tuple[str | int, ...]

# -- references ----------------------------------------------------------------------------------------

ROLES: dict[str, str] = {
    "provenance": "source",
    "founders": "founder",
    "parent": "parent",
    "roles": "role",
    "parties": "party",
    "signatories": "signatory",
    "commitments": "commitment",
    "investments": "investor",
    "projects": "project",
    "owner": "owner",
    "organizations": "organization",
    "agreements": "agreement",
    "participants": "participant",
    "quote": "speaker",
    "related": "related",
}
"""What the entity named under each reference field (by its key) is to the one naming it: the
`Reference.role` that links are labelled with (`role.*` in tui.facts.messages). A reference field
added to the field table needs a role here (importing this module fails without one)."""

_ID_KEY: dict[str, str] = {
    "provenance": "source",
    "roles": "organization",
    "commitments": "party",
    "investments": "by",
    "quote": "speaker",
}
"""For a reference field whose value is a record (by the field's type): the record's key holding the id."""

_LISTS = frozenset({"refs", "provenance", "roles", "commitments", "investments"})
"""The field types whose value is a list (of ids or of records); the others hold one or none."""


@dataclass(frozen=True, slots=True)
class RefField:
    """One field of a kind that names other entities: its key, the role they play, the kinds they may be."""

    key: str
    role: str
    kinds: tuple[str, ...]
    many: bool
    """A list of ids or records ('parties', 'roles'), or one or none ('parent', 'quote')."""
    id_key: str = ""
    """For records, the record's key that holds the id ('organization' of a role)."""

    def targets_in(self, rows: Sequence[Entity]) -> list[str]:
        """Every id this field names in `rows` (entities of its kind), in order: what `references`
        finds under this field, for a whole table in one comprehension (the fast check's form;
        tests/facts/test_rules.py checks that the two agree on generated files)."""
        key, id_key = self.key, self.id_key
        if self.many and id_key:
            return [t for e in rows for item in getattr(e, key) if (t := getattr(item, id_key))]
        if self.many:
            return [t for e in rows for t in getattr(e, key)]
        if id_key:
            return [t for e in rows if (item := getattr(e, key)) and (t := getattr(item, id_key))]
        return [t for e in rows if (t := getattr(e, key))]


def _reference_fields(kind: str) -> tuple[RefField, ...]:
    fields = [
        RefField(f.key, ROLES[f.key], f.kinds, f.type in _LISTS, _ID_KEY.get(f.type, ""))
        for f in KINDS[kind].fields
        if f.kinds
    ]
    # Its sources first, then the table's order: the order links are listed in.
    return tuple(sorted(fields, key=lambda r: r.key != "provenance"))


REFERENCES: dict[str, tuple[RefField, ...]] = {kind: _reference_fields(kind) for kind in ENTITY_KINDS}
"""Per kind, the fields that name other entities: every field of the field table with `kinds`."""


def references(entity: Entity) -> Iterator[Reference]:
    """Every id `entity` names, with the role it plays and the kinds it may be (`Entity.references()`).

    One generator, no call per field: the links index asks it of every entity of a file."""
    for ref in REFERENCES[entity.KIND]:
        value = getattr(entity, ref.key)
        if not value:
            continue
        role, kinds, key, id_key = ref.role, ref.kinds, ref.key, ref.id_key
        if ref.many and id_key:
            for item in value:
                if target := getattr(item, id_key):
                    yield Reference(role, target, kinds, key)
        elif ref.many:
            for target in value:
                yield Reference(role, target, kinds, key)
        elif id_key:
            if target := getattr(value, id_key):
                yield Reference(role, target, kinds, key)
        else:
            yield Reference(role, value, kinds, key)


# -- rules ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    """One thing no entity of a valid file does (see the module's docstring).

    `broken` is the rule's one predicate. Without `places` it is asked of the entity itself, and a
    breach is reported at the entity's field `at`; with `places`, of each value `places` finds in
    the entity, reported at that value's path. `report(entity, value)` gives the message and hint.

    `values`, when given, is the same values for a whole table at once, in one comprehension
    instead of a generator per entity; as a set where they are few and repeat (currencies, cited
    names), so the predicate is asked a few times per table. It must give the values `places`
    finds, every one of them (tests/facts/test_rules.py checks it on generated files): the fast
    check on 100,000 entities is what it saves time for.
    """

    kinds: frozenset[str]
    broken: Callable[[Any], bool]
    report: Callable[[Any, Any], tuple[str, str]]
    at: tuple[str, ...] = ()
    places: Callable[[Any], Iterable[tuple[Path, Any]]] | None = None
    values: Callable[[Sequence[Any]], Iterable[Any]] | None = None
    needle: bool = False
    """Whether the broken value is looked for on the line to place the problem (a cited name)."""

    def broken_in(self, rows: Sequence[Entity]) -> bool:
        """Whether any entity of `rows` (one table) breaks the rule: the fast check's question, which
        `breaches` answers place by place for the full check."""
        if self.places is None:
            return any(map(self.broken, rows))
        if self.values is not None:
            return any(map(self.broken, self.values(rows)))
        places = self.places
        return any(self.broken(value) for e in rows for _, value in places(e))


def _kinds(base: type[Entity]) -> frozenset[str]:
    return frozenset(t.KIND for t in ENTITY_TYPES if issubclass(t, base))


def _unnamed(entity: Named) -> bool:
    return not entity.name


def _undated(entity: Dated) -> bool:
    return entity.date is None and not entity.date_note


def _period_reversed(entity: Project) -> bool:
    period = entity.period
    return period is not None and period.end is not None and period.end < period.start


def _role_reversed(role: Role) -> bool:
    return bool(role.since and role.until and role.until < role.since)


def _own_parent(entity: Organization) -> bool:
    return entity.parent == entity.id


def _not_iso_4217(code: str) -> bool:
    return code not in ISO_4217


def _roles(entity: Person) -> Iterator[tuple[Path, Role]]:
    for j, role in enumerate(entity.roles):
        yield ("roles", j), role


def _roles_in(rows: Sequence[Person]) -> list[Role]:
    return [role for e in rows for role in e.roles]


def amounts(entity: Entity) -> Iterator[tuple[Path, Money]]:
    """Every amount of money in `entity`, with its path inside the entity."""
    if isinstance(entity, Organization) and entity.valuation:
        yield ("valuation", "money"), entity.valuation.money
    elif isinstance(entity, Agreement):
        for j, investment in enumerate(entity.investments):
            yield ("investments", j, "money"), investment.money
    elif isinstance(entity, Project) and entity.budget:
        yield ("budget",), entity.budget


def _currencies(entity: Entity) -> Iterator[tuple[Path, str]]:
    for where, money in amounts(entity):
        yield (*where, "currency"), money.currency


def _currencies_in(rows: Sequence[Any]) -> set[str]:
    # `_currencies` of a whole table, without a generator per entity.
    if not rows:
        return set()
    if isinstance(rows[0], Organization):
        return {e.valuation.money.currency for e in rows if e.valuation}
    if isinstance(rows[0], Agreement):
        return {i.money.currency for e in rows for i in e.investments}
    if isinstance(rows[0], Project):
        return {e.budget.currency for e in rows if e.budget}
    return set()


def _currency_report(entity: Entity, code: str) -> tuple[str, str]:
    close = suggest_currency(code)
    return (
        Said("problem.not_iso_4217", code=code),
        Said("problem.hint.iso_4217_close", code=close) if close else Said("problem.hint.iso_4217"),
    )


def _cited_names(entity: Named) -> Iterator[tuple[Path, str]]:
    for j, entry in enumerate(entity.provenance):
        for name in entry.fields:
            yield ("provenance", j, "fields"), name


def _cited_names_in(rows: Sequence[Named]) -> set[str]:
    return {name for e in rows for entry in e.provenance for name in entry.fields}


def _uncitable(kind: str) -> Rule:
    """A name in a provenance entry's `fields` that is not a citable field of `kind`."""
    citable = citable_set(kind)
    return Rule(
        frozenset({kind}),
        broken=lambda name: name not in citable,
        report=lambda e, name: (
            Said("citation.unknown_field", field=name, kind=e.KIND),
            SaidBy(partial(citation_hint, e.KIND, name)),
        ),
        places=_cited_names,
        values=_cited_names_in,
        needle=True,
    )


RULES: tuple[Rule, ...] = (
    Rule(
        _kinds(Named),
        broken=_unnamed,
        report=lambda e, _: (Said("problem.unnamed"), Said("problem.hint.unnamed")),
        at=("name",),
    ),
    Rule(
        _kinds(Dated),
        broken=_undated,
        report=lambda e, _: (Said("problem.undated"), Said("problem.hint.undated")),
        at=("date",),
    ),
    Rule(
        _kinds(Project),
        broken=_period_reversed,
        report=lambda e, _: (
            Said("problem.period_reversed", end=e.period.end, start=e.period.start),
            Said("problem.hint.period_reversed"),
        ),
        at=("period",),
    ),
    Rule(
        _kinds(Person),
        broken=_role_reversed,
        report=lambda e, _: (Said("problem.role_reversed"), Said("problem.hint.role_reversed")),
        places=_roles,
        values=_roles_in,
    ),
    Rule(
        _kinds(Organization),
        broken=_own_parent,
        report=lambda e, _: (Said("problem.own_parent"), Said("problem.hint.own_parent")),
        at=("parent",),
    ),
    Rule(
        _kinds(Organization) | _kinds(Agreement) | _kinds(Project),
        broken=_not_iso_4217,
        report=_currency_report,
        places=_currencies,
        values=_currencies_in,
    ),
    *(_uncitable(kind) for kind in ENTITY_KINDS if citable_set(kind)),
)
"""Every rule, in the order an entity's breaches are reported."""

RULES_BY_KIND: dict[str, tuple[Rule, ...]] = {
    kind: tuple(rule for rule in RULES if kind in rule.kinds) for kind in ENTITY_KINDS
}


def breaches(entity: Entity, path: Path) -> Iterator[Found]:
    """Every rule `entity` (at `path` in the file: its table and index) breaks, located and worded."""
    for rule in RULES_BY_KIND[entity.KIND]:
        if rule.places is None:
            if rule.broken(entity):
                yield Found((*path, *rule.at), *rule.report(entity, entity))
            continue
        for where, value in rule.places(entity):
            if rule.broken(value):
                message, hint = rule.report(entity, value)
                yield Found((*path, *where), message, hint, value if rule.needle else "")


def entity_fine(entity: Entity) -> bool:
    """Whether `entity` breaks no rule (its references are not looked at)."""
    rows = (entity,)
    return not any(rule.broken_in(rows) for rule in RULES_BY_KIND[entity.KIND])


# -- the fast check --------------------------------------------------------------------------------------


def fine(facts: FactFile) -> bool:
    """True exactly when the full check finds nothing wrong in `facts`, a file that converted: no id
    is used twice, every reference names an id of a kind it may, and no entity breaks a rule.

    Table by table with set operations, stopping at the first failure, building no `Reference`
    and no problem: two to three times cheaper than the full check on a large valid file
    (benchmarks/rules_bench.py).
    """
    tables = [(t.KIND, getattr(facts, t.TABLE)) for t in ENTITY_TYPES]
    ids = {kind: {e.id for e in rows} for kind, rows in tables}
    everything: set[str] = set().union(*ids.values())
    if len(everything) != sum(len(rows) for _, rows in tables):
        return False  # an id used twice
    pools: dict[frozenset[str], set[str]] = {frozenset(ENTITY_KINDS): everything}
    for kind, rows in tables:
        if not rows:
            continue
        for ref in REFERENCES[kind]:
            allowed = frozenset(ref.kinds)
            pool = pools.get(allowed)
            if pool is None:
                pool = pools[allowed] = set().union(*(ids[k] for k in allowed))
            if not pool.issuperset(ref.targets_in(rows)):
                return False
        if any(rule.broken_in(rows) for rule in RULES_BY_KIND[kind]):
            return False
    return True
