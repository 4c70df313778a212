"""`facts-tui [open] [FILE]`: the explorer. The file is loaded and checked before any screen appears."""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.commands import EXIT_OK, add_file_argument, add_lang_argument, language, load_facts


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "open",
        help="open the explorer (the default command)",
        description="Open the explorer on FILE, or on the bundled fact file.",
    )
    add_file_argument(parser)
    add_lang_argument(parser)
    parser.add_argument(
        "--no-watch", action="store_true", help="do not reload the file when it changes on disk"
    )


def run(args: argparse.Namespace, out: Console) -> int:
    facts = load_facts(args.file)  # a bad file is reported here, before any screen appears
    from tui.app import FactsApp  # Textual is imported only when the explorer runs

    FactsApp(facts, lang=language(args, facts), watch=not args.no_watch).run()
    return EXIT_OK
