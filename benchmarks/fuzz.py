"""A longer-running fuzzer for the fact-file loader and the renderer.

    .venv/bin/python benchmarks/fuzz.py --minutes 2 [--seed S]
    .venv/bin/python benchmarks/fuzz.py --seed S --replay N      # run iteration N of seed S again

Each iteration takes the bundled facts.toml or tests/fixtures/minimal.toml, applies one to four
random mutations (bit and byte flips, line deletions, duplications and swaps, TOML-ish
insertions, value replacements, truncation, splices, random Unicode including controls, bidi and
zero-width characters, TOML escapes; 40 % of inputs get only "gentle" mutations, text inside a
string or another integer, after which the file often still loads) and loads the result the two ways the program does:
`tui.facts.loads` on the decoded text, and `tui.facts.load` on a file (`cache=False`). Then:

- a FactFileError is the expected failure: its report must hold no control or bidi character
  and every problem must be located (a line or a `where`);
- a loaded fact base must hold only safe strings (no C0 but tab and newline, no DEL, no C1, no
  bidi control; NFC), every entity must render with `tui.render.render_entity` into a
  `rich.console.Console(file=io.StringIO(), width=100)` without a control character in the
  output, and the search index the explorer builds at start-up must build;
- `loads` and `load` must agree.

Anything else is a finding: an exception other than FactFileError, an unsafe string or output,
an unlocated problem, a disagreement, or an input taking more than --timeout seconds. The first
three inputs of each kind of finding are saved to benchmarks/fuzz-findings/ (the input as
`.toml`, what happened as `.txt`, and for the first one a line-minimized `-min.toml`) and
printed as a diff against the file they were mutated from. A summary ends the run. Every
iteration's mutations come from `random.Random(f"{seed}:{iteration}")`, so `--replay` repeats one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import hashlib
import io
import os
import random
import re
import signal
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import msgspec  # noqa: E402
from rich.console import Console  # noqa: E402

from tui.facts import FactBase, FactFileError, load, loads  # noqa: E402
from tui.facts.bundled import bundled_fact_file  # noqa: E402
from tui.facts.load import decode_text  # noqa: E402
from tui.facts.search import SearchIndex  # noqa: E402
from tui.render.entity import render_entity  # noqa: E402

FINDINGS = Path(__file__).resolve().parent / "fuzz-findings"
SEEDS = {"facts.toml": bundled_fact_file(), "minimal.toml": REPO / "tests" / "fixtures" / "minimal.toml"}
KEEP_PER_KIND = 3

UNSAFE = frozenset(
    [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
)
"""C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates."""
WHOLE_FILE_PROBLEMS = ("the file is empty", "not UTF-8")
"""Problems about the file as a whole, which have no `where` (not UTF-8 has a line when it can)."""


# -- random text ------------------------------------------------------------------------------------

CONTROLS = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))]
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029", "\u0085"]
HANGUL = ["대", "구", "엘", "비", "스", "\u1100", "\u1161", "\u11a8", "\u3131", "㈜"]
COMBINING = ["\u0301", "\u0308", "\u20dd", "\u1dc0"]
WIDE_AND_ODD = ["😀", "👩\u200d💻", "🇰🇷", "\U0010ffff", "\ufffd", "\uffff", "Ω", "ℌ", "ﬁ", "Å"]
MARKUP = ["[/bold]", "[@click=app.quit]", "[link=https://example.com]x[/link]", "[KRW]", "[/]", "[b]", "\\["]
ESCAPES = [
    "\\u001b[2J",
    "\\u001b]52;c;aGk=\\u0007",
    "\\u001b]8;;http://x\\u001b\\\\",
    "\\u001b]0;pwned\\u0007",
    "\\u009b31m",
    "\\e[1m",
    "\\x1b",
    "\\x9b",
    "\\r",
    "\\b",
    "\\f",
    "\\t",
    "\\n",
    "\\u202e",
    "\\u2066",
    "\\U0001F600",
    "\\u1100\\u1161",
    "\\uD800",
    "\\u0000",
    "\\U00110000",
    "\\q",
    "\\",
]


def random_char(rng: random.Random) -> str:
    pool = rng.choice((CONTROLS, BIDI, INVISIBLE, HANGUL, COMBINING, WIDE_AND_ODD, None))
    if pool is None:
        return chr(
            rng.choice(
                (rng.randrange(0x20, 0x7F), rng.randrange(0xA0, 0x3000), rng.randrange(0x3000, 0x10000))
            )
        )
    return rng.choice(pool)


def random_text(rng: random.Random, length: int | None = None) -> str:
    length = rng.choice((1, 2, 5, 20)) if length is None else length
    parts = []
    for _ in range(length):
        kind = rng.random()
        if kind < 0.45:
            parts.append(random_char(rng))
        elif kind < 0.6:
            parts.append(rng.choice(MARKUP))
        elif kind < 0.75:
            parts.append(rng.choice(ESCAPES))
        else:
            parts.append(
                rng.choice(("a", "LVIS", "대구", " ", "lvis", "2023", '"', "'", "=", "{", "}", "[", "]", ","))
            )
    return "".join(parts)


# -- TOML-ish snippets --------------------------------------------------------------------------------

KEYS = [
    "id",
    "name",
    "kind",
    "title",
    "outlet",
    "published",
    "parties",
    "signatories",
    "amount",
    "currency",
    "money",
    "valuation",
    "as_of",
    "founded",
    "founders",
    "parent",
    "roles",
    "organization",
    "date",
    "date_note",
    "date_precision",
    "period",
    "start",
    "end",
    "budget",
    "owner",
    "provenance",
    "source",
    "paragraph",
    "quote",
    "text",
    "speaker",
    "participants",
    "related",
    "aliases",
    "summary",
    "tags",
    "ko",
    "en",
    "meta",
    "schema_version",
    "language",
    "url",
    "area",
    "value",
    "unit",
    "label",
    "figures",
    "goals",
    "investments",
    "by",
    "due",
    "commitments",
    "party",
    "x",
    "a.b.c",
    '"quoted key"',
]
IDS = [
    "lvis",
    "daegu-city",
    "dip",
    "acme",
    "city",
    "kim",
    "mou",
    "plan",
    "talk",
    "src",
    "donga-2023-03-07",
    "nope",
]
TABLES = [
    "meta",
    "sources",
    "organizations",
    "people",
    "agreements",
    "projects",
    "events",
    "agreements.commitments",
]


def random_value(rng: random.Random, depth: int = 0) -> str:
    choice = rng.randrange(14 if depth < 3 else 10)
    if choice == 0:
        return f'"{random_text(rng)}"'
    if choice == 1:
        return f"'{random_text(rng).replace(chr(39), '')}'"
    if choice == 2:
        return f'"""{random_text(rng, 8)}"""'
    if choice == 3:
        return str(rng.choice((0, 1, -1, 2013, 9999, 10000, 2**63, 2**64, 10**26 - 1, -(2**63) - 1)))
    if choice == 4:
        return rng.choice(
            ("inf", "-inf", "nan", "1e308", "1e309", "0.5", "-0.0", "1_000", "0x1F", "0o17", "0b101")
        )
    if choice == 5:
        return rng.choice(
            ("2023-03-06", "2023-02-30", "0001-01-01", "9999-12-31", "03:00:00", "2023-03-06T03:00:00Z")
        )
    if choice == 6:
        return rng.choice(("true", "false"))
    if choice == 7:
        return f'"{rng.choice(IDS)}"'
    if choice == 8:
        return rng.choice(('"KRW"', '"krw"', '"KR"', '"US D"', '""'))
    if choice == 9:
        return rng.choice(("", "=", "[", "{", '"', "'''", "]]"))  # broken
    if choice in (10, 11):
        items = ", ".join(random_value(rng, depth + 1) for _ in range(rng.randrange(4)))
        return f"[{items}]"
    pairs = ", ".join(f"{rng.choice(KEYS)} = {random_value(rng, depth + 1)}" for _ in range(rng.randrange(4)))
    return f"{{ {pairs} }}"


def random_line(rng: random.Random) -> str:
    choice = rng.randrange(10)
    if choice == 0:
        return f"[[{rng.choice(TABLES)}]]"
    if choice == 1:
        return f"[{rng.choice(TABLES)}]"
    if choice == 2:
        return f'id = "{rng.choice(IDS)}"'
    if choice == 3:
        return "# " + random_text(rng, 10)
    if choice == 4:  # nesting deep enough to matter, kept small enough to stay fast
        depth = rng.choice((50, 200, 400, 1000))
        return (
            "x = " + "[" * depth + "]" * depth
            if rng.random() < 0.5
            else "x = " + "{a=" * depth + "1" + "}" * depth
        )
    if choice == 5:
        return ".".join(rng.choice(KEYS).strip('"') for _ in range(rng.choice((2, 5, 50, 900)))) + " = 1"
    return f"{rng.choice(KEYS)} = {random_value(rng)}"


# -- mutations -----------------------------------------------------------------------------------------

Mutation = Callable[[random.Random, bytes, list[bytes]], bytes]


def flip_bits(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if buf:
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    return bytes(buf)


def set_bytes(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    interesting = b"\x00\x07\x08\x0b\x0c\r\x1b\x7f\x80\x9b\xc2\xe2\xef\xff\"'[]{}=,.#\\\n \t0"
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.choice(interesting)
    return bytes(buf)


def lines_of(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_lines(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    lines = lines_of(data)
    start = rng.randrange(len(lines))
    del lines[start : start + rng.choice((1, 1, 2, 5, 20))]
    return b"\n".join(lines)


def duplicate_lines(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    lines = lines_of(data)
    start = rng.randrange(len(lines))
    block = lines[start : start + rng.choice((1, 1, 3, 10))]
    at = rng.randrange(len(lines) + 1)
    return b"\n".join(lines[:at] + block + lines[at:])


def swap_lines(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    lines = lines_of(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def insert_line(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    lines = lines_of(data)
    at = rng.randrange(len(lines) + 1)
    lines.insert(at, random_line(rng).encode("utf-8", "surrogatepass"))
    return b"\n".join(lines)


def replace_value(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    """Replace the value of one `key = value` line with a random one."""
    lines = lines_of(data)
    candidates = [n for n, line in enumerate(lines) if b" = " in line and not line.startswith(b"#")]
    if not candidates:
        return insert_line(rng, data, corpus)
    n = rng.choice(candidates)
    key = lines[n].split(b" = ", 1)[0]
    lines[n] = key + b" = " + random_value(rng).encode("utf-8", "surrogatepass")
    return b"\n".join(lines)


def inject_text(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    """Random Unicode (controls, bidi, zero-width, escapes, markup), preferably inside a string."""
    quotes = [n for n in range(len(data)) if data[n : n + 1] == b'"'] if len(data) < 100_000 else []
    at = rng.choice(quotes) + 1 if quotes and rng.random() < 0.8 else rng.randrange(len(data) + 1)
    return data[:at] + random_text(rng).encode("utf-8", "surrogatepass") + data[at:]


def truncate(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def splice(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    other = rng.choice(corpus)
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]


def insert_bom_or_encoding(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    choice = rng.randrange(4)
    if choice == 0:
        return b"\xef\xbb\xbf" + data
    if choice == 1:
        return data.replace(b"\n", b"\r\n")
    if choice == 2:
        return unicodedata.normalize("NFD", data.decode("utf-8", "replace")).encode()
    return data.replace(b"\n", b"\r", rng.randint(1, 3))


SAFE_ESCAPES = [e for e in ESCAPES if e not in ("\\uD800", "\\U00110000", "\\q", "\\")]


def gentle_text(rng: random.Random) -> str:
    """Random text that keeps a basic string valid TOML: no quote, no lone backslash, valid escapes."""
    parts = []
    for _ in range(rng.choice((1, 3, 8, 30))):
        kind = rng.random()
        if kind < 0.5:
            char = random_char(rng)
            parts.append("" if char in ('"', "\\") else char)
        elif kind < 0.7:
            parts.append(rng.choice(MARKUP).replace("\\", ""))
        else:
            parts.append(rng.choice(SAFE_ESCAPES))
    return "".join(parts)


def string_in_place(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    """Random text inside one `key = "..."` string: most such files still load, so rendering is fuzzed."""
    lines = lines_of(data)
    candidates = [n for n, line in enumerate(lines) if b'= "' in line and not line.startswith(b"#")]
    if not candidates:
        return inject_text(rng, data, corpus)
    n = rng.choice(candidates)
    quotes = [i for i in range(len(lines[n])) if lines[n][i : i + 1] == b'"' and lines[n][i - 1 : i] != b"\\"]
    at = rng.choice(quotes[::2]) + 1  # just after an opening quote
    lines[n] = lines[n][:at] + gentle_text(rng).encode("utf-8", "surrogatepass") + lines[n][at:]
    return b"\n".join(lines)


def number_in_place(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    """Another integer for one `key = 123` value: huge, negative, zero, hexadecimal."""
    lines = lines_of(data)
    candidates = [
        (n, m.span(1))
        for n, line in enumerate(lines)
        for m in re.finditer(rb"= (\d+)\b", line)
        if not line.startswith(b"#")
    ]
    if not candidates:
        return replace_value(rng, data, corpus)
    n, (start, end) = rng.choice(candidates)
    digits = rng.choice((1, 4, 19, 20, 26, 320, 400, 4000, 4400))
    # Digit strings, not str(int): Python refuses to print ints of more than 4300 digits.
    decimal = rng.choice("123456789") + "".join(rng.choices("0123456789", k=digits - 1))
    number = rng.choice(
        (
            decimal,
            "-" + decimal,
            "0",
            "0x" + "".join(rng.choices("0123456789abcdef", k=digits)),
            decimal[:6] + "_000",
        )
    )
    lines[n] = lines[n][:start] + number.encode() + lines[n][end:]
    return b"\n".join(lines)


GENTLE: tuple[Mutation, ...] = (string_in_place, string_in_place, string_in_place, number_in_place)
"""Mutations after which the file often still loads."""

MUTATIONS: tuple[Mutation, ...] = (
    flip_bits,
    set_bytes,
    delete_lines,
    duplicate_lines,
    swap_lines,
    insert_line,
    insert_line,
    replace_value,
    replace_value,
    replace_value,
    inject_text,
    inject_text,
    inject_text,
    truncate,
    splice,
    insert_bom_or_encoding,
)


def make_input(seed: str, iteration: int, corpus: dict[str, bytes]) -> tuple[str, bytes, list[str]]:
    """The input of one iteration: the seed file it came from, its bytes, the mutations applied."""
    rng = random.Random(f"{seed}:{iteration}")
    origin = rng.choice(sorted(corpus))
    data = corpus[origin]
    applied = []
    pool = GENTLE if rng.random() < 0.4 else MUTATIONS
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        mutation = rng.choice(pool)
        data = mutation(rng, data, list(corpus.values()))
        applied.append(mutation.__name__)
    return origin, data, applied


# -- the oracles -------------------------------------------------------------------------------------


class Timeout(Exception):
    pass


@dataclass
class Finding:
    kind: str
    """What went wrong, e.g. 'crash: ValueError at tui/facts/load.py:151'; findings of one kind are one bug."""
    details: str


def _unsafe(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if c in UNSAFE})


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            yield from strings(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item)


def _where(exc: BaseException) -> str:
    """The innermost frame of the exception inside this project (or the innermost at all)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/tui/" in f.filename] or frames
    if not ours:
        return "?"
    frame = ours[-1]
    name = os.path.relpath(frame.filename, REPO) if frame.filename.startswith(str(REPO)) else frame.filename
    return f"{name}:{frame.lineno} ({frame.name})"


