"""The explorer's search index: one per fact base, built in the background, awaited by what needs it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.facts import FactBase

if TYPE_CHECKING:
    from tui.facts.search import SearchIndex


class SearchUnavailable(RuntimeError):
    """The search index could not be built (a bug, or memory)."""


class SearchService:
    """The search index of the explorer's current fact base, and who is waiting for it.

    `facts` gives the fact base shown now (a reload changes it); `start_build` starts building
    an index in a background thread, whose end the app reports with `built` or `failed`.
    Whoever needs the index asks `when_ready` (a callback) or awaits `ready()`. An index built
    from a fact base that has been reloaded since is thrown away and built again.
    """

    def __init__(self, facts: Callable[[], FactBase], start_build: Callable[[FactBase], object]) -> None:
        self._facts = facts
        self._start_build = start_build
        self._index: tuple[FactBase, SearchIndex] | None = None
        self._waiting: list[Callable[[], object]] = []
        self._waiters: list[asyncio.Future[None]] = []
        self.building = False
        """A build is running (at most one at a time)."""

    @property
    def facts(self) -> FactBase:
        """The fact base to search: the one shown now."""
        return self._facts()

    @property
    def is_ready(self) -> bool:
        """Whether the index of the current fact base is built."""
        return self._index is not None and self._index[0] is self.facts

    @property
    def index(self) -> SearchIndex:
        """The index of the current fact base (built now, blocking, if it is not ready)."""
        if not self.is_ready:
            from tui.facts.search import SearchIndex  # a big module: imported when first needed

            facts = self.facts
            self._index = (facts, SearchIndex.build(facts))
        assert self._index is not None
        return self._index[1]

    @property
    def waited_for(self) -> bool:
        """Whether anything waits for the index."""
        return bool(self._waiting or self._waiters)

    def build(self) -> bool:
        """Start building the current fact base's index, unless it is ready or being built;
        whether a build started."""
        if self.is_ready or self.building:
            return False
        self.building = True
        self._start_build(self.facts)
        return True

    def when_ready(self, then: Callable[[], object]) -> None:
        """Run `then` once the index is ready (now, if it is), building it if need be."""
        if self.is_ready:
            then()
            return
        self._waiting.append(then)
        self.build()

    async def ready(self) -> None:
        """Wait until the index is ready, building it if need be; SearchUnavailable if it fails."""
        while not self.is_ready:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            self.build()
            await waiter

    def built(self, facts: FactBase, index: SearchIndex) -> None:
        """A build finished (called on the event loop)."""
        self.building = False
        if facts is not self.facts:  # the file was reloaded meanwhile: build the new one
            self.build()
            return
        self._index = (facts, index)
        waiting, self._waiting = self._waiting, []
        waiters, self._waiters = self._waiters, []
        for then in waiting:
            then()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def failed(self, error: BaseException) -> None:
        """A build failed: nothing waiting will run; the next request tries again."""
        self.building = False
        self._waiting = []
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_exception(SearchUnavailable(str(error)))
