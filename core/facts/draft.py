"""A fact before it is numbered, and how its status is judged: shared by every kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import FactStatus, Mention


@dataclass(slots=True)
class Draft:
    """A fact before it is numbered: its mentions and the pairs of them that conflict."""

    kind: str
    label: str
    mentions: list[Mention]
    status: FactStatus
    clashes: list[tuple[Mention, Mention]]
    about: tuple[tuple[str, str], ...] = ()  # what the fact is about: ("what", "people"), ("role", …)


def status(values: list[tuple[str, object]], clash: bool,
           same: Callable[[object, object], bool]) -> FactStatus:
    """Conflict beats all; two articles stating the same value agree; else compatible."""
    if clash:
        return FactStatus.CONFLICT
    articles = {a for a, _ in values}
    if len(articles) < 2:
        return FactStatus.SINGLE
    for i, (a, x) in enumerate(values):
        for b, y in values[i + 1:]:
            if a != b and same(x, y):
                return FactStatus.AGREE
    return FactStatus.COMPATIBLE
