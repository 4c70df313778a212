"""The whole-file TOML writer writes exactly what `edit.change.toml_value` writes for the same
values (its quoting, its inline tables, its arrays), in the field table's order, leaving defaults
out, on the bundled file, a generated one, hostile strings and a value of every field of every kind."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

import msgspec
import pytest
import tomli

from tui.facts import FactBase, load, loads
from tui.facts.bundled import bundled_fact_file
from tui.facts.edit.change import toml_value
from tui.facts.export import fact_file
from tui.facts.export.toml import _value, to_toml
from tui.facts.fields import KINDS
from tui.facts.model import Entity, FactFile, Record

REPO = Path(__file__).resolve().parents[2]


def reference(facts: FactFile) -> str:
    """The writer as first written: each record as a dict of its non-default fields, every value
    through `toml_value`, an array of records one per line."""

    def plain(record: Record) -> dict[str, Any]:
        out = {}
        for f in msgspec.structs.fields(record):
            value = getattr(record, f.name)
            if value is None or (f.default is not msgspec.NODEFAULT and value == f.default):
                continue
            out[f.encode_name] = as_data(value)
        if isinstance(record, Entity):
            order = {f.key: i for i, f in enumerate(KINDS[record.KIND].fields)}
            out = dict(sorted(out.items(), key=lambda item: order.get(item[0], len(order))))
        return out

    def as_data(value: Any) -> Any:
        if isinstance(value, Record):
            return plain(value)
        if isinstance(value, tuple):
            return [as_data(v) for v in value]
        return value

    def body(record: Record) -> str:
        lines = []
        for key, value in plain(record).items():
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                lines.append(f"{key} = [\n" + "".join(f"  {toml_value(v)},\n" for v in value) + "]\n")
            else:
                lines.append(f"{key} = {toml_value(value)}\n")
        return "".join(lines)

    text = "[meta]\n" + body(facts.meta)
    for table in ("sources", "organizations", "people", "agreements", "projects", "events"):
        for entity in getattr(facts, table):
            text += f"\n[[{table}]]\n" + body(entity)
    return text


def _generated() -> FactBase:
    spec = importlib.util.spec_from_file_location("facts_generate", REPO / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return loads(module.generate(600, 3, 0.5))


@pytest.mark.parametrize(
    "facts",
    [
        pytest.param(lambda: load(bundled_fact_file(), cache=False), id="bundled"),
        pytest.param(_generated, id="generated"),
        pytest.param(lambda: loads((REPO / "tests/fixtures/hostile.toml").read_text("utf-8")), id="hostile"),
    ],
)
def test_writes_what_toml_value_writes_and_loads_back(facts) -> None:
    data = fact_file(facts())
    text = to_toml(data)
    assert text == reference(data)
    assert fact_file(loads(text)) == data


def test_every_field_of_every_kind_and_every_awkward_string() -> None:
    """Fields away from their defaults (times, floats, nested records, arrays of records) and strings
    with quotes, backslashes, control characters, tabs, DEL, line and paragraph separators, Hangul
    and astral characters (as the loader keeps them): each written as toml_value writes it, and read
    back as itself."""
    awkward = 'a "q" \\ back\tslash \x01\x1f\x7f \n\r line\u2028para\u2029 한국어 😀 \ud7a3 end'
    text = f"""
[meta]
title = {toml_value(awkward)}
description = "d"
language = "en"

[[sources]]
id = "s"
outlet = {{ ko = "동아", en = {toml_value(awkward)} }}
title = {{ en = "t" }}
author = {toml_value(awkward)}
published = 2023-03-07
published_time = 09:30:00
language = "en"
url = "https://example.com/?a=1&b=\\"2\\""
paragraphs = 9
tags = ["x", {toml_value(awkward)}]

[[organizations]]
id = "o"
kind = "company"
name = {{ ko = "가", en = {toml_value(awkward)} }}
founded = 2001
founders = ["p"]
valuation = {{ money = {{ amount = 9223372036854775807, currency = "KRW" }}, as_of = 2023 }}
location = {{ en = "l" }}
provenance = [{{ source = "s", paragraph = 3, fields = ["founded", "name"], quote = {toml_value(awkward)} }}]

[[people]]
id = "p"
name = {{ en = "P" }}
roles = [{{ organization = "o", title = {{ en = "CEO" }}, since = 2001, until = 2020 }}, {{ organization = "o", title = {{ ko = "이사" }} }}]
provenance = [{{ source = "s" }}]

[[agreements]]
id = "a"
kind = "contract"
name = {{ en = "A" }}
date = 2024-09-30
date_precision = "month"
place = {{ en = "pl" }}
parties = ["o"]
signatories = ["p"]
commitments = [{{ party = "o", text = {{ en = "c" }} }}]
investments = [{{ by = "o", money = {{ amount = 5, currency = "USD" }}, due = 2025-01-01, due_precision = "year", purpose = {{ ko = "목적" }}, place = {{ en = "x" }} }}]
projects = ["j"]
provenance = [{{ source = "s" }}]

[[projects]]
id = "j"
kind = "facility"
name = {{ en = "J" }}
owner = "o"
budget = {{ amount = 0, currency = "KRW" }}
period = {{ start = 2023, end = 2030 }}
area = {{ value = 330000.5, unit = "m2", label = {{ en = "site" }} }}
figures = [{{ value = 1e16, unit = "u" }}, {{ value = 0.0, unit = "v" }}]
vision = {{ en = "v" }}
goals = [{{ ko = "목표" }}, {{ en = "goal" }}]
organizations = ["o"]
agreements = ["a"]
provenance = [{{ source = "s" }}]

[[events]]
id = "e"
kind = "quote"
name = {{ en = "E" }}
date_note = {{ en = "undated" }}
participants = ["p", "o"]
quote = {{ text = {toml_value(awkward)}, speaker = "p", speaker_note = {{ en = "n" }} }}
related = ["a"]
provenance = [{{ source = "s" }}]
"""
    data = fact_file(loads(text))
    written = to_toml(data)
    assert written == reference(data)
    assert fact_file(loads(written)) == data
    assert tomli.loads(written)["meta"]["title"] == data.meta.title  # as the loader cleaned it
    assert dt.time(9, 30) == tomli.loads(written)["sources"][0]["published_time"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        'q"b\\',
        "\t\n\r\x00\x01\x1f",
        "del\x7f",
        "\u2028\u2029\x85",
        "한국어 😀 \ud7a3",
        "x" * 200,
    ],
)
def test_a_string_is_quoted_as_toml_value_quotes_it(text: str) -> None:
    """Strings the loader would clean away still get toml_value's quoting (DEL escaped, which JSON
    leaves as it is), and tomli reads them back as they were."""
    assert _value(text) == toml_value(text)
    assert tomli.loads(f"x = {_value(text)}")["x"] == text
