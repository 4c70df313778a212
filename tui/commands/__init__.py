"""Subcommands of `facts-tui`, one per module, and what they share.

A command module has `add_parser(commands)`, which adds its subparser, and
`run(args, out) -> int`, which does the work and returns the exit status.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from tui.facts import ENTITY_KINDS, FactBase, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.messages import msg
from tui.facts.model import Language

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2

KIND_ALIASES: dict[str, str] = {
    alias: kind
    for kind, aliases in {
        "organization": ("organization", "organizations", "org", "orgs"),
        "agreement": ("agreement", "agreements", "agr", "mou"),
        "project": ("project", "projects", "proj", "projs"),
        "person": ("person", "people", "persons"),
        "event": ("event", "events"),
        "source": ("source", "sources", "src"),
    }.items()
    for alias in aliases
}
"""Words a user may type for a kind on the command line."""


class UsageError(Exception):
    """Bad arguments: the message is printed and the exit status is 2."""


def add_file_argument(parser: argparse.ArgumentParser) -> None:
    """The optional FILE every command takes."""
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        default=None,
        metavar="FILE",
        help="fact file (TOML); default: the bundled Daegu article file",
    )


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    """`--lang ko|en`."""
    parser.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=None,
        help="language of names and amounts (default: the file's)",
    )


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    """`--config FILE`: the settings file (default: $FACTS_TUI_CONFIG, else the user config directory)."""
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="settings file (TOML: lang, theme, [keymap]); see `facts-tui config path`",
    )


def load_settings(path: Path | None):
    """The settings file (`--config`, `$FACTS_TUI_CONFIG` or the default); a bad one is a usage
    error (exit 2) naming the file, the line and the entry."""
    from tui.commands.settings import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as exc:
        raise UsageError(f"facts-tui: {exc.format()}") from None


def load_facts(path: Path | None) -> FactBase:
    """The fact base from FILE, or the bundled one; raises FactFileError."""
    return load(path if path is not None else bundled_fact_file())


def language(args: argparse.Namespace, facts: FactBase) -> Language:
    """`--lang` if given, else the file's own language."""
    return getattr(args, "lang", None) or facts.meta.language


def asked_language(args: argparse.Namespace) -> Language:
    """`--lang` if given, else English: for what is said before the file is read."""
    return getattr(args, "lang", None) or "en"


def configured_language(args: argparse.Namespace | None) -> Language | None:
    """The settings file's `lang` (`--config`, `$FACTS_TUI_CONFIG` or the default file), or None
    when it sets none or cannot be read: its own problems are for the commands that use it."""
    from tui.commands.settings import ConfigError, load_config

    try:
        return load_config(getattr(args, "config", None)).lang
    except ConfigError:
        return None


def problem_language(args: argparse.Namespace | None, path: Path | str | None) -> Language:
    """The language a fact file's problems are said in, by every command that prints them:
    `--lang`, else the settings file's `lang`, else the file's own `[meta] language` when its
    first bytes can be read (`peek_meta`), else English."""
    asked = getattr(args, "lang", None) or configured_language(args)
    if asked:
        return asked
    if path is not None:
        from tui.facts.load import peek_meta

        meta = peek_meta(Path(path))
        if meta is not None:
            return meta.language
    return "en"


def resolve_kind(word: str) -> str | None:
    """The kind a user means by 'org', 'organizations', 'people', ...; None if unknown."""
    return KIND_ALIASES.get(word.lower())


def unknown_kind(word: str, lang: Language = "en") -> int:
    """Report an unknown kind with a suggestion; returns the exit status."""
    close = difflib.get_close_matches(word.lower(), KIND_ALIASES, n=1, cutoff=0.7)
    hint = msg("cli.did_you_mean_kind", lang, kind=KIND_ALIASES[close[0]]) if close else ""
    error(msg("cli.unknown_kind", lang, word=word, hint=hint, kinds=", ".join(ENTITY_KINDS)))
    return EXIT_NOT_FOUND


def unknown_id(facts: FactBase, entity_id: str, lang: Language = "en") -> int:
    """Report an unknown id with did-you-mean suggestions; returns the exit status."""
    close = facts.suggest(entity_id)
    hint = msg("cli.did_you_mean_ids", lang, ids=", ".join(close)) if close else ""
    error(msg("cli.unknown_id", lang, id=entity_id, path=facts.path, hint=hint))
    return EXIT_NOT_FOUND


def write_output(write: Callable[[], Iterable[Path]], target: Path, lang: Language) -> int:
    """Write a command's output file(s) and say so: `write()` writes and returns the paths it wrote
    (`export`, `import`). A file that exists (no `--force`) or cannot be written is one message on
    stderr and exit status 2; each path written is said on stderr (stdout may be the data)."""
    try:
        # Not list(): in this package's namespace `list`, `set` and `open` become the command
        # modules of those names once they are imported.
        written = [*write()]
    except FileExistsError as exc:
        # Our own refusals say which file ("x exists", "would overwrite a, b"); the OS's name none.
        detail = str(exc) if exc.errno is None else f"{target} exists"
        error(msg("cli.refusing_overwrite", lang, error=detail))
        return EXIT_USAGE
    except OSError as exc:
        error(msg("cli.cannot_write", lang, path=target, error=exc.strerror or exc))
        return EXIT_USAGE
    for path in written:
        print(msg("cli.wrote", lang, path=path), file=sys.stderr)
    return EXIT_OK


def error(message: str) -> None:
    """A one-line message on stderr."""
    print(f"facts-tui: {message}", file=sys.stderr)
