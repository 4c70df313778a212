"""The bundled fact file (Dong-A Ilbo, 2023-03-07, on Daegu's future industries) says what the article says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tui.facts import FactBase, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.model import ENTITY_KINDS, Agreement, Named, Organization, Project, Source, json_schema
from tui.facts.money import format_date, format_money

REPO = Path(__file__).resolve().parents[2]
SOURCE_ID = "donga-2023-03-07"
SEED = Path("/work/shared/seed")
"""The article's text, where the development workspace has it."""


def test_bundled_file_is_the_checkout_facts_toml_and_loads() -> None:
    path = bundled_fact_file()
    assert path.resolve() == (REPO / "facts.toml").resolve()
    facts = load(path)
    assert isinstance(facts, FactBase)
    assert facts.meta.language == "ko"
    assert facts.meta.schema_version == 1
    assert "2023-03-07" in facts.meta.title


def test_counts_cover_every_kind(bundled: FactBase) -> None:
    counts = bundled.counts()
    assert list(counts) == list(ENTITY_KINDS)
    assert counts == {
        "organization": 7,
        "agreement": 2,
        "project": 10,
        "person": 4,
        "event": 8,
        "source": 1,
    }
    assert len(bundled) == sum(counts.values())


def test_the_source_is_the_dong_a_article(bundled: FactBase) -> None:
    source = bundled.get(SOURCE_ID)
    assert isinstance(source, Source)
    assert source.outlet.ko == "동아일보"
    assert source.outlet.en == "Dong-A Ilbo"
    assert source.published == dt.date(2023, 3, 7)
    assert source.published_time == dt.time(3, 0)
    assert source.paragraphs == 8
    assert "장영훈" in source.author


def test_digital_brain_mou_date_parties_and_signatories(bundled: FactBase) -> None:
    mou = bundled.get("mou-digital-brain")
    assert isinstance(mou, Agreement)
    assert mou.kind == "mou"
    assert mou.date == dt.date(2023, 3, 6)
    assert mou.date_precision == "day"
    assert mou.parties == ("daegu-city", "lvis", "dip")
    assert [bundled[p].label("en") for p in mou.parties] == [
        "Daegu Metropolitan City",
        "LVIS",
        "Daegu Digital Innovation Promotion Agency",
    ]
    assert mou.signatories == ("lee-jong-hwa", "lee-jin-hyung", "kim-yu-hyun")
    assert [bundled[s].label("ko") for s in mou.signatories] == ["이종화", "이진형", "김유현"]
    # Each signatory holds a role at the party they signed for.
    roles = {s: {r.organization for r in bundled[s].roles} for s in mou.signatories}
    assert roles == {
        "lee-jong-hwa": {"daegu-city"},
        "lee-jin-hyung": {"lvis", "stanford-university"},
        "kim-yu-hyun": {"dip"},
    }
    assert mou.place.ko == "대구 북구 산격청사"


def test_digital_brain_mou_links_in_declaration_order(bundled: FactBase) -> None:
    links = [(link.role, link.entity.id) for link in bundled.links("mou-digital-brain")]
    assert links[:6] == [
        ("party", "daegu-city"),
        ("party", "lvis"),
        ("party", "dip"),
        ("signatory", "lee-jong-hwa"),
        ("signatory", "lee-jin-hyung"),
        ("signatory", "kim-yu-hyun"),
    ]
    # A party that also commits to something is listed once, as a party; sources are left out.
    assert [target for _, target in links].count("lvis") == 1
    assert all(role != "source" for role, _ in links)


def test_core_automotive_investment_is_76_billion_won_due_september_2024(bundled: FactBase) -> None:
    mou = bundled.get("mou-core-automotive")
    assert isinstance(mou, Agreement)
    assert mou.parties == ("daegu-city", "core-automotive")
    (investment,) = mou.investments
    assert investment.by == "core-automotive"
    assert investment.money.amount == 76_000_000_000
    assert investment.money.currency == "KRW"
    assert format_money(investment.money) == "760억 원 (KRW 76.0 billion)"
    assert investment.due is not None
    assert (investment.due.year, investment.due.month) == (2024, 9)
    assert investment.due_precision == "month"
    assert format_date(investment.due, investment.due_precision) == "2024-09"


def test_core_automotive_mou_is_undated_with_a_note(bundled: FactBase) -> None:
    mou = bundled.get("mou-core-automotive")
    assert isinstance(mou, Agreement)
    assert mou.date is None
    assert mou.date_note.ko.startswith("최근")
    assert "no date" in mou.date_note.en


