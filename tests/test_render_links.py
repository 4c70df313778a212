"""Links and backlinks read from the shown entity's side, in the reading language."""

from __future__ import annotations

from tui.facts import FactBase, load
from tui.facts.messages import MESSAGES
from tui.render.entity import INCOMING_LABELS, ROLE_LABELS, ROLES, link_text, mentions


def backlinks_of(facts: FactBase, entity_id: str, lang: str) -> list[str]:
    entity = facts[entity_id]
    return [link_text(b, lang, incoming=True, shown=entity).plain for b in mentions(facts, entity)]


def test_an_agreement_names_the_projects_under_it(bundled: FactBase) -> None:
    assert "project under it: Brain digital hospital (brain-digital-hospital)" in backlinks_of(
        bundled, "mou-digital-brain", "en"
    )
    assert "이 협약의 사업: 뇌 디지털병원 (brain-digital-hospital)" in backlinks_of(
        bundled, "mou-digital-brain", "ko"
    )


def test_a_city_names_its_people_with_their_title_there(bundled: FactBase) -> None:
    assert "person with a role: Lee Jong-hwa (Economic deputy mayor) (lee-jong-hwa)" in backlinks_of(
        bundled, "daegu-city", "en"
    )
    assert "소속 인물: 이종화 (경제부시장) (lee-jong-hwa)" in backlinks_of(bundled, "daegu-city", "ko")


def test_a_project_names_the_agreement_behind_it_and_a_source_what_it_backs(bundled: FactBase) -> None:
    assert any(
        row.startswith("agreement behind it: ")
        for row in backlinks_of(bundled, "brain-digital-hospital", "en")
    )
    assert any(
        row.startswith("이 사업의 근거 협약: ")
        for row in backlinks_of(bundled, "brain-digital-hospital", "ko")
    )
    assert "drawn from it: LVIS (lvis)" in backlinks_of(bundled, "donga-2023-03-07", "en")


def test_every_role_has_both_labels_in_both_languages(
    bundled: FactBase, minimal_text: str, write_facts
) -> None:
    minimal = load(write_facts(minimal_text))
    used = {ref.role for facts in (bundled, minimal) for entity in facts for ref in entity.references()}
    assert used <= set(ROLES)
    for role in ROLES:
        assert ROLE_LABELS[role] in MESSAGES and INCOMING_LABELS[role] in MESSAGES, role
