"""`tui.facts` is a library without Textual: tools and the command line use it without loading the UI."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FACTS_DIR = REPO / "tui" / "facts"
MODULES = sorted(
    "tui.facts." + ".".join(p.relative_to(FACTS_DIR).with_suffix("").parts).removesuffix(".__init__")
    for p in FACTS_DIR.rglob("*.py")
    if p != FACTS_DIR / "__init__.py"
)
UI_PACKAGES = ("textual",)


def imported_after(code: str) -> set[str]:
    """Top-level package names in sys.modules after running `code` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_there_are_modules_to_check() -> None:
    assert {"tui.facts.model", "tui.facts.load", "tui.facts.index", "tui.facts.sanitize"} <= set(MODULES)


def test_importing_tui_facts_does_not_import_textual() -> None:
    packages = imported_after("import tui.facts")
    assert "tui" in packages
    assert not packages & set(UI_PACKAGES)


def test_importing_each_facts_module_does_not_import_textual() -> None:
    packages = imported_after("\n".join(f"import {name}" for name in MODULES))
    assert not packages & set(UI_PACKAGES)


def test_loading_the_bundled_file_does_not_import_textual() -> None:
    code = "from tui.facts import load\nfrom tui.facts.bundled import bundled_fact_file\nload(bundled_fact_file())"
    assert not imported_after(code) & set(UI_PACKAGES)


def test_command_line_check_does_not_import_textual() -> None:
    """`facts-tui check|list|show` stay fast: Textual is imported only when the explorer opens."""
    code = (
        "import contextlib, io\nfrom tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['check']) == 0\n"
        "    assert main(['show', 'lvis']) == 0\n"
        "    assert main(['list', 'org']) == 0\n"
    )
    assert not imported_after(code) & set(UI_PACKAGES)


def test_probe_detects_textual() -> None:
    """The check above can fail: importing textual shows up in the probe."""
    pytest.importorskip("textual")
    assert "textual" in imported_after("import textual")


@pytest.mark.parametrize("path", sorted(FACTS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_no_facts_module_imports_textual(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module)
    assert not {name for name in imported if name.split(".")[0] in UI_PACKAGES}
    text = path.read_text(encoding="utf-8")
    assert "import textual" not in text
    assert "from textual" not in text
