"""Every interface string, once, in Korean and English side by side.

The explorer, the command line and the exports read their words from this one table, so the
language switch (`l`, `--lang`) changes all of them at once and nothing is left in the other
language. Data (names, quotes, summaries) never comes from here: it comes from the fact file.

A message is a `str.format` template: `msg("n_of_total", lang, n=5, total=7)`. Keep the
placeholders the same in both languages (a test checks). No Rich or Textual here.
"""

from __future__ import annotations

from tui.facts.model import Language

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Korean, English)
    # -- counts and totals ------------------------------------------------------------------------
    "entities": ("{n:,}개 항목", "{n:,} entities"),
    "n_of_total": ("{total:,}개 중 {n:,}개", "{n:,} of {total:,}"),
}


def msg(key: str, lang: Language, /, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    ko, en = MESSAGES[key]
    template = ko if lang == "ko" else en
    return template.format(**values) if values else template


def both(key: str, /, **values: object) -> tuple[str, str]:
    """The message in both languages (Korean, English): for the palette, which finds either."""
    return msg(key, "ko", **values), msg(key, "en", **values)
