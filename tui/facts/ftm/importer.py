"""A fact file from a FollowTheMoney entity stream (JSON lines: an Aleph or OpenSanctions export,
or `facts-tui export --format ftm`).

Reading is strict where the stream is wrong and open about what does not fit:

- a line that is not JSON, not an entity of a schema the library knows, or with a value the
  library's type refuses is a `Problem` at its line; every one is found, then FactFileError;
- an entity of a schema with no counterpart in a fact file (a Vessel, an Address …), or a link
  whose ends are missing or of the wrong kind, is counted per schema in the `Import` report;
- a property the fact file has no field for is counted per schema and property, values and all.

Nodes become entities: Organization, Company, PublicBody and LegalEntity organizations; Person
people; Contract agreements; Project projects; Event events; Article and other Documents sources.
Links become fields (`schemata` and docs/ftm.md: roles, parties, investments, participants,
provenance …). Names in several languages: the first with Hangul is Korean, the first without is
English, the rest are aliases. An entity no Documentation or Mention ties to an article cites a
source made for the import, named after the input file. The result goes through the loader's own
validation (`load_data`), so what is written passes `facts-tui check`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from tui.facts.citations import citable_set
from tui.facts.ftm import library
from tui.facts.ftm.schemata import (
    AGREEMENT_KINDS,
    COMMITMENT,
    FOUNDER,
    LINK,
    ORG_KIND_OF_SCHEMA,
    ORG_KINDS,
    OWNER,
    PROJECT,
    RELATED,
    ROLE_ENDS,
    SIGNATORY,
    fact_date,
    fact_id,
    fields_of,
    is_korean,
    paragraph_of,
    split_languages,
)
from tui.facts.index import FactBase, gc_paused
from tui.facts.load import decode_text, load_data
from tui.facts.messages import both
from tui.facts.problems import FactFileError, Problem
from tui.facts.sanitize import clean_tree, may_be_unsafe

Record = dict[str, Any]

_NAMED = frozenset({"name", "alias", "summary", "keywords"})
READS: dict[str, frozenset[str]] = {
    "organization": _NAMED
    | {"classification", "address", "incorporationDate", "parent", "amount", "currency"},
    "person": _NAMED,
    "agreement": _NAMED | {"title", "type", "contractDate", "address", "authority", "project"},
    "project": _NAMED
    | {"amount", "currency", "startDate", "endDate", "address", "description", "goal"},
    "event": _NAMED | {"date", "startDate", "location", "involved", "organizer"},
    "source": frozenset(
        {"title", "name", "fileName", "publisher", "publishedAt", "date", "authoredAt", "language",
         "author", "sourceUrl", "summary", "keywords"}
    ),
}  # fmt: skip
"""Which properties of a node each fact kind reads; any other property's values are counted as not
carried."""
EDGE_READS: dict[str, frozenset[str]] = {
    "Documentation": frozenset({"entity", "document", "role", "description", "summary"}),
    "Mention": frozenset({"resolved", "document", "name"}),
    **{schema: frozenset({*ends, "role", "startDate", "endDate"}) for schema, ends in ROLE_ENDS.items()},
    "ProjectParticipant": frozenset({"project", "participant", "role"}),
    LINK: frozenset({"subject", "object", "role", "summary"}),
    "ContractAward": frozenset({"contract", "supplier"}),
    "Payment": frozenset(
        {"contract", "payer", "beneficiary", "amount", "currency", "endDate", "date", "purpose"}
    ),
}
"""Which properties of a link each schema the import maps reads (an UnknownLink's summary only
when it is a commitment)."""
_LINK_READS = EDGE_READS[LINK] - {"summary"}
_TABLES = {"organization": "organizations", "person": "people", "agreement": "agreements",
           "project": "projects", "event": "events", "source": "sources"}  # fmt: skip
_LANGUAGES = {"kor": "ko", "eng": "en"}
_WHOLE = re.compile(r"^\d+(?:\.0*)?$")

# Reasons an entity of the stream has no place in the fact file (message keys, both languages).
NO_COUNTERPART = "ftm.reason.schema"
BAD_ENDS = "ftm.reason.ends"
NO_PARTY = "ftm.reason.no_party"


@dataclass
class Import:
    """What an import read: entities used per schema, what had no place, what was not carried."""

    used: Counter[str] = field(default_factory=Counter)
    unmapped: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(schema, reason message key) -> entities of the stream left out."""
    not_carried: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(schema, property) -> values the fact file has no field for."""
    synthetic_source: str = ""
    """The id of the source made for entities no article documents ('' if none was needed)."""


@dataclass(slots=True)
class _Entity:
    line: int
    schema: Any  # followthemoney.schema.Schema
    props: dict[str, list[str]]


def read_ftm(data: bytes, path: str | Path, published: dt.date) -> tuple[FactBase, Import]:
    """The fact base an FtM stream makes, and the report of what it left out.

    `path` names the input in problems and in the source made for undocumented entities;
    `published` is that source's date (and an article's that gives none): the input's date.
    Raises FactFileError with every problem of the stream, each at its line.
    """
    text = decode_text(data, path)
    report = Import()
    with gc_paused():
        entities = _LineReader(str(path)).read(text)
        facts = _Mapper(entities, report, Path(path), published).facts()
        if may_be_unsafe(data) or "\\u" in text or not unicodedata.is_normalized("NFC", text):
            facts = clean_tree(facts)
        return load_data(facts, Path(path)), report


# -- lines to entities -----------------------------------------------------------------------------


class _Line(msgspec.Struct):
    """A line as most lines are: an object with a string id and schema and lists of strings.

    msgspec checks those shapes in C; a line of any other shape is read by `_LineReader.loose`,
    which says what is wrong with it."""

    id: str
    schema: str
    properties: dict[str, list[str]] = msgspec.field(default_factory=dict)


_UNCHECKED: Any = object()
"""A property the schema does not have, or a reverse stub: the library ignores its values."""


class _LineReader:
    """Reads the lines of one stream into entities, checking each as the library would.

    Every value of a property of the entity's schema must pass its type's `validate`. Each distinct
    value is validated once per type (`_valid`): a stream repeats its ids, dates, roles and
    languages thousands of times. Which type checks a schema's property is looked up once per
    schema and property (`_checks`)."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._schemata = library().model.schemata
        self._id = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")  # the library's
        self._valid: dict[Any, set[str]] = {}  # property type -> values it accepted
        self._checks: dict[Any, dict[str, Any]] = {}  # schema -> property -> (type, valid) or _UNCHECKED
        self.entities: dict[str, _Entity] = {}
        self.problems: list[Problem] = []

    def read(self, text: str) -> dict[str, _Entity]:
        """Every entity of the stream by id (fragments of one id merged), or FactFileError."""
        decode = msgspec.json.Decoder(_Line).decode
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                raw = decode(line)
            except msgspec.DecodeError:  # ValidationError is one: the shape is wrong, not the JSON
                self.loose(number, line)
                continue
            schema = self._schemata.get(raw.schema)
            if schema is None:
                self._no_schema(number, raw.schema)
            elif not self._id.match(raw.id):
                self._bad_id(number, schema, raw.id)
            else:
                self._entity(number, schema, raw.id, raw.properties)
        if self.problems:
            raise FactFileError(self._path, self.problems)
        return self.entities

    def loose(self, number: int, line: str) -> None:
        """A line that is not an object of the usual shape: what is wrong with it, or the entity."""
        try:
            raw = msgspec.json.decode(line)
        except msgspec.DecodeError as exc:
            self.problems.append(_problem(number, f"not JSON: {exc}", "one FtM entity per line, as JSON"))
            return
        if not isinstance(raw, dict):
            self.problems.append(_problem(number, "not a JSON object", "one FtM entity per line, as JSON"))
            return
        schema = self._schemata.get(raw.get("schema")) if isinstance(raw.get("schema"), str) else None
        if schema is None:
            self._no_schema(number, raw.get("schema"))
            return
        entity_id = raw.get("id")
        if not isinstance(entity_id, str) or not self._id.match(entity_id):
            self._bad_id(number, schema, entity_id)
            return
        properties = raw.get("properties", {})
        if not isinstance(properties, dict):
            self.problems.append(
                _problem(number, f"{schema.name} {entity_id}: properties is not an object", "")
            )
            return
        props: dict[str, list[str]] = {}
        for name, values in properties.items():
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                props[name] = values
            else:
                where = f"{schema.name} {entity_id}: {name}"
                self.problems.append(
                    _problem(number, f"{where}: not a list of strings", 'write ["value", ...]')
                )
        self._entity(number, schema, entity_id, props)

    def _no_schema(self, number: int, name: object) -> None:
        self.problems.append(_problem(number, f"no FtM schema {name!r}", "give a schema such as Person"))

    def _bad_id(self, number: int, schema: Any, entity_id: object) -> None:
        self.problems.append(
            _problem(number, f"{schema.name}: no valid id ({entity_id!r})", "letters, digits, '.' and '-'")
        )

    def _entity(self, number: int, schema: Any, entity_id: str, props: dict[str, list[str]]) -> None:
        checks = self._checks.get(schema)
        if checks is None:
            checks = self._checks[schema] = {}
        for name, values in props.items():
            check = checks.get(name)
            if check is None:
                check = checks[name] = self._check(schema, name)
            if check is _UNCHECKED:
                continue  # the library ignores it; the report counts it
            prop_type, valid = check
            if valid.issuperset(values):
                continue
            for value in values:
                if value not in valid:
                    if prop_type.validate(value):
                        valid.add(value)
                    else:
                        self.problems.append(
                            _problem(
                                number,
                                f"{schema.name} {entity_id}: {name}: not a valid {prop_type.name}: {value[:80]!r}",
                                "fix the value or leave the property out",
                            )
                        )
        earlier = self.entities.get(entity_id)
        if earlier is None:
            self.entities[entity_id] = _Entity(number, schema, props)
        elif earlier.schema is schema:  # a fragment of the same entity, as Aleph writes them
            for name, values in props.items():
                have = earlier.props.setdefault(name, [])
                have.extend(v for v in values if v not in have)
        else:
            self.problems.append(
                _problem(
                    number,
                    f"id {entity_id} is a {earlier.schema.name} on line {earlier.line} and a {schema.name} here",
                    "give each entity its own id",
                )
            )

    def _check(self, schema: Any, name: str) -> Any:
        prop = schema.properties.get(name)
        if prop is None or prop.stub:
            return _UNCHECKED
        return prop.type, self._valid.setdefault(prop.type, set())