def _crash(stage: str, exc: BaseException, context: str = "") -> Finding:
    """One bug is one kind: the stage, the exception's type and where it was raised (not the entity)."""
    return Finding(
        f"crash in {stage}: {type(exc).__name__} at {_where(exc)}",
        (context + "\n" if context else "") + "".join(traceback.format_exception(exc))[-4000:],
    )


def _outcome(attempt: Callable[[], FactBase]) -> FactBase | FactFileError | BaseException:
    try:
        return attempt()
    except FactFileError as error:
        return error
    except Timeout:
        raise
    except (Exception, RecursionError) as exc:  # everything but KeyboardInterrupt and SystemExit
        return exc


def check_input(data: bytes, scratch: Path) -> tuple[str, list[Finding]]:
    """Run every oracle on one input; returns ('loaded' | 'rejected' | 'finding', findings)."""
    findings: list[Finding] = []

    def from_text() -> FactBase:
        return loads(decode_text(data, scratch), str(scratch))

    def from_file() -> FactBase:
        scratch.write_bytes(data)
        return load(scratch, cache=False)

    by_text, by_file = _outcome(from_text), _outcome(from_file)
    crashes = {
        stage: result
        for stage, result in (("loads", by_text), ("load", by_file))
        if isinstance(result, BaseException) and not isinstance(result, FactFileError)
    }
    if crashes:
        found = {stage: _crash("loading", exc, f"in {stage}") for stage, exc in crashes.items()}
        if len(found) == 2 and found["loads"].kind == found["load"].kind:
            return "finding", [found["loads"]]  # one bug, seen both ways
        return "finding", [Finding(f.kind.replace("loading", stage), f.details) for stage, f in found.items()]

    if type(by_text) is not type(by_file):
        findings.append(
            Finding("loads and load disagree", f"loads: {by_text!r:.500}\nload: {by_file!r:.500}")
        )
    elif isinstance(by_text, FactFileError) and isinstance(by_file, FactFileError):
        if by_text.format() != by_file.format():
            findings.append(
                Finding(
                    "loads and load report differently",
                    f"{by_text.format()[:1500]}\n---\n{by_file.format()[:1500]}",
                )
            )
    elif isinstance(by_text, FactBase) and isinstance(by_file, FactBase):
        if tuple(by_text) != tuple(by_file) or by_text.meta != by_file.meta:
            findings.append(Finding("loads and load load different data", ""))

    if isinstance(by_text, FactFileError):
        report = by_text.format()
        if _unsafe(report):
            findings.append(
                Finding(f"unsafe character in a report: {', '.join(_unsafe(report))}", report[:3000])
            )
        for problem in by_text.problems:
            if (
                problem.line is None
                and not problem.where
                and not problem.message.startswith(WHOLE_FILE_PROBLEMS)
            ):
                findings.append(Finding(f"unlocated problem: {problem.message[:60]}", report[:3000]))
                break
        return ("finding" if findings else "rejected"), findings

    facts = by_text
    assert isinstance(facts, FactBase)
    texts = [*strings(facts.meta), *(s for entity in facts for s in strings(entity))]
    for text in texts:
        if _unsafe(text):
            findings.append(Finding(f"unsafe character kept: {', '.join(_unsafe(text))}", repr(text)[:2000]))
            break
        if not unicodedata.is_normalized("NFC", text):
            findings.append(Finding("string not NFC", repr(text)[:2000]))
            break
    lang = "ko" if len(data) % 2 else "en"
    for entity in facts:
        out = io.StringIO()
        try:
            Console(file=out, width=100).print(render_entity(facts, entity, lang))
        except Timeout:
            raise
        except Exception as exc:
            findings.append(
                _crash("render_entity", exc, f"rendering {entity.KIND} {entity.id!r} in {lang!r}")
            )
            break
        if _unsafe(out.getvalue()):
            findings.append(
                Finding(
                    f"unsafe character rendered: {', '.join(_unsafe(out.getvalue()))}", out.getvalue()[:3000]
                )
            )
            break
    try:
        SearchIndex.build(facts)
    except Timeout:
        raise
    except Exception as exc:
        findings.append(_crash("SearchIndex.build", exc))
    return ("finding" if findings else "loaded"), findings


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_one(data: bytes, scratch: Path, timeout: float) -> tuple[str, list[Finding]]:
    try:
        with time_limit(timeout):
            return check_input(data, scratch)
    except Timeout:
        return "finding", [Finding(f"slower than {timeout:g} s", "")]


