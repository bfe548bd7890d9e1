"""Writing exports safely: a temporary file beside the target, then a rename.

A crash mid-write never leaves half a file, and an existing file is kept
unless the user said to replace it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """An export could not be written: the path and why, in one line."""


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file unless ``force``."""
    target = Path(path)
    if target.exists() and not force:
        raise ExportError(f"{target}: already exists (use --force to overwrite)")
    if target.is_dir():
        raise ExportError(f"{target}: is a folder")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"{target}: {exc.strerror or exc}") from exc
    return target
