"""`facts-tui add KIND ID --set FIELD=VALUE ... --source SOURCE[:PARAGRAPH] [FILE]`: a new entity."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console

from tui.commands import resolve_kind
from tui.commands.editing import add_edit_arguments, edit_file
from tui.facts.edit.change import ChangeError
from tui.facts.edit.values import FieldError


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "add",
        help="add a new entity of a kind, with its fields and its source",
        description="Add an entity: facts-tui add organization acme --set name.en='Acme' "
        "--set kind=company --source donga-2023-03-07:4. Every entity but a source cites one.",
    )
    parser.add_argument("kind", metavar="KIND")
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", dest="assignments")
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="SOURCE[:PARAGRAPH]",
        help="where the facts come from",
    )
    add_edit_arguments(parser)


def run(args: argparse.Namespace, out: Console) -> int:
    from tui.commands import unknown_kind
    from tui.facts.edit.change import add_entity
    from tui.facts.edit.values import parse
    from tui.facts.model import TYPE_BY_KIND

    kind = resolve_kind(args.kind)
    if kind is None:
        return unknown_kind(args.kind)

    def plan(facts, text):
        if facts.get(args.id) is not None:
            raise ChangeError(f"the id '{args.id}' is taken (by a {facts[args.id].KIND}); choose another")
        values: dict[str, Any] = {"id": args.id}
        for assignment_text in args.assignments:
            field, equals, value = assignment_text.partition("=")
            if not equals:
                raise FieldError(f"--set {assignment_text!r}: write FIELD=VALUE")
            assignment = parse(TYPE_BY_KIND[kind], field.strip(), value)
            for path, item in ((assignment.path, assignment.value), *assignment.also):
                if item is not None and item != "day":
                    _put(values, path, item)
        provenance = []
        for source in args.source:
            source_id, _, paragraph = source.partition(":")
            if paragraph and not paragraph.isdigit():
                raise FieldError(f"--source {source!r}: the paragraph is a number (0 = headline)")
            provenance.append({"source": source_id, "paragraph": int(paragraph or 0)})
        if provenance:
            values["provenance"] = provenance
        return add_entity(text, kind, values), [], f"added {kind} {args.id}"

    return edit_file(args, out, plan)


def _put(values: dict[str, Any], path: tuple[str | int, ...], item: Any) -> None:
    target = values
    for part in path[:-1]:
        if isinstance(part, int):
            raise FieldError("a new entity's list items are added with the edit form or by `set` afterwards")
        target = target.setdefault(part, {})
    target[path[-1]] = item  # type: ignore[index]  # a path of keys, checked above
