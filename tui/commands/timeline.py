"""`facts-tui timeline [FILE]`: everything dated, in order, with periods drawn as bars."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.commands import EXIT_OK, add_file_argument, add_lang_argument, language, load_facts
from tui.commands.table import print_unpadded
from tui.facts.timeline import timeline
from tui.render.timeline import render_timeline


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "timeline",
        help="show everything dated, in order",
        description="Show every dated fact in order: publications, signings, events, investment "
        "deadlines and project periods (drawn as bars), then the facts the source gives no date for.",
    )
    add_file_argument(parser)
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    facts = load_facts(args.file)
    print_unpadded(out, render_timeline(facts, timeline(facts), language(args, facts), width=out.width))
    return EXIT_OK
