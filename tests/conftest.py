"""Shared fixtures: the bundled fact base, small fact files written for a test, a clean CLI environment."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.facts import FactBase, load

REPO = Path(__file__).resolve().parent.parent
"""The checkout's top level (where pyproject.toml and the bundled facts.toml live)."""
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED_FILE = REPO / "facts.toml"

PRIVATE_CACHE = pytest.StashKey[Path]()
"""The session's temporary directory standing in for the user's cache directories."""
_SAVED_ENV = pytest.StashKey[dict[str, str | None]]()


def pytest_configure(config: pytest.Config) -> None:
    """Point the fact-file cache, and the XDG cache home, at a temporary directory.

    This runs before any test module is imported: modules that load a fact file at import, and
    every subprocess, see the private directory, so the test suite never reads or writes the
    user's cache (platformdirs.user_cache_dir).
    """
    root = Path(tempfile.mkdtemp(prefix="facts-tui-tests-"))
    private = {"FACTS_TUI_CACHE_DIR": root / "facts-tui-cache", "XDG_CACHE_HOME": root / "xdg-cache"}
    config.stash[PRIVATE_CACHE] = private["FACTS_TUI_CACHE_DIR"]
    config.stash[_SAVED_ENV] = {name: os.environ.get(name) for name in private}
    for name, directory in private.items():
        directory.mkdir()
        os.environ[name] = str(directory)


def pytest_unconfigure(config: pytest.Config) -> None:
    for name, value in config.stash.get(_SAVED_ENV, {}).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if PRIVATE_CACHE in config.stash:
        shutil.rmtree(config.stash[PRIVATE_CACHE].parent, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """Tests never read or write the user's cache of validated fact files (nor do their subprocesses).

    The directory is made, and the variables set, by `pytest_configure`, before any test module
    is imported; this fixture hands the directory to the tests that look into it.
    """
    directory = pytestconfig.stash[PRIVATE_CACHE]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTS_TUI_CACHE_DIR", str(directory))
        # Nor the user's settings file (tui/commands/settings.py): a missing default file means the defaults.
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
        patch.delenv("FACTS_TUI_CONFIG", raising=False)
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
