"""Search finds what people type (`tui.facts.search`): names spaced or punctuated differently from
the file, and a typo in any word of a query of several words.

The properties run over every person and organization of the bundled file: however its name is
spaced, hyphenated or mistyped (one typo per word), the entity is among the first few hits.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.facts import FactBase, loads
from tui.facts.search import Rank, SearchIndex, match_span
from tui.facts.search.typos import _close_words

TOP = 3
"""The entity must be among this many first hits."""


@pytest.fixture(scope="module")
def index(bundled: FactBase) -> SearchIndex:
    return SearchIndex.build(bundled)


def named(bundled: FactBase) -> list:
    return [*bundled.of_kind("person"), *bundled.of_kind("organization")]


def top_ids(index: SearchIndex, query: str) -> list[str]:
    return [hit.entity_id for hit in index.search(query, limit=TOP).hits]


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


# -- spacing and punctuation do not matter -------------------------------------------------------------

SPELLINGS = {
    "spaces removed": lambda name: "".join(name.split()),
    "hyphens as spaces": lambda name: name.replace("-", " "),
    "punctuation as spaces": lambda name: " ".join(words(name)),
    "words run together": lambda name: "".join(words(name)),
    "hyphens between all words": lambda name: "-".join(words(name)),
    "title case, words apart": lambda name: " ".join(w.title() for w in words(name)),
}


@pytest.mark.parametrize("spelling", list(SPELLINGS), ids=list(SPELLINGS))
def test_every_english_name_spelled_differently_finds_its_entity(
    index: SearchIndex, bundled: FactBase, spelling: str
) -> None:
    respell = SPELLINGS[spelling]
    missed = []
    for entity in named(bundled):
        query = respell(entity.name.en)
        if entity.id not in top_ids(index, query):
            missed.append((entity.id, query))
    assert missed == []


@pytest.mark.parametrize("where", ["after the first syllable", "between every syllable"])
def test_every_korean_name_with_spaces_finds_its_entity(
    index: SearchIndex, bundled: FactBase, where: str
) -> None:
    missed = []
    for entity in named(bundled):
        name = "".join(words(entity.name.ko))  # 대구디지털혁신진흥원; ㈜ and (주) fall away
        if len(name) < 3:
            continue
        query = name[0] + " " + name[1:] if where.startswith("after") else " ".join(name)
        if entity.id not in top_ids(index, query):
            missed.append((entity.id, query))
    assert missed == []


def test_every_english_name_with_a_space_inside_a_word_finds_its_entity(
    index: SearchIndex, bundled: FactBase
) -> None:
    """The other direction: the query has a space where the name has none (``neuro match``)."""
    missed = []
    for entity in named(bundled):
        name = entity.name.en
        longest = max(words(name), key=len)
        if len(longest) < 4:
            continue
        query = name.replace(longest, longest[:2] + " " + longest[2:], 1)
        if entity.id not in top_ids(index, query):
            missed.append((entity.id, query))
    assert missed == []


@pytest.mark.parametrize(
    "query", ["lee jin hyung", "leejinhyung", "lee-jin hyung", "Lee Jin Hyung", "이 진형"]
)
def test_a_name_spaced_differently_is_the_first_hit(index: SearchIndex, query: str) -> None:
    [first, *_] = index.search(query).hits
    assert (first.entity_id, first.rank) == ("lee-jin-hyung", Rank.SPACING)
    assert first.field in ("name.en", "name.ko", "aliases")  # the name is shown, not the id
    shown = first.text[first.span[0] : first.span[1]]
    assert "".join(words(shown.casefold())) == "".join(words(query.casefold()))  # the whole name lit


@pytest.mark.parametrize(
    ("text", "query", "span"),
    [
        ("Lee Jin-hyung", "lee jin hyung", (0, 13)),
        ("Lee Jin-hyung", "leejinhyung", (0, 13)),
        ("Lecture by Lee Jin-hyung", "jin hyung", (15, 24)),
        ("이진형 교수", "이 진형", (0, 3)),
        ("Ramble Eel", "leel", None),
    ],
)
def test_match_span_ignores_spacing(text: str, query: str, span: tuple[int, int] | None) -> None:
    """A list row's label is highlighted for a query spaced differently from it."""
    assert match_span(text, query) == span


def test_lee_jong_hwa(index: SearchIndex) -> None:
    assert top_ids(index, "lee jong hwa")[:2] == ["lee-jong-hwa", "quote-lee-jong-hwa-2023-03-06"]
    assert top_ids(index, "neuro match")[0] == "neuromatch"


