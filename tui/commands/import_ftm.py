"""`facts-tui import --format ftm FILE [-o OUT.toml]`: a fact file from a FollowTheMoney stream.

The stream (one entity per JSON line: an Aleph or OpenSanctions export, or `export --format ftm`)
becomes a fact file that `facts-tui check` accepts, written to `-o` (never over a file without
--force) or to stdout. What has no place in a fact file is counted on stderr, per schema; a bad
line is a problem at its line, every one at once, and nothing is written (exit 2). Needs the
optional `followthemoney` library (`pip install 'facts-tui[ftm]'`), imported only here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from rich.console import Console

from tui.commands import EXIT_OK, EXIT_USAGE, add_lang_argument, asked_language, error, write_output
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.sanitize import printable

NAME = "import"
"""The command's name (a Python keyword, hence this module's)."""


def add_parser(commands) -> None:
    parser = commands.add_parser(
        NAME,
        help="make a fact file from FollowTheMoney entities",
        description="Read a FollowTheMoney entity stream (one JSON entity per line, such as an Aleph "
        "or OpenSanctions export) and write it as a fact file. What a fact file cannot hold is "
        "counted on stderr per schema; a bad line is reported with its line number (exit 2). "
        "Needs pip install 'facts-tui[ftm]'.",
    )
    parser.add_argument("--format", required=True, choices=("ftm",), help="input format")
    parser.add_argument("input", type=Path, metavar="FILE", help="the FollowTheMoney JSON lines file")
    parser.add_argument(
        "-o", "--output", type=Path, default=None, metavar="OUT", help="write the fact file (TOML) here"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing OUT")
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    from tui.facts.ftm import INSTALL, FtmMissing, library

    lang: Language = asked_language(args)
    try:
        library()
    except FtmMissing:
        error(msg("ftm.missing", lang, install=INSTALL))
        return EXIT_USAGE
    from tui.facts.export import fact_file
    from tui.facts.export.atomic import write_text
    from tui.facts.export.toml import to_toml
    from tui.facts.ftm.importer import read_ftm

    path: Path = args.input
    try:
        data = path.read_bytes()
        published = dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError as exc:
        error(msg("ftm.cannot_read", lang, path=printable(str(path)), error=exc.strerror or exc))
        return EXIT_USAGE
    facts, report = read_ftm(data, path, published)  # FactFileError: the CLI prints every problem
    text = to_toml(fact_file(facts))
    if args.output is None:
        out.file.write(text)
        out.file.flush()
    else:

        def write() -> list[Path]:
            write_text(args.output, text, args.force)
            return [args.output]

        if (status := write_output(write, args.output, lang)) != EXIT_OK:
            return status
    _report(report, facts, path, lang)
    return EXIT_OK


def _report(report, facts, path: Path, lang: Language) -> None:
    """What was imported, and every schema and property left out, on stderr."""
    say = lambda text: print(text, file=sys.stderr)  # noqa: E731
    say(
        msg(
            "ftm.imported",
            lang,
            path=printable(str(path)),
            used=sum(report.used.values()),
            entities=len(facts),
        )
    )
    if report.unmapped:
        say(msg("ftm.unmapped_head", lang))
        for (schema, reason), n in sorted(report.unmapped.items()):
            say(msg("ftm.unmapped_row", lang, schema=schema, n=n, reason=msg(reason, lang)))
    if report.not_carried:
        say(msg("ftm.not_carried_head", lang))
        for (schema, prop), n in sorted(report.not_carried.items()):
            say(msg("ftm.not_carried_row", lang, schema=schema, prop=prop, n=n))
    if report.synthetic_source:
        say(msg("ftm.synthetic_note", lang, id=report.synthetic_source))
