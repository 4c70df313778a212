"""A search hit as Rich text: one renderer for the command palette, the search screen and
`facts-tui search`.

A hit shows the entity's name, optionally its kind and id, the field the query matched in and a
snippet of that field with the matched part highlighted. Data goes into `rich.text.Text` as plain
strings, never markup. Where anything is cut to fit a width it ends in '…' (the snippet is cut
around the match, so the match stays in view).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from tui.facts.model import Language
from tui.facts.search import Hit, snippet
from tui.facts.text import field_label, kind_label
from tui.render.entity import cut_to
from tui.render.styles import DIM, MATCH_STYLE, NAME_STYLE

FIELD_GAP = "  "
MIN_SNIPPET = 12
"""A snippet keeps at least this many cells: a long name is cut first."""


def hit_snippet(hit: Hit, width: int | None = None) -> Text:
    """The hit's snippet with the match styled, cut to `width` cells around the match ('…' where cut)."""
    short, (start, end) = hit.text, hit.span
    if width is not None and cell_len(short) > width:
        chars = width
        while chars > 1:  # characters, not cells: a Korean one takes two
            short, (start, end) = snippet(hit.text, hit.span, chars)
            if cell_len(short) <= width:
                break
            chars -= max(1, (cell_len(short) - width + 1) // 2)
    short, (start, end) = _tidy(short, (start, end))
    text = Text(short)
    if end > start:
        text.stylize(MATCH_STYLE, start, end)
    if width is not None:
        cut_to(text, width)
    return text


def _tidy(short: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """No space between a cut and its '…': '… word …' reads as whole words, '…word…' as a cut."""
    start, end = span
    if short.endswith("…") and short[-2:-1].isspace():
        short = short[:-1].rstrip() + "…"
    if short.startswith("…") and short[1:2].isspace():
        gone = len(short) - 1 - len(short[1:].lstrip())
        short = "…" + short[1 + gone :]
        start, end = max(1, start - gone), max(1, end - gone)
    return short, (min(start, len(short)), min(end, len(short)))


def hit_text(
    hit: Hit,
    name: str,
    lang: Language,
    *,
    kind: bool = False,
    two_lines: bool = False,
    width: int | None = None,
) -> Text:
    """'LVIS  field: …snippet…' — with `kind`, 'LVIS  Organization · lvis' first; with `two_lines`
    the field and snippet go on a line of their own (the palette). With `width`, each line fits in
    that many cells."""
    head = Text(name, style=NAME_STYLE)
    if kind:
        head.append(f"{FIELD_GAP}{kind_label(hit.kind, lang)} · {hit.entity_id}", style=DIM)
    field = Text(f"{field_label(hit.field, lang)}: ", style=DIM)
    if two_lines:
        if width is not None:
            cut_to(head, width)
            cut_to(field, width - MIN_SNIPPET)
        room = None if width is None else max(1, width - field.cell_len)
        return Text("\n").join([head, field.append_text(hit_snippet(hit, room))])
    if width is not None:
        cut_to(head, max(1, width - len(FIELD_GAP) - field.cell_len - MIN_SNIPPET))
    head.append(FIELD_GAP).append_text(field)
    room = None if width is None else max(1, width - head.cell_len)
    return head.append_text(hit_snippet(hit, room))
