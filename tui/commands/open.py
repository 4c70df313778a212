"""`facts-tui [open] [FILE]`: the explorer.

A file is loaded and checked before any screen appears, except a big one: that loads behind a
progress bar, after the first frame (`tui/ui/screens/loading.py`). Either way a file with problems
never opens: they are printed as `facts-tui check` prints them, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from rich.console import Console

from tui.commands import (
    EXIT_OK,
    add_config_argument,
    add_file_argument,
    add_lang_argument,
    load_facts,
    load_settings,
)
from tui.facts import FactBase
from tui.facts.bundled import bundled_fact_file

LOADING_SCREEN_BYTES = 2_000_000
"""Files from this size on load behind the loading screen: a cold load takes about 0.15 s per
2 MB (benchmarks/README.md), a blank terminal for longer than the start-up itself."""


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
    add_config_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    config = load_settings(args.config)
    facts = explorer_source(args.file if args.file is not None else bundled_fact_file())
    from tui.ui.app import FactsApp  # Textual is imported only when the explorer runs

    lang = args.lang or config.lang  # None: the file's own
    app = FactsApp(facts, lang=lang, watch=not args.no_watch, keymap=config.keymap, theme=config.theme)
    app.run()
    if app.load_error is not None:
        raise app.load_error  # printed once the screen is gone, as `facts-tui check` prints it
    return EXIT_OK


def explorer_source(path: Path) -> FactBase | Path:
    """What the explorer opens: a small file loaded now (a bad one raises FactFileError before any
    screen appears), or a big file's path, loaded behind the loading screen."""
    try:
        big = os.stat(path).st_size >= LOADING_SCREEN_BYTES
    except OSError:
        big = False  # the load says what is wrong with the path
    return path if big else load_facts(path)
