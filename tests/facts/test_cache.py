"""The cache of validated fact files (tui/facts/cache.py), and the byte check for unsafe characters agreeing with the text check.

Every test here points FACTS_TUI_CACHE_DIR at its own tmp_path; nothing touches the user's cache.
Whether a load came from the cache is proven without timing: parsing is made to fail or counted.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
import tomli

from tui.facts import FactFileError, load, loads
from tui.facts import cache as fact_cache
from tui.facts.model import SCHEMA_VERSION
from tui.facts.sanitize import _UNSAFE_RAW, may_be_unsafe


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache on, in a directory of this test's own."""
    directory = tmp_path / "cache"
    monkeypatch.setenv(fact_cache.ENV_DIR, str(directory))
    monkeypatch.delenv(fact_cache.ENV_OFF, raising=False)
    return directory


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text tomli parses from now on (the loader calls `tomli.loads`)."""
    seen: list[str] = []
    real = tomli.loads

    def counting(text: str, **kwargs):
        seen.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomli, "loads", counting)
    return seen


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args, **_kwargs):
        raise AssertionError("the file was parsed: the cache missed")

    monkeypatch.setattr(tomli, "loads", fail)


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob(f"*{fact_cache.SUFFIX}")) if directory.is_dir() else []


def snapshot(facts) -> bytes:
    """Everything a FactBase holds, comparable."""
    return msgspec.msgpack.encode([facts.meta, list(facts)])


# -- hits and misses ----------------------------------------------------------------------------------


def test_second_load_of_an_unchanged_file_comes_from_the_cache(
    cache_dir: Path, write_facts, minimal_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_facts(minimal_text)
    first = load(path)
    assert len(entries(cache_dir)) == 1
    no_parsing(monkeypatch)
    second = load(path)
    assert snapshot(second) == snapshot(first)
    assert second.path == first.path == path
    assert second.counts() == first.counts()
    assert second.backlinks("acme") == first.backlinks("acme")


def test_cache_entry_is_msgpack_behind_a_header_never_pickle(
    cache_dir: Path, write_facts, minimal_text: str
) -> None:
    load(write_facts(minimal_text))
    (entry,) = entries(cache_dir)
    blob = entry.read_bytes()
    assert blob.startswith(fact_cache._MAGIC)
    assert b"\x80\x04" not in blob[:16]  # no pickle protocol header
    assert oct(entry.stat().st_mode & 0o777) == oct(0o600)


def test_a_changed_file_of_the_same_size_and_mtime_is_parsed_again(
    cache_dir: Path, write_facts, minimal_text: str, parses: list[str]
) -> None:
    path = write_facts(minimal_text)
    load(path)
    before = path.stat()
    changed = minimal_text.replace('title = "Test file"', 'title = "Best file"')
    assert len(changed.encode()) == len(minimal_text.encode())
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # only the content hash can tell
    assert path.stat().st_size == before.st_size
    facts = load(path)
    assert facts.meta.title == "Best file"
    assert len(parses) == 2
    assert load(path).meta.title == "Best file"  # and the new content is what is cached now
    assert len(parses) == 2


def test_a_touched_file_is_parsed_again(
    cache_dir: Path, write_facts, minimal_text: str, parses: list[str]
) -> None:
    path = write_facts(minimal_text)
    load(path)
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    load(path)
    assert len(parses) == 2


def test_the_same_content_at_another_path_is_not_taken_from_the_first(
    cache_dir: Path, write_facts, minimal_text: str, parses: list[str]
) -> None:
    load(write_facts(minimal_text, "a.toml"))
    other = load(write_facts(minimal_text, "b.toml"))
    assert len(parses) == 2
    assert other.path.name == "b.toml"


def test_an_entry_written_by_other_code_is_ignored(
    cache_dir: Path, write_facts, minimal_text: str, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_facts(minimal_text)
    load(path)
    monkeypatch.setattr(fact_cache, "format_version", lambda: "some other version")
    assert load(path).meta.title == "Test file"
    assert len(parses) == 2


def test_format_version_names_schema_package_and_msgspec() -> None:
    version = fact_cache.format_version()
    assert f"schema-{SCHEMA_VERSION}" in version
    assert "facts-tui-" in version and f"msgspec-{msgspec.__version__}" in version


# -- what is never cached -------------------------------------------------------------------------------


def test_an_invalid_file_is_never_cached_and_still_raises(
    cache_dir: Path, write_facts, minimal_text: str
) -> None:
    path = write_facts(minimal_text.replace('parties = ["acme", "city"]', 'parties = ["acme", "nobody"]'))
    for _ in range(2):
        with pytest.raises(FactFileError, match="party 'nobody' does not exist"):
            load(path)
    assert entries(cache_dir) == []


@pytest.mark.parametrize(
    "content",
    [b"[meta\n", b"\xff\xfe", b"  \n", b'[meta]\ntitle = "x"\n[[people]]\nid = "BAD"\n'],
    ids=["toml-syntax", "not-utf8", "empty", "schema"],
)
def test_unreadable_files_are_not_cached(cache_dir: Path, write_facts, content: bytes) -> None:
    path = write_facts(content)
    with pytest.raises(FactFileError):
        load(path)
    assert entries(cache_dir) == []


def test_a_file_fixed_after_an_error_loads_and_is_then_cached(
    cache_dir: Path, write_facts, minimal_text: str
) -> None:
    path = write_facts(minimal_text.replace('owner = "city"', 'owner = "src"'))
    with pytest.raises(FactFileError, match="owner 'src' is a source"):
        load(path)
    path.write_text(minimal_text, encoding="utf-8")
    assert load(path).get("plan") is not None
    assert len(entries(cache_dir)) == 1


@pytest.mark.parametrize("value", ["1", "yes", "true", "on"])
def test_facts_tui_no_cache_turns_it_off(
    cache_dir: Path, write_facts, minimal_text: str, parses: list[str], monkeypatch: pytest.MonkeyPatch, value
) -> None:
    monkeypatch.setenv(fact_cache.ENV_OFF, value)
    path = write_facts(minimal_text)
    load(path)
    load(path)
    assert len(parses) == 2
    assert not cache_dir.exists()


@pytest.mark.parametrize("value", ["", "0", "false", "no", "off"])
def test_facts_tui_no_cache_false_values_keep_it_on(
    cache_dir: Path, write_facts, minimal_text: str, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(fact_cache.ENV_OFF, value)
    load(write_facts(minimal_text))
    assert len(entries(cache_dir)) == 1


def test_load_with_cache_false_neither_reads_nor_writes(
    cache_dir: Path, write_facts, minimal_text: str, parses: list[str]
) -> None:
    path = write_facts(minimal_text)
    load(path, cache=False)
    assert not cache_dir.exists()
    load(path)  # a miss: parsed, and stored
    load(path, cache=False)  # parsed again although the entry is there
    assert len(parses) == 3


def test_loads_is_never_cached(cache_dir: Path, minimal_text: str, parses: list[str]) -> None:
    loads(minimal_text)
    loads(minimal_text)
    assert len(parses) == 2
    assert not cache_dir.exists()


def test_without_the_override_the_cache_lives_in_the_user_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(fact_cache.ENV_DIR, raising=False)
    monkeypatch.delenv(fact_cache.ENV_OFF, raising=False)
    assert fact_cache.cache_dir() == Path(platformdirs.user_cache_dir("facts-tui", appauthor=False))


# -- damaged caches never break loading ---------------------------------------------------------------


def _truncate(blob: bytes) -> bytes:
    return blob[: len(blob) // 2]


def _flip_payload_byte(blob: bytes) -> bytes:
    i = len(blob) - 40
    return blob[:i] + bytes([blob[i] ^ 0x20]) + blob[i + 1 :]


def _flip_header_byte(blob: bytes) -> bytes:
    i = len(fact_cache._MAGIC) + 6
    return blob[:i] + bytes([blob[i] ^ 0xFF]) + blob[i + 1 :]


def _huge_header_length(blob: bytes) -> bytes:
    n = len(fact_cache._MAGIC)
    return blob[:n] + b"\xff\xff\xff\xff" + blob[n + 4 :]


def _payload_of_another_type(blob: bytes) -> bytes:
    """A well-formed entry whose payload hashes right but is not a FactFile."""
    n = len(fact_cache._MAGIC) + 4
    header = msgspec.msgpack.decode(
        blob[n : n + int.from_bytes(blob[n - 4 : n], "big")], type=fact_cache._Header
    )
    payload = msgspec.msgpack.encode({"meta": {"title": 5}})
    forged = msgspec.msgpack.encode(fact_cache._Header(header.key, len(payload), fact_cache.digest(payload)))
    return fact_cache._MAGIC + len(forged).to_bytes(4, "big") + forged + payload


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda blob: b"",
    "garbage": lambda blob: os.urandom(len(blob)),
    "truncated": _truncate,
    "payload-bit-flip": _flip_payload_byte,
    "header-bit-flip": _flip_header_byte,
    "huge-header-length": _huge_header_length,
    "magic-only": lambda blob: fact_cache._MAGIC,
    "payload-of-another-type": _payload_of_another_type,
    "pickle": lambda blob: b"\x80\x04\x95" + blob,
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupted_cache_entry_is_ignored(
    cache_dir: Path, write_facts, minimal_text: str, parses: list[str], corrupt: Callable[[bytes], bytes]
) -> None:
    path = write_facts(minimal_text)
    expected = snapshot(load(path))
    (entry,) = entries(cache_dir)
    entry.write_bytes(corrupt(entry.read_bytes()))
    assert snapshot(load(path)) == expected
    assert len(parses) == 2
    load(path)  # the entry was rewritten whole
    assert len(parses) == 2


def test_an_entry_that_cannot_be_read_or_replaced_is_silent_and_leaves_no_temporary_file(
    cache_dir: Path, write_facts, minimal_text: str
) -> None:
    path = write_facts(minimal_text)
    load(path)
    (entry,) = entries(cache_dir)
    entry.unlink()
    entry.mkdir()  # reading it fails, and so does os.replace onto it
    assert load(path).get("acme") is not None
    assert load(path).get("acme") is not None
    assert list(cache_dir.iterdir()) == [entry]


def test_a_cache_dir_that_cannot_be_created_is_silent(
    tmp_path: Path, write_facts, minimal_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(fact_cache.ENV_DIR, str(blocker / "cache"))
    monkeypatch.delenv(fact_cache.ENV_OFF, raising=False)
    path = write_facts(minimal_text)
    assert load(path).get("acme") is not None
    assert load(path).get("acme") is not None


# -- the bound ----------------------------------------------------------------------------------------


def test_only_the_most_recently_used_entries_are_kept(
    cache_dir: Path, write_facts, minimal_text: str, monkeypatch: pytest.MonkeyPatch, parses: list[str]
) -> None:
    monkeypatch.setattr(fact_cache, "MAX_ENTRIES", 3)
    paths = [write_facts(minimal_text, f"f{i}.toml") for i in range(5)]
    clock = 1_000_000_000_000_000_000

    def age_entries() -> None:  # file times can be coarser than the test: make the order explicit
        for entry in entries(cache_dir):
            status = entry.stat()
            if status.st_mtime_ns > clock:
                os.utime(entry, ns=(status.st_atime_ns, clock))

    for path in paths[:3]:
        load(path)
        clock += 1_000_000_000
        age_entries()
    load(paths[0])  # a hit makes f0 the most recently used ...
    clock += 1_000_000_000
    age_entries()
    load(paths[3])  # ... so f1, the least recently used, goes
    assert len(entries(cache_dir)) == 3
    count = len(parses)
    for kept in (paths[0], paths[2], paths[3]):
        load(kept)
    assert len(parses) == count
    load(paths[1])
    assert len(parses) == count + 1


def test_eviction_leaves_other_files_alone_and_removes_stale_temporaries(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    stale = tmp_path / f"{fact_cache._TEMP_PREFIX}x.tmp"
    stale.write_bytes(b"half an entry")
    os.utime(stale, (1, 1))
    fresh = tmp_path / f"{fact_cache._TEMP_PREFIX}y.tmp"
    fresh.write_bytes(b"being written")
    fact_cache.evict(tmp_path)
    assert (tmp_path / "notes.txt").exists()
    assert fresh.exists()
    assert not stale.exists()


# -- the loader's state -------------------------------------------------------------------------------


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_restores_the_garbage_collector(
    cache_dir: Path, write_facts, minimal_text: str, enabled: bool
) -> None:
    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        path = write_facts(minimal_text)
        load(path)
        assert gc.isenabled() is enabled
        load(path)  # a hit
        assert gc.isenabled() is enabled
        with pytest.raises(FactFileError):
            loads("[meta]\n")
        assert gc.isenabled() is enabled
        load(path).backlinks("acme")
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()


# -- the byte check agrees with the text check ---------------------------------------------------------
# (the loader's fast meaning check and its full one agree: tests/facts/test_rules.py)


def _unsafe_candidates() -> list[str]:
    chars = [chr(c) for c in range(0x0000, 0x3000) if not 0xD800 <= c <= 0xDFFF]
    return [*chars, "\U0001f600", "\ufeff", "\uffff"]


def test_the_byte_check_for_unsafe_characters_agrees_with_the_text_check() -> None:
    for char in _unsafe_candidates():
        text = f"a{char}b 대구 {char}"
        expected = _UNSAFE_RAW.search(text) is not None
        assert may_be_unsafe(text.encode("utf-8")) is expected, hex(ord(char))
