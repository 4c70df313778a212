"""Hostile fact files (tests/fixtures/hostile/ and larger ones generated here) against the loader
and the command line.

Every file either loads, and then every string in it is safe (no terminal controls, no bidi
overrides, NFC) with markup-like text kept exactly as written, or fails with a FactFileError
whose problems say where (a line, or a `where`; a problem with the file as a whole names the
file). `facts-tui check` exits 0 or 2 and never prints a traceback; `facts-tui show` prints the
text literally; and no control character from the data reaches stdout or stderr.

Known product bugs are marked `xfail(strict=True)` with the reason: the case stays in the set,
and the mark goes when the bug is fixed.
"""

from __future__ import annotations

import os
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fact_strings import all_strings

from tui.cli import main
from tui.facts import FactFileError, load
from tui.facts.sanitize import printable

HOSTILE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
MINIMAL = HOSTILE_DIR.parent / "minimal.toml"

UNSAFE = frozenset(
    [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
)
"""C0 controls but tab and newline (so CR too), DEL, C1 controls, bidi embeddings, overrides, isolates."""
ESCAPE_BYTES = ("\x1b", "\x9b", "\x07")
SGR = re.compile(r"\x1b\[[0-9;]*m")
"""Rich's own colour and style codes, the only escapes allowed when colour is forced."""

MARKUP = ("[@click=app.quit]", "[/bold]", "[KRW]", "[link=https://example.com]x[/link]", "[/]")


# -- the cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One hostile input: how to make it, and what must happen to it."""

    name: str
    make: Callable[[Path], Path]
    """Returns the path to load, given a fresh directory to create it in."""
    loads: bool
    whole_file: bool = False
    """Fails as a whole (empty, a directory, unreadable...): no line to point at."""
    show: tuple[str, ...] = ()
    """Ids to run `facts-tui show` on."""
    literal: tuple[str, ...] = ()
    """Text `show` of those ids must print exactly (in either language)."""
    langs: tuple[str, ...] = ("ko", "en")
    """The languages to `show` in."""
    line: int | None = None
    """For a file that fails: the line its (first) problem must be on."""
    xfail: dict[str, Bug] = field(default_factory=dict)
    """Test name ('load', 'check', 'show') → the product bug it fails with today."""


def fixture(name: str) -> Callable[[Path], Path]:
    """A committed file of tests/fixtures/hostile/."""

    def make(_tmp: Path) -> Path:
        return HOSTILE_DIR / name

    make.fixture_name = name  # type: ignore[attr-defined]
    return make


def minimal_with(old: str, new: str) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in minimal.toml"
    return text.replace(old, new, 1)


def write(name: str, content: Callable[[], str | bytes]) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        data = content()
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="")
        else:
            path.write_bytes(data)
        return path

    return make


def one_megabyte_string() -> str:
    big = "[bold]큰[/bold] 문자열 [@click=app.quit] " * 30_000
    assert len(big.encode()) > 1_000_000
    return minimal_with('name = { en = "Kim" }', f'name = {{ en = "Kim" }}\nsummary = {{ ko = "{big}" }}')


def deep_arrays() -> str:
    return "x = " + "[" * 10_000 + "]" * 10_000 + "\n"


def deep_inline_tables() -> str:
    return "x = " + "{a=" * 10_000 + "1" + "}" * 10_000 + "\n"


def deep_dotted_key_and_an_escape() -> str:
    """A 990-part dotted key (tomli allows up to the recursion limit) and one `\\u` escape anywhere."""
    key = ".".join(["a"] * 990)
    return minimal_with('title = "Test file"', f'title = "Test\\u0020file"\n{key} = 1')


def random_bytes() -> bytes:
    return random.Random(20230307).randbytes(4096)


def raw_controls() -> str:
    """Unescaped ESC, BEL, C1, NUL, DEL and bidi characters inside strings (illegal in TOML; removed
    before parsing)."""
    return minimal_with(
        'name = { ko = "애크미", en = "Acme" }',
        'name = { ko = "애크\x1b[2J미\x9b31m", en = "Ac\x1b]52;c;aGk=\x07me\x00\x7f\u202e [KRW]" }',
    )


def line_separators() -> str:
    """A raw LINE SEPARATOR and PARAGRAPH SEPARATOR in a string (legal TOML) before a problem."""
    return minimal_with('title = "Test file"', 'title = "Test\u2028file\u2029"').replace(
        "founded = 2013", 'founded = "2013"'
    )


