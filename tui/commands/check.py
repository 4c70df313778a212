"""`facts-tui check [FILE] [--strict]`: validate and count, or list every problem (exit 2).

A valid file's fields that have a value and no citation (`tui.facts.citations`) are warned about
on stderr, one line each, and the exit status stays 0; `--strict` makes them problems (exit 2).

All of it is said in one language: `--lang`, else the settings' `lang`, else the file's own
(`problem_language`); the problems of a bad file are printed by `tui/cli.py` in the same one."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.commands import (
    EXIT_OK,
    add_config_argument,
    add_file_argument,
    add_lang_argument,
    configured_language,
    load_facts,
)
from tui.commands.table import print_table
from tui.facts import FactBase, FactFileError, Problem, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.citations import uncited, uncited_problems
from tui.facts.load import decode_text, peek_meta, read_bytes
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.sanitize import printable
from tui.facts.text import section_label

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "check",
        help="validate a fact file and count its entities",
        description="Validate a fact file. Prints the count of each kind (exit 0), "
        "or every problem with its place (exit 2).",
    )
    add_file_argument(parser)
    add_lang_argument(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="a field with a value and no citation is an error (exit 2), not a warning",
    )
    add_config_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    asked = args.lang or configured_language(args)
    facts = _load_with_progress(args.file, asked) if sys.stderr.isatty() else load_facts(args.file)
    lang = asked or facts.meta.language  # as a bad file's problems would be said (tui/cli.py)
    missing = _uncited(facts, lang)
    if missing and args.strict:
        raise FactFileError(facts.path or "", missing)
    # One line whatever the width: piped, a wrap would cut the message and leave a trailing space.
    out.print(Text(msg("cli.valid", lang, path=facts.path)), soft_wrap=True)
    table = Table(box=None, show_header=True)
    table.add_column(msg("cli.kind", lang))
    table.add_column(msg("cli.count", lang), justify="right")
    for kind, count in facts.counts().items():
        table.add_row(section_label(kind, lang), str(count))
    table.add_row(Text(msg("cli.total", lang), style="bold"), Text(str(len(facts)), style="bold"))
    print_table(out, table)
    if missing:
        _warn(facts, missing, lang)
    return EXIT_OK


def _uncited(facts: FactBase, lang: Language) -> list[Problem]:
    """Every field with a value and no citation, located in the file's text (read again only when
    there is one: the fact base may have come from the cache)."""
    if not any(True for _ in uncited(facts)):
        return []
    assert facts.path is not None  # `load` always sets it
    text = decode_text(read_bytes(facts.path)[0], facts.path)
    return uncited_problems(facts, text, lang)


def _warn(facts: FactBase, problems: list[Problem], lang: Language) -> None:
    """One line per uncited field on stderr, `file:line:col: table[id].field: no citation (hint)`,
    then a count."""
    path = printable(str(facts.path))
    lines = [f"{path}:{p.line}:{p.col}: {p.where}: {p.message} — {p.hint}" for p in problems]
    entities = len({p.where.split("]", 1)[0] for p in problems})
    lines.append(msg("citation.n_uncited", lang, n=len(problems), entities=entities))
    sys.stderr.write("\n".join(lines) + "\n")


PROGRESS_AFTER_SECONDS = 0.5
"""A check that takes longer than this shows a progress bar (on a terminal only)."""
REDRAW_SECONDS = 0.1


def _load_with_progress(path: Path | None, lang: Language | None) -> FactBase:
    """`load_facts`, with a progress bar on stderr once the load has taken a while; the bar is
    erased when the load ends, before the result or the problems are printed."""
    path = path if path is not None else bundled_fact_file()
    bar = _ProgressBar(path, lang)
    try:
        return load(path, progress=bar.update)
    finally:
        bar.close()


class _ProgressBar:
    """A Rich progress bar on stderr that appears only after PROGRESS_AFTER_SECONDS."""

    def __init__(self, path: Path, lang: Language | None) -> None:
        self._path = path
        self._lang = lang
        self._start = time.monotonic()
        self._drawn_at = 0.0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def update(self, fraction: float, entities: int) -> None:
        now = time.monotonic()
        if self._progress is None:
            if now - self._start < PROGRESS_AFTER_SECONDS:
                return
            self._open()
        elif now - self._drawn_at < REDRAW_SECONDS:
            return
        self._drawn_at = now
        assert self._progress is not None and self._task is not None
        self._progress.update(self._task, completed=fraction, description=self._label(fraction, entities))
        self._progress.refresh()

    def _open(self) -> None:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        if self._lang is None:
            meta = peek_meta(self._path)
            self._lang = meta.language if meta is not None else "en"
        self._progress = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            TaskProgressColumn(),
            console=Console(stderr=True, highlight=False),
            transient=True,
            auto_refresh=False,  # drawn from the loader's calls: no thread competing with it
        )
        self._task = self._progress.add_task(self._label(0.0, 0), total=1.0)
        self._progress.start()

    def _label(self, fraction: float, entities: int) -> str:
        lang: Language = self._lang or "en"
        name = printable(self._path.name)
        if fraction >= 1.0:
            return msg("loading.checking", lang, name=name, n=entities)
        if entities:
            return msg("loading.entities", lang, name=name, n=entities)
        return msg("loading.file", lang, name=name)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
