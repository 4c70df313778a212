"""A fact base as FollowTheMoney entities, built and validated with the `followthemoney` library.

Each fact entity becomes one FtM entity whose id is its own (`schemata.ftm_id`), followed by the
links that carry its fields: provenance as `Documentation` of the source's `Article`, roles as
`Directorship`/`Employment`/`Membership`, investments as `Payment`, a project's owner and
organizations as `ProjectParticipant`, founders, signatories, commitments and related entities
as `UnknownLink` with a `role`. A link's id is a hash of what it links (`make_entity_id`), so the
same file always gives the same ids. docs/ftm.md has the table.

Every entity is made by the library (`EntityProxy`) and checked as its `Schema.validate` checks
it — the property exists on the schema and is not a reverse stub, every value passes its type's
`validate` — plus the schema's required properties, which `Schema.validate` does not ask for. Each
distinct value is validated once (dates cost 25 µs each and repeat a lot). A value the library
refuses is cleaned by its type once more and otherwise left out, counted in the `Export` report:
nothing is written that the library would not read back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any

import msgspec

from tui.facts.ftm import library
from tui.facts.ftm.schemata import (
    ARTICLE,
    COMMITMENT,
    DOCUMENTATION,
    FOUNDER,
    LANGUAGE_CODES,
    LINK,
    MEMBER,
    ORG_SCHEMA,
    OWNER,
    PARTICIPANT,
    PAYMENT,
    PROJECT,
    RELATED,
    ROLE_ENDS,
    SIGNATORY,
    fields_text,
    ftm_date,
    ftm_id,
    paragraph_role,
    role_schema,
)
from tui.facts.index import FactBase, gc_paused
from tui.facts.model import (
    Agreement,
    Bilingual,
    Dated,
    Entity,
    Event,
    Named,
    Organization,
    Person,
    Project,
    Source,
)

Properties = dict[str, list[str]]


@dataclass
class Export:
    """What an export wrote: entities per schema, and the values the library refused."""

    schemata: Counter[str] = field(default_factory=Counter)
    refused: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(schema, property) -> values left out because FtM refuses them (too long for the type …)."""


def to_ftm(facts: FactBase, report: Export | None = None) -> Iterator[dict[str, Any]]:
    """Every entity of `facts` and every link between them as FtM entity dicts (`to_dict()`): the
    sources, then the other kinds in the explorer's order, each entity followed by its links."""
    builder = _Builder(report if report is not None else Export())
    kind_of = {e.id: e.KIND for e in facts}
    # Sources first, so a reader meets each article before the entities it documents.
    for entity in (*facts.of_kind("source"), *(e for e in facts if e.KIND != "source")):
        yield from builder.entity(entity, kind_of)


def write_ftm(facts: FactBase, out: IO[str], report: Export | None = None) -> Export:
    """Write the entities as JSON lines (UTF-8 text, Korean unescaped) to `out`; returns the report.

    msgspec writes what `json.dumps(ensure_ascii=False, separators=(",", ":"))` writes, the same
    characters escaped, five times as fast; `encode_lines` ends each entity with a newline. The
    cyclic collector is paused: the dicts and lists of 400,000 entities form no cycles, and its
    passes over the fact base they are made from cost a third of an export at 100,000 entities."""
    report = report if report is not None else Export()
    encode_lines = msgspec.json.Encoder().encode_lines
    entities = to_ftm(facts, report)
    with gc_paused():
        while batch := list(islice(entities, 10_000)):
            out.write(encode_lines(batch).decode("utf-8"))
    return report


def _values(text: Bilingual) -> list[str]:
    return [v for v in (text.ko, text.en) if v]


