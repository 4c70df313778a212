"""Text from a fact file is made safe once, at load: no terminal escapes, no bidi tricks, Korean in NFC,
and markup-like text kept exactly as written (it is data, never Rich or Textual markup)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from fact_strings import all_strings
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.facts import FactBase, FactFileError, load, loads
from tui.facts.sanitize import clean, clean_document, clean_tree

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile.toml"
MINIMAL = HOSTILE.with_name("minimal.toml")

ESC, BEL, CSI_C1, RLO, LRI, PDI = "\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069"
UNSAFE = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + [
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
]
"""C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates."""


@pytest.fixture(scope="module")
def hostile() -> FactBase:
    return load(HOSTILE)


# -- clean, clean_document, clean_tree ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("plain", "plain"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("clear\x1b[2Jscreen", "clearscreen"),
        ("osc\x1b]52;c;aGk=\x07end", "oscend"),
        ("c1\x9b31m", "c1"),
        ("link \x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\ end", "link text end"),
        ("dcs\x1bPq#0;2;0\x1b\\ apc\x1b_x\x9c pm\x1b^y\x1b\\ sos\x98z\x9c.", "dcs apc pm sos."),
        ("charset\x1b(B save\x1b7 keypad\x1b= ind\x1bD.", "charset save keypad ind."),
        ("csi\x1b[?25l\x1b[1;31m\x1b[38:2::1:2:3m\x1b[ q.", "csi."),
        ("lone esc\x1b", "lone esc"),
        ("open osc\x1b]0;title", "open osc0;title"),  # no terminator: only the introducer goes
        ("nul\x00 del\x7f cr\r bs\x08", "nul del cr bs"),
        ("bidi\u202eabc\u202d\u202a\u2066def\u2069\u2067\u2068", "bidiabcdef"),
        ("[/bold] [@click=app.quit] [KRW]", "[/bold] [@click=app.quit] [KRW]"),
        (unicodedata.normalize("NFD", "대구광역시"), "대구광역시"),
        ("", ""),
    ],
)
def test_clean(raw: str, safe: str) -> None:
    assert clean(raw) == safe
    assert clean(safe) == safe


@pytest.mark.parametrize("char", UNSAFE, ids=lambda c: f"U+{ord(c):04X}")
def test_clean_removes_every_unsafe_character(char: str) -> None:
    assert clean(f"a{char}한") == "a한"  # 한 ends no escape sequence


def test_clean_document_keeps_line_endings_and_flags_only_risky_escapes() -> None:
    text, deep = clean_document('a = "x"\r\nb = "\x1b[1my\x1b"\n')
    assert (text, deep) == ('a = "x"\r\nb = "y"\n', False)
    assert clean_document('a = "\\u001b"\n')[1] is True
    assert clean_document('a = "\\t \\n \\" \\\\"\n')[1] is False


def test_clean_tree_cleans_keys_and_nested_values() -> None:
    tree = {"k\x1b": ["v\x9b", {"n": "\u202ex"}], "i": 3, "d": None}
    assert clean_tree(tree) == {"k": ["v", {"n": "x"}], "i": 3, "d": None}


# -- the hostile fixture ---------------------------------------------------------------------------


def test_hostile_file_is_written_with_escapes_and_nfd_korean() -> None:
    """Guard the fixture itself: if an editor 'fixes' it, the tests below prove nothing."""
    raw = HOSTILE.read_text(encoding="utf-8")
    for escape in ("\\u001b[2J", "\\u001b]52;c;aGk=\\u0007", "\\u009b", "\\u202e", "\\u2066"):
        assert escape in raw
    assert unicodedata.normalize("NFD", "대구 디지털") in raw
    assert not unicodedata.is_normalized("NFC", raw)


def test_hostile_file_loads_without_unsafe_characters(hostile: FactBase) -> None:
    texts = all_strings(hostile)
    assert len(texts) > 10
    for text in texts:
        assert not any(char in text for char in UNSAFE), repr(text)


def test_escapes_are_removed_and_the_rest_kept(hostile: FactBase) -> None:
    evil = hostile["evil"]
    assert evil.aliases == ("clearscreen", "oscend", "csired", "bidiabcdef")
    assert evil.summary.en == "Costs [KRW] 5 red [@click=app.quit]"
    assert evil.provenance[0].quote == "quoted [/bold] "  # `\x9bq` is a whole CSI sequence


def test_korean_is_nfc(hostile: FactBase) -> None:
    assert hostile["evil"].name.ko == "대구 디지털"
    assert hostile["evil"].summary.ko == "한글 요약 [KRW]"
    assert hostile["src"].outlet.ko == "동아일보"
    for text in all_strings(hostile):
        assert unicodedata.is_normalized("NFC", text), repr(text)


def test_nfc_korean_finds_nfd_korean(hostile: FactBase) -> None:
    """What the user types (NFC) matches what the file had in NFD."""
    assert "디지털" in hostile["evil"].name.ko


def test_markup_like_text_is_kept_literally(hostile: FactBase) -> None:
    assert hostile.meta.title == "Hostile [/bold] text"
    assert hostile["evil"].name.en == "Evil [/bold] Corp [@click=app.quit]"
    assert hostile["src"].outlet.en == "Outlet [KRW]"
    assert hostile["src"].title.en == "Title [bold]x[/bold]"


def test_raw_control_characters_in_the_file_are_removed(write_facts: Callable[..., Path]) -> None:
    """Unescaped ESC, C1 and bidi characters (illegal in TOML strings) are dropped before parsing."""
    text = HOSTILE.read_text(encoding="utf-8").replace(
        'title = "Hostile [/bold] text"', f'title = "raw{ESC}[2J{CSI_C1}{RLO}{LRI}x{PDI}{BEL} [/bold]"'
    )
    facts = load(write_facts(text))
    assert facts.meta.title == "rawx [/bold]"


def test_nfd_escapes_are_normalized_after_parsing() -> None:
    facts = loads(
        HOSTILE.read_text(encoding="utf-8").replace(
            'title = "Hostile [/bold] text"', 'title = "\\u1103\\u1162\\u1100\\u116e"'
        )
    )
    assert facts.meta.title == "대구"


def test_carriage_return_escape_is_removed() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        'title = "Test file"', 'title = "Evil Corp\\rGood Corp"'
    )
    assert "\\r" in text and "\\u" not in text
    assert loads(text).meta.title == "Evil CorpGood Corp"


def test_escape_in_a_key_does_not_reach_the_error_message() -> None:
    text = HOSTILE.read_text(encoding="utf-8").replace(
        'title = "Hostile [/bold] text"', 'title = "t"\n"sub\\u001b[2Jtitle" = "x"'
    )
    with pytest.raises(FactFileError) as info:
        loads(text)
    assert ESC not in str(info.value)
    assert "unknown key 'subtitle'" in str(info.value)


# -- the command line ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("plain_terminal")
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_show_prints_markup_literally_and_no_escapes(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    assert main(["show", "evil", str(HOSTILE), "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert "Evil [/bold] Corp [@click=app.quit]" in out
    assert "[KRW]" in out
    assert "quoted [/bold] ”" in out
    assert "clearscreen" in out and "[2J" not in out
    assert "대구 디지털" in out
    for char in (ESC, BEL, CSI_C1, RLO, LRI, PDI):
        assert char not in out


@pytest.mark.usefixtures("plain_terminal")
def test_list_prints_markup_literally_and_no_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "organizations", str(HOSTILE), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "[/bold]" in out
    assert ESC not in out


# -- escape sequences, whole: a property ------------------------------------------------------------

ST = st.sampled_from(["\x1b\\", "\x9c"])
PRINTABLE = st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), max_size=8)
"""Text a terminal shows as it is (no controls, no format characters such as bidi overrides)."""
PAYLOAD = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=12)


def _csi() -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(["\x1b[", "\x9b"]),
        st.text(st.characters(min_codepoint=0x30, max_codepoint=0x3F), max_size=6),
        st.text(st.characters(min_codepoint=0x20, max_codepoint=0x2F), max_size=2),
        st.characters(min_codepoint=0x40, max_codepoint=0x7E),
    ).map("".join)


def _osc() -> st.SearchStrategy[str]:
    ends = st.one_of(st.just("\x07"), ST)
    return st.tuples(st.sampled_from(["\x1b]", "\x9d"]), PAYLOAD, ends).map("".join)


def _string_sequence() -> st.SearchStrategy[str]:
    """DCS, SOS, PM and APC, 7-bit and 8-bit."""
    intro = st.sampled_from(["\x1bP", "\x1bX", "\x1b^", "\x1b_", "\x90", "\x98", "\x9e", "\x9f"])
    return st.tuples(intro, PAYLOAD, ST).map("".join)


def _other_escape() -> st.SearchStrategy[str]:
    """ESC, intermediates, a final byte: `ESC 7`, `ESC ( B`, `ESC # 8` (not an introducer above)."""
    finals = st.characters(min_codepoint=0x30, max_codepoint=0x7E).filter(lambda c: c not in "[]PX^_")
    with_intermediates = st.tuples(
        st.text(st.characters(min_codepoint=0x20, max_codepoint=0x2F), min_size=1, max_size=2),
        st.characters(min_codepoint=0x30, max_codepoint=0x7E),
    ).map("".join)
    return st.one_of(finals, with_intermediates).map(lambda rest: "\x1b" + rest)


SEQUENCES = st.one_of(_csi(), _osc(), _string_sequence(), _other_escape())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(SEQUENCES, PRINTABLE), max_size=5), PRINTABLE)
def test_whole_escape_sequences_go_and_the_text_around_them_stays(pieces, first: str) -> None:
    text = first + "".join(sequence + after for sequence, after in pieces)
    expected = unicodedata.normalize("NFC", first + "".join(after for _, after in pieces))
    assert clean(text) == expected
    assert clean_document(text)[0] == expected  # the same rule before parsing


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_no_text_keeps_an_unsafe_character(text: str) -> None:
    cleaned = clean(text)
    assert not any(char in cleaned for char in UNSAFE)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean(cleaned) == cleaned
