"""What the screen needs to find its way around a :class:`Report`, indexed once.

The report says what is true about the articles; this module only answers the
questions the screen asks many times per key press (which facts touch this
passage, where is the next conflict, where would a missing passage sit) so a
key never has to scan the whole report. Nothing here judges articles.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from storydiff.core.model import (
    Article,
    Fact,
    FactStatus,
    GroupStatus,
    Mention,
    PassageRef,
    Report,
)

# The kind filter (key ``a``) groups the facts engine's kinds the way a reader
# thinks of them. A kind not listed here is shown under "all" only.
KIND_FILTERS: dict[str, frozenset[str]] = {
    "all": frozenset(),
    "numbers": frozenset({"count", "number", "quantity", "money", "percent", "percentage",
                          "measure"}),
    "dates": frozenset({"date", "day", "time", "datetime"}),
    "names": frozenset({"name", "entity", "person", "place", "organisation", "organization"}),
    "quotes": frozenset({"quote"}),
}

# Gutter marks: the status said without colour (NO_COLOR, colour-blind readers).
MARKS: dict[GroupStatus, str] = {
    GroupStatus.AGREE: "=",
    GroupStatus.WORDING: "~",
    GroupStatus.FACTS: "!",
    GroupStatus.ONLY: "+",
}

STATUS_WORDS: dict[GroupStatus, str] = {
    GroupStatus.AGREE: "agree",
    GroupStatus.WORDING: "differ in wording",
    GroupStatus.FACTS: "conflict",
    GroupStatus.ONLY: "only here",
}


def kind_matches(kind: str, filter_name: str) -> bool:
    """Whether a fact of ``kind`` is shown under the kind filter ``filter_name``."""
    kinds = KIND_FILTERS.get(filter_name, frozenset())
    return not kinds or kind in kinds


def article_label(article: Article, width: int = 0) -> str:
    """A short name for an article: its outlet, else its file's stem."""
    label = article.source or article.id
    if width and len(label) > width:
        return label[: max(1, width - 1)] + "…"
    return label


@dataclass(frozen=True, slots=True)
class Counts:
    """The story overview: how the groups relate, and what each article alone says."""

    agree: int
    wording: int
    facts: int
    conflicts: int  # conflicting facts (0 until the facts engine reports some)
    only_by_article: dict[str, int]


