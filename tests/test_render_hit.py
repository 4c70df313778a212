"""A search hit drawn by `tui.render.hit`, as the palette, the search screen and `facts-tui search`
draw it: every line fits its width, a cut ends in '…', the match stays in view and highlighted."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui.facts import FactBase
from tui.facts.search import Hit, Rank, SearchIndex, hit_label
from tui.facts.text import kind_label
from tui.render.hit import HINT_CELLS, MATCH_STYLE, hit_hint, hit_snippet, hit_text

QUERIES = ("대구", "lvis", "ㄷㄱ", "760억", "2023", "neuro", "moter valley", "뇌", "city", "투자")
WIDTHS = (24, 40, 60, 100)


@pytest.fixture(scope="module")
def hits(bundled: FactBase) -> list[tuple[Hit, str, str]]:
    """(hit, name in Korean, name in English) for every hit of the queries on the bundled file."""
    index = SearchIndex.build(bundled)
    found = [hit for query in QUERIES for hit in index.search(query, limit=None).hits]
    assert len(found) > 50
    return [(hit, bundled[hit.entity_id].label("ko"), bundled[hit.entity_id].label("en")) for hit in found]


def matched(text) -> str:
    """The part of the drawn text styled as the match."""
    spans = [span for span in text.spans if span.style == MATCH_STYLE]
    return "".join(text.plain[span.start : span.end] for span in spans)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("two_lines", [False, True], ids=["one line", "two lines"])
def test_every_line_fits_and_a_cut_ends_in_an_ellipsis(hits, lang: str, two_lines: bool) -> None:
    for hit, ko, en in hits:
        name = ko if lang == "ko" else en
        whole = hit_text(hit, name, lang, kind=True, two_lines=two_lines)
        for width in WIDTHS:
            text = hit_text(hit, name, lang, kind=True, two_lines=two_lines, width=width)
            lines = text.plain.split("\n")
            assert len(lines) == (2 if two_lines else 1)
            for line, full in zip(lines, whole.plain.split("\n"), strict=True):
                assert cell_len(line) <= width, (width, line)
                if line != full:
                    assert "…" in line, f"cut without an ellipsis: {line!r} from {full!r}"
                    assert not line.endswith(" …"), (
                        f"an ellipsis after a space reads as a finished word: {line!r}"
                    )


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_match_stays_in_view_and_highlighted(hits, lang: str) -> None:
    for hit, ko, en in hits:
        want = hit.text[hit.span[0] : hit.span[1]]
        for width in (40, 60, 100):
            text = hit_text(hit, ko if lang == "ko" else en, lang, width=width)
            shown = matched(text)
            # The whole match, or as much of its start as the room leaves (a long period or name).
            assert shown and want.startswith(shown.rstrip("…")), (width, text.plain, want)


def test_a_narrow_snippet_shows_whole_words(hits) -> None:
    """Cut to a width in cells (the palette's, the search screen's, the CLI's), a snippet still
    starts and ends with whole words of the hit's text, unless the matched word alone is wider."""
    for hit, _ko, _en in hits:
        source = hit.text.strip("…").split()
        first, last = hit.span  # the words that hold the match
        while first > 0 and not hit.text[first - 1].isspace():
            first -= 1
        while last < len(hit.text) and not hit.text[last].isspace():
            last += 1
        for width in (16, 24, 36, 48):
            shown = hit_snippet(hit, width).plain
            if shown == hit.text or cell_len(hit.text[first:last]) > width - 2:
                continue
            visible = shown.strip("…").split()
            assert visible[0] in source and visible[-1] in source, (width, shown, hit.text)


def test_a_hit_says_name_kind_id_field_and_snippet(hits) -> None:
    hit, ko, en = hits[0]
    for lang, name in (("ko", ko), ("en", en)):
        text = hit_text(hit, name, lang, kind=True, two_lines=True)
        head, body = text.plain.split("\n")
        assert head == f"{name}  {kind_label(hit.kind, lang)} · {hit.entity_id}"
        assert body == f"{hit_label(hit, lang)}: {hit.text}"
        assert matched(text) == hit.text[hit.span[0] : hit.span[1]]


def test_a_citation_is_labelled_as_one_and_a_field_as_the_detail_pane_does(bundled: FactBase) -> None:
    """The palette said '발언' (a remark) for a provenance quote, and '금액' for a budget (예산)."""
    index = SearchIndex.build(bundled)
    quote = index.hit("signing-mou-digital-brain", "엘비스")
    budget = index.hit("core-automotive-plant", "760억")
    assert quote is not None and budget is not None
    for lang, citation, budget_label in (("ko", "인용", "예산"), ("en", "citation", "budget")):
        assert hit_text(quote, "x", lang).plain.startswith(f"x  {citation}: "), lang
        assert hit_text(budget, "x", lang).plain == f"x  {budget_label}: 760억 원", lang


def test_a_filter_hint_says_where_a_row_matched(bundled: FactBase, hits) -> None:
    """A list row kept by the filter for a tag shows it as the detail pane writes tags ('#모터');
    anything else as 'field: snippet', within a few cells, the match marked."""
    tag = SearchIndex.build(bundled).hit("core-automotive-plant", "모터")
    assert tag is not None and tag.field == "tags"
    hint = hit_hint(tag, "ko")
    assert hint.plain == "#모터" and matched(hint) == "모터"
    for hit, _ko, _en in hits:
        for lang in ("ko", "en"):
            hint = hit_hint(hit, lang)
            assert cell_len(hint.plain) <= HINT_CELLS, hint.plain
            if hit.field != "tags":
                assert hint.plain.startswith(f"{hit_label(hit, lang)}: ") and matched(hint), hint.plain


def test_text_from_the_file_is_never_markup() -> None:
    hit = Hit("evil", "organization", Rank.WORD_PREFIX, "name.en", "[@click=app.quit]Hacker [red]", (17, 23))
    text = hit_text(hit, "[bold]x[/bold]", "en", kind=True)
    assert text.plain == "[bold]x[/bold]  Organization · evil  name: [@click=app.quit]Hacker [red]"
    assert hit_snippet(hit).plain == hit.text


def test_a_narrow_snippet_of_korean_counts_cells_not_characters() -> None:
    long = "가" * 100 + "LVIS" + "나" * 100
    text = hit_snippet(Hit("x", "organization", Rank.WORD_PREFIX, "summary.ko", long, (100, 104)), 30)
    assert cell_len(text.plain) <= 30 and text.plain.startswith("…") and text.plain.endswith("…")
    assert matched(text) == "LVIS"
