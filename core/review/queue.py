"""The review queue: one row per story, what needs a human first.

A row says how big a story is, who reported it and when, how many conflicts
its comparison found, and how much of it nobody has looked at yet. The order
is the order a desk editor would work in:

1. **flagged** stories (someone asked for a second look),
2. stories with **unreviewed** articles, those with more **conflicts** first,
   then stories of several articles before lone articles (a lone article has
   nothing to compare), then those with more **new** articles, then the most
   recent,
3. **reviewed** stories last.

Conflicts come from comparing each story
(:func:`storydiff.core.report.compare_articles`), which is the slow part;
:func:`build_queue` takes whatever counts are known so far (``None`` shows as
"not yet compared") so a screen can show the queue at once and fill them in.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from .marks import ArticleMark, Marks, StoryMark
from ..model import Article, FactStatus, GroupStatus, Report
from ..report import compare_articles
from .stories import Story

# Below this many stories to compare, starting worker processes (~0.3 s each) costs more
# than it saves; above it, comparing on every core roughly divides the time by the cores.
PARALLEL_MIN = 8
MAX_PROCESSES = 4
# What a printed queue (``review --list``/``--json``) compares for its conflict counts by
# default: the first stories of the queue, up to a size (a comparison's cost grows faster
# than its story). 10,000 articles then print in seconds, not minutes; the rest show as
# "not compared yet" (None) and the app fills them in as the reviewer gets to them.
LIST_STORIES = 50
LIST_MAX_ARTICLES = 40


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One story as the queue shows it."""

    story: Story
    conflicts: int | None  # None: not compared yet
    reviewed: int  # articles marked reviewed
    new: int  # articles first seen in this session (or never seen)
    flagged: bool  # the story, or one of its articles, is flagged
    note: str  # the story's note
    mark: StoryMark
    article_marks: Mapping[str, ArticleMark]
    new_articles: frozenset[str]  # fingerprints of the new articles

    @property
    def key(self) -> str:
        return self.story.key

    @property
    def size(self) -> int:
        return len(self.story.articles)

    @property
    def unreviewed(self) -> int:
        return self.size - self.reviewed

    @property
    def done(self) -> bool:
        """Every article reviewed and nothing flagged: the queue can forget it."""
        return self.unreviewed == 0 and not self.flagged

    @property
    def status(self) -> str:
        """One word for the row: flagged, new, partly, open or reviewed."""
        if self.flagged:
            return "flagged"
        if self.unreviewed == 0:
            return "reviewed"
        if self.new:
            return "new"
        return "partly" if self.reviewed else "open"


def build_queue(stories: Sequence[Story], marks: Marks | None = None,
                conflicts: Mapping[str, int] | None = None) -> list[QueueRow]:
    """Rows for ``stories`` in review order (see the module docstring).

    ``conflicts`` maps a story key to its conflict count, for the stories
    compared so far. Without ``marks`` nothing is reviewed and everything is new.
    """
    conflicts = conflicts or {}
    all_prints = [fp for story in stories for fp in story.fingerprints]
    article_marks = marks.article_marks(all_prints) if marks is not None else {}
    new = marks.new_among(all_prints) if marks is not None else set(all_prints)
    story_marks = (marks.story_marks([s.fingerprints for s in stories]) if marks is not None
                   else [StoryMark() for _ in stories])
    rows = []
    for story, story_mark in zip(stories, story_marks, strict=True):
        own = {fp: article_marks[fp] for fp in story.fingerprints if fp in article_marks}
        fresh = frozenset(fp for fp in story.fingerprints if fp in new)
        rows.append(QueueRow(
            story=story,
            conflicts=conflicts.get(story.key),
            reviewed=sum(1 for a in story.articles
                         if a.fingerprint in own and own[a.fingerprint].reviewed),
            # "New" counts what still waits: a new article once reviewed is not news.
            new=sum(1 for a in story.articles if a.fingerprint in fresh
                    and not (a.fingerprint in own and own[a.fingerprint].reviewed)),
            flagged=story_mark.flagged or any(m.flagged for m in own.values()),
            note=story_mark.note,
            mark=story_mark,
            article_marks=own,
            new_articles=fresh,
        ))
    rows.sort(key=review_order)
    return rows


