"""Progress of a long run on standard error, never on standard output.

The engine tells each stage as it starts (``compare(..., progress=...)``); this shows it.
On a terminal, a run that lasts over :data:`SHOW_AFTER` seconds gets one status line,
rewritten in place with the stage and the seconds so far, and erased at the end, so a
quick run prints nothing and a slow one is never silent. ``--progress`` prints every
stage on its own line instead, for logs and pipes.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import TextIO

SHOW_AFTER = 1.0  # seconds: shorter runs show nothing
REFRESH = 0.5  # seconds between rewrites of the status line


class StageLine:
    """A callable told each stage; a context manager that erases its line at the end."""

    def __init__(self, stream: TextIO, *, every_stage: bool = False) -> None:
        self._stream = stream
        self._every_stage = every_stage
        self._live = not every_stage and _is_terminal(stream)
        self._stage = ""
        self._start = time.monotonic()
        self._shown = False
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def __call__(self, stage: str) -> None:
        with self._lock:
            self._stage = stage
        if self._every_stage:
            self._stream.write(f"storydiff: {stage}\n")
            self._stream.flush()

    def __enter__(self) -> StageLine:
        if self._live:
            self._thread = threading.Thread(target=self._refresh, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()

    def _refresh(self) -> None:
        while not self._done.wait(REFRESH):
            elapsed = time.monotonic() - self._start
            if elapsed < SHOW_AFTER:
                continue
            with self._lock:
                stage = self._stage
            self._stream.write(f"\r\x1b[Kstorydiff: {stage}… {elapsed:.0f} s")
            self._stream.flush()
            self._shown = True


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
