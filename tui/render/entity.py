"""Entities as Rich renderables, shared by the command line and the explorer.

Every piece of data becomes a `rich.text.Text` built from plain strings, never markup, so
text like `[/bold]` or `[@click=app.quit]` in a fact file is shown exactly as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from tui.facts import Entity, FactBase, Link
from tui.facts.citations import Citation, Paragraph, citations
from tui.facts.fields import subtitle
from tui.facts.messages import msg
from tui.facts.model import (
    Language,
    Named,
    Person,
    Source,
)

if TYPE_CHECKING:
    from tui.facts.graph import Node

from tui.facts.text import field_label, kind_label
from tui.render.fields import field_grid_rows
from tui.render.styles import DIM, LABEL_STYLE

ROLES = (
    "party",
    "signatory",
    "commitment",
    "investor",
    "project",
    "owner",
    "organization",
    "agreement",
    "founder",
    "parent",
    "role",
    "participant",
    "speaker",
    "related",
    "source",
)
ROLE_LABELS: dict[str, str] = {role: f"role.{role}" for role in ROLES}
"""What a linked entity is to the one shown ("party: 대구시" on an agreement): message keys."""

INCOMING_LABELS: dict[str, str] = {role: f"incoming.{role}" for role in ROLES}
"""A backlink, read from the shown entity's side: what the entity that names it is to it (on an
agreement, "project under it: 뇌 디지털병원"): message keys."""


def role_label(role: str, lang: Language = "ko", incoming: bool = False) -> str:
    """A link's role in words, as the shown entity reads it."""
    key = (INCOMING_LABELS if incoming else ROLE_LABELS).get(role)
    return msg(key, lang) if key else role


def entity_subtitle(entity: Entity, lang: Language = "ko") -> Text:
    """One line for lists: what kind of thing it is, when, how much."""
    return Text(" · ".join(subtitle(entity, lang)))


def name_with_id(facts: FactBase, entity_id: str, lang: Language = "ko") -> Text:
    """'LVIS (lvis)': a reference shown by name and id."""
    entity = facts.get(entity_id)
    text = Text(entity.label(lang) if entity else entity_id)
    text.append(f" ({entity_id})", style=DIM)
    return text


def source_citation(facts: FactBase, entity: Entity, lang: Language = "en") -> list[Text]:
    """'Dong-A Ilbo, 2023-03-07, paragraph 7' for each provenance entry, and its quote on a line of
    its own (wrapped after the source, a quote's first word was left hanging at the line's end)."""
    lines = []
    for source, prov in facts.sources_of(entity):
        where = paragraph_words(prov.paragraph, lang)
        line = Text(f"{source.outlet.pick(lang)}, {source.published.isoformat()}, {where}")
        line.append(f" ({source.id})", style=DIM)
        if prov.quote:
            line.append(f"\n“{prov.quote}”", style="italic")
        lines.append(line)
    return lines


def paragraph_words(paragraph: int, lang: Language) -> str:
    """'paragraph 7', or 'headline/caption' for paragraph 0."""
    return msg("paragraph_headline", lang) if paragraph == 0 else msg("paragraph_n", lang, n=paragraph)


def paragraph_heading(paragraph: Paragraph, lang: Language) -> Text:
    """A paragraph's heading in the source view: 'paragraph 6 · 17 citations', or '… · (nothing
    cites it)'."""
    heading = Text(paragraph_words(paragraph.number, lang))
    count = len(paragraph.citations)
    heading.append(
        " · " + (msg("cites.count", lang, n=count) if count else msg("cites.none", lang)), style=DIM
    )
    return heading


def citation_line(citation: Citation, lang: Language) -> Text:
    """One entry citing a paragraph: 'LVIS (lvis) · Organization: founded, founders — “LVIS는 …”'
    (`facts-tui cites` and the explorer's source view)."""
    entity = citation.entity
    line = Text(entity.label(lang))
    line.append(f" ({entity.id}) · {kind_label(entity.KIND, lang)}", style=DIM)
    what = ", ".join(field_label(f, lang) for f in citation.fields) or msg("cites.whole", lang)
    line.append(f": {what}")
    if citation.quote:
        line.append(f" — “{citation.quote}”", style="italic")
    return line


