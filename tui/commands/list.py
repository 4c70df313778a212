"""`facts-tui list KIND [FILE]`: a table of the entities of one kind."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.commands import (
    ENTITY_KINDS,
    EXIT_OK,
    add_file_argument,
    add_lang_argument,
    language,
    load_facts,
    resolve_kind,
    unknown_kind,
)
from tui.facts.text import section_label
from tui.render import entity_subtitle


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "list", help="list the entities of one kind", description="List the entities of one kind as a table."
    )
    parser.add_argument("kind", metavar="KIND", help="one of: " + ", ".join(ENTITY_KINDS) + " (plural works)")
    add_file_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    kind = resolve_kind(args.kind)
    if kind is None:
        return unknown_kind(args.kind)
    facts = load_facts(args.file)
    lang = language(args, facts)
    entities = facts.of_kind(kind)
    table = Table(title=f"{section_label(kind, lang)} ({len(entities)})", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("name")
    table.add_column("details")
    for entity in entities:
        table.add_row(Text(entity.id), Text(entity.label(lang)), entity_subtitle(entity, lang))
    out.print(table)
    return EXIT_OK
