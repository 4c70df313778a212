"""Spans and snippets: where a query shows in a value, and the value cut around it."""

from __future__ import annotations

from itertools import repeat

from tui.facts.search.normalize import MARK, SEP, _fold, _mark, _Query
from tui.facts.search.results import Rank

SNIPPET_WIDTH = 80


def _unmark(marked: str, pos: int) -> int:
    """A position in marked text as a position in the folded text it was made from."""
    return pos - marked.count(MARK, 0, pos)


def _to_display(display: str, folded: str, start: int, end: int) -> tuple[int, int]:
    """A span in the folded text as a span in the displayed text (they differ when casefold expands)."""
    if len(display) == len(folded):
        return start, end
    positions: list[int] = []
    for k, char in enumerate(display):
        positions.extend(repeat(k, len(_fold(char))))
    if not positions:
        return 0, 0
    last = len(positions) - 1
    return positions[min(start, last)], positions[min(max(end - 1, start), last)] + 1


def snippet(text: str, span: tuple[int, int], width: int = SNIPPET_WIDTH) -> tuple[str, tuple[int, int]]:
    """`text` cut to at most `width` characters around `span`, with … where it was cut, and the new span.

    Cuts fall at spaces, so a snippet starts and ends with whole words: a number cut in two
    (``…023년`` for ``2023년``) reads as another number. About a third of the room goes before
    the match. Only when the words holding the match are longer than `width` is a word cut.
    Works on a `Hit.text` too (to show a narrower snippet): an old … falls away when cut off.
    """
    start, end = span
    if len(text) <= width:
        return text, (start, end)
    context = max(0, (width - (end - start)) // 3)
    lo = max(0, start - context)
    hi = min(len(text), lo + width)
    lo = max(0, min(lo, hi - width))
    words = _words_around(text, start, end, width, lo)
    if words is not None:
        lo, hi = words
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    shift = len(head) - lo
    return head + text[lo:hi] + tail, (start + shift, min(end, hi) + shift)


def _words_around(text: str, start: int, end: int, width: int, near: int) -> tuple[int, int] | None:
    """A run of whole words of at most `width` characters that holds text[start:end], starting
    at the word start nearest to `near` (or earlier, if the words after it leave room); None if
    the words of the match alone are wider."""
    first = start  # the start of the match's first word and the end of its last
    while first > 0 and not text[first - 1].isspace():
        first -= 1
    last = max(end, first)
    while last < len(text) and not text[last].isspace():
        last += 1
    if last - first > width:
        return None
    lowest = max(0, last - width)
    back = min(max(near, lowest), first)  # the nearest word start at or before `near`, if any
    while back > lowest and not _word_starts(text, back):
        back -= 1
    ahead = min(max(near, lowest), first)  # and after it (the match's first word is one)
    while ahead < first and not _word_starts(text, ahead):
        ahead += 1
    lo = back if _word_starts(text, back) and near - back <= ahead - near else ahead
    hi = min(len(text), lo + width)
    if hi < len(text):
        while hi > last and not text[hi].isspace():
            hi -= 1
    while hi > max(end, lo) and text[hi - 1].isspace():
        hi -= 1
    earliest = max(0, hi - width)  # room the next word did not fit in goes to the words before
    back = earliest
    while back < lo and not _word_starts(text, back):
        back += 1
    return min(lo, back), hi


def _word_starts(text: str, at: int) -> bool:
    return at < len(text) and not text[at].isspace() and (at == 0 or text[at - 1].isspace())


def _span_in(display: str, q: _Query, rank: Rank) -> tuple[int, int] | None:
    """Where `q` matches one displayed value at `rank` (EXACT … SUBSTRING, SPACING, INITIALS), or None."""
    folded = _fold(display)
    if rank == Rank.SPACING:
        assert q.spaced is not None
        found = q.spaced.search(folded)
        return None if found is None else _to_display(display, folded, *found.span())
    marked = _mark(folded)
    if rank == Rank.INITIALS:
        assert q.initials is not None
        found = q.initials.search(marked)
        if found is None:
            return None
        start, end = _unmark(marked, found.start()), _unmark(marked, found.end())
    else:
        pattern, offset = q.pattern(rank)
        at = (SEP + marked + SEP).find(pattern)
        if at < 0:
            return None
        start = _unmark(marked, at - 1 + offset)
        end = start + len(q.text)
    return _to_display(display, folded, start, end)


def match_span(text: str, query: str) -> tuple[int, int] | None:
    """Where `query` shows in `text` (e.g. a label in a list row), to highlight it; None if it does not.

    Uses the search rules: case and normalization are ignored, a word-start match is preferred
    to one inside a word, spaces and punctuation may differ (``lee jin hyung`` in "Lee
    Jin-hyung"), and Korean initials (``ㄷㄱ``) match the syllables they start.
    """
    q = _Query.parse(query)
    if q is None:
        return None
    for rank in (Rank.WORD_PREFIX, Rank.SUBSTRING, Rank.SPACING, Rank.INITIALS):
        if (
            (rank == Rank.WORD_PREFIX and not q.lead)
            or (rank == Rank.SPACING and q.spaced is None)
            or (rank == Rank.INITIALS and q.initials is None)
        ):
            continue
        span = _span_in(text, q, rank)
        if span is not None:
            return span
    return None
