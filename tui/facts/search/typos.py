"""Typo distance: which words are within a few edits of a query word.

The distance is rapidfuzz's optimal string alignment (Damerau-Levenshtein where no substring is
edited twice: a swap of two neighbours is one edit), computed in C with a cut-off: 13 times
faster than the Python version it replaced at 100,000 entities (benchmarks/README.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def _fuzzy_distance(text: str) -> int:
    """How many typos a query word of this length may carry: 1 up to 7 letters, 2 from 8."""
    return 1 if len(text) <= 7 else 2


def _distance() -> Callable[..., int]:
    """rapidfuzz's OSA distance. Importing rapidfuzz takes 15–50 ms, so it is imported when an
    index is built (in the app, in a background thread), not when the command line starts."""
    from rapidfuzz.distance import OSA

    return OSA.distance


def _close_words(text: str, words: Iterable[str], limit: int) -> list[str]:
    """The `words` within optimal-string-alignment distance `limit` of `text`."""
    distance = _distance()
    return [word for word in words if distance(text, word, score_cutoff=limit) <= limit]