def line_separators_then_syntax_error() -> str:
    return minimal_with('title = "Test file"', 'title = "Test\u2028file\u2029"').replace(
        'kind = "lecture"', "kind = "
    )


def line_of(text: str, start: str, whole: bool = False) -> int:
    """The number of the first line of `text` that starts with (`whole`: is) `start`; lines end at
    '\\n' only, as in TOML."""
    return next(
        n
        for n, line in enumerate(text.split("\n"), start=1)
        if (line == start if whole else line.startswith(start))
    )


def line_with(text: str, needle: str) -> int:
    """The number of the first line of `text` holding `needle` (lines end at '\\n' only)."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


INT64_MAX = 2**63 - 1
"""The largest TOML integer (TOML integers are 64-bit)."""


def largest_integers() -> str:
    text = minimal_with("amount = 335600000000", f"amount = {INT64_MAX}")
    text = text.replace("amount = 288000000000", f"amount = {INT64_MAX}")
    text = text.replace("paragraphs = 5", f"paragraphs = {INT64_MAX}")
    return text.replace("paragraph = 1 }", f"paragraph = {INT64_MAX} }}")


def directory(tmp: Path) -> Path:
    path = tmp / "facts.toml"
    path.mkdir()
    return path


def unreadable(tmp: Path) -> Path:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading the file")
    path = tmp / "facts.toml"
    path.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    path.chmod(0)
    return path


def symlink_loop(tmp: Path) -> Path:
    (tmp / "a.toml").symlink_to(tmp / "b.toml")
    (tmp / "b.toml").symlink_to(tmp / "a.toml")
    return tmp / "a.toml"


def escape_in_the_file_name(tmp: Path) -> Path:
    path = tmp / "evil\x1b]0;pwned\x07\x1b[2J.toml"
    path.write_text('[meta]\ntitle = "unterminated\n', encoding="utf-8")
    return path


def bare_carriage_return() -> str:
    """A CR not followed by LF (old Mac line ends, or a spoof: the text after it overwrites the line)."""
    return minimal_with('title = "Test file"', 'title = "Test file"\r/etc/passwd:1:1: all good')


def carriage_return_in_a_key() -> str:
    return minimal_with('title = "Test file"', 'title = "Test file"\n"over\\rwrite" = 1')


ALL_IDS = ("src", "acme", "city", "kim", "mou", "plan", "talk")
"""The ids of minimal.toml (and of files derived from it)."""


@dataclass(frozen=True)
class Bug:
    """A product bug a case shows today: why, and the exception the test fails with."""

    reason: str
    raises: type[BaseException]


HUGE_HEX = "0x1" + "0" * 4400
"""An integer of 4401 hex digits (5298 decimal ones): hex literals are not subject to Python's
4300-digit limit on int() but printing them in decimal is."""

CASES: tuple[Case, ...] = (
    # The committed fixtures.
    Case(
        "markup",
        fixture("markup.toml"),
        loads=True,
        show=("src", "evil", "other", "ceo", "deal", "plan", "talk", "unnamed-speaker"),
        literal=(
            *MARKUP,
            "[@click=app.quit]악당 회사[/] [KRW]",
            "[@click=app.quit] Evil [/bold] Corp [KRW]",
            "[link=https://example.com]Title[/link]",
            "[/bold] quoted [@click=app.quit] [KRW]",
            "[@click=app.quit] said [/bold] [KRW]",
            "[bold]an official[/bold]",
            "https://example.com/[bold]x[/bold]",
        ),
    ),
    Case(
        "escapes",
        fixture("escapes.toml"),
        loads=True,
        show=("src", "evil", "kim", "talk"),
        literal=(
            "clearscreen [@click=app.quit]",
            "지우기화면 [@click=app.quit]",
            "osc52end",
            "titleend",
            "csired",
            "tomloneesc",
            "hexesc",
            "Costs [KRW] 5 red [@click=app.quit]",
            "nul del bs ff",
        ),
    ),
    Case(
        "bidi",
        fixture("bidi.toml"),
        loads=True,
        show=("evil", "src"),
        literal=("악당사회", "Evil Corp [KRW]", "usertxt.exe", "요약 [@click=app.quit]", "abcdef"),
    ),
    Case(
        "nfd",
        fixture("nfd.toml"),
        loads=True,
        show=("daegu", "hong", "src"),
        literal=("대구광역시", "홍길동", "대구시", "한글 요약 [KRW]", "Café"),
    ),
    Case(
        "zero_width",
        fixture("zero_width.toml"),
        loads=True,
        show=("zw",),
        literal=("대\u200b구", "Zero\u200bWidthCorp\u2060 [KRW]", "BOM\ufeffinside [@click=app.quit]"),
    ),
    Case("bom", fixture("bom.toml"), loads=True, show=ALL_IDS, literal=("김", "애크미")),
    Case("double_bom", fixture("double_bom.toml"), loads=False, line=1),
    Case(
        "huge_integer",
        fixture("huge_integer.toml"),
        loads=False,
        line=line_with((HOSTILE_DIR / "huge_integer.toml").read_text(encoding="utf-8"), "paragraphs ="),
    ),
    Case("not_utf8", fixture("not_utf8.toml"), loads=False, line=15),
    Case("utf16", fixture("utf16.toml"), loads=False, line=1),
    Case("empty", fixture("empty.toml"), loads=False, whole_file=True),
    Case("whitespace", fixture("whitespace.toml"), loads=False, whole_file=True),
    # Generated here: too big to commit, or not a regular file.
    Case(
        "one_megabyte_string",
        write("big.toml", one_megabyte_string),
        loads=True,
        show=("kim",),
        literal=("[bold]큰[/bold]", "[@click=app.quit]"),
        langs=("ko",),  # the big summary is Korean
    ),
    Case(
        "deep_arrays",
        write("deep.toml", deep_arrays),
        loads=False,
        line=1,
    ),
    Case(
        "deep_inline_tables",
        write("deep.toml", deep_inline_tables),
        loads=False,
        line=1,
    ),
    Case(
        "deep_dotted_key_and_an_escape",
        write("deep.toml", deep_dotted_key_and_an_escape),
        loads=False,
        line=5,
    ),
    Case(
        "integer_of_5000_digits",
        write("digits.toml", lambda: minimal_with("amount = 335600000000", "amount = 1" + "0" * 5000)),
        loads=False,
        line=line_of(MINIMAL.read_text(encoding="utf-8"), "valuation ="),
    ),
    Case(
        "largest_integers",
        write("largest.toml", largest_integers),
        loads=True,
        show=ALL_IDS,
        literal=(f"paragraphs  {INT64_MAX}", f"{INT64_MAX}번째 문단", f"paragraph {INT64_MAX}"),
    ),
    Case(
        "amount_of_400_digits",
        write("amount.toml", lambda: minimal_with("amount = 288000000000", "amount = 1" + "0" * 400)),
        loads=False,
        line=line_with(MINIMAL.read_text(encoding="utf-8"), "amount = 288000000000"),
    ),
    Case(
        "amount_of_4400_hex_digits",
        write("amount.toml", lambda: minimal_with("amount = 335600000000", f"amount = {HUGE_HEX}")),
        loads=False,
        line=line_with(MINIMAL.read_text(encoding="utf-8"), "amount = 335600000000"),
    ),
    Case(
        "schema_version_of_4400_hex_digits",
        write(
            "digits.toml",
            lambda: minimal_with('title = "Test file"', f'title = "Test file"\nschema_version = {HUGE_HEX}'),
        ),
        loads=False,
        line=line_of(MINIMAL.read_text(encoding="utf-8"), "title =") + 1,
    ),
    Case(
        "year_of_4400_hex_digits",
        write("digits.toml", lambda: minimal_with("founded = 2013", f"founded = {HUGE_HEX}")),
        loads=False,
        line=line_of(MINIMAL.read_text(encoding="utf-8"), "founded ="),
    ),
    Case(
        "paragraph_of_4400_hex_digits",
        write("digits.toml", lambda: minimal_with("paragraph = 1 }", f"paragraph = {HUGE_HEX} }}")),
        loads=False,
        line=line_with(MINIMAL.read_text(encoding="utf-8"), "paragraph = 1 }"),
    ),
    Case("random_bytes", write("random.toml", random_bytes), loads=False),
    Case(
        "raw_controls",
        write("raw.toml", raw_controls),
        loads=True,
        show=("acme",),
        literal=("애크미", "Acme [KRW]"),
    ),
    Case(
        "line_separators",
        write("sep.toml", line_separators),
        loads=False,
        line=line_of(line_separators(), "founded ="),
    ),
    Case(
        "line_separators_then_syntax_error",
        write("sep.toml", line_separators_then_syntax_error),
        loads=False,
        line=line_of(line_separators_then_syntax_error(), "kind = ", whole=True),
    ),
    Case("missing", lambda tmp: tmp / "nowhere.toml", loads=False, whole_file=True),
    Case("directory", directory, loads=False, whole_file=True),
    Case("unreadable", unreadable, loads=False, whole_file=True),
    Case("symlink_loop", symlink_loop, loads=False, whole_file=True),
    Case(
        "escape_in_the_file_name",
        escape_in_the_file_name,
        loads=False,
        line=2,
    ),
    Case(
        "bare_carriage_return",
        write("cr.toml", bare_carriage_return),
        loads=False,
        line=line_of(MINIMAL.read_text(encoding="utf-8"), "title ="),
    ),
    Case(
        "carriage_return_in_a_key",
        write("cr.toml", carriage_return_in_a_key),
        loads=False,
    ),
)


def params(test: str, cases: tuple[Case, ...] = CASES) -> list[Any]:
    """The cases as pytest params, a case that shows a known bug in `test` marked xfail(strict)."""
    result = []
    for case in cases:
        bug = case.xfail.get(test)
        marks = [pytest.mark.xfail(strict=True, reason=bug.reason, raises=bug.raises)] if bug else []
        result.append(pytest.param(case, id=case.name, marks=marks))
    return result


SHOWN = tuple(case for case in CASES if case.show)


# -- helpers ---------------------------------------------------------------------------------------


def assert_safe(text: str, what: str) -> None:
    bad = sorted({f"U+{ord(c):04X}" for c in text if c in UNSAFE})
    assert not bad, f"{what} holds {', '.join(bad)}: {text[:300]!r}"


@pytest.fixture
def wide_plain_terminal(plain_terminal: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe, and wide enough that Rich does not wrap the long literal strings."""
    monkeypatch.setenv("COLUMNS", "400")


