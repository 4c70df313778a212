"""Locating hits: for a ranked entity, the field and value where the query matched, and the span."""

from __future__ import annotations

from tui.facts.model import Entity, Project
from tui.facts.search.fields import _fields
from tui.facts.search.normalize import _LATIN_WORD, _fold, _Query
from tui.facts.search.ranking import Ranking
from tui.facts.search.results import Hit, Rank
from tui.facts.search.snippets import _span_in, _to_display, snippet
from tui.facts.text import period_text


class Hits(Ranking):
    """Builds a `Hit`: the best field of an entity for a query, its snippet and span."""

    def _hit(self, i: int, rank: Rank, tier: int, q: _Query) -> Hit:
        entity = self._entities[i]
        field, text, span = self._locate(entity, rank, tier, q)
        short, short_span = snippet(text, span)
        return Hit(entity.id, entity.KIND, rank, field, short, short_span)

    def _locate(self, entity: Entity, rank: Rank, tier: int, q: _Query) -> tuple[str, str, tuple[int, int]]:
        """The first field and value of `tier` where `q` matches at `rank`, and the span in the value."""
        fields = [(name, values) for name, t, values in _fields(entity) if t == tier]
        if rank == Rank.FUZZY:
            words = frozenset().union(*map(self._typo_words, q.typos))
            for name, values in fields:
                if name == "id":
                    continue
                for value in values:
                    folded = _fold(value)
                    for found in _LATIN_WORD.finditer(folded):
                        if found.group() in words:
                            return name, value, _to_display(value, folded, *found.span())
        else:
            if rank == Rank.SPACING:  # show a name rather than the id, which often spells it too
                fields.sort(key=lambda field: field[0] == "id")
            for name, values in fields:
                for value in values:
                    span = _span_in(value, q, rank)
                    if span is not None:
                        return name, value, span
        if rank == Rank.SUBSTRING and isinstance(entity, Project) and entity.period is not None:
            text = period_text(entity)  # a year inside the period
            return "period", text, (0, len(text))
        return "id", entity.id, (0, 0)  # pragma: no cover - bulk and one-by-one rules agree
