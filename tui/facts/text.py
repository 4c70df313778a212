"""Entities as plain text: the labels, dates, periods and quantities every output shares.

The explorer and the command line style these with Rich (`tui/render.py`); Markdown and CSV
exports use them as they are. No Rich or Textual here.
"""

from __future__ import annotations

from tui.facts.model import Bilingual, Dated, Language, Project, Quantity
from tui.facts.money import format_date

KIND_LABELS: dict[str, tuple[str, str]] = {
    "organization": ("기관", "Organization"),
    "agreement": ("협약", "Agreement"),
    "project": ("사업", "Project"),
    "person": ("인물", "Person"),
    "event": ("사건", "Event"),
    "source": ("출처", "Source"),
}
SECTION_LABELS: dict[str, tuple[str, str]] = {
    "organization": ("기관", "Organizations"),
    "agreement": ("협약", "Agreements"),
    "project": ("사업", "Projects"),
    "person": ("인물", "People"),
    "event": ("사건", "Events"),
    "source": ("출처", "Sources"),
}
_UNITS = {"m2": "m²", "km2": "km²"}


def kind_label(kind: str, lang: Language = "en") -> str:
    """'Organization' or '기관'."""
    ko, en = KIND_LABELS[kind]
    return ko if lang == "ko" else en


def section_label(kind: str, lang: Language = "en") -> str:
    """'Organizations' or '기관'."""
    ko, en = SECTION_LABELS[kind]
    return ko if lang == "ko" else en


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


def both_languages(value: Bilingual) -> str:
    """'엘비스 / LVIS', or the one language given."""
    if value.ko and value.en and value.ko != value.en:
        return f"{value.ko} / {value.en}"
    return value.ko or value.en