# -- the fixtures themselves -------------------------------------------------------------------------


def test_the_readme_lists_every_fixture() -> None:
    readme = (HOSTILE_DIR / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in HOSTILE_DIR.iterdir() if p.name != "README.md")
    assert files, "no hostile fixtures"
    for name in files:
        assert f"`{name}`" in readme, f"{name} is not described in {HOSTILE_DIR / 'README.md'}"
    committed = {getattr(case.make, "fixture_name", None) for case in CASES}
    assert set(files) <= committed, f"not in CASES: {sorted(set(files) - committed)}"


def test_the_fixtures_are_as_hostile_as_they_claim() -> None:
    """Guard the fixtures: an editor that 'fixes' them would make the tests below prove nothing."""
    raw = {p.name: p.read_bytes() for p in HOSTILE_DIR.glob("*.toml")}
    for escape in (rb"\u001b[2J", rb"\u001b]52;c;aGk=\u0007", rb"\u001b]8;;http://x\u001b\\", rb"\u009b"):
        assert escape in raw["escapes.toml"]
    assert rb"\u001b]0;pwned\u0007" in raw["escapes.toml"]
    assert "\u202e".encode() in raw["bidi.toml"] and rb"\u202e" in raw["bidi.toml"]
    assert not unicodedata.is_normalized("NFC", raw["nfd.toml"].decode())
    assert "\u200b".encode() in raw["zero_width.toml"] and "\ufeff".encode() in raw["zero_width.toml"]
    assert raw["bom.toml"].startswith(b"\xef\xbb\xbf") and not raw["bom.toml"].startswith(b"\xef\xbb\xbf" * 2)
    assert raw["double_bom.toml"].startswith(b"\xef\xbb\xbf" * 2)
    assert b"amount = 99999999999999999999999999" in raw["huge_integer.toml"]
    assert raw["empty.toml"] == b""
    assert raw["utf16.toml"].startswith(b"\xff\xfe")
    with pytest.raises(UnicodeDecodeError):
        raw["not_utf8.toml"].decode("utf-8")
    markup = raw["markup.toml"].decode()
    for text in MARKUP:
        assert text in markup
    # Every fixture is small; the big ones are generated by the tests.
    assert all(len(data) < 10_000 for data in raw.values())


