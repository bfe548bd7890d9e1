"""What the screen needs to find its way around a :class:`Report`, indexed once.

The report says what is true about the articles; this module only answers the
questions the screen asks many times per key press (which facts touch this
passage, where is the next conflict, where would a missing passage sit) so a
key never has to scan the whole report. Nothing here judges articles.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from storydiff.core.export.tally import Row, differing_mentions, outlet_of, tally, tally_line
from storydiff.core.model import (
    Article,
    Fact,
    FactStatus,
    Group,
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
                          "measure", "tally"}),
    "dates": frozenset({"date", "day", "time", "datetime"}),
    "names": frozenset({"name", "entity", "person", "place", "organisation", "organization"}),
    "quotes": frozenset({"quote"}),
    "claims": frozenset({"claim", "vehicle"}),
}

# Gutter marks: the status said without colour (NO_COLOR, colour-blind readers).
MARKS: dict[GroupStatus, str] = {
    GroupStatus.AGREE: "=",
    GroupStatus.WORDING: "~",
    GroupStatus.FACTS: "!",
    GroupStatus.ONLY: "+",
}

NAME_WIDTH = 24  # an article's name in the conflict strip

STATUS_WORDS: dict[GroupStatus, str] = {
    GroupStatus.AGREE: "agree",
    GroupStatus.WORDING: "differ in wording",
    GroupStatus.FACTS: "conflict",
    GroupStatus.ONLY: "only here",
}


def plural(n: int, thing: str) -> str:
    """"1 conflict", "2 conflicts": a count with its noun, never "1 conflicts"."""
    if n == 1:
        return f"1 {thing}"
    return f"{n} {thing[:-1] + 'ies' if thing.endswith('y') and thing[-2:-1] not in 'aeiou' else thing + 's'}"


def kind_matches(kind: str, filter_name: str) -> bool:
    """Whether a fact of ``kind`` is shown under the kind filter ``filter_name``."""
    kinds = KIND_FILTERS.get(filter_name, frozenset())
    return not kinds or kind in kinds


def article_label(article: Article, width: int = 0) -> str:
    """A short name for an article: its outlet, else its headline, else its file's stem."""
    label = outlet_of(article) or " ".join((article.title or "").split()) or article.id
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
        # Who differs on what (see core.export.tally): the passages marked "!" and each
        # pane's conflict count come from this one index, so they always agree.
        # Short enough for the conflict strip; the pane number ties each to its header.
        self.names = {aid: f"{n + 1}:{article_label(report.articles[n], NAME_WIDTH)}"
                      if n < 9 else article_label(report.articles[n], NAME_WIDTH)
                      for n, aid in enumerate(self.article_ids)}
        self._differing: dict[int, list[Mention]] = {f.id: differing_mentions(f)
                                                     for f in self.conflicts}
        self._differing_refs: set[PassageRef] = {
            PassageRef(m.article, m.passage) for ms in self._differing.values() for m in ms}
        self._tallies: dict[int, list[Row]] = {}

    # --- per passage -------------------------------------------------------------

    def passage_count(self, article_id: str) -> int:
        return len(self.report.passages.get(article_id, ()))

    def status(self, ref: PassageRef) -> GroupStatus:
        """A passage's mark: ``!`` when it states a value that differs (see tally).

        A passage of a conflicting group that only states the majority's values
        (or none) is marked as differing in wording; a report without facts keeps
        its groups' statuses.
        """
        if ref in self._differing_refs:
            return GroupStatus.FACTS
        status = self.report.status_of(ref)
        if status == GroupStatus.FACTS and self.report.facts:
            return GroupStatus.WORDING
        return status

    def differing(self, fact: Fact) -> list[Mention]:
        """The fact's mentions that state a differing value ([] unless it conflicts)."""
        return self._differing.get(fact.id, [])

    def tally(self, fact: Fact) -> list[Row]:
        """The fact's values and who states each (computed once per fact)."""
        rows = self._tallies.get(fact.id)
        if rows is None:
            rows = self._tallies[fact.id] = tally(fact, self.article_ids)
        return rows

    def tally_line(self, fact: Fact) -> str:
        """Every value of the fact and the outlets that state it, in one line."""
        return tally_line(fact, self.names, self.article_ids)

    def mentions_in(self, ref: PassageRef) -> list[tuple[Fact, Mention]]:
        """The facts stated in a passage, with the words that state them."""
        return self._mentions.get(ref, [])

    def group_members(self, ref: PassageRef) -> dict[str, PassageRef]:
        """The passage's group as {article: its first member there}; itself when alone."""
        group = self.report.group_of.get(ref)
        if group is None:
            return {ref.article: ref}
        members: dict[str, PassageRef] = {}
        for member in (*self.report.groups[group].members, *self.report.groups[group].also):
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
            if self.status(PassageRef(article_id, index)) == GroupStatus.ONLY and \
                    self.report.passages[article_id][index].reporting:
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
        statuses = [self._group_status(g) for g in self.report.groups]
        only = {
            aid: sum(1 for p in self.report.passages.get(aid, ())
                     if p.ref not in self.report.group_of and p.reporting)
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
        """On how many conflicting facts this article states a differing value.

        An article that sides with the majority (or states only a compatible,
        vaguer value) is not counted; without facts, its conflicting passages.
        """
        if self.report.facts:
            return sum(1 for f in self.conflicts
                       if any(m.article == article_id for m in self._differing[f.id]))
        return sum(1 for p in self.report.passages.get(article_id, ())
                   if self.status(p.ref) == GroupStatus.FACTS)

    def _group_status(self, group: Group) -> GroupStatus:
        """A group's status as the marks show it: conflicting when a member is marked "!"."""
        if group.status != GroupStatus.FACTS or not self.report.facts:
            return group.status
        if any(ref in self._differing_refs for ref in group.members):
            return GroupStatus.FACTS
        return GroupStatus.WORDING

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