# -- reporting --------------------------------------------------------------------------------------


def minimize(data: bytes, kind: str, scratch: Path, timeout: float, budget: float = 10.0) -> bytes:
    """Drop chunks of lines while the same kind of finding still happens (greedy, time-bounded)."""
    deadline = time.monotonic() + budget
    lines = lines_of(data)
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        n, shrunk = 0, False
        while n < len(lines) and time.monotonic() < deadline:
            candidate = lines[:n] + lines[n + chunk :]
            _, found = run_one(b"\n".join(candidate), scratch, timeout)
            if any(f.kind == kind for f in found):
                lines, shrunk = candidate, True
            else:
                n += chunk
        if not shrunk:
            chunk //= 2
    return b"\n".join(lines)


def shown(data: bytes) -> str:
    """Bytes as printable text: anything not printable ASCII or common Unicode is escaped."""
    text = data.decode("utf-8", "backslashreplace")
    return "".join(c if (c.isprintable() and c not in UNSAFE) or c == "\n" else ascii(c)[1:-1] for c in text)


def diff_against(origin: bytes, data: bytes, limit: int = 40) -> str:
    lines = list(
        difflib.unified_diff(
            shown(origin).split("\n"), shown(data).split("\n"), "seed", "input", n=1, lineterm=""
        )
    )
    if len(lines) > limit:
        lines = [*lines[:limit], f"... ({len(lines) - limit} more diff lines)"]
    return "\n".join(line[:200] for line in lines)