def test_motor_valley_budget_period_and_area(bundled: FactBase) -> None:
    project = bundled.get("motor-valley")
    assert isinstance(project, Project)
    assert project.owner == "daegu-city"
    assert project.budget is not None
    assert (project.budget.amount, project.budget.currency) == (288_000_000_000, "KRW")
    assert format_money(project.budget, "ko") == "2880억 원"
    assert project.period is not None
    assert (project.period.start, project.period.end) == (2023, 2028)
    assert project.area is not None
    assert (project.area.value, project.area.unit) == (330_000, "m2")


def test_lvis_valuation_and_founding(bundled: FactBase) -> None:
    lvis = bundled.get("lvis")
    assert isinstance(lvis, Organization)
    assert lvis.kind == "company"
    assert lvis.name.en == "LVIS"
    assert lvis.founded == 2013
    assert lvis.founders == ("lee-jin-hyung",)
    assert lvis.valuation is not None
    assert lvis.valuation.money.amount == 335_600_000_000
    assert lvis.valuation.money.currency == "KRW"
    assert lvis.valuation.as_of == 2021
    assert format_money(lvis.valuation.money, "ko") == "3356억 원"


def test_agreements_naming_lvis_as_a_party(bundled: FactBase) -> None:
    as_party = [link.entity.id for link in bundled.backlinks("lvis") if link.role == "party"]
    assert as_party == ["mou-digital-brain"]
    assert [a.id for a in bundled.of_kind("agreement") if "lvis" in a.parties] == as_party
    # Other backlinks of LVIS keep their roles.
    roles = {(link.role, link.entity.id) for link in bundled.backlinks("lvis")}
    assert ("owner", "neuromatch") in roles
    assert ("role", "lee-jin-hyung") in roles
    assert ("participant", "ces-2023-meeting") in roles


def test_core_automotive_is_backlinked_as_party_and_investor_once(bundled: FactBase) -> None:
    links = [(link.role, link.entity.id) for link in bundled.backlinks("core-automotive")]
    # Named as party and as investor by the same MOU: listed once, under the first role.
    assert links.count(("party", "mou-core-automotive")) == 1
    assert not any(role == "investor" for role, _ in links)


def test_every_entity_cites_the_article_within_its_paragraphs(bundled: FactBase) -> None:
    source = bundled.get(SOURCE_ID)
    assert isinstance(source, Source)
    named = [e for e in bundled if isinstance(e, Named)]
    assert len(named) == len(bundled) - 1  # everything but the source itself
    for entity in named:
        cited = bundled.sources_of(entity)
        assert cited, entity.id
        for cited_source, provenance in cited:
            assert cited_source is source, entity.id
            assert 0 <= provenance.paragraph <= source.paragraphs, entity.id
    # Every entity is in the source's backlinks, as 'source'.
    citing = {link.entity.id for link in bundled.backlinks(SOURCE_ID) if link.role == "source"}
    assert citing == {e.id for e in named}


def test_quotes_in_provenance_are_in_the_article(bundled: FactBase) -> None:
    quotes = [p.quote for e in bundled if isinstance(e, Named) for p in e.provenance if p.quote]
    assert quotes
    article = "".join(p.read_text(encoding="utf-8") for p in SEED.glob("*.txt")) if SEED.is_dir() else ""
    if not article:
        pytest.skip(f"the article's text is not at {SEED}")
    squashed = article.replace(" ", "")
    for quote in quotes:
        assert quote.replace(" ", "") in squashed, quote


def test_fact_file_declares_its_schema_on_the_first_line() -> None:
    first_line = (REPO / "facts.toml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "#:schema ./facts.schema.json"


def test_schema_file_is_generated_from_the_model() -> None:
    """`facts.schema.json` is `json_schema()` as written by scripts/write_schema.py."""
    expected = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    actual = (REPO / "facts.schema.json").read_text(encoding="utf-8")
    assert actual == expected, "facts.schema.json is stale: run `python scripts/write_schema.py`"


def test_schema_describes_every_table_and_forbids_unknown_keys() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    top = schema["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    assert set(top["properties"]) == {
        "meta",
        "sources",
        "organizations",
        "people",
        "agreements",
        "projects",
        "events",
    }
    assert top["required"] == ["meta"]
    assert top["additionalProperties"] is False
