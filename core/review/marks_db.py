"""The marks file itself: its schema and migrations, opening and checking it, moving a damaged
one aside, and turning SQLite's errors into one line for the user.

:class:`storydiff.core.review.marks.Marks` is the reviewer's view of it; this module knows
only SQLite. Every schema change is a numbered step in :data:`MIGRATIONS`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

# Each step brings the schema from the version before it to its own number. Never edit
# a released step: add a new one. A fresh file runs them all, so there is one path.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
        CREATE TABLE articles (
            fingerprint TEXT PRIMARY KEY,
            first_seen TEXT NOT NULL,
            title TEXT,
            source TEXT,
            path TEXT
        );
        CREATE TABLE article_marks (
            fingerprint TEXT PRIMARY KEY,
            reviewed INTEGER NOT NULL DEFAULT 0,
            flagged INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL
        );
        CREATE TABLE story_marks (
            anchor TEXT PRIMARY KEY,
            flagged INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            updated TEXT NOT NULL
        );
        CREATE TABLE moves (
            fingerprint TEXT PRIMARY KEY,
            target TEXT NOT NULL,
            updated TEXT NOT NULL
        );
    """),
    # Version 2: sessions, so "new" means new since the last time the app was opened,
    # not since a timestamp. Articles seen under version 1 count as seen before any session.
    (2, """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started TEXT NOT NULL,
            folder TEXT NOT NULL DEFAULT ''
        );
        ALTER TABLE articles ADD COLUMN first_session INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX articles_by_session ON articles (first_session);
    """),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


class MarksError(Exception):
    """The marks file cannot be used (written by a newer storydiff, not writable…)."""


class MarkNotSaved(MarksError):
    """A mark could not be written (disk full, file locked by another program for longer
    than the wait…); nothing of it was saved, and the message says why in one line."""


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        try:
            if kind is None:
                self._db.execute("COMMIT")
        finally:  # an error, or a COMMIT that failed (disk full): nothing half-written stays
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")


def _reason(exc: sqlite3.Error, wait: float) -> str:
    """What went wrong, in the user's words (SQLite's own words otherwise)."""
    text = str(exc)
    if "full" in text.lower():
        return "the disk is full"
    if "locked" in text.lower() or "busy" in text.lower():
        return f"locked by another program for more than {wait:g} s"
    return text


def _connect(path: Path, wait: float = 5.0) -> sqlite3.Connection:
    """Open, check and migrate; raises sqlite3.DatabaseError for a damaged file.

    Several first runs on one fresh file can find it busy where SQLite does not wait
    (switching to WAL): they try again for up to ``wait`` seconds, then report it locked.
    """
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return _connect_once(path, wait)
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc).lower() or "busy" in str(exc).lower()
            if not busy or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _connect_once(path: Path, wait: float) -> sqlite3.Connection:
    # isolation_level=None: autocommit, so each mark is committed as it is made.
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                         timeout=wait)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before the call returns, even if the machine then dies.
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        check = db.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else '?'}")
        _migrate(db, path)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date in one transaction, under the write lock.

    Several first runs on one fresh file race here: each looks and creates only
    while holding the lock (BEGIN IMMEDIATE), so the second finds what the first
    made instead of creating it again ("table schema_version already exists").
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        has_version = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                 "AND name = 'schema_version'").fetchone()
        if not has_version:
            other = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%'").fetchone()
            if other:  # some other program's database: do not touch it
                raise MarksError(f"{path}: not a storydiff marks file (it has a table "
                                 f"{other[0]!r}); choose another file with --db")
            db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            db.execute("INSERT INTO schema_version VALUES (0)")
        current = _version(db)
        if current > SCHEMA_VERSION:
            raise MarksError(f"{path}: written by a newer storydiff (marks schema {current}; "
                             f"this version reads up to {SCHEMA_VERSION}); upgrade, or use --db")
        for version, script in MIGRATIONS:
            if version <= current:
                continue
            for statement in _statements(script):
                db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (version,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _version(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def _statements(script: str) -> Iterator[str]:
    for statement in script.split(";"):
        if statement.strip():
            yield statement


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Damage, as opposed to a locked or unreadable file, which moving aside would not fix."""
    text = str(exc).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt",
                                         "integrity check", "disk image"))


def _move_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while aside.exists():
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise MarksError(f"{path}: damaged, and it could not be moved aside "
                         f"({exc.strerror}); move or delete it yourself") from exc
    return aside
