"""Finding interface words of the other language in what the user reads.

In Korean, the interface has no English word of two letters or more; in English, no Hangul.
What is not the interface is let through: the fact file's text (names, quotes, summaries in
either language), key names (`Esc`, `Ctrl+P`), ids, file and format names, and amounts with
their units (`KRW 76.0 billion`, `760억 원`, `m²`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import msgspec

from tui.facts import FactBase
from tui.facts.messages import MESSAGES

ENUM_FIELDS = frozenset({"kind", "date_precision", "due_precision"})
"""Fields whose values are the file format's own words (`city-government`, `facility`), which
the interface must say in the reading language: not data to let through."""

KEY_NAMES = {"Esc", "Ctrl", "PgUp", "PgDn", "Enter", "Tab", "Shift", "Home", "End", "Backspace", "F1"}
FORMAT_NAMES = {"json", "md", "csv", "CSV", "JSON", "SVG", "toml", "facts-tui", "facts-export"}

_WORD = {"ko": re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]"), "en": re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]+")}
_AMOUNTS = re.compile(
    r"\b(?:KRW|USD|EUR|JPY|CNY) [\d,.]+(?: (?:thousand|million|billion|trillion))?"  # KRW 76.0 billion
    r"|[\d,.]+ ?(?:조|억|만|천)(?: ?[\d,.]+ ?(?:억|만|천))*(?: ?원)?"  # 2880억 원, 1조 2000억 원
)
_FILE_NAMES = re.compile(r"[\w./-]+\.(?:toml|md|json|csv|svg)\b|\.(?:json|md|csv)\b")


QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|“[^”\n]*”|https?://\S+")
"""In a problem's words: values, code and addresses, what the file says or must say."""
STANDARDS = ("TOML", "ISO", "UTF", "true", "false", "inf", "nan")
"""Names of standards, and TOML's own spellings of values: the same in either language."""


def schema_words() -> set[str]:
    """Every key and enumerated value of the schema (`founded`, `company`): words a problem's
    hint may name in either language, because the file must say them so."""
    import typing

    from tui.facts.model import FactFile

    words: set[str] = set()
    seen: set[Any] = set()

    def walk(tp: Any) -> None:
        if tp in seen:
            return
        seen.add(tp)
        if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
            for field in msgspec.structs.fields(tp):
                words.add(field.encode_name)
                walk(field.type)
        elif typing.get_origin(tp) is typing.Literal:
            words.update(str(value) for value in typing.get_args(tp))
        else:
            for arg in typing.get_args(tp):
                walk(arg)

    walk(FactFile)
    return words


def data_strings(facts: FactBase) -> list[str]:
    """Every text of the fact base but the file format's own words, longest first."""

    def strings(value: Any, field: str = "") -> Iterator[str]:
        if isinstance(value, str):
            if field not in ENUM_FIELDS:
                yield value
        elif isinstance(value, msgspec.Struct):
            for name in value.__struct_fields__:
                yield from strings(getattr(value, name), name)
        elif isinstance(value, (tuple, list)):
            for item in value:
                yield from strings(item, field)

    found = {s for entity in facts for s in strings(entity)} | set(strings(facts.meta))
    return sorted((s for s in found if s.strip()), key=len, reverse=True)


def interface_words(lang: str) -> set[str]:
    """The words of the messages in `lang`."""
    column = 0 if lang == "ko" else 1
    pattern = _WORD["en" if lang == "ko" else "ko"]
    return {w.lower() for pair in MESSAGES.values() for w in pattern.findall(pair[column])}


_SCRIPT = {"ko": re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]"), "en": re.compile(r"[A-Za-z]")}
_COLUMNS = re.compile(r"\s{2,}|[│┃║▏▕]")


_PIECE = re.compile(r"[^,#/()]+[,#/()]*|[,#/()]+")


def run_of(pieces: list[str]) -> str:
    """Pieces joined back, without the separators at either end."""
    return "".join(pieces).strip(" ,#/()")


def _without_units(text: str) -> str:
    return _FILE_NAMES.sub("", _AMOUNTS.sub("", text))


def squeeze(text: str) -> str:
    return " ".join(text.split())


_QUOTED = re.compile(r"“([^“”]*)(?:”|$)|^([^“”]*)”")
"""A quotation in a column: “…”, its start (“… to the end of a wrapped line) or its end (…”)."""


