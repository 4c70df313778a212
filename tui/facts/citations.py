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

from tui.facts.fields import KINDS, Field
from tui.facts.messages import msg
from tui.facts.model import Language

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