def review_order(row: QueueRow) -> tuple[object, ...]:
    """Sort key: what needs a human comes first (see the module docstring)."""
    tier = 0 if row.flagged else (1 if row.unreviewed else 2)
    latest = row.story.last or dt.date.min
    return (tier, -(row.conflicts or 0), row.size == 1, -row.new, -row.unreviewed,
            -latest.toordinal(), row.key)


def worth_comparing(rows: Sequence[QueueRow], limit: int | None = LIST_STORIES,
                    max_articles: int | None = LIST_MAX_ARTICLES) -> list[Story]:
    """The stories of the first ``limit`` rows (queue order) of 2..``max_articles``
    articles: what a printed queue compares (None: no limit)."""
    chosen = []
    for row in rows if limit is None else rows[:limit]:
        if 1 < row.size and (max_articles is None or row.size <= max_articles):
            chosen.append(row.story)
    return chosen


def conflict_count(report: Report) -> int:
    """Conflicts a comparison found: facts in conflict, else passages differing in facts.

    Until the facts engine reports facts, groups marked "differ in facts" are
    the only sign of a conflict; once it does, its count is the better one.
    """
    facts = sum(1 for fact in report.facts if fact.status == FactStatus.CONFLICT)
    groups = sum(1 for group in report.groups if group.status == GroupStatus.FACTS)
    return facts if report.facts else groups


def conflict_counts(stories: Sequence[Story], *,
                    processes: int | None = None) -> Iterator[tuple[str, int]]:
    """Compare every story of several articles; yield (story key, conflicts) as each is done.

    Stories are started in the order given (pass them in queue order: the top
    of the queue is filled in first) and compared in worker processes when
    there are enough of them. Closing the iterator early cancels what has not
    started.
    """
    todo = [story for story in stories if len(story.articles) > 1]
    count = processes if processes is not None else min(os.cpu_count() or 1, MAX_PROCESSES)
    if count <= 1 or len(todo) < PARALLEL_MIN:
        for story in todo:
            yield story.key, conflict_count(compare_articles(story.articles))
        return
    # "spawn", not fork: the app calls this from a thread, and forking a threaded
    # process can copy a lock mid-use.
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = {pool.submit(_count_conflicts, story.articles): story.key for story in todo}
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _count_conflicts(articles: Sequence[Article]) -> int:
    return conflict_count(compare_articles(articles))


def row_dict(row: QueueRow) -> dict[str, object]:
    """A row as JSON-ready data (for ``storydiff review --json``)."""
    story = row.story
    return {
        "story": story.key,
        "title": story.title,
        "status": row.status,
        "size": row.size,
        "outlets": list(story.outlets),
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
        "terms": list(story.terms),
        "problem": story.problem or None,
        "conflicts": row.conflicts,
        "reviewed": row.reviewed,
        "unreviewed": row.unreviewed,
        "new": row.new,
        "flagged": row.flagged,
        "note": row.note,
        "articles": [
            {
                "id": a.id,
                "path": a.path,
                "fingerprint": a.fingerprint,
                "title": a.title,
                "source": a.source,
                "outlet": a.outlet or a.source,
                "date": a.date.isoformat() if a.date else None,
                "reviewed": bool(row.article_marks.get(a.fingerprint)
                                 and row.article_marks[a.fingerprint].reviewed),
                "flagged": bool(row.article_marks.get(a.fingerprint)
                                and row.article_marks[a.fingerprint].flagged),
                "note": (row.article_marks[a.fingerprint].note
                         if a.fingerprint in row.article_marks else ""),
                "new": a.fingerprint in row.new_articles,
            }
            for a in story.articles
        ],
    }


def date_span(story: Story) -> str:
    """"2024-01-21", "2024-01-21 – 01-23", or "" for undated stories: for tables."""
    first, last = story.first, story.last
    if first is None or last is None:
        return ""
    if first == last:
        return first.isoformat()
    if first.year == last.year:
        return f"{first.isoformat()} – {last.strftime('%m-%d')}"
    return f"{first.isoformat()} – {last.isoformat()}"
