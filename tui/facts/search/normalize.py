"""Normalising text: how queries and data are folded and marked, and a parsed query (`_Query`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tui.facts.search.results import Rank

SEP = "\x1f"
"""Between the values of one field tier, and around them: ``SEP + value + SEP``."""
MARK = "\x1e"
"""Before each word start in indexed (and query) text."""
_ENTITY_SEP = "\x1c"
"""Between entities in the long strings folded at build time (never left in the index)."""
_TIER_SEP = "\x1d"
"""Between the tiers of one entity in the strings folded at build time (never left in the index)."""
_MAX = "\U0010ffff"

_WORD_START = re.compile(r"(?<![^\W_])(?=[^\W_])")
_LATIN_WORD = re.compile(r"[a-z]{4,}")
_TOKEN = re.compile(r"[^\W_]+")
_UNSPACED = re.compile(r"[^\w\x1f\x1c]|_")
"""What the spacing-free names drop: everything but letters, digits and the value/entity separators."""
_GAP = r"(?:[^\w\x1f]|_)*"
"""Between two letters of a spacing match: any run of spaces, punctuation and marks, within one value."""
_MAX_SPACED = 100
"""Longer queries (letters and digits) are not matched with spacing dropped: no name is that long,
and the pattern would take long to compile."""
_HANGUL_FIRST, _HANGUL_COUNT, _PER_INITIAL = 0xAC00, 11172, 588
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
"""The 19 initial consonants, as compatibility jamo, in syllable order."""
_CHOSEONG_SET = frozenset(CHOSEONG)
_CHO_TABLE = {_HANGUL_FIRST + i: CHOSEONG[i // _PER_INITIAL] for i in range(_HANGUL_COUNT)}
"""str.translate table: every Hangul syllable to its initial consonant."""
_CONJOINING_TO_COMPAT = {0x1100 + i: c for i, c in enumerate(CHOSEONG)}
"""Conjoining initial jamo (U+1100…, what NFD produces) to the compatibility jamo people type."""


def _clean(text: str) -> str:
    """Collapse whitespace (and the separator characters, which str.split treats as whitespace).

    Other control characters never reach here: the loader strips them (`tui.facts.sanitize`).
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the usual case, and much cheaper than splitting
    return " ".join(text.split())


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text.casefold())


def _mark(folded: str) -> str:
    return _WORD_START.sub(MARK, folded)


def normalize_query(query: str) -> str:
    """The query as it is matched: NFC, case-folded, conjoining initials made compatibility jamo,
    whitespace collapsed. Data goes through the same steps at build time."""
    text = unicodedata.normalize("NFC", query)
    return _clean(_fold(text).translate(_CONJOINING_TO_COMPAT))


def _initials_regex(body: str) -> re.Pattern[str]:
    """A pattern where each initial-consonant jamo stands for itself or any syllable it starts."""
    parts = []
    for char in body:
        if char in _CHOSEONG_SET:
            first = _HANGUL_FIRST + CHOSEONG.index(char) * _PER_INITIAL
            parts.append(f"[{char}{chr(first)}-{chr(first + _PER_INITIAL - 1)}]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


@lru_cache(maxsize=64)
def _spacing_regex(compact: str) -> re.Pattern[str]:
    """`compact` with any gap between its characters; starting at a word start if it starts with
    a Latin letter or digit (Korean words run together, so a Korean one may start anywhere)."""
    start = r"(?<![^\W_])" if compact[0].isascii() else ""
    return re.compile(start + _GAP.join(map(re.escape, compact)))


def _word_pattern(token: str) -> str:
    """What a query word must match in marked names as typed: a word start, or anywhere for Korean."""
    return MARK + token if token[0].isascii() else token


@dataclass(frozen=True, slots=True)
class _Query:
    text: str
    """Normalized query."""
    lead: str
    """MARK if the query starts with a letter or digit (so it can start a word), else ''."""
    body: str
    """The marked query without its leading mark: what a SUBSTRING match looks for."""
    cho: str
    """The body with syllables turned into initials, if the query has initial jamo; else ''."""
    initials: re.Pattern[str] | None
    mixed: bool
    """The initials query also has other characters (``대ㄱ``), to check after the cho filter."""
    tokens: tuple[str, ...]
    """The query's words (runs of letters and digits)."""
    typos: tuple[str, ...]
    """The words that may carry a typo (4 or more Latin letters); a FUZZY match needs at least one."""
    others: tuple[str, ...]
    """The other words: a multi-word FUZZY match needs each of them in the names as typed."""
    compact: str
    """The words joined, for SPACING matches (''  when too short to be worth it)."""
    year: str
    """The query if it is a 4-digit year, for in-period matches; else ''."""
    plain: bool
    """No Hangul syllable or initial consonant: found in names exactly where in their initials."""

    @classmethod
    def parse(cls, query: str) -> _Query | None:
        text = normalize_query(query)
        if not text:
            return None
        marked = _mark(text)
        lead = MARK if marked.startswith(MARK) else ""
        body = marked[len(lead) :]
        has_initials = any(c in _CHOSEONG_SET for c in text)
        tokens = tuple(_TOKEN.findall(text))
        typos = tuple(t for t in tokens if _LATIN_WORD.fullmatch(t))
        compact = "".join(tokens)
        if (
            has_initials
            or compact.isdigit()
            or not (4 if compact.isascii() else 3) <= len(compact) <= _MAX_SPACED
        ):
            compact = ""
        return cls(
            text=text,
            lead=lead,
            body=body,
            cho=body.translate(_CHO_TABLE) if has_initials else "",
            initials=_initials_regex(body) if has_initials else None,
            mixed=has_initials and any(c not in _CHOSEONG_SET for c in text),
            tokens=tokens,
            typos=typos,
            others=tuple(t for t in tokens if t not in typos),
            compact=compact,
            year=text if len(text) == 4 and text.isdigit() else "",
            plain=not has_initials and text.translate(_CHO_TABLE) == text,
        )

    @property
    def fuzzy(self) -> bool:
        return bool(self.typos)

    @property
    def spaced(self) -> re.Pattern[str] | None:
        """The compact query with any gap allowed between its letters (a word start first, for
        Latin); compiled only for the queries that look for SPACING matches."""
        return _spacing_regex(self.compact) if self.compact else None

    def pattern(self, rank: Rank) -> tuple[str, int]:
        """What to look for in ``SEP + marked value + SEP`` for `rank`, and where the query starts in it."""
        if rank == Rank.EXACT:
            return SEP + self.lead + self.body + SEP, 1 + len(self.lead)
        if rank == Rank.PREFIX:
            return SEP + self.lead + self.body, 1 + len(self.lead)
        if rank == Rank.WORD_PREFIX:
            return MARK + self.body, 1
        return self.body, 0
