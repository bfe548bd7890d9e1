"""A quantity as matched: its mention and the key it is matched on (what it counts, its role,
qualifiers, place, scope). Built by :mod:`.claims`, :mod:`.parts` and :mod:`.measures`."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Mention
from .numbers import Interval


@dataclass(frozen=True, slots=True)
class QuantityClaim:
    """A quantity mention and the key it is matched on."""

    mention: Mention
    kind: str
    interval: Interval
    what: str
    role: str | None
    nation: frozenset[str]
    place: str | None
    scope: str | None
    currency: str | None
    group: int | None
    label: str
    phrase: str = ""  # the counted words as written: "ballistic missiles and rockets"
    owner: str | None = None  # the company whose sum it is, when not the story's own (owners)
    compared: bool = False  # its sentence sets it beside another value of its key (claims._apart)

    @property
    def key(self) -> tuple[object, ...] | None:
        """The cross-group key; None when too little is known to match safely."""
        if not self.what or not (self.role or self.place or self.kind != "count"):
            return None
        return (self.kind, self.what, self.role, self.nation, self.place, self.scope,
                self.currency, self.owner)
