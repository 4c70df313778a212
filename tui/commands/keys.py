"""`facts-tui keys`: every key binding of the explorer, by id, with the user's keymap applied."""

from __future__ import annotations

import argparse

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from tui.commands import EXIT_OK, add_config_argument, load_settings


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "keys",
        help="list every key binding id with its keys and description",
        description="List every key binding of the explorer: its id (for the [keymap] table of the "
        "settings file), its keys (with the settings file applied) and what it does.",
    )
    add_config_argument(parser)
    parser.add_argument("--lang", choices=("ko", "en"), default=None, help="language of the descriptions")


def run(args: argparse.Namespace, out: Console) -> int:
    from tui.ui.keymap import binding_rows

    config = load_settings(args.config)
    lang = args.lang or config.lang or "en"
    rows = [
        (binding_id, " / ".join(keys), description)
        for binding_id, keys, description in binding_rows(config.keymap, lang)
    ]
    header = ("id", "keys", "what it does" if lang == "en" else "하는 일")
    # Plain aligned columns, never cut: the output is also read by scripts (`facts-tui keys | grep`).
    widths = [max(cell_len(row[n]) for row in [header, *rows]) for n in range(2)]
    for row in [header, *rows]:
        cells = [row[n] + " " * (widths[n] - cell_len(row[n])) for n in range(2)]
        out.print(Text("  ".join([*cells, row[2]]).rstrip()), soft_wrap=True)
    return EXIT_OK
