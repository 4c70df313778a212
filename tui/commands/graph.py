"""`facts-tui graph ID [FILE]`: an entity's neighbourhood as a tree, Graphviz or Mermaid.

`neighbourhood_tree` and `node_label` are the Rich side of `tui.facts.graph`, for the explorer too.
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from tui.commands import (
    EXIT_OK,
    UsageError,
    add_file_argument,
    add_lang_argument,
    language,
    load_facts,
    unknown_id,
)
from tui.facts.graph import MAX_DEPTH, Node, neighbourhood, to_dot, to_mermaid
from tui.facts.index import Link
from tui.facts.model import Language
from tui.facts.text import kind_label
from tui.render import DIM, link_text

FORMATS = ("text", "dot", "mermaid")
SEE_ABOVE = {"en": "(see above)", "ko": "(위 참조)"}


def node_label(node: Node, lang: Language = "ko") -> Text:
    """One node as one line: the root as 'LVIS  Organization (lvis)'; any other node as
    `render.link_text` writes a link ('party: LVIS (lvis)') or, for direction 'in', a backlink,
    then its kind, then '(see above)' for a repeat."""
    if node.role is None:
        text = Text(node.entity.label(lang), style="bold")
        text.append(f"  {kind_label(node.entity.KIND, lang)}", style=DIM)
        text.append(f" ({node.entity.id})", style=DIM)
        return text
    text = link_text(Link(node.role, node.entity), lang, incoming=node.direction == "in")
    text.append(f"  {kind_label(node.entity.KIND, lang)}", style=DIM)
    if node.repeat:
        text.append(f" {SEE_ABOVE[lang]}", style="italic dim")
    return text


def more_label(count: int, lang: Language = "ko") -> Text:
    """'… 12 more' for children left out by the caps."""
    return Text(f"… {count} more" if lang == "en" else f"… 외 {count}개", style="dim italic")


def neighbourhood_tree(root: Node, lang: Language = "ko") -> Tree:
    """The neighbourhood as a Rich Tree."""
    tree = Tree(node_label(root, lang), guide_style=DIM)
    stack = [(root, tree)]
    while stack:  # iterative: deep trees never hit the recursion limit
        node, branch = stack.pop()
        pending = []
        for child in node.children:
            pending.append((child, branch.add(node_label(child, lang))))
        if node.more:
            branch.add(more_label(node.more, lang))
        stack.extend(reversed(pending))
    return tree


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "graph",
        help="show an entity's relationships",
        description="Show what an entity links to and what links to it, up to --depth hops away. "
        "Each entity is shown once, where it is nearest; met again, it is marked '(see above)'. "
        "--format dot and mermaid write Graphviz and Mermaid text for other tools.",
    )
    parser.add_argument("id", metavar="ID", help="the entity's id, e.g. lvis")
    add_file_argument(parser)
    parser.add_argument(
        "--depth", type=int, default=2, metavar="N", help=f"hops to follow, 1 to {MAX_DEPTH} (default: 2)"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    if not 1 <= args.depth <= MAX_DEPTH:
        raise UsageError(f"facts-tui graph: error: --depth must be from 1 to {MAX_DEPTH}, not {args.depth}")
    facts = load_facts(args.file)
    if args.id not in facts:
        return unknown_id(facts, args.id)
    lang = language(args, facts)
    if args.format == "text":
        out.print(neighbourhood_tree(neighbourhood(facts, args.id, args.depth), lang))
    else:
        render = to_dot if args.format == "dot" else to_mermaid
        out.file.write(render(facts, args.id, args.depth, lang))
        out.file.flush()
    return EXIT_OK
