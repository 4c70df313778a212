"""Editing a fact file in place: only the touched entities change, nothing invalid is ever kept, and the
fast check agrees with loading the whole file."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import BUNDLED_FILE
from tui.facts import FactFileError, loads
from tui.facts.edit.blocks import blocks, find
from tui.facts.edit.change import _REFERENCE_KEYS, ChangeError, add_entity, remove, rename, set_field
from tui.facts.edit.check import _entity_still_valid, check_change
from tui.facts.edit.values import FieldError, parse
from tui.facts.model import ENTITY_TYPES, Agreement, Organization, Person, Project

TEXT = BUNDLED_FILE.read_text(encoding="utf-8")
FACTS = loads(TEXT, str(BUNDLED_FILE))
IDS = sorted(e.id for e in FACTS)


def outside_blocks(text: str, skip: set[str]) -> list[str]:
    """The text between blocks, and the blocks of entities not in `skip`, in order."""
    parts, at = [], 0
    for block in blocks(text):
        parts.append(text[at : block.start])
        parts.append("<changed>" if block.entity_id in skip else block.text(text))
        at = block.end
    parts.append(text[at:])
    return parts


def unchanged_parts(text: str, touched: set[str]) -> list[str]:
    return [part for part in outside_blocks(text, touched) if part != "<changed>"]


def test_every_entity_has_a_block_that_reads_as_itself() -> None:
    import tomli

    found = {b.entity_id: b for b in blocks(TEXT)}
    assert sorted(found) == IDS
    for entity_id, block in found.items():
        [row] = tomli.loads(block.text(TEXT))[block.table]
        assert row["id"] == entity_id


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_finding_one_entity_agrees_with_the_whole_scan(newline: str) -> None:
    text = TEXT.replace("\n", newline)
    for block in blocks(text):
        assert find(text, block.entity_id) == block
    assert find(text, "nosuch") is None


def test_blocks_keep_section_banners_outside() -> None:
    for block in blocks(TEXT):
        assert "# Organizations" not in block.text(TEXT) and "# People" not in block.text(TEXT)


def test_the_reference_keys_cover_every_reference_the_model_makes() -> None:
    fields = {reference.field for entity in FACTS for reference in entity.references()}
    assert fields <= set(_REFERENCE_KEYS)


@pytest.mark.parametrize(
    ("kind", "field", "typed", "written"),
    [
        (Organization, "valuation.money", "760억", 'money = { amount = 76000000000, currency = "KRW" }'),
        (Organization, "valuation.money", "76 billion", "amount = 76000000000"),
        (Organization, "valuation.money", "76,000,000,000 KRW", "amount = 76000000000"),
        (Organization, "founded", "2014", "founded = 2014"),
        (Organization, "name.en", "LVIS Corp.", 'en = "LVIS Corp."'),
        (Organization, "aliases", "LVIS, 엘비스", 'aliases = ["LVIS", "엘비스"]'),
    ],
)
def test_set_writes_values_as_people_type_them(kind, field, typed, written) -> None:
    after = set_field(TEXT, "lvis", parse(kind, field, typed))
    assert written in find(after, "lvis").text(after)
    assert outside_blocks(after, {"lvis"}) == outside_blocks(TEXT, {"lvis"})
    check_change(FACTS, after, ["lvis"], "facts.toml")


def test_a_date_carries_its_precision() -> None:
    after = set_field(TEXT, "mou-digital-brain", parse(Agreement, "date", "2024-09"))
    facts = loads(after)
    agreement = facts["mou-digital-brain"]
    assert (agreement.date, agreement.date_precision) == (dt.date(2024, 9, 1), "month")
    back = set_field(after, "mou-digital-brain", parse(Agreement, "date", "2023-03-06"))
    assert back == TEXT  # a day's precision is the default, so the key goes again


def test_unknown_fields_suggest_the_close_ones() -> None:
    with pytest.raises(FieldError) as caught:
        parse(Organization, "fonded", "2014")
    assert caught.value.unknown and "founded" in caught.value.suggestions


@pytest.mark.parametrize(
    ("kind", "field", "typed"),
    [(Organization, "kind", "castle"), (Organization, "founded", "soon"), (Project, "budget", "lots")],
)
def test_bad_values_are_refused_with_what_to_write(kind, field, typed) -> None:
    with pytest.raises(FieldError) as caught:
        parse(kind, field, typed)
    assert not caught.value.unknown and field in str(caught.value)


def test_a_dangling_reference_is_refused_as_check_words_it() -> None:
    after = set_field(TEXT, "lvis", parse(Organization, "parent", "nosuch"))
    with pytest.raises(FactFileError) as caught:
        check_change(FACTS, after, ["lvis"], "facts.toml")
    assert "parent 'nosuch' does not exist" in caught.value.format()


def test_rename_follows_every_reference() -> None:
    referrers = [link.entity.id for link in FACTS.backlinks("dip")]
    after = rename(TEXT, "dip", "daegu-dip", referrers)
    facts = loads(after)
    assert "dip" not in facts and "daegu-dip" in facts
    before_links = sorted((link.role, link.entity.id) for link in FACTS.backlinks("dip"))
    after_links = sorted((link.role, link.entity.id) for link in facts.backlinks("daegu-dip"))
    assert before_links == after_links
    assert outside_blocks(after, {"dip", "daegu-dip", *referrers}) == outside_blocks(
        TEXT, {"dip", *referrers}
    )


def test_remove_with_its_references_leaves_a_valid_file() -> None:
    referrers = sorted({link.entity.id for link in FACTS.backlinks("dip")} - {"dip"})
    after = remove(TEXT, "dip", referrers)
    facts = loads(after)
    assert "dip" not in facts and not facts.backlinks("dip")
    assert 'id = "dip"' not in after


def test_add_puts_the_entity_after_its_kind_and_keeps_the_rest() -> None:
    after = add_entity(
        TEXT,
        "person",
        {"id": "hong-gil-dong", "name": {"ko": "홍길동"}, "provenance": [{"source": "donga-2023-03-07"}]},
    )
    facts = loads(after)
    assert facts["hong-gil-dong"].name.ko == "홍길동"
    people = [b.entity_id for b in blocks(after) if b.table == "people"]
    assert people[-1] == "hong-gil-dong"
    assert after.replace(find(after, "hong-gil-dong").text(after) + "\n", "", 1) == TEXT


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_line_ends_and_a_bom_are_kept(newline: str, bom: str) -> None:
    text = bom + TEXT.replace("\n", newline)
    after = set_field(text, "lvis", parse(Organization, "founded", "2014"))
    assert after.startswith(bom) and after.count("\r\n") == text.count("\r\n")
    assert after.replace("founded = 2014", "founded = 2013") == text


def test_a_comment_right_above_an_entity_stays_with_it() -> None:
    text = TEXT.replace(
        '[[organizations]]\nid = "dip"', '# the promotion agency\n[[organizations]]\nid = "dip"'
    )
    after = set_field(text, "lvis", parse(Organization, "founded", "2014"))
    assert '# the promotion agency\n[[organizations]]\nid = "dip"' in after
    removed = remove(text, "dip", sorted({link.entity.id for link in FACTS.backlinks("dip")} - {"dip"}))
    assert "# the promotion agency" not in removed


def test_a_header_inside_a_multi_line_string_is_not_an_entity_boundary() -> None:
    person = '[[people]]\nid = "kim-yu-hyun"\nname = { ko = "김유현", en = "Kim Yu-hyun" }\n'
    assert person in TEXT
    text = TEXT.replace(person, person + 'aliases = ["""\n[[organizations]]\nnot a header"""]\n')
    facts = loads(text)
    try:
        after = set_field(text, "kim-yu-hyun", parse(Person, "name.en", "Kim Yoo-hyun"))
    except ChangeError:
        return  # refused, nothing written: the block cannot be read on its own
    check_change(facts, after, ["kim-yu-hyun"], "x.toml")
    edited = loads(after)["kim-yu-hyun"]
    assert edited.name.en == "Kim Yoo-hyun" and "[[organizations]]" in edited.aliases[0]


# -- properties ----------------------------------------------------------------------------------------

words = (
    st.text(alphabet=string.ascii_letters + " 가나다라마바사", min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
SETTABLE = {
    Organization: [("name.en", words), ("founded", st.integers(1800, 2030).map(str)), ("tags", words)],
    Person: [("name.ko", words), ("summary.en", words)],
    Agreement: [("date", st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)).map(str)), ("place.en", words)],
    Project: [("budget", st.integers(1, 10**6).map(lambda n: f"{n}억")), ("period", st.just("2023-2028"))],
}
REFERENCES = [("lvis", Organization, "parent"), ("mou-digital-brain", Agreement, "parties")]


@st.composite
def operations(draw):
    kind = draw(st.sampled_from(["set", "set", "add", "rename", "remove"]))
    entity_id = draw(st.sampled_from(IDS))
    return kind, entity_id, draw(st.integers(0, 10**6))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operations(), min_size=1, max_size=5), st.data())
def test_random_edits_keep_the_file_valid_touch_only_their_entities_and_undo_to_the_same_bytes(
    ops, data
) -> None:
    text, facts = TEXT, FACTS
    history = [text]
    for kind, entity_id, salt in ops:
        if entity_id not in facts:
            continue
        entity = facts[entity_id]
        touched = {entity_id}
        try:
            if kind == "set":
                choices = SETTABLE.get(type(entity))
                if not choices:
                    continue
                field, values = data.draw(st.sampled_from(choices))
                after = set_field(text, entity_id, parse(type(entity), field, data.draw(values)))
            elif kind == "add":
                new_id = f"new-{salt}"
                assume(new_id not in facts)
                source = next(e.id for e in facts if e.KIND == "source")
                values = {
                    "id": new_id,
                    "name": {"en": f"New {salt}"},
                    "kind": "company",
                    "provenance": [{"source": source}],
                }
                after = add_entity(text, "organization", values)
                touched = {new_id}
            elif kind == "rename":
                new_id = f"{entity_id}-{salt}"[:80]
                referrers = [link.entity.id for link in facts.backlinks(entity_id)]
                after = rename(text, entity_id, new_id, referrers)
                touched |= {new_id, *referrers}
            else:
                referrers = sorted({link.entity.id for link in facts.backlinks(entity_id)} - {entity_id})
                after = remove(text, entity_id, referrers)
                touched |= set(referrers)
            new_facts = check_change(facts, after, [entity_id] if kind == "set" else [], "facts.toml")
        except (FieldError, FactFileError):
            continue  # refused: the file stays as it was
        # Only the touched entities' lines changed (their blocks may come and go).
        if kind in ("set", "rename"):
            assert unchanged_parts(after, touched) == unchanged_parts(text, touched)
        text = after
        facts = new_facts or loads(text)
        history.append(text)
    for previous in reversed(history[:-1]):
        text = previous  # undo writes back the text as it was before each change
    assert text.encode() == TEXT.encode()


@settings(max_examples=60, deadline=None)
@given(
    entity_id=st.sampled_from(IDS),
    field=st.sampled_from(["parent", "founded", "name.en", "name.ko", "date", "budget", "owner", "parties"]),
    value=st.sampled_from(["", "lvis", "dip", "nosuch", "2013", "1999-02", "760억", "x", "daegu-city, lvis"]),
)
def test_the_fast_check_never_accepts_what_loading_the_whole_file_refuses(entity_id, field, value) -> None:
    entity = FACTS[entity_id]
    try:
        after = set_field(TEXT, entity_id, parse(type(entity), field, value))
    except (FieldError, ChangeError):
        return
    fast = _entity_still_valid(FACTS, after, entity_id)
    try:
        loads(after)
        whole = True
    except FactFileError:
        whole = False
    assert not fast or whole
    if whole and after != TEXT and field in ("founded", "name.en", "name.ko"):
        assert fast, "a plain valid change should not need the whole file loaded"


def test_every_kind_has_its_fields_by_path() -> None:
    from tui.facts.edit.values import field_paths

    for entity_type in ENTITY_TYPES:
        paths = field_paths(entity_type)
        assert {"id", "tags", "summary.ko", "summary.en"} <= set(paths)
    assert {"valuation.money", "valuation.as_of", "name.en"} <= set(field_paths(Organization))
