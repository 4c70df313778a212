"""Command palette providers: every section and every entity reachable by name."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.facts import ENTITY_KINDS
from tui.facts.text import kind_label, section_label


class SectionProvider(Provider):
    """'Organizations', 'People', ... (and their Korean names) open that section."""

    async def discover(self) -> Hits:
        for kind in ENTITY_KINDS:
            yield DiscoveryHit(
                f"Section: {section_label(kind)}",
                partial(self.app.open_section, kind),
                help=f"Show the {section_label(kind).lower()} ({section_label(kind, 'ko')})",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for kind in ENTITY_KINDS:
            for name in (section_label(kind), section_label(kind, "ko")):
                score = matcher.match(name)
                if score > 0:
                    yield Hit(
                        score,
                        matcher.highlight(f"Section: {section_label(kind)}"),
                        partial(self.app.open_section, kind),
                        help=section_label(kind, "ko"),
                    )
                    break


class EntityProvider(Provider):
    """Any entity by its Korean or English name, alias, id, place, amount or date: the search engine's hits."""

    LIMIT = 30

    async def search(self, query: str) -> Hits:
        app = self.app
        if not app.search_ready:  # big files index on first use; the palette asks again as you type
            app.with_search_index(lambda: None)
            return
        result = app.search_index.search(query, limit=self.LIMIT, lang=app.lang)
        for n, hit in enumerate(result.hits):
            entity = app.facts[hit.entity_id]
            label = Text(entity.label(app.lang))
            label.append(f"  {kind_label(entity.KIND, app.lang)} · {entity.id}", style="dim")
            snippet = Text(f"\n{hit.field}: ", style="dim")
            matched = Text(hit.text, style="dim")
            matched.stylize("bold not dim", *hit.span)
            label.append_text(snippet)
            label.append_text(matched)
            # The palette parses `help` strings as markup, so data goes only in the Text prompt.
            # Hits arrive best first; the palette sorts by score, so the score keeps that order.
            yield Hit(1.0 - n / (self.LIMIT + 1), label, partial(app.open_entity, entity.id))
