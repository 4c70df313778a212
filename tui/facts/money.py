"""Money and date formatting: the one place amounts and dates become text."""

from __future__ import annotations

import datetime as dt

from tui.facts.model import Language, Money

_KOREAN_UNITS = ((10**12, "조"), (10**8, "억"), (10**4, "만"))
_ENGLISH_UNITS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_CURRENCY_KO = {"KRW": "원", "USD": "달러", "EUR": "유로", "JPY": "엔", "CNY": "위안"}


def korean_amount(amount: int) -> str:
    """An amount in Korean units: 76000000000 → '760억', 1250000000000 → '1조 2500억'.

    Korean groups digits by four, so each group is written without separators.
    """
    if amount == 0:
        return "0"
    parts = []
    rest = amount
    for size, unit in _KOREAN_UNITS:
        if rest >= size:
            parts.append(f"{rest // size}{unit}")
            rest %= size
    if rest:
        parts.append(str(rest))
    return " ".join(parts)


def english_amount(amount: int) -> str:
    """An amount in English units: 76000000000 → '76.0 billion', 1250000000000 → '1.25 trillion'.

    One decimal, or two when one would hide a digit the Korean units show (1조 2500억);
    a value that rounds up to 1,000 of a unit is written in the next unit.
    """
    units = [(size, unit) for size, unit in _ENGLISH_UNITS if amount >= size]  # largest first
    if not units:
        return f"{amount:,}"
    size, unit = units[0]
    value = amount / size
    decimals = 2 if round(value, 1) * size != amount and round(value, 2) * size == amount else 1
    if round(value, decimals) >= 1000 and size != _ENGLISH_UNITS[0][0]:
        size, unit = _ENGLISH_UNITS[_ENGLISH_UNITS.index((size, unit)) - 1]
        value, decimals = amount / size, 1
    return f"{value:,.{decimals}f} {unit}"


def format_money(money: Money, lang: Language | None = None) -> str:
    """Money for people: both languages by default, `760억 원 (KRW 76.0 billion)`.

    With `lang`, only that language: `760억 원` or `KRW 76.0 billion`.
    """
    unit_ko = _CURRENCY_KO.get(money.currency)
    ko = f"{korean_amount(money.amount)} {unit_ko}" if unit_ko else f"{money.currency} {money.amount:,}"
    en = f"{money.currency} {english_amount(money.amount)}"
    if lang == "ko":
        return ko
    if lang == "en":
        return en
    return f"{ko} ({en})"


def format_date(date: dt.date, precision: str = "day") -> str:
    """A date at the precision the source gives: '2023-03-06', '2024-09' or '2023'."""
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


# -- reading what people type ------------------------------------------------------------------------

_KOREAN_UNIT_VALUES = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3}
_ENGLISH_UNIT_VALUES = {
    "trillion": 10**12, "tn": 10**12, "billion": 10**9, "bn": 10**9, "b": 10**9,
    "million": 10**6, "mn": 10**6, "m": 10**6, "thousand": 10**3, "k": 10**3,
}  # fmt: skip
_CURRENCY_WORDS = {
    "원": "KRW",
    "won": "KRW",
    "₩": "KRW",
    "$": "USD",
    "달러": "USD",
    "€": "EUR",
    "유로": "EUR",
}
_CURRENCY_WORDS |= {"¥": "JPY", "엔": "JPY", "위안": "CNY"}


class MoneyTextError(ValueError):
    """Text that is not an amount of money; the message says what is expected."""


def parse_money(text: str, default_currency: str = "KRW") -> Money:
    """Money as people write it: '760억', '760억 원', '1조 2500억', '76 billion', 'KRW 76.0 billion',
    '76,000,000,000 KRW', '$5 million'. The amount must come out whole (no fractions of a won)."""
    import re
    from decimal import Decimal, InvalidOperation

    rest = text.strip()
    if not rest:
        raise MoneyTextError("an amount is needed, e.g. 760억, 76 billion or 76,000,000,000 KRW")
    currency = None
    code = re.search(r"\b([A-Z]{3})\b", rest)
    if code:
        currency, rest = code.group(1), (rest[: code.start()] + rest[code.end() :])
    for word, iso in _CURRENCY_WORDS.items():
        if word in rest.lower() if word.isascii() else word in rest:
            pattern = re.compile(re.escape(word), re.IGNORECASE)
            currency, rest = currency or iso, pattern.sub(" ", rest)
    rest = rest.replace(",", "").strip()
    total = Decimal(0)
    korean = re.fullmatch(r"(?:\s*(\d+(?:\.\d+)?)\s*([조억만천]))+\s*(\d+)?\s*", rest)
    try:
        if korean:
            for number, unit in re.findall(r"(\d+(?:\.\d+)?)\s*([조억만천])", rest):
                total += Decimal(number) * _KOREAN_UNIT_VALUES[unit]
            tail = re.search(r"[조억만천]\s*(\d+)\s*$", rest)
            if tail:
                total += Decimal(tail.group(1))
        else:
            match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([A-Za-z]+)?", rest)
            if not match:
                raise MoneyTextError(
                    f"{text!r} is not an amount: write e.g. 760억, 76 billion or 76,000,000,000 KRW"
                )
            number, unit = match.groups()
            factor = 1
            if unit:
                if unit.lower() not in _ENGLISH_UNIT_VALUES:
                    raise MoneyTextError(
                        f"{unit!r} is not a unit: use 억/조/만, or thousand/million/billion/trillion"
                    )
                factor = _ENGLISH_UNIT_VALUES[unit.lower()]
            total = Decimal(number) * factor
    except InvalidOperation:
        raise MoneyTextError(f"{text!r} is not an amount") from None
    if total != total.to_integral_value():
        raise MoneyTextError(f"{text!r} is not a whole amount in the currency's main unit")
    return Money(amount=int(total), currency=currency or default_currency)


def parse_date(text: str) -> tuple[dt.date, str]:
    """A date at the precision it is written: '2023-03-06' (day), '2024-09' (month), '2023' (year).
    The date of a month or a year is its first day, as in the fact file."""
    import re

    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), "year"
        if re.fullmatch(r"\d{4}-\d{1,2}", value):
            year, month = value.split("-")
            return dt.date(int(year), int(month), 1), "month"
        return dt.date.fromisoformat(value), "day"
    except ValueError:
        raise ValueError(f"{text!r} is not a date: write 2023-03-06, 2024-09 or 2023") from None