def citation_grid(entity: Entity, lang: Language = "ko") -> Table | None:
    """Each cited field with the paragraphs that support it and their quotes, one line per entry
    ('founded   paragraph 3 — “LVIS는 2013년 …”'); None if no entry names a field. An entry of a
    source other than the entity's first names its source id first."""
    cited = citations(entity)
    if not cited:
        return None
    primary = entity.provenance[0].source if isinstance(entity, Named) else ""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=LABEL_STYLE, no_wrap=True)
    grid.add_column(overflow="fold")
    for key, entries in cited.items():
        lines = []
        for entry in entries:
            line = Text(paragraph_words(entry.paragraph, lang))
            if entry.source != primary:
                line = Text(f"{entry.source}, ").append_text(line)
            if entry.quote:
                line.append(f" — “{entry.quote}”", style="italic")
            lines.append(line)
        grid.add_row(Text(field_label(key, lang)), Text("\n").join(lines))
    return grid


def field_cells(
    facts: FactBase, entity: Entity, lang: Language = "ko", max_chars: int | None = None
) -> list[tuple[str, Text, Text]]:
    """(key, label, value) of each field the entity gives, values longer than `max_chars` cut with
    a note (the explorer passes it: laying out a megabyte of text would freeze the screen for
    seconds; the command line prints everything)."""
    cells = []
    for key, label, value in field_grid_rows(facts, entity, lang):
        if max_chars is not None and len(value) > max_chars:
            rest = len(value) - max_chars
            value = value.divide([max_chars])[0]
            value.append(msg("value_cut", lang, n=rest, id=entity.id), style=DIM)
        cells.append((key, Text(label), value))
    return cells


def field_row_grid(label: Text, value: Text, label_width: int) -> Table:
    """One field as a grid of one row, its label column `label_width` cells wide: rows stacked
    one under another read as one grid (the detail pane puts a cursor on each)."""
    grid = _field_grid(label_width)
    grid.add_row(label, value)
    return grid


def _field_grid(label_width: int | None = None) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=LABEL_STYLE, no_wrap=True, width=label_width)
    grid.add_column(overflow="fold")
    return grid


def mentions(facts: FactBase, entity: Entity) -> list[Link]:
    """The backlinks to list under "Mentioned in": all but provenance (shown on its own), except
    for a source, whose citations are the point."""
    return [b for b in facts.backlinks(entity.id) if b.role != "source" or isinstance(entity, Source)]


def link_text(link: Link, lang: Language = "ko", incoming: bool = False, shown: Entity | None = None) -> Text:
    """One link for a list: 'party: LVIS (lvis)', or for a backlink, from the shown entity's
    side, 'agreement it is party to: MOU (mou-x)'. On an organization, a person's backlink adds
    their title there when `shown` is given: 'person with a role: 이종화 (부시장) (lee)'."""
    text = Text()
    text.append(f"{role_label(link.role, lang, incoming)}: ", style=DIM)  # dim the role, not the name
    text.append(link.entity.label(lang))
    if incoming and link.role == "role" and isinstance(link.entity, Person) and shown is not None:
        titles = [r.title.pick(lang) for r in link.entity.roles if r.organization == shown.id]
        if any(titles):
            text.append(f" ({', '.join(t for t in titles if t)})")
    text.append(f" ({link.entity.id})", style=DIM)
    return text


PageRowKind = Literal["title", "field", "heading", "provenance", "link", "backlink", "blank", "more"]


@dataclass(frozen=True, slots=True)
class PageRow:
    """One row of an entity's page, and what it is: the detail pane puts its cursor on fields,
    provenance entries and links, so it needs each row's kind and what the row is about, not
    one finished renderable."""

    kind: PageRowKind
    text: Text
    """The row as read: a field's value (its label is `label`), a link, a heading, …"""
    label: Text | None = None
    """A field's label, shown in a column `label_width` cells wide (the page's widest label)."""
    label_width: int = 0
    field: str | None = None
    """A field row's key."""
    entry: int | None = None
    """A provenance row's index in the entity's provenance."""
    target: str | None = None
    """The id a link or backlink leads to: an id the fact base resolved, never text from the file."""

    def renderable(self) -> RenderableType:
        """The row as drawn: a field as a grid row whose label column lines up with the others."""
        if self.label is not None:
            return field_row_grid(self.label, self.text, self.label_width)
        return self.text


