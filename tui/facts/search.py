"""Ranked search over a fact base: Korean- and typo-aware, fast enough to run on every keystroke.

No Textual here. Build the index once, when the file is loaded, and query it as the user types::

    index = SearchIndex.build(facts)
    result = index.search("대구", limit=50)          # SearchResult: .hits (best first), .total
    ids = index.ranked_ids("lvis", kinds={"project"})  # every match in rank order, no snippets
    shown = index.matches(section_ids, "neuro")      # filter one section's list, keeping its order
    hit = index.hit("lvis", "엘비스")                  # field, snippet and span for one entity
    span = match_span("대구시 산격청사", "ㄷㄱ")        # highlight the query in any text: (0, 2)

What matches
    Ids; names and aliases (Korean and English; a source's title counts as its name); tags;
    amounts (``760억``, ``760억 원``, ``76 billion``, ``KRW 76.0 billion``, ``76000000000``) and
    dates (``2023-03``, ``2028``); places, locations, a source's outlet and author; agreement
    commitments, quotes (event quotes and provenance quotes) and summaries. Amount and date
    texts come from `tui.facts.money`, so they read exactly as the rest of the program prints
    them. A project's period ``2023–2028`` is matched by its end years as text, and a year
    strictly inside it (``2025``) finds the project too (rank SUBSTRING, field ``"period"``,
    the whole period highlighted), but only if nothing else in the entity matches, and only
    for periods of up to `MAX_PERIOD_YEARS` years.

Normalization
    Query and data are NFC-normalized and case-folded (`str.casefold`), and runs of whitespace
    count as one space, so ``LVIS``, ``lvis`` and an NFD-typed ``엘비스`` all work.

Korean initials (choseong)
    A query character that is an initial consonant (ㄱ … ㅎ, compatibility or conjoining jamo)
    matches any syllable starting with it; a full syllable matches itself: ``ㄷㄱ`` and ``대ㄱ``
    both find 대구. Only names, titles and aliases are searched this way, and only by queries that
    contain such a jamo.

Typos
    A Latin query of one word and at least 4 letters also finds names and aliases with a word
    within Damerau-Levenshtein distance 1 (query of 4–7 letters) or 2 (8 or more) of it:
    ``nueromatch`` finds NeuroMatch. Words shorter than 4 letters are never fuzzy-matched.

Ranking
    Each entity appears once, with its best match. Better ranks first (`Rank`: EXACT, PREFIX,
    WORD_PREFIX, SUBSTRING, INITIALS, FUZZY). EXACT means the query is a whole field value and
    PREFIX that a value starts with it; both apply to the short fields only (names, ids, tags,
    amounts, dates, places), never to long text (summaries, commitments, quotes), which match
    from WORD_PREFIX down. A word starts after any character that is not a letter or a digit,
    so in ``lee-jin-hyung`` and ``(주)코아`` every part starts a word. Within a rank, fields
    come in tiers: names (id, name, aliases) first, then tags, then amounts and dates, then
    places, then long text. Ties then go by kind (`ENTITY_KINDS` order), label (in the
    requested language, case-folded), and id, so the order is always the same.

Speed
    At build time every field is case-folded once into one string per entity: its field tiers
    in order, with a marker before each word start (arrays say where each tier ends), so that
    each ranking rule is a plain substring test that C code runs over many entities at once.
    The names are kept once more with syllables turned into initials, for initials queries and,
    as they equal the names wherever there is no Hangul, for other queries' name checks. A word
    list (every distinct run of letters and digits, with the entities using it) finds the
    candidates of a new query without reading all the text: an occurrence of a query word lies
    inside one indexed word. A query that extends the previous one re-checks only the previous
    matches. EXACT and PREFIX look values up by bisection in a sorted table of where the short
    fields' values are, and with a `limit` the ranking stops as soon as the best `limit`
    entities are known. For 100,000 entities: about 5–6 s to build, 2–25 ms per keystroke
    (`benchmarks/search_bench.py`), and about 90 MB for the index (110 MB at the peak of the
    build, which folds a slice of entities at a time). Nothing in it is a list, dict or set per
    entity, so the garbage collector has little to walk.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import threading
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import partial
from itertools import accumulate, chain, compress, pairwise, repeat
from itertools import count as numbers
from operator import add, and_, contains, lt, ne, not_

from tui.facts.index import FactBase
from tui.facts.model import (
    ENTITY_KINDS,
    Agreement,
    Dated,
    Entity,
    Event,
    Language,
    Money,
    Named,
    Organization,
    Project,
    Source,
)
from tui.facts.money import format_date, format_money
from tui.facts.text import period_text

__all__ = ["Hit", "Rank", "SearchIndex", "SearchResult", "match_span", "normalize_query", "snippet"]


class Rank(IntEnum):
    """How well a query matches; lower is better."""

    EXACT = 0
    """The query is a whole value of a short field (a name, alias, id, tag, amount, date, place)."""
    PREFIX = 1
    """A short field's value starts with the query."""
    WORD_PREFIX = 2
    """The query starts at a word start inside a value."""
    SUBSTRING = 3
    """The query is somewhere inside a value (or, for a year, inside a project's period)."""
    INITIALS = 4
    """Korean initial consonants: ``ㄷㄱ`` or ``대ㄱ`` for 대구 (names and aliases only)."""
    FUZZY = 5
    """A name or alias word is one or two typos away from the query."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One entity found by a query, with where and how it matched.

    `text` is the matched field's value (whitespace collapsed), cut to about 80 characters
    around the match with ``…``; ``text[span[0]:span[1]]`` is the matched part, to highlight.
    """

    entity_id: str
    kind: str
    rank: Rank
    field: str
    """Where the best match is: "id", "name.ko", "name.en", "title.ko", "title.en", "aliases",
    "tags", "amount", "date", "period", "place", "location", "outlet", "author", "commitments",
    "quote", "summary.ko" or "summary.en"."""
    text: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The best hits (at most the limit asked for) and how many entities match in all."""

    hits: list[Hit]
    total: int


# -- text ---------------------------------------------------------------------------------------------

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
_NARROW = 8192
"""Up to this many matches of the previous query, re-checking them beats any index."""
_SMALL_UNION = 2048
"""Up to this many word-list entries, a set union beats marking entities in a bytearray."""
_MAX_WORDS = 5000
"""Above this many words containing the query, checking each entity is cheaper than the word list."""
_BUILD_SLICE = 4096
"""Entities folded and marked at once at build time: enough for C to do the work, few enough that
the intermediate copies stay small."""
_NOWHERE = 0xFFFFFFFF
"""A position past the end of any hay (what -1 becomes, masked to 32 bits)."""
_BUCKET_PREFIX = 3
"""Short values are sorted in buckets by this many first characters (a mark and two more)."""

_HANGUL_FIRST, _HANGUL_COUNT, _PER_INITIAL = 0xAC00, 11172, 588
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
"""The 19 initial consonants, as compatibility jamo, in syllable order."""
_CHOSEONG_SET = frozenset(CHOSEONG)
_CHO_TABLE = {_HANGUL_FIRST + i: CHOSEONG[i // _PER_INITIAL] for i in range(_HANGUL_COUNT)}
"""str.translate table: every Hangul syllable to its initial consonant."""
_CONJOINING_TO_COMPAT = {0x1100 + i: c for i, c in enumerate(CHOSEONG)}
"""Conjoining initial jamo (U+1100…, what NFD produces) to the compatibility jamo people type."""

# Field tiers, best first: which kind of field a match is in decides ties within a rank.
NAMES, TAGS, VALUES, PLACES, TEXT = range(5)
TIERS = (NAMES, TAGS, VALUES, PLACES, TEXT)
SHORT_TIERS = (NAMES, TAGS, VALUES, PLACES)
"""Tiers whose values can match EXACT or PREFIX."""

_KIND_INDEX = {kind: i for i, kind in enumerate(ENTITY_KINDS)}


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
    fuzzy: bool
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
        return cls(
            text=text,
            lead=lead,
            body=body,
            cho=body.translate(_CHO_TABLE) if has_initials else "",
            initials=_initials_regex(body) if has_initials else None,
            mixed=has_initials and any(c not in _CHOSEONG_SET for c in text),
            fuzzy=len(text) >= 4 and text.isascii() and text.isalpha(),
            year=text if len(text) == 4 and text.isdigit() else "",
            plain=not has_initials and text.translate(_CHO_TABLE) == text,
        )

    def pattern(self, rank: Rank) -> tuple[str, int]:
        """What to look for in ``SEP + marked value + SEP`` for `rank`, and where the query starts in it."""
        if rank == Rank.EXACT:
            return SEP + self.lead + self.body + SEP, 1 + len(self.lead)
        if rank == Rank.PREFIX:
            return SEP + self.lead + self.body, 1 + len(self.lead)
        if rank == Rank.WORD_PREFIX:
            return MARK + self.body, 1
        return self.body, 0


# -- what is searchable ----------------------------------------------------------------------------


def _amount_texts(money: Money) -> list[str]:
    """`format_money` in both languages, plus the spellings people type: 760억원, KRW 76 billion, 76000000000."""
    ko, en = format_money(money, "ko"), format_money(money, "en")
    texts = [ko, ko.replace(" ", ""), en, en.replace(".0 ", " "), str(money.amount), f"{money.amount:,}"]
    return list(dict.fromkeys(texts))


def _year_text(year: int) -> str:
    return format_date(dt.date(year, 1, 1), "year")


def _fields(entity: Entity) -> list[tuple[str, int, list[str]]]:
    """Every searchable field of an entity as (field, tier, values), best field first within each tier."""
    fields: list[tuple[str, int, list[str]]] = [("id", NAMES, [entity.id])]
    if isinstance(entity, Named):
        fields += [
            ("name.ko", NAMES, [entity.name.ko]),
            ("name.en", NAMES, [entity.name.en]),
            ("aliases", NAMES, list(entity.aliases)),
        ]
    elif isinstance(entity, Source):
        fields += [("title.ko", NAMES, [entity.title.ko]), ("title.en", NAMES, [entity.title.en])]
    fields.append(("tags", TAGS, list(entity.tags)))

    amounts: list[str] = []
    dates: list[str] = []
    places: list[str] = []
    location: list[str] = []
    commitments: list[str] = []
    quotes: list[str] = []
    if isinstance(entity, Dated):
        if entity.date is not None:
            dates.append(format_date(entity.date, entity.date_precision))
        places += (entity.place.ko, entity.place.en)
    if isinstance(entity, Organization):
        if entity.valuation is not None:
            amounts += _amount_texts(entity.valuation.money)
            dates.append(_year_text(entity.valuation.as_of))
        if entity.founded is not None:
            dates.append(_year_text(entity.founded))
        location += (entity.location.ko, entity.location.en)
    elif isinstance(entity, Project):
        if entity.budget is not None:
            amounts += _amount_texts(entity.budget)
        if entity.period is not None:
            dates.append(period_text(entity))
        location += (entity.location.ko, entity.location.en)
    elif isinstance(entity, Agreement):
        for investment in entity.investments:
            amounts += _amount_texts(investment.money)
            if investment.due is not None:
                dates.append(format_date(investment.due, investment.due_precision))
            places += (investment.place.ko, investment.place.en)
        for commitment in entity.commitments:
            commitments += (commitment.text.ko, commitment.text.en)
    elif isinstance(entity, Event):
        if entity.quote is not None:
            quotes.append(entity.quote.text)
    elif isinstance(entity, Source):
        dates.append(format_date(entity.published))
    if isinstance(entity, Named):
        quotes += (p.quote for p in entity.provenance)
    fields += [("amount", VALUES, amounts), ("date", VALUES, dates)]
    if isinstance(entity, Source):
        fields += [
            ("outlet", PLACES, [entity.outlet.ko, entity.outlet.en]),
            ("author", PLACES, [entity.author]),
        ]
    fields += [
        ("place", PLACES, places),
        ("location", PLACES, location),
        ("commitments", TEXT, commitments),
        ("quote", TEXT, quotes),
        ("summary.ko", TEXT, [entity.summary.ko]),
        ("summary.en", TEXT, [entity.summary.en]),
    ]
    out = []
    for name, tier, values in fields:
        kept = [c for c in map(_clean, values) if c]
        if kept:
            out.append((name, tier, kept))
    return out


MAX_PERIOD_YEARS = 200
"""Longer periods are found by their start and end years only."""


def _period_years(entity: Entity) -> range:
    """The years strictly inside a project's period (2024–2027 for 2023–2028)."""
    if isinstance(entity, Project) and entity.period is not None and entity.period.end is not None:
        if entity.period.end - entity.period.start <= MAX_PERIOD_YEARS:
            return range(entity.period.start + 1, entity.period.end)
    return range(0)


