"""Writing an export file: never over an existing file unless asked, and then atomically."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

# What `open()` asks for; the user's umask takes away from it, as for any new file.
_NEW_FILE_MODE = 0o666


def write_text(path: Path, text: str, overwrite: bool) -> None:
    """Write UTF-8 text to `path`.

    Without `overwrite`, the file is created exclusively (FileExistsError if it exists, even in a
    race). With it, the text goes to a temporary file beside `path` that then replaces it, so a
    reader never sees half a file. Either way a new file gets the user's default mode (0o666 less
    the umask) and a replaced file keeps the mode it had.
    """
    write_bytes(path, text.encode("utf-8"), overwrite)


def write_bytes(path: Path, data: bytes, overwrite: bool) -> None:
    """Write `data` to `path` as `write_text` writes text (for a caller that encoded it already)."""
    if not overwrite:
        with path.open("xb") as f:
            f.write(data)
        return
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a directory")
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = _create_beside(path)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new, empty temporary file in `path`'s directory, opened for writing.

    Unlike `tempfile.mkstemp`, which always makes a 0o600 file, the mode is the umask's default.
    """
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _NEW_FILE_MODE), tmp
        except FileExistsError:
            continue
