"""What `set`, `add`, `rename` and `rm` share: load, plan the new text, check it, show or write it.

Exit status: 0 done (or nothing to change), 1 an unknown id or field (with did-you-mean), 2 the
change would make the file invalid, or the file is invalid already — the file is then untouched
and the problems are printed as `facts-tui check` prints them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from tui.commands import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, add_file_argument, error, problem_language
from tui.facts import FactBase, FactFileError, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.sanitize import clean, printable


def add_edit_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument("--dry-run", action="store_true", help="print the change as a diff; write nothing")


def edit_file(
    args: argparse.Namespace,
    out: Console,
    plan: Callable[[FactBase, str], tuple[str, list[str], str]],
) -> int:
    """Load FILE, let `plan(facts, text)` give (new text, ids whose blocks changed with their ids
    kept, a one-line summary), check it, then print the diff (--dry-run) or write it."""
    from tui.facts.edit import ChangeError, Edit, FieldError, FileChangedError, read_text
    from tui.facts.edit.check import check_change

    path: Path = args.file if args.file is not None else bundled_fact_file()
    facts = load(path)  # an invalid file: FactFileError, printed as `check` prints it (exit 2)
    before, stamp = read_text(path)
    try:
        after, changed, summary = plan(facts, before)
    except FieldError as exc:
        error(str(exc))
        return EXIT_NOT_FOUND if exc.unknown else EXIT_USAGE
    except ChangeError as exc:
        error(f"{printable(str(path))}: {exc}")
        return EXIT_USAGE
    except LookupError as exc:  # an unknown id, already reported
        return EXIT_NOT_FOUND if exc.args and exc.args[0] == "reported" else EXIT_USAGE
    if after == before:
        out.print(Text(f"{summary}: nothing to change"), soft_wrap=True)
        return EXIT_OK
    try:
        check_change(facts, after, changed, str(path))
    except FactFileError as exc:
        from tui.facts.messages import msg

        lang = problem_language(args, path)  # as `facts-tui check` would say them
        print(exc.format(lang), file=sys.stderr)
        error(msg("problem.change_invalid", lang, path=printable(str(path))))
        return EXIT_USAGE
    edit = Edit(path, before, after, stamp)
    if args.dry_run:
        out.print(Text(clean(edit.diff()).rstrip("\n")), soft_wrap=True, highlight=False)
        return EXIT_OK
    try:
        edit.write()
    except FileChangedError as exc:
        error(str(exc))
        return EXIT_USAGE
    except OSError as exc:
        error(f"cannot write {printable(str(path))}: {exc.strerror or exc}")
        return EXIT_USAGE
    out.print(Text(summary), soft_wrap=True)
    return EXIT_OK


def entity_or_report(facts: FactBase, entity_id: str):
    """The entity, or a did-you-mean message and LookupError('reported')."""
    from tui.commands import unknown_id

    entity = facts.get(entity_id)
    if entity is None:
        unknown_id(facts, entity_id)
        raise LookupError("reported")
    return entity
