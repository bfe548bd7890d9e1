"""A date as written in an article and the days it can mean (:class:`DateMention`), with
how two such dates compare: the same day, overlapping periods, or a conflict."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .date_words import WEEKDAY_NAMES


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written, and what it resolves to.

    ``first``/``last`` bound the days it can mean (one day for "Jan. 20, 2024",
    a month for "December 2023"); both None when it could not be resolved, in
    which case ``weekday`` or ``month``/``day`` still say what is known.
    """

    start: int
    end: int
    text: str
    precision: str  # "day" | "week" | "month" | "year" | "decade"
    first: dt.date | None = None
    last: dt.date | None = None
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    explicit_year: bool = False  # the article wrote the year itself
    weekday_clash: bool = False  # "Saturday (Jan 21)" when Jan 21 is a Sunday
    year_guessed: bool = False  # no year written, and the day is far from the dateline

    @property
    def resolved(self) -> bool:
        return self.first is not None

    def value(self) -> dict[str, object]:
        """The JSON form: ISO date at its precision, the weekday, whether it was resolved."""
        value: dict[str, object] = {"date": None, "precision": self.precision,
                                    "resolved": self.resolved}
        if self.first is not None:
            iso = self.first.isocalendar()
            value["date"] = {"day": self.first.isoformat(), "month": self.first.isoformat()[:7],
                             "week": f"{iso[0]}-W{iso[1]:02d}",
                             "year": str(self.first.year),
                             "decade": f"{self.first.year // 10 * 10}s"}[self.precision]
        elif self.month and self.day:
            value["date"] = f"--{self.month:02d}-{self.day:02d}"
        if self.weekday is not None and self.precision == "day":
            value["weekday"] = WEEKDAY_NAMES[self.weekday]
        if self.weekday_clash:
            value["weekday_clash"] = True
        return value

    def conflicts_with(self, other: DateMention) -> bool:
        """Whether the two cannot name the same day (or overlapping periods)."""
        if self.month and self.day and (self.month, self.day) == (other.month, other.day) \
                and (self.year_guessed or other.year_guessed):
            return False  # "May 4" (in November) beside "May 4, 2018": its year is our guess
        if self.first and self.last and other.first and other.last:
            return self.last < other.first or other.last < self.first
        if self.precision != "day" or other.precision != "day":
            return False
        if self.weekday is not None and other.weekday is not None:
            return self.weekday != other.weekday
        if self.month and self.day and other.month and other.day:
            return (self.month, self.day) != (other.month, other.day)
        return False

    def same_as(self, other: DateMention) -> bool:
        if self.first and other.first:
            return (self.first, self.last, self.precision) == (other.first, other.last,
                                                              other.precision)
        if self.precision == other.precision == "day":
            if self.weekday is not None and self.weekday == other.weekday:
                return True
            return bool(self.month and self.day and (self.month, self.day) == (other.month,
                                                                                other.day))
        return False
