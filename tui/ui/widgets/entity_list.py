"""A list of entities that stays fast at 100,000 rows: only the visible lines are rendered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.message import Message

from tui.facts import Entity
from tui.facts.model import Language
from tui.render.entity import entity_subtitle
from tui.ui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from tui.facts.search import Hit

Explain = Callable[[str], "Hit | None"]
"""How a filter's query matched an entity, by id (`SearchIndex.hit` for that query)."""


class EntityList(VirtualList):
    """Entities one per line: name, then a dim subtitle (kind, date, amount).

    Rows are any sequence of entities (a fact base's tuple, or a filtered list); nothing is
    copied or pre-rendered, so setting 100,000 rows is instant.
    """

    class Highlighted(Message):
        """The cursor moved onto an entity."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class Opened(Message):
        """Enter was pressed on an entity."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[Entity] = ()
        self._highlight = ""
        self._explain: Explain | None = None
        self._why: dict[str, Hit | None] = {}
        self._position: dict[str, int] | None = None
        self.lang: Language = "ko"

    @property
    def rows(self) -> Sequence[Entity]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def highlighted(self) -> Entity | None:
        """The entity under the cursor, if any."""
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_rows(
        self, rows: Sequence[Entity], cursor: int = 0, highlight: str = "", explain: Explain | None = None
    ) -> None:
        """Show `rows` with the cursor at `cursor`; `highlight` is a query to mark in the names.
        With `explain`, a row whose line does not show the match says where it is ('#모터')."""
        self._rows = rows
        self._highlight = highlight
        self._explain, self._why = explain, {}
        self._position = None
        self.rows_changed(cursor)

    def index_of(self, entity_id: str) -> int | None:
        """The row of an entity, or None if it is not in this list."""
        if self._position is None:
            self._position = {e.id: i for i, e in enumerate(self._rows)}
        return self._position.get(entity_id)

    def set_language(self, lang: Language) -> None:
        self.lang = lang
        self.refresh()

    def row_highlighted(self, index: int) -> None:
        self.post_message(self.Highlighted(self._rows[index]))

    def row_opened(self, index: int) -> None:
        self.post_message(self.Opened(self._rows[index]))

    def render_row(self, index: int, width: int) -> Text:
        entity = self._rows[index]
        line = Text(entity.label(self.lang), end="")
        subtitle = entity_subtitle(entity, self.lang)
        match, span, in_subtitle, hint = Style(), None, None, None
        if self._highlight:
            from tui.facts.search import match_span  # loaded with the index, not at start-up

            match = self.text_style("virtual-list--match")
            if index == self.cursor:  # no colour reads on both the list and the cursor: keep the cursor's
                match = Style(bold=match.bold, underline=match.underline)
            span = match_span(line.plain, self._highlight)
            if span is None:  # matched elsewhere: in the subtitle, or in a field the row does not show
                in_subtitle = match_span(subtitle.plain, self._highlight) if subtitle else None
                if in_subtitle is None:
                    hint = self._hint(entity.id, match)
        if span:
            line.stylize(match, *span)
        if hint is not None:
            line.append("  ").append_text(hint)
            subtitle = _fit_parts(subtitle, width - 1 - line.cell_len - 2)  # the list pads each row by one
        if subtitle:
            line.append("  ")
            start = len(line)
            line.append_text(subtitle)
            if index != self.cursor:  # on the cursor row the cursor's colours are easier to read
                line.stylize(self.text_style("virtual-list--dim"), start)
            if in_subtitle:
                line.stylize(match, start + in_subtitle[0], start + in_subtitle[1])
        return line

    def _hint(self, entity_id: str, match: Style) -> Text | None:
        """Why the filter kept a row whose line does not show the match: '#모터', '별칭: …'."""
        if self._explain is None:
            return None
        if entity_id not in self._why:
            self._why[entity_id] = self._explain(entity_id)
        hit = self._why[entity_id]
        if hit is None:
            return None
        from tui.render.hit import hit_hint  # with the index, as match_span

        return hit_hint(hit, self.lang, match=match)


SUBTITLE_GAP = " · "


def _fit_parts(subtitle: Text, width: int) -> Text:
    """The subtitle's first parts that fit in `width` cells, then ' · …' for the rest: a row that a
    hint made longer drops a whole part ('760억 원') rather than cut it ('760억…')."""
    if subtitle.cell_len <= width:
        return subtitle
    parts = subtitle.plain.split(SUBTITLE_GAP)
    kept: list[str] = []
    for part in parts[:-1]:
        if cell_len(SUBTITLE_GAP.join([*kept, part, "…"])) > width:
            break
        kept.append(part)
    return Text(SUBTITLE_GAP.join([*kept, "…"]) if width > 0 else "")
