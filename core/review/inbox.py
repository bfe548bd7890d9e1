"""The folder (or JSONL file) under review, reloaded file by file as it changes.

A reviewer leaves ``storydiff review inbox/`` open while a scraper keeps
dropping files into ``inbox/``. :meth:`Inbox.scan` is cheap (one ``stat`` per
file, no reading), so the app can call it every few seconds; only when it
reports a change does :meth:`Inbox.refresh` read the files that are new or
changed since, and forget the ones removed.

    >>> inbox = Inbox(["inbox/"])                 # doctest: +SKIP
    >>> inbox.refresh()                           # doctest: +SKIP
    >>> if inbox.scan() != inbox.snapshot: ...    # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..read.load import ARTICLE_SUFFIXES, ArticleError, load_file
from ..model import Article, LoadError
from .stories import distinct

# path → (modification time in ns, size): what a scan sees of each article file.
Snapshot = dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Refresh:
    """What one :meth:`Inbox.refresh` changed."""

    added: tuple[str, ...] = ()  # files read for the first time
    changed: tuple[str, ...] = ()  # files read again because they changed
    removed: tuple[str, ...] = ()  # files gone since the last refresh

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


class Inbox:
    """Articles under ``paths`` (folders, files), kept in step with the disk."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = list(paths)
        self.snapshot: Snapshot = {}
        self._articles: dict[str, tuple[Article, ...]] = {}
        self._errors: dict[str, tuple[LoadError, ...]] = {}
        self._missing: tuple[LoadError, ...] = ()

    def scan(self) -> Snapshot:
        """Every article file under the paths with its mtime and size; reads no file."""
        found: Snapshot = {}
        missing: list[LoadError] = []
        for raw in self.paths:
            path = Path(raw)
            if path.is_dir():
                for root, dirs, files in os.walk(path, followlinks=False):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in files:
                        if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                            continue
                        _stat_into(found, os.path.join(root, name))
            elif path.exists():
                _stat_into(found, raw)
            else:
                missing.append(LoadError(raw, "no such file or folder"))
        self._missing = tuple(missing)
        return found

    def refresh(self, snapshot: Snapshot | None = None,
                progress: Callable[[int, int], None] | None = None) -> Refresh:
        """Read what is new or changed since the last refresh; forget what is gone.

        ``progress(done, total)`` is called as files are read; it may raise to
        cancel, in which case the files read so far are kept and the rest are
        read next time.
        """
        current = self.scan() if snapshot is None else snapshot
        todo = [p for p, stamp in sorted(current.items()) if self.snapshot.get(p) != stamp]
        removed = tuple(sorted(p for p in self.snapshot if p not in current))
        for path in removed:
            self.snapshot.pop(path, None)
            self._articles.pop(path, None)
            self._errors.pop(path, None)
        added: list[str] = []
        changed: list[str] = []
        for done, path in enumerate(todo):
            if progress is not None:
                progress(done, len(todo))
            errors: list[LoadError] = []
            try:
                articles = tuple(load_file(Path(path), errors))
            except ArticleError as exc:
                articles = ()
                errors.append(LoadError(exc.path, exc.reason))
            (changed if path in self.snapshot else added).append(path)
            self._articles[path] = articles
            self._errors[path] = tuple(errors)
            self.snapshot[path] = current[path]
        if progress is not None:
            progress(len(todo), len(todo))
        return Refresh(tuple(added), tuple(changed), removed)

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article, in path order, each with an id and a fingerprint unique in the
        inbox (:func:`~storydiff.core.review.stories.distinct`)."""
        taken: set[str] = set()
        result: list[Article] = []
        for path in sorted(self._articles):
            for article in self._articles[path]:
                unique = article.id
                n = 2
                while unique in taken:
                    unique = f"{article.id}-{n}"
                    n += 1
                taken.add(unique)
                result.append(article if unique == article.id else replace(article, id=unique))
        return tuple(distinct(result))

    @property
    def errors(self) -> tuple[LoadError, ...]:
        """Files (or records) that could not be read, one line each."""
        return self._missing + tuple(e for path in sorted(self._errors)
                                     for e in self._errors[path])


def _stat_into(found: Snapshot, path: str) -> None:
    try:
        info = os.stat(path)
    except OSError:
        return  # vanished between listing and stat: the next scan will tell
    found[path] = (info.st_mtime_ns, info.st_size)
