"""The fact base of an edited file, built from the one before (tui/facts/edit/rebuild.py), is what
loading the new file gives: the same entities in the same order, positions and links, or no answer.

Random runs of set, add, rename and remove (with their references) on generated files, each
change made with the edit library as the explorer makes it, compared with `loads` of the new text.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from new_entities import new_entity

from tui.facts import ENTITY_KINDS, FactBase, FactFileError, loads
from tui.facts.edit.plan import (
    PlannedChange,
    add_entity,
    referrers,
    remove_entity,
    rename_entity,
    set_fields,
)
from tui.facts.edit.rebuild import Layout, rebuild, scan
from tui.facts.edit.values import parse

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate() -> Callable[[int, int], str]:
    """benchmarks/generate.py's `generate(entities, seed)` (skipped if the script is missing)."""
    if not GENERATOR.exists():
        pytest.skip("benchmarks/generate.py is not there")
    spec = importlib.util.spec_from_file_location("facts_generate_for_rebuild", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def indexed(facts: FactBase) -> FactBase:
    """`facts` with its links index and positions built, as the explorer has them."""
    for entity in facts:
        facts.backlinks(entity.id)
        facts.position(entity.id)
        break
    return facts


def assert_same(rebuilt: FactBase, loaded: FactBase) -> None:
    """Everything the explorer reads of a fact base is the same in both."""
    assert rebuilt.meta == loaded.meta
    for kind in ENTITY_KINDS:
        assert rebuilt.of_kind(kind) == loaded.of_kind(kind), kind
    assert list(rebuilt) == list(loaded) and len(rebuilt) == len(loaded)
    for entity in loaded:
        assert rebuilt[entity.id] == entity
        assert rebuilt.position(entity.id) == loaded.position(entity.id)
        assert rebuilt.backlinks(entity.id) == loaded.backlinks(entity.id), entity.id
        assert rebuilt.links(entity.id) == loaded.links(entity.id)


# -- changes, as the explorer makes them ---------------------------------------------------------------

SETTABLE = {
    "organization": [
        ("founded", "1999"),
        ("name.en", "Renamed Co."),
        ("summary.ko", "바뀐 요약"),
        ("founded", ""),
    ],
    "person": [("name.ko", "새 이름"), ("summary.en", "A new summary")],
    "agreement": [("date", "2021-05-06"), ("title.en", "A new title")],
    "project": [("name.en", "A new project name"), ("summary.en", "")],
    "event": [("date", "2020-01-02"), ("name.ko", "새 행사")],
    "source": [("author", "새 기자"), ("paragraphs", "40")],
}


def a_change(facts: FactBase, draw: st.DrawFn) -> PlannedChange:
    """One change of a kind hypothesis picks, to an entity it picks."""
    kind = draw(st.sampled_from([k for k in ENTITY_KINDS if facts.of_kind(k)]))
    rows = facts.of_kind(kind)
    entity = rows[draw(st.integers(0, len(rows) - 1))]
    what = draw(st.sampled_from(["set", "set", "set", "add", "rename", "remove"]))
    if what == "set":
        field, value = draw(st.sampled_from(SETTABLE[kind]))
        try:
            assignment = parse(type(entity), field, value)
        except Exception:  # a field this generated entity's kind does not have
            assignment = parse(type(entity), *SETTABLE[kind][0])
        return set_fields(entity.id, [assignment], "set")
    if what == "rename":
        return rename_entity(entity.id, f"{entity.id}-x", "renamed")
    if what == "remove":
        return remove_entity(entity.id, cascade=True, summary="removed", listed=referrers(facts, entity.id))
    return add_entity(kind, new_entity(facts, kind)[1], "added")


# -- the property --------------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), seed=st.integers(0, 3), crlf=st.booleans())
def test_a_rebuilt_fact_base_is_the_loaded_one(
    generate: Callable[[int, int], str], data: st.DataObject, seed: int, crlf: bool
) -> None:
    text = generate(120, seed)
    if crlf:
        text = text.replace("\n", "\r\n")
    facts = indexed(loads(text))
    layout = scan(text.encode())
    assert layout is not None  # a generated file is block-local
    answered = 0
    for _ in range(data.draw(st.integers(1, 4))):
        planned = a_change(facts, data.draw)
        try:
            after = planned.plan(text, facts)
        except Exception:  # a change the text cannot take (an id taken by an earlier add)
            continue
        old, new = text.encode(), after.encode()
        result = rebuild(facts, layout, old, new)
        try:
            loaded = indexed(loads(after))
        except FactFileError:
            assert result is None  # never an answer for a file that does not load
            continue
        if after == text:
            continue
        if result is None:  # allowed, but only where the file is not block-local any more
            assert scan(new) is None, planned.summary
            facts, layout, text = loaded, scan(new), after  # type: ignore[assignment]
            continue
        answered += 1
        assert_same(result.facts, loaded)
        assert result.layout == scan(new)
        facts, layout, text = result.facts, result.layout, after
    assert answered or True


@pytest.mark.parametrize("removals", [[("organization", 22), ("agreement", 15)], [("event", 21)]])
def test_removals_leave_an_answer_and_the_layout_a_scan_finds(
    generate: Callable[[int, int], str], removals: list[tuple[str, int]]
) -> None:
    """Hypothesis found these: a removed block left its separating blank line where it began (the
    stretch then began with a blank line, and no answer came), and a stretch with no block left in
    it stopped the rebuild with an error."""
    text = generate(120, 0)
    facts, layout = indexed(loads(text)), scan(text.encode())
    assert layout is not None
    for kind, n in removals:
        entity = facts.of_kind(kind)[n]
        after = remove_entity(
            entity.id, cascade=True, summary="removed", listed=referrers(facts, entity.id)
        ).plan(text, facts)
        result = rebuild(facts, layout, text.encode(), after.encode())
        assert result is not None, entity.id
        assert_same(result.facts, indexed(loads(after)))
        assert result.layout == scan(after.encode())
        facts, layout, text = result.facts, result.layout, after


def test_an_invalid_change_gets_no_answer(generate: Callable[[int, int], str]) -> None:
    """A dangling reference, an id used twice, a broken rule: only a whole load can word those."""
    text = generate(120, 1)
    facts = indexed(loads(text))
    layout = scan(text.encode())
    assert layout is not None
    organization, other = facts.of_kind("organization")[:2]
    breaking = [
        set_fields(organization.id, [parse(type(organization), "parent", "no-such-org")], ""),
        set_fields(organization.id, [parse(type(organization), "parent", organization.id)], ""),
        rename_entity(organization.id, other.id, ""),
    ]
    for planned in breaking:
        try:
            after = planned.plan(text, facts)
        except Exception:
            after = text.replace(f'id = "{organization.id}"', f'id = "{other.id}"', 1)
        with pytest.raises(FactFileError):
            loads(after)
        assert rebuild(facts, layout, text.encode(), after.encode()) is None


@pytest.mark.parametrize(
    "tail",
    [
        '[[people]]\nid = "p9"\nname = { ko = "가" }\nsummary = { en = """two\n[[people]]\nlines""" }\n',
        '[[people]]\nid = "p9"\nname = { ko = "가" }\n[organizations.valuation]\nas_of = 2020-01-01\n',
        "[meta2]\nx = 1\n",
    ],
    ids=["multi-line string", "a sub-table of an earlier entity", "a table after the entities"],
)
def test_a_file_whose_lines_reach_outside_their_block_has_no_layout(
    generate: Callable[[int, int], str], tail: str
) -> None:
    text = generate(30, 2)
    assert scan(text.encode()) is not None
    assert scan((text + "\n" + tail).encode()) is None


def test_the_layout_names_every_entity_in_file_order(generate: Callable[[int, int], str]) -> None:
    text = generate(200, 3)
    facts = loads(text)
    layout = scan(text.encode())
    assert isinstance(layout, Layout)
    data = text.encode()
    for n, kind in enumerate(t.KIND for t in _types()):
        ids = [_id_after(data, start) for start in layout.by_table[n]]
        assert ids == [e.id for e in facts.of_kind(kind)]


def _types():
    from tui.facts.model import ENTITY_TYPES

    return ENTITY_TYPES


def _id_after(data: bytes, start: int) -> str:
    at = data.index(b'id = "', start) + len(b'id = "')
    return data[at : data.index(b'"', at)].decode()
