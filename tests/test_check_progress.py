"""`facts-tui check` shows a progress bar on a terminal when loading takes a while, and nothing
extra when stderr is not a terminal; `load` reports its progress and can be stopped."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cli_runner import runner

from tui.commands import check
from tui.facts import chunks, load
from tui.facts.problems import LoadCancelled

BUNDLED_FILE = Path(__file__).resolve().parent.parent / "facts.toml"
BROKEN_BIG = BUNDLED_FILE.read_text(encoding="utf-8") + '\n[[organizations]]\nid = "Not An Id"\n'


@pytest.fixture
def in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read even the small bundled file piece by piece (one piece per entity), as a big file is."""
    monkeypatch.setattr(chunks, "MIN_CHARS", 0)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 1)
    monkeypatch.setenv("FACTS_TUI_NO_CACHE", "1")


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch, in_pieces: None) -> None:
    """Every check takes 'longer than' the delay before the bar appears, and every step redraws."""
    monkeypatch.setattr(check, "PROGRESS_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(check, "REDRAW_SECONDS", 0.0)


def terminal(monkeypatch: pytest.MonkeyPatch, is_tty: bool) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: is_tty)


def test_a_slow_check_on_a_terminal_shows_a_progress_bar_on_stderr(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, slow: None
) -> None:
    run = runner(capsys, "check")
    terminal(monkeypatch, True)
    result = run("--lang", "en", str(BUNDLED_FILE))
    assert result.status == 0
    assert "Loading facts.toml…" in result.err
    assert "entities" in result.err and "%" in result.err and "━" in result.err
    assert "\x1b[2K" in result.err  # erased when done: the terminal is left with the result only
    plain = run("--lang", "en", str(BUNDLED_FILE))  # stdout is the same as without a bar
    assert plain.out == result.out


def test_a_check_with_stderr_piped_prints_nothing_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, slow: None
) -> None:
    terminal(monkeypatch, False)
    result = runner(capsys, "check")(str(BUNDLED_FILE))
    assert result.status == 0
    assert result.err == ""


def test_a_quick_check_on_a_terminal_shows_no_bar(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, in_pieces: None
) -> None:
    terminal(monkeypatch, True)
    result = runner(capsys, "check")(str(BUNDLED_FILE))  # milliseconds: under the half second
    assert result.status == 0
    assert result.err == ""


def test_a_bad_file_on_a_terminal_reports_its_problems_after_the_bar_is_gone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, slow: None, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text(BROKEN_BIG, encoding="utf-8")
    run = runner(capsys, "check")
    terminal(monkeypatch, False)
    piped = run(str(bad))
    terminal(monkeypatch, True)
    on_terminal = run(str(bad))
    assert piped.status == on_terminal.status == 2
    assert "Not An Id" in piped.err
    assert on_terminal.err.endswith(piped.err)  # the same report, whole, after the erased bar
    assert "━" in on_terminal.err


def test_load_reports_progress_up_to_every_entity(in_pieces: None) -> None:
    seen: list[tuple[float, int]] = []
    facts = load(BUNDLED_FILE, progress=lambda fraction, entities: seen.append((fraction, entities)))
    fractions = [f for f, _ in seen]
    entities = [n for _, n in seen]
    assert fractions == sorted(fractions) and entities == sorted(entities)
    assert len(set(entities)) > 10  # piece by piece, not all at the end
    assert fractions[-1] == 1.0 and entities[-1] == len(facts)


def test_a_progress_callback_can_stop_a_load(in_pieces: None) -> None:
    calls = 0

    def stop_at_the_fifth(fraction: float, entities: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):  # not swallowed on the way (chunks gives up on Exceptions)
        load(BUNDLED_FILE, progress=stop_at_the_fifth)
    assert calls == 5
