"""The edit form as data (tui/facts/edit/draft.py): built from the field table, read as `set` reads
values, checked with the loader's rules, written as one change with its citation."""

from __future__ import annotations

import pytest

from tui.facts import FactBase, FactFileError, load, loads
from tui.facts.bundled import bundled_fact_file
from tui.facts.edit.draft import (
    Citation,
    Draft,
    apply,
    citation_problems,
    evaluate,
    form_groups,
    initial_draft,
    needs_citation,
    row_path,
)
from tui.facts.edit.form import preview
from tui.facts.fields import KINDS, field_items, plain
from tui.facts.model import ENTITY_KINDS, Money

SOURCE = "donga-2023-03-07"


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load(bundled_fact_file())


@pytest.fixture(scope="module")
def text() -> str:
    return bundled_fact_file().read_text(encoding="utf-8")


def typed(facts: FactBase, entity_id: str, **texts: str) -> Draft:
    """The entity's draft with some inputs typed over (`valuation__money` for `valuation.money`)."""
    draft = initial_draft(facts[entity_id])
    return Draft({**draft.texts, **{k.replace("__", "."): v for k, v in texts.items()}}, draft.rows)


def written(facts: FactBase, text: str, entity_id: str, draft: Draft, citation: Citation | None = None):
    """The entity as the file holds it after the draft is saved (the whole file loaded again)."""
    entity = facts[entity_id]
    outcome = evaluate(facts, entity, draft)
    assert outcome.ok, outcome.problems
    return loads(apply(text, entity, outcome, citation or Citation(SOURCE, 3)))[entity_id]


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_the_form_has_every_field_of_the_kind_with_its_parts_inside(kind: str) -> None:
    groups = form_groups(kind)
    fields = KINDS[kind].fields
    assert [g.key for g in groups] == [
        f.key for f in fields if not f.part_of and f.type not in ("id", "provenance")
    ]
    paths = {s.path.split(".")[0] for g in groups for s in g.slots if not g.is_list}
    parts = {f.key for f in fields if f.part_of and f.type != "precision"}
    assert parts <= paths  # a date's note and time are in its group; its precision is typed in it


def test_every_entity_reads_back_as_it_is_with_no_change_and_no_problem(facts: FactBase) -> None:
    for entity in facts:
        outcome = evaluate(facts, entity, initial_draft(entity))
        assert not outcome.changed and outcome.ok, (entity.id, outcome.changes, outcome.problems)


@pytest.mark.parametrize("money", ["760억", "76 billion", "76,000,000,000 KRW"])
def test_money_is_typed_as_people_write_it(facts: FactBase, text: str, money: str) -> None:
    lvis = written(facts, text, "lvis", typed(facts, "lvis", valuation__money=money))
    assert lvis.valuation.money == Money(amount=76_000_000_000, currency="KRW")
    assert lvis.valuation.as_of == 2021


@pytest.mark.parametrize(
    ("date", "precision"), [("2024-09", "month"), ("2023", "year"), ("2023-03-05", "day")]
)
def test_a_date_is_kept_with_its_precision(facts: FactBase, text: str, date: str, precision: str) -> None:
    mou = written(facts, text, "mou-digital-brain", typed(facts, "mou-digital-brain", date=date))
    assert mou.date_precision == precision
    assert mou.date is not None and mou.date.isoformat().startswith(date)


def test_bilingual_prose_and_quantity_are_written(facts: FactBase, text: str) -> None:
    project = next(p for p in facts.of_kind("project") if getattr(p, "area", None))
    draft = typed(facts, project.id, name__en="New name", summary__ko="첫 줄\n둘째 줄", area="12.5 km2")
    after = written(facts, text, project.id, draft)
    assert after.name.en == "New name" and after.name.ko == project.name.ko
    assert after.summary.ko == "첫 줄\n둘째 줄"
    assert (after.area.value, after.area.unit) == (12.5, "km2")
    assert after.area.label == project.area.label  # typing the value again keeps its label


def test_list_rows_grow_and_shrink(facts: FactBase, text: str) -> None:
    mou = facts["mou-digital-brain"]
    draft = initial_draft(mou)
    texts = {k: v for k, v in draft.texts.items() if not k.startswith(("aliases.", "commitments."))}
    texts["aliases.0"] = "MOU"  # two aliases become one new one
    kept = (6, None)  # the last commitment stays, one is added
    for n, was in enumerate(kept):
        for part in ("party", "text.ko", "text.en"):
            texts[f"commitments.{n}.{part}"] = (
                draft.texts.get(f"commitments.{was}.{part}", "") if was is not None else ""
            )
    texts["commitments.1.party"] = "lvis"
    texts["commitments.1.text.en"] = "Open a branch."
    after = written(
        facts, text, mou.id, Draft(texts, {**draft.rows, "aliases": (None,), "commitments": kept})
    )
    assert after.aliases == ("MOU",)
    assert [(c.party, c.text.en) for c in after.commitments] == [
        (mou.commitments[6].party, mou.commitments[6].text.en),
        ("lvis", "Open a branch."),
    ]


