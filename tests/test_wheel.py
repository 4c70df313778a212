"""The wheel works on its own: it carries the bundled fact file and finds it, away from the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the checkout (pip wheel --no-deps, so only the build backend is fetched)."""
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 and "No matching distribution found for hatchling" in result.stderr:
        pytest.skip("the build backend (hatchling) is not available offline")
    assert result.returncode == 0, result.stderr
    (built,) = dist.glob("facts_tui-*.whl")
    return built


@pytest.fixture(scope="module")
def unpacked(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def run_from(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python ARGS` with the unpacked wheel first on the path; dependencies come from this environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_wheel_contains_the_package_and_the_data(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        data = archive.read("tui/data/facts.toml")
        schema = archive.read("tui/data/facts.schema.json")
        entry_points = next(
            archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")
        )
    for name in (
        "tui/__init__.py",
        "tui/__main__.py",
        "tui/cli.py",
        "tui/render/entity.py",
        "tui/commands/check.py",
        "tui/facts/model.py",
        "tui/facts/load.py",
        "tui/data/facts.toml",
        "tui/data/facts.schema.json",
    ):
        assert name in names, name
    assert not any(n.startswith(("tests/", "benchmarks/", ".venv/", ".git/")) for n in names)
    assert data == (REPO / "facts.toml").read_bytes()
    assert schema == (REPO / "facts.schema.json").read_bytes()
    assert "facts-tui = tui.cli:run" in entry_points


def test_wheel_contains_every_stylesheet(wheel: Path) -> None:
    """Screens read their .tcss at run time: one left out fails only when its screen opens."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    stylesheets = {p.relative_to(REPO).as_posix() for p in (REPO / "tui").rglob("*.tcss")}
    assert "tui/ui/screens/dialog.tcss" in stylesheets
    assert stylesheets <= names, sorted(stylesheets - names)


def test_unpacked_wheel_is_imported_instead_of_the_checkout(unpacked: Path, tmp_path: Path) -> None:
    code = (
        "import tui\nfrom tui.facts.bundled import bundled_fact_file\n"
        "print(tui.__file__)\nprint(bundled_fact_file())"
    )
    result = run_from(unpacked, "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    module_file, bundled = result.stdout.splitlines()
    assert Path(module_file).is_relative_to(unpacked)
    assert Path(bundled) == unpacked / "tui" / "data" / "facts.toml"


def test_installed_check_finds_the_bundled_file(unpacked: Path, tmp_path: Path) -> None:
    result = run_from(unpacked, "-m", "tui", "check", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{unpacked / 'tui' / 'data' / 'facts.toml'}: valid" in result.stdout
    assert "32" in result.stdout


def test_installed_show_works(unpacked: Path, tmp_path: Path) -> None:
    result = run_from(unpacked, "-m", "tui", "show", "lvis", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3356억 원 (KRW 335.6 billion)" in result.stdout
