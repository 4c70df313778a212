"""Reading a large fact file piece by piece (tui/facts/chunks.py) gives exactly what reading it whole gives.

Every test loads the same text twice: once with the whole-document parse only (the loader as it was),
once with pieces allowed (`chunks.MIN_CHARS` lowered, and `chunks.CHUNK_CHARS` lowered so that small
texts are cut into many pieces; 1 cuts before every top-level ``[[table]]`` line). The FactBase (meta
and every entity, as builtins) or the complete list of problems (line, col, where, message, hint,
excerpt, and the formatted report) must be identical. A spy on `chunks.read` also says whether the
pieces gave the answer or the whole-document path did, so that a test of a valid file fails if
chunking silently never happens, and a test of a tricky file fails if the pieces were trusted when
they must not be.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec
import pytest
import tomli

from tui.facts import FactFileError, chunks, load, loads
from tui.facts.load import _convert
from tui.facts.model import ENTITY_KINDS, ENTITY_TYPES, FactFile

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parents[1] / "benchmarks" / "generate.py"
LOAD_ERRORS = HERE / "test_load_errors.py"
WHOLE = 10**18
"""A MIN_CHARS no text reaches: the whole-document path only."""


def _module(path: Path, name: str) -> ModuleType:
    if not path.exists():
        pytest.skip(f"{path.name} is not there")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> Callable[[int, int], str]:
    """benchmarks/generate.py's `generate(entities, seed)`: a valid fact file of realistic shape."""
    return _module(GENERATOR, "facts_generate_for_chunks").generate


@pytest.fixture(scope="module")
def base(generate: Callable[[int, int], str]) -> str:
    """300 entities: big enough for every table and sub-table, small enough to load many times."""
    return generate(300, 5)


# -- loading a text both ways --------------------------------------------------------------------------


def outcome_of(run: Callable[[], Any]) -> tuple:
    """What a load gives, comparable with ==: the FactBase as builtins, or every problem in full."""
    try:
        facts = run()
    except FactFileError as exc:
        return "problems", exc.problems, exc.format()
    return (
        "facts",
        msgspec.to_builtins(facts.meta),
        {kind: [msgspec.to_builtins(e) for e in facts.of_kind(kind)] for kind in ENTITY_KINDS},
    )


def as_outcome(facts: FactFile) -> tuple:
    """A FactFile as `outcome_of` shows the FactBase made of it."""
    return (
        "facts",
        msgspec.to_builtins(facts.meta),
        {t.KIND: [msgspec.to_builtins(e) for e in getattr(facts, t.TABLE)] for t in ENTITY_TYPES},
    )


def both(
    run: Callable[[], Any], chunk_chars: int | None = 1, min_chars: int = 0
) -> tuple[tuple, tuple, list[FactFile | None]]:
    """(whole outcome, outcome with pieces allowed, what each call of `chunks.read` answered)."""
    answers: list[FactFile | None] = []
    real_read = chunks.read

    def spy(*args: Any, **kwargs: Any) -> FactFile | None:
        got = real_read(*args, **kwargs)
        answers.append(got)
        return got

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunks, "read", spy)
        patch.setattr(chunks, "MIN_CHARS", WHOLE)
        whole = outcome_of(run)
        assert answers == [], "the whole-document path must not call chunks.read"
        patch.setattr(chunks, "MIN_CHARS", min_chars)
        if chunk_chars is not None:
            patch.setattr(chunks, "CHUNK_CHARS", chunk_chars)
        pieces = outcome_of(run)
    return whole, pieces, answers


def read_in_pieces(whole: tuple, answers: list[FactFile | None]) -> bool:
    """Whether the one call of chunks.read gave a FactFile; for a valid file, it must be the outcome itself."""
    assert len(answers) == 1, f"chunks.read was called {len(answers)} times"
    if answers[0] is not None and whole[0] == "facts":
        assert as_outcome(answers[0]) == whole, "the loader threw the pieces' FactFile away"
    return answers[0] is not None


