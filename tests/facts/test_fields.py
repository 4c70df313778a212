"""The field table: one entry for every field of every kind, and every output shows a field the same way.

The outputs are the detail pane's field rows (`render.entity.field_cells`), `facts-tui show`
(`render.render_entity`), the Markdown export and the CSV export. Each is checked against the
model and the message table directly (labels, money, references), and against the others, so
an output that starts formatting a field on its own fails here.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from rich.console import Console

from tui.facts import Entity, FactBase, load
from tui.facts.citations import marks
from tui.facts.export import entity_markdown, md_escape, to_csv
from tui.facts.export.csv import _CSV_COVERED, CSV_COLUMNS, csv_header
from tui.facts.fields import KINDS, subtitle
from tui.facts.messages import MESSAGES, msg
from tui.facts.model import ENTITY_KINDS, TYPE_BY_KIND, Bilingual, Money
from tui.facts.money import format_money
from tui.render.entity import field_cells, render_entity

REPO = Path(__file__).resolve().parents[2]
LANGS = ("ko", "en")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    """A small generated file: every kind, long names, many references."""
    path = tmp_path_factory.mktemp("generated") / "facts.toml"
    script = REPO / "benchmarks" / "generate.py"
    subprocess.run(
        [sys.executable, script, "--entities", "240", "--out", path], check=True, capture_output=True
    )
    return load(path)


# -- the table against the model ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_the_table_has_every_field_of_the_model_once(kind: str) -> None:
    model = {info.name: info for info in msgspec.structs.fields(TYPE_BY_KIND[kind])}
    keys = [field.key for field in KINDS[kind].fields]
    assert len(keys) == len(set(keys)), f"{kind}: a field is listed twice"
    assert set(keys) == set(model), f"{kind}: the table and model.py disagree: {set(keys) ^ set(model)}"
    for field in KINDS[kind].fields:
        assert field.required == model[field.key].required, f"{kind}.{field.key}: required"
        assert f"field.{field.key}" in MESSAGES, f"{kind}.{field.key} has no label in tui/facts/messages.py"
        if field.part_of:
            assert field.part_of in keys and KINDS[kind].field(field.part_of).part_of == ""
        if field.type in ("kind", "choice"):
            assert KINDS[kind].choices(field.key), f"{kind}.{field.key}: no choices in the model"
        for key in (field.precision, field.note, field.time):
            assert not key or KINDS[kind].field(key).part_of == field.key


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_subtitle_name_and_csv_fields_are_in_the_table(kind: str) -> None:
    table = KINDS[kind]
    for key in (table.name, *table.subtitle, *table.csv):
        assert table.field(key).shown
    assert table.field(table.name).type == "bilingual"


def test_reference_fields_allow_the_kinds_the_model_checks(bundled: FactBase, generated: FactBase) -> None:
    seen = set()
    for facts in (bundled, generated):
        for entity in facts:
            for ref in entity.references():
                field = KINDS[entity.KIND].field(ref.field)
                assert field.kinds == ref.kinds, f"{entity.KIND}.{ref.field}"
                seen.add((entity.KIND, ref.field))
    reference_types = ("ref", "refs", "roles", "commitments", "investments", "quote", "provenance")
    declared = {(k, f.key) for k, t in KINDS.items() for f in t.fields if f.type in reference_types}
    assert seen == declared, "every reference field was met in the files"


def test_csv_columns_keep_their_names_and_order() -> None:
    """Exported CSV files do not change when the table changes shape."""
    assert {kind: [name for name, _ in CSV_COLUMNS[kind]] for kind in ENTITY_KINDS} == {
        "source": ["outlet_ko", "outlet_en", "published", "published_time", "author", "url"],
        "organization": ["kind", "location_ko", "location_en", "founded", "parent"],
        "person": ["title_ko", "title_en", "organizations"],
        "agreement": [
            *("kind", "date", "date_precision", "date_note_ko", "date_note_en"),
            *("parties", "signatories", "projects"),
        ],
        "project": ["kind", "owner", "budget_amount", "budget_currency", "period_start", "period_end"],
        "event": ["kind", "date", "date_precision", "date_note_ko", "date_note_en", "participants"],
    }
    assert _CSV_COVERED["person"] == {"name"}  # the roles are only summarised: they stay in `data`
    assert _CSV_COVERED["source"] == {"title", "outlet", "published", "published_time", "author", "url"}


# -- every output shows a field the same way -----------------------------------------------------------

_MD_ROW = re.compile(r"^- \*\*(.+?):\*\*(?: (.*))?$")
_MD_ESCAPED = re.compile(r"\\(.)")
_MD_TOKEN = re.compile(r"\[((?:\\.|[^\\\]])*)\]\(#([a-z0-9._-]+)\)|`([^`]*)`|\\(.)")


def md_plain(text: str) -> str:
    """Markdown made plain the way the grid shows it: a link '[LVIS](#lvis)' → 'LVIS (lvis)'."""

    def plain(match: re.Match[str]) -> str:
        name, target, code, escaped = match.groups()
        if target is not None:
            return _MD_ESCAPED.sub(r"\1", name) + f" ({target})"
        return code if code is not None else escaped

    return _MD_TOKEN.sub(plain, text)


def md_fields(markdown: str) -> dict[str, str]:
    """{label: value} of an entity's Markdown, a nested list's items joined with ', '."""
    fields: dict[str, list[str]] = {}
    label = None
    for line in markdown.splitlines():
        if match := _MD_ROW.match(line):
            label = md_plain(match[1])
            fields[label] = [match[2]] if match[2] is not None else []
        elif line.startswith("  - ") and label is not None:
            fields[label].append(line[4:])
        else:
            label = None
    return {label: md_plain(", ".join(items)) for label, items in fields.items()}


def squash(text: str) -> str:
    """Text without layout: whitespace, bullets and list separators (', ' and lines) removed."""
    return re.sub(r",\s+|\s+|•", "", text)


def show_text(facts: FactBase, entity: Entity, lang: str) -> str:
    console = Console(width=160, record=True, file=io.StringIO(), color_system=None)
    console.print(render_entity(facts, entity, lang))  # type: ignore[arg-type]
    return console.export_text()


def is_set(entity: Entity, key: str) -> bool:
    """Whether the entity gives the field, read from the model (a date may be only a note)."""
    value = getattr(entity, key)
    if key == "date":
        return value is not None or bool(entity.date_note)  # type: ignore[attr-defined]
    return bool(value)


def moneys(entity: Entity) -> list[Money]:
    """Every amount in the entity, wherever the model holds it."""
    found: list[Money] = []

    def walk(value: object) -> None:
        if isinstance(value, Money):
            found.append(value)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)
        elif isinstance(value, msgspec.Struct) and not isinstance(value, Bilingual):
            for name in value.__struct_fields__:
                walk(getattr(value, name))

    walk(entity)
    return found


def check_entity(facts: FactBase, entity: Entity, lang: str, csv_rows: dict[str, dict[str, str]]) -> None:
    cells = field_cells(facts, entity, lang)
    labels = [label.plain for _key, label, _value in cells]
    values = [value.plain for _key, _label, value in cells]
    pane = dict(zip(labels, values, strict=True))
    markdown = md_fields(entity_markdown(facts, entity, lang))
    shown = squash(show_text(facts, entity, lang))
    where = f"{entity.id} in {lang}"
    cited = marks(entity)

    table = KINDS[entity.KIND]
    expected = [msg(f"field.{f.key}", lang) for f in table.fields if f.shown and is_set(entity, f.key)]
    assert labels == expected, f"{where}: the pane's labels are the table's, in {lang}"
    prose = {msg(f"field.{f.key}", lang) for f in table.fields if f.type == "prose"}
    assert list(markdown) == [label for label in expected if label not in prose], f"{where}: Markdown labels"
    for label, value in pane.items():
        assert squash(label + value) in shown, f"{where}: `show` shows {label} as the pane does"
        if label not in prose:
            # The citation mark cites the whole field; where it stands (after a one-line value,
            # first before a value of several lines) follows each output's layout of the items.
            key = next(f.key for f in table.fields if msg(f"field.{f.key}", lang) == label)
            mark = squash(cited.get(key, ""))
            md_value, pane_value = squash(markdown[label]), squash(value)
            assert (mark in md_value, mark in pane_value) == (True, True), f"{where}: {label}'s citation"
            assert md_value.replace(mark, "", 1) == pane_value.replace(mark, "", 1), (
                f"{where}: Markdown shows {label} as the pane does"
            )

    for money in moneys(entity):
        both = format_money(money)
        assert any(both in value for value in values), f"{where}: the pane shows {both}"
        assert any(both in value for value in markdown.values()), f"{where}: Markdown shows {both}"
    for ref in entity.references():
        if ref.field == "provenance":
            continue
        label = msg(f"field.{ref.field}", lang)
        target = facts[ref.target]
        name = target.label(lang)  # type: ignore[arg-type]
        assert f"{name} ({ref.target})" in pane[label], f"{where}: the pane names {ref.target} under {label}"
        assert f"{name} ({ref.target})" in markdown[label], f"{where}: Markdown links {ref.target}"

    row = csv_rows[entity.id]
    data = json.loads(row["data"])
    builtins = json.loads(msgspec.json.encode(entity))
    for field in table.fields:
        columns = [name for name in csv_header(entity.KIND) if name.startswith(field.key)]
        if field.key in _CSV_COVERED[entity.KIND]:
            assert field.key not in data and (columns or field.part_of or field.key == table.name)
        elif field.key != "id":
            assert data[field.key] == builtins[field.key], f"{where}: {field.key} is kept in `data`"
        if field.type == "refs" and field.key in columns:
            assert row[field.key] == ";".join(getattr(entity, field.key))
        if field.type == "money" and (money := getattr(entity, field.key)):
            assert (row[f"{field.key}_amount"], row[f"{field.key}_currency"]) == (
                str(money.amount),
                money.currency,
            )
        if field.type == "bilingual" and f"{field.key}_ko" in row:
            value = getattr(entity, field.key)
            assert (row[f"{field.key}_ko"], row[f"{field.key}_en"]) == (value.ko, value.en)


def csv_rows(facts: FactBase) -> dict[str, dict[str, str]]:
    rows = {}
    for kind in ENTITY_KINDS:
        rows.update({row["id"]: row for row in csv.DictReader(io.StringIO(to_csv(facts, kind)))})
    return rows


@pytest.mark.parametrize("lang", LANGS)
def test_every_output_shows_every_bundled_field_the_same_way(bundled: FactBase, lang: str) -> None:
    rows = csv_rows(bundled)
    for entity in bundled:
        check_entity(bundled, entity, lang, rows)


@pytest.mark.parametrize("lang", LANGS)
def test_every_output_shows_every_generated_field_the_same_way(generated: FactBase, lang: str) -> None:
    rows = csv_rows(generated)
    for entity in generated:
        check_entity(generated, entity, lang, rows)


def test_field_labels_follow_the_language(bundled: FactBase) -> None:
    lvis = bundled["lvis"]
    korean = [label.plain for _key, label, _value in field_cells(bundled, lvis, "ko")]
    english = [label.plain for _key, label, _value in field_cells(bundled, lvis, "en")]
    assert korean[:3] == ["식별자", "종류", "이름"] and "설립" in korean and "기업 가치" in korean
    assert english[:3] == ["id", "kind", "name"] and "founded" in english and "valuation" in english
    assert "- **설립:** 2013" in entity_markdown(bundled, lvis, "ko")


def test_money_reads_the_same_in_the_pane_and_in_markdown(bundled: FactBase) -> None:
    mou = bundled["mou-core-automotive"]
    for lang in LANGS:
        assert "760억 원 (KRW 76.0 billion)" in show_text(bundled, mou, lang)
        assert md_escape("760억 원 (KRW 76.0 billion)") in entity_markdown(bundled, mou, lang)


# -- subtitles -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_subtitles_are_in_the_reading_language(bundled: FactBase, lang: str) -> None:
    other_money = "KRW" if lang == "ko" else "억 원"
    for entity in bundled:
        parts = subtitle(entity, lang)
        assert all(parts), entity.id
        assert not any(other_money in part for part in parts), f"{entity.id}: {parts}"
    agreement = bundled["mou-core-automotive"]
    assert subtitle(agreement, lang)[-1] == format_money(agreement.investments[0].money, lang)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_a_mark_of_a_value_of_several_lines_stands_first_never_after_the_last_item(
    bundled: FactBase, lang: str
) -> None:
    """`¶0, 4` after the last commitment read as that commitment's source alone: the mark of a
    field laid out one item per line is the first line, on the label's row."""
    from tui.render.fields import field_grid_rows

    seen = 0
    for entity in bundled:
        cited = marks(entity)
        for key, _label, value in field_grid_rows(bundled, entity, lang):
            lines = value.plain.split("\n")
            if key not in cited:
                assert "¶" not in value.plain, f"{entity.id}.{key}: a mark without a citation"
            elif len(lines) > 1:
                seen += 1
                assert lines[0] == cited[key] and cited[key] not in "\n".join(lines[1:]), f"{entity.id}.{key}"
            else:
                assert lines[0].endswith(cited[key]), f"{entity.id}.{key}"
    assert seen >= 5  # parties, signatories, commitments, goals…
