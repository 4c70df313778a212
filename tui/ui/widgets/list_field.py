"""A list in a form: one row of inputs per item, a button to remove each and one to add a row.

The inputs of a row come from the screen (`make_row`), so one widget serves aliases, references,
goals in two languages and records (roles, commitments, investments). Each row remembers which
item of the entity it was (`origin`; None for a row added here), so that a removed or added row
changes only what it should.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button


class ListRow(Horizontal):
    """One item's inputs and its remove button."""

    DEFAULT_CSS = """
    ListRow {
        height: auto;
        & > .list-row-inputs {
            width: 1fr;
            height: auto;
        }
        & > .list-row-remove {
            width: auto;
            min-width: 4;
            margin-left: 1;
        }
    }
    """

    def __init__(self, origin: int | None, inputs: Sequence[Widget], remove_label: str) -> None:
        super().__init__()
        self.origin = origin
        self._inputs = list(inputs)
        self._remove_label = remove_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="list-row-inputs"):
            yield from self._inputs
        yield Button(self._remove_label, classes="list-row-remove", compact=True)

    @property
    def inputs(self) -> list[Widget]:
        return self._inputs


class ListField(Vertical):
    """The rows of one list field, then an add button."""

    DEFAULT_CSS = """
    ListField {
        height: auto;
        & > .list-add {
            width: auto;
            min-width: 0;  /* at the start of the inputs' column, not centred in a wide button */
        }
    }
    """

    class Changed(Message):
        """A row was added or removed (`added`: the new row, focus goes to its first input)."""

        def __init__(self, list_field: ListField, added: ListRow | None = None) -> None:
            super().__init__()
            self.list_field = list_field
            self.added = added

        @property
        def control(self) -> ListField:
            return self.list_field

    def __init__(
        self,
        key: str,
        rows: Sequence[tuple[int | None, Sequence[Widget]]],
        make_row: Callable[[], Sequence[Widget]],
        add_label: str,
        remove_label: str,
    ) -> None:
        super().__init__()
        self.key = key
        self._initial = rows
        self._make_row = make_row
        self._add_label = add_label
        self._remove_label = remove_label

    def compose(self) -> ComposeResult:
        for origin, inputs in self._initial:
            yield ListRow(origin, inputs, self._remove_label)
        yield Button(self._add_label, classes="list-add", compact=True)

    @property
    def rows(self) -> list[ListRow]:
        """The rows in order."""
        return list(self.query_children(ListRow))

    async def add_row(self) -> ListRow:
        """A new empty row at the end, its first input focused."""
        row = ListRow(None, self._make_row(), self._remove_label)
        await self.mount(row, before=self.query_one(".list-add"))
        if row.inputs:
            row.inputs[0].focus()
        self.post_message(self.Changed(self, row))
        return row

    async def remove_row(self, row: ListRow) -> None:
        await row.remove()
        self.post_message(self.Changed(self))

    @on(Button.Pressed, ".list-add")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_row()

    @on(Button.Pressed, ".list-row-remove")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if isinstance(row, ListRow):
            await self.remove_row(row)
