"""FollowTheMoney export and import: the library accepts every entity we write; a stream we read is
either a fact file (with what it left out counted) or every problem at its line."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from tui.facts import FactBase, FactFileError, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.ftm.schemata import fact_date, fact_id, ftm_date, ftm_id, is_korean, split_languages
from tui.facts.load import loads
from tui.facts.model import Agreement, Organization, Person, Project, Source

followthemoney = pytest.importorskip("followthemoney", reason="the ftm extra: pip install 'facts-tui[ftm]'")

from tui.facts.ftm.export import Export, to_ftm, write_ftm  # noqa: E402
from tui.facts.ftm.importer import (  # noqa: E402
    BAD_ENDS,
    EDGE_READS,
    NO_COUNTERPART,
    READS,
    _Mapper,
    read_ftm,
)

DAY = dt.date(2030, 1, 2)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundled() -> FactBase:
    return load(bundled_fact_file(), cache=False)


@pytest.fixture(scope="module")
def exported(bundled: FactBase) -> list[dict]:
    report = Export()
    entities = list(to_ftm(bundled, report))
    assert not report.refused, report
    return entities


def stream(*entities: dict) -> bytes:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities).encode()


def entity(eid: str, schema: str, **props: list[str]) -> dict:
    return {"id": eid, "schema": schema, "properties": props}


# -- export -------------------------------------------------------------------------------------------


def test_every_exported_entity_passes_the_librarys_validation(exported: list[dict]) -> None:
    """Re-read untrusted (`cleaned=False`: every value normalized again by its type), each entity is
    unchanged, passes `Schema.validate`, and has every property its schema requires."""
    model = followthemoney.model
    for data in exported:
        again = model.get_proxy(json.loads(json.dumps(data)), cleaned=False)
        assert again.to_dict() == data, data["id"]
        again.schema.validate(data)
        missing = [p for p in again.schema.required if not again.get(p)]
        assert not missing, (data["schema"], data["id"], missing)


def test_every_fact_entity_is_one_ftm_entity_under_its_own_id(
    bundled: FactBase, exported: list[dict]
) -> None:
    ids = [d["id"] for d in exported]
    assert len(ids) == len(set(ids)), "ids are unique"
    by_id = {d["id"]: d for d in exported}
    for e in bundled:
        assert e.id in by_id, e.id
    assert by_id["lvis"]["schema"] == "Company"
    assert by_id["daegu-city"]["schema"] == "PublicBody"
    assert by_id["kbri"]["schema"] == "Organization"
    assert by_id["mou-digital-brain"]["schema"] == "Contract"
    assert by_id["donga-2023-03-07"]["schema"] == "Article"


def test_ids_are_stable_and_do_not_depend_on_order(bundled: FactBase, exported: list[dict]) -> None:
    assert [d["id"] for d in to_ftm(bundled)] == [d["id"] for d in exported]
    text = bundled_fact_file().read_text(encoding="utf-8")
    # Drop one provenance entry of LVIS: the other links of LVIS keep their ids.
    line = next(x for x in text.splitlines() if '"이진형 엘비스 대표" },' in x and 'fields = ["name"]' in x)
    changed = {d["id"] for d in to_ftm(loads(text.replace(line + "\n", "")))}
    before = {d["id"] for d in exported}
    assert len(before - changed) == 1 and changed <= before


def test_names_keep_both_languages(bundled: FactBase, exported: list[dict]) -> None:
    by_id = {d["id"]: d for d in exported}
    for e in bundled:
        if isinstance(e, Source):
            continue
        names = by_id[e.id]["properties"]["name"]
        assert names == [v for v in (e.name.ko, e.name.en) if v], e.id


def test_a_provenance_entry_is_a_documentation_of_the_article(
    bundled: FactBase, exported: list[dict]
) -> None:
    docs = [d for d in exported if d["schema"] == "Documentation"]
    entries = sum(len(e.provenance) for e in bundled if not isinstance(e, Source))
    assert len(docs) == entries
    first = next(d for d in docs if d["properties"]["entity"] == ["lvis"])
    assert first["properties"]["document"] == ["donga-2023-03-07"]
    assert first["properties"]["role"] == ["paragraph 0"]
    assert first["properties"]["summary"] == ["이진형 엘비스 대표"]


def test_ids_ftm_refuses_become_slugs_with_a_hash() -> None:
    assert ftm_id("daegu-city") == "daegu-city"
    for bad in ("a_b", "trailing-", "x."):
        good = ftm_id(bad)
        assert good != bad and good == ftm_id(bad)
        assert followthemoney.registry.entity.validate(good)
    assert ftm_id("a_b") != ftm_id("a-b")


def test_write_ftm_writes_one_json_object_per_line(bundled: FactBase) -> None:
    out = io.StringIO()
    report = write_ftm(bundled, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == sum(report.schemata.values())
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert "대구시" in out.getvalue(), "Korean is written as it is, not escaped"


def test_each_line_is_what_json_dumps_writes_even_for_hostile_text(tmp_path) -> None:
    """The JSON lines are byte for byte `json.dumps(ensure_ascii=False)` of each entity: quotes,
    backslashes, control characters, separators and astral characters escaped (or not) alike."""
    hostile = load(REPO / "tests" / "fixtures" / "hostile.toml", cache=False)
    awkward = 'q"b\\s\t\x01\x1f\x7f\u2028\u2029 한 😀 </script>'
    for facts in (hostile, loads(stream_fact_file(awkward))):
        out = io.StringIO()
        write_ftm(facts, out)
        expected = "".join(
            json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in to_ftm(facts)
        )
        assert out.getvalue() == expected


def stream_fact_file(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return f"""[meta]
title = "t"
[[sources]]
id = "s"
outlet = {{ en = {quoted} }}
title = {{ en = "t" }}
published = 2023-03-07
[[people]]
id = "p"
name = {{ en = {quoted} }}
summary = {{ en = {quoted} }}
provenance = [{{ source = "s", quote = {quoted} }}]
"""


# -- text and dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "korean"),
    [("대구시", True), ("엘비스(LVIS)", True), ("㈜코아오토모티브", True), ("LVIS", False), ("", False),
     ('The article adds "한인 여성 최초였다" without saying at what', False)],
)  # fmt: skip
def test_korean_is_told_by_hangul(text: str, korean: bool) -> None:
    assert is_korean(text) is korean


def test_split_languages_first_of_each_then_the_rest() -> None:
    assert split_languages(["LVIS", "엘비스", "Lvis Corp", "엘비스 주식회사"]) == (
        "엘비스",
        "LVIS",
        ["Lvis Corp", "엘비스 주식회사"],
    )


@pytest.mark.parametrize("precision", ["day", "month", "year"])
def test_dates_keep_their_precision(precision: str) -> None:
    text = ftm_date(dt.date(2024, 9, 30), precision)  # type: ignore[arg-type]  # a Precision literal
    assert followthemoney.registry.date.validate(text)
    parsed = fact_date(text)
    assert parsed is not None and parsed[1] == precision
    assert (
        parsed[0]
        == {"day": dt.date(2024, 9, 30), "month": dt.date(2024, 9, 1), "year": dt.date(2024, 1, 1)}[precision]
    )


def test_fact_ids_from_foreign_ids() -> None:
    assert fact_id("NK-2aBc") == "nk-2abc"
    assert fact_id("Q7747") == "q7747"
    assert len(fact_id("x" * 200)) == 80


# -- import of foreign streams ------------------------------------------------------------------------


def test_a_foreign_stream_becomes_a_fact_file_with_a_made_source(tmp_path) -> None:
    data = stream(
        entity("Q1", "Person", name=["Kim Min-su", "김민수"], birthDate=["1970"], nationality=["kr"]),
        entity("co-1", "Company", name=["Acme Ltd"], incorporationDate=["1999-05"]),
        entity(
            "dir-1", "Directorship", director=["Q1"], organization=["co-1"], role=["CEO"], startDate=["2010"]
        ),
        entity("v-1", "Vessel", name=["Sea Star"]),
        entity("own-1", "Ownership", owner=["Q1"], asset=["co-1"]),
        entity("emp-1", "Employment", employee=["nobody"], employer=["co-1"]),
    )
    facts, report = read_ftm(data, tmp_path / "sanctions.json", DAY)
    person, company = facts.get("q1"), facts.get("co-1")
    assert isinstance(person, Person) and person.name.ko == "김민수" and person.name.en == "Kim Min-su"
    assert person.roles[0].organization == "co-1" and person.roles[0].title.en == "CEO"
    assert person.roles[0].since == 2010
    assert isinstance(company, Organization) and company.kind == "company" and company.founded == 1999
    assert report.unmapped == {
        ("Vessel", NO_COUNTERPART): 1,
        ("Ownership", NO_COUNTERPART): 1,
        ("Employment", BAD_ENDS): 1,
    }
    assert report.not_carried == {("Person", "birthDate"): 1, ("Person", "nationality"): 1}
    source = facts.get(report.synthetic_source)
    assert isinstance(source, Source) and source.title.en == "sanctions.json" and source.published == DAY
    assert all(p.source == source.id for e in (person, company) for p in e.provenance)


def test_contracts_payments_and_projects_from_a_stream(tmp_path) -> None:
    data = stream(
        entity("city", "PublicBody", name=["Daegu"]),
        entity("firm", "Company", name=["Firm"]),
        entity("deal", "Contract", title=["Deal"], authority=["city"], contractDate=["2023-03"]),
        entity("award", "ContractAward", contract=["deal"], supplier=["firm"], amount=["5"]),
        entity("pay", "Payment", payer=["firm"], beneficiary=["city"], contract=["deal"], amount=["1000"], currency=["USD"], endDate=["2025"]),
        entity("plan", "Project", name=["Plan"], amount=["12.50"], currency=["USD"], startDate=["2023"]),
        entity("pp", "ProjectParticipant", project=["plan"], participant=["city"]),
        entity("nocontract", "Contract", title=["Orphan"]),
        entity("art", "Article", title=["A story"], publishedAt=["2023-03-07T09:00:00"], language=["eng"]),
        entity("doc", "Documentation", document=["art"], entity=["deal"], role=["paragraph 2"], summary=["it was signed"]),
    )  # fmt: skip
    facts, report = read_ftm(data, tmp_path / "deals.json", DAY)
    deal = facts.get("deal")
    assert isinstance(deal, Agreement) and deal.parties == ("city", "firm") and deal.kind == "contract"
    assert deal.date == dt.date(2023, 3, 1) and deal.date_precision == "month"
    assert deal.investments[0].by == "firm" and deal.investments[0].money.amount == 1000
    assert deal.investments[0].due_precision == "year"
    assert deal.provenance[0].source == "art" and deal.provenance[0].paragraph == 2
    assert deal.provenance[0].quote == "it was signed"
    plan = facts.get("plan")
    assert isinstance(plan, Project) and plan.budget is None and plan.organizations == ("city",)
    assert facts.get("nocontract") is None
    assert ("ContractAward", "amount") in report.not_carried and ("Project", "amount") in report.not_carried
    assert sum(report.used.values()) == 9
    source = facts.get("art")
    assert isinstance(source, Source) and source.published == dt.date(2023, 3, 7) and source.language == "en"


def test_every_bad_line_is_a_problem_at_its_line(tmp_path) -> None:
    good = json.dumps(entity("p1", "Person", name=["A"]))
    lines = [
        good,
        "{not json",
        json.dumps(entity("p2", "Starship", name=["B"])),
        json.dumps(entity("bad id!", "Person", name=["C"])),
        json.dumps(entity("p3", "Person", name=["D"], birthDate=["yesterday"])),
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "p4", "schema": "Person", "properties": {"name": "not a list"}}),
    ]
    with pytest.raises(FactFileError) as info:
        read_ftm("\n".join(lines).encode(), tmp_path / "bad.json", DAY)
    assert [p.line for p in info.value.problems] == [2, 3, 4, 5, 7, 8]
    text = info.value.format()
    assert "bad.json:5: Person p3: birthDate: not a valid date: 'yesterday'" in text
    assert "Traceback" not in text


BAD_VALUE = {
    "address": "x" * 251,
    "date": "2023-13-45",
    "entity": "bad id!",
    "language": "klingon",
    "name": '""',
    "number": "1" * 251,
    "string": "x" * 1025,
    "text": "x" * 65001,
    "url": "javascript:alert(1)",
}
"""A value each property type refuses (besides the empty string, which every type refuses)."""


def test_a_bad_value_of_every_property_the_import_reads_is_a_problem_at_its_line(tmp_path) -> None:
    """Every schema the import maps, every property it reads there: an empty value and a value its
    type refuses are each a problem at the line, naming the entity, the property and the type, and
    nothing is imported. The same bad value on many lines is reported on each."""
    model = followthemoney.model
    lines: list[str] = []
    expected: list[tuple[int, str]] = []
    schemata, types = set(), set()
    for schema in model:
        kind = _Mapper._kind_of(schema)
        reads = READS[kind] if kind else EDGE_READS.get(schema.name, frozenset())
        for name in sorted(reads):
            prop = schema.properties.get(name)
            if prop is None or prop.stub:
                continue  # the library ignores it too
            bad = BAD_VALUE[prop.type.name]
            assert not prop.type.validate(bad) and not prop.type.validate("")
            eid = f"e{len(lines)}"
            lines.append(json.dumps(entity(eid, schema.name, **{name: ["", bad]})))
            problem = f"{schema.name} {eid}: {name}: not a valid {prop.type.name}"
            expected += [(len(lines) + 1, problem)] * 2  # the empty value and the bad one
            schemata.add(schema.name)
            types.add(prop.type.name)
    assert {"Company", "PublicBody", "Person", "Contract", "Project", "Event", "Article"} <= schemata
    assert {"Documentation", "Directorship", "UnknownLink", "Payment", "ContractAward"} <= schemata
    assert types == set(BAD_VALUE), "every type the import reads, and no other"
    good = json.dumps(entity("ok", "Person", name=["Kim"]))
    with pytest.raises(FactFileError) as info:
        read_ftm("\n".join([good, *lines, good]).encode(), tmp_path / "bad.json", DAY)
    found = [(p.line, re.sub(r"(: not a valid \w+): .*", r"\1", p.message)) for p in info.value.problems]
    assert found == expected


def test_hostile_text_is_cleaned(tmp_path) -> None:
    data = stream(entity("p1", "Person", name=["Evil\u001b[31mRed\u202e"]))
    facts, _ = read_ftm(data, tmp_path / "x.json", DAY)
    person = facts.get("p1")
    assert isinstance(person, Person) and person.name.en == "EvilRed"
