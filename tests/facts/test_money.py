"""Amounts and dates as people read them: Korean units (만/억/조), English units, ISO dates at a precision."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.facts.model import Money
from tui.facts.money import english_amount, format_date, format_money, korean_amount


@pytest.mark.parametrize(
    ("amount", "korean", "english"),
    [
        (0, "0", "0"),
        (1, "1", "1"),
        (999, "999", "999"),
        (5_000, "5000", "5,000"),  # Korean groups by four digits, without separators
        (9_999, "9999", "9,999"),
        (10_000, "1만", "10,000"),
        (12_345, "1만 2345", "12,345"),
        (999_999, "99만 9999", "999,999"),
        (1_000_000, "100만", "1.0 million"),
        (100_000_000, "1억", "100.0 million"),
        (100_000_001, "1억 1", "100.0 million"),
        (76_000_000_000, "760억", "76.0 billion"),
        (174_900_000_000, "1749억", "174.9 billion"),
        (288_000_000_000, "2880억", "288.0 billion"),
        (335_600_000_000, "3356억", "335.6 billion"),
        (1_000_000_000_000, "1조", "1.0 trillion"),
        (1_000_000_010_000, "1조 1만", "1.0 trillion"),
        (3_000_000_000_000, "3조", "3.0 trillion"),
    ],
)
def test_amount_in_korean_and_english_units(amount: int, korean: str, english: str) -> None:
    assert korean_amount(amount) == korean
    assert english_amount(amount) == english


def test_korean_amount_of_one_jo_2500_eok() -> None:
    assert korean_amount(1_250_000_000_000) == "1조 2500억"


def test_english_amount_agrees_with_korean_for_1_jo_2500_eok() -> None:
    assert english_amount(1_250_000_000_000) == "1.25 trillion"


def test_english_amount_rounding_up_moves_to_the_next_unit() -> None:
    assert english_amount(999_999_999) == "1.0 billion"


def test_english_amount_keeps_a_second_decimal_only_when_it_is_exact() -> None:
    assert english_amount(999_950_000) == "999.95 million"
    assert english_amount(123_456_789) == "123.5 million"


@pytest.mark.parametrize(
    ("amount", "currency", "both", "ko", "en"),
    [
        (76_000_000_000, "KRW", "760억 원 (KRW 76.0 billion)", "760억 원", "KRW 76.0 billion"),
        (335_600_000_000, "KRW", "3356억 원 (KRW 335.6 billion)", "3356억 원", "KRW 335.6 billion"),
        (1_000_000_000_000, "KRW", "1조 원 (KRW 1.0 trillion)", "1조 원", "KRW 1.0 trillion"),
        (0, "KRW", "0 원 (KRW 0)", "0 원", "KRW 0"),
        (5_000, "KRW", "5000 원 (KRW 5,000)", "5000 원", "KRW 5,000"),
        (1_500_000, "USD", "150만 달러 (USD 1.5 million)", "150만 달러", "USD 1.5 million"),
        (2_000_000_000, "EUR", "20억 유로 (EUR 2.0 billion)", "20억 유로", "EUR 2.0 billion"),
        # A currency without a Korean unit is written with its code in both languages.
        (1_500_000, "GBP", "GBP 1,500,000 (GBP 1.5 million)", "GBP 1,500,000", "GBP 1.5 million"),
    ],
)
def test_format_money(amount: int, currency: str, both: str, ko: str, en: str) -> None:
    money = Money(amount=amount, currency=currency)
    assert format_money(money) == both
    assert format_money(money, None) == both
    assert format_money(money, "ko") == ko
    assert format_money(money, "en") == en


def test_format_money_of_1_jo_2500_eok_in_korean() -> None:
    money = Money(amount=1_250_000_000_000, currency="KRW")
    assert format_money(money, "ko") == "1조 2500억 원"


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        (dt.date(2023, 3, 6), "day", "2023-03-06"),
        (dt.date(2024, 9, 30), "month", "2024-09"),
        (dt.date(2024, 9, 1), "month", "2024-09"),
        (dt.date(2023, 1, 1), "year", "2023"),
        (dt.date(987, 6, 5), "day", "0987-06-05"),
        (dt.date(987, 6, 5), "month", "0987-06"),
        (dt.date(987, 6, 5), "year", "0987"),
    ],
)
def test_format_date_at_its_precision(date: dt.date, precision: str, expected: str) -> None:
    assert format_date(date, precision) == expected


def test_format_date_defaults_to_day_precision() -> None:
    assert format_date(dt.date(2023, 3, 7)) == "2023-03-07"
