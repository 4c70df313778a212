"""The search index's life cycle (tui/ui/search_service.py), without an app: one build at a time,
those waiting are answered when it ends, a reload meanwhile builds again, a failure is told."""

from __future__ import annotations

import asyncio

import pytest

from tui.facts import FactBase, loads
from tui.ui.search_service import SearchService, SearchUnavailable


class Harness:
    """A service over a fact base the test can swap, recording the builds it starts."""

    def __init__(self, facts: FactBase) -> None:
        self.facts = facts
        self.started: list[FactBase] = []
        self.service = SearchService(lambda: self.facts, self.started.append)

    def finish(self) -> None:
        """The build started last ends well."""
        from tui.facts.search import SearchIndex

        facts = self.started[-1]
        self.service.built(facts, SearchIndex.build(facts))


@pytest.fixture
def harness(facts) -> Harness:
    return Harness(facts)


def test_one_build_at_a_time_and_everyone_waiting_is_answered(harness: Harness) -> None:
    ran: list[str] = []
    harness.service.when_ready(lambda: ran.append("first"))
    harness.service.when_ready(lambda: ran.append("second"))
    assert len(harness.started) == 1 and harness.service.building
    assert ran == [] and not harness.service.is_ready
    harness.finish()
    assert ran == ["first", "second"] and harness.service.is_ready
    harness.service.when_ready(lambda: ran.append("now"))  # ready: runs at once, no build
    assert ran[-1] == "now" and len(harness.started) == 1


def test_a_reload_during_the_build_builds_the_new_file(harness: Harness) -> None:
    ran: list[FactBase] = []
    harness.service.when_ready(lambda: ran.append(harness.service.facts))
    old = harness.facts
    harness.facts = loads(old.path.read_text(encoding="utf-8"))  # reloaded while the old one is indexed
    harness.finish()
    assert ran == [] and not harness.service.is_ready
    assert harness.started == [old, harness.facts]
    harness.finish()
    assert ran == [harness.facts] and harness.service.index.count("엘비스") >= 1


async def test_a_failed_build_tells_those_waiting_and_the_next_request_tries_again(harness: Harness) -> None:
    ran: list[str] = []
    harness.service.when_ready(lambda: ran.append("never"))
    waiting = asyncio.ensure_future(harness.service.ready())
    await asyncio.sleep(0)
    harness.service.failed(MemoryError("no room"))
    with pytest.raises(SearchUnavailable, match="no room"):
        await waiting
    assert ran == [] and not harness.service.building
    harness.service.when_ready(lambda: ran.append("later"))
    assert len(harness.started) == 2
    harness.finish()
    assert ran == ["later"]
