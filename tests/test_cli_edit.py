"""`facts-tui set|add|rename|rm`: validate first, write atomically, exit 0/1/2 as the README says."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.cli_runner import runner
from tests.conftest import BUNDLED_FILE
from tui.facts import load


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    path.write_bytes(BUNDLED_FILE.read_bytes())
    path.chmod(0o640)
    return path


def test_set_changes_one_line_and_keeps_the_mode(copy: Path, capsys) -> None:
    before = copy.read_text(encoding="utf-8").splitlines()
    result = runner(capsys, "set")("lvis", "valuation.money", "760억", str(copy))
    assert result.status == 0, result
    after = copy.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and "amount = 76000000000" in changed[0][1]
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o640
    assert load(copy, cache=False)["lvis"].valuation.money.amount == 76_000_000_000


def test_dry_run_prints_the_diff_and_writes_nothing(copy: Path, capsys) -> None:
    original = copy.read_bytes()
    result = runner(capsys, "set")("lvis", "founded", "2014", str(copy), "--dry-run")
    assert result.status == 0
    assert "-founded = 2013" in result.out and "+founded = 2014" in result.out
    assert copy.read_bytes() == original


def test_unknown_ids_and_fields_exit_1_with_did_you_mean(copy: Path, capsys) -> None:
    run = runner(capsys, "set")
    unknown_id = run("lvs", "founded", "2014", str(copy))
    assert unknown_id.status == 1 and "lvis" in unknown_id.err
    unknown_field = run("lvis", "fonded", "2014", str(copy))
    assert unknown_field.status == 1 and "founded" in unknown_field.err


def test_a_change_that_breaks_the_file_exits_2_and_leaves_it_untouched(copy: Path, capsys) -> None:
    original = copy.read_bytes()
    result = runner(capsys, "set")("lvis", "parent", "nosuch", str(copy))
    assert result.status == 2
    # The bundled file is Korean: its problems are said in Korean, as `check` says them.
    assert f"{copy}:" in result.err and "모기관 'nosuch'이(가) 없습니다" in result.err
    assert copy.read_bytes() == original


def test_an_invalid_file_is_not_edited(copy: Path, capsys) -> None:
    copy.write_text(copy.read_text(encoding="utf-8").replace('id = "dip"', 'id = "lvis"'), encoding="utf-8")
    original = copy.read_bytes()
    result = runner(capsys, "set")("lvis", "founded", "2014", str(copy))
    assert result.status == 2 and "식별자 'lvis'이(가) 겹칩니다" in result.err
    assert copy.read_bytes() == original


def test_rm_refuses_while_others_refer_and_names_them(copy: Path, capsys) -> None:
    original = copy.read_bytes()
    refused = runner(capsys, "rm")("dip", str(copy))
    assert refused.status == 2
    assert "mou-digital-brain" in refused.err and "kim-yu-hyun" in refused.err
    assert copy.read_bytes() == original
    done = runner(capsys, "rm")("dip", str(copy), "--cascade")
    assert done.status == 0
    facts = load(copy, cache=False)
    assert "dip" not in facts and not facts.backlinks("dip")


def test_rename_moves_every_reference(copy: Path, capsys) -> None:
    before = load(copy, cache=False)
    links = sorted((link.role, link.entity.id) for link in before.backlinks("dip"))
    result = runner(capsys, "rename")("dip", "daegu-dip", str(copy))
    assert result.status == 0, result
    after = load(copy, cache=False)
    assert sorted((link.role, link.entity.id) for link in after.backlinks("daegu-dip")) == links


def test_rename_to_a_taken_or_bad_id_is_refused(copy: Path, capsys) -> None:
    original = copy.read_bytes()
    for new in ("lvis", "Not An Id"):
        result = runner(capsys, "rename")("dip", new, str(copy))
        assert result.status == 2, (new, result)
    assert copy.read_bytes() == original


def test_add_creates_an_entity_with_its_source(copy: Path, capsys) -> None:
    result = runner(capsys, "add")(
        "org",
        "acme",
        str(copy),
        "--set",
        "name.en=Acme",
        "--set",
        "kind=company",
        "--source",
        "donga-2023-03-07:4",
    )
    assert result.status == 0, result
    acme = load(copy, cache=False)["acme"]
    assert acme.name.en == "Acme" and acme.provenance[0].paragraph == 4


def test_add_without_a_source_is_refused_as_check_would(copy: Path, capsys) -> None:
    original = copy.read_bytes()
    result = runner(capsys, "add")("org", "acme", str(copy), "--set", "name.en=Acme", "--set", "kind=company")
    assert result.status == 2 and "provenance" in result.err
    assert copy.read_bytes() == original


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(copy: Path, monkeypatch, capsys) -> None:
    from tui.facts.edit import Edit

    real_write = Edit.write

    def someone_else_saves_first(edit: Edit) -> None:
        copy.write_text(edit.before.replace("founded = 2013", "founded = 2012"), encoding="utf-8")
        real_write(edit)

    monkeypatch.setattr(Edit, "write", someone_else_saves_first)
    result = runner(capsys, "set")("lvis", "founded", "2014", str(copy))
    assert result.status == 2 and "changed on disk" in result.err
    assert "founded = 2012" in copy.read_text(encoding="utf-8")
