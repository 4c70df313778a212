"""The edit form (`C`): every field of the highlighted entity, checked as you type, saved as one change.

The form is built from the field table (`tui.facts.edit.draft.form_groups`): a bilingual text has
its Korean and English inputs side by side, under the `Korean`/`English` header, in the same two
columns whether it is one field (a name) or a row of a list (a goal); a text is a `LineArea` that
wraps and grows, so no value is cut out of sight; a list has its rows with add and remove buttons
(the remove buttons in a column of their own, beside every row); a reference is a `RefField`
filled from a picker over the search engine (`RefPickerScreen`). Every keystroke reads the whole form as `facts-tui set` reads values and checks
the entity with the loader's own rules (`draft.evaluate`): a money or date input shows what it
reads as, an input with a problem is marked and says it in `check`'s words, and the form cannot be
saved until none is left. A changed fact needs a citation: source, paragraph, optional quote.

Saving hands a `PlannedChange` (`tui.facts.edit.plan`) to the app's `save` (tui/ui/edit_service.py):
the field changes and the new provenance entry, written as one change (one undo step), off the UI
thread. A refused change's reason is shown here and the form stays open. The screen reads no file:
the diff (`F2`) comes from the app's `change_diff` too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from tui.facts import Entity, FactBase
from tui.facts.edit.change import ChangeError
from tui.facts.edit.draft import (
    Citation,
    Draft,
    Group,
    Outcome,
    Slot,
    apply,
    citation_problems,
    evaluate,
    form_groups,
    initial_draft,
    needs_citation,
    row_path,
)
from tui.facts.edit.form import preview
from tui.facts.edit.plan import Change, PlannedChange, Refused
from tui.facts.edit.values import FieldError
from tui.facts.messages import MESSAGES, msg
from tui.facts.model import Language
from tui.facts.search import SearchIndex
from tui.facts.text import field_label, kind_label, subkind_label
from tui.ui.widgets.bars import KeyBar
from tui.ui.widgets.diff_text import diff_text
from tui.ui.widgets.line_area import LineArea
from tui.ui.widgets.list_field import ListField, ListRow
from tui.ui.widgets.ref_field import RefField

_PREVIEWED = ("money", "date", "quantity", "period")
"""Inputs whose value is shown as it reads (`3400억` → `3400억 원 (KRW 340.0 billion)`)."""


Save = Callable[[PlannedChange], Awaitable[Change | Refused | None]]
"""`FactsApp.save`: the change written, Refused with the reason, or None (cancelled on a conflict)."""
Diff = Callable[[PlannedChange], Awaitable[str | Refused]]
"""`FactsApp.change_diff`: the change as a unified diff of the TOML, or why it cannot be shown."""


class EditFormScreen(ModalScreen[Change | None]):
    """Every field of one entity; dismisses with the change written, or None."""

    CSS_PATH = Path(__file__).with_name("edit_form.tcss")
    BINDINGS = [
        Binding("escape", "cancel", msg("edit.cancel", "en")),
        Binding("ctrl+s", "save", msg("form.save", "en")),
        Binding("f2", "show_diff", msg("edit.show_diff", "en")),
    ]

    def __init__(
        self,
        facts: FactBase,
        entity: Entity,
        lang: Language,
        index: Callable[[], SearchIndex],
        save: Save,
        diff: Diff,
    ) -> None:
        """`index` gives the search index for the picker; `save` and `diff` are the app's."""
        super().__init__()
        self.facts = facts
        self.entity = entity
        self.lang: Language = lang
        self._index = index
        self._save = save
        self._diff = diff
        self.groups: tuple[Group, ...] = form_groups(entity.KIND)
        self._start = initial_draft(entity)
        self._slot: dict[Widget, Slot] = {}
        """Each input's slot (a row's slot path is relative to the row)."""
        self._single: dict[str, list[Widget]] = {}
        self._lists: dict[str, ListField] = {}
        self.cites = needs_citation(entity.KIND)
        self.outcome: Outcome | None = None
        self.citation_issues: dict[str, str] = {}
        """What is wrong with the citation, by input ('source', 'paragraph'): message keys."""

    # -- building the form ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        name = self.entity.label(self.lang)
        with Vertical(id="form-box"):
            title = msg("form.title", self.lang, name=name, id=self.entity.id)
            yield Static(Text(f"{title} · {kind_label(self.entity.KIND, self.lang)}"), id="form-title")
            with Horizontal(id="form-languages"):
                yield Static(Text(msg("form.korean", self.lang)), classes="form-ko")
                yield Static(Text(msg("form.english", self.lang)), classes="form-en")
            with VerticalScroll(id="form-fields"):
                for group in self.groups:
                    with Horizontal(classes="form-row", id=f"group-{group.key}"):
                        yield Static(Text(group.field.label(self.lang)), classes="form-label")
                        with Vertical(classes="form-body -list" if group.is_list else "form-body"):
                            yield from self._group_inputs(group)
                            yield Static(Text(""), classes="form-note")
                if self.cites:
                    yield from self._citation()
            yield Static(Text(""), id="form-status")
            with VerticalScroll(id="form-diff"):
                yield Static(Text(""), id="form-diff-text")
        yield KeyBar()

    def _group_inputs(self, group: Group) -> ComposeResult:
        if group.is_list:
            key = group.key
            rows: list[tuple[int | None, list[Widget]]] = []
            for origin in range(len(self._start.rows.get(key, ()))):  # the items as they are
                texts = {s.path: self._start.texts.get(row_path(key, origin, s), "") for s in group.slots}
                rows.append((origin, self._row_inputs(group, texts)))
            field = ListField(
                key,
                rows,
                lambda: self._row_inputs(group, {}),
                msg("form.add_row", self.lang),
                msg("form.remove_row", self.lang),
            )
            self._lists[key] = field
            yield field
            return
        inputs = [self._input(slot, self._start.texts.get(slot.path, ""), group) for slot in group.slots]
        self._single[group.key] = inputs
        yield from _laid_out(group.slots, inputs)

    def _row_inputs(self, group: Group, texts: dict[str, str]) -> list[Widget]:
        """One row's inputs, holding `texts` (by the slot's path in the row)."""
        inputs = [self._input(slot, texts.get(slot.path, ""), group) for slot in group.slots]
        return list(_laid_out(group.slots, inputs))

    def _input(self, slot: Slot, text: str, group: Group) -> Widget:
        """The input of one slot, holding `text`."""
        widget: Widget
        if slot.input == "prose":
            placeholder = self._empty(slot, group)
            widget = TextArea(
                text, soft_wrap=True, compact=True, placeholder=placeholder, classes="form-prose"
            )
        elif slot.input == "line":
            widget = LineArea(text, placeholder=self._empty(slot, group))
        elif slot.input == "choice":
            labelled = group.field.type == "kind"
            options = [(Text(subkind_label(c, self.lang) if labelled else c), c) for c in slot.choices]
            widget = Select(
                options,
                value=text if text in slot.choices else Select.NULL,
                allow_blank=not group.field.required,
                prompt=msg("form.no_choice", self.lang),
                compact=True,
            )
        elif slot.input == "ref":
            widget = RefField(text, slot.kinds, self._label_of, msg("form.pick", self.lang))
        else:
            widget = Input(
                text, placeholder=_placeholder(slot, self.lang), compact=True, select_on_focus=False
            )
        self._slot[widget] = slot
        return widget

    def _empty(self, slot: Slot, group: Group) -> str:
        """What an empty text input shows: that it is empty, and which part of the field it is (a
        date's note, a quote's speaker note), never words that could be read as its value."""
        parts = slot.path.split(".")
        if parts[0] == group.key:  # 'area.label.ko' in the group of 'area': the part is 'label'
            parts = parts[1:]
        part = ".".join(p for p in parts if p not in ("ko", "en"))
        if part:
            return msg("form.empty_part", self.lang, part=field_label(part.split(".")[-1], self.lang))
        return msg("form.empty", self.lang)

    def _label_of(self, entity_id: str) -> str | None:
        entity = self.facts.get(entity_id)
        return entity.label(self.lang) if entity is not None else None

    def _citation(self) -> ComposeResult:
        source = next((p.source for p in getattr(self.entity, "provenance", ())), "")
        with Vertical(id="form-citation"):
            yield Static(Text(msg("form.citation", self.lang), style="bold"), id="citation-title")
            yield Static(Text(msg("form.citation_needed", self.lang)), id="citation-why")
            with Horizontal(classes="form-row"):
                yield Static(Text(msg("form.citation_source", self.lang)), classes="form-label")
                yield RefField(
                    source,
                    ("source",),
                    self._label_of,
                    msg("form.pick", self.lang),
                    classes="citation-source",
                )
            with Horizontal(classes="form-row"):
                yield Static(Text(msg("form.citation_paragraph", self.lang)), classes="form-label")
                yield Input(placeholder="0–99", restrict=r"\d*", compact=True, id="citation-paragraph")
            with Horizontal(classes="form-row"):
                yield Static(Text(msg("form.citation_quote", self.lang)), classes="form-label")
                yield Input(compact=True, id="citation-quote")
            yield Static(Text(""), id="citation-note", classes="form-note")

    def on_mount(self) -> None:
        first = next(iter(self._slot), None)
        if first is not None:
            first.focus()
        self.revalidate()

    # -- reading and checking --------------------------------------------------------------------

    def draft(self) -> Draft:
        """What the form holds now."""
        texts: dict[str, str] = {}
        rows: dict[str, tuple[int | None, ...]] = {}
        for group in self.groups:
            if group.is_list:
                order: list[int | None] = []
                for n, row in enumerate(self._lists[group.key].rows):
                    order.append(row.origin)
                    for widget in _inputs_of(row):
                        texts[row_path(group.key, n, self._slot[widget])] = _value(widget)
                rows[group.key] = tuple(order)
            else:
                for widget in self._single[group.key]:
                    texts[self._slot[widget].path] = _value(widget)
        return Draft(texts, rows)

    def citation(self) -> Citation | None:
        """The citation as typed, or None when the entity's kind needs none."""
        if not self.cites:
            return None
        paragraph = self.query_one("#citation-paragraph", Input).value.strip()
        return Citation(
            self.query_one(".citation-source", RefField).value.strip(),
            int(paragraph) if paragraph.isdigit() else 0,
            self.query_one("#citation-quote", Input).value.strip(),
        )

    def revalidate(self) -> None:
        """Read the form, check it, and mark what is wrong (every keystroke)."""
        draft = self.draft()
        outcome = self.outcome = evaluate(self.facts, self.entity, draft, self.lang)
        self.citation_issues = {}
        if self.cites and outcome.changed:
            source = self.query_one(".citation-source", RefField).value
            paragraph = self.query_one("#citation-paragraph", Input).value
            self.citation_issues = citation_problems(self.facts, source, paragraph)
        self._mark(draft, outcome)
        self._say_status(outcome)

    def _mark(self, draft: Draft, outcome: Outcome) -> None:
        paths = self._paths()
        placed: set[str] = set()
        for widget, path in paths.items():
            widget.set_class(path in outcome.problems, "-problem")
        for group in self.groups:
            note = self.query_one(f"#group-{group.key} .form-note", Static)
            mine = [p for p in outcome.problems if _belongs(p, group) and p not in placed]
            placed.update(mine)
            text = Text()
            for path in mine:
                where = "" if path == group.key else f"{path}: "
                for problem in outcome.problems[path]:
                    text.append(f"{where}{problem}\n", style="red")
            if not mine:
                for widget, path in paths.items():
                    slot = self._slot[widget]
                    if _group_of(path, self.groups) is group and slot.input in _PREVIEWED:
                        typed = _value(widget).strip()
                        if typed:
                            try:
                                words = preview(type(self.entity), path, typed, self.lang)
                            except (FieldError, ChangeError):
                                continue
                            text.append(msg("edit.parsed", self.lang, value=words) + "\n", style="green")
            text.rstrip()
            note.update(text)
            note.display = bool(text)
        self._mark_citation(outcome)

    def _mark_citation(self, outcome: Outcome) -> None:
        if not self.cites:
            return
        source = self.query_one(".citation-source", RefField)
        paragraph = self.query_one("#citation-paragraph", Input)
        source.set_class("source" in self.citation_issues, "-problem")
        paragraph.set_class("paragraph" in self.citation_issues, "-problem")
        note = self.query_one("#citation-note", Static)
        text = Text()
        for key in self.citation_issues.values():
            text.append(msg(key, self.lang) + "\n", style="red")
        if outcome.changed and outcome.fields:
            text.append(msg("form.citation_names", self.lang, fields=", ".join(outcome.fields)), style="dim")
        text.rstrip()
        note.update(text)
        note.display = bool(text)

    def _say_status(self, outcome: Outcome) -> None:
        status = self.query_one("#form-status", Static)
        n = sum(len(v) for v in outcome.problems.values()) + len(self.citation_issues)
        if n and not outcome.problems:  # only the citation is missing: say where it is asked for
            status.update(Text(msg("form.cite_below", self.lang), style="red"))
        elif n:
            status.update(Text(msg("form.n_problems", self.lang, n=n), style="red"))
        elif not outcome.changed:
            status.update(Text(msg("form.no_change", self.lang), style="dim"))
        else:
            status.update(Text(msg("form.ready", self.lang, fields=", ".join(outcome.fields)), style="green"))

    def _paths(self) -> dict[Widget, str]:
        """Every input with its path in the draft (a row's by its place now)."""
        paths: dict[Widget, str] = {}
        for group in self.groups:
            if group.is_list:
                for n, row in enumerate(self._lists[group.key].rows):
                    for widget in _inputs_of(row):
                        paths[widget] = row_path(group.key, n, self._slot[widget])
            else:
                for widget in self._single[group.key]:
                    paths[widget] = self._slot[widget].path
        return paths

    @property
    def can_save(self) -> bool:
        """Whether the form holds a change with no problem left (and its citation)."""
        outcome = self.outcome
        return outcome is not None and outcome.changed and outcome.ok and not self.citation_issues

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(RefField.Changed)
    @on(ListField.Changed)
    def _edited(self) -> None:
        self.query_one("#form-diff").remove_class("-shown")
        self.revalidate()

    @on(ListField.Changed)
    def _row_added(self, event: ListField.Changed) -> None:
        if event.added is not None:
            first = next(iter(_inputs_of(event.added)), None)
            if isinstance(first, RefField):  # a new reference is picked straight away
                self._pick(first, "")

    # -- picking references ----------------------------------------------------------------------

    @on(RefField.Pick)
    def _pick_requested(self, event: RefField.Pick) -> None:
        event.stop()
        self._pick(event.field, event.query)

    def _pick(self, field: RefField, query: str) -> None:
        from tui.ui.screens.ref_picker import RefPickerScreen

        slot = self._slot.get(field)
        what = field_label(slot.path, self.lang) if slot is not None and slot.path else ""
        if not what:
            row = field.parent.parent if field.parent is not None else None
            list_field = row.parent if isinstance(row, ListRow) else None
            what = field_label(list_field.key, self.lang) if isinstance(list_field, ListField) else ""
        if field.has_class("citation-source"):
            what = msg("form.citation_source", self.lang)
        kinds = ", ".join(kind_label(k, self.lang) for k in field.kinds)
        title = msg("form.picker_title", self.lang, field=what, kinds=kinds)

        def picked(entity_id: str | None) -> None:
            if entity_id is not None:
                field.value = entity_id
            field.focus()

        self.app.push_screen(
            RefPickerScreen(self.facts, self._index(), field.kinds, self.lang, title, query), picked
        )

    # -- saving --------------------------------------------------------------------------------

    def planned(self) -> PlannedChange | None:
        """The change the form holds, if it can be saved."""
        self.revalidate()
        outcome = self.outcome
        if outcome is None or not self.can_save:
            return None
        entity, citation = self.entity, self.citation()
        summary = msg("form.summary", self.lang, id=entity.id, fields=", ".join(outcome.fields))
        return PlannedChange(
            lambda text, facts: apply(text, entity, outcome, citation),
            (entity.id,),
            summary,
            select=entity.id,
        )

    def action_save(self) -> None:
        """Save the change, unless a problem is left or nothing changed (the status says which)."""
        planned = self.planned()
        if planned is None:
            self.app.bell()
            self._focus_first_problem()
            return
        self.run_worker(self._write(planned), group="save", exclusive=True)

    async def _write(self, planned: PlannedChange) -> None:
        outcome = await self._save(planned)
        if isinstance(outcome, Refused):
            status = self.query_one("#form-status", Static)
            status.update(Text(f"{msg('form.save_refused', self.lang)}: {outcome.reason}", style="red"))
            return
        self.dismiss(outcome)

    def _focus_first_problem(self) -> None:
        for widget in [*self._paths(), *self.query(".citation-source"), *self.query("#citation-paragraph")]:
            if widget.has_class("-problem"):
                widget.focus()
                self.query_one("#form-fields", VerticalScroll).scroll_to_widget(widget)
                return

    async def action_show_diff(self) -> None:
        """Show (or hide) the change as a diff of the TOML; nothing is written."""
        box = self.query_one("#form-diff")
        if box.has_class("-shown"):
            box.remove_class("-shown")
            return
        self.revalidate()
        outcome = self.outcome
        shown = self.query_one("#form-diff-text", Static)
        if outcome is None or not outcome.changed:
            shown.update(Text(msg("edit.no_diff", self.lang)))
        else:
            entity, citation = self.entity, self.citation()
            change = PlannedChange(
                lambda text, facts: apply(text, entity, outcome, citation), (entity.id,), ""
            )
            diff = await self._diff(change)
            if isinstance(diff, Refused):
                shown.update(Text(msg("form.diff_unavailable", self.lang, error=diff.reason), style="red"))
            else:
                shown.update(diff_text(diff) if diff else Text(msg("edit.no_diff", self.lang)))
        box.add_class("-shown")

    def action_cancel(self) -> None:
        self.dismiss(None)