def _problem(line: int, message: str, hint: str) -> Problem:
    return Problem(message, line=line, hint=hint)


# -- entities to a fact file -----------------------------------------------------------------------


def _bilingual(ko: str, en: str) -> Record:
    return {k: v for k, v in (("ko", ko), ("en", en)) if v}


def _year(value: str) -> int | None:
    parsed = fact_date(value)
    return parsed[0].year if parsed else None


class _Mapper:
    """Maps the entities of one stream; counts what does not fit in the report."""

    def __init__(self, entities: dict[str, _Entity], report: Import, path: Path, published: dt.date) -> None:
        self._entities = entities
        self._report = report
        self._path = path
        self._published = published
        self._records: dict[str, Record] = {}  # FtM id -> the entity as plain data
        self._kind: dict[str, str] = {}  # FtM id -> fact kind
        self._schema_of: dict[str, str] = {}  # FtM id -> schema name
        self._kinds: dict[Any, str | None] = {}  # schema -> fact kind (None: an edge or no counterpart)
        self._citable = {kind: citable_set(kind) for kind in READS}
        self._edges: dict[str, Any] = {
            "Documentation": self._documentation,
            "Mention": self._mention,
            "ProjectParticipant": self._participant,
            LINK: self._link,
            "Payment": self._payment,
            "ContractAward": self._award,
            **dict.fromkeys(ROLE_ENDS, self._role),
        }

    def facts(self) -> Record:
        edges: list[tuple[str, _Entity]] = []
        taken: set[str] = set()
        for ftm, entity in self._entities.items():
            try:
                kind = self._kinds[entity.schema]
            except KeyError:
                kind = self._kinds[entity.schema] = self._kind_of(entity.schema)
            if kind is None:
                if entity.schema.edge or entity.schema.name in ("Documentation", "Mention"):
                    edges.append((ftm, entity))
                else:
                    self._report.unmapped[(entity.schema.name, NO_COUNTERPART)] += 1
                continue
            self._kind[ftm] = kind
            self._schema_of[ftm] = entity.schema.name
            self._records[ftm] = {"id": self._unique(fact_id(ftm), taken)}
        nodes = {kind: getattr(self, f"_{kind}") for kind in READS}
        for ftm, kind in self._kind.items():
            entity = self._entities[ftm]
            nodes[kind](self._records[ftm], entity)
            self._count_unread(entity, READS[kind])
            self._report.used[entity.schema.name] += 1
        # Parties first: an investment's beneficiaries are compared with them.
        edges.sort(key=lambda e: e[1].schema.name != "ContractAward")
        for _, entity in edges:
            self._edge(entity)
        return self._finish(taken)

    # -- nodes -----------------------------------------------------------------------------------

    @staticmethod
    def _kind_of(schema: Any) -> str | None:
        if schema.name == "Person":
            return "person"
        if schema.is_a("Organization") or schema.name == "LegalEntity":
            return "organization"
        if schema.name == "Contract":
            return "agreement"
        if schema.name == "Project":
            return "project"
        if schema.name == "Event":
            return "event"
        if schema.is_a("Document"):
            return "source"
        return None

    @staticmethod
    def _unique(wanted: str, taken: set[str]) -> str:
        candidate, n = wanted, 1
        while candidate in taken:
            n += 1
            suffix = f"-{n}"
            candidate = wanted[: 80 - len(suffix)].rstrip("._-") + suffix
        taken.add(candidate)
        return candidate

    def _count_unread(self, entity: _Entity, reads: Iterable[str]) -> None:
        for name, values in entity.props.items():
            if name not in reads and values:
                self._report.not_carried[(entity.schema.name, name)] += len(values)

    def _one(self, entity: _Entity, name: str) -> str:
        """The first value of a property that has one field; the others are counted."""
        values = entity.props.get(name, [])
        if len(values) > 1:
            self._report.not_carried[(entity.schema.name, name)] += len(values) - 1
        return values[0] if values else ""

    def _text(self, entity: _Entity, name: str) -> Record:
        ko, en, rest = split_languages(entity.props.get(name, []))
        if rest:
            self._report.not_carried[(entity.schema.name, name)] += len(rest)
        return _bilingual(ko, en)

    def _named(self, record: Record, entity: _Entity, *name_props: str) -> None:
        names = [v for p in (*name_props, "name") for v in entity.props.get(p, [])]
        ko, en, rest = split_languages(list(dict.fromkeys(names)))
        record["name"] = _bilingual(ko, en) or {"en": record["id"]}
        aliases = list(dict.fromkeys([*rest, *entity.props.get("alias", [])]))
        if aliases:
            record["aliases"] = aliases
        self._common(record, entity)
        record["provenance"] = []

    def _common(self, record: Record, entity: _Entity) -> None:
        summary = self._text(entity, "summary")
        if summary:
            record["summary"] = summary
        if entity.props.get("keywords"):
            record["tags"] = list(entity.props["keywords"])

    def _ref(self, value: str, *kinds: str) -> str | None:
        """The fact id of an FtM id that is a node of one of `kinds`."""
        if self._kind.get(value) in kinds:
            return self._records[value]["id"]
        return None

    def _refs(self, entity: _Entity, name: str, *kinds: str) -> list[str]:
        found = []
        for value in entity.props.get(name, []):
            ref = self._ref(value, *kinds)
            if ref is None:
                self._report.not_carried[(entity.schema.name, name)] += 1
            else:
                found.append(ref)
        return list(dict.fromkeys(found))

    def _money(self, entity: _Entity) -> Record | None:
        amount, currency = self._one(entity, "amount"), self._one(entity, "currency")
        if not amount and not currency:
            return None
        if _WHOLE.match(amount) and re.fullmatch(r"[A-Z]{3}", currency):
            return {"amount": int(amount.split(".")[0]), "currency": currency}
        # Not a whole amount in a currency code the fact file can hold (cents, a missing currency).
        self._report.not_carried[(entity.schema.name, "amount")] += 1
        return None

    def _date(self, record: Record, entity: _Entity, *names: str) -> None:
        for name in names:
            value = self._one(entity, name)
            parsed = fact_date(value) if value else None
            if parsed is not None:
                record["date"], precision = parsed
                if precision != "day":
                    record["date_precision"] = precision
                return

    def _organization(self, record: Record, entity: _Entity) -> None:
        self._named(record, entity)
        kind = self._one(entity, "classification")
        if kind not in ORG_KINDS:
            if kind:
                self._report.not_carried[(entity.schema.name, "classification")] += 1
            kind = ORG_KIND_OF_SCHEMA.get(entity.schema.name, "other")
        record["kind"] = kind
        location = self._text(entity, "address")
        if location:
            record["location"] = location
        founded = _year(self._one(entity, "incorporationDate"))
        if founded:
            record["founded"] = founded
        money = self._money(entity)
        if money:
            record["valuation"] = {"money": money}  # as_of: the year of its first source (_finish)
        parent = self._one(entity, "parent")
        if parent:
            ref = self._ref(parent, "organization")
            if ref is None:
                self._report.not_carried[(entity.schema.name, "parent")] += 1
            else:
                record["parent"] = ref

    def _person(self, record: Record, entity: _Entity) -> None:
        self._named(record, entity)

    def _agreement(self, record: Record, entity: _Entity) -> None:
        self._named(record, entity, "title")
        kind = self._one(entity, "type")
        if kind in AGREEMENT_KINDS:
            record["kind"] = kind
        else:
            if kind:
                self._report.not_carried[(entity.schema.name, "type")] += 1
            record["kind"] = "contract"
        self._date(record, entity, "contractDate")
        place = self._text(entity, "address")
        if place:
            record["place"] = place
        authorities = entity.props.get("authority", [])
        record["parties"] = [r for v in authorities if (r := self._ref(v, "organization"))]
        signatories = [r for v in authorities if (r := self._ref(v, "person"))]
        if signatories:
            record["signatories"] = signatories
        lost = len(authorities) - len(record["parties"]) - len(signatories)
        if lost:
            self._report.not_carried[(entity.schema.name, "authority")] += lost
        projects = self._refs(entity, "project", "project")
        if projects:
            record["projects"] = projects

    def _project(self, record: Record, entity: _Entity) -> None:
        self._named(record, entity)
        budget = self._money(entity)
        if budget:
            record["budget"] = budget
        start, end = _year(self._one(entity, "startDate")), _year(self._one(entity, "endDate"))
        if start:
            record["period"] = {"start": start, **({"end": end} if end and end >= start else {})}
        if end and not (start and end >= start):
            self._report.not_carried[(entity.schema.name, "endDate")] += 1
        for key, prop in (("location", "address"), ("vision", "description")):
            text = self._text(entity, prop)
            if text:
                record[key] = text
        goals: list[Record] = []
        for value in entity.props.get("goal", []):
            lang = "ko" if is_korean(value) else "en"
            # Goals come as ko, en, ko, en …: a value starts a new goal when the last one has its
            # language already, or when a Korean one follows an English one.
            if not goals or lang in goals[-1] or (lang == "ko" and "en" in goals[-1]):
                goals.append({})
            goals[-1][lang] = value
        if goals:
            record["goals"] = goals

    def _event(self, record: Record, entity: _Entity) -> None:
        self._named(record, entity)
        record["kind"] = "other"
        self._date(record, entity, "date", "startDate")
        place = self._text(entity, "location")
        if place:
            record["place"] = place
        participants = self._refs(entity, "involved", "person", "organization")
        participants += self._refs(entity, "organizer", "person", "organization")
        if participants:
            record["participants"] = list(dict.fromkeys(participants))

    def _source(self, record: Record, entity: _Entity) -> None:
        titles = [
            *entity.props.get("title", []),
            *entity.props.get("name", []),
            *entity.props.get("fileName", []),
        ]
        ko, en, _ = split_languages(list(dict.fromkeys(titles)))
        record["title"] = _bilingual(ko, en) or {"en": record["id"]}
        outlet = self._text(entity, "publisher")
        record["outlet"] = outlet or {"en": self._path.name}
        published = None
        for name in ("publishedAt", "date", "authoredAt"):
            value = self._one(entity, name)
            published = fact_date(value) if value else None
            if published:
                break
        record["published"] = published[0] if published else self._published
        language = _LANGUAGES.get(self._one(entity, "language"))
        record["language"] = language or ("ko" if ko else "en")
        authors = entity.props.get("author", [])
        if authors:
            record["author"] = "; ".join(authors)
        url = self._one(entity, "sourceUrl")
        if url:
            record["url"] = url
        self._common(record, entity)

    # -- links -----------------------------------------------------------------------------------

    def _edge(self, entity: _Entity) -> None:
        name = entity.schema.name
        mapped = self._edges.get(name)
        if mapped is None:
            self._report.unmapped[(name, NO_COUNTERPART)] += 1
            return
        if mapped(entity) is False:
            self._report.unmapped[(name, BAD_ENDS)] += 1
            return
        self._report.used[name] += 1

    def _documentation(self, entity: _Entity) -> bool:
        target, document = self._one(entity, "entity"), self._one(entity, "document")
        record = self._records.get(target)
        if record is None or "provenance" not in record or self._kind.get(document) != "source":
            return False
        entry: Record = {"source": self._records[document]["id"]}
        paragraph = paragraph_of(self._one(entity, "role"))
        if paragraph:
            entry["paragraph"] = paragraph
        citable = self._citable[self._kind[target]]
        names = fields_of(self._one(entity, "description"))
        fields = [f for f in names if f in citable]
        if len(fields) < len(names):
            self._report.not_carried[(entity.schema.name, "description")] += len(names) - len(fields)
        if fields:
            entry["fields"] = fields
        quote = self._one(entity, "summary")
        if quote:
            entry["quote"] = quote
        record["provenance"].append(entry)
        self._count_unread(entity, EDGE_READS[entity.schema.name])
        return True

    def _mention(self, entity: _Entity) -> bool:
        target, document = self._one(entity, "resolved"), self._one(entity, "document")
        record = self._records.get(target)
        if record is None or "provenance" not in record or self._kind.get(document) != "source":
            return False
        record["provenance"].append({"source": self._records[document]["id"]})
        self._count_unread(entity, EDGE_READS[entity.schema.name])
        return True

    def _role(self, entity: _Entity) -> bool:
        person_end, org_end = ROLE_ENDS[entity.schema.name]
        person = self._records.get(self._one(entity, person_end))
        org = self._ref(self._one(entity, org_end), "organization")
        if person is None or self._kind.get(self._one(entity, person_end)) != "person" or org is None:
            return False
        ko, en, rest = split_languages(entity.props.get("role", []))
        title = _bilingual(ko, en) or dict(
            zip(("ko", "en"), both(f"ftm.role.{entity.schema.name}"), strict=True)
        )
        role: Record = {"organization": org, "title": title}
        since, until = _year(self._one(entity, "startDate")), _year(self._one(entity, "endDate"))
        if since:
            role["since"] = since
        if until and (not since or until >= since):
            role["until"] = until
        person.setdefault("roles", []).append(role)
        self._count_unread(entity, EDGE_READS[entity.schema.name])
        if rest:
            self._report.not_carried[(entity.schema.name, "role")] += len(rest)
        return True

    def _participant(self, entity: _Entity) -> bool:
        project = self._records.get(self._one(entity, "project"))
        participant = self._one(entity, "participant")
        if project is None or self._kind.get(self._one(entity, "project")) != "project":
            return False
        if self._one(entity, "role") == OWNER and "owner" not in project:
            owner = self._ref(participant, "organization", "person")
            if owner is None:
                return False
            project["owner"] = owner
        else:
            org = self._ref(participant, "organization")
            if org is None:
                return False
            project.setdefault("organizations", []).append(org)
        self._count_unread(entity, EDGE_READS[entity.schema.name])
        return True

    def _link(self, entity: _Entity) -> bool:
        subject, target = self._one(entity, "subject"), self._one(entity, "object")
        role = self._one(entity, "role")
        rec_subject, rec_object = self._records.get(subject), self._records.get(target)
        kinds = (self._kind.get(subject), self._kind.get(target))
        if rec_subject is None or rec_object is None:
            return False
        if role == FOUNDER and kinds == ("person", "organization"):
            rec_object.setdefault("founders", []).append(rec_subject["id"])
        elif role == SIGNATORY and kinds == ("person", "agreement"):
            rec_object.setdefault("signatories", []).append(rec_subject["id"])
        elif role == COMMITMENT and kinds == ("organization", "agreement"):
            rec_object.setdefault("commitments", []).append(
                {"party": rec_subject["id"], "text": self._text(entity, "summary")}
            )
        elif role == PROJECT and kinds == ("agreement", "project"):
            rec_object.setdefault("agreements", []).append(rec_subject["id"])
        elif kinds[0] == "event" and (role in (RELATED, "") or kinds[1] != "event"):
            rec_subject.setdefault("related", []).append(rec_object["id"])
        elif kinds[1] == "event":
            rec_object.setdefault("related", []).append(rec_subject["id"])
        else:
            return False
        self._count_unread(entity, EDGE_READS[LINK] if role == COMMITMENT else _LINK_READS)
        return True

    def _award(self, entity: _Entity) -> bool:
        contract = self._records.get(self._one(entity, "contract"))
        supplier = self._ref(self._one(entity, "supplier"), "organization")
        if (
            contract is None
            or self._kind.get(self._one(entity, "contract")) != "agreement"
            or supplier is None
        ):
            return False
        if supplier not in contract["parties"]:
            contract["parties"].append(supplier)
        self._count_unread(entity, EDGE_READS[entity.schema.name])
        return True

    def _payment(self, entity: _Entity) -> bool:
        contract = self._records.get(self._one(entity, "contract"))
        payer = self._ref(self._one(entity, "payer"), "organization")
        if contract is None or self._kind.get(self._one(entity, "contract")) != "agreement" or payer is None:
            return False
        money = self._money(entity)
        if money is None:
            return False
        investment: Record = {"by": payer, "money": money}
        due: Record = {}
        self._date(due, entity, "endDate", "date")
        if due:
            investment["due"] = due["date"]
            if "date_precision" in due:
                investment["due_precision"] = due["date_precision"]
        purpose = self._text(entity, "purpose")
        if purpose:
            investment["purpose"] = purpose
        # The beneficiaries the export writes are the agreement's other parties: nothing is lost then.
        parties = set(contract["parties"])
        others = [
            b for b in entity.props.get("beneficiary", []) if self._ref(b, "organization") not in parties
        ]
        if others:
            self._report.not_carried[(entity.schema.name, "beneficiary")] += len(others)
        contract.setdefault("investments", []).append(investment)
        self._count_unread(entity, EDGE_READS[entity.schema.name])
        return True

    # -- the file --------------------------------------------------------------------------------

    def _finish(self, taken: set[str]) -> Record:
        dropped = set()
        for ftm, record in self._records.items():
            if self._kind[ftm] == "agreement" and not record["parties"]:
                dropped.add(record["id"])
                self._report.unmapped[(self._schema_of[ftm], NO_PARTY)] += 1
                self._report.used[self._schema_of[ftm]] -= 1
        published = {r["id"]: r["published"] for f, r in self._records.items() if self._kind[f] == "source"}
        synthetic = ""
        tables: dict[str, list[Record]] = {table: [] for table in _TABLES.values()}
        for ftm, record in self._records.items():
            kind = self._kind[ftm]
            if record["id"] in dropped:
                continue
            for key in ("agreements", "related"):
                if key in record:
                    kept = [r for r in dict.fromkeys(record[key]) if r not in dropped]
                    if len(kept) < len(record[key]):
                        self._report.not_carried[(self._schema_of[ftm], key)] += len(record[key]) - len(kept)
                    if kept:
                        record[key] = kept
                    else:
                        del record[key]
            if kind != "source" and not record["provenance"]:
                synthetic = synthetic or self._unique("ftm-import", taken)
                record["provenance"] = [{"source": synthetic}]
            if kind in ("agreement", "event") and "date" not in record:
                ko, en = both("ftm.no_date")
                record["date_note"] = {"ko": ko, "en": en}
            if "valuation" in record:
                first = record["provenance"][0]["source"]
                record["valuation"]["as_of"] = published.get(first, self._published).year
            for key in ("founders", "signatories", "organizations"):
                if key in record:
                    record[key] = list(dict.fromkeys(record[key]))
            tables[_TABLES[kind]].append(record)
        # FtM has no paragraph count: a source has at least as many as the highest one cited.
        cited: dict[str, int] = {}
        for kind in ("organizations", "people", "agreements", "projects", "events"):
            for record in tables[kind]:
                for entry in record["provenance"]:
                    source, paragraph = entry["source"], entry.get("paragraph", 0)
                    cited[source] = max(cited.get(source, 0), paragraph)
        for record in tables["sources"]:
            if cited.get(record["id"]):
                record["paragraphs"] = cited[record["id"]]
        if synthetic:
            tables["sources"].insert(0, self._synthetic(synthetic))
        self._report.synthetic_source = synthetic
        korean = any(
            "ko" in (r.get("name") or r.get("title") or {}) for rows in tables.values() for r in rows
        )
        meta = {"title": f"{self._path.name} (FollowTheMoney)", "language": "ko" if korean else "en"}
        return {"meta": meta, **{table: rows for table, rows in tables.items() if rows}}

    def _synthetic(self, source_id: str) -> Record:
        outlet_ko, outlet_en = both("ftm.synthetic.outlet")
        summary_ko, summary_en = both("ftm.synthetic.summary", file=self._path.name)
        return {
            "id": source_id,
            "outlet": {"ko": outlet_ko, "en": outlet_en},
            "title": {"en": self._path.name},
            "published": self._published,
            "language": "en",
            "summary": {"ko": summary_ko, "en": summary_en},
        }
