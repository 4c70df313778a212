"""`facts-tui show ID [FILE]`: one entity as the detail pane shows it (fields, provenance, links, backlinks), then its citations."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.commands import EXIT_OK, add_file_argument, add_lang_argument, language, load_facts, unknown_id
from tui.commands.table import print_unpadded
from tui.render.entity import render_entity


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "show",
        help="show one entity with its links and provenance",
        description="Show one entity: its fields, money in Korean and English units, what it links to, "
        "what links to it, and where each fact comes from.",
    )
    parser.add_argument("id", metavar="ID", help="the entity's id, e.g. lvis")
    add_file_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    facts = load_facts(args.file)
    entity = facts.get(args.id)
    if entity is None:
        return unknown_id(facts, args.id, language(args, facts))
    print_unpadded(out, render_entity(facts, entity, language(args, facts)))
    return EXIT_OK
