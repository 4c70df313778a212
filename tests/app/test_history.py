"""`tui.ui.history.History`: back and forward through visited entities, like a browser."""

from __future__ import annotations

from tui.ui.history import History


def visited(*ids: str, limit: int = 500) -> History:
    history = History(limit=limit)
    for entity_id in ids:
        history.visit(entity_id)
    return history


def test_empty_history_has_nowhere_to_go() -> None:
    history = History()
    assert history.current is None
    assert history.back() is None
    assert history.forward() is None
    assert history.trail() == []
    assert len(history) == 0


def test_visit_back_and_forward() -> None:
    history = visited("a", "b", "c")
    assert history.current == "c"
    assert history.can_go_back and not history.can_go_forward
    assert history.back() == "b"
    assert history.back() == "a"
    assert history.back() is None
    assert history.current == "a"
    assert history.forward() == "b"
    assert history.forward() == "c"
    assert history.forward() is None
    assert history.current == "c"


def test_visiting_the_current_entity_adds_no_step() -> None:
    history = visited("a", "a", "b", "b")
    assert len(history) == 2
    assert history.back() == "a"
    assert history.back() is None


def test_visit_after_back_drops_the_forward_steps() -> None:
    history = visited("a", "b", "c")
    history.back()
    history.back()
    history.visit("d")
    assert history.current == "d"
    assert not history.can_go_forward
    assert history.forward() is None
    assert history.trail() == ["a", "d"]
    assert history.back() == "a"


def test_replace_changes_the_current_step_without_adding_one() -> None:
    history = visited("a", "b")
    history.replace("c")
    assert history.current == "c"
    assert len(history) == 2
    assert history.back() == "a"
    assert history.forward() == "c"


def test_replace_keeps_the_forward_steps() -> None:
    history = visited("a", "b", "c")
    history.back()
    history.replace("x")
    assert history.trail() == ["a", "x"]
    assert history.forward() == "c"


def test_first_replace_starts_the_history() -> None:
    history = History()
    history.replace("a")
    assert history.current == "a"
    assert len(history) == 1
    history.replace("b")
    assert history.current == "b"
    assert len(history) == 1


def test_replace_onto_the_previous_step_merges_the_two() -> None:
    history = visited("a", "b")
    history.replace("a")
    assert history.current == "a"
    assert len(history) == 1
    assert history.trail() == ["a"]
    assert history.back() is None


def test_replace_onto_an_older_step_does_not_merge() -> None:
    history = visited("a", "b", "c")
    history.replace("a")
    assert history.trail() == ["a", "b", "a"]


def test_trail_is_the_last_steps_up_to_the_current_one() -> None:
    history = visited(*"abcdefg")
    assert history.trail() == list("cdefg")
    assert history.trail(3) == list("efg")
    history.back()
    history.back()
    assert history.trail() == list("abcde")
    assert history.trail(2) == list("de")


def test_keep_only_forgets_unknown_ids_and_merges_repeats() -> None:
    history = visited("a", "gone", "a", "b", "c")
    history.back()  # at b
    history.keep_only({"a", "b", "c"})
    assert len(history) == 3  # a, a merged after 'gone' went
    assert history.current == "b"
    assert history.back() == "a"
    assert history.back() is None
    assert history.forward() == "b"
    assert history.forward() == "c"


def test_keep_only_when_the_current_id_is_gone_moves_to_the_step_before_it() -> None:
    history = visited("a", "b", "c")
    history.back()  # at b
    history.keep_only(frozenset({"a", "c"}))
    assert history.current == "a"
    assert history.trail() == ["a"]
    assert history.forward() == "c"


def test_keep_only_keeps_the_position_at_a_repeated_id() -> None:
    history = visited("a", "b", "a", "c")
    history.back()  # at the second a
    history.keep_only({"a", "b", "c"})
    assert history.current == "a"
    assert history.forward() == "c"


def test_keep_only_that_forgets_nothing_changes_nothing() -> None:
    history = visited("a", "b", "a")
    history.back()
    history.back()  # at the first a
    history.keep_only({"a", "b"})
    assert history.current == "a"
    assert history.back() is None
    assert history.forward() == "b"


def test_keep_only_everything_gone_empties_the_history() -> None:
    history = visited("a", "b")
    history.keep_only(set())
    assert history.current is None
    assert len(history) == 0
    assert history.back() is None


def test_limit_drops_the_oldest_steps() -> None:
    history = visited(*"abcdef", limit=3)
    assert len(history) == 3
    assert history.current == "f"
    assert history.back() == "e"
    assert history.back() == "d"
    assert history.back() is None
