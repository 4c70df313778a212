"""A fact base read from JSON written by `to_json` (or by hand, following `facts.schema.json`)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import msgspec

from tui.facts.index import FactBase, gc_paused
from tui.facts.load import FactFileError, Problem, load_data
from tui.facts.messages import Said
from tui.facts.model import FactFile
from tui.facts.sanitize import clean_tree


def from_json(text: str | bytes, path: str | Path = "<json>") -> FactBase:
    """A fact base from JSON written by `to_json` (or by hand, following `facts.schema.json`).

    The JSON is decoded into a `FactFile` by msgspec (types, patterns, required fields), then
    goes through the same checks as a TOML file: every string cleaned (no terminal escapes or
    bidi controls), ids unique, references resolved, dates consistent. Any problem raises
    FactFileError. A JSON `null` means the field is absent (every nullable field defaults to None).
    """
    # Millions of small containers, none in a cycle: the cyclic collector would only slow this down.
    with gc_paused():
        try:
            decoded = msgspec.json.decode(text, type=FactFile)
        except msgspec.ValidationError as exc:
            raise FactFileError(path, [Problem(Said("problem.json_schema", detail=str(exc)))]) from None
        except msgspec.DecodeError as exc:
            raise FactFileError(path, [Problem(Said("problem.json_syntax", detail=str(exc)))]) from None
        # Back to plain data, dates and times kept as objects and arrays as lists, just as TOML
        # parsing gives them, so the loader checks it exactly like a TOML file.
        data = _as_parsed(msgspec.to_builtins(decoded, builtin_types=(dt.date, dt.time)))
        del decoded
        if _needs_cleaning(text):
            data = clean_tree(data)
        return load_data(data, Path(path))


# A JSON escape can produce any character; the others are the ones `sanitize.clean` removes
# (raw C0 controls are not valid in JSON strings at all).
_RISKY_JSON = re.compile(r"\\u|[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _needs_cleaning(text: str | bytes) -> bool:
    """Whether any string in the JSON may hold what `clean_tree` removes or normalizes."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return _RISKY_JSON.search(text) is not None or not unicodedata.is_normalized("NFC", text)


def _as_parsed(value: Any) -> Any:
    """Tuples as lists and no None values, like data parsed from TOML."""
    if isinstance(value, dict):
        return {k: _as_parsed(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_as_parsed(v) for v in value]
    return value
