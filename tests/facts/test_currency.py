"""Currencies are ISO 4217 codes: `check` rejects any other (WON, XYZ) like every other problem, with
its place and a did-you-mean, and the loader's fast check agrees with the full one."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec
import pytest
import tomli

from tui.cli import main
from tui.facts import FactFileError, Problem, loads
from tui.facts.iso4217 import ISO_4217, suggest_currency
from tui.facts.load import FULL_CHECK
from tui.facts.model import ENTITY_TYPES, FactFile, Money
from tui.facts.rules import amounts, fine

MINIMAL = (Path(__file__).resolve().parents[1] / "fixtures" / "minimal.toml").read_text(encoding="utf-8")
INVESTMENT = '\n[[agreements.investments]]\nby = "acme"\nmoney = { amount = 5, currency = "USD" }\n'
"""An investment for the minimal file's agreement (appended: the agreement is its last [[agreements]])."""


def with_investment(text: str) -> str:
    at = text.index("\n[[projects]]")
    return text[:at] + "\n" + INVESTMENT + text[at:]


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(FactFileError) as info:
        loads(text, "broken.toml")
    return info.value.problems


# -- the list ---------------------------------------------------------------------------------------


def test_the_list_holds_current_codes_only() -> None:
    assert all(re.fullmatch("[A-Z]{3}", code) for code in ISO_4217)
    assert 175 <= len(ISO_4217) <= 185
    assert {"KRW", "USD", "EUR", "JPY", "CNY", "GBP", "CHF", "XAU", "XXX", "XCG", "ZWG"} <= ISO_4217
    assert not {"WON", "XYZ", "HRK", "DEM", "FRF", "VEF", "MRO", "ZWL"} & ISO_4217


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("WON", "KRW"),
        ("YEN", "JPY"),
        ("RMB", "CNY"),
        ("krw", "KRW"),
        ("KWR", "KRW"),
        ("USB", "USD"),
        ("XYZ", None),
    ],
)
def test_did_you_mean(written: str, meant: str | None) -> None:
    assert suggest_currency(written) == meant


# -- check ------------------------------------------------------------------------------------------


def test_every_unknown_currency_is_a_located_problem_with_a_fix() -> None:
    text = with_investment(MINIMAL)
    text = text.replace('currency = "KRW" }, as_of', 'currency = "WON" }, as_of')
    text = text.replace('currency = "USD" }', 'currency = "XYZ" }')
    text = text.replace(
        'budget = { amount = 288000000000, currency = "KRW" }', 'budget = { amount = 1, currency = "YEN" }'
    )
    problems = problems_of(text)
    lines = text.split("\n")
    got = [(p.where, p.message, p.hint, lines[p.line - 1][p.col - 1 :][:16]) for p in problems]
    assert got == [
        (
            "organizations[acme].valuation.money.currency",
            "'WON' is not an ISO 4217 currency code",
            "did you mean 'KRW'? use a current ISO 4217 code (KRW, USD, EUR, JPY, ...)",
            'currency = "WON"',
        ),
        (
            "agreements[mou].investments[#1].money.currency",
            "'XYZ' is not an ISO 4217 currency code",
            "use a current ISO 4217 code (KRW, USD, EUR, JPY, ...)",
            'currency = "XYZ"',
        ),
        (
            "projects[plan].budget.currency",
            "'YEN' is not an ISO 4217 currency code",
            "did you mean 'JPY'? use a current ISO 4217 code (KRW, USD, EUR, JPY, ...)",
            'currency = "YEN"',
        ),
    ]


@pytest.mark.usefixtures("plain_terminal")
def test_check_reports_them_all_and_exits_2(
    capsys: pytest.CaptureFixture[str], write_facts: Callable[..., Path]
) -> None:
    path = write_facts(MINIMAL.replace('currency = "KRW"', 'currency = "WON"'))
    assert main(["check", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count(f"{path}:") == 2 and "2 problems" in err
    assert err.count("did you mean 'KRW'?") == 2
    assert "Traceback" not in err


def test_valid_codes_load(minimal_text: str) -> None:
    for code in ("USD", "EUR", "JPY", "XAU"):
        assert loads(with_investment(minimal_text).replace('"USD"', f'"{code}"'))


# -- the fast check agrees ---------------------------------------------------------------------------


def _money_paths(tp: typing.Any, path: tuple = ()) -> Iterator[tuple]:
    """Paths to every Money field a type holds ('*' for an array's items)."""
    if typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if tp is Money:
        yield path
        return
    origin = typing.get_origin(tp)
    if origin in (tuple, list):
        for inner in typing.get_args(tp):
            if inner is not Ellipsis:
                yield from _money_paths(inner, (*path, "*"))
    elif origin in (typing.Union, types.UnionType):
        for inner in typing.get_args(tp):
            yield from _money_paths(inner, path)
    elif isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        hints = typing.get_type_hints(tp, include_extras=True)
        for name in tp.__struct_fields__:
            yield from _money_paths(hints[name], (*path, name))


def test_the_checked_amounts_are_every_money_field_of_the_model(bundled) -> None:
    declared = {t.TABLE: set(_money_paths(t)) for t in ENTITY_TYPES}
    checked: dict[str, set] = {t.TABLE: set() for t in ENTITY_TYPES}
    for t in ENTITY_TYPES:
        for entity in bundled.of_kind(t.KIND):
            for where, _ in amounts(entity):
                checked[t.TABLE].add(tuple("*" if isinstance(p, int) else p for p in where))
    assert checked == declared  # the bundled file has an amount in every place one can be


@pytest.mark.parametrize("code", ["KRW", "WON", "XYZ", "USD"])
def test_the_fast_check_agrees_with_the_full_check(
    bundled_text: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FULL_CHECK, "1")
    spots = [m.start() for m in re.finditer(r'currency = "KRW"', bundled_text)]
    assert len(spots) >= 3
    for at in spots:
        text = bundled_text[:at] + f'currency = "{code}"' + bundled_text[at + len('currency = "KRW"') :]
        facts = msgspec.convert(tomli.loads(text), FactFile)
        try:
            loads(text)
            full = True
        except FactFileError:
            full = False
        assert fine(facts) is full
        assert full is (code in ISO_4217)
