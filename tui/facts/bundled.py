"""Where the bundled fact file (the Daegu article) lives, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_fact_file() -> Path:
    """The bundled `facts.toml`: inside the wheel (`tui/data/`), else at the checkout's top level."""
    installed = _PACKAGE / "data" / "facts.toml"
    return installed if installed.is_file() else _PACKAGE.parent / "facts.toml"
