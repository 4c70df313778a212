"""An export file's permissions: a new file gets the user's default (the umask), a replaced one keeps
its own. (A temporary file made by `tempfile.mkstemp` is 0600, which must not leak into the result.)"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.facts import FactBase
from tui.facts.export import export_to_path, write_csv_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o077, 0o002])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


@pytest.mark.parametrize("overwrite", [False, True])
@pytest.mark.parametrize(
    ("fmt", "name", "kind"),
    [("json", "f.json", None), ("markdown", "f.md", None), ("csv", "p.csv", "person")],
)
def test_a_new_file_gets_the_umask_default(
    bundled: FactBase, tmp_path: Path, umask: int, overwrite: bool, fmt: str, name: str, kind: str | None
) -> None:
    target = tmp_path / name
    export_to_path(bundled, fmt, target, kind=kind, overwrite=overwrite)
    assert mode(target) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


@pytest.mark.parametrize("existing", [0o644, 0o664, 0o600, 0o640, 0o444])
def test_overwriting_keeps_the_files_mode(
    bundled: FactBase, tmp_path: Path, umask: int, existing: int
) -> None:
    target = tmp_path / "f.md"
    target.write_text("my notes\n", encoding="utf-8")
    target.chmod(existing)
    export_to_path(bundled, "markdown", target, overwrite=True, lang="en")
    assert mode(target) == existing
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["f.md"]


def test_a_csv_directory_keeps_modes_and_new_files_get_the_default(
    bundled: FactBase, tmp_path: Path, umask: int
) -> None:
    out = tmp_path / "csv"
    written = write_csv_dir(bundled, out)
    assert {mode(p) for p in written} == {0o666 & ~umask}
    written[0].chmod(0o640)
    written[1].unlink()
    write_csv_dir(bundled, out, overwrite=True)
    assert mode(written[0]) == 0o640
    assert {mode(p) for p in written[1:]} == {0o666 & ~umask}
