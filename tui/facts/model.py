"""The fact schema: typed, immutable entities decoded from a fact file.

One class per table. Constraints live in the annotations, so the fast validator
(msgspec), the error-collecting validator (`load.py`) and the JSON Schema
(`facts.schema.json`) all read the same definitions.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Iterator
from typing import Annotated, ClassVar, Final, Literal

import msgspec
from msgspec import Meta, Struct

SCHEMA_VERSION: Final = 1

Id = Annotated[
    str,
    Meta(
        pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$",
        description="Lower-case letters, digits, '.', '_' and '-'; unique across the whole file.",
    ),
]
Year = Annotated[int, Meta(ge=1, le=9999)]
TOML_INT_MAX = 2**63 - 1
"""TOML integers are 64-bit; a longer one is refused rather than carried into formatting."""
Count = Annotated[int, Meta(ge=0, le=TOML_INT_MAX)]
Language = Literal["ko", "en"]
Precision = Annotated[
    Literal["day", "month", "year"],
    Meta(
        description="How much of the date the source states: 2024-09-30 with 'month' means 'September 2024'."
    ),
]


class Record(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, gc=False):
    """Base of every table: immutable, keyword-only, unknown keys rejected.

    `gc=False`: immutable records of strings, numbers and tuples cannot form reference
    cycles, so the garbage collector need not track 100,000s of them (loading is faster and
    every later collection cheaper).
    """


class Bilingual(Record, frozen=True, kw_only=True):
    """A text in Korean and English; at least one must be given."""

    ko: str = ""
    en: str = ""

    def pick(self, lang: Language) -> str:
        """The text in `lang`, falling back to the other language."""
        if lang == "ko":
            return self.ko or self.en
        return self.en or self.ko

    def __bool__(self) -> bool:
        return bool(self.ko or self.en)


class Money(Record, frozen=True, kw_only=True):
    """An exact amount in the currency's main unit: 760억 원 is amount = 76000000000, currency = "KRW"."""

    amount: Count
    currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. KRW, USD")]


class Quantity(Record, frozen=True, kw_only=True):
    """A measured value with its unit, e.g. 330000 m2 or 1000000 vehicles/year."""

    value: Annotated[float, Meta(ge=0)]
    unit: str
    label: Bilingual = Bilingual()


class Provenance(Record, frozen=True, kw_only=True):
    """Where a fact comes from: a source id, the paragraph (0 = headline, deck or photo caption), the
    entity's fields it supports (none named: the entity as a whole) and, optionally, the source's
    exact words."""

    source: Id
    paragraph: Count = 0
    fields: Annotated[
        tuple[str, ...],
        Meta(
            description="The entity's fields this paragraph supports, by key (founded, valuation, date; "
            "not id, provenance or parts such as date_precision). None: the entity as a whole. "
            "tags need no citation.",
            examples=[["founded", "founders"], ["valuation"]],
        ),
    ] = ()
    quote: str = ""


class FileMeta(Record, frozen=True, kw_only=True):
    """The `[meta]` table: what the file is."""

    title: str
    description: str = ""
    schema_version: Literal[1] = SCHEMA_VERSION
    language: Language = "ko"


class Entity(Record, frozen=True, kw_only=True):
    """Fields shared by every entity kind."""

    KIND: ClassVar[str] = "entity"
    TABLE: ClassVar[str] = "entities"

    id: Id
    tags: tuple[str, ...] = ()
    summary: Bilingual = Bilingual()

    def label(self, lang: Language = "ko") -> str:
        """The entity's display name in `lang` (falls back to the other language, then the id)."""
        return self.id

    def references(self) -> Iterator[Reference]:
        """Every id this entity names, with the role it plays and the kinds it may be: the fields
        `tui.facts.rules.REFERENCES` declares for its kind, read from the field table."""
        return _rules().references(self)


class Reference(Struct, frozen=True):
    """One link from an entity to another, as declared in the file."""

    role: str
    target: str
    kinds: tuple[str, ...]
    field: str = ""
    """The key it is written under ('parties' for a party), to point at its line."""


class Named(Entity, frozen=True, kw_only=True):
    """An entity with a bilingual name and optional aliases."""

    name: Bilingual
    aliases: tuple[str, ...] = ()
    provenance: Annotated[tuple[Provenance, ...], Meta(min_length=1)]

    def label(self, lang: Language = "ko") -> str:
        return self.name.pick(lang) or self.id


class Source(Entity, frozen=True, kw_only=True):
    """A document facts are taken from, e.g. a news article."""

    KIND: ClassVar[str] = "source"
    TABLE: ClassVar[str] = "sources"

    outlet: Bilingual
    title: Bilingual
    author: str = ""
    published: dt.date
    published_time: Annotated[dt.time | None, Meta(description="Local time at the outlet, as printed.")] = (
        None
    )
    language: Language = "ko"
    url: str = ""
    paragraphs: Count = 0

    def label(self, lang: Language = "ko") -> str:
        return self.title.pick(lang) or self.id