class OtherLanguage:
    """Finds words of the other language in screen text that is meant to be in `lang`.

    A run of words of the other language (a line of a wrapped summary, "company ·") is data if
    it is part of a text of the fact file, unless each of its words is one of the interface's
    words in that language and it is not a whole text of the file: "company" in a list row is
    the interface even though an English summary says "A company specialising in the brain".
    """

    def __init__(self, facts: FactBase, lang: str, names: Iterable[str] = ()) -> None:
        """`names`: more names to let through, e.g. the themes' ('textual-dark')."""
        self.lang = lang
        self.pattern = _WORD[lang]
        self.own_script = _SCRIPT[lang]
        # Amounts and file names are let through wherever they are: taken out of the data too,
        # so that what remains of a line is still found in the text it came from.
        self.data = [squeeze(_without_units(s)) for s in data_strings(facts)]
        self.whole = set(self.data)
        self.haystack = "\n".join(self.data)
        self.interface = interface_words("en" if lang == "ko" else "ko")
        self.allowed = {w.lower() for w in KEY_NAMES | FORMAT_NAMES}
        self.allowed |= {w.lower() for name in names for w in self.pattern.findall(name)}

    def _runs(self, line: str) -> list[str]:
        """The runs of other-language words in a line: words with nothing of the reading
        language between them, within one column of the screen."""
        runs = []
        for chunk in _COLUMNS.split(line):
            words = list(self.pattern.finditer(chunk))
            group: list[re.Match[str]] = []
            for word in words:
                if group and self.own_script.search(chunk[group[-1].end() : word.start()]):
                    runs.append(chunk[group[0].start() : group[-1].end()])
                    group = []
                group.append(word)
            if group:
                runs.append(chunk[group[0].start() : group[-1].end()])
        return runs

    def _is_data(self, run: str) -> bool:
        run = squeeze(run)
        if run in self.whole:
            return True
        if run not in self.haystack:
            return False
        return not all(w.lower() in self.interface for w in self.pattern.findall(run))

    def _segments(self, run: str) -> Iterator[str]:
        """The run cut where lists join values ("대구, #미래 산업 육성"), each cut as long as a
        text of the file allows: the longest piece that is part of one text, then the next."""
        pieces = [m.group() for m in _PIECE.finditer(run)]
        start = 0
        while start < len(pieces):
            end = start + 1
            for stop in range(len(pieces), start + 1, -1):
                if squeeze(run_of(pieces[start:stop])) in self.haystack:
                    end = stop
                    break
            yield run_of(pieces[start:end])
            start = end

    def _without_quoted_data(self, column: str) -> str:
        """A column of a line without the quotations of the file's text (a citation's quote, a
        remark), even one cut by wrapping: a fragment of one can be a lone syllable ('“이')."""

        def blank(match: re.Match[str]) -> str:
            inner = match.group(1) if match.group(1) is not None else match.group(2)
            return " " if squeeze(inner) in self.haystack else match.group()

        return _QUOTED.sub(blank, column)

    def _without_cut_data(self, column: str) -> str:
        """A column without the pieces of the file's text that a cut shows between `…` (a search
        hit's snippet: `…. 2023년 1월 CES에서 … 설…`): such a piece is data even where each of its
        words alone is also an interface word (`년`, `월`)."""
        pieces = column.split("…")
        if len(pieces) == 1:
            return column
        kept = [" " if len(p.strip()) >= 6 and squeeze(p) in self.haystack else p for p in pieces]
        return "…".join(kept)

    def words(self, text: str) -> list[str]:
        """Each line of `text` holding a word of the other language, with the words."""
        found = []
        for line in text.splitlines():
            columns = _COLUMNS.split(_without_units(line))
            line = "  ".join(self._without_cut_data(self._without_quoted_data(column)) for column in columns)
            bad = [
                w
                for run in self._runs(line)
                for segment in self._segments(run)
                if not self._is_data(segment)
                for w in self.pattern.findall(segment)
                if w.lower() not in self.allowed
            ]
            if bad:
                found.append(f"{bad} in {line.strip()!r}")
        return found

    def check(self, texts: Iterable[tuple[str, str]]) -> list[str]:
        """Every (place, text) with a word of the other language: what it is and where."""
        return [f"{place}: {problem}" for place, text in texts for problem in self.words(text)]
