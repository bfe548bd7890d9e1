"""Dates and clock times in news text, resolved against the article's own date.

News rarely writes a full date. It writes "Saturday", "last Monday", "Jan. 20"
or "in December", and the reader fills in the rest from the dateline. So do
we: a weekday is the latest such day on or before the publication date ("on
Saturday" in a story dated Sunday 2024-01-21 is 2024-01-20); "last Monday" is
strictly before it; "next Monday" and a weekday after "will" are after it; a
month and day without a year takes the year that puts it nearest the dateline
(so "Dec. 30" in a story of 2 January is last year's). Without a dateline, a
weekday stays a weekday and is compared as one; the mention says it could not
be resolved.

    >>> import datetime as dt
    >>> [(d.text, d.value()["date"]) for d in find_dates("On Saturday (Jan 20) and "
    ...     "on January 8, 2020.", dt.date(2024, 1, 21))]
    [('Saturday (Jan 20)', '2024-01-20'), ('January 8, 2020', '2020-01-08')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .date_mention import DateMention
from .date_words import (
    _FULL_DATES,
    _HINT,
    _JOIN,
    _NAMES_A_WEEKDAY,
    _OLD_YEAR_CUE,
    _PATTERNS,
    FUTURE_CUES,
    MONTHS,
    OLD_YEAR,
    RELATIVE_DAYS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    _worth_trying,
)
from .dateline import nearest_year, weekday_and_day, weekday_date, year_of_month
from .numwords import parse_number

# _find_times is imported for facts.find.clear_caches, which clears its cache through here.
from .times import TimeMention, _find_times, find_times  # noqa: F401

__all__ = ["DateMention", "TimeMention", "WEEKDAYS", "WEEKDAY_NAMES", "find_dates",
           "find_times"]

def find_dates(text: str, base: dt.date | None) -> list[DateMention]:
    """Every date in ``text``, resolved against ``base`` (the publication date) if given."""
    return list(_find_dates(text, base))


@lru_cache(maxsize=8192)
def _find_dates(text: str, base: dt.date | None) -> tuple[DateMention, ...]:
    spans: list[DateMention] = []
    if not _HINT.search(text):
        return ()
    taken = bytearray(len(text))  # characters already in a mention: linear, however many
    low = text.lower()
    for kind, pattern in _PATTERNS:
        if not _worth_trying(kind, text, low):
            continue
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            try:
                mention = _mention(kind, m, text, base)
            except (ValueError, OverflowError):
                mention = None  # a date past 0001 or 9999: said, but no day we can name
            if mention is not None:
                spans.append(mention)
            if mention is not None or (kind in _FULL_DATES and m.groupdict().get("year")):
                # "Feb. 29, 2023" names no day, and its "2023" is no year of its own either
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    spans.sort(key=lambda d: d.start)
    return tuple(_join_weekdays(spans, text))



def _mention(kind: str, m: re.Match[str], text: str, base: dt.date | None) -> DateMention | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if kind == "weekday_day":
        return _weekday_and_day(m, text, base)
    if kind == "relmonth":
        return _month_by_dateline(m, base)
    if kind in ("iso", "ymd", "mdy", "dmy"):
        month = int(g["month"]) if kind == "iso" else MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        if g.get("year"):
            year = int(g["year"])
            return _day(start, end, text, year, month, day, explicit=True)
        if base is None:
            return DateMention(start, end, text[start:end], "day", month=month, day=day)
        year = nearest_year(base, month, day)
        return _day(start, end, text, year, month, day, explicit=False)
    if kind == "my":
        word = g["month"].rstrip(".")
        if word == "May" and not g.get("year") and not g.get("qual"):
            return None  # "may" the verb, capitalised at a sentence start
        if len(word) <= 4 and word.lower() not in ("june", "july") and not g.get("year"):
            return None  # "Mar", "Sept" alone are too often something else
        month = MONTHS[word.lower()]
        if g.get("year"):
            year = int(g["year"])
        elif base is not None:
            year = nearest_year(base, month, 15)
        else:
            return DateMention(start, end, text[start:end], "month", month=month)
        last_day = calendar.monthrange(year, month)[1]
        return DateMention(start, end, text[start:end], "month", dt.date(year, month, 1),
                           dt.date(year, month, last_day), month=month,
                           explicit_year=bool(g.get("year")))
    if kind == "year":
        year = int(g["year"])
        if base is not None and year > base.year + 10:
            return None
        if year < OLD_YEAR and not g.get("qual") and not _OLD_YEAR_CUE.search(
                text, max(0, start - 8), start):
            return None
        if re.match(r"\s*(?:people|percent|%|km|kilometres|miles|[a-z]+s\b)", text[end:end + 12]) \
                and not re.search(r"\b(?:in|since|of|by|from|until|to|early|late|mid)\s*[-]?$",
                                  text[max(0, start - 7):start]):
            return None  # "2020 people" is a count
        return DateMention(start, end, text[start:end], "year", dt.date(year, 1, 1),
                           dt.date(year, 12, 31), explicit_year=True)
    if kind == "weekday":
        weekday = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        start = m.start("rel") if rel else m.start("weekday")
        if not g["weekday"][0].isupper():
            return None
        if base is None:
            return DateMention(start, end, text[start:end], "day", weekday=weekday)
        future = rel in ("next", "coming", "this") or (
            not rel and FUTURE_CUES.search(text[max(0, start - 40):start]) is not None)
        when = weekday_date(base, weekday, rel, future)
        return DateMention(start, end, text[start:end], "day", when, when, weekday=weekday,
                           month=when.month, day=when.day)
    if kind == "relative":
        word = re.sub(r"\s+", " ", g["word"].lower())
        if base is None:
            return None
        if word in ("year", "month", "week"):
            return None
        if word.endswith("week"):  # a calendar week, Monday to Sunday, around the dateline
            monday = base - dt.timedelta(days=base.weekday())
            shift = {"last": -7, "this": 0, "next": 7, "earlier": 0, "later": 0}[word.split()[0]]
            first, last = monday + dt.timedelta(days=shift), monday + dt.timedelta(days=shift + 6)
            if word.startswith("earlier"):
                last = max(first, base - dt.timedelta(days=1))
            elif word.startswith("later"):
                first = base
            return DateMention(start, end, text[start:end], "week", first, last)
        if word.startswith(("earlier", "later")):  # "earlier this month": its start to now
            this_month: int | None = None
            if word.endswith("month"):
                precision, this_month = "month", base.month
                whole = (base.replace(day=1),
                         base.replace(day=calendar.monthrange(base.year, base.month)[1]))
            else:
                precision = "year"
                whole = (dt.date(base.year, 1, 1), dt.date(base.year, 12, 31))
            # "earlier this month" is before the day of writing, "later" after it
            first, last = (whole[0], max(whole[0], base - dt.timedelta(days=1))) \
                if word.startswith("earlier") else (base, whole[1])
            return DateMention(start, end, text[start:end], precision, first, last,
                               month=this_month)
        if word.endswith(("ago", "earlier")):
            return _ago(word, text[start:end], start, end, base)
        if word.endswith("year"):
            year = base.year + {"last": -1, "this": 0, "next": 1}[word.split()[0]]
            return DateMention(start, end, text[start:end], "year", dt.date(year, 1, 1),
                               dt.date(year, 12, 31))
        if word.endswith("month"):
            shift = {"last": -1, "this": 0, "next": 1}[word.split()[0]]
            year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
            month += 1
            return DateMention(start, end, text[start:end], "month", dt.date(year, month, 1),
                               dt.date(year, month, calendar.monthrange(year, month)[1]),
                               month=month)
        offset = RELATIVE_DAYS[word]
        when = base + dt.timedelta(days=offset)
        return DateMention(start, end, text[start:end], "day", when, when,
                           weekday=when.weekday(), month=when.month, day=when.day)
    return None


def _ago(word: str, said: str, start: int, end: int, base: dt.date) -> DateMention | None:
    """"two days ago" is a day, "two months ago" a month, "two years ago" a year, all
    counted back from the dateline."""
    count, unit = word.split()[:2]
    n = 1.0 if count in ("a", "an") else parse_number(count)
    if n is None:
        return None
    if unit.startswith("day"):
        when = base - dt.timedelta(days=int(n))
        return DateMention(start, end, said, "day", when, when, weekday=when.weekday(),
                           month=when.month, day=when.day)
    if unit.startswith("month"):
        year, month = divmod(base.year * 12 + base.month - 1 - int(n), 12)
        first = dt.date(year, month + 1, 1)
        last = dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
        return DateMention(start, end, said, "month", first, last, month=month + 1)
    year = base.year - int(n)
    return DateMention(start, end, said, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _weekday_and_day(m: re.Match[str], text: str, base: dt.date | None) -> DateMention | None:
    """"Friday the 15th": one day, found by the dateline."""
    weekday, day = WEEKDAYS[m.group("weekday").lower()], int(m.group("day"))
    start = m.start("rel") if m.group("rel") else m.start("weekday")
    said = text[start:m.end()]
    if base is None:
        return DateMention(start, m.end(), said, "day", weekday=weekday, day=day)
    when = weekday_and_day(base, weekday, day)
    if when is None:
        return None
    return DateMention(start, m.end(), said, "day", when, when, weekday=when.weekday(),
                       month=when.month, day=day, weekday_clash=when.weekday() != weekday)


def _month_by_dateline(m: re.Match[str], base: dt.date | None) -> DateMention | None:
    """"last June", "next June", "this June": a month, its year by the dateline."""
    month = MONTHS[m.group("month").lower().rstrip(".")]
    if base is None:
        return DateMention(m.start(), m.end(), m.group(), "month", month=month)
    year = year_of_month(base, month, m.group("rel").lower())
    return DateMention(m.start(), m.end(), m.group(), "month", dt.date(year, month, 1),
                       dt.date(year, month, calendar.monthrange(year, month)[1]), month=month)


def _day(start: int, end: int, text: str, year: int, month: int, day: int, *,
         explicit: bool) -> DateMention | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention(start, end, text[start:end], "day", date, date, weekday=date.weekday(),
                       month=month, day=day, explicit_year=explicit)


def _join_weekdays(spans: list[DateMention], text: str) -> list[DateMention]:
    """Fold "Saturday (Jan 20)" and "Saturday, January 20" into one mention; the date wins."""
    out: list[DateMention] = []
    i = 0
    while i < len(spans):
        d = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        is_weekday = d.precision == "day" and d.text.rstrip().split()[-1].lower().rstrip(
            "'’s") in WEEKDAYS or re.search(r"(?i)day(?:['’]s)?(?:\s+\w+)?$", d.text) is not None
        if nxt is not None and is_weekday and nxt.precision == "day" and d.weekday is not None \
                and (nxt.month is not None) and _JOIN.match(text[d.end:nxt.start]) \
                and not re.match(r"\d", nxt.text) and not _NAMES_A_WEEKDAY.match(nxt.text):
            end = nxt.end
            if text[end:end + 1] == ")" and "(" in text[d.end:nxt.start]:
                end += 1
            clash = nxt.weekday is not None and nxt.weekday != d.weekday
            out.append(DateMention(d.start, end, text[d.start:end], "day", nxt.first, nxt.last,
                                   weekday=nxt.weekday if nxt.first else d.weekday,
                                   month=nxt.month, day=nxt.day,
                                   explicit_year=nxt.explicit_year, weekday_clash=clash))
            i += 2
            continue
        out.append(d)
        i += 1
    return out
