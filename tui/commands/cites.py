"""`facts-tui cites SOURCE_ID [FILE]`: a source read paragraph by paragraph, with what cites each.

Every paragraph of the source in order (0 is the headline, deck or photo caption), and under each
the entities whose provenance cites it: name, id, kind, the fields the entry names (or the entity
as a whole) and the source's words if the entry quotes them. The paragraphs come from
`tui.facts.citations.by_paragraph`, which the explorer's source view draws too. `--json` prints
the same as one JSON object for scripts.
"""

from __future__ import annotations

import argparse
import json

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from tui.commands import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    add_file_argument,
    add_lang_argument,
    error,
    language,
    load_facts,
)
from tui.facts.citations import Paragraph, by_paragraph
from tui.facts.index import FactBase
from tui.facts.messages import msg
from tui.facts.model import Language, Source
from tui.facts.text import kind_label
from tui.render.entity import citation_line, paragraph_words
from tui.render.styles import DIM


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "cites",
        help="a source's paragraphs in order, with the entities and fields that cite each",
        description="Show a source paragraph by paragraph (0 is the headline, deck or caption): under "
        "each, the entities that cite it (name, id, kind), the fields each citation names and its quote.",
    )
    parser.add_argument("source", metavar="SOURCE_ID", help="the source's id, e.g. donga-2023-03-07")
    add_file_argument(parser)
    add_lang_argument(parser)
    parser.add_argument("--json", action="store_true", help="print it as one JSON object, nothing else")


def run(args: argparse.Namespace, out: Console) -> int:
    facts = load_facts(args.file)
    lang = language(args, facts)
    source = facts.get(args.source)
    if not isinstance(source, Source):
        return _unknown_source(facts, args.source, lang)
    paragraphs = by_paragraph(facts, source.id)
    if args.json:
        out.file.write(json.dumps(_json(source, paragraphs, lang), ensure_ascii=False, indent=2) + "\n")
    elif out.is_terminal:
        out.print(
            Group(*(Padding(line, (0, 0, 0, indent)) for indent, line in _lines(source, paragraphs, lang)))
        )
    else:  # piped: each citation whole on one line, for grep and friends
        out.file.write(
            "".join(" " * indent + line.plain + "\n" for indent, line in _lines(source, paragraphs, lang))
        )
    return EXIT_OK


def _unknown_source(facts: FactBase, source_id: str, lang: Language) -> int:
    """No source with this id: say so, with the closest source ids (exit 1)."""
    from rapidfuzz import fuzz, process  # only asked for when an id is not found

    ids = [s.id for s in facts.of_kind("source")]
    found = process.extract(
        source_id, ids, scorer=fuzz.WRatio, limit=3, score_cutoff=60
    )  # 'donga' finds 'donga-…'
    hint = msg("cli.did_you_mean_ids", lang, ids=", ".join(m for m, _score, _i in found)) if found else ""
    other = facts.get(source_id)
    if other is not None:
        kind = kind_label(other.KIND, lang)
        error(msg("cites.not_a_source", lang, id=source_id, kind=kind, hint=hint))
    else:
        error(msg("cites.unknown_source", lang, id=source_id, path=facts.path, hint=hint))
    return EXIT_NOT_FOUND


def _lines(source: Source, paragraphs: tuple[Paragraph, ...], lang: Language) -> list[tuple[int, Text]]:
    """The output as (indent, line): the source, then each paragraph's heading and citations."""
    title = Text(source.title.pick(lang), style="bold")
    title.append(f" ({source.id})", style=DIM)
    head = Text(f"{source.outlet.pick(lang)}, {source.published.isoformat()}")
    cited = sum(len(p.citations) for p in paragraphs)
    head.append(" · " + msg("cites.count", lang, n=cited), style=DIM)
    lines = [(0, title), (0, head)]
    for paragraph in paragraphs:
        lines += [(0, Text()), (0, Text(paragraph_words(paragraph.number, lang), style="bold underline"))]
        if not paragraph.citations:
            lines.append((2, Text(msg("cites.none", lang), style=DIM)))
        lines += [(2, citation_line(c, lang)) for c in paragraph.citations]
    return lines


def _json(source: Source, paragraphs: tuple[Paragraph, ...], lang: Language) -> dict:
    return {
        "source": {
            "id": source.id,
            "title": source.title.pick(lang),
            "outlet": source.outlet.pick(lang),
            "published": source.published.isoformat(),
            "paragraphs": source.paragraphs,
        },
        "paragraphs": [
            {
                "paragraph": p.number,
                "citations": [
                    {
                        "id": c.entity.id,
                        "kind": c.entity.KIND,
                        "name": c.entity.label(lang),
                        "fields": list(c.fields),
                        "quote": c.quote,
                        "entry": c.index,
                    }
                    for c in p.citations
                ],
            }
            for p in paragraphs
        ],
    }
