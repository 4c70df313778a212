"""The relationship view: who signed what with whom, one and two hops out, as a tree."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static, Tree

from tui.facts import FactBase
from tui.facts.graph import Node, neighbourhood
from tui.facts.model import Language
from tui.keymap import VIEW_COMMANDS, bindings
from tui.render import more_label, node_label
from tui.widgets.bars import KeyBar, TitleBar


class RelationsScreen(Screen[str | None]):
    """The neighbourhood of one entity; Enter on a node opens it. Dismisses with that id or None."""

    CSS_PATH = Path(__file__).with_name("views.tcss")
    BINDINGS = bindings(VIEW_COMMANDS)

    def __init__(self, facts: FactBase, entity_id: str, lang: Language, depth: int = 2) -> None:
        super().__init__()
        self.facts = facts
        self.entity_id = entity_id
        self.lang: Language = lang
        self.depth = depth

    def compose(self) -> ComposeResult:
        yield TitleBar()
        title = Text("Relationships" if self.lang == "en" else "관계", style="bold")
        title.append(f"  {self.depth} hops · Enter opens · Esc returns", style="dim")
        yield Static(title, classes="view-title")
        yield Tree(Text(""), id="relations-tree")
        yield KeyBar()

    def on_mount(self) -> None:
        tree: Tree[str] = self.query_one(Tree)
        root = neighbourhood(self.facts, self.entity_id, depth=self.depth)
        tree.root.set_label(node_label(root, self.lang))
        tree.root.data = root.id
        self._add_children(tree.root, root)
        tree.root.expand_all()
        tree.focus()

    def _add_children(self, branch, node: Node) -> None:
        stack = [(branch, node)]
        while stack:  # iterative, like render.neighbourhood_tree
            tree_node, graph_node = stack.pop()
            for child in graph_node.children:
                leaf = not child.children
                added = tree_node.add(node_label(child, self.lang), data=child.id, allow_expand=not leaf)
                stack.append((added, child))
            if graph_node.more:
                tree_node.add_leaf(more_label(graph_node.more, self.lang))

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None and event.node.data != self.entity_id:
            self.dismiss(event.node.data)

    def action_close(self) -> None:
        self.dismiss(None)
