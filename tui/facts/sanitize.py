"""Make text from a fact file safe to show: no terminal escapes, no bidi tricks, NFC only.

Escape sequences in data reach the real terminal, and NFD Korean renders fine but
fails search, so every string is cleaned once, at load, and never again.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same, but keeping CR so the raw file's line endings still parse.
_UNSAFE_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# TOML escapes that can produce an unsafe or decomposed character after parsing.
_RISKY_ESCAPE = re.compile(r"\\[bfeuUx]")


def clean(text: str) -> str:
    """One string, made safe: unsafe characters removed, NFC-normalized."""
    text = _UNSAFE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def clean_document(text: str) -> tuple[str, bool]:
    """Clean a whole TOML document before parsing.

    Returns the cleaned text and whether the parsed values still need `clean_tree`
    (only when the file uses escapes like ``\\u001b`` that TOML expands after parsing).
    Cleaning the text in one pass is far cheaper than visiting millions of strings.
    """
    text = _UNSAFE_RAW.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, _RISKY_ESCAPE.search(text) is not None


def clean_tree(value: Any) -> Any:
    """Clean every string (keys included) in parsed TOML data."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k): clean_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_tree(v) for v in value]
    return value