def save_finding(
    out: Path,
    finding: Finding,
    data: bytes,
    origin: str,
    seed: str,
    iteration: int,
    applied: list[str],
    number: int,
) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.blake2b(finding.kind.encode(), digest_size=4).hexdigest()
    stem = f"{digest}-{number}"
    path = out / f"{stem}.toml"
    path.write_bytes(data)
    (out / f"{stem}.txt").write_text(
        f"kind: {finding.kind}\nfrom: {origin}\nseed: {seed}\niteration: {iteration}\n"
        f"mutations: {', '.join(applied)}\nreplay: .venv/bin/python benchmarks/fuzz.py --seed {seed} "
        f"--replay {iteration}\n\n{finding.details}\n",
        encoding="utf-8",
    )
    return path


def relative(path: Path) -> str:
    return os.path.relpath(path, REPO) if path.resolve().is_relative_to(REPO) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to run (default 1)")
    parser.add_argument("--seed", default=None, help="the random seed (default: a new one, printed)")
    parser.add_argument("--iterations", type=int, default=None, help="stop after this many inputs")
    parser.add_argument(
        "--replay", type=int, default=None, metavar="N", help="run only iteration N of --seed"
    )
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one input may take (default 10)")
    parser.add_argument(
        "--out", type=Path, default=FINDINGS, help="where findings go (default benchmarks/fuzz-findings)"
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else str(random.SystemRandom().randrange(10**9))
    if args.replay is not None and args.seed is None:
        parser.error("--replay needs the --seed of the run")
    corpus = {name: path.read_bytes() for name, path in SEEDS.items()}
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))

    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    started = time.monotonic()
    deadline = started + args.minutes * 60
    iteration = args.replay if args.replay is not None else 0
    print(f"fuzzing tui.facts.loads/load and tui.render.render_entity, seed {seed}", flush=True)
    with tempfile.TemporaryDirectory(prefix="facts-fuzz-") as scratch_dir:
        scratch = Path(scratch_dir) / "input.toml"
        while True:
            if args.replay is None and (
                time.monotonic() >= deadline or (args.iterations is not None and iteration >= args.iterations)
            ):
                break
            origin, data, applied = make_input(seed, iteration, corpus)
            outcome, findings = run_one(data, scratch, args.timeout)
            outcomes[outcome] += 1
            for finding in findings:
                kinds[finding.kind] += 1
                if kinds[finding.kind] > KEEP_PER_KIND and args.replay is None:
                    continue
                first_seen.setdefault(finding.kind, iteration)
                path = save_finding(
                    args.out, finding, data, origin, seed, iteration, applied, kinds[finding.kind]
                )
                print(
                    f"\n== finding #{kinds[finding.kind]} of its kind at iteration {iteration}: {finding.kind}"
                )
                print(f"   from {origin} by {', '.join(applied)}; saved to {relative(path)}")
                print(diff_against(corpus[origin], data))
                if finding.details:
                    print("   " + finding.details.strip().split("\n")[-1][:300])
                if kinds[finding.kind] == 1 and not finding.kind.startswith("slower"):
                    budget = min(3.0, max(0.5, deadline - time.monotonic()))
                    small = minimize(data, finding.kind, scratch, args.timeout, budget)
                    small_path = path.with_name(path.stem + "-min.toml")
                    small_path.write_bytes(small)
                    print(f"   minimized to {len(small)} bytes: {relative(small_path)}")
                    print("   " + shown(small)[:1500].replace("\n", "\n   "))
                sys.stdout.flush()
            iteration += 1
            if args.replay is not None:
                break
            if iteration % 250 == 0:
                elapsed = time.monotonic() - started
                print(f"[{elapsed:6.0f} s] {iteration} inputs, {sum(kinds.values())} findings", flush=True)
    elapsed = time.monotonic() - started
    total = sum(outcomes.values())
    print("\n== summary")
    print(f"date:        {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"seed:        {seed}")
    print(f"duration:    {elapsed:.1f} s")
    print(f"iterations:  {total} ({total / elapsed if elapsed else 0:.1f}/s)")
    print(
        f"outcomes:    loaded {outcomes['loaded']}, rejected with FactFileError {outcomes['rejected']}, "
        f"findings {outcomes['finding']}"
    )
    print(f"findings:    {sum(kinds.values())} in {len(kinds)} kind(s)")
    for kind, count in kinds.most_common():
        print(f"  {count:6d} × {kind} (first at iteration {first_seen.get(kind, '?')})")
    if kinds:
        print(f"inputs saved in {relative(args.out)}/")
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())