class _Builder:
    """Makes the FtM entities of one fact base, validating each value once."""

    def __init__(self, report: Export) -> None:
        ftm = library()
        from followthemoney.proxy import EntityProxy
        from followthemoney.util import make_entity_id

        self._model = ftm.model
        self._proxy = EntityProxy
        self._make_id = lambda *parts: make_entity_id(*parts) or ""  # None only for no parts at all
        self._valid: dict[tuple[str, str], str | None] = {}
        self._report = report
        self._org_kind: dict[str, str] = {}

    # -- one entity and its links ----------------------------------------------------------------

    def entity(self, entity: Entity, kind_of: dict[str, str]) -> Iterator[dict[str, Any]]:
        eid = ftm_id(entity.id)
        props: Properties = {}
        if entity.summary:
            props["summary"] = _values(entity.summary)
        if entity.tags:
            props["keywords"] = list(entity.tags)
        links: list[tuple[str, Properties]] = []
        if isinstance(entity, Source):
            schema = self._source(entity, props)
        else:
            assert isinstance(entity, Named)
            props["name"] = _values(entity.name)
            if entity.aliases:
                props["alias"] = list(entity.aliases)
            if isinstance(entity, Organization):
                schema = self._organization(entity, eid, props, links)
            elif isinstance(entity, Person):
                schema = self._person(entity, eid, props, links, kind_of)
            elif isinstance(entity, Agreement):
                schema = self._agreement(entity, eid, props, links)
            elif isinstance(entity, Project):
                schema = self._project(entity, eid, props, links)
            else:
                assert isinstance(entity, Event)
                schema = self._event(entity, eid, props, links)
            for p in entity.provenance:
                doc: Properties = {
                    "document": [ftm_id(p.source)],
                    "entity": [eid],
                    "role": [paragraph_role(p.paragraph)],
                }
                if p.fields:
                    doc["description"] = [fields_text(p.fields)]
                if p.quote:
                    doc["summary"] = [p.quote]
                links.append((DOCUMENTATION, doc))
        yield self._make(schema, eid, props)
        seen: set[str] = set()
        for link_schema, link_props in links:
            # From what the link says, not where it is: adding a link leaves the others' ids alone.
            parts = [v for key in sorted(link_props) for v in (key, *link_props[key])]
            link_id = self._make_id("facts-tui", link_schema, *parts)
            while link_id in seen:  # the same link twice (two equal commitments): still two links
                link_id = self._make_id(link_id)
            seen.add(link_id)
            yield self._make(link_schema, link_id, link_props)

    def _source(self, source: Source, props: Properties) -> str:
        props["title"] = _values(source.title)
        props["name"] = _values(source.title)
        props["publisher"] = _values(source.outlet)
        props["publishedAt"] = [source.published.isoformat()]
        props["language"] = [LANGUAGE_CODES[source.language]]
        if source.author:
            props["author"] = [source.author]
        if source.url:
            props["sourceUrl"] = [source.url]
        return ARTICLE

    def _organization(self, org: Organization, eid: str, props: Properties, links: list) -> str:
        self._org_kind[org.id] = org.kind
        schema = ORG_SCHEMA.get(org.kind, "Organization")
        props["classification"] = [org.kind]
        if org.location:
            props["address"] = _values(org.location)
        if org.founded is not None:
            props["incorporationDate"] = [str(org.founded)]
        if org.parent:
            props["parent"] = [ftm_id(org.parent)]
        if org.valuation is not None and schema == "Company":
            # A company is an asset in FtM: its `amount` is what it is worth.
            props["amount"] = [str(org.valuation.money.amount)]
            props["currency"] = [org.valuation.money.currency]
        elif org.valuation is not None:
            self._report.refused[(schema, "amount")] += 1
        for founder in org.founders:
            links.append((LINK, {"subject": [ftm_id(founder)], "object": [eid], "role": [FOUNDER]}))
        return schema

    def _person(
        self, person: Person, eid: str, props: Properties, links: list, kind_of: dict[str, str]
    ) -> str:
        for role in person.roles:
            schema = role_schema(role, self._org_kind.get(role.organization, "other"))
            person_end, org_end = ROLE_ENDS[schema]
            edge: Properties = {person_end: [eid], org_end: [ftm_id(role.organization)]}
            if role.title:
                edge["role"] = _values(role.title)
            if role.since is not None:
                edge["startDate"] = [str(role.since)]
            if role.until is not None:
                edge["endDate"] = [str(role.until)]
            links.append((schema, edge))
        return "Person"

    def _dated(self, entity: Dated, prop: str, props: Properties, place: str) -> None:
        if entity.date is not None:
            props[prop] = [ftm_date(entity.date, entity.date_precision)]
        if entity.place:
            props[place] = _values(entity.place)

    def _agreement(self, agreement: Agreement, eid: str, props: Properties, links: list) -> str:
        props["title"] = props["name"]
        props["type"] = [agreement.kind]
        self._dated(agreement, "contractDate", props, "address")
        props["authority"] = [ftm_id(p) for p in agreement.parties]
        if agreement.projects:
            props["project"] = [ftm_id(p) for p in agreement.projects]
        for person in agreement.signatories:
            links.append((LINK, {"subject": [ftm_id(person)], "object": [eid], "role": [SIGNATORY]}))
        for c in agreement.commitments:
            links.append(
                (
                    LINK,
                    {
                        "subject": [ftm_id(c.party)],
                        "object": [eid],
                        "role": [COMMITMENT],
                        "summary": _values(c.text),
                    },
                )
            )
        for investment in agreement.investments:
            # FtM's Payment needs a beneficiary; the fact file names none, so the agreement's other
            # parties stand in (the investor itself when it is the only party).
            others = [p for p in agreement.parties if p != investment.by] or [investment.by]
            payment: Properties = {
                "payer": [ftm_id(investment.by)],
                "beneficiary": [ftm_id(p) for p in others],
                "contract": [eid],
                "amount": [str(investment.money.amount)],
                "currency": [investment.money.currency],
            }
            if investment.due is not None:
                payment["endDate"] = [ftm_date(investment.due, investment.due_precision)]
            if investment.purpose:
                payment["purpose"] = _values(investment.purpose)
            links.append((PAYMENT, payment))
        return "Contract"

    def _project(self, project: Project, eid: str, props: Properties, links: list) -> str:
        if project.budget is not None:
            props["amount"] = [str(project.budget.amount)]
            props["currency"] = [project.budget.currency]
        if project.period is not None:
            props["startDate"] = [str(project.period.start)]
            if project.period.end is not None:
                props["endDate"] = [str(project.period.end)]
        if project.location:
            props["address"] = _values(project.location)
        if project.vision:
            props["description"] = _values(project.vision)
        if project.goals:
            props["goal"] = [v for goal in project.goals for v in _values(goal)]
        if project.owner:
            links.append(
                (PARTICIPANT, {"project": [eid], "participant": [ftm_id(project.owner)], "role": [OWNER]})
            )
        for org in project.organizations:
            links.append((PARTICIPANT, {"project": [eid], "participant": [ftm_id(org)], "role": [MEMBER]}))
        for agreement in project.agreements:
            # The same link as the agreement's `projects`: FtM has one property for both.
            links.append((LINK, {"subject": [ftm_id(agreement)], "object": [eid], "role": [PROJECT]}))
        return "Project"

    def _event(self, event: Event, eid: str, props: Properties, links: list) -> str:
        self._dated(event, "date", props, "location")
        if event.participants:
            props["involved"] = [ftm_id(p) for p in event.participants]
        for other in event.related:
            links.append((LINK, {"subject": [eid], "object": [ftm_id(other)], "role": [RELATED]}))
        return "Event"

    # -- making and validating ---------------------------------------------------------------------

    def _make(self, schema_name: str, eid: str, props: Properties) -> dict[str, Any]:
        """The entity as the library makes it, every value valid for its property's type."""
        schema = self._model[schema_name]
        clean: Properties = {}
        for name, values in props.items():
            prop = schema.properties[name]  # a KeyError here is a bug in the mapping above
            if prop.stub:
                raise ValueError(f"{schema_name}.{name} is a reverse property; it cannot be written")
            kept = []
            for value in values:
                good = self._validated(prop.type, value)
                if good is None:
                    self._report.refused[(schema_name, name)] += 1
                else:
                    kept.append(good)
            if kept:
                clean[name] = kept
        missing = [r for r in schema.required if r not in clean]
        if missing:
            raise ValueError(f"{schema_name} {eid}: required {', '.join(missing)} missing")
        self._report.schemata[schema_name] += 1
        return self._proxy(schema, {"id": eid, "properties": clean}).to_dict()

    def _validated(self, prop_type: Any, value: str) -> str | None:
        key = (prop_type.name, value)
        try:
            return self._valid[key]
        except KeyError:
            pass
        good: str | None = value
        if not prop_type.validate(value):
            good = prop_type.clean_text(value)
            if good is not None and not prop_type.validate(good):
                good = None
        self._valid[key] = good
        return good
