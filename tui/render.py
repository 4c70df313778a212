"""Entities as Rich renderables, shared by the command line and the explorer.

Every piece of data becomes a `rich.text.Text` built from plain strings, never markup, so
text like `[/bold]` or `[@click=app.quit]` in a fact file is shown exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from tui.facts import Entity, FactBase, Link
from tui.facts.model import (
    Agreement,
    Bilingual,
    Dated,
    Event,
    Language,
    Named,
    Organization,
    Person,
    Project,
    Source,
)
from tui.facts.money import format_date, format_money

if TYPE_CHECKING:
    from tui.facts.graph import Node

from tui.facts.text import date_text, kind_label, period_text, quantity_text

ROLE_LABELS: dict[str, str] = {
    "party": "party",
    "signatory": "signatory",
    "commitment": "commits",
    "investor": "investor",
    "project": "project",
    "owner": "owner",
    "organization": "organization",
    "agreement": "agreement",
    "founder": "founder",
    "parent": "parent",
    "role": "role at",
    "participant": "participant",
    "speaker": "speaker",
    "related": "related",
    "source": "source",
}

INCOMING_LABELS: dict[str, str] = {
    # How this entity stands to one that names it: "LVIS — party to: the digital brain MOU".
    "party": "party to",
    "signatory": "signed",
    "commitment": "commits in",
    "investor": "invests in",
    "project": "project of",
    "owner": "owns",
    "organization": "involved in",
    "agreement": "agreement behind",
    "founder": "founded",
    "parent": "parent of",
    "role": "people here",
    "participant": "took part in",
    "speaker": "quoted in",
    "related": "related to",
    "source": "cited by",
}

LABEL_STYLE = "bold"
DIM = "dim"


def entity_title(entity: Entity, lang: Language = "ko") -> Text:
    """The entity's name as Text, in `lang` with fallback."""
    return Text(entity.label(lang))


def entity_subtitle(entity: Entity, lang: Language = "ko") -> Text:
    """One line for lists: what kind of thing it is, when, how much."""
    return Text(" · ".join(part for part in _subtitle_parts(entity, lang) if part))


def _subtitle_parts(entity: Entity, lang: Language) -> Iterable[str]:
    if isinstance(entity, Organization):
        yield entity.kind.replace("-", " ")
        yield entity.location.pick(lang)
    elif isinstance(entity, Person):
        if entity.roles:
            yield entity.roles[0].title.pick(lang)
    elif isinstance(entity, Agreement):
        yield entity.kind.upper()
        yield date_text(entity, lang)
        if entity.investments:
            yield format_money(entity.investments[0].money, lang)
    elif isinstance(entity, Project):
        yield entity.kind
        if entity.period:
            yield period_text(entity)
        if entity.budget:
            yield format_money(entity.budget, lang)
    elif isinstance(entity, Event):
        yield entity.kind
        yield date_text(entity, lang)
        yield entity.place.pick(lang)
    elif isinstance(entity, Source):
        yield entity.outlet.pick(lang)
        yield entity.published.isoformat()


def name_with_id(facts: FactBase, entity_id: str, lang: Language = "ko") -> Text:
    """'LVIS (lvis)': a reference shown by name and id."""
    entity = facts.get(entity_id)
    text = Text(entity.label(lang) if entity else entity_id)
    text.append(f" ({entity_id})", style=DIM)
    return text


def source_citation(facts: FactBase, entity: Entity, lang: Language = "en") -> list[Text]:
    """'Dong-A Ilbo, 2023-03-07, paragraph 7' for each provenance entry."""
    lines = []
    for source, prov in facts.sources_of(entity):
        where = "headline/caption" if prov.paragraph == 0 else f"paragraph {prov.paragraph}"
        if lang == "ko":
            where = "제목·사진 설명" if prov.paragraph == 0 else f"{prov.paragraph}번째 문단"
        line = Text(f"{source.outlet.pick(lang)}, {source.published.isoformat()}, {where}")
        line.append(f" ({source.id})", style=DIM)
        if prov.quote:
            line.append(f" — “{prov.quote}”", style="italic")
        lines.append(line)
    return lines


