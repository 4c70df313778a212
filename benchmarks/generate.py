"""Generate a synthetic fact file of realistic shape, for benchmarks.

Usage (from the repository root):

    python benchmarks/generate.py --entities 100000 --out /tmp/facts-100k.toml
    python benchmarks/generate.py --entities 10000 --out /tmp/facts-10k.toml --seed 7

The file follows the schema in ``tui/facts/model.py``: ``[meta]``, then ``[[sources]]``,
``[[organizations]]``, ``[[people]]``, ``[[agreements]]``, ``[[projects]]`` and ``[[events]]``,
in roughly the proportions 2 / 25 / 25 / 15 / 15 / 18 percent. Names, summaries and tags are
built from Korean and English word pools; every reference points at an existing entity of an
allowed kind, and every provenance at an existing source paragraph.

The output depends only on the arguments: the same ``--entities`` and ``--seed`` give a
byte-identical file. Only the standard library is used, so the script runs without the
project installed. Strings never contain control characters, so the only escapes written
are ``\\"`` and ``\\\\`` (a ``\\u`` escape would push the loader onto its slow cleaning path).
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

# -- word pools: (Korean, English) ---------------------------------------------------------------

REGIONS = (
    ("대구", "Daegu"),
    ("서울", "Seoul"),
    ("부산", "Busan"),
    ("인천", "Incheon"),
    ("광주", "Gwangju"),
    ("대전", "Daejeon"),
    ("울산", "Ulsan"),
    ("세종", "Sejong"),
    ("경북", "Gyeongbuk"),
    ("경남", "Gyeongnam"),
    ("포항", "Pohang"),
    ("구미", "Gumi"),
    ("창원", "Changwon"),
    ("수원", "Suwon"),
    ("청주", "Cheongju"),
    ("전주", "Jeonju"),
    ("강릉", "Gangneung"),
    ("경산", "Gyeongsan"),
    ("안동", "Andong"),
    ("김해", "Gimhae"),
)
DISTRICTS = (
    ("중구", "Jung-gu"),
    ("동구", "Dong-gu"),
    ("서구", "Seo-gu"),
    ("남구", "Nam-gu"),
    ("북구", "Buk-gu"),
    ("혁신도시", "Innovation City"),
    ("테크노폴리스", "Technopolis"),
    ("국가산업단지", "National Industrial Complex"),
)
ADJECTIVES = (
    ("첨단", "Advanced"),
    ("스마트", "Smart"),
    ("미래", "Future"),
    ("글로벌", "Global"),
    ("그린", "Green"),
    ("디지털", "Digital"),
    ("혁신", "Innovative"),
    ("융합", "Convergence"),
    ("차세대", "Next-Generation"),
    ("지능형", "Intelligent"),
    ("신", "New"),
    ("한빛", "Hanbit"),
)
DOMAINS = (
    ("모빌리티", "Mobility"),
    ("에너지", "Energy"),
    ("바이오", "Bio"),
    ("로보틱스", "Robotics"),
    ("반도체", "Semiconductor"),
    ("소재", "Materials"),
    ("헬스케어", "Healthcare"),
    ("물류", "Logistics"),
    ("데이터", "Data"),
    ("배터리", "Battery"),
    ("수소", "Hydrogen"),
    ("항공", "Aerospace"),
    ("의료기기", "Medical Devices"),
    ("소프트웨어", "Software"),
    ("섬유", "Textiles"),
    ("자동차부품", "Auto Parts"),
    ("환경", "Environmental"),
    ("드론", "Drone"),
    ("메타버스", "Metaverse"),
    ("인공지능", "AI"),
)
COMPANY_SUFFIXES = (
    ("", "Co."),
    ("", "Co., Ltd."),
    ("테크", "Tech"),
    ("산업", "Industries"),
    ("솔루션", "Solutions"),
    ("시스템즈", "Systems"),
    ("랩스", "Labs"),
    ("홀딩스", "Holdings"),
)
MINISTRIES = (
    ("산업통상자원부", "Ministry of Trade, Industry and Energy"),
    ("국토교통부", "Ministry of Land, Infrastructure and Transport"),
    ("과학기술정보통신부", "Ministry of Science and ICT"),
    ("중소벤처기업부", "Ministry of SMEs and Startups"),
    ("환경부", "Ministry of Environment"),
    ("기획재정부", "Ministry of Economy and Finance"),
    ("교육부", "Ministry of Education"),
    ("보건복지부", "Ministry of Health and Welfare"),
)
CITY_BUREAUS = (
    ("", ""),
    ("미래산업국", "Future Industry Bureau"),
    ("경제국", "Economic Affairs Bureau"),
    ("투자유치과", "Investment Attraction Division"),
    ("도시계획과", "Urban Planning Division"),
)
MEDIA_WORDS = (
    ("일보", "Ilbo"),
    ("신문", "Shinmun"),
    ("방송", "Broadcasting"),
    ("경제신문", "Economic Daily"),
)
OUTLETS = (
    ("매일신문", "Maeil Shinmun", "ko"),
    ("영남일보", "Yeongnam Ilbo", "ko"),
    ("대구일보", "Daegu Ilbo", "ko"),
    ("연합뉴스", "Yonhap News Agency", "ko"),
    ("한국경제", "The Korea Economic Daily", "ko"),
    ("전자신문", "Electronic Times", "ko"),
    ("조선일보", "The Chosun Ilbo", "ko"),
    ("코리아헤럴드", "The Korea Herald", "en"),
    ("코리아타임스", "The Korea Times", "en"),
)
VENUES = (
    ("시청 대회의실", "City Hall main conference room"),
    ("컨벤션센터", "Convention Center"),
    ("테크노파크 본부", "Technopark headquarters"),
    ("상공회의소", "Chamber of Commerce"),
    ("호텔 그랜드볼룸", "hotel grand ballroom"),
    ("도청 브리핑룸", "provincial office briefing room"),
)
SURNAMES = (
    ("김", "Kim"),
    ("이", "Lee"),
    ("박", "Park"),
    ("최", "Choi"),
    ("정", "Jung"),
    ("강", "Kang"),
    ("조", "Cho"),
    ("윤", "Yoon"),
    ("장", "Jang"),
    ("임", "Lim"),
    ("한", "Han"),
    ("오", "Oh"),
    ("서", "Seo"),
    ("신", "Shin"),
    ("권", "Kwon"),
    ("황", "Hwang"),
    ("안", "Ahn"),
    ("송", "Song"),
    ("류", "Ryu"),
    ("홍", "Hong"),
)
GIVEN_SYLLABLES = (
    ("유", "yu"),
    ("현", "hyun"),
    ("민", "min"),
    ("준", "jun"),
    ("서", "seo"),
    ("지", "ji"),
    ("영", "young"),
    ("수", "su"),
    ("은", "eun"),
    ("재", "jae"),
    ("하", "ha"),
    ("윤", "yun"),
    ("성", "sung"),
    ("우", "woo"),
    ("진", "jin"),
    ("호", "ho"),
    ("희", "hee"),
    ("상", "sang"),
    ("동", "dong"),
    ("혜", "hye"),
    ("경", "kyung"),
    ("태", "tae"),
    ("승", "seung"),
    ("도", "do"),
    ("연", "yeon"),
)
TAGS = (
    "모빌리티",
    "투자",
    "업무협약",
    "반도체",
    "로봇",
    "탄소중립",
    "수소경제",
    "스마트시티",
    "일자리",
    "청년창업",
    "산학협력",
    "규제자유특구",
    "국비",
    "지역균형",
    "mobility",
    "investment",
    "MOU",
    "R&D",
    "AI",
    "battery",
    "startup",
    "smart-city",
    "hydrogen",
    "export",
    "public-private",
    "cluster",
)

# Organization kinds, their weights, and how to describe them in a summary.
ORG_KINDS = (
    "company",
    "research-institute",
    "university",
    "public-agency",
    "city-government",
    "government",
    "media",
    "association",
    "other",
)
ORG_KIND_WEIGHTS = (60, 8, 6, 8, 5, 3, 3, 5, 2)
ORG_KIND_WORDS = {
    "company": ("기업", "a company"),
    "research-institute": ("연구기관", "a research institute"),
    "university": ("대학", "a university"),
    "public-agency": ("공공기관", "a public agency"),
    "city-government": ("지방자치단체", "a local government"),
    "government": ("중앙부처", "a government ministry"),
    "media": ("언론사", "a media outlet"),
    "association": ("협회", "an industry association"),
    "other": ("단체", "an organization"),
}
TITLES = {
    "company": (
        ("대표이사", "CEO"),
        ("부사장", "Vice President"),
        ("전무", "Executive Director"),
        ("연구소장", "Head of R&D"),
        ("회장", "Chairman"),
    ),
    "research-institute": (("원장", "President"), ("책임연구원", "Principal Researcher")),
    "university": (
        ("총장", "President"),
        ("교수", "Professor"),
        ("산학협력단장", "Dean of Industry Cooperation"),
    ),
    "public-agency": (("원장", "President"), ("본부장", "Head of Division")),
    "city-government": (("시장", "Mayor"), ("부시장", "Deputy Mayor"), ("국장", "Director-General")),
    "government": (("장관", "Minister"), ("차관", "Vice Minister"), ("실장", "Deputy Minister")),
    "media": (("편집국장", "Editor-in-Chief"), ("기자", "Reporter")),
    "association": (("회장", "Chairman"), ("사무총장", "Secretary-General")),
    "other": (("대표", "Representative"),),
}
FOUNDER_TITLE = ("창업자", "Founder")

AGREEMENT_KINDS = ("mou", "contract", "investment", "partnership", "other")
AGREEMENT_KIND_WEIGHTS = (55, 15, 15, 10, 5)
AGREEMENT_WORDS = {
    "mou": ("업무협약", "MOU"),
    "contract": ("계약", "Contract"),
    "investment": ("투자협약", "Investment Agreement"),
    "partnership": ("전략적 파트너십", "Strategic Partnership"),
    "other": ("협정", "Agreement"),
}
COMMITMENTS = (
    ("{d} 분야 부지 제공 및 행정 지원", "Provide land and administrative support for {d}"),
    ("{d} 연구개발 인력 {n}명 신규 채용", "Hire {n} new {d} R&D staff"),
    ("{d} 실증 인프라 구축", "Build {d} test-bed infrastructure"),
    ("지역 협력업체 우선 활용", "Prefer local suppliers"),
    ("{d} 전문인력 양성 과정 운영", "Run a specialist training program in {d}"),
    ("인허가 신속 처리", "Fast-track permits"),
)
INVESTMENT_PURPOSES = (
    ("{d} 생산공장 신설", "New {d} plant"),
    ("{d} 연구소 건립", "{d} research center"),
    ("{d} 설비 증설", "Expansion of {d} facilities"),
    ("본사 이전", "Headquarters relocation"),
)

PROJECT_KINDS = ("program", "plan", "facility", "product", "cluster", "other")
PROJECT_KIND_WEIGHTS = (35, 15, 20, 10, 15, 5)
PROJECT_WORDS = {
    "program": ("육성사업", "Development Program"),
    "plan": ("기본계획", "Master Plan"),
    "facility": ("센터 건립", "Center Construction"),
    "product": ("제품 개발", "Product Development"),
    "cluster": ("클러스터 조성", "Cluster"),
    "other": ("사업", "Project"),
}
GOALS = (
    ("기업 {n}개 유치", "Attract {n} companies"),
    ("일자리 {n}개 창출", "Create {n} jobs"),
    ("전문인력 {n}명 양성", "Train {n} specialists"),
    ("탄소 배출 {p}% 감축", "Cut carbon emissions by {p}%"),
    ("수출 {p}% 확대", "Grow exports by {p}%"),
)
FIGURES = (
    ("명", "jobs", "일자리 창출", "jobs created", 100, 20000),
    ("vehicles/year", "vehicles/year", "연간 생산량", "annual output", 1000, 500000),
    ("MW", "MW", "발전 용량", "generation capacity", 1, 2000),
    ("개사", "companies", "입주 기업", "resident companies", 5, 500),
)

EVENT_KINDS = ("meeting", "signing", "lecture", "forum", "declaration", "quote", "announcement", "other")
EVENT_KIND_WEIGHTS = (20, 15, 8, 15, 7, 15, 15, 5)
QUOTES = (
    "{r}{obj} 대한민국 {d} 산업의 중심으로 만들겠다",
    "{d} 분야 투자는 지역 경제의 새로운 성장 동력이 될 것",
    "기업이 마음껏 투자할 수 있도록 행정력을 총동원하겠다",
    "청년들이 떠나지 않는 {r}{obj} 만들겠다",
)

# Share of the file per table, in percent (remainders go by largest fraction).
SHARES = (
    ("sources", 2),
    ("organizations", 25),
    ("people", 25),
    ("agreements", 15),
    ("projects", 15),
    ("events", 18),
)
PREFIXES = {
    "sources": "src",
    "organizations": "org",
    "people": "person",
    "agreements": "agr",
    "projects": "proj",
    "events": "evt",
}
FIRST_YEAR, LAST_YEAR = 2015, 2030

# -- TOML text ------------------------------------------------------------------------------------

_ESCAPES = {i: f"\\u{i:04X}" for i in range(0x20)}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"})
_ESCAPES.update({0x22: '\\"', 0x5C: "\\\\", 0x7F: "\\u007F"})


def q(text: str) -> str:
    """`text` as a TOML basic string: quoted, with backslash, quote and control characters escaped."""
    return '"' + text.translate(_ESCAPES) + '"'


def bilingual(ko: str, en: str) -> str:
    """A Bilingual as an inline table, leaving out an empty language."""
    parts = []
    if ko:
        parts.append(f"ko = {q(ko)}")
    if en:
        parts.append(f"en = {q(en)}")
    return "{ " + ", ".join(parts) + " }"


def string_array(items: Sequence[str]) -> str:
    return "[" + ", ".join(q(item) for item in items) + "]"


def money(amount: int) -> str:
    return f'{{ amount = {amount}, currency = "KRW" }}'


# -- Korean text ----------------------------------------------------------------------------------


def has_final_consonant(word: str) -> bool:
    """Whether the last syllable of `word` ends in a consonant (batchim); non-Hangul counts as no."""
    code = ord(word[-1]) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def topic(word: str) -> str:
    """`word` with the topic particle 은/는."""
    return word + ("은" if has_final_consonant(word) else "는")


def subject_particle(word: str) -> str:
    """The subject particle 이/가 that follows `word`."""
    return "이" if has_final_consonant(word) else "가"


def object_particle(word: str) -> str:
    """The object particle 을/를 that follows `word`."""
    return "을" if has_final_consonant(word) else "를"


def eok_to_english(eok: int) -> str:
    """An amount in 억 won as English: 7600 → 'KRW 760 billion'."""
    billions = eok / 10
    return f"KRW {billions:,.1f}".removesuffix(".0") + " billion"


# -- planning -------------------------------------------------------------------------------------


def plan_counts(total: int) -> dict[str, int]:
    """How many entities each table gets: `total` split by SHARES, at least one source."""
    exact = [(table, total * share / 100) for table, share in SHARES]
    counts = {table: int(value) for table, value in exact}
    by_fraction = sorted(range(len(exact)), key=lambda i: (-(exact[i][1] % 1), i))
    for i in by_fraction[: total - sum(counts.values())]:
        counts[exact[i][0]] += 1
    if counts["sources"] == 0:
        largest = max(counts, key=counts.__getitem__)
        counts[largest] -= 1
        counts["sources"] += 1
    if counts["agreements"] and not counts["organizations"]:  # parties must be organizations
        counts["agreements"] -= 1
        counts["organizations"] += 1
    return counts


def make_ids(prefix: str, count: int) -> list[str]:
    width = max(6, len(str(count)))
    return [f"{prefix}-{i:0{width}d}" for i in range(1, count + 1)]


class Org(NamedTuple):
    kind: str
    ko: str
    en: str
    region: int
    domain: int


class PersonName(NamedTuple):
    ko: str
    en: str
    surname: int
    alias_en: str


# -- the generator --------------------------------------------------------------------------------


class Generator:
    """Plans every id and name up front, then renders each table as TOML lines."""

    def __init__(self, total: int, seed: int = 0) -> None:
        self.total = total
        self.seed = seed
        self.rng = random.Random(seed)
        self.counts = plan_counts(total)
        self.ids = {table: make_ids(PREFIXES[table], n) for table, n in self.counts.items()}
        rng = self.rng
        self.paragraphs = [rng.randint(4, 40) for _ in range(self.counts["sources"])]
        self.orgs = [self._org_name() for _ in range(self.counts["organizations"])]
        self.people = [self._person_name() for _ in range(self.counts["people"])]
        # Links written on one side and mirrored on the other, filled while rendering.
        self.founded: dict[int, list[tuple[int, int]]] = defaultdict(list)  # person -> [(org, year)]
        self.project_agreements: dict[int, list[int]] = defaultdict(list)  # project -> [agreement]

    # -- names

    def _org_name(self) -> Org:
        rng = self.rng
        kind = rng.choices(ORG_KINDS, ORG_KIND_WEIGHTS)[0]
        r, d = rng.randrange(len(REGIONS)), rng.randrange(len(DOMAINS))
        (region_ko, region_en), (domain_ko, domain_en) = REGIONS[r], DOMAINS[d]
        adj_ko, adj_en = rng.choice(ADJECTIVES)
        if kind == "company":
            suffix_ko, suffix_en = rng.choice(COMPANY_SUFFIXES)
            ko, en = (
                f"{region_ko}{adj_ko}{domain_ko}{suffix_ko}",
                f"{region_en} {adj_en} {domain_en} {suffix_en}",
            )
            if rng.random() < 0.2:
                ko = "(주)" + ko
        elif kind == "research-institute":
            ko, en = f"{region_ko}{domain_ko}연구원", f"{region_en} Institute of {domain_en}"
        elif kind == "university":
            ko, en = f"{region_ko}{adj_ko}대학교", f"{region_en} {adj_en} University"
        elif kind == "public-agency":
            ko, en = f"{region_ko}{domain_ko}진흥원", f"{region_en} {domain_en} Promotion Agency"
        elif kind == "city-government":
            bureau_ko, bureau_en = rng.choice(CITY_BUREAUS)
            ko = f"{region_ko}시 {bureau_ko}".strip()
            en = f"{region_en} City" + (f" {bureau_en}" if bureau_en else "")
        elif kind == "government":
            ko, en = rng.choice(MINISTRIES)
        elif kind == "media":
            word_ko, word_en = rng.choice(MEDIA_WORDS)
            ko, en = f"{region_ko}{adj_ko}{word_ko}", f"{region_en} {adj_en} {word_en}"
        elif kind == "association":
            ko, en = f"{region_ko}{domain_ko}산업협회", f"{region_en} {domain_en} Industry Association"
        else:
            ko, en = f"{region_ko}{domain_ko}포럼", f"{region_en} {domain_en} Forum"
        return Org(kind, ko, en, r, d)

    def _person_name(self) -> PersonName:
        rng = self.rng
        s = rng.randrange(len(SURNAMES))
        (g1_ko, g1_en), (g2_ko, g2_en) = rng.choice(GIVEN_SYLLABLES), rng.choice(GIVEN_SYLLABLES)
        sur_ko, sur_en = SURNAMES[s]
        given_en = f"{g1_en.capitalize()}-{g2_en}"
        return PersonName(
            f"{sur_ko}{g1_ko}{g2_ko}", f"{sur_en} {given_en}", s, f"{g1_en.capitalize()}{g2_en} {sur_en}"
        )

    # -- small random pieces

    def _sample(self, table: str, k: int) -> list[int]:
        """Up to `k` distinct indexes into `table`."""
        return self.rng.sample(range(self.counts[table]), min(k, self.counts[table]))

    def _tags(self) -> list[str]:
        return self.rng.sample(TAGS, self.rng.choice((0, 0, 1, 1, 2, 3)))

    def _year(self, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> int:
        return self.rng.randint(first, last)

    def _date(self, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> tuple[str, str]:
        """A date and its precision: mostly exact days, some months, a few years."""
        rng = self.rng
        year, month = rng.randint(first, last), rng.randint(1, 12)
        roll = rng.random()
        if roll < 0.75:
            day = rng.randint(1, calendar.monthrange(year, month)[1])
            return f"{year:04d}-{month:02d}-{day:02d}", "day"
        if roll < 0.92:
            return f"{year:04d}-{month:02d}-01", "month"
        return f"{year:04d}-01-01", "year"

    def _eok(self, low: float = 0, high: float = 4) -> int:
        """An amount in 억 won, log-uniform between 10**low and 10**high."""
        return max(1, int(10 ** self.rng.uniform(low, high)))

    def _place(self, region: int) -> tuple[str, str]:
        venue_ko, venue_en = self.rng.choice(VENUES)
        region_ko, region_en = REGIONS[region]
        return f"{region_ko} {venue_ko}", f"{venue_en}, {region_en}"

    def _location(self, region: int) -> tuple[str, str]:
        district_ko, district_en = self.rng.choice(DISTRICTS)
        region_ko, region_en = REGIONS[region]
        return f"{region_ko} {district_ko}", f"{district_en}, {region_en}"

    def _provenance(self) -> str:
        """1–3 citations of existing source paragraphs, some with a quote."""
        rng = self.rng
        items = []
        for _ in range(rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 3))):
            s = rng.randrange(self.counts["sources"])
            item = f"source = {q(self.ids['sources'][s])}, paragraph = {rng.randint(0, self.paragraphs[s])}"
            if rng.random() < 0.05:
                quote = '"' + rng.choice(DOMAINS)[0] + ' 분야 협력을 강화하기로 했다"고 밝혔다'
                item += f", quote = {q(quote)}"
            items.append("{ " + item + " }")
        return "provenance = [" + ", ".join(items) + "]"

    def _named_head(self, lines: list[str], table: str, i: int, ko: str, en: str, aliases: list[str]) -> None:
        """The header, id, name, aliases, tags and provenance shared by every named entity."""
        lines.append(f"\n[[{table}]]")
        lines.append(f"id = {q(self.ids[table][i])}")
        if self.rng.random() < 0.03:
            en = ""  # a few entities are only known by their Korean name
        lines.append(f"name = {bilingual(ko, en)}")
        if aliases:
            lines.append(f"aliases = {string_array(aliases)}")
        tags = self._tags()
        if tags:
            lines.append(f"tags = {string_array(tags)}")
        lines.append(self._provenance())

    def _summary(self, lines: list[str], ko: str, en: str) -> None:
        if self.rng.random() < 0.4:
            lines.append(f"summary = {bilingual(ko, en)}")

    # -- tables

    def meta(self) -> list[str]:
        return [
            "[meta]",
            f"title = {q(f'Synthetic fact file ({self.total:,} entities, seed {self.seed})')}",
            f"description = {q('Generated by benchmarks/generate.py for load and rendering benchmarks.')}",
            "schema_version = 1",
            'language = "ko"',
        ]

    def source(self, i: int) -> list[str]:
        rng = self.rng
        outlet_ko, outlet_en, language = rng.choice(OUTLETS)
        org = self.orgs[rng.randrange(len(self.orgs))] if self.orgs else None
        domain_ko, domain_en = rng.choice(DOMAINS)
        eok = self._eok(1, 4)
        if org is not None and rng.random() < 0.6:
            title_ko = f"{org.ko}, {domain_ko} 분야 {eok:,}억 원 투자"
            title_en = f"{org.en} to invest {eok_to_english(eok)} in {domain_en}"
        else:
            region_ko, region_en = rng.choice(REGIONS)
            title_ko = f"{region_ko}, {domain_ko} 산업 육성 본격화"
            title_en = f"{region_en} steps up its {domain_en} industry push"
        published, _ = self._date(FIRST_YEAR, 2025)
        reporter = rng.choice(SURNAMES)[0] + rng.choice(GIVEN_SYLLABLES)[0] + rng.choice(GIVEN_SYLLABLES)[0]
        lines = [
            "\n[[sources]]",
            f"id = {q(self.ids['sources'][i])}",
            f"outlet = {bilingual(outlet_ko, outlet_en)}",
            f"title = {bilingual(title_ko, title_en)}",
            f"author = {q(reporter + ' 기자')}",
            f"published = {published}",
        ]
        if rng.random() < 0.6:
            lines.append(f"published_time = {rng.randint(6, 22):02d}:{rng.randrange(60):02d}:00")
        lines.append(f'language = "{language}"')
        url = f"https://news.example.kr/article/{published.replace('-', '')}{i:06d}"
        lines.append(f"url = {q(url)}")
        lines.append(f"paragraphs = {self.paragraphs[i]}")
        tags = self._tags()
        if tags:
            lines.append(f"tags = {string_array(tags)}")
        if rng.random() < 0.3:
            lines.append(f"summary = {bilingual(title_ko + ' 보도.', f'Report: {title_en}.')}")
        return lines

    def organization(self, i: int) -> list[str]:
        rng = self.rng
        org = self.orgs[i]
        aliases = []
        if rng.random() < 0.3:
            aliases.append("".join(word[0] for word in org.en.split() if word[0].isupper()))
        lines: list[str] = []
        self._named_head(lines, "organizations", i, org.ko, org.en, aliases)
        lines.append(f'kind = "{org.kind}"')
        loc_ko, loc_en = self._location(org.region)
        if rng.random() < 0.7:
            lines.append(f"location = {bilingual(loc_ko, loc_en)}")
        founded = self._year(1950, 2024) if rng.random() < 0.6 else None
        if founded is not None:
            lines.append(f"founded = {founded}")
        if org.kind == "company" and self.people and rng.random() < 0.4:
            founders = self._sample("people", rng.choice((1, 1, 2)))
            for p in founders:
                self.founded[p].append((i, founded or self._year(1990, 2024)))
            lines.append(f"founders = {string_array([self.ids['people'][p] for p in founders])}")
        if org.kind == "company" and rng.random() < 0.15:
            worth, as_of = self._eok(2, 5) * 10**8, self._year(2018, 2026)
            lines.append(f"valuation = {{ money = {money(worth)}, as_of = {as_of} }}")
        if i > 0 and rng.random() < 0.1:  # parents come earlier in the file, so there are no cycles
            lines.append(f"parent = {q(self.ids['organizations'][rng.randrange(i)])}")
        kind_ko, kind_en = ORG_KIND_WORDS[org.kind]
        domain_ko, domain_en = DOMAINS[org.domain]
        ko = f"{topic(org.ko)} {domain_ko} 분야 {kind_ko}이다."
        en = f"{org.en} is {kind_en} in the {domain_en} sector."
        if founded is not None and rng.random() < 0.5:
            ko += f" {founded}년 설립됐다."
            en += f" It was founded in {founded}."
        self._summary(lines, ko, en)
        return lines

    def person(self, i: int) -> list[str]:
        rng = self.rng
        name = self.people[i]
        roles = self._roles(i)
        aliases = []
        if rng.random() < 0.2:
            aliases.append(name.alias_en)
        if roles and rng.random() < 0.2:
            aliases.append(f"{SURNAMES[name.surname][0]} {roles[0][1][0]}")
        lines: list[str] = []
        self._named_head(lines, "people", i, name.ko, name.en, aliases)
        if roles:
            org, (title_ko, title_en), _, _ = roles[0]
            ko = f"{topic(name.ko)} {self.orgs[org].ko} {title_ko}이다."
            en = f"{name.en} serves as {title_en} at {self.orgs[org].en}."
            self._summary(lines, ko, en)
        for org, (title_ko, title_en), since, until in roles:
            lines.append("\n[[people.roles]]")
            lines.append(f"organization = {q(self.ids['organizations'][org])}")
            lines.append(f"title = {bilingual(title_ko, title_en)}")
            if since is not None:
                lines.append(f"since = {since}")
            if until is not None:
                lines.append(f"until = {until}")
        return lines

    def _roles(self, i: int) -> list[tuple[int, tuple[str, str], int | None, int | None]]:
        """The person's roles: the current one first, then earlier ones, then founded companies."""
        rng = self.rng
        roles: list[tuple[int, tuple[str, str], int | None, int | None]] = []
        if self.orgs:
            start = self._year(2010, 2026)
            for org in self._sample("organizations", rng.choice((0, 1, 1, 1, 2))):
                title = rng.choice(TITLES[self.orgs[org].kind])
                if not roles:
                    roles.append((org, title, start if rng.random() < 0.7 else None, None))
                else:
                    begin = start - rng.randint(2, 10)
                    roles.append((org, title, begin, start))
                    start = begin
        for org, year in self.founded.get(i, ()):
            roles.append((org, FOUNDER_TITLE, year, None))
        return roles

    def agreement(self, i: int) -> list[str]:
        rng = self.rng
        kind = rng.choices(AGREEMENT_KINDS, AGREEMENT_KIND_WEIGHTS)[0]
        parties = self._sample("organizations", rng.choice((2, 2, 2, 3, 4)))
        first = self.orgs[parties[0]]
        domain_ko, domain_en = DOMAINS[first.domain]
        word_ko, word_en = AGREEMENT_WORDS[kind]
        if len(parties) == 2:
            second = self.orgs[parties[1]]
            ko = f"{first.ko}·{second.ko} {domain_ko} {word_ko}"
            en = f"{first.en}–{second.en} {domain_en} {word_en}"
        else:
            ko = f"{first.ko} 등 {len(parties)}개 기관 {domain_ko} {word_ko}"
            en = f"{domain_en} {word_en} among {first.en} and {len(parties) - 1} others"
        lines: list[str] = []
        self._named_head(lines, "agreements", i, ko, en, [])
        lines.append(f'kind = "{kind}"')
        self._date_fields(lines, first.region, undated_share=0.12, note_ko="기사에 체결일 미기재")
        lines.append(f"parties = {string_array([self.ids['organizations'][p] for p in parties])}")
        signatories = self._sample("people", rng.choice((0, 1, 2, 2, 3)))
        if signatories:
            lines.append(f"signatories = {string_array([self.ids['people'][p] for p in signatories])}")
        if self.counts["projects"] and rng.random() < 0.4:
            projects = self._sample("projects", rng.choice((1, 1, 2)))
            for p in projects:
                self.project_agreements[p].append(i)
            lines.append(f"projects = {string_array([self.ids['projects'][p] for p in projects])}")
        n_parties = len(parties)
        self._summary(
            lines,
            f"{n_parties}개 기관이 {domain_ko} 분야 협력을 위해 {word_ko}{object_particle(word_ko)} 맺었다.",
            f"{n_parties} organizations agreed to cooperate on {domain_en} ({word_en}).",
        )
        for p in parties:
            if rng.random() < 0.4:
                lines += self._commitment(p, domain_ko, domain_en)
        n_investments = rng.randint(1, 2) if kind == "investment" else rng.choice((0, 0, 0, 1))
        for p in rng.sample(parties, min(n_investments, n_parties)):
            lines += self._investment(p, domain_ko, domain_en)
        return lines

    def _date_fields(self, lines: list[str], region: int, undated_share: float, note_ko: str) -> None:
        """date + date_precision, or (for `undated_share` of them) a date_note instead; and a place."""
        rng = self.rng
        if rng.random() < undated_share:
            lines.append(f"date_note = {bilingual(note_ko, 'the source gives no date')}")
        else:
            date, precision = self._date()
            lines.append(f"date = {date}")
            if precision != "day":
                lines.append(f'date_precision = "{precision}"')
        if rng.random() < 0.4:
            place_ko, place_en = self._place(region)
            lines.append(f"place = {bilingual(place_ko, place_en)}")

    def _commitment(self, party: int, domain_ko: str, domain_en: str) -> list[str]:
        ko, en = self.rng.choice(COMMITMENTS)
        n = self.rng.randint(10, 500)
        return [
            "\n[[agreements.commitments]]",
            f"party = {q(self.ids['organizations'][party])}",
            f"text = {bilingual(ko.format(d=domain_ko, n=n), en.format(d=domain_en, n=n))}",
        ]

    def _investment(self, party: int, domain_ko: str, domain_en: str) -> list[str]:
        rng = self.rng
        purpose_ko, purpose_en = rng.choice(INVESTMENT_PURPOSES)
        lines = [
            "\n[[agreements.investments]]",
            f"by = {q(self.ids['organizations'][party])}",
            f"money = {money(self._eok() * 10**8)}",
        ]
        if rng.random() < 0.7:
            due, precision = self._date(2020, LAST_YEAR)
            lines.append(f"due = {due}")
            if precision != "day":
                lines.append(f'due_precision = "{precision}"')
        lines.append(f"purpose = {bilingual(purpose_ko.format(d=domain_ko), purpose_en.format(d=domain_en))}")
        if rng.random() < 0.5:
            place_ko, place_en = self._location(self.orgs[party].region)
            lines.append(f"place = {bilingual(place_ko, place_en)}")
        return lines

    def project(self, i: int) -> list[str]:
        rng = self.rng
        kind = rng.choices(PROJECT_KINDS, PROJECT_KIND_WEIGHTS)[0]
        r, d = rng.randrange(len(REGIONS)), rng.randrange(len(DOMAINS))
        (region_ko, region_en), (domain_ko, domain_en) = REGIONS[r], DOMAINS[d]
        adj_ko, adj_en = rng.choice(ADJECTIVES)
        word_ko, word_en = PROJECT_WORDS[kind]
        ko = f"{region_ko} {adj_ko}{domain_ko} {word_ko}"
        en = f"{region_en} {adj_en} {domain_en} {word_en}"
        lines: list[str] = []
        self._named_head(
            lines, "projects", i, ko, en, [f"{adj_ko}{domain_ko} {word_ko}"] if rng.random() < 0.2 else []
        )
        lines.append(f'kind = "{kind}"')
        if rng.random() < 0.05 and self.people:
            lines.append(f"owner = {q(self.ids['people'][rng.randrange(len(self.people))])}")
        elif self.orgs and rng.random() < 0.9:
            lines.append(f"owner = {q(self.ids['organizations'][rng.randrange(len(self.orgs))])}")
        if rng.random() < 0.7:
            lines.append(f"budget = {money(self._eok(1, 4.5) * 10**8)}")
        if rng.random() < 0.7:
            start = self._year(FIRST_YEAR, 2028)
            end = f", end = {start + rng.randint(1, 10)}" if rng.random() < 0.8 else ""
            lines.append(f"period = {{ start = {start}{end} }}")
        if rng.random() < 0.5:
            area = rng.randint(1, 330) * 10_000
            label = f", label = {bilingual('부지 면적', 'site area')}" if rng.random() < 0.5 else ""
            lines.append(f'area = {{ value = {area}, unit = "m2"{label} }}')
        if rng.random() < 0.6:
            loc_ko, loc_en = self._location(r)
            lines.append(f"location = {bilingual(loc_ko, loc_en)}")
        if rng.random() < 0.25:
            vision = bilingual(f"{region_ko} {domain_ko} 산업 허브 도약", f"{region_en} as a {domain_en} hub")
            lines.append(f"vision = {vision}")
        goals = rng.sample(GOALS, rng.choice((0, 0, 0, 1, 2, 3)))
        if goals:
            n, p = rng.choice((10, 50, 100, 300, 1000, 5000)), rng.randint(5, 50)
            items = [
                bilingual(g_ko.format(n=f"{n:,}", p=p), g_en.format(n=f"{n:,}", p=p)) for g_ko, g_en in goals
            ]
            lines.append(f"goals = [{', '.join(items)}]")
        organizations = self._sample("organizations", rng.choice((0, 0, 1, 2, 3, 4)))
        if organizations:
            lines.append(
                f"organizations = {string_array([self.ids['organizations'][o] for o in organizations])}"
            )
        agreements = self.project_agreements.get(i, [])
        if agreements:
            lines.append(f"agreements = {string_array([self.ids['agreements'][a] for a in agreements])}")
        self._summary(
            lines,
            f"{region_ko} 지역 {domain_ko} 산업을 키우기 위한 {word_ko}이다.",
            f"A {word_en.lower()} to grow the {domain_en} industry in {region_en}.",
        )
        for unit, unit_en, label_ko, label_en, low, high in rng.sample(FIGURES, rng.choice((0, 0, 0, 1, 2))):
            lines.append("\n[[projects.figures]]")
            lines.append(f"value = {rng.randint(low, high)}")
            lines.append(f"unit = {q(unit if rng.random() < 0.5 else unit_en)}")
            lines.append(f"label = {bilingual(label_ko, label_en)}")
        return lines

    def event(self, i: int) -> list[str]:
        rng = self.rng
        kind = rng.choices(EVENT_KINDS, EVENT_KIND_WEIGHTS)[0]
        r, d = rng.randrange(len(REGIONS)), rng.randrange(len(DOMAINS))
        (region_ko, region_en), (domain_ko, domain_en) = REGIONS[r], DOMAINS[d]
        people = self._sample("people", rng.choice((0, 1, 1, 2, 3)))
        orgs = self._sample("organizations", rng.choice((0, 1, 1, 2, 3)))
        speaker = people[0] if people else (rng.randrange(len(self.people)) if self.people else None)
        if kind == "quote" and speaker is not None:
            ko, en = f"{self.people[speaker].ko} 발언", f"Remarks by {self.people[speaker].en}"
        else:
            ko, en = self._event_name(kind, region_ko, region_en, domain_ko, domain_en)
        lines: list[str] = []
        self._named_head(lines, "events", i, ko, en, [])
        lines.append(f'kind = "{kind}"')
        self._date_fields(lines, r, undated_share=0.03, note_ko="기사에 날짜 미기재")
        participants = [self.ids["people"][p] for p in people] + [self.ids["organizations"][o] for o in orgs]
        if participants:
            lines.append(f"participants = {string_array(participants)}")
        related = self._related(i)
        if related:
            lines.append(f"related = {string_array(related)}")
        if kind == "quote" and speaker is not None:
            speaker_ko, speaker_en = self.people[speaker].ko, self.people[speaker].en
            summary_ko = (
                f"{speaker_ko}{subject_particle(speaker_ko)} {region_ko}에서 {domain_ko} 관련 입장을 밝혔다."
            )
            summary_en = f"{speaker_en} spoke about {domain_en} in {region_en}."
        else:
            summary_ko = f"{region_ko}에서 {ko}{object_particle(ko)} 진행했다."
            summary_en = f"{en} took place in {region_en}."
        self._summary(lines, summary_ko, summary_en)
        if speaker is not None and (kind == "quote" or rng.random() < 0.15):
            text = rng.choice(QUOTES).format(r=region_ko, obj=object_particle(region_ko), d=domain_ko)
            lines.append("\n[events.quote]")
            lines.append(f"text = {q(text)}")
            lines.append(f"speaker = {q(self.ids['people'][speaker])}")
        return lines

    @staticmethod
    def _event_name(
        kind: str, region_ko: str, region_en: str, domain_ko: str, domain_en: str
    ) -> tuple[str, str]:
        names = {
            "meeting": (f"{domain_ko} 기업 간담회", f"{domain_en} industry meeting"),
            "signing": (f"{domain_ko} 협약식", f"{domain_en} agreement signing ceremony"),
            "lecture": (f"{domain_ko} 특강", f"Lecture on {domain_en}"),
            "forum": (f"{region_ko} {domain_ko} 포럼", f"{region_en} {domain_en} Forum"),
            "declaration": (
                f"{region_ko} {domain_ko} 비전 선포식",
                f"{region_en} {domain_en} vision declaration",
            ),
            "quote": (f"{domain_ko} 관련 발언", f"Remarks on {domain_en}"),
            "announcement": (f"{domain_ko} 투자 계획 발표", f"{domain_en} investment plan announced"),
        }
        return names.get(
            kind, (f"{region_ko} {domain_ko} 현장 방문", f"{domain_en} site visit in {region_en}")
        )

    def _related(self, i: int) -> list[str]:
        """0–3 related entities of any kind: mostly agreements and projects, sometimes earlier events."""
        rng = self.rng
        related: list[str] = []
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            table = rng.choice(
                ("agreements", "agreements", "projects", "projects", "organizations", "events")
            )
            limit = i if table == "events" else self.counts[table]
            if limit:
                target = self.ids[table][rng.randrange(limit)]
                if target not in related:
                    related.append(target)
        return related

    # -- the whole file

    def render(self) -> str:
        """The whole file as text, tables in schema order."""
        lines = self.meta()
        for table, make in (
            ("sources", self.source),
            ("organizations", self.organization),
            ("people", self.person),
            ("agreements", self.agreement),
            ("projects", self.project),
            ("events", self.event),
        ):
            for i in range(self.counts[table]):
                lines += make(i)
        lines.append("")
        return "\n".join(lines)


