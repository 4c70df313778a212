"""The edit service (tui/ui/edit_service.py), without the app: what the explorer's saves, undo and
redo do to the file. Every test edits a copy of the bundled facts.toml in tmp_path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from new_entities import new_entity

from tui.facts import ENTITY_KINDS, FactFileError, load
from tui.facts.bundled import bundled_fact_file
from tui.facts.edit import FileChangedError, text_diff
from tui.facts.edit.change import ChangeError
from tui.facts.edit.plan import (
    add_entity,
    referrers,
    remove_entity,
    rename_entity,
    set_fields,
    suggest_id,
)
from tui.facts.edit.values import parse
from tui.ui.edit_service import EditService, NothingToChange, read_snapshot


@pytest.fixture
def fact_file(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    shutil.copyfile(bundled_fact_file(), path)
    return path


def service_for(path: Path) -> EditService:
    service = EditService(path)
    service.loaded(load(path), read_snapshot(path))
    return service


def founded(year: str):
    facts = load(bundled_fact_file())
    return set_fields("lvis", [parse(type(facts["lvis"]), "founded", year)], f"lvis.founded = {year}")


def test_a_file_changed_on_disk_is_refused_with_what_changed(fact_file: Path) -> None:
    service = service_for(fact_file)
    theirs = fact_file.read_text(encoding="utf-8").replace("founded = 2013", "founded = 2012")
    fact_file.write_text(theirs, encoding="utf-8")
    with pytest.raises(FileChangedError) as refused:
        service.apply(founded("2014"))
    assert "-founded = 2013" in refused.value.diff and "+founded = 2012" in refused.value.diff
    assert fact_file.read_text(encoding="utf-8") == theirs and not service.can_undo
    # Loaded again, the same planned change applies to what is on disk now.
    service.loaded(load(fact_file), read_snapshot(fact_file))
    service.apply(founded("2014"))
    assert "founded = 2014" in fact_file.read_text(encoding="utf-8")


def test_an_invalid_change_is_refused_and_the_file_untouched(fact_file: Path) -> None:
    original = fact_file.read_bytes()
    service = service_for(fact_file)
    facts = load(fact_file)
    bad = set_fields("lvis", [parse(type(facts["lvis"]), "parent", "no-such-org")], "")
    with pytest.raises(FactFileError) as refused:
        service.apply(bad)
    assert "no-such-org" in refused.value.format()
    with pytest.raises(NothingToChange):
        service.apply(founded("2013"))
    with pytest.raises(ChangeError):  # referred to, and no cascade
        service.apply(remove_entity("dip", cascade=False, summary=""))
    assert fact_file.read_bytes() == original and not service.can_undo


def test_every_kind_added_renamed_removed_then_undone_gives_the_original_bytes(tmp_path: Path) -> None:
    """One entity of every kind renamed and removed with its references, a new one of every kind
    added, on a file with CRLF line ends and a BOM; undoing all of it gives back every byte, and
    redoing it all gives back the last text."""
    path = tmp_path / "facts.toml"
    original = "\ufeff".encode() + bundled_fact_file().read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    service = service_for(path)
    for kind in ENTITY_KINDS:
        facts = load(path)
        service.loaded(facts, read_snapshot(path))
        entity = facts.of_kind(kind)[0]
        service.apply(rename_entity(entity.id, f"{entity.id}-renamed", "renamed"))
        service.loaded(facts := load(path), read_snapshot(path))
        assert f"{entity.id}-renamed" in facts and entity.id not in facts
        if kind == "source":  # the file's one source: removing it would leave facts uncited
            with pytest.raises(FactFileError, match="provenance"):
                service.apply(remove_entity(f"{entity.id}-renamed", cascade=True, summary="removed"))
            continue
        service.apply(remove_entity(f"{entity.id}-renamed", cascade=True, summary="removed"))
        service.loaded(facts := load(path), read_snapshot(path))
        assert f"{entity.id}-renamed" not in facts
        new_id, values = new_entity(facts, kind)
        service.apply(add_entity(kind, values, "added"))
        assert new_id in load(path)
    last = path.read_bytes()
    assert b"\r\n" in last and b"\n" not in last.replace(b"\r\n", b"")  # CRLF kept throughout
    while service.can_undo:
        service.undo()
    assert path.read_bytes() == original
    while service.can_redo:
        service.redo()
    assert path.read_bytes() == last


def test_the_file_keeps_its_mode(fact_file: Path) -> None:
    os.chmod(fact_file, 0o640)
    service = service_for(fact_file)
    service.apply(founded("2014"))
    assert oct(fact_file.stat().st_mode & 0o777) == oct(0o640)
    service.undo()
    assert oct(fact_file.stat().st_mode & 0o777) == oct(0o640)


def test_undo_refuses_a_file_someone_else_saved(fact_file: Path) -> None:
    service = service_for(fact_file)
    service.apply(founded("2014"))
    theirs = fact_file.read_text(encoding="utf-8") + "# theirs\n"
    fact_file.write_text(theirs, encoding="utf-8")
    with pytest.raises(FileChangedError) as refused:
        service.undo()
    assert "+# theirs" in refused.value.diff
    assert fact_file.read_text(encoding="utf-8") == theirs and service.can_undo


def test_a_removal_names_every_referrer_before_anything_is_written(fact_file: Path) -> None:
    """What the delete dialog lists is what the cascade removes, and a referrer that appears
    after it was listed stops the removal."""
    facts = load(fact_file)
    service = service_for(fact_file)
    listed = referrers(facts, "dip")
    assert listed and all(any(r.target == "dip" for r in facts[i].references()) for i in listed)
    with pytest.raises(ChangeError):
        service.apply(remove_entity("dip", cascade=True, summary="", listed=listed[1:]))
    service.apply(remove_entity("dip", cascade=True, summary="", listed=listed))
    after = load(fact_file)
    assert "dip" not in after
    assert not any(r.target == "dip" for e in after for r in e.references())


def test_ids_suggested_from_english_names_are_unique_slugs(fact_file: Path) -> None:
    facts = load(fact_file)
    assert suggest_id(facts, "organization", "Daegu Digital Bridge!") == "daegu-digital-bridge"
    assert suggest_id(facts, "organization", "LVIS") == "lvis-2"  # lvis is taken
    assert suggest_id(facts, "person", "") == "person"


lines = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "[[x]]\n", "\n", "d"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(lines, lines)
def test_the_fast_diff_applies_at_the_files_own_lines(before: list[str], after: list[str]) -> None:
    """The diff of a 50 MB file sets shared lines aside before difflib compares the rest; its
    hunks, applied to the text before, give the text after, at the file's own line numbers."""
    old, new = "".join(before), "".join(after)
    diff = text_diff(old, new, "a", "b")
    assert (diff == "") == (old == new)
    assert _patched(old.splitlines(), diff) == new.splitlines()


def _patched(old: list[str], diff: str) -> list[str]:
    """`old` with the hunks of a unified diff applied, their line numbers taken as written."""
    import re

    out: list[str] = []
    at = 0
    body = diff.splitlines()[2:] if diff else []
    n = 0
    while n < len(body):
        header = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", body[n])
        assert header, body[n]
        start = int(header[1]) - 1 if header[2] != "0" else int(header[1])
        out += old[at:start]
        at = start
        n += 1
        while n < len(body) and not body[n].startswith("@@"):
            line = body[n]
            if line[0] in " -":
                assert old[at] == line[1:]
                at += 1
            if line[0] in " +":
                out.append(line[1:])
            n += 1
    return out + old[at:]
