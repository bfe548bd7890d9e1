"""The current view: a report narrowed to the articles on screen, marks unchanged.

When a reader has picked three of seven articles, "export the current view"
should give what they see: those three columns, each passage still tinted as
the whole comparison tinted it (a sentence shared with a hidden article is
still "reported elsewhere", not "only here"). So nothing is recomputed here:
groups and facts keep their status and lose only the members and mentions of
the hidden articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Fact, Group, PassageRef, Report


def narrow(report: Report, article_ids: Iterable[str]) -> Report:
    """``report`` showing only ``article_ids`` (in the report's order), statuses kept."""
    keep = set(article_ids)
    if keep >= {a.id for a in report.articles}:
        return report
    groups: list[Group] = []
    for group in report.groups:
        members = tuple(m for m in group.members if m.article in keep)
        if members:
            diffs = tuple(d for d in group.diffs if d.ref.article in keep)
            groups.append(replace(group, members=members, diffs=diffs))
    facts: list[Fact] = []
    for fact in report.facts:
        mentions = tuple(m for m in fact.mentions if m.article in keep)
        if mentions:
            facts.append(replace(fact, mentions=mentions))
    group_of: dict[PassageRef, int] = {ref: n for n, g in enumerate(groups) for ref in g.members}
    return Report(
        articles=tuple(a for a in report.articles if a.id in keep),
        passages={k: v for k, v in report.passages.items() if k in keep},
        groups=tuple(groups),
        facts=tuple(facts),
        errors=report.errors,
        group_of=group_of,
    )