def check(text: str, trusted: bool, valid: bool | None = None, chunk_chars: int = 1) -> tuple:
    """Load `text` both ways; assert the same outcome, and whether the pieces gave a FactFile.

    `trusted`: chunks.read answered with a FactFile (for a valid file, the outcome itself, not one
    the loader then threw away); otherwise it gave up and the whole-document parse decided.
    """
    whole, pieces, answers = both(lambda: loads(text, "t.toml"), chunk_chars)
    assert pieces == whole
    assert read_in_pieces(whole, answers) is trusted
    if valid is not None:
        assert (whole[0] == "facts") is valid, whole[1:2]
    return whole


def replace_nth(text: str, old: str, new: str, n: int) -> str:
    """`text` with the n-th (0-based) occurrence of `old` replaced."""
    at = -1
    for _ in range(n + 1):
        at = text.index(old, at + 1)
    return text[:at] + new + text[at + len(old) :]


# -- valid generated files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entities", "seed", "chunk_chars"), [(300, 5, 1), (1500, 7, 5_000), (2000, 3, 60_000)]
)
def test_generated_files_read_in_pieces_equal_the_whole_read(
    generate: Callable[[int, int], str], entities: int, seed: int, chunk_chars: int
) -> None:
    text = generate(entities, seed)
    assert len(chunks.starts(text, chunk_chars)) > 10, "the text must be cut into many pieces"
    whole = check(text, trusted=True, valid=True, chunk_chars=chunk_chars)
    assert sum(len(rows) for rows in whole[2].values()) == entities


def test_generated_file_at_the_default_sizes_is_read_in_pieces(generate: Callable[[int, int], str]) -> None:
    """No constant lowered: 3,000 entities (1.35 million characters) are read in pieces."""
    text = generate(3000, 11)
    assert len(text) >= chunks.MIN_CHARS
    assert len(chunks.starts(text)) > 20
    whole, pieces, answers = both(lambda: loads(text), chunk_chars=None, min_chars=chunks.MIN_CHARS)
    assert pieces == whole and whole[0] == "facts"
    assert read_in_pieces(whole, answers)


def test_pieces_give_the_same_structs_as_the_whole_document(base: str) -> None:
    """chunks.read itself, compared Struct by Struct with msgspec's conversion of tomli's whole tree."""
    whole = _convert(tomli.loads(base), FactFile)
    for chunk_chars in (1, 700, 10_000, 10**9):
        assert chunks.read(base, False, _convert, chunk_chars) == whole
    assert chunks.read("[meta]\ntitle = 'no tables'\n", False, _convert) is None  # nothing to cut


def test_small_files_are_parsed_whole(base: str) -> None:
    """Below MIN_CHARS the loader does exactly what it did before: chunks.read is not even called."""
    assert len(base) < chunks.MIN_CHARS
    calls: list[object] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunks, "read", lambda *args, **kwargs: calls.append(args))
        loads(base)
    assert calls == []


def test_crlf_and_bom_in_a_file_on_disk(base: str, tmp_path: Path) -> None:
    path = tmp_path / "crlf.toml"
    path.write_bytes(b"\xef\xbb\xbf" + base.replace("\n", "\r\n").encode())
    whole, pieces, answers = both(lambda: load(path, cache=False))
    assert pieces == whole and whole[0] == "facts"
    assert read_in_pieces(whole, answers)
    assert pieces == outcome_of(lambda: loads(base))


def test_header_spellings_are_cut_and_read_alike(base: str) -> None:
    """Comments after headers, spaces inside brackets, quoted names, indented headers."""
    text = (
        base.replace("\n[[organizations]]\n", "\n[[organizations]]  # an organization\n")
        .replace("\n[[people]]\n", "\n[[ people ]]\n")
        .replace("\n[[events]]\n", '\n[[ "events"\t]]\n')
        .replace("\n[[projects]]\n", "\n[['projects']] # a project\n")
        .replace("\n[[sources]]\n", "\n  [[sources]]\n")
        .replace("\n[[agreements.commitments]]\n", "\n[[ agreements . commitments ]]  # its own\n")
    )
    headers = [text[s : text.index("\n", s)] for s in chunks.starts(text, 1)[1:]]
    assert {h.strip().split("]]")[0] for h in headers} == {
        "[[organizations",
        "[[ people ",
        '[[ "events"\t',
        "[['projects'",
        "[[sources",
        "[[agreements",
    }
    check(text, trusted=True, valid=True)


