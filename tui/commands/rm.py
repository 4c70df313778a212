"""`facts-tui rm ID [FILE] [--cascade]`: remove an entity (and, with --cascade, the references to it)."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.commands import error
from tui.commands.editing import add_edit_arguments, edit_file, entity_or_report
from tui.facts.edit.change import ChangeError


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "rm",
        help="remove an entity; refuses while others refer to it, unless --cascade",
        description="Remove the entity ID. If other entities refer to it, nothing is removed and they "
        "are named, unless --cascade also removes those references.",
    )
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--cascade", action="store_true", help="also remove every reference to ID")
    add_edit_arguments(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    from tui.facts.edit.change import remove
    from tui.facts.edit.plan import referrers as referrers_of

    def plan(facts, text):
        entity_or_report(facts, args.id)
        referrers = referrers_of(facts, args.id)
        if referrers and not args.cascade:
            names = ", ".join(referrers[:20]) + (
                f" and {len(referrers) - 20} more" if len(referrers) > 20 else ""
            )
            error(f"{args.id} is referred to by {names}")
            raise ChangeError("nothing was removed; --cascade also removes those references")
        summary = f"removed {args.id}" + (
            f" and its references in {len(referrers)} entities" if referrers else ""
        )
        return remove(text, args.id, referrers), [], summary

    return edit_file(args, out, plan)
