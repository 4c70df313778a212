"""`facts-tui set ID FIELD VALUE [FILE]`: change one field of one entity, in place."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.commands.editing import add_edit_arguments, edit_file, entity_or_report


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "set",
        help="set one field of an entity in the file (an empty VALUE removes it)",
        description="Set FIELD of the entity ID to VALUE, in place: name.en, founded, "
        "valuation.money (760억, 76 billion, 76,000,000,000 KRW), date (2024-09 sets its precision), "
        "parties (comma-separated ids), roles.0.title.ko. An empty VALUE removes the field. "
        "The file is checked before it is written; nothing else in it changes.",
    )
    parser.add_argument("id", metavar="ID")
    parser.add_argument("field", metavar="FIELD")
    parser.add_argument("value", metavar="VALUE")
    add_edit_arguments(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    from tui.facts.edit.change import set_field
    from tui.facts.edit.values import parse

    def plan(facts, text):
        entity = entity_or_report(facts, args.id)
        assignment = parse(type(entity), args.field, args.value)
        shown = args.value if args.value.strip() else "(removed)"
        return set_field(text, args.id, assignment), [args.id], f"{args.id}.{args.field} = {shown}"

    return edit_file(args, out, plan)
