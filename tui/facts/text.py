"""Entities as plain text: the labels, dates, periods and quantities every output shares.

The explorer and the command line style these with Rich (`tui/render/entity.py`); Markdown and CSV
exports use them as they are. No Rich or Textual here.
"""

from __future__ import annotations

from tui.facts.messages import MESSAGES, msg
from tui.facts.model import Dated, Language, Project, Quantity
from tui.facts.money import format_date

_UNITS = {"m2": "m²", "km2": "km²"}


def kind_label(kind: str, lang: Language = "en") -> str:
    """'Organization' or '기관'."""
    return msg(f"kind.{kind}", lang)


def section_label(kind: str, lang: Language = "en") -> str:
    """'Organizations' or '기관'."""
    return msg(f"section.{kind}", lang)


def subkind_label(value: str, lang: Language = "en") -> str:
    """The `kind` a file gives an organization, agreement, project or event, in words:
    'city-government' → 'city government' or '시청'."""
    key = f"subkind.{value}"
    return msg(key, lang) if key in MESSAGES else value.replace("-", " ")


def field_label(field: str, lang: Language = "en") -> str:
    """A field's name in words: 'summary' → '요약'; 'name.ko' (a search hit's field) → '이름'."""
    key = f"field.{field.split('.')[0]}"
    return msg(key, lang) if key in MESSAGES else field


def date_text(entity: Dated, lang: Language = "ko") -> str:
    """The entity's date at its precision, with its note, or just the note when the source gives no date."""
    note = entity.date_note.pick(lang)
    if entity.date is not None:
        date = format_date(entity.date, entity.date_precision)
        return f"{date} ({note})" if note else date
    return note


def period_text(project: Project) -> str:
    """'2023–2028', or '2023–' when open-ended."""
    assert project.period is not None
    end = project.period.end
    return f"{project.period.start}–{end}" if end is not None else f"{project.period.start}–"


def quantity_text(quantity: Quantity, lang: Language = "ko") -> str:
    """'330,000 m²' — integral values without a decimal point, with the label if any."""
    value = quantity.value
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    unit = _UNITS.get(quantity.unit, quantity.unit)
    label = quantity.label.pick(lang)
    return f"{label}: {number} {unit}" if label else f"{number} {unit}"
