"""Command palette providers: every section and every entity reachable by name."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.facts import ENTITY_KINDS
from tui.render import kind_label, section_label


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
    """Any entity by its Korean or English name, alias or id."""

    async def search(self, query: str) -> Hits:
        app = self.app
        facts = app.facts
        matcher = self.matcher(query)
        count = 0
        for entity in facts:
            best = 0.0
            for candidate in _names(entity):
                best = max(best, matcher.match(candidate))
            if best > 0:
                label = Text(entity.label(app.lang))
                label.append(f"  {kind_label(entity.KIND, app.lang)} · {entity.id}", style="dim")
                yield Hit(best, label, partial(app.open_entity, entity.id), help=None)
                count += 1
                if count >= 200:
                    return


def _names(entity) -> list[str]:
    names = [entity.id]
    name = getattr(entity, "name", None) or getattr(entity, "title", None)
    if name is not None:
        names += [name.ko, name.en]
    names += list(getattr(entity, "aliases", ()))
    return [n for n in names if n]
