"""An entity's neighbourhood: what it links to and what links to it, one hop, two hops, ...

`neighbourhood` gives a tree for display; `edges` gives the relations among the same entities
for graph formats; `to_dot` and `to_mermaid` write those as Graphviz and Mermaid text.

How the tree is built (breadth first, so the shortest path to an entity wins):

- The root is the entity asked about. Each node's children are its links (it refers to them:
  `direction = "out"`) then its backlinks (they refer to it: `direction = "in"`), each with the
  role of the reference ('party', 'owner', ...). An entity that is both is listed once, as a link.
- The link back to a node's own parent is left out (it is the edge the node was reached by).
- Each entity is expanded once, at the shallowest depth it is found. Found again later, it is
  shown as a reference leaf: `repeat = True`, no children ("(also elsewhere in this tree)" in the text view).
  Those leaves keep the relation visible without repeating the subtree.
- Each node shows at most `limit` children (default 50); the rest are counted in `more`
  ("… N more"). The whole tree holds at most `max_nodes` nodes (default 2000); children past
  that are counted in `more` too. A hub with 50 000 backlinks in a 100k file stays fast.

Pure data: no Textual or Rich here.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from tui.facts.index import FactBase
from tui.facts.model import Entity, Language

Direction = Literal["out", "in"]
LIMIT = 50
"""Children shown per node."""
MAX_NODES = 2000
"""Nodes in one tree, repeats included."""
MAX_DEPTH = 4
"""The deepest neighbourhood the command line offers."""


@dataclass(frozen=True, slots=True)
class Node:
    """One entity in a neighbourhood tree.

    `role` and `direction` describe the reference between this node and its parent:
    `"out"` — the parent refers to this entity in `role` (e.g. the MOU names LVIS as 'party');
    `"in"` — this entity refers to the parent in `role` (LVIS's tree: the MOU is 'party' 'in').
    Both are None for the root. `repeat` marks an entity already shown higher up (a leaf).
    `more` counts the children left out by the caps.
    """

    entity: Entity
    depth: int = 0
    role: str | None = None
    direction: Direction | None = None
    children: tuple[Node, ...] = ()
    repeat: bool = False
    more: int = 0

    @property
    def id(self) -> str:
        return self.entity.id

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first, in display order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True, order=True)
class Edge:
    """A reference: `source` names `target` in `role` (the MOU names LVIS as 'party')."""

    source: str
    target: str
    role: str


@dataclass
class _Builder:
    entity: Entity
    depth: int
    role: str | None = None
    direction: Direction | None = None
    parent: str | None = None
    repeat: bool = False
    children: list[_Builder] = field(default_factory=list)
    more: int = 0

    def freeze(self) -> Node:
        return Node(
            self.entity,
            self.depth,
            self.role,
            self.direction,
            tuple(child.freeze() for child in self.children),
            self.repeat,
            self.more,
        )


def _neighbours(facts: FactBase, entity_id: str) -> Iterator[tuple[str, Direction, Entity]]:
    """Links then backlinks, each other entity once."""
    seen: set[str] = set()
    for link in facts.links(entity_id):
        if link.entity.id not in seen:
            seen.add(link.entity.id)
            yield link.role, "out", link.entity
    for link in facts.backlinks(entity_id):
        if link.entity.id not in seen:
            seen.add(link.entity.id)
            yield link.role, "in", link.entity


def _build(
    facts: FactBase, entity_id: str, depth: int, limit: int, max_nodes: int
) -> tuple[_Builder, list[Edge]]:
    if depth < 0:
        raise ValueError(f"depth must be at least 0, not {depth}")
    root = _Builder(facts[entity_id], 0)
    seen = {entity_id}
    edges: dict[Edge, None] = {}
    count = 1
    queue: deque[_Builder] = deque([root])
    while queue:
        node = queue.popleft()
        if node.depth >= depth or node.repeat:
            continue
        for role, direction, other in _neighbours(facts, node.entity.id):
            if other.id == node.parent:
                continue
            if len(node.children) >= limit or count >= max_nodes:
                node.more += 1
                continue
            source, target = (node.entity.id, other.id) if direction == "out" else (other.id, node.entity.id)
            edges[Edge(source, target, role)] = None
            repeat = other.id in seen
            child = _Builder(other, node.depth + 1, role, direction, node.entity.id, repeat)
            node.children.append(child)
            count += 1
            if not repeat:
                seen.add(other.id)
                queue.append(child)
    return root, list(edges)


def neighbourhood(
    facts: FactBase, entity_id: str, depth: int = 2, limit: int = LIMIT, max_nodes: int = MAX_NODES
) -> Node:
    """The tree of entities within `depth` hops of `entity_id` (see the module's docstring).

    Raises KeyError for an unknown id.
    """
    root, _ = _build(facts, entity_id, depth, limit, max_nodes)
    return root.freeze()


def edges(
    facts: FactBase, entity_id: str, depth: int = 2, limit: int = LIMIT, max_nodes: int = MAX_NODES
) -> list[Edge]:
    """Every reference between the entities of the neighbourhood that the tree shows, once each,
    in the order the tree finds them (repeat leaves included: they are real references)."""
    return _build(facts, entity_id, depth, limit, max_nodes)[1]


def _graph(
    facts: FactBase, entity_id: str, depth: int, limit: int, max_nodes: int
) -> tuple[list[Entity], list[Edge], int]:
    """The entities (root first, in tree order, once each), the edges, and how many were left out."""
    root, found = _build(facts, entity_id, depth, limit, max_nodes)
    entities: dict[str, Entity] = {}
    left_out = 0
    stack = [root]
    while stack:
        node = stack.pop()
        entities.setdefault(node.entity.id, node.entity)
        left_out += node.more
        stack.extend(reversed(node.children))
    return list(entities.values()), found, left_out


# -- Graphviz ------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def dot_string(text: str) -> str:
    """`text` as a Graphviz double-quoted string, quotes included.

    Backslashes and quotes are escaped, so data can never end the string; a newline becomes
    Graphviz's `\\n` line break; other control characters become spaces.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _dot_label(entity: Entity, lang: Language) -> str:
    return f"{entity.label(lang)}\n({entity.id})"


def to_dot(
    facts: FactBase,
    entity_id: str,
    depth: int = 2,
    lang: Language = "ko",
    limit: int = LIMIT,
    max_nodes: int = MAX_NODES,
) -> str:
    """The neighbourhood as a Graphviz digraph; an edge points from the entity that names the other.

    Node ids are the entity ids, quoted; labels are the name and id. The root is drawn bold.
    """
    entities, found, left_out = _graph(facts, entity_id, depth, limit, max_nodes)
    lines = [
        "digraph facts {",
        "  rankdir=LR;",
        '  node [shape=box, fontname="sans-serif"];',
        '  edge [fontname="sans-serif", fontsize=10];',
    ]
    for n, entity in enumerate(entities):
        attrs = f"label={dot_string(_dot_label(entity, lang))}, tooltip={dot_string(entity.KIND)}"
        if n == 0:
            attrs += ", style=bold, penwidth=2"
        lines.append(f"  {dot_string(entity.id)} [{attrs}];")
    for edge in found:
        lines.append(
            f"  {dot_string(edge.source)} -> {dot_string(edge.target)} [label={dot_string(edge.role)}];"
        )
    if left_out:
        lines.append(f"  // {left_out} more not shown (capped at {limit} per entity, {max_nodes} in all)")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- Mermaid -------------------------------------------------------------------------------------

# Kept as they are in a Mermaid label; every other ASCII character is written as an entity code.
_MERMAID_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-_'/:!?()")


def mermaid_string(text: str) -> str:
    """`text` as a double-quoted Mermaid label, quotes included.

    `"` becomes `#quot;`; every other ASCII character but letters, digits, space and
    `.,-_'/:!?()` (so `[ ] { } < > | # ; % & \\` ...) becomes a numeric entity code such as
    `#93;`; line breaks and control characters become spaces. Non-ASCII text (Korean) is kept.
    """
    out = []
    for ch in text:
        if ch in _MERMAID_SAFE or (ord(ch) > 0x9F and ch.isprintable()):
            out.append(ch)
        elif ch == '"':
            out.append("#quot;")
        elif ch.isspace() or not ch.isprintable():
            out.append(" ")
        else:
            out.append(f"#{ord(ch)};")
    return '"' + "".join(out) + '"'


def to_mermaid(
    facts: FactBase,
    entity_id: str,
    depth: int = 2,
    lang: Language = "ko",
    limit: int = LIMIT,
    max_nodes: int = MAX_NODES,
) -> str:
    """The neighbourhood as a Mermaid `graph LR`; an edge points from the entity that names the other.

    Node ids are `n0` (the root), `n1`, ... so no data reaches an identifier; labels are the
    name and id, escaped by `mermaid_string`.
    """
    entities, found, left_out = _graph(facts, entity_id, depth, limit, max_nodes)
    ids = {entity.id: f"n{n}" for n, entity in enumerate(entities)}
    lines = ["graph LR"]
    for entity in entities:
        label = mermaid_string(f"{entity.label(lang)} ({entity.id})")
        lines.append(f"  {ids[entity.id]}[{label}]")
    for edge in found:
        lines.append(f"  {ids[edge.source]} -->|{mermaid_string(edge.role)}| {ids[edge.target]}")
    lines.append(f"  class {ids[entity_id]} root")
    lines.append("  classDef root stroke-width:3px")
    if left_out:
        lines.append(f"  %% {left_out} more not shown (capped at {limit} per entity, {max_nodes} in all)")
    return "\n".join(lines) + "\n"
