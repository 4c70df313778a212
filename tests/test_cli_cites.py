"""Citations on the command line: `cites` reads a source paragraph by paragraph, `check` warns about
uncited fields (and `--strict` refuses them), `show` marks each cited field with its paragraphs."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_runner import Run, runner
from tui.facts import load
from tui.facts.citations import marks, uncited
from tui.facts.text import kind_label

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "minimal.toml"
CITED_ACME = (
    'provenance = [{ source = "src", paragraph = 1, fields = ["name", "founded"], quote = "애크미는 2013년 설립" },'
    ' { source = "src", paragraph = 4, fields = ["valuation", "founded"] }]'
)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], plain_terminal: None) -> Callable[..., Run]:
    return runner(capsys)


@pytest.fixture
def cited_file(write_facts: Callable[..., Path]) -> Path:
    """minimal.toml with acme citing three fields, one of them from two paragraphs."""
    text = MINIMAL.read_text(encoding="utf-8")
    return write_facts(
        text.replace('provenance = [{ source = "src", paragraph = 1 }]', CITED_ACME), "cited.toml"
    )


def _generator():
    spec = importlib.util.spec_from_file_location("facts_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated file in which some entities cite each of their fields and the others none."""
    path = tmp_path_factory.mktemp("cites") / "generated.toml"
    path.write_text(_generator().generate(150, 2, 0.6), encoding="utf-8")
    return path


# -- cites ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_cites_lists_every_entry_once_under_its_paragraph_in_order(
    cli: Callable[..., Run], generated: Path, lang: str
) -> None:
    facts = load(generated)
    for source in facts.of_kind("source")[:3]:
        run = cli("cites", source.id, str(generated), "--lang", lang)
        assert run.status == 0 and run.err == ""
        headings = [line for line in run.out.splitlines()[2:] if line and not line.startswith("  ")]
        listed: Counter = Counter()
        paragraph = None
        for line in run.out.splitlines()[2:]:
            if line and not line.startswith("  "):
                paragraph = line
            elif match := re.search(r" \(([a-z0-9._-]+)\) · ", line):
                listed[(paragraph, match.group(1))] += 1
        expected: Counter = Counter()
        for entity in facts:
            for entry in getattr(entity, "provenance", ()):
                if entry.source == source.id:
                    expected[(_heading(entry.paragraph, lang), entity.id)] += 1
        assert listed == expected
        numbers = [
            0 if "paragraph" not in h and "문단" not in h else int(re.sub(r"\D", "", h)) for h in headings
        ]
        assert numbers == sorted(numbers) and numbers[: source.paragraphs + 1] == list(
            range(source.paragraphs + 1)
        )


def _heading(paragraph: int, lang: str) -> str:
    if paragraph == 0:
        return "제목·사진 설명" if lang == "ko" else "headline/caption"
    return f"{paragraph}번째 문단" if lang == "ko" else f"paragraph {paragraph}"


@pytest.mark.parametrize(
    ("lang", "name", "whole", "kind", "fields"),
    [
        ("ko", "애크미", "항목 전체", "기관", "이름, 설립"),
        ("en", "Acme", "the entity as a whole", "Organization", "name, founded"),
    ],
)
def test_cites_names_the_entity_its_kind_the_fields_and_the_quote_in_both_languages(
    cli: Callable[..., Run], cited_file: Path, lang: str, name: str, whole: str, kind: str, fields: str
) -> None:
    out = cli("cites", "src", str(cited_file), "--lang", lang).out
    assert f"  {name} (acme) · {kind}: {fields} — “애크미는 2013년 설립”\n" in out
    assert f"(city) · {kind}: {whole}\n" in out
    assert kind_label("organization", lang) == kind


def test_cites_json_has_every_paragraph_and_entry(cli: Callable[..., Run], cited_file: Path) -> None:
    run = cli("cites", "src", str(cited_file), "--json", "--lang", "en")
    data = json.loads(run.out)
    assert data["source"]["id"] == "src" and data["source"]["paragraphs"] == 5
    assert [p["paragraph"] for p in data["paragraphs"]] == [0, 1, 2, 3, 4, 5]
    fourth = data["paragraphs"][4]["citations"]
    assert {"id": "acme", "kind": "organization", "name": "Acme", "fields": ["valuation", "founded"],
            "quote": "", "entry": 1} in fourth  # fmt: skip
    assert sum(len(p["citations"]) for p in data["paragraphs"]) == 7


