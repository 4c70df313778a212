"""The citations of one field (`i` on a field in the detail pane, or on any entity): for each
entry naming it, the source, the paragraph and the source's words, whole. Enter opens the source
view at that paragraph, on this entity's citation.

Dismisses with the `Place` to open the source view at, or None.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.facts import Entity, FactBase
from tui.facts.citations import provenance_of
from tui.facts.messages import msg
from tui.facts.model import Language, Provenance, Source
from tui.facts.source_rows import Place
from tui.facts.text import field_label
from tui.render.entity import paragraph_words
from tui.render.styles import DIM
from tui.ui.keymap import CITATION_COMMANDS, bindings
from tui.ui.widgets.bars import KeyBar

MAX_QUOTE_CHARS = 5_000
"""Longer quotes are cut (with a note); `facts-tui show` prints them whole."""


def citation_text(facts: FactBase, entity: Entity, entry: Provenance, lang: Language) -> Text:
    """One entry as the dialog shows it: source and paragraph, the quote on its own line, and
    the fields it names."""
    source = facts.get(entry.source)
    text = Text()
    if isinstance(source, Source):
        text.append(f"{source.outlet.pick(lang)}, {source.published.isoformat()}, ")
    text.append(paragraph_words(entry.paragraph, lang), style="bold")
    text.append(f" ({entry.source})", style=DIM)
    if entry.quote:
        quote = entry.quote
        rest = len(quote) - MAX_QUOTE_CHARS
        text.append("\n“" + (quote[:MAX_QUOTE_CHARS] if rest > 0 else quote) + "”", style="italic")
        if rest > 0:
            text.append(msg("value_cut", lang, n=rest, id=entity.id), style=DIM)
    fields = ", ".join(field_label(f, lang) for f in entry.fields) or msg("cites.whole", lang)
    text.append("\n" + msg("citation.names", lang, fields=fields), style=DIM)
    return text


class CitationScreen(ModalScreen[Place | None]):
    """The entries citing `field` of `entity` (every entry of it when `field` is None or cited by
    none); Enter on one opens the source view there."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = bindings(CITATION_COMMANDS)

    def __init__(self, facts: FactBase, entity: Entity, field: str | None, lang: Language) -> None:
        super().__init__()
        self.facts = facts
        self.entity = entity
        self.field = field
        self.lang: Language = lang
        entries = list(enumerate(provenance_of(entity)))
        naming = [(n, e) for n, e in entries if field is not None and field in e.fields]
        self.all_shown = not naming
        """Whether every entry is shown: no field asked for, or no entry names it."""
        self.entries = naming or entries

    def compose(self) -> ComposeResult:
        with Vertical(id="citation-box"):
            yield Static(self._title(), id="citation-title")
            yield Static(self._note(), id="citation-note")
            yield OptionList(*self._options(), id="citation-list")
            yield Static(Text(msg("citation.hint", self.lang)), id="citation-hint")
        yield KeyBar()

    def _title(self) -> Text:
        name = self.entity.label(self.lang)
        if self.field is None:
            return Text(msg("citation.title_all", self.lang, name=name))
        field = field_label(self.field, self.lang)
        return Text(msg("citation.title", self.lang, name=name, field=field))

    def _note(self) -> Text:
        if not self.entries:
            return Text(msg("citation.no_provenance", self.lang))
        if self.field is not None and self.all_shown:
            return Text(msg("citation.none", self.lang))
        return Text()

    def _options(self) -> list[Option]:
        return [
            Option(citation_text(self.facts, self.entity, entry, self.lang), id=str(n))
            for n, entry in self.entries
        ]

    def on_mount(self) -> None:
        self.query_one("#citation-note").display = bool(self._note())
        self.query_one(OptionList).focus()

    def set_language(self, lang: Language) -> None:
        """Say it all in `lang`, the same citation highlighted."""
        self.lang = lang
        self.query_one("#citation-title", Static).update(self._title())
        self.query_one("#citation-note", Static).update(self._note())
        self.query_one("#citation-hint", Static).update(Text(msg("citation.hint", lang)))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = highlighted

    def _place(self, index: int) -> Place:
        entry = provenance_of(self.entity)[index]
        return Place(entry.source, entry.paragraph, self.entity.id, index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self._place(int(event.option.id)))

    def action_open_source(self) -> None:
        """Enter or p: the source view at the highlighted citation's paragraph."""
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id is not None:
                self.dismiss(self._place(int(option.id)))

    def action_close(self) -> None:
        self.dismiss(None)