SPACING_FILE = """
[meta]
title = "spacing"
[[sources]]
id = "src"
outlet = { en = "O" }
title = { en = "T" }
published = 2024-01-02
[[organizations]]
id = "o1"
kind = "other"
name = { ko = "가", en = "Ramble Eel" }
provenance = [{ source = "src" }]
[[organizations]]
id = "o2"
kind = "other"
name = { ko = "나", en = "Leel Works" }
summary = { en = "Not Lee Jin here." }
provenance = [{ source = "src" }]
"""


def test_a_latin_spacing_match_starts_at_a_word_start() -> None:
    """``leel`` is in "rambleeel" with the space dropped, but not where a word of it starts."""
    index = SearchIndex.build(loads(SPACING_FILE))
    assert [h.entity_id for h in index.search("leel").hits] == ["o2"]
    assert [h.entity_id for h in index.search("ramble eel").hits] == ["o1"]
    assert [h.entity_id for h in index.search("rambleeel").hits] == ["o1"]
    # only names are searched this way: the summary's "Lee Jin" does not make "leejin" match
    assert index.search("leejin").hits == []


# -- one typo per word -------------------------------------------------------------------------------------

TYPOS = {
    "swapped letters": lambda w: w[:2] + w[3] + w[2] + w[4:],
    "a letter left out": lambda w: w[:2] + w[3:],
    "a wrong letter": lambda w: w[:2] + ("x" if w[2] != "x" else "y") + w[3:],
    "a letter doubled": lambda w: w[:3] + w[2:],
}


def with_typos(name: str, typo) -> str | None:
    """`name` with one typo in every Latin word that keeps 4 or more letters with it (shorter
    words are never matched with a typo); None if there is no such word."""
    parts = re.split(r"([^\W_]+)", name.casefold())
    typed = [
        typo(p) if len(p) >= 4 and p.isascii() and p.isalpha() and len(typo(p)) >= 4 else p for p in parts
    ]
    return "".join(typed) if typed != parts else None


@pytest.mark.parametrize("kind", list(TYPOS), ids=list(TYPOS))
def test_every_english_name_with_a_typo_in_each_word_finds_its_entity(
    index: SearchIndex, bundled: FactBase, kind: str
) -> None:
    missed = []
    for entity in named(bundled):
        query = with_typos(entity.name.en, TYPOS[kind])
        if query is not None and entity.id not in top_ids(index, query):
            missed.append((entity.id, query))
    assert missed == []


@pytest.mark.parametrize(
    ("query", "expected", "typo"),
    [
        ("moter valley", "motor-valley", "Motor"),
        ("core automotve", "core-automotive", "Automotive"),
        ("valley moter", "motor-valley", "Motor"),  # words in any order
        ("moter val", "motor-valley", "Motor"),  # the last word still being typed
        ("stanfrod univresity", "stanford-university", "Stanford"),  # a typo in both words
    ],
)
def test_a_typo_in_one_word_of_several(index: SearchIndex, query: str, expected: str, typo: str) -> None:
    [first, *_] = index.search(query).hits
    assert (first.entity_id, first.rank) == (expected, Rank.FUZZY)
    assert first.text[first.span[0] : first.span[1]] == typo  # the mistyped word is highlighted


def test_every_word_of_a_typo_query_must_be_there(index: SearchIndex) -> None:
    assert index.search("moter zebra").hits == []
    # both have the word "motor" in a name; only one has 밸리 (the other has 대구)
    assert [h.entity_id for h in index.search("moter 밸리").hits] == ["motor-valley"]
    assert [h.entity_id for h in index.search("moter 대구").hits] == ["quote-daegu-official-motor"]


# -- the typo distance ---------------------------------------------------------------------------------


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, written out: the specification `_close_words` follows
    (insert, delete, replace, or swap two neighbours; no substring edited twice)."""
    rows = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            rows[i][j] = min(
                rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcde", min_size=1, max_size=9),
    st.lists(st.text(alphabet="abcde", min_size=1, max_size=9), max_size=8),
    st.integers(min_value=0, max_value=2),
)
def test_typo_distance_is_optimal_string_alignment(text: str, others: list[str], limit: int) -> None:
    swapped = [text[:i] + text[i + 1] + text[i] + text[i + 2 :] for i in range(len(text) - 1)]
    dropped = [text[:i] + text[i + 1 :] for i in range(len(text))]
    words = [*others, *swapped, *dropped, *(w[:1] + w for w in swapped)]
    assert _close_words(text, words, limit) == [w for w in words if osa_distance(text, w) <= limit]


def test_typo_distance_counts_a_swap_once_and_never_edits_twice() -> None:
    assert _close_words("nueromatch", ["neuromatch"], 1) == ["neuromatch"]  # one swap
    assert _close_words("ca", ["abc"], 2) == []  # 3 in OSA (2 in unrestricted Damerau-Levenshtein)
