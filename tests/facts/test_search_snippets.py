"""Snippets cut at spaces: a snippet starts and ends with whole words of its text, so a number is
never cut into another number (``…023년`` for ``2023년``), unless the words around the match are
longer than the room. The one snippet function serves the palette, the search screen and the CLI.

The property is checked for every word of every searchable value of the bundled file, as the
match, at several widths.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tui.facts import FactBase
from tui.facts.search import snippet
from tui.facts.search.fields import _fields
from tui.facts.search.snippets import SNIPPET_WIDTH

WIDTHS = (12, 20, 33, 48, SNIPPET_WIDTH)


def words(text: str) -> Iterator[tuple[int, int]]:
    """Where each space-separated word of `text` is."""
    for found in re.finditer(r"\S+", text):
        yield found.span()


def cut(text: str, span: tuple[int, int], width: int) -> tuple[str, str, int, int]:
    """A snippet, its body (between the … marks) and where the body lies in `text`."""
    short, (start, _end) = snippet(text, span, width)
    head = 1 if short.startswith("…") and not text.startswith("…") else 0
    lo = span[0] - (start - head)
    tail = 1 if short.endswith("…") and short[head:] != text[lo:] else 0
    body = short[head : len(short) - tail]
    return short, body, lo, lo + len(body)


def whole_words_around(text: str, span: tuple[int, int]) -> int:
    """How many characters the words holding `span` take."""
    first, last = span
    while first > 0 and not text[first - 1].isspace():
        first -= 1
    while last < len(text) and not text[last].isspace():
        last += 1
    return last - first


@pytest.fixture(scope="module")
def texts(bundled: FactBase) -> list[str]:
    found = {value for entity in bundled for _field, _tier, values in _fields(entity) for value in values}
    assert len(found) > 200
    return sorted(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_snippet_starts_and_ends_with_whole_words(texts: list[str], width: int) -> None:
    cuts = 0
    for text in texts:
        for span in words(text):
            short, body, lo, hi = cut(text, span, width)
            assert len(body) <= width and body == text[lo:hi], (text, short)
            assert (lo <= span[0] and span[1] <= hi) or whole_words_around(text, span) > width, short
            if whole_words_around(text, span) > width:
                continue  # one word wider than the room: it is cut, and says so with …
            cuts += lo > 0 or hi < len(text)
            assert lo == 0 or text[lo - 1].isspace(), f"starts inside a word: {short!r} from {text!r}"
            assert hi == len(text) or text[hi].isspace(), f"ends inside a word: {short!r} from {text!r}"
            assert not text[lo:hi].startswith(" ") and not text[lo:hi].endswith(" "), short
    assert cuts > 100, "the bundled file has long texts to cut"


def test_the_reviewed_summary_keeps_its_year_whole(bundled: FactBase) -> None:
    """The palette showed '요약: …023년 3월 6일 …' for Daegu City's summary."""
    text = " ".join(bundled["daegu-city"].summary.ko.split())
    at = text.index("북구")
    for width in range(10, len(text)):
        short, _span = snippet(text, (at, at + 2), width)
        assert "023년" not in short or "2023년" in short, short


def test_the_match_is_kept_and_marked() -> None:
    text = (
        "대구시는 2023년 3월 6일 북구 산격청사에서 엘비스(LVIS), 대구디지털혁신진흥원(DIP)과 협약을 맺었다."
    )
    at = text.index("LVIS")
    for width in range(14, len(text)):
        short, (start, end) = snippet(text, (at, at + 4), width)
        assert short[start:end] == "LVIS", (width, short)
        assert len(short.strip("…")) <= width