@pytest.mark.parametrize(("word", "said"), [("srcc", "Did you mean: src?"), ("acme", "not a source")])
def test_cites_an_unknown_source_exits_1_with_did_you_mean(
    cli: Callable[..., Run], cited_file: Path, word: str, said: str
) -> None:
    run = cli("cites", word, str(cited_file), "--lang", "en")
    assert run.status == 1 and run.out == ""
    assert said in run.err


# -- check ---------------------------------------------------------------------------------------------


def test_check_warns_about_each_uncited_field_on_its_line_and_exits_0(
    cli: Callable[..., Run], cited_file: Path
) -> None:
    run = cli("check", str(cited_file), "--lang", "en")
    assert run.status == 0 and ": valid" in run.out
    warnings = run.err.splitlines()[:-1]
    facts = load(cited_file)
    assert len(warnings) == sum(1 for _ in uncited(facts))
    text = cited_file.read_text(encoding="utf-8").split("\n")
    for warning in warnings:
        match = re.fullmatch(
            rf"{re.escape(str(cited_file))}:(\d+):(\d+): (\w+)\[([\w-]+)\]\.(\w+): no citation — (.*)",
            warning,
        )
        assert match, warning
        line, _col, _table, _id, key, hint = match.groups()
        assert text[int(line) - 1].startswith(f"{key} = ")
        assert f'fields = ["{key}"]' in hint
    assert "organizations[acme].kind" in run.err  # acme cites name, founded and valuation, not kind
    assert not re.search(r"acme\]\.(name|founded|valuation)", run.err)
    assert (
        run.err.splitlines()[-1]
        == f"{len(warnings)} fields without a citation in 6 entities; --strict makes them errors."
    )


def test_check_strict_makes_uncited_fields_problems_exit_2(cli: Callable[..., Run], cited_file: Path) -> None:
    run = cli("check", str(cited_file), "--strict", "--lang", "ko")
    assert run.status == 2 and run.out == ""
    assert re.search(
        r"cited\.toml:15:1: organizations\[acme\]\.kind: 출처 없음\n    15 \| kind = \"company\"\n", run.err
    )
    assert str(cited_file) in run.err.splitlines()[-1]  # the count of problems


def test_check_strict_passes_a_file_with_every_field_cited(
    cli: Callable[..., Run], write_facts: Callable[..., Path]
) -> None:
    path = write_facts(_generator().generate(80, 1, 1.0), "all-cited.toml")
    run = cli("check", str(path), "--strict", "--lang", "en")
    assert run.status == 0 and run.err == "" and ": valid" in run.out


# -- show ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_show_marks_every_cited_field_after_its_value(
    cli: Callable[..., Run], generated: Path, lang: str
) -> None:
    facts = load(generated)
    shown = 0
    for entity in list(facts)[::5]:
        cited = marks(entity)
        out = cli("show", entity.id, str(generated), "--lang", lang).out
        fields = out.split("\n\n")[1]  # the title, then the field grid
        for mark in cited.values():
            assert re.search(rf" {re.escape(mark)}$", fields, re.MULTILINE), (entity.id, mark)
        shown += bool(cited)
        if cited:
            assert ("Citations" if lang == "en" else "출처") in out
    assert shown > 5


def test_show_lists_each_cited_field_with_its_paragraphs_and_quote(
    cli: Callable[..., Run], cited_file: Path
) -> None:
    out = cli("show", "acme", str(cited_file), "--lang", "en").out
    assert "founded    2013 ¶1, 4\n" in out
    citations = out.split("\nCitations\n", 1)[1]
    assert citations.splitlines() == [
        "name       paragraph 1 — “애크미는 2013년 설립”",
        "founded    paragraph 1 — “애크미는 2013년 설립”",
        "           paragraph 4",
        "valuation  paragraph 4",
    ]


def test_readme_lists_cites_and_check_strict() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "facts-tui cites SOURCE_ID [FILE] [--json]" in text
    assert "facts-tui check [FILE] [--strict]" in text
