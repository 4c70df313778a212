"""What a search returns: hits and how well they match (`Rank`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Rank(IntEnum):
    """How well a query matches; lower is better."""

    EXACT = 0
    """The query is a whole value of a short field (a name, alias, id, tag, amount, date, place)."""
    PREFIX = 1
    """A short field's value starts with the query."""
    WORD_PREFIX = 2
    """The query starts at a word start inside a value."""
    SUBSTRING = 3
    """The query is somewhere inside a value (or, for a year, inside a project's period)."""
    SPACING = 4
    """A name, alias or id matches once spaces and punctuation are ignored on both sides:
    ``lee jin hyung`` or ``leejinhyung`` for Lee Jin-hyung, ``대구 혁신`` for 대구혁신."""
    INITIALS = 5
    """Korean initial consonants: ``ㄷㄱ`` or ``대ㄱ`` for 대구 (names and aliases only)."""
    FUZZY = 6
    """A query word is one or two typos away from a name or alias word, and every other query
    word is in the names too, as typed or with a typo: ``moter valley`` for Motor Valley."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One entity found by a query, with where and how it matched.

    `text` is the matched field's value (whitespace collapsed), cut to about 80 characters
    around the match with ``…``; ``text[span[0]:span[1]]`` is the matched part, to highlight.
    """

    entity_id: str
    kind: str
    rank: Rank
    field: str
    """Where the best match is: the key of a field of the entity's kind in the field table
    (`tui.facts.fields`) — "id", "aliases", "tags", "budget", "founded", "valuation", "date",
    "published", "period" (also for a year inside it), "area", "investments" (any part of one),
    "place", "location", "commitments", "quote" (what someone said at an event), "provenance"
    (a citation's quote), ... — with ".ko" or ".en" for a name, a title or a summary (which
    language matched). `hit_label` says it in words, as the detail pane does."""
    text: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The best hits (at most the limit asked for) and how many entities match in all."""

    hits: list[Hit]
    total: int
