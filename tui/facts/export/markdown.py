"""A readable briefing in Markdown: a section per kind, each entity a heading with an anchor (its
id), its key fields, and links to the entities it names (`[LVIS](#lvis)`). Data text is escaped so
it can add no Markdown of its own."""

from __future__ import annotations

import re

from tui.facts.fields import FieldRow, Line, Piece, field_rows, lead_mark
from tui.facts.index import FactBase
from tui.facts.model import ENTITY_KINDS, TYPE_BY_KIND, Entity, Language
from tui.facts.text import section_label

# Characters that Markdown (CommonMark and GitHub's extensions) may read as syntax anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
# ... and at the start of a line only: list items, setext underlines, ordered lists.
_MD_LINE_START = re.compile(r"^(\s*)([-+=])")
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_WHITESPACE = re.compile(r"\s+")
_MD_INLINE = ("texts", "tags", "refs")
"""Field types whose items are joined on one line, 'a, b'; other lists become nested lists."""


def md_escape(text: str) -> str:
    """Data text made literal in Markdown, on one line.

    Every character that can start inline Markdown syntax is backslash-escaped (brackets,
    `*`, `_`, backticks, `<`, `>`, `#`, `|`, `~`, `&`, `$` and backslashes), line breaks become
    spaces, and a leading `-`, `+`, `=` or `1.` is escaped too, so the text can add no link,
    emphasis, heading, list, table or HTML, nor break the structure around it. (`(`, `)` and
    `!` need no escape: without `[` they make no link or image.)
    """
    return _escape_line_start(_MD_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip()))


def _escape_line_start(text: str) -> str:
    # A leading '-', '+', '=' or '1.' would start a list or underline a heading.
    if _MD_ORDERED.match(text):
        return _MD_ORDERED.sub(r"\1\\\2", text, count=1)
    return _MD_LINE_START.sub(r"\1\\\2", text, count=1)


def _anchor(entity_id: str) -> str:
    # Ids are [a-z0-9._-] (the schema's pattern), safe in an HTML attribute and a URL fragment.
    return f'<a id="{entity_id}"></a>'


def _section_anchor(kind: str) -> str:
    # Ids never start with '_', so a section's anchor cannot clash with an entity's.
    return f"_{TYPE_BY_KIND[kind].TABLE}"


def md_link(facts: FactBase, entity_id: str, lang: Language) -> str:
    """`[LVIS](#lvis)`: a link to the entity's anchor, named in `lang`."""
    entity = facts.get(entity_id)
    name = entity.label(lang) if entity is not None else entity_id
    return f"[{md_escape(name)}](#{entity_id})"


def _md_piece(piece: Piece) -> str:
    if piece.kind == "ref":
        return f"[{md_escape(piece.text)}](#{piece.target})"
    if piece.kind == "id":
        return f"`{piece.text}`"  # ids are [a-z0-9._-]: nothing in them ends a code span
    return _MD_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", piece.text))


def _md_line(line: Line) -> str:
    """One line of a field's value (`tui.facts.fields`): data escaped, references as links."""
    return _escape_line_start("".join(_md_piece(piece) for piece in line).strip())


def _md_row(row: FieldRow) -> list[str]:
    """A field as a list item; the items of a list of records or texts as a nested list."""
    head = f"- **{md_escape(row.label)}:**"
    mark, items = lead_mark(row, inline=row.field.type in _MD_INLINE)
    lines = [_md_line(line) for line in items]
    if len(lines) == 1 or row.field.type in _MD_INLINE:
        return [f"{head} {', '.join(lines)}"]
    return [f"{head} {mark}" if mark else head, *(f"  - {line}" for line in lines)]


def to_markdown(facts: FactBase, lang: Language = "ko") -> str:
    """A briefing of the whole file in Markdown (see the module's docstring)."""
    out = [f"# {md_escape(facts.meta.title)}", ""]
    if facts.meta.description:
        out += [md_escape(facts.meta.description), ""]
    kinds = [kind for kind in ENTITY_KINDS if facts.of_kind(kind)]
    for kind in kinds:
        out.append(f"- [{section_label(kind, lang)}](#{_section_anchor(kind)}) ({len(facts.of_kind(kind))})")
    if kinds:
        out.append("")
    for kind in kinds:
        out += [f'<a id="{_section_anchor(kind)}"></a>', "", f"## {section_label(kind, lang)}", ""]
        for entity in facts.of_kind(kind):
            out += [_anchor(entity.id), "", entity_markdown(facts, entity, lang, level=3)]
    return "\n".join(out).rstrip("\n") + "\n"


def entity_markdown(facts: FactBase, entity: Entity, lang: Language = "ko", level: int = 2) -> str:
    """One entity in Markdown: a heading, its key fields, summary, mentions and sources.

    Used for each entity of `to_markdown` and, alone, for the explorer's copy command.
    """
    out = [f"{'#' * level} {md_escape(entity.label(lang))}", ""]
    rows = list(field_rows(facts, entity, lang))
    out += [line for row in rows if row.field.type != "prose" for line in _md_row(row)]
    out.append("")
    for row in rows:
        if row.field.type == "prose":  # the summary, as a paragraph of its own
            out += [*map(_md_line, row.items), ""]
    referred = [b for b in facts.backlinks(entity.id) if b.role != "source"]
    if referred:
        mentions = ", ".join(f"{md_link(facts, b.entity.id, lang)} ({b.role})" for b in referred)
        out += [f"*Mentioned in:* {mentions}", ""]
    paragraphs: dict[str, list[str]] = {}
    for source, prov in facts.sources_of(entity):
        paragraphs.setdefault(source.id, []).append(str(prov.paragraph))
    if paragraphs:
        cited = [f"{md_link(facts, sid, lang)} ¶ {', '.join(ps)}" for sid, ps in paragraphs.items()]
        out += [f"*Sources:* {'; '.join(cited)}", ""]
    return "\n".join(out)
