"""`facts-tui export [FILE] --format json|markdown|csv|ftm`: the fact file in another format.

Writes to stdout, or with `-o OUT` to a file (to a directory of one CSV per kind for csv
without --kind). An existing file is never replaced without --force. `ftm` (FollowTheMoney
entities, one JSON object per line) needs the optional `followthemoney` library, imported only
when asked for (`tui.facts.ftm`).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from rich.console import Console

from tui.commands import (
    ENTITY_KINDS,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    add_file_argument,
    add_lang_argument,
    asked_language,
    error,
    language,
    load_facts,
    resolve_kind,
    unknown_kind,
    write_output,
)
from tui.facts import FactBase
from tui.facts.export import FORMATS, export_to_path, render
from tui.facts.export.atomic import write_text
from tui.facts.messages import msg
from tui.facts.model import Language

FTM = "ftm"
"""FollowTheMoney: not in `tui.facts.export.FORMATS`, whose formats need no optional library."""


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "export",
        help="export the fact file as JSON, Markdown, CSV or FollowTheMoney",
        description="Export the fact file: json (the whole file, matching facts.schema.json), markdown "
        "(a readable briefing with links between entities), csv (one kind per file) or ftm "
        "(FollowTheMoney entities, one JSON object per line; needs pip install 'facts-tui[ftm]'). "
        "Prints to stdout unless -o is given; never overwrites a file without --force.",
    )
    add_file_argument(parser)
    parser.add_argument("--format", required=True, choices=(*FORMATS, FTM), help="output format")
    parser.add_argument(
        "--kind",
        metavar="KIND",
        default=None,
        help="for csv: the kind to export, one of " + ", ".join(ENTITY_KINDS) + " (plural works)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="OUT",
        help="write to this file (for csv without --kind: this directory, one file per kind)",
    )
    parser.add_argument("--force", action="store_true", help="replace existing files")
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    kind = None
    if args.kind is not None:
        if args.format != "csv":
            raise UsageError("facts-tui export: error: --kind applies only to --format csv")
        kind = resolve_kind(args.kind)
        if kind is None:
            return unknown_kind(args.kind, asked_language(args))
    elif args.format == "csv" and args.output is None:
        raise UsageError(
            "facts-tui export: error: csv holds one kind per file: pass --kind KIND for one kind "
            "on stdout, or -o DIR to write one file per kind into DIR"
        )
    if args.format == FTM:
        return _export_ftm(args, out)
    facts = load_facts(args.file)
    lang = language(args, facts)
    if args.output is None:
        out.file.write(render(facts, args.format, kind, lang))
        out.file.flush()
        return EXIT_OK
    return write_output(
        lambda: export_to_path(facts, args.format, args.output, kind=kind, overwrite=args.force, lang=lang),
        args.output,
        lang,
    )


def _export_ftm(args: argparse.Namespace, out: Console) -> int:
    """FollowTheMoney entities to stdout or `-o`; values the library refuses are counted on stderr."""
    from tui.facts.ftm import INSTALL, FtmMissing, library

    try:
        library()
    except FtmMissing:
        error(msg("ftm.missing", asked_language(args), install=INSTALL))
        return EXIT_USAGE
    from tui.facts.ftm.export import Export, write_ftm

    facts = load_facts(args.file)
    lang = language(args, facts)
    report = Export()
    if args.output is None:
        write_ftm(facts, out.file, report)
        out.file.flush()
    else:
        status = _write_ftm_file(facts, args, lang, report)
        if status != EXIT_OK:
            return status
    for (schema, prop), n in sorted(report.refused.items()):
        print(msg("ftm.refused", lang, schema=schema, prop=prop, n=n), file=sys.stderr)
    return EXIT_OK


def _write_ftm_file(facts: FactBase, args: argparse.Namespace, lang: Language, report) -> int:
    from tui.facts.ftm.export import write_ftm

    buffer = io.StringIO()
    write_ftm(facts, buffer, report)

    def write() -> list[Path]:
        write_text(args.output, buffer.getvalue(), args.force)
        return [args.output]

    return write_output(write, args.output, lang)
