"""`facts-tui rename OLD_ID NEW_ID [FILE]`: a new id, and every reference in the file follows."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.commands.editing import add_edit_arguments, edit_file, entity_or_report


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "rename",
        help="give an entity a new id; every reference to it follows",
        description="Rename the entity OLD_ID to NEW_ID and change every reference to it in the file.",
    )
    parser.add_argument("old", metavar="OLD_ID")
    parser.add_argument("new", metavar="NEW_ID")
    add_edit_arguments(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    from tui.facts.edit.change import rename

    def plan(facts, text):
        entity_or_report(facts, args.old)
        referrers = [link.entity.id for link in facts.backlinks(args.old)]
        summary = f"renamed {args.old} to {args.new} ({len(set(referrers))} entities refer to it)"
        return rename(text, args.old, args.new, referrers), [], summary

    return edit_file(args, out, plan)