def test_a_bad_value_is_marked_at_its_input_in_the_parsers_or_checks_words(
    facts: FactBase, text: str
) -> None:
    outcome = evaluate(
        facts, facts["lvis"], typed(facts, "lvis", valuation__money="3400억 XYZ", founded="20x")
    )
    assert not outcome.ok
    assert "is not a whole number" in outcome.problems["founded"][0]
    # The currency is the loader's rule: the same words `check` prints for such a file.
    with pytest.raises(FactFileError) as raised:
        loads(text.replace('amount = 335600000000, currency = "KRW"', 'amount = 1, currency = "XYZ"'))
    check_words = raised.value.problems[0].message
    assert outcome.problems["valuation.money"][0].startswith(check_words)


def test_a_reference_problem_is_marked_at_the_row_that_holds_it(facts: FactBase) -> None:
    draft = typed(facts, "mou-digital-brain", **{"signatories.1": "lvis", "parties.2": "dipp"})
    problems = evaluate(facts, facts["mou-digital-brain"], draft).problems
    assert "expected person" in problems["signatories.1"][0]
    assert "does not exist" in problems["parties.2"][0] and "'dip'" in problems["parties.2"][0]


def test_the_citation_names_the_changed_fields_their_wholes_not_their_parts(
    facts: FactBase, text: str
) -> None:
    draft = typed(facts, "mou-digital-brain", date="2024-09", name__en="Brain MOU")
    outcome = evaluate(facts, facts["mou-digital-brain"], draft)
    assert set(outcome.fields) == {"name", "date"}  # date_precision is cited as date
    after = loads(apply(text, facts["mou-digital-brain"], outcome, Citation(SOURCE, 4, "협약을 맺었다")))
    entry = after["mou-digital-brain"].provenance[-1]
    assert (entry.source, entry.paragraph, set(entry.fields), entry.quote) == (
        SOURCE,
        4,
        {"name", "date"},
        "협약을 맺었다",
    )


def test_a_change_is_one_rewrite_of_the_entity_and_nothing_else(facts: FactBase, text: str) -> None:
    outcome = evaluate(facts, facts["lvis"], typed(facts, "lvis", founded="2014"))
    after = apply(text, facts["lvis"], outcome, Citation(SOURCE, 3))
    changed = [
        n for n, (a, b) in enumerate(zip(text.splitlines(), after.splitlines(), strict=False)) if a != b
    ]
    assert after.count("\n") == text.count("\n") + 1  # one provenance line added
    assert len(changed) >= 1 and text.splitlines()[changed[0]] == "founded = 2013"


def test_citation_needs_a_known_source_and_a_paragraph(facts: FactBase) -> None:
    assert citation_problems(facts, SOURCE, "3") == {}
    assert set(citation_problems(facts, "", "")) == {"source", "paragraph"}
    assert citation_problems(facts, "lvis", "3") == {"source": "form.source_unknown"}
    assert citation_problems(facts, SOURCE, "99") == {"paragraph": "form.paragraph_beyond"}
    assert needs_citation("organization") and not needs_citation("source")


def test_row_paths_name_the_row_by_its_place() -> None:
    groups = {g.key: g for g in form_groups("person")}
    assert [row_path("roles", 1, s) for s in groups["roles"].slots][:2] == [
        "roles.1.organization",
        "roles.1.title.ko",
    ]
    assert row_path("aliases", 0, groups["aliases"].slots[0]) == "aliases.0"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_problem_is_said_in_the_form_language_in_check_words(facts: FactBase, text: str, lang) -> None:
    """The form marks a bad reference with what `check --lang` would print for such a file."""
    draft = typed(facts, "mou-digital-brain", **{"parties.2": "dipp"})
    shown = evaluate(facts, facts["mou-digital-brain"], draft, lang).problems["parties.2"][0]
    with pytest.raises(FactFileError) as raised:
        loads(
            text.replace(
                'parties = ["daegu-city", "lvis", "dip"]', 'parties = ["daegu-city", "lvis", "dipp"]'
            )
        )
    report = raised.value.format(lang)
    assert shown.splitlines()[0] in report and shown.splitlines()[-1].strip() in report


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_typed_amount_is_read_back_as_the_detail_pane_shows_it(facts: FactBase, lang) -> None:
    """Every money, period and quantity input of every entity, read back under its input, says
    the value in the detail pane's words: `330,000 m²`, never `330,000 m2`."""
    read = 0
    for entity in facts:
        draft = initial_draft(entity)
        for group in form_groups(entity.KIND):
            shown = " ".join(plain(line) for line in field_items(facts, entity, group.field, lang))
            rows = range(len(draft.rows.get(group.key, ()))) if group.is_list else [None]
            for n in rows:
                for slot in group.slots:
                    path = slot.path if n is None else row_path(group.key, n, slot)
                    typed_text = draft.texts.get(path, "")
                    if slot.input in ("money", "period", "quantity") and typed_text:
                        assert preview(type(entity), path, typed_text, lang) in shown, (entity.id, path)
                        read += 1
    assert read >= 8  # the file's budgets, periods, valuation, investment, area and figures
