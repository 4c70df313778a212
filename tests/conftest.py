"""Shared fixtures: the bundled fact base, small fact files written for a test, a clean CLI environment."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.facts import FactBase, load

REPO = Path(__file__).resolve().parent.parent
"""The checkout's top level (where pyproject.toml and the bundled facts.toml live)."""
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED_FILE = REPO / "facts.toml"


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tests never read or write the user's cache of validated fact files (nor do their subprocesses)."""
    directory = tmp_path_factory.mktemp("facts-tui-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTS_TUI_CACHE_DIR", str(directory))
        yield directory


@pytest.fixture(scope="session")
def bundled() -> FactBase:
    """The bundled Daegu fact file, loaded once per session (a FactBase is immutable)."""
    return load(BUNDLED_FILE)


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def minimal_text() -> str:
    """A small valid fact file with one entity of every kind (tests/fixtures/minimal.toml)."""
    return (FIXTURES / "minimal.toml").read_text(encoding="utf-8")


@pytest.fixture
def write_facts(tmp_path: Path) -> Callable[..., Path]:
    """`write_facts(text, name="facts.toml")` writes a fact file into tmp_path and returns its path.

    `text` may be bytes, for files that are not valid UTF-8.
    """

    def write(text: str | bytes, name: str = "facts.toml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return write


@pytest.fixture
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a user sees when stdout is a pipe: no colour forced, a fixed and wide enough width."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("LINES", "40")
