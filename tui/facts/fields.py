"""What fields each kind of entity has and how each is shown: the one table that the detail pane,
`facts-tui show`, the Markdown and CSV exports and the list subtitles read (and, next, the edit form).

`KINDS[kind].fields` lists a kind's fields in the order they are shown. A `Field` says:
- `key`: the TOML key, which is also the attribute on the model (`getattr(entity, key)` gets it);
- its label in Korean and English (`Field.label`: the message `field.<key>` of `tui.facts.messages`);
- `type`: what its value is (see `FieldType`), which decides how it is shown, exported and parsed;
- `required`: whether a file must give it; `kinds`: for references, the kinds the id may name;
- `part_of`: a key shown (and exported) inside another field, e.g. `date_note` inside `date`;
- `search`: the search tier its text is found at (`SearchTier`), or "" if search passes it by.

`field_rows(facts, entity, lang)` turns an entity into `FieldRow`s: a label and items, each a
`Line` of `Piece`s (plain text, a reference to an id, a de-emphasised piece, a quotation, an id).
Rich (`tui/render/fields.py`) and Markdown (`tui.facts.export.markdown`) only lay those out, so
every output shows a value the same way. `subtitle(entity, lang)` gives the short parts of a
list row, from the fields named in `KindFields.subtitle`. No Rich or Textual here.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

import msgspec

from tui.facts.index import FactBase
from tui.facts.messages import msg
from tui.facts.model import (
    ENTITY_KINDS,
    TYPE_BY_KIND,
    Bilingual,
    Commitment,
    Entity,
    Investment,
    Language,
    Money,
    Period,
    Quote,
    Role,
    Valuation,
)
from tui.facts.money import format_date, format_money
from tui.facts.text import field_label, kind_label, quantity_text, subkind_label

FieldType = Literal[
    "id",  # the entity's own id
    "kind",  # the sub-kind a file gives (a choice, shown with the entity's kind: 'Organization (company)')
    "choice",  # one of the values the model's Literal allows (a source's language)
    "text",  # one line of text in the file's language
    "url",  # text that is shown, never opened
    "texts",  # a list of short texts (aliases)
    "tags",  # a list of tags, shown '#tag'
    "bilingual",  # a text in Korean and English: both are shown
    "prose",  # a long bilingual text: the reading language is shown (summary)
    "bilingual_list",  # a list of bilingual texts (goals)
    "ref",  # an id naming an entity of `kinds`
    "refs",  # a list of those
    "money",
    "date",  # a date, with the keys of its precision, note and time of day if it has them
    "precision",  # 'day', 'month' or 'year': part of a date
    "time",  # a time of day: part of a date
    "year",
    "count",  # a whole number >= 0
    "quantity",
    "quantities",
    "period",  # start and end years
    "provenance",  # where the facts come from: shown as citations, not as a field
    "roles",
    "commitments",
    "investments",
    "valuation",
    "quote",
]

SearchTier = Literal["", "names", "tags", "values", "places", "text"]
"""Where search finds a field, best tier first (`tui.facts.search.fields` ranks ties by it):
names, ids and aliases; tags; amounts, dates and measures; places, outlets and authors; long
text. "" for a field with no text of its own to find: a choice, a reference (the entity named is
found by its own name), a count, a url, a date's precision or time. The parts of a composite
value are found as what they are: an investment's amount and due date among the values, its
place among the places, its purpose among the text (`tui.facts.search.fields`)."""

PieceKind = Literal["text", "ref", "dim", "quote", "id", "cite"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a value: plain `text`; a `ref` (text is the name, `target` the id it names); a
    `dim` piece (years, a separator); a `quote` (quotation marks included); an `id`; a `cite`, the
    paragraphs that support the field (' ¶3', see `tui.facts.citations.marks`)."""

    text: str
    kind: PieceKind = "text"
    target: str = ""