# -- typo distance -----------------------------------------------------------------------------------


def _fuzzy_distance(text: str) -> int:
    return 1 if len(text) <= 7 else 2


def _within_distance(a: str, b: str, limit: int) -> bool:
    """Whether the optimal-string-alignment (Damerau-Levenshtein) distance of a and b is <= limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai != b[j - 1]))
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return False
        before, previous = previous, current
    return previous[-1] <= limit


# -- spans and snippets ---------------------------------------------------------------------------------

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
    """`text` cut to about `width` characters around `span`, with … where it was cut, and the new span.

    Works on a `Hit.text` too (to show a narrower snippet): an old … falls away when cut off.
    """
    start, end = span
    if len(text) <= width:
        return text, (start, end)
    context = max(0, (width - (end - start)) // 3)
    lo = max(0, start - context)
    hi = min(len(text), lo + width)
    lo = max(0, min(lo, hi - width))
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    shift = len(head) - lo
    return head + text[lo:hi] + tail, (start + shift, min(end, hi) + shift)


def _span_in(display: str, q: _Query, rank: Rank) -> tuple[int, int] | None:
    """Where `q` matches one displayed value at `rank` (EXACT … SUBSTRING, INITIALS), or None."""
    folded = _fold(display)
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
    to one inside a word, and Korean initials (``ㄷㄱ``) match the syllables they start.
    """
    q = _Query.parse(query)
    if q is None:
        return None
    for rank in (Rank.WORD_PREFIX, Rank.SUBSTRING, Rank.INITIALS):
        if (rank == Rank.WORD_PREFIX and not q.lead) or (rank == Rank.INITIALS and q.initials is None):
            continue
        span = _span_in(text, q, rank)
        if span is not None:
            return span
    return None