class Story:
    """An index over one :class:`Report` for fast navigation."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.article_ids: list[str] = [a.id for a in report.articles]
        self._starts: dict[str, list[int]] = {
            aid: [p.start for p in report.passages.get(aid, ())] for aid in self.article_ids
        }
        self._mentions: dict[PassageRef, list[tuple[Fact, Mention]]] = {}
        for fact in report.facts:
            for mention in fact.mentions:
                ref = PassageRef(mention.article, mention.passage)
                self._mentions.setdefault(ref, []).append((fact, mention))
        self._order = {aid: n for n, aid in enumerate(self.article_ids)}
        self._counts: Counts | None = None
        self.conflicts: list[Fact] = sorted(
            (f for f in report.facts if f.status == FactStatus.CONFLICT),
            key=self._fact_position,
        )

    # --- per passage -------------------------------------------------------------

    def passage_count(self, article_id: str) -> int:
        return len(self.report.passages.get(article_id, ()))

    def status(self, ref: PassageRef) -> GroupStatus:
        return self.report.status_of(ref)

    def mentions_in(self, ref: PassageRef) -> list[tuple[Fact, Mention]]:
        """The facts stated in a passage, with the words that state them."""
        return self._mentions.get(ref, [])

    def group_members(self, ref: PassageRef) -> dict[str, PassageRef]:
        """The passage's group as {article: its first member there}; itself when alone."""
        group = self.report.group_of.get(ref)
        if group is None:
            return {ref.article: ref}
        members: dict[str, PassageRef] = {}
        for member in self.report.groups[group].members:
            members.setdefault(member.article, member)
        members[ref.article] = ref
        return members

    def passage_at(self, article_id: str, offset: int) -> int | None:
        """The index of the passage of ``article_id`` that holds ``offset``."""
        starts = self._starts.get(article_id, [])
        n = bisect_right(starts, offset) - 1
        if n < 0:
            return None
        return n

    # --- across articles ------------------------------------------------------------

    def anchor(self, article_id: str, ref: PassageRef) -> int:
        """Where ``ref``'s group would sit in an article that lacks it.

        The answer is the index of the passage it would follow (-1: before the
        first): the member, in ``article_id``, of the nearest earlier group of
        ``ref``'s article that ``article_id`` shares. Groups are what both
        articles say, so this keeps the placeholder in the story's order.
        """
        for index in range(ref.passage - 1, -1, -1):
            before = PassageRef(ref.article, index)
            group = self.report.group_of.get(before)
            if group is None:
                continue
            for member in self.report.groups[group].members:
                if member.article == article_id:
                    return member.passage
        return -1

    def next_only(self, article_id: str, after: int) -> int | None:
        """The next passage after ``after`` that only this article has, wrapping round."""
        count = self.passage_count(article_id)
        for step in range(1, count + 1):
            index = (after + step) % count
            if self.status(PassageRef(article_id, index)) == GroupStatus.ONLY:
                return index
        return None

    def find(self, query: str, article_ids: list[str]) -> list[PassageRef]:
        """Passages of these articles that contain ``query``, ignoring case, in order."""
        needle = query.lower()
        if not needle:
            return []
        return [p.ref for aid in article_ids for p in self.report.passages.get(aid, ())
                if needle in p.text.lower()]

    def conflict_stops(self, filter_name: str) -> list[Fact]:
        """Conflicting facts in reading order, kept by the kind filter."""
        return [f for f in self.conflicts if kind_matches(f.kind, filter_name)]

    def conflict_groups(self) -> list[PassageRef]:
        """Passages whose group differs in facts, in reading order (first member each).

        Used when the report marks groups but lists no facts (an older report,
        or a hand-made one).
        """
        refs: list[PassageRef] = []
        for group in self.report.groups:
            if group.status == GroupStatus.FACTS and group.members:
                refs.append(min(group.members, key=self._ref_position))
        return sorted(refs, key=self._ref_position)

    def counts(self) -> Counts:
        """The overview's numbers (computed once: the report does not change)."""
        if self._counts is None:
            self._counts = self._count()
        return self._counts

    def _count(self) -> Counts:
        statuses = [g.status for g in self.report.groups]
        only = {
            aid: sum(1 for p in self.report.passages.get(aid, ())
                     if p.ref not in self.report.group_of)
            for aid in self.article_ids
        }
        return Counts(
            agree=statuses.count(GroupStatus.AGREE),
            wording=statuses.count(GroupStatus.WORDING),
            facts=statuses.count(GroupStatus.FACTS),
            conflicts=len(self.conflicts),
            only_by_article=only,
        )

    def conflicts_in(self, article_id: str) -> int:
        """How many conflicts this article takes part in (facts, else conflicting groups)."""
        if self.report.facts:
            return sum(1 for f in self.conflicts if any(m.article == article_id
                                                        for m in f.mentions))
        return sum(1 for p in self.report.passages.get(article_id, ())
                   if self.status(p.ref) == GroupStatus.FACTS)

    def _ref_position(self, ref: PassageRef) -> tuple[int, int]:
        return (self._order.get(ref.article, 0), ref.passage)

    def _fact_position(self, fact: Fact) -> tuple[int, int, int]:
        if not fact.mentions:
            return (len(self.article_ids), 0, fact.id)
        first = min(fact.mentions, key=lambda m: (self._order.get(m.article, 0), m.start))
        return (self._order.get(first.article, 0), first.start, fact.id)


@dataclass(frozen=True, slots=True)
class Focus:
    """What the reader is looking at; every pane draws itself from this one value.

    ``ref`` is the cursor (a passage of the focused pane's article);
    ``members`` the aligned passages of its group, one per article; ``fact``
    the fact being inspected (key n, or a row of the facts panel), whose
    mentions are marked and scrolled into view.
    """

    ref: PassageRef | None = None
    members: tuple[tuple[str, PassageRef], ...] = ()
    fact: Fact | None = None
    kind_filter: str = "all"
    search: str = ""

    def member_in(self, article_id: str) -> PassageRef | None:
        for aid, ref in self.members:
            if aid == article_id:
                return ref
        return None
