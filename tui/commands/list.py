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
    asked_language,
    language,
    load_facts,
    resolve_kind,
    unknown_kind,
)
from tui.commands.table import print_table
from tui.facts.messages import msg
from tui.facts.text import section_label
from tui.render.entity import entity_subtitle


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
        return unknown_kind(args.kind, asked_language(args))
    facts = load_facts(args.file)
    lang = language(args, facts)
    entities = facts.of_kind(kind)
    table = Table(title=f"{section_label(kind, lang)} ({len(entities)})", title_justify="left")
    table.add_column(msg("field.id", lang), no_wrap=True)
    table.add_column(msg("field.name", lang))
    table.add_column(msg("cli.details", lang))
    for entity in entities:
        table.add_row(Text(entity.id), Text(entity.label(lang)), entity_subtitle(entity, lang))
    print_table(out, table)
    return EXIT_OK
