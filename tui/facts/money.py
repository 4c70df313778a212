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
