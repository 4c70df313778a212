"""`facts-tui search QUERY [FILE]`: ranked full-text search over every entity.

The rules (names, aliases, amounts like 760억 or 76 billion, dates, Korean initials like ㄷㄱ,
typos) are those of `tui.facts.search`. The hits come as a table with the matched part
highlighted, or with `--json` as a JSON array for scripts.
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.commands import (
    ENTITY_KINDS,
    EXIT_NOT_FOUND,
    EXIT_OK,
    add_file_argument,
    add_lang_argument,
    asked_language,
    error,
    language,
    load_facts,
    resolve_kind,
    unknown_kind,
)
from tui.commands.table import print_table
from tui.facts.messages import msg
from tui.facts.model import Language
from tui.facts.search import Hit, SearchIndex, hit_label
from tui.facts.text import kind_label
from tui.render.hit import hit_snippet

DEFAULT_LIMIT = 20
SNIPPET_WIDTH = 48
"""Cells: the table shows a shorter snippet than the engine gives (JSON keeps the full one)."""


def positive_int(text: str) -> int:
    """argparse type: a whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got '{text}'")
    return value


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "search",
        help="find entities by name, alias, amount, date, tag or text",
        description="Search every entity: names and aliases in Korean and English, ids, tags, "
        "amounts (760억, 76 billion), dates (2023-03), places, commitments, quotes and summaries. "
        "Korean initials work (ㄷㄱ finds 대구) and small typos in Latin names are forgiven. "
        "Best matches first: exact, prefix, word start, anywhere, initials, typo.",
    )
    parser.add_argument("query", metavar="QUERY", help="what to look for, e.g. lvis, 대구, ㄷㄱ, 760억")
    add_file_argument(parser)
    parser.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="only this kind (repeatable): " + ", ".join(ENTITY_KINDS) + " (plural works)",
    )
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"show at most N hits (default {DEFAULT_LIMIT})",
    )
    parser.add_argument("--json", action="store_true", help="print the hits as a JSON array, nothing else")
    add_lang_argument(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    kinds = None
    if args.kind:
        kinds = set()
        for word in args.kind:
            kind = resolve_kind(word)
            if kind is None:
                return unknown_kind(word, asked_language(args))
            kinds.add(kind)
    facts = load_facts(args.file)
    lang = language(args, facts)
    index = SearchIndex.build(facts)
    result = index.search(args.query, kinds=kinds, limit=args.limit, lang=lang)
    names = {hit.entity_id: facts[hit.entity_id].label(lang) for hit in result.hits}
    if args.json:
        rows = [_json_hit(hit, names[hit.entity_id]) for hit in result.hits]
        out.file.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif result.hits:
        print_table(out, _table(result.hits, result.total, names, args.query, lang))
    if not result.hits:
        error(msg("cli.no_matches_for", lang, query=args.query))
        return EXIT_NOT_FOUND
    return EXIT_OK


def _json_hit(hit: Hit, name: str) -> dict:
    return {
        "id": hit.entity_id,
        "kind": hit.kind,
        "name": name,
        "rank": hit.rank.name.lower(),
        "field": hit.field,
        "text": hit.text,
        "span": list(hit.span),
    }


def _table(hits: list[Hit], total: int, names: dict[str, str], query: str, lang: Language) -> Table:
    shown = (
        msg("cli.n_of_total", lang, n=len(hits), total=total)
        if total > len(hits)
        else msg("cli.n", lang, n=total)
    )
    key = "cli.one_match_for" if total == 1 else "cli.n_matches_for"
    table = Table(title=Text(msg(key, lang, shown=shown, query=query)), title_justify="left")
    table.add_column(msg("cli.kind", lang), no_wrap=True)
    table.add_column(msg("field.id", lang), no_wrap=True)
    table.add_column(msg("field.name", lang))
    table.add_column(msg("cli.field", lang), no_wrap=True)
    table.add_column(msg("cli.match", lang), overflow="fold")
    for hit in hits:
        kind, field = kind_label(hit.kind, lang), hit_label(hit, lang)
        table.add_row(
            Text(kind),
            Text(hit.entity_id),
            Text(names[hit.entity_id]),
            Text(field),
            hit_snippet(hit, SNIPPET_WIDTH),
        )
    return table
