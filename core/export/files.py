"""Writing exports safely: a temporary file beside the target, then a rename.

A crash (or ``kill -9``) mid-write never leaves half a file at the target: the
bytes go to a hidden temporary file in the same folder, are flushed to disk,
and only then take the target's name in one step. An existing file is kept
unless the user said to replace it, and that check cannot race: without
``force`` the finished file is *linked* into place, which fails if another
program created the target meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """An export could not be written: the path and why, in one line."""


class ExistsError(ExportError):
    """The target exists and the user did not ask to overwrite it."""


def write_text(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically; see :func:`write_atomic`."""
    return write_atomic(path, text.encode("utf-8"), force=force)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file unless ``force``.

    Raises :class:`ExistsError` when the file exists and ``force`` is false,
    :class:`ExportError` for any other reason it cannot be written.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"{target}: is a folder")
    if target.exists() and not force:
        raise ExistsError(f"{target}: already exists (use --force to overwrite)")
    folder = target.parent
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
            # mkstemp makes the file private (0600); an export is meant to be shared,
            # so give it the permissions a plain open() would have.
            os.fchmod(handle.fileno(), 0o666 & ~_umask())
        if force:
            os.replace(tmp, target)
        else:
            _link_no_clobber(tmp, target)
    except FileExistsError as exc:
        raise ExistsError(f"{target}: already exists (use --force to overwrite)") from exc
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    _sync_folder(folder)
    return target


def _link_no_clobber(tmp: str, target: Path) -> None:
    """Give ``tmp`` the name ``target`` only if nothing holds that name yet."""
    try:
        os.link(tmp, target)
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links (FAT, some network mounts): the
        # existence check above is the best that can be done.
        if target.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from exc
        os.replace(tmp, target)


def _umask() -> int:
    """The process umask, read without setting it (os.umask would race other threads)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk, where the platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