def entity_page(
    facts: FactBase,
    entity: Entity,
    lang: Language = "ko",
    *,
    max_chars: int | None = None,
    max_backlinks: int | None = None,
) -> list[PageRow]:
    """An entity's page as rows, for the detail pane and `show` alike: the title, its fields,
    provenance, links, then what mentions it.

    `max_chars` cuts longer values (see `field_cells`); `max_backlinks` lists only the first
    backlinks and counts the rest in a last row (a hub in a big file is named thousands of times).
    """
    title = Text(entity.label(lang), style="bold")
    title.append(f"  {kind_label(entity.KIND, lang)}", style=DIM)
    rows = [PageRow("title", title), PageRow("blank", Text())]
    cells = field_cells(facts, entity, lang, max_chars)
    label_width = max((label.cell_len for _key, label, _value in cells), default=0)
    rows += [PageRow("field", value, label, label_width, field=key) for key, label, value in cells]
    sources = source_citation(facts, entity, lang)
    if sources:
        rows += [PageRow("blank", Text()), _heading("heading.provenance", lang)]
        rows += [PageRow("provenance", line, entry=n) for n, line in enumerate(sources)]
    links = facts.links(entity.id)
    if links:
        rows += [PageRow("blank", Text()), _heading("heading.links", lang)]
        rows += [PageRow("link", link_text(k, lang, shown=entity), target=k.entity.id) for k in links]
    backlinks = mentions(facts, entity)
    if backlinks:
        heading = _heading("heading.mentioned_in", lang)
        heading.text.append(f" ({len(backlinks)})", style=DIM)
        rows += [PageRow("blank", Text()), heading]
        listed = backlinks if max_backlinks is None else backlinks[:max_backlinks]
        rows += [
            PageRow("backlink", link_text(b, lang, incoming=True, shown=entity), target=b.entity.id)
            for b in listed
        ]
        if len(backlinks) > len(listed):
            rest = Text(msg("detail.n_more", lang, n=len(backlinks) - len(listed)), style=DIM)
            rows.append(PageRow("more", rest))
    return rows


def _heading(key: str, lang: Language) -> PageRow:
    return PageRow("heading", Text(msg(key, lang), style="bold underline"))


def render_entity(facts: FactBase, entity: Entity, lang: Language = "ko") -> RenderableType:
    """The whole entity for the command line: its page (`entity_page`, every value and backlink
    whole), then each cited field with its paragraphs and quotes."""
    parts = [row.renderable() for row in entity_page(facts, entity, lang)]
    cited = citation_grid(entity, lang)
    if cited is not None:
        parts += [Text(), _heading("heading.citations", lang).text, cited]
    return Group(*parts)


# -- relationships ----------------------------------------------------------------------------------


def node_label(node: Node, lang: Language = "ko") -> Text:
    """One node as one line, every row alike: name (id) · kind. The root's name is bold; any
    other node starts with its role as `render.link_text` writes a link ('party: LVIS (lvis)')
    or, for direction 'in', a backlink, and ends with '(also elsewhere in this tree)' for a repeat."""
    if node.role is None:
        text = Text(node.entity.label(lang), style="bold")
        text.append(f" ({node.entity.id})", style=DIM)
    else:
        text = link_text(Link(node.role, node.entity), lang, incoming=node.direction == "in")
    text.append(f" · {kind_label(node.entity.KIND, lang)}", style=DIM)
    if node.repeat:
        # A node met again: the tree is built breadth first, so its own branch may be above or below.
        text.append(f" {msg('relations.repeated', lang)}", style="italic dim")
    return text


def more_label(count: int, lang: Language = "ko") -> Text:
    """'… 12 more' for children left out by the caps."""
    return Text(msg("relations.more", lang, n=count), style="dim italic")


def neighbourhood_tree(root: Node, lang: Language = "ko") -> Tree:
    """The neighbourhood as a Rich Tree."""
    tree = Tree(node_label(root, lang), guide_style=DIM)
    stack = [(root, tree)]
    while stack:  # iterative: deep trees never hit the recursion limit
        node, branch = stack.pop()
        pending = []
        for child in node.children:
            pending.append((child, branch.add(node_label(child, lang))))
        if node.more:
            branch.add(more_label(node.more, lang))
        stack.extend(reversed(pending))
    return tree


def cut_to(text: Text, width: int) -> Text:
    """Cut `text` in place to `width` cells, ending in '…' when something is cut off.

    Rich's own ellipsis pads a wide (Korean) character cut in half with a space, which reads as
    a finished word ('실리콘 …'); here the space goes, so the '…' always follows the last letter.
    """
    if text.cell_len <= width:
        return text
    text.truncate(max(0, width - 1), overflow="crop")
    text.rstrip()
    text.append("…")
    return text
