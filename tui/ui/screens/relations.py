"""The relationship view: who signed what with whom, one and two hops out, as a tree."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from tui.facts import FactBase
from tui.facts.graph import Node, neighbourhood
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.render.entity import cut_to, more_label, node_label
from tui.ui.screens.view import ExplorerView
from tui.ui.widgets.bars import KeyBar, TitleBar


class RelationsTree(Tree[str]):
    """The tree with each row cut to the width, ending in '…', instead of running off the right
    edge: the whole row is one Enter away (the entity opens, its links listed in full)."""

    # A widget's styles stay DEFAULT_CSS (Textual reads CSS_PATH of apps and screens only), kept in
    # relations.tcss; the screen's own styles are the views' shared views.tcss.
    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        guides = (depth if self.show_root else max(0, depth - 1)) * self.guide_depth
        cut_to(label, max(1, self.scrollable_content_region.width - guides))
        return label


class RelationsScreen(ExplorerView):
    """The neighbourhood of one entity; Enter on a node opens it. Dismisses with that id or None."""

    CSS_PATH = Path(__file__).with_name("views.tcss")

    def __init__(self, facts: FactBase, entity_id: str, lang: Language, depth: int = 2) -> None:
        super().__init__()
        self.facts = facts
        self.entity_id = entity_id
        self.lang: Language = lang
        self.depth = depth

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._title(), classes="view-title")
        yield RelationsTree(Text(""), id="relations-tree")
        yield KeyBar()

    def _title(self) -> Text:
        title = Text(msg("relations.title", self.lang), style="bold")
        title.append(msg("relations.hint", self.lang, depth=self.depth), style="dim")
        return title

    def on_mount(self) -> None:
        self._fill()
        self.query_one(Tree).focus()

    def _fill(self) -> None:
        tree: Tree[str] = self.query_one(Tree)
        root = neighbourhood(self.facts, self.entity_id, depth=self.depth)
        tree.clear()
        tree.root.set_label(node_label(root, self.lang))
        tree.root.data = root.id
        self._grow(tree.root, root)
        tree.root.expand_all()

    @property
    def highlighted_id(self) -> str | None:
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None else None

    def action_relations(self) -> None:
        """`R` on another entity shows its relationships; on this one's, closes them."""
        if self.highlighted_id in (None, self.entity_id):
            self.dismiss(None)
        else:
            super().action_relations()

    def set_language(self, lang: Language) -> None:
        """Show the view in `lang`: the same tree, the cursor on the same line."""
        self.lang = lang
        self.query_one(".view-title", Static).update(self._title())
        tree: Tree[str] = self.query_one(Tree)
        line = tree.cursor_line
        self._fill()
        tree.cursor_line = line

    def _grow(self, branch, node: Node) -> None:
        """Add the graph below `node` under the tree node `branch`."""
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