def _laid_out(slots: tuple[Slot, ...], inputs: list[Widget]) -> list[Widget]:
    """The inputs of a group, a Korean input and the English one after it side by side, in the
    columns of the header (`form-ko`, `form-en`)."""
    out: list[Widget] = []
    n = 0
    while n < len(inputs):
        if slots[n].language == "ko" and n + 1 < len(inputs) and slots[n + 1].language == "en":
            inputs[n].add_class("form-ko")
            inputs[n + 1].add_class("form-en")
            out.append(Horizontal(inputs[n], inputs[n + 1], classes="form-pair"))
            n += 2
        else:
            out.append(inputs[n])
            n += 1
    return out


def _inputs_of(row: ListRow) -> list[Widget]:
    """A row's inputs, pairs opened up."""
    found: list[Widget] = []
    for widget in row.inputs:
        found += list(widget.children) if isinstance(widget, Horizontal) else [widget]
    return found


def _value(widget: Widget) -> str:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    if isinstance(widget, RefField):
        return widget.value
    return ""


def _belongs(path: str, group: Group) -> bool:
    """Whether a problem at `path` is shown with `group`."""
    head = path.split(".")[0]
    return head == group.key or any(s.path.split(".")[0] == head for s in group.slots if not group.is_list)


def _group_of(path: str, groups: tuple[Group, ...]) -> Group | None:
    return next((g for g in groups if _belongs(path, g)), None)


def _placeholder(slot: Slot, lang: Language) -> str:
    """An example of what a money, date or number input takes, said as one (`e.g. 2023-2028`)."""
    key = f"form.placeholder.{slot.input}"
    return msg("form.example", lang, example=msg(key, lang)) if key in MESSAGES else ""
