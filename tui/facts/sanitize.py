"""Make text from a fact file safe to show: no terminal escapes, no bidi tricks, NFC only.

Escape sequences in data reach the real terminal, and NFD Korean renders fine but
fails search, so every string is cleaned once, at load, and never again. A whole escape
sequence goes (`ESC [31m`, not just the ESC, which would leave `[31m` on screen), then any
control character left.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Terminal escape sequences (ECMA-48), each in its 7-bit (ESC ...) and 8-bit (C1) form: CSI
# (parameters, intermediates, a final byte); OSC, ended by BEL or ST; DCS, SOS, PM and APC, ended
# by ST; any other ESC sequence (intermediates, a final byte: `ESC 7`, `ESC ( B`). A string
# sequence never runs past a line end (so cleaning a whole document cannot join two lines): one
# without its terminator loses its introducer only, and its text stays, harmless, as text.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]*(?:\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, and
# the zero-width joiner (Rich counts it as joining any two characters, so rows would misalign).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200d\u202a-\u202e\u2066-\u2069]")
# The same, but keeping CR so the raw file's line endings still parse.
_UNSAFE_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200d\u202a-\u202e\u2066-\u2069]")
# For one line of text we did not load (a file name): tab and newline too.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200d\u202a-\u202e\u2066-\u2069]")
# TOML escapes that can produce an unsafe or decomposed character after parsing.
_RISKY_ESCAPE = re.compile(r"\\[bfreuUx]")

# _UNSAFE_RAW in UTF-8 bytes: the single-byte controls, then C1 (U+0080-U+009F) and the bidi
# characters (U+202A-U+202E, U+2066-U+2069) by their encodings. Literal prefixes let `re` skip ahead.
_UNSAFE_RAW_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_UNSAFE_RAW_SEQUENCES = (
    re.compile(rb"\xc2[\x80-\x9f]"),
    re.compile(rb"\xe2\x80[\x8d\xaa-\xae]"),
    re.compile(rb"\xe2\x81[\xa6-\xa9]"),
)


def printable(text: str) -> str:
    """Text from outside the fact file (a file name) for one line: unsafe characters shown as
    escapes (`\\x1b`) instead of being sent to the terminal."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def clean(text: str) -> str:
    """One string, made safe: escape sequences and unsafe characters removed, NFC-normalized."""
    text = _UNSAFE.sub("", _SEQUENCE.sub("", text))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def may_be_unsafe(data: bytes) -> bool:
    """Whether UTF-8 `data` may hold a character `clean_document` removes (False: it certainly does not).

    About twice as fast as searching the decoded text, which is wider than the bytes for Korean.
    """
    return len(data.translate(None, _UNSAFE_RAW_BYTES)) != len(data) or any(
        pattern.search(data) is not None for pattern in _UNSAFE_RAW_SEQUENCES
    )


def clean_document(text: str, raw: bytes | None = None) -> tuple[str, bool]:
    """Clean a whole TOML document before parsing.

    Returns the cleaned text and whether the parsed values still need `clean_tree`
    (only when the file uses escapes like ``\\u001b`` that TOML expands after parsing).
    Cleaning the text in one pass is far cheaper than visiting millions of strings.
    `raw`, the UTF-8 bytes `text` was decoded from, lets a clean file skip the text search.
    """
    if raw is None or may_be_unsafe(raw):
        text = _UNSAFE_RAW.sub("", _SEQUENCE.sub("", text))
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
