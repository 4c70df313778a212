"""Back and forward through the entities a user has looked at, like a browser."""

from __future__ import annotations

from collections.abc import Container


class History:
    """A list of visited entity ids with a position in it.

    `visit` adds a place and drops anything ahead of it (as a browser does after going back);
    `replace` changes where you are without adding a step (moving the cursor in a list).
    """

    def __init__(self, limit: int = 500) -> None:
        self._items: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        """The id you are at, or None before the first visit."""
        return self._items[self._index] if self._items else None

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def visit(self, entity_id: str) -> None:
        """Go to `entity_id` as a new step; forward history is discarded."""
        if entity_id == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(entity_id)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def replace(self, entity_id: str) -> None:
        """Be at `entity_id` without adding a step (the first call starts the history)."""
        if not self._items:
            self.visit(entity_id)
        elif self._index > 0 and self._items[self._index - 1] == entity_id:
            # Moving back onto the previous step merges the two rather than repeating it.
            del self._items[self._index]
            self._index -= 1
        else:
            self._items[self._index] = entity_id

    def back(self) -> str | None:
        """Step back; returns the id now current, or None if there was nowhere to go."""
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> str | None:
        """Step forward; returns the id now current, or None if there was nowhere to go."""
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._items[self._index]

    def trail(self, length: int = 5) -> list[str]:
        """The last `length` ids up to and including the current one (the breadcrumb)."""
        return self._items[max(0, self._index + 1 - length) : self._index + 1]

    def rename(self, old: str, new: str) -> None:
        """The entity `old` is now called `new`: every step at it follows (back, forward, trail)."""
        self._items = [new if item == old else item for item in self._items]

    def keep_only(self, known: Container[str]) -> None:
        """Forget ids that no longer exist (after a reload); you stay where you were, or at the
        nearest earlier step that still exists."""
        items: list[str] = []
        index = -1
        for n, item in enumerate(self._items):
            if item in known and (not items or items[-1] != item):  # forgetting may make repeats adjacent
                items.append(item)
            if n == self._index:
                index = len(items) - 1
        self._items = items
        self._index = max(index, 0) if items else -1

    def __len__(self) -> int:
        return len(self._items)
