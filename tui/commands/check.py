"""`facts-tui check [FILE]`: validate and count, or list every problem (exit 2)."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.commands import EXIT_OK, add_file_argument, load_facts
from tui.facts.text import section_label


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "check",
        help="validate a fact file and count its entities",
        description="Validate a fact file. Prints the count of each kind (exit 0), "
        "or every problem with its place (exit 2).",
    )
    add_file_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    facts = load_facts(args.file)
    out.print(Text(f"{facts.path}: valid"))
    table = Table(box=None, show_header=True)
    table.add_column("kind")
    table.add_column("count", justify="right")
    for kind, count in facts.counts().items():
        table.add_row(section_label(kind), str(count))
    table.add_row(Text("total", style="bold"), Text(str(len(facts)), style="bold"))
    out.print(table)
    return EXIT_OK