# -- the index ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Universe:
    """The entities a query may find: all, some kinds (contiguous ranges), or a given list."""

    key: object
    mask: bytearray
    ranges: list[tuple[int, int]] | None
    idxs: list[int]


class SearchIndex:
    """Everything searchable in a fact base, folded and laid out for fast queries. Immutable.

    Build it once per loaded file with `SearchIndex.build(facts)`; every method is then cheap
    enough to call on each keystroke. See the module docstring for the matching rules.

    Queries keep a small cache of recent candidate sets, so that typing one more character
    only re-checks the previous matches; that is the only state, it never changes a result, and
    it is locked, so queries may come from several threads (e.g. a Textual worker).
    """

    CACHE_SIZE = 32

    def __init__(self, facts: FactBase) -> None:
        # The build allocates millions of small, acyclic objects; with a large fact base in
        # memory, the collections they trigger would walk all of it, again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(facts)
        finally:
            if collecting:
                gc.enable()
        self._universes: dict[object, _Universe] = {}
        self._cache: OrderedDict[tuple, list[int]] = OrderedDict()
        self._fuzzy_cache: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._absent: dict[str, bool] = {}
        self._lists: OrderedDict[tuple[int, ...], _Universe] = OrderedDict()
        self._last_list: tuple[Sequence[str], _Universe] | None = None
        """The sequence `matches` was last given, and its universe."""
        self._serial = numbers()
        self._lock = threading.Lock()  # guards the caches: queries may come from several threads

    def _build(self, facts: FactBase) -> None:
        self.language: Language = facts.meta.language
        lang = self.language
        # Internal positions follow the display order (kind, label in the file's language, id),
        # so a bucket of equally good matches found in position order is already sorted.
        entities = sorted(facts, key=lambda e: (_KIND_INDEX[e.KIND], _fold(e.label(lang)), e.id))
        self._entities: tuple[Entity, ...] = tuple(entities)
        del entities
        self._ids = tuple(e.id for e in self._entities)
        self._position = {entity_id: i for i, entity_id in enumerate(self._ids)}
        n = len(self._entities)
        self._kind_ranges: dict[str, tuple[int, int]] = {}
        start = 0
        for kind in ENTITY_KINDS:
            end = start + len(facts.of_kind(kind))
            self._kind_ranges[kind] = (start, end)
            start = end
        # Ties in the other language: each position's place in (kind, label in that language, id).
        other: Language = "en" if lang == "ko" else "ko"
        by_label = sorted(
            range(n),
            key=lambda i: (
                _KIND_INDEX[self._entities[i].KIND],
                _fold(self._entities[i].label(other)),
                self._entities[i].id,
            ),
        )
        self._other_language = other
        self._other_order = array("I", bytes(4 * n))
        for place, i in enumerate(by_label):
            self._other_order[i] = place
        del by_label

        # One marked string per entity holding all its tiers, best tier first, each tier
        # SEP value SEP value SEP ('' if empty), with where each tier but the last ends. Built a
        # slice of entities at a time: folding and marking run in C over the whole slice, and no
        # more than a slice's worth of intermediate copies is ever alive.
        hays: list[str] = []
        cho_hays: list[str] = []
        tier_ends = [array("I") for _ in SHORT_TIERS]
        period_years: dict[str, list[int]] = {}
        postings: defaultdict[str, array] = defaultdict(partial(array, "I"))
        vocabulary: defaultdict[str, array] = defaultdict(partial(array, "I"))
        for lo in range(0, n, _BUILD_SLICE):
            hi = min(n, lo + _BUILD_SLICE)
            # The slice's text in pieces, joined once: no string per entity or tier is made here,
            # so the hays below get memory of their own, side by side.
            pieces: list[str] = []
            for i in range(lo, hi):
                entity = self._entities[i]
                by_tier: list[list[str]] = [[], [], [], [], []]
                for _field, tier, values in _fields(entity):
                    by_tier[tier] += values
                for values in by_tier:
                    if values:
                        pieces += chain.from_iterable(zip(repeat(SEP), values))
                        pieces.append(SEP)
                    pieces.append(_TIER_SEP)
                pieces[-1] = _ENTITY_SEP
                for year in _period_years(entity):
                    period_years.setdefault(_year_text(year), []).append(i)
            pieces.pop()
            marked = _mark(_fold("".join(pieces)))
            del pieces
            # The tiers, five per entity: where each ends, and the names for their initials.
            tiers = marked.replace(_ENTITY_SEP, _TIER_SEP).split(_TIER_SEP)
            end = list(map(len, tiers[NAMES :: len(TIERS)]))
            tier_ends[NAMES].extend(end)
            for tier in SHORT_TIERS[1:]:
                end = list(map(add, end, map(len, tiers[tier :: len(TIERS)])))
                tier_ends[tier].extend(end)
            cho_hays += _ENTITY_SEP.join(tiers[NAMES :: len(TIERS)]).translate(_CHO_TABLE).split(_ENTITY_SEP)
            del tiers
            # Made by one split, a slice's hays lie side by side in memory, in position order:
            # a pass over all of them then runs faster than over scattered ones.
            first = len(hays)
            hays += marked.replace(_TIER_SEP, "").split(_ENTITY_SEP)
            del marked
            names_ends = tier_ends[NAMES]

            # Every distinct word (maximal run of letters and digits) with the entities using it.
            word_sets = list(map(set, map(_TOKEN.findall, hays[first:])))
            deque(
                map(
                    array.append,
                    map(postings.__getitem__, chain.from_iterable(word_sets)),
                    chain.from_iterable(map(repeat, range(lo, hi), map(len, word_sets))),
                ),
                maxlen=0,
            )
            del word_sets
            # Latin name and alias words (not ids), for typo matches.
            for i in range(lo, hi):
                hay = hays[i]
                for word in set(_LATIN_WORD.findall(hay, hay.find(SEP, 1), names_ends[i])):
                    vocabulary[word].append(i)

        # The per-entity tables never change: as tuples of strings (or arrays) the garbage
        # collector stops walking them after its first look, where lists would be walked on
        # every full collection (~40 ms at 100,000 entities, in the middle of a keystroke).
        self._hays: tuple[str, ...] = tuple(hays)
        del hays
        self._cho_hays: tuple[str, ...] = tuple(cho_hays)
        del cho_hays
        self._tier_ends: tuple[array, ...] = tuple(tier_ends)
        self._period_years = {year: array("I", members) for year, members in period_years.items()}

        self._words = SEP.join(postings) + SEP
        self._word_starts = array("I", accumulate(map((1).__add__, map(len, postings)), initial=0))
        # All the entity lists in one array (word k's are postings[offsets[k]:offsets[k + 1]]):
        # a quarter of the memory of lists of ints, and nothing for the garbage collector to walk.
        self._posting_offsets = array("I", accumulate(map(len, postings.values()), initial=0))
        self._postings = array("I")
        for members in postings.values():  # freed as they are copied: never two full copies
            self._postings.extend(members)
            del members[:]
        del postings

        self._vocabulary = dict(vocabulary)
        self._words_by_length: dict[int, list[str]] = {}
        for word in sorted(vocabulary):
            self._words_by_length.setdefault(len(word), []).append(word)
        del vocabulary

        # Sorted values of the short tiers, for EXACT and PREFIX by bisection.
        self._sorted = tuple(self._sorted_values(tier) for tier in SHORT_TIERS)

    @classmethod
    def build(cls, facts: FactBase) -> SearchIndex:
        """Index every entity of `facts` (a few seconds for 100,000 entities; do it once per load)."""
        return cls(facts)

    def __len__(self) -> int:
        return len(self._entities)

    def _tier_start(self, tier: int) -> array | None:
        """Where `tier` starts in each hay (None for NAMES, which starts at 0)."""
        return self._tier_ends[tier - 1] if tier > NAMES else None

    def _sorted_values(self, tier: int) -> tuple[array, array]:
        """Every value of a short tier in sorted order, as (owner, where the value starts in the
        owner's hay): the values themselves stay in the hays, ending at the next SEP.

        Sorting needs the values as strings, so they are made a bucket at a time (values with
        the same first few characters, buckets in order): all of them at once would double the
        memory the hays take.
        """
        hays = self._hays
        starts = self._tier_start(tier)
        ends = self._tier_ends[tier]
        buckets: defaultdict[str, array] = defaultdict(partial(array, "Q"))
        for i, hay in enumerate(hays):
            at, end = (starts[i] if starts is not None else 0) + 1, ends[i]
            while at < end:  # at: a value's first character; the tier ends with SEP
                after = hay.find(SEP, at)
                buckets[hay[at : min(at + _BUCKET_PREFIX, after)]].append(i << 32 | at)
                at = after + 1
        owners, value_starts = array("I"), array("I")
        for key in sorted(buckets):  # a bucket's key is a prefix of its values: buckets sort apart
            packed = buckets.pop(key)
            entries = [(p >> 32, p & 0xFFFFFFFF) for p in packed]
            del packed
            values = [hays[i][at : hays[i].find(SEP, at)] for i, at in entries]
            order = sorted(range(len(values)), key=values.__getitem__)  # stable: ties by owner
            owners.extend(entries[k][0] for k in order)
            value_starts.extend(entries[k][1] for k in order)
        return owners, value_starts

    # -- public API -------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        kinds: Iterable[str] | str | None = None,
        limit: int | None = 50,
        lang: Language | None = None,
    ) -> SearchResult:
        """The best `limit` hits for `query` (all of them with limit=None) and the number of matches.

        `kinds` restricts the search to some entity kinds ('organization', ...); an unknown kind
        raises ValueError. `lang` orders equally good hits by their label in that language
        (default: the file's). An empty query finds nothing. Each `Hit` costs a few
        microseconds to build, so for long lists prefer `ranked_ids`, and `hit` for the rows
        on screen.
        """
        if limit is not None and limit < 0:
            raise ValueError("limit must be >= 0 or None")
        q = _Query.parse(query)
        if q is None:
            return SearchResult([], 0)
        positions, buckets, total = self._rank(q, self._universe(kinds), limit, lang)
        hits = []
        for b, (start, rank, tier) in enumerate(buckets):
            end = buckets[b + 1][0] if b + 1 < len(buckets) else len(positions)
            hits += [self._hit(i, rank, tier, q) for i in positions[start:end]]
        return SearchResult(hits, total)

    def ranked_ids(
        self, query: str, *, kinds: Iterable[str] | str | None = None, lang: Language | None = None
    ) -> list[str]:
        """Every matching id, best first (the order of `search`), without building snippets."""
        q = _Query.parse(query)
        if q is None:
            return []
        positions, _buckets, _total = self._rank(q, self._universe(kinds), None, lang)
        return list(map(self._ids.__getitem__, positions))

    def matches(self, entity_ids: Sequence[str], query: str) -> list[str]:
        """The ids in `entity_ids` that match `query`, in the order given: a list filter.

        Meant for the filter bar of one explorer section ("12 of 340"): stable, cheap, and a
        query that extends the previous one only re-checks the previous matches. An empty
        query keeps every id; ids not in the index are dropped. Pass the same sequence object
        for each keystroke (and do not change it): its positions are then looked up only once.
        """
        q = _Query.parse(query)
        if q is None:
            return list(entity_ids)
        universe = self._list(entity_ids)
        found = self._candidates(q, universe)
        extra = self._extras(q, universe, found)
        ids = self._ids
        if not any(extra.values()):
            return list(map(ids.__getitem__, found))
        keep = set(found)
        for members in extra.values():
            keep.update(members)
        return [ids[i] for i in universe.idxs if i in keep]

    def prepare(self, entity_ids: Sequence[str]) -> None:
        """Look up the positions of a list that `matches` is about to filter, ahead of the first
        keystroke (at 100,000 entities, a section of 25,000 takes ~30 ms)."""
        self._list(entity_ids)

    def _list(self, entity_ids: Sequence[str]) -> _Universe:
        """The universe of a list given to `matches` (its positions are `.idxs`), from the last
        call if it was the same sequence object."""
        with self._lock:
            last = self._last_list
        if last is not None and last[0] is entity_ids:
            return last[1]
        position = self._position
        universe = self._universe_of([position[e] for e in entity_ids if e in position])
        with self._lock:
            self._last_list = (entity_ids, universe)
        return universe

    def hit(self, entity_id: str, query: str) -> Hit | None:
        """How `query` matches one entity (best field, snippet, span), or None if it does not.

        The same rules as `search`: for every hit h of ``search(q)``, ``hit(h.entity_id, q) == h``.
        """
        q = _Query.parse(query)
        i = self._position.get(entity_id)
        if q is None or i is None:
            return None
        best = self._best(i, q)
        if best is None:
            return None
        return self._hit(i, best[0], best[1], q)

    def count(self, query: str, *, kinds: Iterable[str] | str | None = None) -> int:
        """How many entities match `query`: `search(...).total` without ranking anything."""
        q = _Query.parse(query)
        if q is None:
            return 0
        universe = self._universe(kinds)
        found = self._candidates(q, universe)
        return len(found) + sum(map(len, self._extras(q, universe, found).values()))

    # -- universes ----------------------------------------------------------------------------

    def _universe(self, kinds: Iterable[str] | str | None) -> _Universe:
        if isinstance(kinds, str):
            kinds = (kinds,)
        key = None if kinds is None else frozenset(kinds)
        cached = self._universes.get(key)
        if cached is not None:
            return cached
        if key is not None:
            unknown = sorted(k for k in key if k not in self._kind_ranges)
            if unknown:
                raise ValueError(
                    f"unknown kind(s): {', '.join(unknown)}; kinds are {', '.join(ENTITY_KINDS)}"
                )
        ranges: list[tuple[int, int]] = []
        for kind in ENTITY_KINDS:
            lo, hi = self._kind_ranges[kind]
            if lo == hi or (key is not None and kind not in key):
                continue
            if ranges and ranges[-1][1] == lo:
                ranges[-1] = (ranges[-1][0], hi)
            else:
                ranges.append((lo, hi))
        mask = bytearray(len(self._entities))
        idxs: list[int] = []
        for lo, hi in ranges:
            mask[lo:hi] = b"\x01" * (hi - lo)
            idxs += range(lo, hi)
        universe = _Universe(("kinds", key), mask, ranges, idxs)
        self._universes[key] = universe
        return universe

    def _universe_of(self, idxs: list[int]) -> _Universe:
        """The universe of a given list of positions; the same list typed into again is reused,
        so its cache entries have a small key and its mask is built once."""
        key = tuple(idxs)
        with self._lock:
            universe = self._lists.get(key)
            if universe is not None:
                self._lists.move_to_end(key)
                return universe
        mask = bytearray(len(self._entities))
        for i in idxs:
            mask[i] = 1
        with self._lock:
            universe = _Universe(("ids", next(self._serial)), mask, None, idxs)
            self._lists[key] = universe
            if len(self._lists) > 8:
                self._lists.popitem(last=False)
        return universe

    # -- candidates -----------------------------------------------------------------------------

    def _cached(
        self, key: tuple, pattern: str, compute: Callable[[list[int] | None], list[int]]
    ) -> list[int]:
        """Matches of `pattern`, computed from the cached matches of its longest cached prefix."""
        cache = self._cache
        exact = (*key, pattern)
        with self._lock:
            found = cache.get(exact)
            if found is not None:
                cache.move_to_end(exact)
                return found
            pool = None
            best = -1
            for other, members in cache.items():
                if len(other[-1]) > best and other[:-1] == key and pattern.startswith(other[-1]):
                    pool, best = members, len(other[-1])
        found = compute(pool)
        with self._lock:
            cache[exact] = found
            if len(cache) > self.CACHE_SIZE:
                cache.popitem(last=False)
        return found

    def _is_absent(self, char: str) -> bool:
        """Whether a letter or digit occurs nowhere in the indexed text (looked up once per character)."""
        absent = self._absent.get(char)
        if absent is None:
            absent = self._absent[char] = char not in self._words
        return absent

    def _candidates(self, q: _Query, universe: _Universe) -> list[int]:
        """Entities of `universe` whose text contains the query (SUBSTRING or better), in universe order."""
        if any(self._is_absent(c) for c in q.text if c in _CHOSEONG_SET):
            return []  # the usual case for an initials query: skip looking for it as text
        # The hays are marked: the query's body is found in them exactly where its text is found
        # in the unmarked text (the body has the marks the text has at the same places, except
        # before its first character, where the text may or may not start a word).
        hays, body = self._hays, q.body

        def compute(pool: list[int] | None) -> list[int]:
            if pool is not None and len(pool) <= _NARROW:
                return _filter(pool, hays, body)
            found = self._via_words(q, universe)
            if found is not None:
                return found
            return _filter(pool, hays, body) if pool is not None else _filter_all(universe, hays, body)

        return self._cached(("text", universe.key), q.text, compute)

    def _via_words(self, q: _Query, universe: _Universe) -> list[int] | None:
        """Candidates from the word list: an occurrence of the query's longest word lies inside one
        indexed word, so the entities of the words that contain it are a superset (the exact set
        when the query is one word). None when the query has no word or its words are too common
        for this to beat checking every entity."""
        words = _TOKEN.findall(q.text)
        if not words:
            return None
        word = max(words, key=len)
        text, starts = self._words, self._word_starts
        postings, offsets = self._postings, self._posting_offsets
        if text.count(word) > _MAX_WORDS:
            return None
        budget = len(universe.idxs) // 2  # denser than that: a plain pass is cheaper
        lists: list[array] = []
        size = 0
        at = text.find(word)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            members = postings[offsets[k] : offsets[k + 1]]
            size += len(members)
            if size > budget:
                return None
            lists.append(members)
            at = text.find(word, starts[k + 1])
        mask = universe.mask
        if universe.ranges is not None and size <= _SMALL_UNION:
            found = sorted(set(chain.from_iterable(lists)))
            found = list(compress(found, map(mask.__getitem__, found)))
        else:  # mark, then read back in universe order
            seen = bytearray(len(mask))
            for members in lists:
                deque(map(seen.__setitem__, members, repeat(1)), maxlen=0)
            idxs = universe.idxs
            found = list(compress(idxs, map(seen.__getitem__, idxs)))
        if word != q.text:
            found = _filter(found, self._hays, q.body)
        return found

    def _initials(self, q: _Query, universe: _Universe) -> list[int]:
        """Entities of `universe` whose names match the query's initials, in universe order."""
        hays = self._cho_hays
        found = self._cached(
            ("initials", universe.key),
            q.cho,
            lambda pool: (
                _filter(pool, hays, q.cho) if pool is not None else _filter_all(universe, hays, q.cho)
            ),
        )
        if q.mixed and found:
            assert q.initials is not None
            hays, names_end = self._hays, self._tier_ends[NAMES]
            searches = map(
                q.initials.search, map(hays.__getitem__, found), repeat(0), map(names_end.__getitem__, found)
            )
            found = list(compress(found, searches))
        return found

    def _fuzzy_words(self, q: _Query) -> frozenset[str]:
        """The name and alias words within typo distance of the query."""
        text = q.text
        cached = self._fuzzy_cache.get(text)
        if cached is not None:
            return cached
        limit = _fuzzy_distance(text)
        words = set()
        for length in range(max(4, len(text) - limit), len(text) + limit + 1):
            for word in self._words_by_length.get(length, ()):
                if word[0] in text[:2] or word[1] == text[1]:
                    if _within_distance(text, word, limit):
                        words.add(word)
        result = frozenset(words)
        with self._lock:
            self._fuzzy_cache[text] = result
            if len(self._fuzzy_cache) > self.CACHE_SIZE:
                self._fuzzy_cache.popitem(last=False)
        return result

    def _extras(self, q: _Query, universe: _Universe, found: list[int]) -> dict[Rank, list[int]]:
        """Matches that are not substring matches, each entity once under its best rule, by position:
        a year inside a period (SUBSTRING), initials (INITIALS), typos (FUZZY)."""
        extra: dict[Rank, list[int]] = {}
        taken: set[int] | None = None
        mask = universe.mask

        def fresh(members: Iterable[int]) -> list[int]:
            nonlocal taken
            kept = [i for i in set(members) if mask[i]]
            if not kept:
                return []
            if taken is None:
                taken = set(found)
            kept = sorted(i for i in kept if i not in taken)
            taken.update(kept)
            return kept

        if q.year and q.year in self._period_years:
            extra[Rank.SUBSTRING] = fresh(self._period_years[q.year])
        if q.initials is not None:
            extra[Rank.INITIALS] = fresh(self._initials(q, universe))
        if q.fuzzy:
            words = self._fuzzy_words(q)
            if words:
                extra[Rank.FUZZY] = fresh(chain.from_iterable(map(self._vocabulary.__getitem__, words)))
        return extra

    # -- ranking ----------------------------------------------------------------------------------

    def _order(self, lang: Language | None) -> list[int] | None:
        """Sort keys for `lang` when it is not the file's language (None: positions are the order)."""
        if lang is None or lang == self.language:
            return None
        if lang != self._other_language:
            raise ValueError(f"unknown language {lang!r}; use 'ko' or 'en'")
        return self._other_order

    def _lookup(self, tier: int, key: str, exact: bool) -> array:
        """Owners of the short-tier values equal to `key` (or starting with it), by bisection."""
        owners, starts = self._sorted[tier]
        hays = self._hays
        values = range(len(owners))

        def value(k: int) -> str:
            hay, at = hays[owners[k]], starts[k]
            return hay[at : hay.find(SEP, at)]

        lo = bisect_left(values, key, key=value)
        if exact:
            hi = bisect_right(values, key, lo=lo, key=value)
        else:
            hi = bisect_left(values, key + _MAX, lo=lo, key=value)
        return owners[lo:hi]

    def _rank(
        self, q: _Query, universe: _Universe, limit: int | None, lang: Language | None
    ) -> tuple[list[int], list[tuple[int, Rank, int]], int]:
        """The best `limit` entities and the number of matches.

        Returns positions best first, and buckets (index of the bucket's first position, rank,
        tier) that say how the entities from there on matched. Buckets are filled best first;
        ranking stops once `limit` entities are known.
        """
        found = self._candidates(q, universe)
        extra = self._extras(q, universe, found)
        total = len(found) + sum(map(len, extra.values()))
        positions: list[int] = []
        buckets: list[tuple[int, Rank, int]] = []
        if limit == 0 or total == 0:
            return positions, buckets, total
        order = self._order(lang)
        state = bytearray(universe.mask)  # 1: not ranked yet
        remaining = found  # the candidates not ranked yet, in position order (once refreshed)
        stale = False

        def take(members: list[int], rank: Rank, tier: int) -> bool:
            """Append a bucket of equally good matches; True once `limit` entities are known."""
            if order is not None:
                members = sorted(members, key=order.__getitem__)  # never in place: may be a cached list
            buckets.append((len(positions), rank, tier))
            if limit is not None and len(positions) + len(members) >= limit:
                positions.extend(members[: limit - len(positions)])
                return True
            positions.extend(members)
            for i in members:
                state[i] = 0
            return False

        key = q.lead + q.body
        for rank in (Rank.EXACT, Rank.PREFIX, Rank.WORD_PREFIX, Rank.SUBSTRING):
            if rank == Rank.WORD_PREFIX and not q.lead:
                continue
            pattern, _offset = q.pattern(rank)
            where: list[int] | None = None  # per entity of `remaining`: see _first_at
            for tier in SHORT_TIERS if rank <= Rank.PREFIX else TIERS:
                members: list[int] | None = None
                if rank <= Rank.PREFIX:
                    owners = self._lookup(tier, key, rank == Rank.EXACT)
                    if not owners:
                        continue
                    if len(owners) * 4 < len(remaining):  # a few values: cheaper than a pass
                        members = sorted(set(compress(owners, map(state.__getitem__, owners))))
                        stale = stale or bool(members)
                if members is None:
                    if stale:
                        remaining = list(compress(remaining, map(state.__getitem__, remaining)))
                        stale = False
                    if rank == Rank.SUBSTRING and tier == TEXT:
                        members, remaining = remaining, []  # every candidate left matches here
                    else:
                        if rank <= Rank.PREFIX:  # many owners: mark them, read the candidates left
                            marked = bytearray(len(state))
                            deque(map(marked.__setitem__, owners, repeat(1)), maxlen=0)
                            flags = list(map(marked.__getitem__, remaining))
                        elif tier == NAMES:
                            flags = self._in_names(remaining, pattern, q.plain)
                        else:
                            if where is None:
                                where = self._first_at(remaining, pattern)
                            if tier == TEXT:
                                flags = list(map(ne, where, repeat(_NOWHERE)))
                            else:
                                flags = list(
                                    map(lt, where, map(self._tier_ends[tier].__getitem__, remaining))
                                )
                        members = list(compress(remaining, flags))
                        if members:
                            remaining = list(compress(remaining, map(not_, flags)))
                            if where is not None:
                                where = list(compress(where, map(not_, flags)))
                if rank == Rank.SUBSTRING and tier == VALUES and extra.get(Rank.SUBSTRING):
                    members = sorted(members + extra[Rank.SUBSTRING])
                if members and take(members, rank, tier):
                    return positions, buckets, total
        for rank in (Rank.INITIALS, Rank.FUZZY):
            members = list(extra.get(rank, ()))
            if members and take(members, rank, NAMES):
                break
        return positions, buckets, total

    def _in_names(self, idxs: list[int], pattern: str, plain: bool) -> list[bool]:
        """Whether each of `idxs` has `pattern` in its names.

        With `plain` (no Hangul in the pattern) the initials string stands for the names: it
        differs from them only where they have Hangul. That is a plain ``in``, where
        ``str.count`` with bounds costs about twice as much, and names are checked most often.
        """
        if plain:
            return list(map(contains, map(self._cho_hays.__getitem__, idxs), repeat(pattern)))
        ends = map(self._tier_ends[NAMES].__getitem__, idxs)
        return list(map(str.count, map(self._hays.__getitem__, idxs), repeat(pattern), repeat(0), ends))

    def _first_at(self, idxs: list[int], pattern: str) -> list[int]:
        """Where `pattern` first occurs in each hay of `idxs` (`_NOWHERE` if it does not).

        For entities whose earlier tiers do not have it, that says the tier: the first tier
        whose end lies beyond. One pass then serves every tier after the names.
        """
        found = map(str.find, map(self._hays.__getitem__, idxs), repeat(pattern))
        return list(map(and_, found, repeat(_NOWHERE)))  # -1 becomes _NOWHERE, past any tier's end

    def _best(self, i: int, q: _Query) -> tuple[Rank, int] | None:
        """One entity's best (rank, tier), by the rules `_rank` applies in bulk."""
        hay = self._hays[i]
        bounds = [0, *(ends[i] for ends in self._tier_ends), len(hay)]
        hays = [hay[start:end] for start, end in pairwise(bounds)]
        for rank in (Rank.EXACT, Rank.PREFIX, Rank.WORD_PREFIX, Rank.SUBSTRING):
            if rank == Rank.WORD_PREFIX and not q.lead:
                continue
            pattern, _offset = q.pattern(rank)
            for tier in SHORT_TIERS if rank <= Rank.PREFIX else TIERS:
                if pattern in hays[tier]:
                    return rank, tier
        if q.year and i in self._period_years.get(q.year, ()):
            return Rank.SUBSTRING, VALUES
        if q.initials is not None and q.cho in self._cho_hays[i] and q.initials.search(hays[NAMES]):
            return Rank.INITIALS, NAMES
        if q.fuzzy:
            words = self._fuzzy_words(q)
            names = hays[NAMES]
            if any(w in words for w in _LATIN_WORD.findall(names, names.find(SEP, 1))):
                return Rank.FUZZY, NAMES
        return None

    # -- hits -------------------------------------------------------------------------------------

    def _hit(self, i: int, rank: Rank, tier: int, q: _Query) -> Hit:
        entity = self._entities[i]
        field, text, span = self._locate(entity, rank, tier, q)
        short, short_span = snippet(text, span)
        return Hit(entity.id, entity.KIND, rank, field, short, short_span)

    def _locate(self, entity: Entity, rank: Rank, tier: int, q: _Query) -> tuple[str, str, tuple[int, int]]:
        """The first field and value of `tier` where `q` matches at `rank`, and the span in the value."""
        fields = [(name, values) for name, t, values in _fields(entity) if t == tier]
        if rank == Rank.FUZZY:
            words = self._fuzzy_words(q)
            for name, values in fields:
                if name == "id":
                    continue
                for value in values:
                    folded = _fold(value)
                    for found in _LATIN_WORD.finditer(folded):
                        if found.group() in words:
                            return name, value, _to_display(value, folded, *found.span())
        else:
            for name, values in fields:
                for value in values:
                    span = _span_in(value, q, rank)
                    if span is not None:
                        return name, value, span
        if rank == Rank.SUBSTRING and isinstance(entity, Project) and entity.period is not None:
            text = period_text(entity)  # a year inside the period
            return "period", text, (0, len(text))
        return "id", entity.id, (0, 0)  # pragma: no cover - bulk and one-by-one rules agree


def _filter(idxs: list[int], hays: list[str], pattern: str) -> list[int]:
    """The members of `idxs` whose hay contains `pattern`, in order (one pass, all in C)."""
    return list(compress(idxs, map(contains, map(hays.__getitem__, idxs), repeat(pattern))))


def _filter_all(universe: _Universe, hays: Sequence[str], pattern: str) -> list[int]:
    """`_filter` over a whole universe. Its ranges of positions are read straight from the
    tuple, without looking each position up: a fifth less time for a pass over everything."""
    if universe.ranges is None:
        return _filter(universe.idxs, hays, pattern)
    found: list[int] = []
    for lo, hi in universe.ranges:
        found += compress(range(lo, hi), map(contains, hays[lo:hi], repeat(pattern)))
    return found