def entity_fields(
    facts: FactBase, entity: Entity, lang: Language = "ko", max_chars: int | None = None
) -> Table:
    """The entity's own fields as a two-column grid of label and value.

    `max_chars` cuts longer values (the explorer passes it: laying out a megabyte of text would
    freeze the screen for seconds; the command line prints everything).
    """
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=LABEL_STYLE, no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in _field_rows(facts, entity, lang):
        if max_chars is not None and len(value) > max_chars:
            rest = len(value) - max_chars
            value = value.divide([max_chars])[0]
            value.append(f"… ({rest:,} more characters: facts-tui show {entity.id})", style=DIM)
        grid.add_row(Text(label), value)
    return grid


def _bilingual(value: Bilingual) -> Text:
    if value.ko and value.en and value.ko != value.en:
        return Text.assemble(value.ko, (" / ", DIM), value.en)  # both_languages, with a dim slash
    return Text(value.ko or value.en)


def _lines(items: Iterable[Text]) -> Text:
    return Text("\n").join(items)


def _field_rows(facts: FactBase, e: Entity, lang: Language) -> Iterable[tuple[str, Text]]:
    yield "id", Text(e.id)
    yield "kind", Text(kind_label(e.KIND, "en") + (f" ({e.kind})" if hasattr(e, "kind") else ""))
    if isinstance(e, Named):
        yield "name", _bilingual(e.name)
        if e.aliases:
            yield "aliases", Text(", ".join(e.aliases))
    if isinstance(e, Source):
        yield "outlet", _bilingual(e.outlet)
        yield "title", _bilingual(e.title)
        if e.author:
            yield "author", Text(e.author)
        stamp = e.published.isoformat()
        if e.published_time:
            stamp += f" {e.published_time.strftime('%H:%M')}"
        yield "published", Text(stamp)
        yield "language", Text(e.language)
        if e.url:
            yield "url", Text(e.url)  # shown, never opened or fetched
        if e.paragraphs:
            yield "paragraphs", Text(str(e.paragraphs))
    if isinstance(e, Organization):
        if e.location:
            yield "location", _bilingual(e.location)
        if e.founded or e.founders:
            founded = Text(str(e.founded) if e.founded else "")
            if e.founders:
                founded.append(" by " if e.founded else "by ")
                founded.append_text(Text(", ").join(name_with_id(facts, f, lang) for f in e.founders))
            yield "founded", founded
        if e.valuation:
            yield "valuation", Text(f"{format_money(e.valuation.money)}, as of {e.valuation.as_of}")
        if e.parent:
            yield "parent", name_with_id(facts, e.parent, lang)
    if isinstance(e, Person) and e.roles:
        roles = []
        for role in e.roles:
            line = Text(role.title.pick(lang) + ", ")
            line.append_text(name_with_id(facts, role.organization, lang))
            if role.since or role.until:
                line.append(f" ({role.since or ''}–{role.until or ''})", style=DIM)
            roles.append(line)
        yield "roles", _lines(roles)
    if isinstance(e, Dated):
        yield "date", Text(date_text(e, lang))
        if e.place:
            yield "place", _bilingual(e.place)
    if isinstance(e, Agreement):
        yield "parties", _lines(name_with_id(facts, p, lang) for p in e.parties)
        if e.signatories:
            yield "signatories", _lines(name_with_id(facts, s, lang) for s in e.signatories)
        if e.commitments:
            lines = []
            for c in e.commitments:
                line = name_with_id(facts, c.party, lang)
                line.append(": ")
                line.append(c.text.pick(lang))
                lines.append(line)
            yield "commitments", _lines(lines)
        for inv in e.investments:
            line = name_with_id(facts, inv.by, lang)
            line.append(f": {format_money(inv.money)}")
            if inv.due:
                line.append(f", by {format_date(inv.due, inv.due_precision)}")
            if inv.purpose:
                line.append(f" — {inv.purpose.pick(lang)}")
            if inv.place:
                line.append(f" ({inv.place.pick(lang)})")
            yield "investment", line
        if e.projects:
            yield "projects", _lines(name_with_id(facts, p, lang) for p in e.projects)
    if isinstance(e, Project):
        if e.owner:
            yield "owner", name_with_id(facts, e.owner, lang)
        if e.budget:
            yield "budget", Text(format_money(e.budget))
        if e.period:
            yield "period", Text(period_text(e))
        if e.area:
            yield "area", Text(quantity_text(e.area, lang))
        for fig in e.figures:
            yield "figure", Text(quantity_text(fig, lang))
        if e.location:
            yield "location", _bilingual(e.location)
        if e.vision:
            yield "vision", _bilingual(e.vision)
        if e.goals:
            yield "goals", _lines(Text(f"• {g.pick(lang)}") for g in e.goals)
    if isinstance(e, Event):
        if e.participants:
            yield "participants", _lines(name_with_id(facts, p, lang) for p in e.participants)
        if e.quote:
            quote = Text(f"“{e.quote.text}”", style="italic")
            if e.quote.speaker:
                quote.append(" — ")
                quote.append_text(name_with_id(facts, e.quote.speaker, lang))
            elif e.quote.speaker_note:
                quote.append(f" — {e.quote.speaker_note.pick(lang)}")
            yield "quote", quote
    if e.summary:
        yield "summary", Text(e.summary.pick(lang))
    if e.tags:
        yield "tags", Text(", ".join(f"#{t}" for t in e.tags))


