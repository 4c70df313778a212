"""The search engine (`tui.facts.search`): what each rule finds, in what order, with what span.

Expected ids are worked out by hand from the data, never copied from the engine's output: each
table row says which entities a query must find and in which order.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tui.facts import FactBase, loads
from tui.facts.search import Hit, Rank, SearchIndex, candidates, match_span, normalize_query, snippet

# A small file where every ranking rule has its own entities. Ids never contain the query words,
# so only the field named in each comment matches.
FIXTURE = """
[meta]
title = "Search test file"
language = "ko"

[[sources]]
id = "src"
outlet = { ko = "테스트일보", en = "Test Daily" }
title = { ko = "검색 시험 기사", en = "A search test article" }
published = 2024-05-02
paragraphs = 3

# "match": one entity per rank; the kinds run against the ranks, so rank must win over kind.
[[events]]
id = "ladder-exact"
kind = "other"
name = { ko = "경기", en = "Match" }
date = 2024-05-01
provenance = [{ source = "src" }]

[[projects]]
id = "ladder-prefix"
name = { ko = "성냥갑 계획", en = "Matchbox Plan" }
provenance = [{ source = "src" }]

[[agreements]]
id = "ladder-word"
name = { ko = "경기 협약", en = "The Match Agreement" }
parties = ["ladder-inside"]
date = 2024-05-01
provenance = [{ source = "src" }]

[[organizations]]
id = "ladder-inside"
kind = "company"
name = { ko = "재경기 파트너스", en = "Rematch Partners" }
provenance = [{ source = "src" }]

[[organizations]]
id = "ladder-typo"
kind = "other"
name = { ko = "클럽", en = "Mathc Club" }
provenance = [{ source = "src" }]

# "alpha": four equally good matches (name prefix); written in the opposite of the result order.
[[people]]
id = "alpha-kim"
name = { ko = "김알파", en = "Alpha Kim" }
provenance = [{ source = "src" }]

[[projects]]
id = "p-alpha"
name = { ko = "알파 계획", en = "Alpha Plan" }
provenance = [{ source = "src" }]

[[organizations]]
id = "o-alpha-2"
kind = "company"
name = { ko = "알파 은행", en = "Alpha Bank" }
provenance = [{ source = "src" }]

[[organizations]]
id = "o-alpha-1"
kind = "company"
name = { ko = "알파 건설", en = "Alpha Construction" }
provenance = [{ source = "src" }]

# "harbor": an exact tag (organization) and an exact name (project): the name wins.
[[organizations]]
id = "port-authority"
kind = "public-agency"
name = { ko = "항만공사", en = "Port Authority" }
tags = ["harbor"]
provenance = [{ source = "src" }]

[[projects]]
id = "project-h"
name = { ko = "항구", en = "Harbor" }
provenance = [{ source = "src" }]

# "ㄷㄱ": literal jamo in a summary beat initials; 다구 and 대구 both have the initials ㄷㄱ.
[[organizations]]
id = "jamo-note"
kind = "other"
name = { ko = "초성 안내", en = "Initials note" }
summary = { ko = "검색 예: ㄷㄱ 입력" }
provenance = [{ source = "src" }]

[[organizations]]
id = "daegu"
kind = "city-government"
name = { ko = "대구시", en = "Daegu City" }
provenance = [{ source = "src" }]

[[organizations]]
id = "dagu-labs"
kind = "company"
name = { ko = "다구랩스", en = "Dagu Labs" }
provenance = [{ source = "src" }]

# "lvis": an exact name and a name one typo away.
[[organizations]]
id = "lviv-office"
kind = "other"
name = { en = "Lviv Office" }
provenance = [{ source = "src" }]