def test_sub_tables_stay_with_their_entity(base: str) -> None:
    """Cutting before every top-level header never cuts before [[people.roles]], [events.quote]..."""
    starts = chunks.starts(base, 1)
    assert len(starts) - 1 == sum(base.count(f"\n[[{table}]]\n") for table in chunks._TABLES)
    assert all(
        base.startswith("[[", s) and base[s : s + 20].split("]]")[0].count(".") == 0 for s in starts[1:]
    )
    assert "\n[[agreements.commitments]]\n" in base and "\n[events.quote]\n" in base
    check(base, trusted=True, valid=True)


def test_unsafe_escapes_are_cleaned_in_every_piece(base: str) -> None:
    text = base.replace('name = { ko = "', 'name = { ko = "\\u001b[31m\\u202e')
    assert text.count("\\u001b") > 200
    whole = check(text, trusted=True, valid=True)
    names = [e["name"]["ko"] for kind in ("organization", "person", "event") for e in whole[2][kind]]
    assert names and all(n and n[0] not in "[\u202e" for n in names)


# -- tricky files: the whole-document parse decides ------------------------------------------------------


@pytest.mark.parametrize("quotes", ['"""', "'''"])
def test_header_line_inside_a_multiline_string(base: str, quotes: str) -> None:
    """The piece before the false header ends inside the string, fails, and the whole parse decides."""
    at = replace_nth(base, "\nauthor = ", "\n@", 3).index("\n@") + 1
    end = base.index("\n", at)
    fake = f'author = {quotes}Kim\n[[organizations]]\nid = "not-an-organization"\n{quotes}'
    text = base[:at] + fake + base[end:]
    assert text.index('[[organizations]]\nid = "not-an') in chunks.starts(text, 1)
    whole = check(text, trusted=False, valid=True)
    assert "not-an-organization" not in {o["id"] for o in whole[2]["organization"]}
    assert "[[organizations]]" in whole[2]["source"][3]["author"]


def test_header_line_inside_a_multiline_array(base: str) -> None:
    text = replace_nth(base, "\ntags = [", '\ntags = [\n[["organizations"]],\n', 4)
    check(text, trusted=False, valid=False)


def test_meta_twice(base: str) -> None:
    whole = check(base + '\n[meta]\ntitle = "again"\n', trusted=False, valid=False)
    assert whole[1][0].message.startswith("TOML syntax: Cannot declare")


def test_meta_after_the_entities(base: str) -> None:
    """Valid TOML and a valid file, but [meta] is not in the first piece: not trusted, same result."""
    head, _, rest = base.partition("\n[[sources]]\n")
    check("[[sources]]\n" + rest + "\n" + head + "\n", trusted=False, valid=True)


def test_a_table_after_an_entity_of_another_table(base: str) -> None:
    """[organizations.extra] in a [[people]] entry: whole, it adds a key to the last organization."""
    text = replace_nth(base, "\n[[people]]\n", "\n[organizations.extra]\nx = 1\n\n[[people]]\n", 5)
    whole = check(text, trusted=False, valid=False)
    assert any(p.message == "unknown key 'extra'" and p.where.startswith("organizations[") for p in whole[1])


@pytest.mark.parametrize("header", ["[organizations]", "[organizations.x]", "[[organizations.x]]"])
def test_a_table_header_naming_an_array_of_tables(base: str, header: str) -> None:
    text = replace_nth(base, "\n[[people]]\n", f"\n{header}\n\n[[people]]\n", 2)
    check(text, trusted=False, valid=False)


def inline_organizations(base: str, count: int) -> str:
    """`base` with its first `count` [[organizations]] entries moved into one inline array at the top."""
    tree = tomli.loads(base)

    def inline(value: Any) -> str:
        if isinstance(value, dict):
            return "{ " + ", ".join(f"{k} = {inline(v)}" for k, v in value.items()) + " }"
        if isinstance(value, list):
            return "[" + ", ".join(inline(v) for v in value) + "]"
        if isinstance(value, str):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        assert not isinstance(value, bool)
        return str(value)

    rows = tree["organizations"][:count]
    array = "organizations = [\n" + "".join(f"  {inline(r)},\n" for r in rows) + "]\n\n"
    blocks = base.split("\n\n")
    first = next(i for i, b in enumerate(blocks) if b.startswith("[[organizations]]"))
    assert all(b.startswith("[[organizations]]") for b in blocks[first : first + len(rows)])
    return array + "\n\n".join(blocks[:first] + blocks[first + len(rows) :])


