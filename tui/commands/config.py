"""`facts-tui config path|check`: where the settings file is looked for, and whether it is good."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text

from tui.commands import EXIT_OK, add_config_argument, load_settings


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "config",
        help="where the settings file is (config path), or check it (config check)",
        description="Settings (language, theme, keymap) are read from --config FILE, else "
        "$FACTS_TUI_CONFIG, else config.toml in the user config directory.",
    )
    parser.add_argument(
        "action", choices=("path", "check"), help="path: print where it looks; check: validate"
    )
    add_config_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    from tui.commands.settings import find

    path, origin = find(args.config)
    if args.action == "path":
        out.print(Text(str(path)), soft_wrap=True)
        return EXIT_OK
    config = load_settings(args.config)
    if config.path is None:
        out.print(Text(f"{path}: not found ({origin}); the defaults apply"), soft_wrap=True)
    else:
        out.print(Text(f"{path}: valid ({len(config.keymap)} key binding(s) changed)"), soft_wrap=True)
    return EXIT_OK
