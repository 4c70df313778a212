"""A search hit as Rich text: one renderer for the command palette, the search screen and
`facts-tui search`.

A hit shows the entity's name, optionally its kind and id, the field the query matched in (as the
detail pane labels it; a provenance quote as a citation) and a snippet of that field, cut at
spaces, with the matched part highlighted. Data goes into `rich.text.Text` as plain
strings, never markup. Where anything is cut to fit a width it ends in '…' (the snippet is cut
around the match, so the match stays in view).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import StyleType
from rich.text import Text

from tui.facts.model import Language
from tui.facts.search import Hit, hit_label, snippet
from tui.facts.text import kind_label
from tui.render.entity import cut_to
from tui.render.styles import DIM, MATCH_STYLE, NAME_STYLE

FIELD_GAP = "  "
MIN_SNIPPET = 12
"""A snippet keeps at least this many cells: a long name is cut first."""


def hit_snippet(hit: Hit, width: int | None = None, match: StyleType = MATCH_STYLE) -> Text:
    """The hit's snippet with the match styled `match`, cut to `width` cells around the match
    ('…' where cut)."""
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
        text.stylize(match, start, end)
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
    field = Text(f"{hit_label(hit, lang)}: ", style=DIM)
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


HINT_CELLS = 30
"""A hint takes at most this many cells of a list row: it says why, the detail pane says the rest."""


def hit_hint(hit: Hit, lang: Language, width: int = HINT_CELLS, match: StyleType = MATCH_STYLE) -> Text:
    """Why a list row matched a filter when its line does not show it: '#모터' for a tag (as the
    detail pane writes tags), '별칭: 모터밸리' or '요약: …snippet…' for anything else."""
    if hit.field == "tags":
        text = Text(f"#{hit.text}")
        if hit.span[1] > hit.span[0]:
            text.stylize(match, hit.span[0] + 1, hit.span[1] + 1)
        return cut_to(text, width)
    label = Text(f"{hit_label(hit, lang)}: ", style=DIM)
    cut_to(label, max(1, width - MIN_SNIPPET))
    return label.append_text(hit_snippet(hit, max(1, width - label.cell_len), match))