def test_inline_array_of_tables_in_the_first_piece(base: str) -> None:
    """organizations = [ {...}, ... ] before [meta], and no [[organizations]]: read in pieces."""
    text = inline_organizations(base, 10**6)
    assert "[[organizations]]" not in text
    whole = check(text, trusted=True, valid=True)
    assert whole == outcome_of(lambda: loads(base))


def test_inline_array_of_tables_then_headers_for_the_same_table(base: str) -> None:
    """Whole, the later [[organizations]] cannot extend the inline array; in pieces it would."""
    whole = check(inline_organizations(base, 2), trusted=False, valid=False)
    assert "immutable" in whole[1][0].message


def test_dotted_key_at_the_top_naming_a_table(base: str) -> None:
    check("organizations.note = 1\n" + base, trusted=False, valid=False)


def test_escaped_header_name_that_cleans_to_a_table_name(base: str) -> None:
    """[["organi\\u0007zations"]]: a key of its own to tomli, and organizations once cleaned."""
    text = replace_nth(base, "\n[[organizations]]\n", '\n[["organi\\u0007zations"]]\n', 3)
    check(text, trusted=False, valid=False)
    # At the top: cleaning merges the two keys, and the [[organizations]] entries win.
    text = inline_organizations(base, 1).replace("organizations = [", '"organi\\u0007zations" = [', 1)
    whole = check(text, trusted=False, valid=False)
    assert any("does not exist" in p.message for p in whole[1])


def test_unknown_table(base: str) -> None:
    check(base + '\n[[companies]]\nid = "x"\n', trusted=False, valid=False)


def test_no_meta(base: str) -> None:
    head_end = base.index("\n[[sources]]\n")
    check(base[head_end:], trusted=False, valid=False)


def test_syntax_error_in_a_late_piece(base: str) -> None:
    text = replace_nth(base, "\nfounded = ", "\nfounded = = ", 20)
    whole = check(text, trusted=False, valid=False)
    line = text[: text.index("founded = = ")].count("\n") + 1
    assert whole[1][0].message.startswith("TOML syntax") and whole[1][0].line == line


def test_wrong_type_in_a_late_piece(base: str) -> None:
    text = replace_nth(base, "\nparagraphs = ", '\nparagraphs = "many" # was ', 3)
    text = replace_nth(text, "\nfounded = ", '\nfounded = "1999" # was ', 10)
    whole = check(text, trusted=False, valid=False)
    assert len(whole[1]) == 2


def test_duplicate_id_and_dangling_reference_across_pieces(base: str) -> None:
    """The pieces convert, but the meaning check fails: the whole path reports, located, as before."""
    tree = tomli.loads(base)
    first, last = tree["people"][0]["id"], tree["people"][-1]["id"]
    text = base.replace(f'id = "{last}"', f'id = "{first}"', 1)
    text = replace_nth(text, "\nparties = [", '\nparties = ["no-such-org", ', 2)
    whole = check(text, trusted=True, valid=False)
    messages = [p.message for p in whole[1]]
    assert any(m.startswith(f"duplicate id '{first}'") for m in messages)
    assert "party 'no-such-org' does not exist" in messages


def test_every_broken_file_of_test_load_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each broken minimal.toml of test_load_errors.py, cut before every header: the same problems."""
    cases = _module(LOAD_ERRORS, "load_errors_cases_for_chunks")
    trusted = 0
    for name, case in cases.CASES.items():
        text = cases.broken(case.edits)
        whole, pieces, answers = both(lambda text=text: loads(text, "broken.toml"))
        assert pieces == whole, name
        assert whole[0] == "problems", name
        trusted += read_in_pieces(whole, answers)
    assert trusted > 5, "the meaning-only cases convert in pieces and then fall back"
