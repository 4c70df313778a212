"""A cache of validated fact files: opening an unchanged file again skips parsing and checking.

One entry per fact file path, in the user's cache directory (`platformdirs.user_cache_dir`);
`FACTS_TUI_CACHE_DIR` puts it elsewhere and `FACTS_TUI_NO_CACHE=1` turns it off. An entry is

    MAGIC | header length (4 bytes, big-endian) | header (msgpack) | payload (msgpack FactFile)

The header holds the key — cache format, absolute path, size, mtime_ns and blake2b hash of the
fact file's bytes — and the payload's length and hash. A lookup is a hit only if the whole key
matches and the payload hashes right; decoding then re-validates every type through the model.
The format includes the schema version, the package version, the msgspec version and a hash of
the loader's own source, so an entry written by other code is never used. Never pickle.

Only files that loaded without a problem are stored (they were sanitized on that first load).
Writes go to a temporary file then `os.replace`, so readers see a whole entry or none. Any
failure to read or write the cache is silent: it only costs a normal load. The MAX_ENTRIES most
recently used entries are kept (about 47 MB for a 100,000-entity file).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
import time
from pathlib import Path

import msgspec

from tui import __version__
from tui.facts.model import SCHEMA_VERSION, FactFile

FORMAT = 1
"""Bump when the entry layout changes."""
MAX_ENTRIES = 8
"""How many fact files keep an entry; the least recently used go first."""
ENV_DIR = "FACTS_TUI_CACHE_DIR"
ENV_OFF = "FACTS_TUI_NO_CACHE"
SUFFIX = ".factcache"
_TEMP_PREFIX = ".facts-tui-"
_STALE_TEMP_SECONDS = 3600
_MAGIC = b"FACTSTUI"
_LENGTH_BYTES = 4
_CODE = ("model.py", "sanitize.py", "load.py", "chunks.py", "cache.py", "iso4217.py", "citations.py", "fields.py")  # fmt: skip
"""The modules whose rules decide what a valid, sanitized file loads as."""


class Key(msgspec.Struct, frozen=True, array_like=True):
    """What an entry must match to be used."""

    format: str
    path: str
    size: int
    mtime_ns: int
    digest: str
    """blake2b of the fact file's bytes."""


class _Header(msgspec.Struct, frozen=True, array_like=True):
    key: Key
    payload_size: int
    payload_digest: str


@functools.cache
def _codec() -> tuple:
    """The msgpack encoder and decoders, made on first use (building them costs start-up time)."""
    return (
        msgspec.msgpack.Encoder().encode,
        msgspec.msgpack.Decoder(_Header).decode,
        msgspec.msgpack.Decoder(FactFile).decode,
    )


def enabled_from_env() -> bool:
    """False when `FACTS_TUI_NO_CACHE` is set to anything but '', '0', 'false', 'no' or 'off'."""
    return os.environ.get(ENV_OFF, "").strip().lower() in ("", "0", "false", "no", "off")


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is off (or no cache directory can be found)."""
    if not enabled_from_env():
        return None
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("facts-tui", appauthor=False))
    except Exception:
        return None


@functools.cache
def format_version() -> str:
    """The cache format, schema, package and msgspec versions, and a hash of the loader's source."""
    code = hashlib.blake2b(digest_size=12)
    here = Path(__file__).resolve().parent
    for name in _CODE:
        try:
            code.update((here / name).read_bytes())
        except OSError:
            code.update(f"<{name} unreadable>".encode())
    return f"{FORMAT}/schema-{SCHEMA_VERSION}/facts-tui-{__version__}/msgspec-{msgspec.__version__}/{code.hexdigest()}"


def digest(data: bytes | memoryview) -> str:
    """The hash an entry is keyed and checked by: blake2b-256 (about 0.04 s for 50 MB)."""
    return hashlib.blake2b(data, digest_size=32).hexdigest()


class Slot:
    """The place of one fact file's entry, and the key the entry must match."""

    def __init__(self, directory: Path, key: Key) -> None:
        self.directory = directory
        self.key = key
        name = hashlib.blake2b(key.path.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
        self.entry = directory / (name + SUFFIX)

    def fetch(self) -> FactFile | None:
        """The cached FactFile, or None on a miss or when the entry cannot be read or trusted."""
        try:
            with open(self.entry, "rb") as f:
                blob = f.read()
        except OSError:
            return None
        try:
            facts = self._decode(memoryview(blob))
        except Exception:  # a damaged or foreign entry is a miss, whatever is wrong with it
            return None
        if facts is not None:
            with contextlib.suppress(OSError):
                os.utime(self.entry)  # recently used: evicted last
        return facts

    def _decode(self, view: memoryview) -> FactFile | None:
        start = len(_MAGIC) + _LENGTH_BYTES
        if view[: len(_MAGIC)] != _MAGIC:
            return None
        header_end = start + int.from_bytes(view[len(_MAGIC) : start], "big")
        header = _codec()[1](view[start:header_end])
        if header.key != self.key:
            return None
        payload = view[header_end:]
        if len(payload) != header.payload_size or digest(payload) != header.payload_digest:
            return None
        return _codec()[2](payload)

    def store(self, facts: FactFile) -> None:
        """Write the entry atomically, then drop the least recently used ones; never raises."""
        with contextlib.suppress(Exception):
            self._store(facts)

    def _store(self, facts: FactFile) -> None:
        encode = _codec()[0]
        payload = encode(facts)
        header = encode(_Header(self.key, len(payload), digest(payload)))
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.directory, prefix=_TEMP_PREFIX, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + len(header).to_bytes(_LENGTH_BYTES, "big") + header)
                f.write(payload)
            os.replace(temp, self.entry)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        evict(self.directory, keep=self.entry)


def slot_for(path: Path, data: bytes, status: os.stat_result) -> Slot | None:
    """The slot for a fact file read as `data` with `status`, or None when the cache is off."""
    directory = cache_dir()
    if directory is None:
        return None
    key = Key(
        format=format_version(),
        path=os.path.abspath(path),
        size=status.st_size,
        mtime_ns=status.st_mtime_ns,
        digest=digest(data),
    )
    return Slot(directory, key)


def evict(directory: Path, keep: Path | None = None, max_entries: int | None = None) -> None:
    """Delete all but the `max_entries` (MAX_ENTRIES) most recently used entries, and temporary files
    left behind by crashes."""
    if max_entries is None:
        max_entries = MAX_ENTRIES
    entries: list[tuple[int, Path]] = []
    now = time.time()
    for child in directory.iterdir():
        name = child.name
        is_entry = name.endswith(SUFFIX)
        if not is_entry and not (name.startswith(_TEMP_PREFIX) and name.endswith(".tmp")):
            continue  # not ours: the directory may be shared
        try:
            status = child.stat()
        except OSError:
            continue
        if is_entry:
            entries.append((status.st_mtime_ns, child))
        elif now - status.st_mtime > _STALE_TEMP_SECONDS:
            with contextlib.suppress(OSError):
                child.unlink()
    entries.sort(reverse=True)
    for _, old in entries[max_entries:]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