def mentions(facts: FactBase, entity: Entity) -> list[Link]:
    """The backlinks to list under "Mentioned in": all but provenance (shown on its own), except
    for a source, whose citations are the point."""
    return [b for b in facts.backlinks(entity.id) if b.role != "source" or isinstance(entity, Source)]


def link_text(link: Link, lang: Language = "ko", incoming: bool = False) -> Text:
    """One link for a list: 'party: LVIS (lvis)', or for a backlink 'party to: MOU (mou-x)'."""
    labels = INCOMING_LABELS if incoming else ROLE_LABELS
    text = Text()
    text.append(f"{labels.get(link.role, link.role)}: ", style=DIM)  # dim the role, not the name
    text.append(link.entity.label(lang))
    text.append(f" ({link.entity.id})", style=DIM)
    return text


def render_entity(facts: FactBase, entity: Entity, lang: Language = "ko") -> RenderableType:
    """The whole entity for the command line: title, fields, links both ways, provenance."""
    parts: list[RenderableType] = [
        Text.assemble((entity.label(lang), "bold"), "  ", (kind_label(entity.KIND, lang), DIM)),
        Text(),
        entity_fields(facts, entity, lang),
    ]
    links = facts.links(entity.id)
    if links:
        parts += [Text(), Text("Links", style="bold underline"), *(link_text(k, lang) for k in links)]
    backlinks = mentions(facts, entity)
    if backlinks:
        parts += [
            Text(),
            Text("Mentioned in", style="bold underline"),
            *(link_text(b, lang, incoming=True) for b in backlinks),
        ]
    citations = source_citation(facts, entity, lang)
    if citations:
        parts += [Text(), Text("Provenance", style="bold underline"), *citations]
    return Group(*parts)


# -- relationships ----------------------------------------------------------------------------------

REPEATED = {"en": "(also elsewhere in this tree)", "ko": "(이 트리의 다른 곳에도 있음)"}
"""A node met again: the tree is built breadth first, so its own branch may be above or below."""


def node_label(node: Node, lang: Language = "ko") -> Text:
    """One node as one line: the root as 'LVIS  Organization (lvis)'; any other node as
    `render.link_text` writes a link ('party: LVIS (lvis)') or, for direction 'in', a backlink,
    then its kind, then '(also elsewhere in this tree)' for a repeat."""
    if node.role is None:
        text = Text(node.entity.label(lang), style="bold")
        text.append(f"  {kind_label(node.entity.KIND, lang)}", style=DIM)
        text.append(f" ({node.entity.id})", style=DIM)
        return text
    text = link_text(Link(node.role, node.entity), lang, incoming=node.direction == "in")
    text.append(f"  {kind_label(node.entity.KIND, lang)}", style=DIM)
    if node.repeat:
        text.append(f" {REPEATED[lang]}", style="italic dim")
    return text


def more_label(count: int, lang: Language = "ko") -> Text:
    """'… 12 more' for children left out by the caps."""
    return Text(f"… {count} more" if lang == "en" else f"… 외 {count}개", style="dim italic")


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