[[organizations]]
id = "the-company"
kind = "company"
name = { en = "LVIS" }
provenance = [{ source = "src" }]
"""


@pytest.fixture(scope="module")
def fixture_facts() -> FactBase:
    return loads(FIXTURE)


@pytest.fixture(scope="module")
def fixture_index(fixture_facts: FactBase) -> SearchIndex:
    return SearchIndex.build(fixture_facts)


@pytest.fixture(scope="module")
def index(bundled: FactBase) -> SearchIndex:
    return SearchIndex.build(bundled)


def ids(index: SearchIndex, query: str, **options) -> list[str]:
    return [hit.entity_id for hit in index.search(query, limit=None, **options).hits]


# -- the bundled file -----------------------------------------------------------------------------

DAEGU_INITIALS = [
    # organizations by Korean name: 대구디지털… < 대구시
    "dip",
    "daegu-city",
    "mou-core-automotive",  # 대구시-㈜코아오토모티브 업무 협약
    "lvis-daegu-branch",  # LVIS 대구지사
    # events by Korean name: "대구시 관계자…" < "대구시-LVIS…" < "대구시-㈜…"
    "quote-daegu-official-motor",
    "ces-2023-meeting",
    "signing-mou-core-automotive",
    "donga-2023-03-07",  # the source's title: 대구시, 미래 산업 육성…
]
MARCH_2023 = [
    "mou-digital-brain",
    # four events dated 2023-03-06, by Korean name (not file order)
    "signing-mou-digital-brain",  # '디지털 브레인…
    "brain-forum-2023-03-06",  # 뇌 연구자…
    "quote-lee-jong-hwa-2023-03-06",  # 이종화…
    "lecture-silicon-valley-brain-industry",  # 이진형…
    "donga-2023-03-07",  # published
]

BUNDLED_CASES = [
    # ids and names
    ("lvis", ["lvis", "lvis-daegu-branch", "ces-2023-meeting", ...], "exact id, id prefix, a word in a name"),
    ("엘비스", ["lvis", "lvis-daegu-branch", ...], "name, alias 엘비스 대구지사, then quotes"),
    ("NeuroMatch", ["neuromatch", "lvis"], "English name, then LVIS's summary"),
    ("stanford-university", ["stanford-university"], "a whole id"),
    (
        "Core Automotive",
        [
            "core-automotive",
            "mou-core-automotive",
            "core-automotive-plant",
            "signing-mou-core-automotive",
            ...,
        ],
        "alias; alias and name prefixes (agreement before project); a word in a name; then summaries",
    ),
    # initials
    ("ㄷㄱ", DAEGU_INITIALS, "initial consonants"),
    ("대ㄱ", DAEGU_INITIALS, "a syllable then an initial"),
    ("ㅇㅂㅅ", ["lvis", "lvis-daegu-branch"], "엘비스"),
    ("\u1103\u1100", DAEGU_INITIALS, "conjoining jamo (what NFD gives) work like ㄷㄱ"),
    # typos
    ("nueromatch", ["neuromatch"], "transposed letters"),
    ("lvsi", ["lvis", "lvis-daegu-branch", "ces-2023-meeting"], "every name with the word LVIS"),
    ("lvs", [], "no typo matching under 4 letters"),
    # amounts
    (
        "760억",
        ["mou-core-automotive", "core-automotive-plant", "core-automotive"],
        "investment, budget, summary",
    ),
    ("760억 원", ["mou-core-automotive", "core-automotive-plant", "core-automotive"], "with the unit"),
    ("760억원", ["mou-core-automotive", "core-automotive-plant"], "without the space"),
    ("76 billion", ["mou-core-automotive", "core-automotive-plant", "core-automotive"], "English units"),
    ("KRW 76.0 billion", ["mou-core-automotive", "core-automotive-plant"], "as format_money writes it"),
    ("76000000000", ["mou-core-automotive", "core-automotive-plant"], "the raw amount"),
    ("2880억", ["motor-valley", "daegu-city"], "budget, then a summary"),
    ("3356억", ["lvis"], "a valuation"),
    # dates
    ("2023-03", MARCH_2023, "dates by prefix"),
    ("2028", ["motor-valley", "daegu-city"], "the end of a period, then a summary"),
    ("2025", ["motor-valley"], "a year inside the period 2023–2028"),
    ("2013", ["lvis", "lee-jin-hyung"], "founded; then a summary"),
    # other fields
    ("산격청사", ["daegu-city", "mou-digital-brain", "signing-mou-digital-brain"], "a location, then places"),
    ("행정 지원", ["daegu-city", "mou-digital-brain"], "summary, then a commitment"),
    ("50년 번영", ["lee-jong-hwa", "quote-lee-jong-hwa-2023-03-06"], "summary, then a quote"),
    ("zzz", [], "nothing"),
]


@pytest.mark.parametrize(("query", "expected", "why"), BUNDLED_CASES, ids=[c[0] for c in BUNDLED_CASES])
def test_bundled_queries(index: SearchIndex, query: str, expected: list, why: str) -> None:
    """A row ending in ... gives the leading ids only (summaries mentioning the query follow)."""
    found = ids(index, query)
    if expected and expected[-1] is ...:
        expected = expected[:-1]
        assert len(found) > len(expected), why
        found = found[: len(expected)]
    assert found == expected, why


@pytest.mark.parametrize("query", ["LVIS", "Lvis", "lViS"])
def test_case_does_not_matter(index: SearchIndex, query: str) -> None:
    assert ids(index, query) == ids(index, "lvis")
    assert ids(index, query)[:2] == ["lvis", "lvis-daegu-branch"]


def test_nfd_query_finds_what_nfc_finds(index: SearchIndex) -> None:
    nfd = unicodedata.normalize("NFD", "엘비스")
    assert nfd != "엘비스"
    assert ids(index, nfd) == ids(index, "엘비스")
    assert ids(index, nfd)[:2] == ["lvis", "lvis-daegu-branch"]


def test_normalize_query() -> None:
    assert normalize_query("  LVIS \n 대구 ") == "lvis 대구"
    assert normalize_query(unicodedata.normalize("NFD", "엘비스")) == "엘비스"
    assert normalize_query("\u1103\u1100") == "ㄷㄱ"


def test_exact_hit_details(index: SearchIndex) -> None:
    first = index.search("lvis").hits[0]
    assert first == Hit("lvis", "organization", Rank.EXACT, "id", "lvis", (0, 4))


def test_typo_hit_details(index: SearchIndex) -> None:
    [hit] = index.search("nueromatch").hits
    assert (hit.rank, hit.field, hit.text, hit.span) == (Rank.FUZZY, "name.en", "NeuroMatch", (0, 10))


def test_initials_hit_details(index: SearchIndex) -> None:
    [first, second] = index.search("ㅇㅂㅅ").hits
    assert (first.rank, first.field, first.text, first.span) == (Rank.INITIALS, "name.ko", "엘비스", (0, 3))
    assert (second.field, second.text, second.span) == ("aliases", "엘비스 대구지사", (0, 3))


def test_amount_and_date_hits_name_the_field_that_holds_them(index: SearchIndex) -> None:
    hit = index.search("760억").hits[0]
    assert (hit.rank, hit.field, hit.text, hit.span) == (Rank.PREFIX, "investments", "760억 원", (0, 4))
    hit = index.search("760억", kinds="project").hits[0]
    assert (hit.rank, hit.field, hit.text, hit.span) == (Rank.PREFIX, "budget", "760억 원", (0, 4))
    hit = index.search("76 billion").hits[0]
    assert (hit.rank, hit.field, hit.text[hit.span[0] : hit.span[1]]) == (
        Rank.WORD_PREFIX,
        "investments",
        "76 billion",
    )
    hit = index.search("2028").hits[0]
    assert (hit.rank, hit.field, hit.text, hit.span) == (Rank.WORD_PREFIX, "period", "2023–2028", (5, 9))
    hit = index.search("2025").hits[0]
    assert (hit.rank, hit.field, hit.text, hit.span) == (Rank.SUBSTRING, "period", "2023–2028", (0, 9))


def test_ties_follow_the_requested_language(index: SearchIndex) -> None:
    # The four events of 2023-03-06, by English name: Forum < Lee Jin-hyung's < Remarks < Signing.
    assert ids(index, "2023-03", lang="en") == [
        "mou-digital-brain",
        "brain-forum-2023-03-06",
        "lecture-silicon-valley-brain-industry",
        "quote-lee-jong-hwa-2023-03-06",
        "signing-mou-digital-brain",
        "donga-2023-03-07",
    ]


def test_kinds_restrict_the_search(index: SearchIndex) -> None:
    # Two people carry the tag 대구 (an exact match; 김유현 sorts before 이종화); 이진형's citations
    # quote the article's "대구 동구 한국뇌연구원".
    assert ids(index, "대구", kinds={"person"}) == ["kim-yu-hyun", "lee-jong-hwa", "lee-jin-hyung"]
    assert ids(index, "대구", kinds="person") == ["kim-yu-hyun", "lee-jong-hwa", "lee-jin-hyung"]
    assert ids(index, "ㄷㄱ", kinds={"organization", "source"}) == ["dip", "daegu-city", "donga-2023-03-07"]
    with pytest.raises(ValueError, match="unknown kind"):
        index.search("대구", kinds={"org"})


def test_limit_and_total(index: SearchIndex) -> None:
    everything = index.search("대구", limit=None)
    assert everything.total == len(everything.hits) > 3
    first_three = index.search("대구", limit=3)
    assert first_three.hits == everything.hits[:3]
    assert first_three.total == everything.total == index.count("대구")
    assert index.search("대구", limit=0) == type(first_three)([], everything.total)
    assert index.search("대구").hits == everything.hits[:50]
    with pytest.raises(ValueError):
        index.search("대구", limit=-1)


def test_empty_query(index: SearchIndex) -> None:
    assert index.search("").hits == []
    assert index.search("   ").total == 0
    assert index.ranked_ids("") == []


def test_one_hit_per_entity(index: SearchIndex) -> None:
    found = ids(index, "대구")
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    "query",
    [
        *("대구", "lvis", "2023", "brain", "협약", "mou", "ㄷㄱ", "760억", "daegu city"),
        *("lee jin hyung", "leejinhyung", "이 진형", "moter valley", "core automotve", "valley moter"),
    ],
)
def test_hits_agree_with_a_brute_force_check(index: SearchIndex, bundled: FactBase, query: str) -> None:
    """Bulk ranking finds exactly the entities that match one by one, best rank first, each with
    the hit `SearchIndex.hit` gives for it alone."""
    hits = index.search(query, limit=None).hits
    one_by_one = {entity.id: index.hit(entity.id, query) for entity in bundled}
    assert {h.entity_id for h in hits} == {i for i, h in one_by_one.items() if h is not None}
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    for hit in hits:
        assert one_by_one[hit.entity_id] == hit
        assert hit.span[0] < hit.span[1], hit
    assert index.ranked_ids(query) == [h.entity_id for h in hits]


@pytest.mark.parametrize(
    "query", ["대구", "LVIS", "2023-03", "760억 원", "brain data", "Daegu", "협약", "(주)"]
)
def test_spans_cover_the_query(index: SearchIndex, query: str) -> None:
    hits = index.search(query, limit=None).hits
    assert hits
    for hit in hits:
        start, end = hit.span
        assert 0 <= start < end <= len(hit.text)
        assert normalize_query(hit.text[start:end]) == normalize_query(query), hit


def test_long_values_are_cut_around_the_match(index: SearchIndex) -> None:
    # The summary's words (the article's own, "행정 지원을 맡았다", are a short quote).
    hit = index.search("행정 지원을 맡았으며").hits[0]
    assert (hit.entity_id, hit.field) == ("daegu-city", "summary.ko")
    assert hit.text.startswith("…") and hit.text.endswith("…")
    assert len(hit.text) <= 82
    assert hit.text[hit.span[0] : hit.span[1]] == "행정 지원을 맡았으며"


def test_typing_one_character_at_a_time_gives_the_same_results(bundled: FactBase) -> None:
    """The candidate cache narrows from the previous query; results must not depend on it."""
    typed = SearchIndex.build(bundled)
    every_id = [e.id for e in bundled]
    for word in (
        "대구첨단",
        "lvis",
        "2023-03",
        "ㄷㄱ",
        "neuro",
        "core automotive",
        "lee jin hyung",
        "moter valley",
    ):
        for end in (*range(1, len(word) + 1), *range(len(word) - 1, 0, -1)):
            query = word[:end]
            fresh = SearchIndex.build(bundled)
            assert typed.search(query, limit=None) == fresh.search(query, limit=None), query
            assert typed.search(query, limit=None, lang="en") == fresh.search(query, limit=None, lang="en")
            assert typed.matches(every_id, query) == fresh.matches(every_id, query), query


def test_queries_from_several_threads(bundled: FactBase) -> None:
    """The candidate cache is shared; searching and filtering from threads at once stays correct."""
    shared = SearchIndex.build(bundled)
    words = ("대구첨단", "lvis", "2023-03", "ㄷㄱ", "neuro", "core automotive", "760억 원")
    queries = [w[:end] for w in words for end in range(1, len(w) + 1)]
    expected = {q: SearchIndex.build(bundled).search(q, limit=None) for q in queries}
    every_id = [e.id for e in bundled]

    def work(offset: int) -> list[str]:
        wrong = []
        for q in queries[offset:] + queries[:offset]:
            if shared.search(q, limit=None) != expected[q]:
                wrong.append(q)
            if shared.matches(every_id, q) != sorted(
                (h.entity_id for h in expected[q].hits), key=every_id.index
            ):
                wrong.append(q)
        return wrong

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(0, 40, 5)))
    assert results == [[]] * len(results)


def test_ordering_in_the_other_language_leaves_the_cache_intact() -> None:
    """Two matches inside words of summaries only (the last bucket of the ranking), whose Korean
    and English names sort in opposite orders: asking for English order must not disturb the
    cached candidates that later Korean-order queries and filters start from."""
    facts = loads(
        """
