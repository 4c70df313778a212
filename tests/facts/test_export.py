"""Export: JSON that loads back equal, a Markdown briefing with anchors and links, CSV per kind."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import msgspec
import pytest

from tui.facts import FactBase, FactFileError, loads
from tui.facts.export import (
    csv_header,
    export_to_path,
    from_json,
    md_escape,
    to_csv,
    to_json,
    to_markdown,
    write_csv_dir,
)
from tui.facts.model import ENTITY_KINDS

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "fixtures" / "hostile.toml"


def _assert_same(a: FactBase, b: FactBase) -> None:
    assert a.meta == b.meta
    assert a.counts() == b.counts()
    for kind in ENTITY_KINDS:
        assert [e.id for e in a.of_kind(kind)] == [e.id for e in b.of_kind(kind)]
    for left, right in zip(a, b, strict=True):
        assert msgspec.to_builtins(left) == msgspec.to_builtins(right)


# -- JSON ----------------------------------------------------------------------------------------


def test_json_round_trip_gives_an_equal_fact_base(bundled: FactBase) -> None:
    text = to_json(bundled)
    again = from_json(text)
    _assert_same(bundled, again)
    assert to_json(again) == text


def test_json_is_pretty_utf8_and_has_every_table(bundled: FactBase) -> None:
    text = to_json(bundled)
    assert text.startswith("{\n  ")
    assert "대구" in text  # not \\u-escaped
    data = json.loads(text)
    assert list(data) == ["meta", "sources", "organizations", "people", "agreements", "projects", "events"]
    assert data["agreements"][0]["date"] == "2023-03-06"
    assert data["sources"][0]["published_time"] == "03:00:00"
    assert data["agreements"][1]["investments"][0]["money"] == {"amount": 76000000000, "currency": "KRW"}


def test_json_round_trip_keeps_hostile_text() -> None:
    facts = loads(HOSTILE.read_text(encoding="utf-8"))
    _assert_same(facts, from_json(to_json(facts)))


def test_json_export_validates_against_the_schema(bundled: FactBase) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "facts.schema.json").read_text(encoding="utf-8"))
    instance = json.loads(to_json(bundled))
    jsonschema.validate(instance, schema, format_checker=jsonschema.FormatChecker())
    broken = dict(instance, organizations=[{**instance["organizations"][0], "id": "Not An Id"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_from_json_rejects_bad_json_and_dangling_references(bundled: FactBase) -> None:
    with pytest.raises(FactFileError, match="not valid JSON"):
        from_json("{not json")
    with pytest.raises(FactFileError, match="does not fit the schema"):
        from_json("[1, 2]")
    with pytest.raises(FactFileError) as caught:
        from_json('{"meta": {"title": "x"}, "people": [{"id": "UPPER", "name": {"en": "U"}}]}')
    assert "$.people[0]" in caught.value.format()
    with pytest.raises(FactFileError, match="does not fit the schema"):
        from_json(
            '{"meta": {"title": "x"}, "sources": [{"id": "s", "outlet": {}, "title": {}, "published": "soon"}]}'
        )
    data = json.loads(to_json(bundled))
    data["agreements"][0]["parties"] = ["no-such-org"]
    with pytest.raises(FactFileError) as caught:
        from_json(json.dumps(data))
    assert "party 'no-such-org' does not exist" in caught.value.format()
    assert len(caught.value.problems) == 1, caught.value.format()


def test_from_json_cleans_terminal_escapes(bundled: FactBase) -> None:
    data = json.loads(to_json(bundled))
    data["organizations"][0]["name"]["en"] = "Daegu\u001b[2J\u202e\u009b"
    assert from_json(json.dumps(data))["daegu-city"].name.en == "Daegu"  # type: ignore[attr-defined]


# -- Markdown ------------------------------------------------------------------------------------


def test_markdown_has_title_sections_anchors_and_links(bundled: FactBase) -> None:
    md = to_markdown(bundled, "en")
    assert md.startswith("# 대구 미래 산업 · Daegu future industries")
    for section in ("Organizations", "Agreements", "Projects", "People", "Events", "Sources"):
        assert f"\n## {section}\n" in md
    for entity in bundled:
        assert f'<a id="{entity.id}"></a>\n\n### ' in md
    assert "- [Organizations](#_organizations) (7)" in md
    mou = md[md.index('<a id="mou-digital-brain">') : md.index('<a id="mou-core-automotive">')]
    assert "### MOU on fostering the digital brain industry" in mou
    assert "- **parties:** [Daegu Metropolitan City](#daegu-city), [LVIS](#lvis), [Daegu Digital" in mou
    assert "- **date:** 2023-03-06" in mou
    core = md[md.index('<a id="mou-core-automotive">') :]
    assert "KRW 76.0 billion" in core and "by 2024-09" in core
    # Every link points at an anchor that exists.
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', md))
    targets = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert targets <= anchors


def test_markdown_in_korean_uses_korean_names_and_money(bundled: FactBase) -> None:
    md = to_markdown(bundled, "ko")
    assert "\n## 기관\n" in md
    assert "[엘비스](#lvis)" in md
    assert "760억 원" in md


def test_markdown_escapes_data() -> None:
    facts = loads(HOSTILE.read_text(encoding="utf-8"))
    md = to_markdown(facts, "en")
    assert "### Evil \\[/bold\\] Corp \\[@click=app.quit\\]" in md
    assert "[Evil [/bold]" not in md
    assert md_escape("[x](http://e.vil) *b* _i_ `c` <script> # | ~ & $") == (
        "\\[x\\](http://e.vil) \\*b\\* \\_i\\_ \\`c\\` \\<script\\> \\# \\| \\~ \\& \\$"
    )
    assert md_escape("- item") == "\\- item"
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("two\n\n# lines") == "two \\# lines"


# -- CSV -----------------------------------------------------------------------------------------


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_columns_per_kind(bundled: FactBase) -> None:
    for kind in ENTITY_KINDS:
        header = next(csv.reader(io.StringIO(to_csv(bundled, kind))))
        assert header == csv_header(kind)
        assert header[:3] == ["id", "name_ko", "name_en"] and header[-1] == "data"
    assert csv_header("project") == [
        "id",
        "name_ko",
        "name_en",
        "kind",
        "owner",
        "budget_amount",
        "budget_currency",
        "period_start",
        "period_end",
        "data",
    ]


def test_csv_rows_hold_the_data(bundled: FactBase) -> None:
    projects = {row["id"]: row for row in _rows(to_csv(bundled, "project"))}
    assert len(projects) == 10
    motor = projects["motor-valley"]
    assert (motor["name_ko"], motor["period_start"], motor["period_end"]) == ("모터밸리 사업", "2023", "2028")
    assert (motor["budget_amount"], motor["budget_currency"]) == ("288000000000", "KRW")
    data = json.loads(motor["data"])
    assert data["area"]["value"] == 330000 and "summary" in data and "name" not in data
    agreements = {row["id"]: row for row in _rows(to_csv(bundled, "agreement"))}
    assert agreements["mou-digital-brain"]["parties"] == "daegu-city;lvis;dip"
    assert agreements["mou-core-automotive"]["date"] == ""
    assert agreements["mou-core-automotive"]["date_note_en"] == "Recently (the article gives no date)"
    sources = _rows(to_csv(bundled, "source"))
    assert sources[0]["name_en"].startswith("Daegu builds") and sources[0]["published"] == "2023-03-07"


def test_csv_quotes_formulas() -> None:
    facts = loads(
        '[meta]\ntitle = "T"\n[[sources]]\nid = "s"\noutlet = { en = "=HYPERLINK(1)" }\n'
        'title = { en = "@SUM(A1)" }\npublished = 2023-03-07\n'
    )
    row = _rows(to_csv(facts, "source"))[0]
    assert row["outlet_en"] == "'=HYPERLINK(1)" and row["name_en"] == "'@SUM(A1)"
    with pytest.raises(ValueError, match="unknown kind"):
        to_csv(facts, "organisations")


def test_write_csv_dir_writes_one_file_per_kind(bundled: FactBase, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    written = write_csv_dir(bundled, out)
    assert sorted(p.name for p in written) == sorted(
        f"{t}.csv" for t in ("sources", "organizations", "people", "agreements", "projects", "events")
    )
    assert (out / "people.csv").read_bytes().decode("utf-8") == to_csv(bundled, "person")
    with pytest.raises(FileExistsError):
        write_csv_dir(bundled, out)
    write_csv_dir(bundled, out, overwrite=True)


# -- to a path -----------------------------------------------------------------------------------


def test_export_to_path_never_overwrites_unless_asked(bundled: FactBase, tmp_path: Path) -> None:
    target = tmp_path / "facts.json"
    assert export_to_path(bundled, "json", target) == [target]
    _assert_same(bundled, from_json(target.read_bytes()))
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        export_to_path(bundled, "markdown", target)
    assert target.read_text(encoding="utf-8") == "keep me"
    export_to_path(bundled, "markdown", target, overwrite=True, lang="en")
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]  # no temporary file left behind


def test_export_to_path_csv(bundled: FactBase, tmp_path: Path) -> None:
    one = export_to_path(bundled, "csv", tmp_path / "orgs.csv", kind="organization")
    assert _rows(one[0].read_text(encoding="utf-8"))[1]["id"] == "lvis"
    many = export_to_path(bundled, "csv", tmp_path / "all")
    assert len(many) == len(ENTITY_KINDS)
    with pytest.raises(ValueError):
        export_to_path(bundled, "yaml", tmp_path / "x.yaml")
    with pytest.raises(OSError):
        export_to_path(bundled, "json", tmp_path / "missing-dir" / "x.json")
