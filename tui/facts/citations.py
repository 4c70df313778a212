"""Which fields of an entity its provenance cites, and which paragraphs of a source cite what.

A provenance entry may name the fields it supports (`fields = ["founded", "founders"]`); one that
names none supports the entity as a whole, which keeps a file valid but cites no field in
particular. This module is the one place that reads those names:

- `citable_fields(kind)`: the keys an entry of that kind may name (the loader checks them);
- `citations(entity)`: each cited field with the entries that cite it;
- `uncited_fields(entity)`: the fields that have a value and no entry naming them (`check` warns);
- `by_paragraph(facts, source_id)`: a source's paragraphs in order, each with what cites it (what
  `facts-tui cites` prints and the explorer's source view shows).

No Rich or Textual here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import msgspec

from tui.facts.fields import KINDS, Field
from tui.facts.index import FactBase
from tui.facts.messages import msg
from tui.facts.model import TYPE_BY_KIND, Entity, Language, Provenance
from tui.facts.problems import Problem

NOT_CLAIMS = frozenset({"tags"})
"""Citable but never missing a citation: tags are the curator's own labels, not the source's claims."""


@functools.cache
def citable_fields(kind: str) -> tuple[str, ...]:
    """The keys a provenance entry of an entity of `kind` may name, in the field table's order.

    Every top-level field of the kind (`tui.facts.fields.KINDS`) except `id`, `provenance` and the
    parts shown inside another field (cite `date`, not `date_precision`). A kind without
    provenance (a source: it *is* the citation) has none.
    """
    fields = KINDS[kind].fields
    if not any(f.type == "provenance" for f in fields):
        return ()
    return tuple(f.key for f in fields if _citable(f))


def _citable(field: Field) -> bool:
    return field.type not in ("id", "provenance") and not field.part_of


@functools.cache
def citable_set(kind: str) -> frozenset[str]:
    """`citable_fields(kind)` as a set, for checking many names at once (the loader's fast path)."""
    return frozenset(citable_fields(kind))


def citation_hint(kind: str, name: str, lang: Language) -> str:
    """What to write instead of `name`, a key an entry of `kind` may not cite: the whole a part
    belongs to, that an id is no claim, or the closest citable field (else all of them)."""
    fields = KINDS[kind].fields
    known = next((f for f in fields if f.key == name), None)
    if known is not None and known.part_of:
        return msg("citation.part_of", lang, field=name, whole=known.part_of)
    if known is not None:
        return msg("citation.not_a_claim", lang, field=name)
    from rapidfuzz import fuzz, process  # only a file with a problem gets here

    close = process.extractOne(name, citable_fields(kind), scorer=fuzz.ratio, score_cutoff=60)
    if close:
        return msg("citation.did_you_mean", lang, field=close[0])
    return msg("citation.fields_are", lang, fields=", ".join(citable_fields(kind)))


# -- an entity's citations ------------------------------------------------------------------------------


def provenance_of(entity: Entity) -> tuple[Provenance, ...]:
    """The entity's provenance entries (none for a source)."""
    return getattr(entity, "provenance", ())


def citations(entity: Entity) -> Mapping[str, tuple[Provenance, ...]]:
    """Each field some provenance entry names, with the entries that name it in file order; the
    fields in the field table's order. Entries that name no field are not in it."""
    found: dict[str, list[Provenance]] = {}
    for entry in provenance_of(entity):
        for name in entry.fields:
            found.setdefault(name, []).append(entry)
    if not found:
        return {}
    return {key: tuple(found[key]) for key in citable_fields(entity.KIND) if key in found}


@functools.cache
def _claims(kind: str) -> tuple[tuple[str, object], ...]:
    """The fields of `kind` that need a citation when given, each with the schema's default."""
    defaults = {
        f.name: f.default
        for f in msgspec.structs.fields(TYPE_BY_KIND[kind])
        if f.default is not msgspec.NODEFAULT
    }
    return tuple((key, defaults.get(key)) for key in citable_fields(kind) if key not in NOT_CLAIMS)


def uncited_fields(entity: Entity) -> tuple[str, ...]:
    """The fields the entity gives a value that no provenance entry names, in the field table's
    order. A value is given when it is neither empty nor the schema's default (an agreement whose
    file says no `kind` is an MOU, but the file claims nothing). Tags are never in it
    (`NOT_CLAIMS`), nor is anything of a source."""
    named = {name for entry in provenance_of(entity) for name in entry.fields}
    return tuple(
        key
        for key, default in _claims(entity.KIND)
        if key not in named and (value := getattr(entity, key)) and value != default
    )


def marks(entity: Entity) -> Mapping[str, str]:
    """Each cited field's mark, the paragraphs that support it: '¶3', '¶3, 7', or for a source
    other than the entity's first, with its id: '¶3; other-source ¶2'. What `show`, the detail
    pane and the Markdown export put after the value."""
    cited = citations(entity)
    if not cited:
        return {}
    primary = provenance_of(entity)[0].source
    return {key: mark_text(entries, primary) for key, entries in cited.items()}


def mark_text(entries: tuple[Provenance, ...], primary: str) -> str:
    """'¶3, 7' for paragraphs of the `primary` source, 'other ¶2' for another, joined by '; '."""
    by_source: dict[str, list[int]] = {}
    for entry in entries:
        paragraphs = by_source.setdefault(entry.source, [])
        if entry.paragraph not in paragraphs:
            paragraphs.append(entry.paragraph)
    parts = []
    for source, paragraphs in by_source.items():
        numbers = "¶" + ", ".join(map(str, paragraphs))
        parts.append(numbers if source == primary else f"{source} {numbers}")
    return "; ".join(parts)


def uncited(facts: FactBase) -> Iterator[tuple[Entity, str]]:
    """Every (entity, field) of the file that has a value and no citation (`uncited_fields`)."""
    for entity in facts:
        for key in uncited_fields(entity):
            yield entity, key


def uncited_problems(facts: FactBase, text: str, lang: Language = "en") -> list[Problem]:
    """A problem for every uncited field, on the line of its key in `text` (the file the fact base
    was loaded from), in file order: what `facts-tui check` warns about and `--strict` refuses."""
    from tui.facts.locate import Locator  # only a file with uncited fields needs it

    locator: Locator | None = None
    message = msg("citation.uncited", lang)
    hints: dict[str, str] = {}
    problems = []
    for entity in facts:
        keys = uncited_fields(entity)
        if not keys:
            continue
        locator = locator or Locator(text, {})
        table = entity.TABLE
        lines = locator.keys_of(table, facts.position(entity.id))
        for key in keys:
            line, col = lines.get(key, (None, None))
            hint = hints.get(key) or hints.setdefault(key, msg("citation.how_to_cite", lang, field=key))
            excerpt = locator.lines[line - 1].strip()[:120] if line else ""
            problems.append(Problem(message, f"{table}[{entity.id}].{key}", line, col, hint, excerpt))
    problems.sort(key=lambda p: p.line or 0)
    return problems


# -- a source, paragraph by paragraph ---------------------------------------------------------------------


MAX_LISTED_PARAGRAPHS = 10_000
"""Uncited paragraphs are listed up to this one: a file may claim a source of 10**18 paragraphs."""


@dataclass(frozen=True, slots=True)
class Citation:
    """One provenance entry citing a paragraph: the `entity` it belongs to, the `fields` it names
    (empty: the entity as a whole), the source's words if given, and `index`, which entry of the
    entity's provenance it is (`provenance[index]`)."""

    entity: Entity
    fields: tuple[str, ...]
    quote: str
    index: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a source (0: the headline, deck or photo caption) and every entry citing it."""

    number: int
    citations: tuple[Citation, ...]


def by_paragraph(facts: FactBase, source_id: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the source `source_id`, in order, each with the entries that cite it.

    Every paragraph from 0 to the source's `paragraphs` is there, cited or not (up to
    `MAX_LISTED_PARAGRAPHS`), and so is any paragraph an entry cites beyond that count. Within a paragraph, entries come in the explorer's
    kind order, then file order, then the order of each entity's provenance. Every provenance
    entry of the file naming this source is in exactly one paragraph. Raises KeyError if there is
    no source `source_id`.
    """
    source = facts[source_id]
    if source.KIND != "source":
        raise KeyError(source_id)
    cited: dict[int, list[Citation]] = {}
    for entity in _citing(facts, source_id):
        for index, entry in enumerate(provenance_of(entity)):
            if entry.source == source_id:
                citation = Citation(entity, entry.fields, entry.quote, index)
                cited.setdefault(entry.paragraph, []).append(citation)
    count = min(getattr(source, "paragraphs", 0), MAX_LISTED_PARAGRAPHS)
    numbers = sorted(set(range(count + 1)).union(cited))
    return tuple(Paragraph(n, tuple(cited.get(n, ()))) for n in numbers)


def _citing(facts: FactBase, source_id: str) -> Iterator[Entity]:
    """The entities with a provenance entry naming the source, each once, in `FactBase` order.

    Read from the backlinks, which the explorer builds anyway; the first call builds them for the
    whole file (benchmarks/citations_bench.py).
    """
    return (link.entity for link in facts.backlinks(source_id) if link.role == "source")
