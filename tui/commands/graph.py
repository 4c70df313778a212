"""`facts-tui graph ID [FILE]`: an entity's neighbourhood as a tree, Graphviz or Mermaid."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.commands import (
    EXIT_OK,
    UsageError,
    add_file_argument,
    add_lang_argument,
    language,
    load_facts,
    unknown_id,
)
from tui.commands.table import print_unpadded
from tui.facts.graph import MAX_DEPTH, neighbourhood, to_dot, to_mermaid
from tui.render.entity import neighbourhood_tree

FORMATS = ("text", "dot", "mermaid")


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "graph",
        help="show an entity's relationships",
        description="Show what an entity links to and what links to it, up to --depth hops away. "
        "Each entity is shown once, where it is nearest; met again, it is marked '(also elsewhere in this tree)'. "
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
    lang = language(args, facts)
    if args.id not in facts:
        return unknown_id(facts, args.id, lang)
    if args.format == "text":
        print_unpadded(out, neighbourhood_tree(neighbourhood(facts, args.id, args.depth), lang))
    else:
        render = to_dot if args.format == "dot" else to_mermaid
        out.file.write(render(facts, args.id, args.depth, lang))
        out.file.flush()
    return EXIT_OK
