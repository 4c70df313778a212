"""FollowTheMoney (FtM) entities out of a fact base, and a fact file out of an FtM entity stream.

- `export.to_ftm(facts)`: every entity and link as FtM entities (dicts, one per JSON line), built
  and validated with the `followthemoney` library; `export.write_ftm` writes the JSON lines.
- `importer.read_ftm(data, path)`: an FtM stream (an Aleph or OpenSanctions export, or our own)
  as a validated `FactFile`, with a report of what has no place in a fact file.
- `schemata`: the one table of which kind becomes which schema, read both ways
  (docs/ftm.md prints it).

`followthemoney` is an optional extra (`pip install 'facts-tui[ftm]'`) and heavy to import, so
nothing here imports it at module level except the modules that need it, and those are imported
only when the ftm format is asked for. `library()` says what to install when it is missing.
No Rich or Textual here.
"""

from __future__ import annotations

from types import ModuleType

INSTALL = "pip install 'facts-tui[ftm]'"


class FtmMissing(ImportError):
    """The `followthemoney` library is not installed (the ftm format needs it)."""


def library() -> ModuleType:
    """The `followthemoney` module, or FtmMissing saying how to install it."""
    try:
        import followthemoney
    except ImportError:
        raise FtmMissing(f"the ftm format needs the followthemoney library: {INSTALL}") from None
    return followthemoney
