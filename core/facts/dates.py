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
import dataclasses
import datetime as dt
import re
from functools import lru_cache

from .date_mention import DateMention
from .date_periods import decade, order_weekday_runs, part_of_month, part_of_year, qualifier, relative, week
from .date_words import (
    _FULL_DATES,
    _HINT,
    _JOIN,
    _NAMES_A_WEEKDAY,
    _OLD_YEAR_CUE,
    _PATTERNS,
    DAY_WORDS,
    FUTURE_AFTER,
    FUTURE_CUES,
    HOLIDAY_WEEKDAY,
    MONTHS,
    OLD_YEAR,
    WEEKDAY_NAMES,
    WEEKDAYS,
    _worth_trying,
)
from .dateline import nearest_year, weekday_and_day, weekday_date, year_of_month

# How far before a weekday a word of the future still counts: "Launch is scheduled during a
# two-and-a-half hour window Tuesday" looks ahead as surely as "is scheduled for Tuesday".
FUTURE_REACH = 80
# ...unless a verb in the past comes between ("who will retire next year, said on Tuesday").
_PAST_BETWEEN = re.compile(r"\b(?:said|told|was|were|had|did|met|went|came|held|began|left|took|"
                           r"gave|made|won|lost|fled|struck|saw|spoke|wrote|rose|fell|broke|"
                           r"\w{3,}ed)\b", re.IGNORECASE)


# A day written without its year is read in the year that puts it nearest the dateline;
# further than this from it (May 4 in a November article: last May or next?), that year is
# a guess, and a day told with its year by another outlet is not contradicted by it.
YEAR_SURE_DAYS = 90


def _looks_ahead(text: str, start: int) -> bool:
    window = text[max(0, start - FUTURE_REACH):start]
    cues = list(FUTURE_CUES.finditer(window))
    return bool(cues) and _PAST_BETWEEN.search(window, cues[-1].end()) is None

# _find_times is imported for facts.find.clear_caches, which clears its cache through here.
from .times import TimeMention, _find_times, find_times  # noqa: F401

__all__ = ["DateMention", "TimeMention", "WEEKDAYS", "WEEKDAY_NAMES", "find_dates",
           "find_times"]

# A month's name that is a person's or an event's: "April Ryan", "the March on Washington";
# still a month after "in", "since", "by" ("In March Trump said").
_MONTH_AS_NAME = re.compile(r"\s+(?:on\s+)?[A-Z][a-z]")
# A capitalised word right before a month, inside a sentence (not a weekday: "Friday March 5").
_NAME_BEFORE = re.compile(r"(?<=[^\s.!?:;\"“‘(]\s)(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
                          r"[A-Z][\w'’-]*\s+$")
_MONTH_LEAD = re.compile(r"\b(?:in|since|by|until|till|during|from|through|of|to|last|next|"
                         r"this|early|late|mid|and|or|between)\s+$", re.IGNORECASE)


def find_dates(text: str, base: dt.date | None, dayfirst: bool | None = None) -> list[DateMention]:
    """Every date in ``text``, resolved against ``base`` (the publication date) if given.

    ``dayfirst`` is the article's order for numeric dates whose order the numbers leave
    open ("03/04/2024": 3 April when True, March 4 when False or None, as in the US); see
    :func:`numeric_order`."""
    return list(_find_dates(text, base, dayfirst))


@lru_cache(maxsize=8192)
def _find_dates(text: str, base: dt.date | None, dayfirst: bool | None = None
                ) -> tuple[DateMention, ...]:
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
                mention = _mention(kind, m, text, base, dayfirst)
            except (ValueError, OverflowError):
                mention = None  # a date past 0001 or 9999: said, but no day we can name
            if mention is not None:
                spans.append(mention)
            if mention is not None or (kind in _FULL_DATES and m.groupdict().get("year")):
                # "Feb. 29, 2023" names no day, and its "2023" is no year of its own either
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    spans.sort(key=lambda d: d.start)
    return tuple(order_weekday_runs(_join_weekdays(spans, text), text, base))