Line = tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a kind (see the module's docstring)."""

    key: str
    type: FieldType
    required: bool = False
    kinds: tuple[str, ...] = ()
    precision: str = ""
    """For a date: the key of its precision."""
    note: str = ""
    """For a date: the key of a note ('recently'), shown with it or alone when there is no date."""
    time: str = ""
    """For a date: the key of its time of day."""
    part_of: str = ""
    search: SearchTier = ""
    """The search tier of its text (see `SearchTier`)."""

    def label(self, lang: Language) -> str:
        """'founded' or '설립'."""
        return field_label(self.key, lang)

    @property
    def shown(self) -> bool:
        """Whether it has a row of its own (a part is shown in its whole; provenance as citations)."""
        return not self.part_of and self.type != "provenance"


@dataclass(frozen=True, slots=True)
class KindFields:
    """The fields of one kind, in the order they are shown, and which of them make its outputs."""

    kind: str
    fields: tuple[Field, ...]
    name: str
    """The key of the field that names it: 'title' for a source, 'name' for the rest."""
    subtitle: tuple[str, ...]
    """The fields of its one-line subtitle in lists, in order."""
    csv: tuple[str, ...]
    """The fields with CSV columns of their own, in column order (after id and the name)."""

    def field(self, key: str) -> Field:
        """The field under `key`."""
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(f"{self.kind} has no field {key!r}")

    def choices(self, key: str) -> tuple[str, ...]:
        """The values a `kind` or `choice` field may take, read from the model's Literal."""
        for info in msgspec.structs.fields(TYPE_BY_KIND[self.kind]):
            if info.name == key:
                return tuple(typing.get_args(info.type))
        raise KeyError(f"{self.kind} has no field {key!r}")


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One field of one entity, ready to lay out: its label in the reading language and its items
    (one for a single value, one per element for a list)."""

    field: Field
    label: str
    items: tuple[Line, ...]


# -- the table ---------------------------------------------------------------------------------------

_ID = Field("id", "id", required=True, search="names")
_NAME = Field("name", "bilingual", required=True, search="names")
_ALIASES = Field("aliases", "texts", search="names")
_SUMMARY = Field("summary", "prose", search="text")
_TAGS = Field("tags", "tags", search="tags")
_PROVENANCE = Field("provenance", "provenance", required=True, kinds=("source",), search="text")
"""Searched by its quotes: the source's words."""
_KIND = Field("kind", "kind")
_DATE = (
    Field("date", "date", precision="date_precision", note="date_note", search="values"),
    Field("date_precision", "precision", part_of="date"),
    Field("date_note", "bilingual", part_of="date", search="text"),
    Field("place", "bilingual", search="places"),
)
_ORG = ("organization",)

KINDS: dict[str, KindFields] = {
    kind.kind: kind
    for kind in (
        KindFields(
            "organization",
            (
                _ID,
                Field("kind", "kind", required=True),
                _NAME,
                _ALIASES,
                Field("location", "bilingual", search="places"),
                Field("founded", "year", search="values"),
                Field("founders", "refs", kinds=("person",)),
                Field("valuation", "valuation", search="values"),
                Field("parent", "ref", kinds=_ORG),
                _SUMMARY,
                _TAGS,
                _PROVENANCE,
            ),
            name="name",
            subtitle=("kind", "location"),
            csv=("kind", "location", "founded", "parent"),
        ),
        KindFields(
            "agreement",
            (
                _ID,
                _KIND,
                _NAME,
                _ALIASES,
                *_DATE,
                Field("parties", "refs", required=True, kinds=_ORG),
                Field("signatories", "refs", kinds=("person",)),
                Field("commitments", "commitments", kinds=_ORG, search="text"),
                Field("investments", "investments", kinds=_ORG, search="values"),
                Field("projects", "refs", kinds=("project",)),
                _SUMMARY,
                _TAGS,
                _PROVENANCE,
            ),
            name="name",
            subtitle=("kind", "date", "investments"),
            csv=("kind", "date", "parties", "signatories", "projects"),
        ),
        KindFields(
            "project",
            (
                _ID,
                _KIND,
                _NAME,
                _ALIASES,
                Field("owner", "ref", kinds=("organization", "person")),
                Field("budget", "money", search="values"),
                Field("period", "period", search="values"),
                Field("area", "quantity", search="values"),
                Field("figures", "quantities", search="values"),
                Field("location", "bilingual", search="places"),
                Field("vision", "bilingual", search="text"),
                Field("goals", "bilingual_list", search="text"),
                Field("organizations", "refs", kinds=_ORG),
                Field("agreements", "refs", kinds=("agreement",)),
                _SUMMARY,
                _TAGS,
                _PROVENANCE,
            ),
            name="name",
            subtitle=("kind", "period", "budget"),
            csv=("kind", "owner", "budget", "period"),
        ),
        KindFields(
            "person",
            (
                _ID,
                _NAME,
                _ALIASES,
                Field("roles", "roles", kinds=_ORG, search="text"),
                _SUMMARY,
                _TAGS,
                _PROVENANCE,
            ),
            name="name",
            subtitle=("roles",),
            csv=("roles",),
        ),
        KindFields(
            "event",
            (
                _ID,
                Field("kind", "kind", required=True),
                _NAME,
                _ALIASES,
                *_DATE,
                Field("participants", "refs", kinds=("person", "organization")),
                Field("quote", "quote", kinds=("person",), search="text"),
                Field("related", "refs", kinds=ENTITY_KINDS),
                _SUMMARY,
                _TAGS,
                _PROVENANCE,
            ),
            name="name",
            subtitle=("kind", "date", "place"),
            csv=("kind", "date", "participants"),
        ),
        KindFields(
            "source",
            (
                _ID,
                Field("outlet", "bilingual", required=True, search="places"),
                Field("title", "bilingual", required=True, search="names"),
                Field("author", "text", search="places"),
                Field("published", "date", required=True, time="published_time", search="values"),
                Field("published_time", "time", part_of="published"),
                Field("language", "choice"),
                Field("url", "url"),
                Field("paragraphs", "count"),
                _SUMMARY,
                _TAGS,
            ),
            name="title",
            subtitle=("outlet", "published"),
            csv=("outlet", "published", "author", "url"),
        ),
    )
}
"""Every kind's fields. A field added to the model needs a line here (tests/facts/test_fields.py)."""


# -- from a value to lines of pieces -----------------------------------------------------------------


def money_text(money: Money) -> str:
    """Money in a field: always both languages, `760억 원 (KRW 76.0 billion)`."""
    return format_money(money)


def ref_piece(facts: FactBase, entity_id: str, lang: Language) -> Piece:
    """A reference: the named entity's label in `lang` (its id if it is missing) and its id."""
    entity = facts.get(entity_id)
    return Piece(entity.label(lang) if entity is not None else entity_id, "ref", entity_id)


def bilingual_pieces(value: Bilingual) -> Line:
    """'엘비스 / LVIS' (the slash de-emphasised), or the one language given."""
    if value.ko and value.en and value.ko != value.en:
        return (Piece(value.ko), Piece(" / ", "dim"), Piece(value.en))
    return (Piece(value.ko or value.en),)


def _date_text(entity: Entity, field: Field, lang: Language, with_time: bool = True) -> str:
    # '2023-03-06 (note)', the note alone when there is no date, '2023-03-07 03:00' with a time.
    date = getattr(entity, field.key)
    text = format_date(date, getattr(entity, field.precision) if field.precision else "day") if date else ""
    if with_time and field.time and (time := getattr(entity, field.time)) is not None:
        text += f" {time.strftime('%H:%M')}"
    note = getattr(entity, field.note).pick(lang) if field.note else ""
    if text and note:
        return f"{text} ({note})"
    return text or note


def _period_text(period: Period) -> str:
    return f"{period.start}–{period.end if period.end is not None else ''}"


def _role_line(facts: FactBase, role: Role, lang: Language) -> Line:
    line = [Piece(role.title.pick(lang) + ", "), ref_piece(facts, role.organization, lang)]
    if role.since or role.until:
        line.append(Piece(f" ({role.since or ''}–{role.until or ''})", "dim"))
    return tuple(line)


def _commitment_line(facts: FactBase, commitment: Commitment, lang: Language) -> Line:
    return (ref_piece(facts, commitment.party, lang), Piece(": " + commitment.text.pick(lang)))


def _investment_line(facts: FactBase, investment: Investment, lang: Language) -> Line:
    text = ": " + money_text(investment.money)
    if investment.due:
        text += msg("investment_due", lang, date=format_date(investment.due, investment.due_precision))
    if investment.purpose:
        text += f" — {investment.purpose.pick(lang)}"
    if investment.place:
        text += f" ({investment.place.pick(lang)})"
    return (ref_piece(facts, investment.by, lang), Piece(text))


def _valuation_line(valuation: Valuation, lang: Language) -> Line:
    return (Piece(msg("valuation_as_of", lang, money=money_text(valuation.money), year=valuation.as_of)),)


def _quote_line(facts: FactBase, quote: Quote, lang: Language) -> Line:
    line = [Piece(f"“{quote.text}”", "quote")]
    if quote.speaker:
        line += [Piece(" — "), ref_piece(facts, quote.speaker, lang)]
    elif quote.speaker_note:
        line.append(Piece(f" — {quote.speaker_note.pick(lang)}"))
    return tuple(line)


def _one(text: str) -> tuple[Line, ...]:
    return ((Piece(text),),) if text else ()


def field_items(facts: FactBase, entity: Entity, field: Field, lang: Language) -> tuple[Line, ...]:
    """The field's value as lines of pieces: none when the entity leaves it empty."""
    value = getattr(entity, field.key)
    match field.type:
        case "id":
            return ((Piece(value, "id"),),)
        case "kind":
            kind = msg(
                "kind_with_subkind",
                lang,
                kind=kind_label(entity.KIND, lang),
                subkind=subkind_label(value, lang),
            )
            return _one(kind)
        case "choice" | "text" | "url":
            return _one(value)
        case "year" | "count":
            return _one(str(value) if value else "")
        case "texts":
            return tuple((Piece(text),) for text in value)
        case "tags":
            return tuple((Piece(f"#{tag}"),) for tag in value)
        case "bilingual":
            return (bilingual_pieces(value),) if value else ()
        case "prose":
            return _one(value.pick(lang))
        case "bilingual_list":
            return tuple((Piece(text.pick(lang)),) for text in value if text)
        case "ref":
            return ((ref_piece(facts, value, lang),),) if value else ()
        case "refs":
            return tuple((ref_piece(facts, target, lang),) for target in value)
        case "money":
            return _one(money_text(value) if value else "")
        case "date":
            return _one(_date_text(entity, field, lang))
        case "period":
            return _one(_period_text(value) if value else "")
        case "quantity":
            return _one(quantity_text(value, lang) if value else "")
        case "quantities":
            return tuple((Piece(quantity_text(q, lang)),) for q in value)
        case "roles":
            return tuple(_role_line(facts, role, lang) for role in value)
        case "commitments":
            return tuple(_commitment_line(facts, c, lang) for c in value)
        case "investments":
            return tuple(_investment_line(facts, i, lang) for i in value)
        case "valuation":
            return (_valuation_line(value, lang),) if value else ()
        case "quote":
            return (_quote_line(facts, value, lang),) if value else ()
    raise ValueError(f"{field.key}: a {field.type} has no row of its own")


def field_rows(facts: FactBase, entity: Entity, lang: Language) -> Iterator[FieldRow]:
    """Each field the entity gives, in the table's order, labelled in `lang`; a cited field's last
    line ends with a `cite` piece naming the paragraphs that support it."""
    from tui.facts.citations import marks  # the citations read this table: import late

    cited = marks(entity)
    for field in KINDS[entity.KIND].fields:
        if field.shown and (items := field_items(facts, entity, field, lang)):
            if mark := cited.get(field.key):
                items = (*items[:-1], (*items[-1], Piece(f" {mark}", "cite")))
            yield FieldRow(field, field.label(lang), items)


def lead_mark(row: FieldRow, inline: bool) -> tuple[str, tuple[Line, ...]]:
    """The citation mark to show on the label's line, and the items without it.

    `field_rows` ends a cited field's last item with its mark (`¶0, 4`). The mark cites the whole
    field: a single value keeps it at its end (returned ""); a list shows it first, where it cannot
    be read as the last item's alone, nor (in the detail pane, which wraps a list written on one
    line) be left alone on a line of its own. Markdown, which does not wrap, keeps the mark of a list
    it writes on one line (`inline`) at its end."""
    items = row.items
    last = items[-1] if items else ()
    if inline or len(items) < 2 or not last or last[-1].kind != "cite":
        return "", items
    return last[-1].text.strip(), (*items[:-1], last[:-1])


def plain(line: Line) -> str:
    """A line as plain text, a reference as 'LVIS (lvis)'."""
    return "".join(f"{p.text} ({p.target})" if p.kind == "ref" else p.text for p in line)


# -- subtitles -----------------------------------------------------------------------------------------

_SHORT: dict[str, Callable[[Entity, Field, Language], str]] = {
    # A subtitle is short and in the reading language: money in one language, one role's title.
    "kind": lambda e, f, lang: subkind_label(getattr(e, f.key), lang),
    "bilingual": lambda e, f, lang: getattr(e, f.key).pick(lang),
    "date": lambda e, f, lang: _date_text(e, f, lang, with_time=False),
    "period": lambda e, f, lang: _period_text(p) if (p := getattr(e, f.key)) else "",
    "money": lambda e, f, lang: format_money(m, lang) if (m := getattr(e, f.key)) else "",
    "roles": lambda e, f, lang: r[0].title.pick(lang) if (r := getattr(e, f.key)) else "",
    "investments": lambda e, f, lang: format_money(i[0].money, lang) if (i := getattr(e, f.key)) else "",
}


def subtitle(entity: Entity, lang: Language) -> list[str]:
    """The parts of the entity's one-line subtitle in lists (`KindFields.subtitle`), empty ones left out."""
    kind = KINDS[entity.KIND]
    parts = (_SHORT[field.type](entity, field, lang) for field in map(kind.field, kind.subtitle))
    return [part for part in parts if part]


# -- the JSON Schema -----------------------------------------------------------------------------------


def describe_schema(schema: dict) -> None:
    """Give each entity property of `schema` (the model's JSON Schema) its labels in both languages
    and, for a reference, the kinds it may name: editors show them while a file is written."""
    for kind, table in KINDS.items():
        properties = schema["$defs"][TYPE_BY_KIND[kind].__name__]["properties"]
        for field in table.fields:
            text = f"{field.label('en')} ({field.label('ko')})"
            if field.kinds:
                text += f"; names: {', '.join(field.kinds) if field.kinds != ENTITY_KINDS else 'any kind'}"
            if field.part_of:
                text += f"; shown with {field.part_of}"
            prop = properties[field.key]
            prop["description"] = f"{text}. {prop['description']}" if "description" in prop else f"{text}."
