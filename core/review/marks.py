"""What the reviewer did, kept between sessions: review marks, flags, notes, regroupings.

Marks live in one SQLite file (standard library ``sqlite3``, WAL journal), by
default ``marks.sqlite3`` in the user data folder, or wherever ``--db`` says.
An article is known by :attr:`Article.fingerprint` (a hash of its normalised
words), so marks survive renames, re-downloads and reloads.

- **Article marks**: reviewed, flagged, a short note.
- **Story marks**: a flag and a note on the story as a whole. A story has no
  stable name of its own (new articles join it), so its mark is stored under
  one member's fingerprint, the *anchor*, and found again through any member.
  A story is "reviewed" when all its articles are: an article arriving later
  makes it need review again, which is what a reviewer wants.
- **Moves**: "this article belongs with that one", the reviewer's correction of
  the grouping (see :func:`storydiff.core.review.stories.find_stories`).
- **Seen**: which articles earlier sessions showed, so a reopened folder shows
  what is new since.

Every change is committed when it is made (autocommit, ``synchronous=FULL``):
killing the program loses nothing already marked. A damaged file is moved
aside (``marks.sqlite3.damaged-…``), reported, and a fresh one started; it is
never silently replaced. Older files are migrated in place, one numbered step
at a time.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .marks_db import (  # noqa: F401  (MIGRATIONS, SCHEMA_VERSION: re-exported for callers)
    MIGRATIONS,
    SCHEMA_VERSION,
    MarkNotSaved,
    MarksError,
    _connect,
    _is_damage,
    _move_aside,
    _reason,
    _Transaction,
    _version,
)

DB_NAME = "marks.sqlite3"
NOTE_MAX = 2000  # a note is a short remark, not a document; longer text is cut
_CHUNK = 500  # SQLite's parameter limit is 999 on old builds; stay well under it


@dataclass(frozen=True, slots=True)
class ArticleMark:
    """What the reviewer set on one article."""

    fingerprint: str
    reviewed: bool = False
    flagged: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class StoryMark:
    """What the reviewer set on a story as a whole (its anchor names where it is kept)."""

    anchor: str | None = None
    flagged: bool = False
    note: str = ""


def default_path() -> Path:
    """Where marks live unless ``--db`` says otherwise: the user data folder."""
    return Path(platformdirs.user_data_dir("storydiff", appauthor=False)) / DB_NAME


class Marks:
    """An open marks file. Use :meth:`open`; safe to call from worker threads."""

    def __init__(self, connection: sqlite3.Connection, path: Path,
                 notice: str | None = None, wait: float = 5.0) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = path
        self.notice = notice  # one line for the user when the old file was damaged
        self.session: int | None = None
        self.wait = wait  # seconds a write waits for another program's lock

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, wait: float = 5.0) -> Marks:
        """Open (creating or migrating) the marks file at ``path`` or the default place.

        Raises :class:`MarksError` when the file cannot be used at all; a
        damaged file is moved aside and :attr:`notice` says so. A write finding
        the file locked by another program waits up to ``wait`` seconds, then
        raises :class:`MarkNotSaved`.
        """
        target = Path(path) if path is not None else default_path()
        if target.is_dir():
            raise MarksError(f"{target}: is a folder; give the marks file's path "
                             f"(e.g. {target / DB_NAME})")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MarksError(f"{target}: cannot create its folder ({exc.strerror})") from exc
        notice = None
        try:
            connection = _connect(target, wait)
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise MarksError(f"{target}: {_reason(exc, wait)}") from exc
            aside = _move_aside(target)
            notice = (f"marks file {target} was damaged ({exc}); moved it to {aside.name} "
                      f"and started a new one")
            try:
                connection = _connect(target, wait)
            except sqlite3.Error as again:
                raise MarksError(f"{target}: {_reason(again, wait)}") from again
        return cls(connection, target, notice, wait)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Marks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return _version(self._db)

    # --- sessions and seen articles ---------------------------------------------------------

    def start_session(self, folder: str = "") -> int:
        """Begin an interactive session: articles first seen from now on are "new"."""
        with self._lock, self._writing("the session"):
            cursor = self._db.execute("INSERT INTO sessions (started, folder) VALUES (?, ?)",
                                      (_now(), folder))
            self.session = int(cursor.lastrowid or 0)
            return self.session

    def see(self, articles: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
        """Record articles (fingerprint, title, source, path) as seen in this session.

        An article already seen keeps its first sighting. Without a session
        (headless listing) nothing is recorded: a script looking does not make
        articles old for the reviewer.
        """
        if self.session is None:
            return
        now = _now()
        rows = [(fp, now, title, source, path, self.session)
                for fp, title, source, path in articles]
        with self._lock, self._writing("which articles were seen"), self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO articles (fingerprint, first_seen, title, source, path,"
                " first_session) VALUES (?, ?, ?, ?, ?, ?)", rows)

    def new_among(self, fingerprints: Iterable[str]) -> set[str]:
        """Which of ``fingerprints`` are new: first seen in this session, or never seen."""
        wanted = set(fingerprints)
        known: dict[str, int] = {}
        with self._lock, self._reading():
            for chunk in _chunks(sorted(wanted)):
                marks = ",".join("?" * len(chunk))
                for fp, session in self._db.execute(
                        f"SELECT fingerprint, first_session FROM articles "
                        f"WHERE fingerprint IN ({marks})", chunk):
                    known[fp] = session
        return {fp for fp in wanted
                if fp not in known or (self.session is not None and known[fp] == self.session)}

    # --- article marks ----------------------------------------------------------------------

    def article_marks(self, fingerprints: Iterable[str] | None = None) -> dict[str, ArticleMark]:
        """Marks of the given articles (all marked articles when None); unmarked ones absent."""
        query = "SELECT fingerprint, reviewed, flagged, note FROM article_marks"
        with self._lock, self._reading():
            if fingerprints is None:
                rows = list(self._db.execute(query))
            else:
                rows = []
                for chunk in _chunks(sorted(set(fingerprints))):
                    marks = ",".join("?" * len(chunk))
                    rows.extend(self._db.execute(f"{query} WHERE fingerprint IN ({marks})",
                                                 chunk))
        return {fp: ArticleMark(fp, bool(r), bool(f), n) for fp, r, f, n in rows}

    def set_reviewed(self, fingerprints: Iterable[str], reviewed: bool = True) -> None:
        """Mark articles reviewed (or not); one commit for all of them."""
        now = _now()
        rows = [(fp, int(reviewed), now) for fp in dict.fromkeys(fingerprints)]
        with self._lock, self._writing("the review mark"), self._transaction():
            self._db.executemany(
                "INSERT INTO article_marks (fingerprint, reviewed, updated) VALUES (?, ?, ?) "
                "ON CONFLICT (fingerprint) DO UPDATE SET reviewed = excluded.reviewed, "
                "updated = excluded.updated", rows)

    def set_article_flag(self, fingerprint: str, flagged: bool) -> None:
        with self._lock, self._writing("the flag"):
            self._db.execute(
                "INSERT INTO article_marks (fingerprint, flagged, updated) VALUES (?, ?, ?) "
                "ON CONFLICT (fingerprint) DO UPDATE SET flagged = excluded.flagged, "
                "updated = excluded.updated", (fingerprint, int(flagged), _now()))

    def set_article_note(self, fingerprint: str, note: str) -> None:
        with self._lock, self._writing("the note"):
            self._db.execute(
                "INSERT INTO article_marks (fingerprint, note, updated) VALUES (?, ?, ?) "
                "ON CONFLICT (fingerprint) DO UPDATE SET note = excluded.note, "
                "updated = excluded.updated", (fingerprint, _note(note), _now()))

    # --- story marks ------------------------------------------------------------------------

    def story_mark(self, fingerprints: Sequence[str]) -> StoryMark:
        """The mark of the story holding ``fingerprints``, found through any member.

        When two marked stories were merged, flags combine and notes are joined.
        """
        return self.story_marks([fingerprints])[0]

    def story_marks(self, stories: Sequence[Sequence[str]]) -> list[StoryMark]:
        """:meth:`story_mark` for many stories at once (one query, not one per story)."""
        with self._lock, self._reading():
            rows = {anchor: (bool(flagged), note) for anchor, flagged, note in
                    self._db.execute("SELECT anchor, flagged, note FROM story_marks")}
        result = []
        for members in stories:
            found = [(fp, rows[fp]) for fp in members if fp in rows]
            if not found:
                result.append(StoryMark())
                continue
            found.sort()
            notes = [note for _, (_, note) in found if note]
            result.append(StoryMark(anchor=found[0][0],
                                    flagged=any(flagged for _, (flagged, _) in found),
                                    note="\n".join(notes)))
        return result

    def set_story_flag(self, fingerprints: Sequence[str], flagged: bool) -> None:
        """Flag (or unflag) the story holding ``fingerprints``."""
        with self._lock, self._writing("the flag"), self._transaction():
            anchors = self._anchors(fingerprints)
            if anchors:
                self._db.executemany("UPDATE story_marks SET flagged = ?, updated = ? "
                                     "WHERE anchor = ?",
                                     [(int(flagged), _now(), a) for a in anchors])
            elif flagged and fingerprints:
                self._db.execute("INSERT INTO story_marks (anchor, flagged, updated) "
                                 "VALUES (?, 1, ?)", (min(fingerprints), _now()))

    def set_story_note(self, fingerprints: Sequence[str], note: str) -> None:
        """Set the note of the story holding ``fingerprints`` (replacing any merged notes)."""
        with self._lock, self._writing("the note"), self._transaction():
            anchors = self._anchors(fingerprints)
            if anchors:
                first, rest = anchors[0], anchors[1:]
                self._db.execute("UPDATE story_marks SET note = ?, updated = ? WHERE anchor = ?",
                                 (_note(note), _now(), first))
                self._db.executemany("UPDATE story_marks SET note = '', updated = ? "
                                     "WHERE anchor = ?", [(_now(), a) for a in rest])
            elif note.strip() and fingerprints:
                self._db.execute("INSERT INTO story_marks (anchor, note, updated) "
                                 "VALUES (?, ?, ?)", (min(fingerprints), _note(note), _now()))

    def _anchors(self, fingerprints: Sequence[str]) -> list[str]:
        anchors: list[str] = []
        for chunk in _chunks(sorted(set(fingerprints))):
            marks = ",".join("?" * len(chunk))
            anchors.extend(a for (a,) in self._db.execute(
                f"SELECT anchor FROM story_marks WHERE anchor IN ({marks})", chunk))
        return sorted(anchors)

    # --- moves ------------------------------------------------------------------------------

    def moves(self) -> dict[str, str]:
        """Every regrouping: article fingerprint → fingerprint of the article it goes with."""
        with self._lock, self._reading():
            return dict(self._db.execute("SELECT fingerprint, target FROM moves"))

    def move(self, fingerprint: str, target: str | None) -> None:
        """Put an article with ``target`` (its own fingerprint: alone; None: undo the move)."""
        with self._lock, self._writing("the move"):
            if target is None:
                self._db.execute("DELETE FROM moves WHERE fingerprint = ?", (fingerprint,))
            else:
                self._db.execute(
                    "INSERT INTO moves (fingerprint, target, updated) VALUES (?, ?, ?) "
                    "ON CONFLICT (fingerprint) DO UPDATE SET target = excluded.target, "
                    "updated = excluded.updated", (fingerprint, target, _now()))

    # --- plumbing ---------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    @contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turn SQLite's failure to write into one :class:`MarkNotSaved` line."""
        try:
            yield
        except sqlite3.Error as exc:
            raise MarkNotSaved(f"{what} was not saved: {self.path}: "
                               f"{_reason(exc, self.wait)}") from exc

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Turn SQLite's failure to read into one :class:`MarksError` line."""
        try:
            yield
        except sqlite3.Error as exc:
            raise MarksError(f"{self.path}: cannot read the marks: "
                             f"{_reason(exc, self.wait)}") from exc


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _note(note: str) -> str:
    return note.strip()[:NOTE_MAX]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
