"""Writing exports safely: a temporary file beside the target, then a rename.

A crash (or ``kill -9``) mid-write never leaves half a file at the target: the
bytes go to a hidden temporary file in the same folder, are flushed to disk,
and only then take the target's name in one step. An existing file is kept
unless the user said to replace it, and that check cannot race: without
``force`` the finished file is *linked* into place, which fails if another
program created the target meanwhile. A target that is not a regular file
(``/dev/null``, a FIFO) is refused, never replaced; temporary files left by a
killed export are removed by the next export into that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
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
    check_target(target)
    if target.exists() and not force:
        raise ExistsError(f"{target}: already exists (use --force to overwrite)")
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _clean_stale(folder)
        # A short name of fixed length: a target name near the 255-byte limit must
        # not push its temporary name past it.
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=folder)
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


TMP_PREFIX, TMP_SUFFIX = ".storydiff-", ".tmp"
# A temporary file this old was left by an export that was killed mid-write.
STALE_SECONDS = 3600


def check_target(target: Path) -> None:
    """Refuse a target that exists and is not a regular file (a device, FIFO or socket).

    Replacing ``/dev/null`` or a FIFO with a regular file breaks whatever relied on
    it (as root, the whole machine's /dev/null); write to standard output instead.
    """
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(mode):
        raise ExportError(f"{target}: is not a regular file (refusing to replace it; "
                          "use -o - to write to standard output)")


def _clean_stale(folder: Path) -> None:
    """Remove temporary files that earlier, killed exports left in ``folder``."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(TMP_PREFIX) and entry.name.endswith(TMP_SUFFIX):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)


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
