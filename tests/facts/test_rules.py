"""The rules of a valid fact file (tui/facts/rules.py), asked two ways by the loader: the fast check
(`rules.fine`, table by table, "all fine?") and the full one (every problem, located), which
`FACTS_TUI_FULL_CHECK=1` makes every load take. Generated files are broken at random places, every
rule and every reference field in turn, and the two ways must agree on each.
"""

from __future__ import annotations

import importlib.util
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
import tomli

from tui.facts import FactFileError, load, loads
from tui.facts.edit.check import check_change
from tui.facts.fields import KINDS
from tui.facts.load import FULL_CHECK
from tui.facts.model import ENTITY_TYPES, FactFile
from tui.facts.rules import REFERENCES, RULES, fine

REPO = Path(__file__).resolve().parents[2]


def _generated(entities: int, seed: int, cited: float = 0.5) -> str:
    spec = importlib.util.spec_from_file_location("facts_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(entities, seed, cited)


@pytest.fixture(scope="module")
def small() -> str:
    return _generated(60, seed=5)


def said(problems: list) -> list[tuple]:
    return [(p.where, str(p.message), str(p.hint), p.line, p.col) for p in problems]


def full_check(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """The problems the full check finds in `text` (none: it loads)."""
    with monkeypatch.context() as m:
        m.setenv(FULL_CHECK, "1")
        try:
            loads(text, "broken.toml")
        except FactFileError as error:
            return said(error.problems)
    return []


# -- breaking a generated file -------------------------------------------------------------------------

_ID = re.compile(r'"((?:org|person|agr|proj|evt|src)-\d+)"')
_CITABLE = sorted({f.key for table in KINDS.values() for f in table.fields})


def _lines(text: str, start: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n")) if line.startswith(start)]


def _retarget(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    """A reference, provenance's source too, pointed at another id of any kind or at nothing."""
    refs = [i for i, line in enumerate(lines) if _ID.search(line) and not line.startswith("id = ")]
    i = rng.choice(refs)
    lines[i] = _ID.sub(f'"{rng.choice([*ids, "nobody-1"])}"', lines[i], count=1)


def _duplicate_id(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    a, b = rng.sample([i for i, line in enumerate(lines) if line.startswith("id = ")], 2)
    lines[b] = lines[a]


def _unname(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    i = rng.choice([i for i, line in enumerate(lines) if line.startswith("name = ")])
    lines[i] = rng.choice(("name = { ko = '' }", 'name = { en = "" }', "name = {}"))


def _undate(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    spots = [i for i, line in enumerate(lines) if line.startswith(("date = ", "date_note = "))]
    del lines[rng.choice(spots)]


def _reverse_period(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    i = rng.choice([i for i, line in enumerate(lines) if line.startswith("period = ")])
    lines[i] = f"period = {{ start = 2020, end = {rng.choice((2019, 2020, 2021))} }}"


def _reverse_role(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    i = rng.choice([i for i, line in enumerate(lines) if line.startswith("since = ")])
    if lines[i + 1].startswith("until = "):
        del lines[i + 1]
    lines[i] = f"since = 2020\nuntil = {rng.choice((2019, 2019, 2020, 2021))}"


def _parent(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    i = rng.choice([i for i, line in enumerate(lines) if line.startswith('id = "org-')])
    own, other = lines[i][5:], '"' + rng.choice(ids) + '"'
    lines.insert(i + 1, "parent = " + rng.choice([own, other]))


def _currency(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    i = rng.choice([i for i, line in enumerate(lines) if 'currency = "' in line])
    code = rng.choice(("WON", "XYZ", "EUR", "USD"))
    lines[i] = re.sub(r'currency = "[A-Z]{3}"', f'currency = "{code}"', lines[i], count=1)


def _cite(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    """A name, citable for some kind or for none, added to an entry's `fields`."""
    i = rng.choice([i for i, line in enumerate(lines) if "fields = [" in line])
    name = rng.choice([*_CITABLE, "nope", "Name"])
    lines[i] = lines[i].replace("fields = [", f'fields = ["{name}", ', 1)


def _drop_entity(lines: list[str], rng: random.Random, ids: list[str]) -> None:
    starts = [i for i, line in enumerate(lines) if line.startswith("[[") and "." not in line]
    i = rng.choice(starts[1:-1])
    del lines[i : next(j for j in starts if j > i)]


BREAKS: dict[str, Callable[[list[str], random.Random, list[str]], None]] = {
    "reference": _retarget,
    "duplicate id": _duplicate_id,
    "name": _unname,
    "date": _undate,
    "period": _reverse_period,
    "role": _reverse_role,
    "parent": _parent,
    "currency": _currency,
    "citation": _cite,
    "dropped entity": _drop_entity,
}
"""Each may break one rule or reference at a random place of a file's lines, or leave it valid."""


def broken(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """`text` after one or two random breaks, and their names."""
    lines, names, ids = text.split("\n"), [], _ID.findall(text)
    for _ in range(rng.choice((1, 1, 2))):
        name = rng.choice(list(BREAKS))
        BREAKS[name](lines, rng, ids)
        names.append(name)
    return "\n".join(lines), names


# -- the fast and the full check agree -----------------------------------------------------------------


def test_the_fast_check_finds_a_file_fine_exactly_when_the_full_check_finds_no_problem(
    small: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(11)
    outcomes: Counter = Counter()
    for _ in range(120):
        text, done = broken(small, rng)
        try:
            facts = msgspec.convert(tomli.loads(text), FactFile)
        except (tomli.TOMLDecodeError, msgspec.ValidationError):
            continue  # a problem of syntax or structure: the rules are not asked
        problems = full_check(text, monkeypatch)
        assert fine(facts) is (not problems), (done, problems[:3])
        if problems:  # the default load (fast check first) reports the very same problems
            with pytest.raises(FactFileError) as error:
                loads(text, "broken.toml")
            assert said(error.value.problems) == problems
            assert all(line for _, _, _, line, _ in problems), "every problem is located"
        else:
            loads(text, "broken.toml")
        outcomes.update((name, bool(problems)) for name in done)
    for name in BREAKS:
        assert outcomes[name, True] >= 3, f"{name}: refused only {outcomes[name, True]} times"
    assert sum(n for (_, bad), n in outcomes.items() if not bad) > 10


def test_a_large_file_broken_in_one_place_is_refused_alike_on_the_chunked_fast_path_and_the_full_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _generated(2_500, seed=7)
    assert len(text) > 1_000_000  # read in pieces first (tui.facts.chunks)
    path = tmp_path / "big.toml"
    path.write_text(text, encoding="utf-8")
    facts = load(path, cache=False)
    assert len(list(facts)) == 2_500
    at = text.index('currency = "KRW"')
    path.write_text(text[:at] + 'currency = "WON"' + text[at + 16 :], encoding="utf-8")
    with pytest.raises(FactFileError) as fast:
        load(path, cache=False)
    monkeypatch.setenv(FULL_CHECK, "1")
    with pytest.raises(FactFileError) as full:
        load(path, cache=False)
    assert said(fast.value.problems) == said(full.value.problems)
    assert [p.message for p in full.value.problems] == ["'WON' is not an ISO 4217 currency code"]


# -- the table-wise forms give what the per-entity forms give ------------------------------------------


@pytest.fixture(scope="module")
def samples(small: str, bundled_text: str, minimal_text: str) -> list[FactFile]:
    """Valid and broken files, converted: every field and rule has values in them."""
    rng = random.Random(3)
    texts = [bundled_text, minimal_text, _generated(300, seed=4, cited=1.0)]
    texts += [broken(small, rng)[0] for _ in range(40)]
    out = []
    for text in texts:
        try:
            out.append(msgspec.convert(tomli.loads(text), FactFile))
        except (tomli.TOMLDecodeError, msgspec.ValidationError):
            continue
    return out


def test_each_reference_fields_targets_in_a_table_are_what_references_finds_under_it(
    samples: list[FactFile],
) -> None:
    met = set()
    for facts in samples:
        for entity_type in ENTITY_TYPES:
            rows = getattr(facts, entity_type.TABLE)
            for ref in REFERENCES[entity_type.KIND]:
                per_entity = [r.target for e in rows for r in e.references() if r.field == ref.key]
                assert ref.targets_in(rows) == per_entity, (entity_type.KIND, ref.key)
                if per_entity:
                    met.add((entity_type.KIND, ref.key))
    assert met == {(kind, ref.key) for kind, refs in REFERENCES.items() for ref in refs}


def test_each_rules_values_in_a_table_are_the_values_of_its_places(samples: list[FactFile]) -> None:
    met = set()
    for facts in samples:
        for entity_type in ENTITY_TYPES:
            rows = getattr(facts, entity_type.TABLE)
            for i, rule in enumerate(RULES):
                if entity_type.KIND not in rule.kinds or rule.values is None or rule.places is None:
                    continue
                places = [value for e in rows for _, value in rule.places(e)]
                assert set(rule.values(rows)) == set(places), (entity_type.KIND, i)
                if places:
                    met.add((entity_type.KIND, i))
    with_values = {(k, i) for i, r in enumerate(RULES) if r.values is not None for k in r.kinds}
    assert met == with_values, "every table-wise form met values"


def test_every_reference_field_of_the_field_table_is_declared_with_its_kinds() -> None:
    for kind, table in KINDS.items():
        declared = {ref.key: ref.kinds for ref in REFERENCES[kind]}
        assert declared == {f.key: f.kinds for f in table.fields if f.kinds}


# -- the edit service's fast check -------------------------------------------------------------------


def test_an_edit_citing_a_field_the_kind_does_not_have_is_refused(bundled_text: str) -> None:
    before = loads(bundled_text, "facts.toml")
    start = bundled_text.index('id = "lvis"')
    at = bundled_text.index("fields = [", start)
    after = bundled_text[:at] + 'fields = ["nope", ' + bundled_text[at + len("fields = [") :]
    with pytest.raises(FactFileError) as caught:
        check_change(before, after, ["lvis"], "facts.toml")
    assert "nope" in caught.value.format()