class Valuation(Record, frozen=True, kw_only=True):
    money: Money
    as_of: Year


class Organization(Named, frozen=True, kw_only=True):
    KIND: ClassVar[str] = "organization"
    TABLE: ClassVar[str] = "organizations"

    kind: Literal[
        "city-government",
        "government",
        "public-agency",
        "company",
        "research-institute",
        "university",
        "media",
        "association",
        "other",
    ]
    location: Bilingual = Bilingual()
    founded: Year | None = None
    founders: tuple[Id, ...] = ()
    valuation: Valuation | None = None
    parent: Id | None = None


class Role(Record, frozen=True, kw_only=True):
    """A position a person holds at an organization."""

    organization: Id
    title: Bilingual
    since: Year | None = None
    until: Year | None = None


class Person(Named, frozen=True, kw_only=True):
    KIND: ClassVar[str] = "person"
    TABLE: ClassVar[str] = "people"

    roles: tuple[Role, ...] = ()


class Commitment(Record, frozen=True, kw_only=True):
    """What one party undertakes in an agreement."""

    party: Id
    text: Bilingual


class Investment(Record, frozen=True, kw_only=True):
    """Money someone commits to spend, with an optional deadline."""

    by: Id
    money: Money
    due: dt.date | None = None
    due_precision: Precision = "day"
    purpose: Bilingual = Bilingual()
    place: Bilingual = Bilingual()


class Dated(Named, frozen=True, kw_only=True):
    """An entity that happened (or was signed) at a date, or that the source leaves undated."""

    date: dt.date | None = None
    date_precision: Precision = "day"
    date_note: Bilingual = Bilingual()
    place: Bilingual = Bilingual()


class Agreement(Dated, frozen=True, kw_only=True):
    KIND: ClassVar[str] = "agreement"
    TABLE: ClassVar[str] = "agreements"

    kind: Literal["mou", "contract", "investment", "partnership", "other"] = "mou"
    parties: Annotated[tuple[Id, ...], Meta(min_length=1)]
    signatories: tuple[Id, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    investments: tuple[Investment, ...] = ()
    projects: tuple[Id, ...] = ()


class Period(Record, frozen=True, kw_only=True):
    start: Year
    end: Year | None = None


class Project(Named, frozen=True, kw_only=True):
    KIND: ClassVar[str] = "project"
    TABLE: ClassVar[str] = "projects"

    kind: Literal["program", "plan", "facility", "product", "cluster", "other"] = "program"
    owner: Id | None = None
    budget: Money | None = None
    period: Period | None = None
    area: Quantity | None = None
    figures: tuple[Quantity, ...] = ()
    location: Bilingual = Bilingual()
    vision: Bilingual = Bilingual()
    goals: tuple[Bilingual, ...] = ()
    organizations: tuple[Id, ...] = ()
    agreements: tuple[Id, ...] = ()


class Quote(Record, frozen=True, kw_only=True):
    text: str
    speaker: Id | None = None
    speaker_note: Bilingual = Bilingual()


class Event(Dated, frozen=True, kw_only=True):
    KIND: ClassVar[str] = "event"
    TABLE: ClassVar[str] = "events"

    kind: Literal["meeting", "signing", "lecture", "forum", "declaration", "quote", "announcement", "other"]
    participants: tuple[Id, ...] = ()
    quote: Quote | None = None
    related: tuple[Id, ...] = ()


class FactFile(Record, frozen=True, kw_only=True):
    """The whole file as written: `[meta]` and one array of tables per kind."""

    meta: FileMeta
    sources: tuple[Source, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    projects: tuple[Project, ...] = ()
    events: tuple[Event, ...] = ()


ENTITY_TYPES: tuple[type[Entity], ...] = (Organization, Agreement, Project, Person, Event, Source)
"""Every entity kind, in the order the explorer shows them."""
ENTITY_KINDS: tuple[str, ...] = tuple(t.KIND for t in ENTITY_TYPES)
KIND_BY_TABLE: dict[str, type[Entity]] = {t.TABLE: t for t in ENTITY_TYPES}
TYPE_BY_KIND: dict[str, type[Entity]] = {t.KIND: t for t in ENTITY_TYPES}


@functools.cache
def _rules() -> types.ModuleType:
    """`tui.facts.rules`, imported on first use: it reads the field table, which reads this module."""
    from tui.facts import rules

    return rules


def json_schema() -> dict:
    """The JSON Schema of a fact file, generated from these classes."""
    schema = msgspec.json.schema(FactFile)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "facts-tui fact file"
    from tui.facts.fields import describe_schema  # the field table reads this module: import late

    describe_schema(schema)
    return schema
