"""Strings written back to a fact file read back the same, and long one-line texts (a summary)
are folded as the bundled file folds them, not written as one 600-character line."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.facts.edit.change import FOLD_CELLS, _cells, toml_value

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_every_string_reads_back_the_same(value: str) -> None:
    for fold in (False, True):
        assert tomllib.loads(f"x = {toml_value(value, fold)}\n")["x"] == value


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["대구시는", "모빌리티", "산업을", "2880억", "원을", "“quote”", 'a"b', "back\\slash", "tab\there"]
        ),
        min_size=40,
        max_size=120,
    ).map(" ".join)
)
def test_a_long_text_is_folded_into_lines_of_the_file_width(value: str) -> None:
    written = toml_value(value, fold=True)
    assert written.startswith('"""\\\n') and tomllib.loads(f"x = {written}\n")["x"] == value
    lines = written.split("\n")
    # Each line is at most the width, unless a single word is longer.
    assert all(_cells(line) <= FOLD_CELLS + 3 or " " not in line.strip() for line in lines)


def test_the_bundled_summary_shape_is_kept_in_an_inline_table() -> None:
    summary = "대구 시정부. " * 30
    written = toml_value({"ko": summary.strip(), "en": "short"}, fold=True)
    assert tomllib.loads(f"summary = {written}\n")["summary"] == {"ko": summary.strip(), "en": "short"}
    assert written.count("\n") >= 3


def test_a_summary_set_in_place_is_folded_like_the_rest_of_the_file() -> None:
    from tui.facts import loads
    from tui.facts.bundled import bundled_fact_file
    from tui.facts.edit.change import set_field
    from tui.facts.edit.values import parse
    from tui.facts.model import Organization

    text = bundled_fact_file().read_text(encoding="utf-8")
    summary = "대구 시정부는 미래 산업 개척에 힘을 쏟고 있다. " * 12
    after = set_field(text, "daegu-city", parse(Organization, "summary.ko", summary.strip()))
    assert loads(after)["daegu-city"].summary.ko == summary.strip()
    new_lines = set(after.splitlines()) - set(text.splitlines())
    assert sum("대구 시정부는" in line for line in after.splitlines()) >= 4  # several lines, not one
    assert max(_cells(line) for line in new_lines) <= FOLD_CELLS + 40
