"""Neighbourhoods: the tree around an entity, its edges, and Graphviz / Mermaid output that data cannot break."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tui.facts import FactBase, loads
from tui.facts.graph import Edge, Node, dot_string, edges, mermaid_string, neighbourhood, to_dot, to_mermaid

HOSTILE_NAME = 'Evil "quoted"\nline ] --> x[pwned] ; %% # & \\ `tick` |pipe| <b>'


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _hostile() -> FactBase:
    """'evil' has a name full of DOT and Mermaid syntax; 'good' names it as its parent."""
    return loads(
        f"""
[meta]
title = "Hostile"

[[sources]]
id = "src"
outlet = {{ en = "O" }}
title = {{ en = "T" }}
published = 2023-03-07

[[organizations]]
id = "evil"
kind = "company"
name = {{ en = {_toml_string(HOSTILE_NAME)} }}
provenance = [{{ source = "src" }}]

[[organizations]]
id = "good"
kind = "company"
name = {{ en = "Good" }}
parent = "evil"
provenance = [{{ source = "src" }}]
"""
    )


def _by_id(root: Node) -> dict[str, list[Node]]:
    found: dict[str, list[Node]] = {}
    for node in root.walk():
        found.setdefault(node.id, []).append(node)
    return found


def test_lvis_neighbourhood_has_the_mou_at_depth_1_and_its_other_parties_at_depth_2(
    bundled: FactBase,
) -> None:
    root = neighbourhood(bundled, "lvis", depth=2)
    assert root.id == "lvis" and root.depth == 0 and root.role is None
    mou = next(c for c in root.children if c.id == "mou-digital-brain")
    assert (mou.depth, mou.role, mou.direction, mou.repeat) == (1, "party", "in", False)
    parties = {c.id: c for c in mou.children if c.role == "party"}
    assert set(parties) == {"daegu-city", "dip"}  # LVIS itself is the parent: not repeated
    assert all(p.depth == 2 and p.direction == "out" and not p.repeat for p in parties.values())
    founder = next(c for c in root.children if c.id == "lee-jin-hyung")
    assert (founder.role, founder.direction) == ("founder", "out")


def test_each_entity_is_expanded_once_where_it_is_nearest(bundled: FactBase) -> None:
    root = neighbourhood(bundled, "lvis", depth=2)
    for entity_id, nodes in _by_id(root).items():
        expanded = [n for n in nodes if not n.repeat]
        assert len(expanded) == 1, entity_id
        assert all(n.depth >= expanded[0].depth for n in nodes), entity_id
        assert all(not n.children for n in nodes if n.repeat), entity_id
    # Lee Jin-hyung is met at depth 1 (founder) and again as the MOU's signatory: a repeat leaf.
    again = [n for n in _by_id(root)["lee-jin-hyung"] if n.repeat]
    assert again and again[0].depth == 2 and again[0].role == "signatory"


def test_depth_limits_the_tree(bundled: FactBase) -> None:
    one = neighbourhood(bundled, "lvis", depth=1)
    assert max(n.depth for n in one.walk()) == 1
    zero = neighbourhood(bundled, "lvis", depth=0)
    assert zero.children == ()
    three = neighbourhood(bundled, "lvis", depth=3)
    assert len(list(three.walk())) > len(list(neighbourhood(bundled, "lvis", depth=2).walk()))
    with pytest.raises(KeyError):
        neighbourhood(bundled, "no-such-id")


def test_children_are_capped_with_a_count_of_the_rest() -> None:
    people = "\n".join(
        f'[[people]]\nid = "p{n}"\nname = {{ en = "P{n}" }}\n'
        f'roles = [{{ organization = "hub", title = {{ en = "Staff" }} }}]\n'
        f'provenance = [{{ source = "src" }}]\n'
        for n in range(120)
    )
    facts = loads(
        '[meta]\ntitle = "Hub"\n[[sources]]\nid = "src"\noutlet = { en = "O" }\ntitle = { en = "T" }\n'
        'published = 2023-03-07\n[[organizations]]\nid = "hub"\nkind = "company"\nname = { en = "Hub" }\n'
        'provenance = [{ source = "src" }]\n' + people
    )
    root = neighbourhood(facts, "hub", depth=2, limit=50)
    assert len(root.children) == 50
    assert root.more == 70
    small = neighbourhood(facts, "hub", depth=2, limit=50, max_nodes=10)
    assert len(list(small.walk())) == 10
    assert small.more == 120 - 9


def test_edges_point_from_the_entity_that_names_the_other(bundled: FactBase) -> None:
    found = edges(bundled, "lvis", depth=1)
    assert Edge("mou-digital-brain", "lvis", "party") in found
    assert Edge("lvis", "lee-jin-hyung", "founder") in found
    assert len(found) == len(set(found))
    deeper = edges(bundled, "lvis", depth=2)
    assert Edge("mou-digital-brain", "daegu-city", "party") in deeper
    # A repeat leaf is still a real reference between two shown entities.
    assert Edge("mou-digital-brain", "lee-jin-hyung", "signatory") in deeper


def test_dot_quotes_ids_and_labels(bundled: FactBase) -> None:
    dot = to_dot(bundled, "lvis", depth=1, lang="en")
    assert dot.startswith("digraph facts {\n") and dot.endswith("}\n")
    assert '"mou-digital-brain" -> "lvis" [label="party"];' in dot
    assert '"lvis" [label="LVIS\\n(lvis)"' in dot


def test_dot_escapes_a_hostile_label() -> None:
    facts = _hostile()
    dot = to_dot(facts, "evil", depth=1, lang="en")
    evil_line = next(line for line in dot.splitlines() if line.startswith('  "evil" ['))
    assert '\\"quoted\\"' in evil_line
    assert "\\\\ `tick`" in evil_line  # the backslash is doubled
    assert "line ]" in evil_line  # inside the quotes, ']' is plain text
    # No raw newline from the data: the node stays on one line, and every quote in it is escaped
    # or one of the string delimiters.
    assert len(dot.splitlines()) == 4 + 2 + 1 + 1  # header, 2 nodes, 1 edge, closing brace
    unescaped = re.findall(r'(?<!\\)"', evil_line.replace("\\\\", ""))
    assert len(unescaped) == 6  # "evil", label="...", tooltip="..."
    assert dot_string('a"b\\c\nd\re') == '"a\\"b\\\\c\\nd\\ne"'


def test_mermaid_sanitizes_ids_and_escapes_labels(bundled: FactBase) -> None:
    mermaid = to_mermaid(bundled, "lvis", depth=1, lang="en")
    lines = mermaid.splitlines()
    assert lines[0] == "graph LR"
    assert lines[1] == '  n0["LVIS (lvis)"]'
    assert re.search(r"^  n\d+ -->\|\"party\"\| n0$", mermaid, re.MULTILINE)
    assert "mou-digital-brain -->" not in mermaid  # ids never used as identifiers


def test_mermaid_escapes_a_hostile_label() -> None:
    facts = _hostile()
    mermaid = to_mermaid(facts, "evil", depth=1, lang="en")
    lines = mermaid.splitlines()
    evil = next(line for line in lines if line.startswith("  n0["))
    label = evil[len('  n0["') : -len('"]')]
    assert '"' not in label and "]" not in label and "[" not in label and "\n" not in label
    assert "#quot;quoted#quot;" in label
    assert "#93;" in label and "#91;" in label  # ']' and '['
    assert "#124;" in label and "#59;" in label and "#37;#37;" in label and "#60;b#62;" in label
    assert "-->" not in label.replace("--#62;", "")  # the arrow is defused: '>' is encoded
    # One line per node, edge and class statement: data added none.
    assert len(lines) == 1 + 2 + 1 + 2
    assert mermaid_string('a"b') == '"a#quot;b"'
    assert mermaid_string("대구 ㈜") == '"대구 ㈜"'


def test_graphviz_reads_the_hostile_dot_as_two_nodes_and_one_edge() -> None:
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz (dot) is not installed")
    result = subprocess.run(
        [dot, "-Tplain"], input=to_dot(_hostile(), "evil", depth=1, lang="en"), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    records = [line.split(" ", 2)[:2] for line in result.stdout.splitlines()]
    assert sorted(r[1] for r in records if r[0] == "node") == ["evil", "good"]
    assert [r for r in records if r[0] == "edge"] == [["edge", "good"]]
    assert "pwned" in result.stdout and "\\n(evil)" in result.stdout
