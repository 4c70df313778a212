"""Snapshots of the edit form (`C`) in both languages at both sizes: the Motor Valley project, its
budget typed as `3400억` and read back, the citation it now needs asked for.

Update after a deliberate change with
`pytest tests/snapshots/test_edit_form_snapshots.py --snapshot-update`, then read every changed SVG
with /work/shared/tools/svg-text before accepting it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from screenshots import NARROW, WIDE, entity_form
from tui.facts import FactBase, load
from tui.facts.model import Language
from tui.ui.app import FactsApp

BUNDLED_FILE = Path(__file__).resolve().parents[2] / "facts.toml"


@functools.cache
def bundled() -> FactBase:
    return load(BUNDLED_FILE)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("size", [NARROW, WIDE], ids=lambda s: f"{s[0]}x{s[1]}")
def test_edit_form(snap_compare, lang: Language, size: tuple[int, int]) -> None:
    app = FactsApp(bundled(), lang, watch=False)  # no file polling: nothing timed
    assert snap_compare(app, terminal_size=size, run_before=entity_form)