# "today" meaning these days, not the day of writing.
_NOWADAYS = re.compile(r"\b(?:flying|operating|in (?:use|service|operation|existence)|available|"
                       r"out there|alive|in the world|on the market|on the planet|anywhere)\s+"
                       r"today\b|\btoday['’]s\s+(?:world|society|economy|politics|standards|"
                       r"market|youth|generation)\b", re.IGNORECASE)


def _mention(kind: str, m: re.Match[str], text: str, base: dt.date | None,
             dayfirst: bool | None = None) -> DateMention | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if m.group().lower().startswith("today") and _NOWADAYS.search(text, max(0, start - 30), end + 12):
        return None  # "the most powerful rocket flying today", "today's world": these days
    if kind == "weekday_day":
        return _weekday_and_day(m, text, base)
    if kind in ("relmonth", "month_rel_year"):
        return _month_by_dateline(m, base)
    if kind in ("weekday_week", "week_weekday"):
        weekday = WEEKDAYS[g["weekday"].lower()]
        if base is None:
            return DateMention(start, end, m.group(), "day", weekday=weekday)
        monday = week(base, {"last": -1, "this": 0, "next": 1}[g["rel"].lower()])[0]
        return _day(start, end, text, *_ymd(monday + dt.timedelta(days=weekday)), explicit=False)
    if kind in ("numeric", "ymd_numeric"):
        a, b = int(g["a"]), int(g["b"])
        # dots and a first number past 12 put the day first, a second past 12 the month;
        # else the article's order, by default the month first, as in the US
        first_is_day = a > 12 or g["sep"] == "." or (b <= 12 and bool(dayfirst))
        day, month = (a, b) if kind == "ymd_numeric" or first_is_day else (b, a)
        return _day(start, end, text, int(g["year"]), month, day, explicit=True)
    if kind in ("iso", "ymd", "mdy", "dmy"):
        month = int(g["month"]) if kind == "iso" else MONTHS[g["month"].lower().rstrip(".")]
        day = DAY_WORDS[g["dayword"].lower()] if g.get("dayword") else int(g["day"])
        if not 1 <= day <= 31:
            return None
        if g.get("year"):
            year = int(g["year"])
            return _day(start, end, text, year, month, day, explicit=True)
        if base is None:
            return DateMention(start, end, text[start:end], "day", month=month, day=day)
        year = nearest_year(base, month, day)
        found = _day(start, end, text, year, month, day, explicit=False)
        if found is not None and found.first is not None and \
                abs((found.first - base).days) > YEAR_SURE_DAYS:
            found = dataclasses.replace(found, year_guessed=True)
        return found
    if kind in ("my", "ym"):
        return _month(kind, m, text, base)
    if kind == "decade":
        return decade(m)
    if kind == "year":
        year = int(g["year"])
        qual = qualifier(g.get("qual"))
        if base is not None and year > base.year + 10:
            return None
        if year < OLD_YEAR and not qual and not _OLD_YEAR_CUE.search(
                text, max(0, start - 8), start):
            return None
        if re.match(r"\s*(?:people|percent|%|km|kilometres|miles|[a-z]+s\b)", text[end:end + 12]) \
                and not re.search(r"\b(?:in|since|of|by|from|until|to|early|late|mid)\s*[-]?$",
                                  text[max(0, start - 7):start]):
            return None  # "2020 people" is a count
        first, last = part_of_year(year, qual) if qual else (dt.date(year, 1, 1),
                                                             dt.date(year, 12, 31))
        return DateMention(start, end, text[start:end], "year", first, last, explicit_year=True)
    if kind == "weekday":
        weekday = WEEKDAYS[g["weekday"].lower()]
        rel = re.sub(r"^this\s+past$", "past", (g.get("rel") or "").lower())
        start = m.start("rel") if rel else m.start("weekday")
        if not g["weekday"][0].isupper() or HOLIDAY_WEEKDAY.search(text, max(0, start - 16), start):
            return None  # "Black Friday", "Good Friday": a day of its own
        if base is None:
            return DateMention(start, end, text[start:end], "day", weekday=weekday)
        future = rel in ("next", "coming", "this") or not rel and (
            _looks_ahead(text, start)
            or FUTURE_AFTER.match(text, end) is not None)
        when = weekday_date(base, weekday, rel, future)
        return DateMention(start, end, text[start:end], "day", when, when, weekday=weekday,
                           month=when.month, day=when.day)
    if kind == "relative":
        if base is None:
            return None
        return relative(g["word"], start, end, text[start:end], base, text)
    return None