def generate(total: int, seed: int = 0, cited: float = 0.0) -> str:
    """The text of a fact file with `total` entities, the same for the same `seed`; with `cited`,
    that share of the named entities cite each of their fields (`cite_fields`)."""
    text = Generator(total, seed).render()
    return cite_fields(text, cited, seed) if cited > 0 else text


NOT_CITABLE = ("id", "provenance", "date_precision", "date_note")
"""Keys a provenance entry cannot name (tui/facts/citations.py: the id, provenance, parts of a date)."""
_ENTRY = re.compile(r"\{ ([^{}]*?) \}")


def cite_fields(text: str, share: float, seed: int = 0) -> str:
    """`text` with `share` of its named entities citing every field they give (tags included): the
    keys are dealt over the entity's provenance entries in turn, `fields = [...]` in each. The
    choice has a random generator of its own, so the rest of the file is the same as without."""
    rng = random.Random(f"cite-{seed}")
    lines = text.split("\n")
    entity: list[str] | None = None
    provenance_at = -1
    in_sub_table = False

    def finish() -> None:
        if entity is None or provenance_at < 0 or rng.random() >= share:
            return
        entries = _ENTRY.findall(lines[provenance_at])
        dealt = [entity[j :: len(entries)] for j in range(len(entries))]
        cited = [
            "{ " + entry + (f", fields = {string_array(keys)}" if keys else "") + " }"
            for entry, keys in zip(entries, dealt, strict=True)
        ]
        lines[provenance_at] = "provenance = [" + ", ".join(cited) + "]"

    for n, line in enumerate(lines):
        if line.startswith("["):  # [[table]], [[table.sub]] or [table.sub]
            name = line.strip("[]")
            if "." in name:
                key = name.split(".", 1)[1]  # [[agreements.commitments]]: commitments
                if entity is not None and key not in entity:
                    entity.append(key)
                in_sub_table = True
                continue
            finish()
            entity, provenance_at, in_sub_table = ([] if name != "sources" else None), -1, False
        elif entity is not None and not in_sub_table and " = " in line and not line.startswith(" "):
            key = line.split(" = ", 1)[0]
            if key == "provenance":
                provenance_at = n
            elif key not in NOT_CITABLE and key not in entity:
                entity.append(key)
    finish()
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic fact file for benchmarks.")
    parser.add_argument("--entities", type=int, required=True, help="how many entities in all (>= 1)")
    parser.add_argument("--out", type=Path, required=True, help="the TOML file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--cited",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of named entities whose provenance cites each of their fields (0 to 1; default 0)",
    )
    args = parser.parse_args(argv)
    if args.entities < 1:
        parser.error("--entities must be at least 1")
    started = time.perf_counter()
    text = generate(args.entities, args.seed, args.cited)
    data = text.encode("utf-8")
    args.out.write_bytes(data)
    elapsed = time.perf_counter() - started
    print(
        f"wrote {args.out}: {args.entities:,} entities, {len(data) / 1e6:.1f} MB in {elapsed:.2f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
