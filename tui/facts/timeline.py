"""Everything in a fact base that has a date, in order: the data behind the timeline view.

What is dated:

- each source's publication (`what = "published"`),
- each agreement's signing date (`"signed"`),
- each event's date (`"event"`),
- each investment deadline, an agreement's `investments[].due` (`"deadline"`),
- each project's period, start year to end year (`"period"`; `end` is None when open-ended).

Agreements and events the source leaves undated (no `date`, only a `date_note` such as
"Recently (the article gives no date)") are listed too, with `undated=True`, `start=None` and
the note: they are never given a guessed date, and they sort after every dated item.

Organizations' founding years, roles' years and valuations' `as_of` years are not listed:
they are background facts, and including them would stretch the timeline over decades.

Pure data: no Textual or Rich here (`tui.render.timeline` draws it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tui.facts.index import FactBase
from tui.facts.model import (
    ENTITY_KINDS,
    Agreement,
    Bilingual,
    Dated,
    Money,
    Project,
    Source,
)

WHATS: tuple[str, ...] = ("published", "signed", "event", "deadline", "period")
"""Every value of `TimelineItem.what`."""

_NO_NOTE = Bilingual()  # immutable, so one shared default is safe
_KIND_ORDER = {kind: i for i, kind in enumerate(ENTITY_KINDS)}
_WHAT_ORDER = {what: i for i, what in enumerate(WHATS)}


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One dated (or explicitly undated) fact about one entity.

    `start` is None exactly when `undated` is True. `end` is set only for periods with an
    end year (the last day of that year). `precision` says how much of `start` the source
    states ('day', 'month', 'year'); periods are 'year'. `note` is the entity's `date_note`
    (why there is no date, or what the date means), or for a deadline the investment's purpose.
    `money` is the amount due, for deadlines.
    """

    entity_id: str
    kind: str
    what: str
    start: dt.date | None
    end: dt.date | None = None
    precision: str = "day"
    undated: bool = False
    note: Bilingual = _NO_NOTE
    money: Money | None = None

    @property
    def is_period(self) -> bool:
        return self.what == "period"

    @property
    def last_year(self) -> int | None:
        """The last year this item covers (its start year for single dates); None if undated."""
        if self.start is None:
            return None
        return self.end.year if self.end is not None else self.start.year


@dataclass(frozen=True, slots=True)
class YearSpan:
    """The years a timeline covers, first and last included."""

    first: int
    last: int

    @property
    def years(self) -> int:
        return self.last - self.first + 1


def timeline(facts: FactBase) -> list[TimelineItem]:
    """Every dated item, sorted by start date, then kind (display order), then the file's order;
    undated ones last, in kind-then-file order.

    The file's order, not the ids', within a day: a file tells a day's events in the order they
    happened (the signing, then the lecture after it), and ids sort by whatever they start with.
    """
    items: list[TimelineItem] = []
    for entity in facts:
        if isinstance(entity, Source):
            items.append(TimelineItem(entity.id, entity.KIND, "published", entity.published))
        elif isinstance(entity, Dated):
            what = "signed" if isinstance(entity, Agreement) else "event"
            if entity.date is not None:
                items.append(
                    TimelineItem(
                        entity.id,
                        entity.KIND,
                        what,
                        entity.date,
                        precision=entity.date_precision,
                        note=entity.date_note,
                    )
                )
            else:
                items.append(
                    TimelineItem(entity.id, entity.KIND, what, None, undated=True, note=entity.date_note)
                )
            if isinstance(entity, Agreement):
                for inv in entity.investments:
                    if inv.due is not None:
                        items.append(
                            TimelineItem(
                                entity.id,
                                entity.KIND,
                                "deadline",
                                inv.due,
                                precision=inv.due_precision,
                                note=inv.purpose,
                                money=inv.money,
                            )
                        )
        elif isinstance(entity, Project) and entity.period is not None:
            period = entity.period
            end = dt.date(period.end, 12, 31) if period.end is not None else None
            items.append(
                TimelineItem(
                    entity.id, entity.KIND, "period", dt.date(period.start, 1, 1), end, precision="year"
                )
            )
    # A stable sort: items with the same date and kind keep the order of the file.
    items.sort(key=_sort_key)
    return items


def _sort_key(item: TimelineItem) -> tuple:
    return (
        item.undated,
        item.start or dt.date.min,
        _KIND_ORDER.get(item.kind, len(_KIND_ORDER)),
        _WHAT_ORDER.get(item.what, len(_WHAT_ORDER)),
    )


def dated_items(items: list[TimelineItem]) -> list[TimelineItem]:
    """The items that have a date."""
    return [i for i in items if not i.undated]


def undated_items(items: list[TimelineItem]) -> list[TimelineItem]:
    """The items the source gives no date for."""
    return [i for i in items if i.undated]


def year_span(items: list[TimelineItem]) -> YearSpan | None:
    """The years the dated items cover, from the earliest start to the latest end; None if none are dated."""
    firsts = [i.start.year for i in items if i.start is not None]
    lasts = [i.last_year for i in items if i.last_year is not None]
    if not firsts:
        return None
    return YearSpan(min(firsts), max(lasts))


def items_of(items: list[TimelineItem], entity_id: str) -> list[int]:
    """Positions of an entity's items in `items`, so a list can jump to an entity."""
    return [n for n, item in enumerate(items) if item.entity_id == entity_id]
