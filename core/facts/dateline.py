"""Days named by the dateline: what "Friday", "next Friday", "Dec. 30" or "last June"
mean in a story dated a given day.

A weekday is the latest such day on or before the publication date, unless the
sentence looks ahead; a month and day without a year take the year that puts them
nearest the dateline, leaning to the past (news reports the past, and announces the
near future). Each function takes the dateline and gives plain dates; :mod:`dates`
makes mentions of them.

    >>> import datetime as dt
    >>> weekday_date(dt.date(2024, 1, 17), 4, "this", True)   # a Wednesday: "this Friday"
    datetime.date(2024, 1, 19)
    >>> nearest_year(dt.date(2024, 1, 2), 12, 30)             # "Dec. 30" on 2 January
    2023
"""

from __future__ import annotations

import datetime as dt

# How far (in days) a date without a year may sit after the dateline before we take it
# to be last year's: news reports the past, and announces the near future.
FUTURE_WINDOW_DAYS = 120


def nearest_year(base: dt.date, month: int, day: int) -> int:
    """The year that puts month/day nearest the dateline, leaning to the past."""
    best_year, best_gap = base.year, None
    # Feb 29 exists one year in four: look back far enough to find the last one.
    for year in range(base.year - (4 if (month, day) == (2, 29) else 1), base.year + 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        gap = (base - candidate).days
        if gap < 0:
            if -gap > FUTURE_WINDOW_DAYS:
                continue
            gap = -gap * 2  # a future date must be much nearer to win
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


def weekday_date(base: dt.date, weekday: int, rel: str, future: bool) -> dt.date:
    """The day a weekday names, by its news meaning.

    "This Friday" is the coming one (today if it is Friday); "next Friday" the Friday of
    next week, Monday to Sunday (on a Monday, "next Sunday" is 13 days on, as in
    Recognizers-Text); "last Friday" the latest strictly before the dateline; a bare
    weekday the latest on or before it, unless the sentence looks ahead ("will meet on
    Monday")."""
    if rel == "next":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=7)
        return monday + dt.timedelta(days=weekday)
    if future:
        ahead = (weekday - base.weekday()) % 7
        if ahead == 0 and rel == "coming":
            ahead = 7
        return base + dt.timedelta(days=ahead)
    back = (base.weekday() - weekday) % 7
    if back == 0 and rel in ("last", "past"):
        back = 7
    return base - dt.timedelta(days=back)


def weekday_and_day(base: dt.date, weekday: int, day: int) -> dt.date | None:
    """"Friday the 15th": the nearest 15th that is a Friday, leaning to the past; the
    nearest 15th at all if none near is a Friday (the caller flags the clash)."""
    candidates = []
    for shift in range(-3, 3):
        year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
        try:
            candidates.append(dt.date(year, month + 1, day))
        except ValueError:
            continue
    if not candidates:
        return None

    def distance(d: dt.date) -> tuple[bool, int]:
        gap = (base - d).days
        return d.weekday() != weekday, gap if gap >= 0 else -2 * gap

    return min(candidates, key=distance)


def year_of_month(base: dt.date, month: int, rel: str) -> int:
    """"last June" is the latest June before this month, "next June" the first after it,
    "this June" the one of the dateline's year."""
    if rel in ("last", "past") and month >= base.month:
        return base.year - 1
    if rel in ("next", "coming") and month <= base.month:
        return base.year + 1
    return base.year