# Numeric dates in an article: the numbers tell the order when one of them passes 12.
_NUMERIC = re.compile(r"(?<![\d.,/-])\b([0-3]?\d)[/-]([0-3]?\d)[/-](?:1\d\d\d|20\d\d)\b")
# Countries whose news writes the day first (03/04/2024 is 3 April), by the page's domain.
_DAY_FIRST_TLDS = frozenset("uk au nz ie in za sg pk ng ke gh my fr de es it nl be pt ch at se no "
                            "dk fi pl br ar ru tr eg ae qa sa il gr cz hu ro".split())
_DAY_FIRST_SITES = ("bbc.com", "theguardian.com", "aljazeera.com", "france24.com", "dw.com",
                    "euronews.com", "thehindu.com", "hindustantimes.com", "scmp.com",
                    "straitstimes.com", "arabnews.com", "thenationalnews.com")


def numeric_order(text: str, url: str | None) -> bool | None:
    """Whether an article writes numeric dates day first: what its own unambiguous ones
    say ("15/02/2024" somewhere in it), else its domain's country; None when neither tells
    (read month first)."""
    day_first = month_first = False
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day_first |= a > 12 >= b
        month_first |= b > 12 >= a
    if day_first != month_first:
        return day_first
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0].split(":")[0]
    if host.rsplit(".", 1)[-1] in _DAY_FIRST_TLDS or host.endswith(_DAY_FIRST_SITES):
        return True
    return None


def _month(kind: str, m: re.Match[str], text: str, base: dt.date | None) -> DateMention | None:
    """"December", "December 2023", "2023 December", "mid-April": a month, or part of one."""
    g = m.groupdict()
    start, end = m.start(), m.end()
    word = g["month"].rstrip(".")
    qual = qualifier(g.get("qual"))
    if not g.get("year") and not qual:
        if word == "May":
            return None  # "may" the verb, capitalised at a sentence start
        if len(word) <= 4 and word.lower() not in ("june", "july"):
            return None  # "Mar", "Sept" alone are too often something else
        lead = _MONTH_LEAD.search(text, max(0, start - 12), start)
        if _MONTH_AS_NAME.match(text, end) and not lead:
            return None  # "April Ryan asked", "the March on Washington"
        if not lead and _NAME_BEFORE.search(text, max(0, start - 30), start):
            return None  # "a Long March 4C rocket", "the Women's March drew": part of a name
    month = MONTHS[word.lower()]
    if g.get("year"):
        year = int(g["year"])
    elif base is not None:
        year = nearest_year(base, month, 15)
    else:
        return DateMention(start, end, text[start:end], "month", month=month)
    first, last = part_of_month(year, month, qual) if qual else (
        dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
    return DateMention(start, end, text[start:end], "month", first, last, month=month,
                       explicit_year=bool(g.get("year")))


def _ymd(d: dt.date) -> tuple[int, int, int]:
    return d.year, d.month, d.day


def _weekday_and_day(m: re.Match[str], text: str, base: dt.date | None) -> DateMention | None:
    """"Friday the 15th": one day, found by the dateline."""
    weekday = WEEKDAYS[m.group("weekday").lower()]
    day = DAY_WORDS[m.group("dayword").lower()] if m.group("dayword") else int(m.group("day"))
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
    rel = re.sub(r"^this\s+past$", "past", m.group("rel").lower())
    if m.re.pattern.endswith(r"year\b"):  # "June next year": that year's month
        year = base.year + {"last": -1, "this": 0, "next": 1}[rel]
    else:
        year = year_of_month(base, month, rel)
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
                and (not re.match(r"\d", nxt.text) or re.search(r"[A-Za-z]{3}", nxt.text)) \
                and not _NAMES_A_WEEKDAY.match(nxt.text):
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