[meta]
title = "two"
[[sources]]
id = "src"
outlet = { en = "O" }
title = { en = "T" }
published = 2024-01-02
[[organizations]]
id = "first"
kind = "other"
name = { ko = "가", en = "Zed" }
summary = { en = "abcquux" }
provenance = [{ source = "src" }]
[[organizations]]
id = "second"
kind = "other"
name = { ko = "나", en = "Alpha" }
summary = { en = "defquux" }
provenance = [{ source = "src" }]
"""
    )
    index = SearchIndex.build(facts)
    assert ids(index, "quux", lang="en") == ["second", "first"]
    assert ids(index, "quux") == ["first", "second"]
    assert ids(index, "quu", lang="en") == ["second", "first"]
    assert ids(index, "quux") == ["first", "second"]  # narrowed from the cached "quu"
    assert [h.rank for h in index.search("quux").hits] == [Rank.SUBSTRING, Rank.SUBSTRING]


# -- matches: the section filter ---------------------------------------------------------------------


def test_matches_keeps_the_given_order(index: SearchIndex, bundled: FactBase) -> None:
    organizations = [e.id for e in bundled.of_kind("organization")]
    assert index.matches(organizations, "대구") == ["daegu-city", "lvis", "dip", "kbri", "core-automotive"]
    assert index.matches(organizations[::-1], "대구") == [
        "core-automotive",
        "kbri",
        "dip",
        "lvis",
        "daegu-city",
    ]
    # search ranks dip first (by name); the filter keeps file order
    assert index.matches(organizations, "ㄷㄱ") == ["daegu-city", "dip"]
    assert index.matches(organizations, "nueromatch") == []
    assert index.matches([e.id for e in bundled.of_kind("project")], "nueromatch") == ["neuromatch"]


def test_matches_with_an_empty_query_keeps_everything(index: SearchIndex) -> None:
    assert index.matches(["lvis", "dip", "no-such-id"], "") == ["lvis", "dip", "no-such-id"]
    assert index.matches(["lvis", "no-such-id"], "lvis") == ["lvis"]


def test_match_span() -> None:
    assert match_span("대구시 산격청사", "ㄷㄱ") == (0, 2)
    assert match_span("대구시 산격청사", "산격") == (4, 6)
    assert match_span("Daegu Metropolitan City", "METRO") == (6, 11)
    assert match_span("Rematch the match", "match") == (12, 17)  # a word start beats the inside of a word
    assert match_span("Rematch", "match") == (2, 7)
    assert match_span("LVIS", "zzz") is None
    assert match_span("LVIS", "") is None


def test_snippet() -> None:
    text = "x" * 100 + "needle" + "y" * 100
    short, (start, end) = snippet(text, (100, 106), 40)
    assert short[start:end] == "needle"
    assert short.startswith("…") and short.endswith("…") and len(short) == 42
    assert snippet("short", (0, 5)) == ("short", (0, 5))


# -- the fixture file: one rule at a time -----------------------------------------------------------------

FIXTURE_CASES = [
    (
        "match",
        ["ladder-exact", "ladder-prefix", "ladder-word", "ladder-inside", "ladder-typo"],
        [Rank.EXACT, Rank.PREFIX, Rank.WORD_PREFIX, Rank.SUBSTRING, Rank.FUZZY],
    ),
    # organizations by Korean name (알파 건설 < 알파 은행), then the project, then the person
    ("alpha", ["o-alpha-1", "o-alpha-2", "p-alpha", "alpha-kim"], [Rank.PREFIX] * 4),
    ("harbor", ["project-h", "port-authority"], [Rank.EXACT, Rank.EXACT]),
    ("ㄷㄱ", ["jamo-note", "dagu-labs", "daegu"], [Rank.WORD_PREFIX, Rank.INITIALS, Rank.INITIALS]),
    ("대ㄱ", ["daegu"], [Rank.INITIALS]),
    ("다ㄱ", ["dagu-labs"], [Rank.INITIALS]),
    ("lvis", ["the-company", "lviv-office"], [Rank.EXACT, Rank.FUZZY]),
    ("LVIS", ["the-company", "lviv-office"], [Rank.EXACT, Rank.FUZZY]),
]


@pytest.mark.parametrize(("query", "expected", "ranks"), FIXTURE_CASES, ids=[c[0] for c in FIXTURE_CASES])
def test_fixture_queries(
    fixture_index: SearchIndex, query: str, expected: list[str], ranks: list[Rank]
) -> None:
    hits = fixture_index.search(query, limit=None).hits
    assert [h.entity_id for h in hits] == expected
    assert [h.rank for h in hits] == ranks


def test_fixture_fields(fixture_index: SearchIndex) -> None:
    hits = {h.entity_id: h for h in fixture_index.search("harbor").hits}
    assert (hits["project-h"].field, hits["port-authority"].field) == ("name.en", "tags")
    typo = fixture_index.search("match", limit=None).hits[-1]
    assert (typo.field, typo.text[typo.span[0] : typo.span[1]]) == ("name.en", "Mathc")
    jamo = fixture_index.search("ㄷㄱ").hits[0]
    assert (jamo.field, jamo.text, jamo.span) == ("summary.ko", "검색 예: ㄷㄱ 입력", (6, 8))


def test_fixture_ties_in_english(fixture_index: SearchIndex) -> None:
    # by English name: Alpha Bank < Alpha Construction
    assert ids(fixture_index, "alpha", lang="en") == ["o-alpha-2", "o-alpha-1", "p-alpha", "alpha-kim"]


def test_fixture_limit_and_total(fixture_index: SearchIndex) -> None:
    result = fixture_index.search("alpha", limit=2)
    assert [h.entity_id for h in result.hits] == ["o-alpha-1", "o-alpha-2"]
    assert result.total == 4
    result = fixture_index.search("match", limit=1)
    assert [h.entity_id for h in result.hits] == ["ladder-exact"]
    assert result.total == 5


def test_an_empty_fact_file() -> None:
    index = SearchIndex.build(loads('[meta]\ntitle = "empty"\n'))
    assert len(index) == 0
    assert index.search("anything").total == 0
    assert index.matches([], "x") == []


# -- every route to the candidates gives the same answer ---------------------------------------------------

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generated() -> FactBase:
    """400 synthetic entities from benchmarks/generate.py (skipped if the script is missing)."""
    if not GENERATOR.exists():
        pytest.skip("benchmarks/generate.py is not there")
    spec = importlib.util.spec_from_file_location("facts_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return loads(module.generate(400, 3))


TYPED = [
    "대구첨단",
    "서울",
    "lee",
    "daegu",
    "2023-0",
    "760억",
    "ㄷㄱ",
    "대ㄱ",
    "neuro",
    "smart city",
    "(주)",
    "org-00",
    # spacing (SPACING) and a typo in one word of several (FUZZY), in the generated names
    "changwonglobal",
    "daegu futurebio",
    "gyeongbuk intelligentauto",
    "창원 글로벌",
    "대 구미래",
    "sejong hanbitt healthcare",
]


@pytest.mark.parametrize("route", ["words", "passes", "narrowing"])
def test_every_route_agrees_with_one_by_one_matching(
    generated: FactBase, route: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bulk ranking (through the word list, through plain passes, or narrowing the previous
    query's matches) finds exactly what checking each entity alone finds, in rank order."""
    if route == "words":
        monkeypatch.setattr(candidates, "_NARROW", -1)
        monkeypatch.setattr(candidates, "_MAX_WORDS", 10**9)
    elif route == "passes":
        monkeypatch.setattr(candidates, "_MAX_WORDS", -1)
        monkeypatch.setattr(candidates.Candidates, "_spacing_via_words", lambda *_args: None)
    index = SearchIndex.build(generated)
    every_id = [e.id for e in generated]
    for word in TYPED:
        for end in range(1, len(word) + 1):
            query = word[:end]
            if route != "narrowing":
                index._cache.clear()
            hits = index.search(query, limit=None).hits
            alone = [index.hit(i, query) for i in every_id]
            expected = {h.entity_id for h in alone if h is not None}
            assert {h.entity_id for h in hits} == expected, query
            assert [h.rank for h in hits] == sorted(h.rank for h in hits), query
            assert all(h.span[0] < h.span[1] for h in hits), query
            assert index.matches(every_id, query) == [h.entity_id for h in alone if h is not None], query
            assert index.count(query) == len(hits), query