# -- loading -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", params("load"))
def test_loads_safely_or_fails_with_located_problems(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    try:
        facts = load(path, cache=False)
    except FactFileError as error:
        assert not case.loads, f"{case.name} should load, but: {error.format()[:500]}"
        assert error.path == printable(str(path))  # shown with its escapes made visible
        assert error.problems
        for problem in error.problems:
            assert problem.message and problem.hint
            assert_safe(problem.format(""), "a problem")  # the path is the user's, not the file's
        if case.whole_file:
            assert len(error.problems) == 1 and error.problems[0].line is None
        else:
            first = error.problems[0]
            assert first.line is not None or first.where, f"not located: {first}"
            if case.line:
                assert first.line == case.line, error.format()[:500]
            if first.line is not None and first.excerpt and path.is_file():
                lines = path.read_bytes().decode("utf-8-sig", errors="replace").split("\n")
                written = lines[first.line - 1].strip()
                assert first.excerpt.strip("\ufeff") in written.strip("\ufeff"), (first.excerpt, written)
        return
    assert case.loads, f"{case.name} should fail to load"
    texts = all_strings(facts)
    assert texts
    for text in texts:
        assert_safe(text, "a loaded string")
        assert unicodedata.is_normalized("NFC", text), repr(text[:200])


def test_markup_is_kept_exactly() -> None:
    facts = load(HOSTILE_DIR / "markup.toml")
    assert facts.meta.title == (
        "[bold]Markup[/bold] [/bold] [@click=app.quit]quit[/] [link=https://example.com]x[/link] [KRW]"
    )
    evil = facts["evil"]
    assert evil.name.ko == "[@click=app.quit]악당 회사[/] [KRW]"
    assert evil.aliases == ("[/bold]", "[link=https://example.com]x[/link]", "[KRW]", "[@click=app.quit]")
    assert (
        facts["talk"].quote is not None and facts["talk"].quote.text == "[@click=app.quit] said [/bold] [KRW]"
    )
    assert facts["plan"].area is not None and facts["plan"].area.unit == "[m2]"


def test_escapes_are_removed_and_the_rest_kept() -> None:
    facts = load(HOSTILE_DIR / "escapes.toml")
    assert facts.meta.title == "title [bold]change[/bold]"
    assert facts.meta.description == "clipboard"
    assert "evil" in facts  # the sequence inside its id went, so the reference from kim's role resolves
    assert facts["evil"].aliases == (
        "osc52end",
        "osc8link",
        "titleend",
        "csired",
        "tomloneesc",
        "hexesc",
        "bell",
    )
    assert facts["src"].title.en == "link here end"
    assert facts["talk"].quote is not None and facts["talk"].quote.text == "said over"


def test_bidi_controls_are_removed() -> None:
    facts = load(HOSTILE_DIR / "bidi.toml")
    assert facts.meta.title == "bididesrever title"
    assert facts["evil"].name.ko == "악당사회"
    assert facts["evil"].aliases == ("usertxt.exe", "x", "isolate")
    assert facts["src"].title.en == "abcdef"


def test_nfd_korean_becomes_nfc_and_is_found_by_nfc_queries() -> None:
    facts = load(HOSTILE_DIR / "nfd.toml")
    assert facts.meta.title == "대구 미래 산업"
    assert facts["daegu"].name.ko == "대구광역시"
    assert facts["daegu"].aliases == ("대구", "대구", "Café")
    assert facts["src"].title.ko == "대구시"
    from tui.facts.search import SearchIndex

    hits = SearchIndex.build(facts).matches([e.id for e in facts], "광역시")
    assert "daegu" in hits


def test_zero_width_characters_are_kept_as_written_but_the_joiner() -> None:
    # U+200D is removed at load: Rich counts it as joining any two characters, so rows misalign.
    facts = load(HOSTILE_DIR / "zero_width.toml")
    assert facts.meta.title == "zero\u200bwidth\ufefftitle"
    assert facts["zw"].name.en == "Zero\u200bWidthCorp\u2060 [KRW]"
    assert facts["zw"].aliases == ("\ufeff", "\u200b", "ab")
    assert facts["src"].outlet.en == "Out\u200blet"


def test_a_bom_is_not_part_of_the_first_line(tmp_path: Path) -> None:
    """Problems in a file with a BOM are on the same lines and columns as without it."""
    text = (
        (HOSTILE_DIR / "bom.toml").read_bytes().decode("utf-8-sig").replace("founded = 2013", "founded = x")
    )
    with_bom = tmp_path / "with.toml"
    with_bom.write_bytes(b"\xef\xbb\xbf" + text.encode())
    without = tmp_path / "without.toml"
    without.write_text(text, encoding="utf-8")
    problems = []
    for path in (with_bom, without):
        with pytest.raises(FactFileError) as info:
            load(path)
        problems.append([(p.line, p.col, p.excerpt) for p in info.value.problems])
    assert problems[0] == problems[1]


def test_integers_beyond_64_bits_are_rejected_where_they_are_written() -> None:
    path = HOSTILE_DIR / "huge_integer.toml"
    text = path.read_text(encoding="utf-8")
    with pytest.raises(FactFileError) as info:
        load(path)
    assert [(p.where, p.line) for p in info.value.problems] == [
        ("sources[src].paragraphs", line_with(text, "paragraphs = 99999999999999999999999999")),
        (
            "organizations[acme].valuation.money.amount",
            line_with(text, "amount = 99999999999999999999999999"),
        ),
        ("projects[plan].budget.amount", line_with(text, "amount = 9223372036854775808")),
    ]


def test_the_largest_64_bit_integers_load_and_keep_their_value(tmp_path: Path) -> None:
    facts = load(write("largest.toml", largest_integers)(tmp_path))
    acme, plan = facts["acme"], facts["plan"]
    assert acme.valuation is not None and acme.valuation.money.amount == INT64_MAX
    assert plan.budget is not None and plan.budget.amount == INT64_MAX
    assert facts["src"].paragraphs == INT64_MAX and acme.provenance[0].paragraph == INT64_MAX


def test_a_one_megabyte_string_is_kept_whole(tmp_path: Path) -> None:
    text = one_megabyte_string()
    facts = load(write("big.toml", lambda: text)(tmp_path))
    assert len(facts["kim"].summary.ko) == len("[bold]큰[/bold] 문자열 [@click=app.quit] " * 30_000)


# -- the command line ------------------------------------------------------------------------------


def assert_no_escapes(out: str, err: str) -> None:
    for stream, text in (("stdout", out), ("stderr", err)):
        for char in ESCAPE_BYTES:
            assert char not in text, f"{char!r} reached {stream}: {text[:300]!r}"
        assert_safe(text, stream)


@pytest.mark.usefixtures("wide_plain_terminal")
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("case", params("check"))
def test_check_exits_0_or_2_without_a_traceback_or_an_escape(
    case: Case, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = case.make(tmp_path)
    status = main(["check", str(path), "--lang", lang])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert_no_escapes(out, err)
    if case.loads:
        assert status == 0, err
        assert {"ko": "문제 없음", "en": "valid"}[lang] in out
    else:
        assert status == 2, out
        assert re.search({"ko": r"에 문제 \d+개$", "en": r"\d+ problems? in "}[lang], err.rstrip()), err
        assert err.startswith(str(path)) or case.name == "escape_in_the_file_name"


@pytest.mark.usefixtures("wide_plain_terminal")
@pytest.mark.parametrize("case", params("show", SHOWN))
def test_show_prints_text_literally_and_no_escapes(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = case.make(tmp_path)
    printed = ""
    for entity_id in case.show:
        for lang in case.langs:
            status = main(["show", entity_id, str(path), "--lang", lang])
            out, err = capsys.readouterr()
            assert status == 0, err
            assert_no_escapes(out, err)
            printed += out
    for text in case.literal:
        assert text in printed, f"{text!r} is not printed as written"


@pytest.mark.parametrize("name", ["markup.toml", "escapes.toml", "bidi.toml"])
def test_forced_colour_adds_only_style_codes(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With colour forced (FORCE_COLOR), Rich writes SGR codes of its own; nothing else may get through."""
    for variable in ("NO_COLOR", "TERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "400")
    path = HOSTILE_DIR / name
    facts = load(path)
    for entity in facts:
        assert main(["show", entity.id, str(path)]) == 0
        out, err = capsys.readouterr()
        assert SGR.search(out), "colour was not forced: this test proves nothing"
        plain = SGR.sub("", out)
        assert "\x1b" not in plain, repr(plain[:300])
        assert "\x1b]8" not in out  # no hyperlink from [link=...]
        assert_safe(plain, "stdout")
        assert_no_escapes("", err)
