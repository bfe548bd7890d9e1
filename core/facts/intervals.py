"""What a reporter's qualifier makes of a figure: an interval of values it allows.

"At least 11" is [11, ∞), "over 24" is (24, ∞), "roughly 2,500" a band around 2,500,
"up to 8" [0, 8], and "exceeded 3,000" (3,000, ∞). Two reports conflict on a number only
when their intervals cannot both be true.

    >>> interval_for("more than", 24, 0.0, False).overlaps(interval_for("", 17, 0.0, False))
    False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Qualifiers before a number, by the interval they make of it.
AT_LEAST = ("at least", "no fewer than", "no less than", "not less than", "a minimum of",
            "upwards of", "at a minimum")
MORE_THAN = ("more than", "over", "in excess of", "above", "exceeding", "greater than",
             "just over", "well over", "nearly over",
             # a verb can be the bound: "the toll exceeded 3,000", "sales topped $2bn"
             "exceed", "exceeded", "exceeds", "topped", "surpass", "surpassed", "surpasses")
AT_MOST = ("at most", "up to", "no more than", "as many as", "a maximum of", "not more than",
           "as much as")
FEWER_THAN = ("fewer than", "less than", "under", "below", "just under", "nearly", "almost",
              "close to", "short of")
ABOUT = ("about", "around", "roughly", "approximately", "approx.", "some", "nearly about",
         "circa", "c.", "some", "an approximate", "about")
# Qualifiers that leave the figure as it is, but belong to it: "a total of 56" is no part
# of a larger whole (as "12 of the 56" is).
# "An estimated $1.9 billion" is an estimate of $1.9 billion, as precise as it is written (its
# rounding band), not "about" it: analysts' $2.07 billion is another estimate.
EXACT = ("a total of", "exactly", "precisely", "a record", "an estimated", "estimated")
# After the figure: "50 or more", "200 or fewer".
OR_MORE = ("or more", "or greater", "or higher", "or over")
OR_LESS = ("or fewer", "or less", "or lower", "or under")
# "about 2,500" is read as 2,500 ± this share (10%: what "roughly" covers in wire copy).
ABOUT_TOLERANCE = 0.10
# "nearly 1,000" is written of 950-odd, not of 850 ("about 850"): a tighter band below.
NEARLY_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of possible values: [low, high], either end open, ``high`` None for ∞."""

    low: float
    high: float | None
    low_open: bool = False
    high_open: bool = False
    approx: float | None = None  # the figure a band was made around ("roughly 2,500")
    vague: bool = False  # "several", "dozens": a word, not a figure

    @property
    def exact(self) -> bool:
        return self.high is not None and self.low == self.high and not self.vague

    def overlaps(self, other: Interval) -> bool:
        """Whether both could be true at once (they share at least one value)."""
        return not (_below(self, other) or _below(other, self))

    def within(self, other: Interval) -> bool:
        """Whether every value of ``self`` is in ``other`` (``self`` is the more precise)."""
        lo_ok = self.low > other.low or (self.low == other.low and (self.low_open or not other.low_open))
        if other.high is None:
            return lo_ok
        if self.high is None:
            return False
        hi_ok = self.high < other.high or (self.high == other.high
                                           and (self.high_open or not other.high_open))
        return lo_ok and hi_ok

    def same(self, other: Interval) -> bool:
        """The same claim: equal intervals, or one figure given plain and "about"
        ("roughly 2,500" and "2,500" state one number)."""
        if (self.low, self.high, self.low_open, self.high_open) == (
                other.low, other.high, other.low_open, other.high_open):
            return True
        if _bound_at(self, other) or _bound_at(other, self):
            return True  # "$250,000" and "more than $250,000": one figure, one side hedged
        return self.figure is not None and self.figure == other.figure

    @property
    def figure(self) -> float | None:
        """The single number the claim is built on, if any: 17, or 2,500 in "about 2,500"."""
        if self.approx is not None:
            return self.approx
        return self.low if self.exact else None

    def as_value(self) -> dict[str, object]:
        """The JSON form: ``{"low": 17, "high": 17}``; extra keys only when they say something."""
        value: dict[str, object] = {"low": _plain(self.low), "high": _plain(self.high)}
        if self.low_open:
            value["low_open"] = True
        if self.high_open:
            value["high_open"] = True
        if self.approx is not None:
            value["about"] = _plain(self.approx)
        if self.vague:
            value["vague"] = True
        return value


def _below(a: Interval, b: Interval) -> bool:
    """Every value of ``a`` is below every value of ``b``.

    Intervals that only touch do not overlap, except a stated figure against a strict bound at
    that same figure: news figures are rounded, so "$250,000" and "more than $250,000" can both
    be true (compatible); "under 5" and "over 5", or the rounding bands of 4.2 and 4.3, cannot.
    """
    if a.high is None:
        return False
    if a.high < b.low:
        return True
    if a.high != b.low:
        return False
    if _point(a) and b.low_open and not _point(b):
        return False  # 250,000 beside "more than 250,000"
    if _point(b) and a.high_open and not _point(a):
        return False  # "fewer than 5" beside 5
    return a.high_open or b.low_open


def _bound_at(point: Interval, bound: Interval) -> bool:
    """``bound`` is a one-sided bound ("more than", "at least", "up to") at ``point``'s figure,
    written plain or rounded ("a $20 billion charge" / "a hit of as much as $20 billion")."""
    figure = point.low if _point(point) else point.approx
    if figure is None or point.vague:
        return False
    lower = bound.high is None and bound.low == figure
    upper = bound.high == figure and bound.low <= 0 and bound.low != bound.high
    return lower or upper


def _point(x: Interval) -> bool:
    return x.high is not None and x.low == x.high and not x.low_open and not x.high_open


def _plain(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)



def interval_for(qualifier: str, value: float, half_unit: float, plus: bool) -> Interval:
    """The values ``qualifier`` (a key of the lists above, or "") allows around ``value``;
    ``half_unit`` is the rounding of a figure with a scale ("1.2 million"), ``plus`` a
    trailing "+", "-plus" or "or more"."""
    q = re.sub(r"\s+", " ", qualifier.lower())
    if q in OR_LESS:
        return Interval(0, value)
    if plus or q in AT_LEAST:
        return Interval(value, None)
    if q in MORE_THAN:
        return Interval(value, None, low_open=True)
    if q in AT_MOST:
        return Interval(0, value)
    if q in ("nearly", "almost", "close to"):
        # Closed at the figure: "nearly 100" beside a rounded "100" is no contradiction.
        return Interval(value * (1 - NEARLY_TOLERANCE), value, approx=value)
    if q in FEWER_THAN:
        return Interval(0, value, high_open=True)
    if q in ABOUT:
        spread = max(value * ABOUT_TOLERANCE, 1.0, half_unit)
        return Interval(_round(value - spread), _round(value + spread), approx=value)
    if half_unit:
        return Interval(value - half_unit, value + half_unit, high_open=True, approx=value)
    return Interval(value, value)


def _round(x: float) -> float:
    return float(round(x)) if abs(x) >= 10 else round(x, 2)

