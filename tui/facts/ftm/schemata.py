"""Which fact kind becomes which FollowTheMoney schema, and back: the one table both ways.

docs/ftm.md is this table in prose. Nothing here imports `followthemoney`: the names are plain
strings, checked against the library's model by the export's validation and by the tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Final, get_args, get_type_hints

from tui.facts.model import Agreement, Organization, Precision, Role

# -- kinds and schemata ---------------------------------------------------------------------------

ORG_SCHEMA: Final[dict[str, str]] = {
    "company": "Company",
    "city-government": "PublicBody",
    "government": "PublicBody",
    "public-agency": "PublicBody",
}
"""An organization's schema by its kind; every other kind is an `Organization`. The kind itself
travels in `classification`, so it comes back exactly."""
ORG_KINDS: Final[tuple[str, ...]] = get_args(get_type_hints(Organization)["kind"])
ORG_KIND_OF_SCHEMA: Final[dict[str, str]] = {
    "Company": "company",
    "PublicBody": "public-agency",
}
"""Import: an organization without a `classification` we know takes its kind from its schema
(else 'other')."""
AGREEMENT_KINDS: Final[tuple[str, ...]] = get_args(get_type_hints(Agreement)["kind"])

ARTICLE = "Article"
DOCUMENTATION = "Documentation"
LINK = "UnknownLink"
PARTICIPANT = "ProjectParticipant"
PAYMENT = "Payment"

# The `role` of an UnknownLink or ProjectParticipant says which field of the fact file it is.
FOUNDER, SIGNATORY, COMMITMENT, RELATED = "founder", "signatory", "commitment", "related"
OWNER, MEMBER = "owner", "participant"
PROJECT = "project"
"""An UnknownLink from an agreement to a project that the project names (its `agreements`); the
agreement's own `projects` are its Contract's `project`."""

ROLE_SCHEMATA: Final[tuple[str, ...]] = ("Directorship", "Employment", "Membership")
"""A person's role at an organization is one of these edges (`role_schema` picks)."""
ROLE_ENDS: Final[dict[str, tuple[str, str]]] = {
    "Directorship": ("director", "organization"),
    "Employment": ("employee", "employer"),
    "Membership": ("member", "organization"),
}
"""Each role schema's (person, organization) properties."""

_LEADING = re.compile(
    r"\b(ceo|chief|director|president|chair|head|founder|board|mayor|executive|governor|principal)",
    re.IGNORECASE,
)
_LEADING_KO = re.compile(r"대표|원장|이사|회장|사장|시장|총장|청장|장관|위원장|소장|센터장|의장")
_MEMBER = re.compile(r"\bmember\b|회원|위원(?!장)", re.IGNORECASE)


def role_schema(role: Role, org_kind: str) -> str:
    """Directorship for who leads or directs (CEO, director, 대표, 원장, mayor …), Membership for a
    member (or any role in an association), else Employment. Read from the title's words."""
    if _LEADING.search(role.title.en) or _LEADING_KO.search(role.title.ko):
        return "Directorship"
    if org_kind == "association" or _MEMBER.search(role.title.en) or _MEMBER.search(role.title.ko):
        return "Membership"
    return "Employment"


# -- text in two languages -------------------------------------------------------------------------

_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\u3200-\u321e\u3260-\u327e\uac00-\ud7a3]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def is_korean(text: str) -> bool:
    """Whether `text` is Korean: Hangul (syllables, jamo, circled ones such as ㈜) make up at least
    a third of its letters. A syllable holds two or three Latin letters' worth, so '엘비스(LVIS)' is
    Korean, and an English summary quoting a Korean phrase is not."""
    if text.isascii():
        return False
    hangul = len(_HANGUL.findall(text))
    return hangul > 0 and hangul * 3 >= hangul + len(_LATIN.findall(text))


def split_languages(values: list[str]) -> tuple[str, str, list[str]]:
    """(Korean, English, the rest) of an FtM property's values: the first value with Hangul is the
    Korean one, the first without is the English one, in the order given."""
    ko = en = ""
    rest: list[str] = []
    for value in values:
        if is_korean(value):
            if ko:
                rest.append(value)
            else:
                ko = value
        elif en:
            rest.append(value)
        else:
            en = value
    return ko, en, rest


# -- provenance -------------------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"^paragraph (\d+)$")
_FIELDS = re.compile(r"^fields: (.+)$")


def paragraph_role(paragraph: int) -> str:
    """A Documentation's `role`: the paragraph of the article, `paragraph 3`."""
    return f"paragraph {paragraph}"


def paragraph_of(role: str) -> int | None:
    """The paragraph a Documentation's role names, or None."""
    match = _PARAGRAPH.match(role)
    return int(match.group(1)) if match else None


def fields_text(fields: tuple[str, ...]) -> str:
    """A Documentation's `description` when its entry names fields: `fields: founded, founders`."""
    return "fields: " + ", ".join(fields)


def fields_of(text: str) -> list[str]:
    """The field names a Documentation's description lists (`fields_text`), or none."""
    match = _FIELDS.match(text)
    return [f.strip() for f in match.group(1).split(",") if f.strip()] if match else []


# -- ids ------------------------------------------------------------------------------------------

_FTM_ID = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")
"""followthemoney's entity id rule (`EntityType.REGEX`), copied so that ids cost no import."""
_NOT_ID = re.compile(r"[^0-9a-zA-Z.\-]+")
_NOT_FACT_ID = re.compile(r"[^a-z0-9._-]+")


def ftm_id(fact_id: str) -> str:
    """The FtM id of a fact entity: its own id when FtM allows it (every id without '_' that ends in
    a letter or digit), else a readable slug with a hash of the id, so it stays unique and stable."""
    if _FTM_ID.match(fact_id):
        return fact_id
    digest = hashlib.sha1(fact_id.encode("utf-8")).hexdigest()[:10]
    slug = _NOT_ID.sub("-", fact_id).strip(".-")
    return f"{slug}-{digest}" if slug else digest


def fact_id(ftm: str) -> str:
    """A fact id for an FtM id: lower case, only `a-z0-9._-`, at most 80 characters (may collide:
    the importer makes it unique)."""
    slug = _NOT_FACT_ID.sub("-", ftm.lower()).strip("._-")[:80].rstrip("._-")
    return slug or "entity"


# -- dates ----------------------------------------------------------------------------------------

_PREFIX = {"day": 10, "month": 7, "year": 4}
_PRECISION_OF_LENGTH: dict[int, Precision] = {10: "day", 7: "month", 4: "year"}


def ftm_date(date: dt.date, precision: Precision = "day") -> str:
    """An FtM date at the precision the source gives: 2024-09-30 with 'month' is `2024-09`."""
    return date.isoformat()[: _PREFIX[precision]]


def fact_date(value: str) -> tuple[dt.date, Precision] | None:
    """A date and its precision from an FtM date (`2024-09` is 2024-09-01, 'month'); a time of day
    is dropped. None if it is not one."""
    head = value[:10]
    precision = _PRECISION_OF_LENGTH.get(len(head))
    if precision is None:
        return None
    padded = head + "-01-01"[len(head) - 4 :] if precision != "day" else head
    try:
        return dt.date.fromisoformat(padded), precision
    except ValueError:
        return None


LANGUAGE_CODES: Final[dict[str, str]] = {"ko": "kor", "en": "eng"}
"""A source's language as FtM writes it (ISO 639-3)."""
