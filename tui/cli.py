"""The `facts-tui` command line: the explorer by default, plus commands in `tui/commands/`.

Exit status: 0 success, 1 nothing found (unknown id or kind, no matches), 2 bad usage or a
bad fact file. Bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from tui import __version__

COMMAND_MODULES = (
    "open", "check", "list", "show", "search", "timeline", "graph", "export", "serve",
    "set", "add", "rename", "rm", "keys", "config", "cites", "import",
)  # fmt: skip
"""Each module in `tui.commands` adds one subcommand: `add_parser(commands)` and `run(args, out)`."""
MODULE_OF = {"import": "import_ftm"}
"""A command whose module has another name (`import` is a Python keyword)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        from tui.commands import UsageError

        raise UsageError(f"{self.prog}: error: {message}\n{self.format_usage().strip()}")


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict]:
    """The argument parser and the command modules by name (`only`: just that command's)."""
    parser = _Parser(
        prog="facts-tui",
        description="Explore a curated fact file in the terminal. "
        "With no command (or just a FILE), opens the explorer.",
    )
    parser.add_argument("--version", action="version", version=f"facts-tui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = {}
    for name in COMMAND_MODULES if only is None else (only,):
        module = importlib.import_module(f"tui.commands.{MODULE_OF.get(name, name)}")
        module.add_parser(commands)
        modules[name] = module
    return parser, modules


def _with_default_command(argv: list[str], names: Sequence[str]) -> list[str]:
    """`facts-tui`, `facts-tui FILE` and `facts-tui --lang en FILE` all mean `facts-tui open ...`."""
    if any(a in ("-h", "--help", "--version") for a in argv[:1]):
        return argv
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in names:
        return argv
    return ["open", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args: argparse.Namespace | None = None
    # Start-up builds hundreds of thousands of objects that live as long as the program (modules,
    # Textual, the fact base): the cyclic collector would walk them again and again before the
    # first frame. The explorer turns it back on once that frame is up (FactsApp.on_ready, which
    # first freezes what exists); any other command, as soon as it is known. Hence the imports
    # here rather than at the top: Rich, the library and the commands are imported with it off.
    gc.disable()
    from rich.console import Console

    from tui.commands import EXIT_OK, EXIT_USAGE, UsageError, problem_language
    from tui.facts import FactFileError

    try:
        routed = _with_default_command(argv, COMMAND_MODULES)
        # Only the command that runs is imported: the others' modules (search, export, editing)
        # would cost the explorer's first frame some 5 % (benchmarks/startup_tmux.py).
        wanted = next((a for a in routed if not a.startswith("-")), None)
        if wanted != "open":
            gc.enable()
        parser, modules = build_parser(wanted if wanted in COMMAND_MODULES else None)
        args = parser.parse_args(routed)
        # Rich turns colour and escapes off by itself when stdout is not a terminal.
        out = Console(highlight=False)
        return modules[args.command].run(args, out)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except FactFileError as exc:
        # In --lang, the settings' language or the file's own, as `facts-tui check` says them.
        lang = problem_language(args, getattr(args, "file", None) or exc.path)
        print(exc.format(lang), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `facts-tui list org | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return EXIT_OK
    finally:
        gc.enable()


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
