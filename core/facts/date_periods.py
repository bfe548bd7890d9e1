"""Periods named by the dateline: "this week", "the weekend", "three weeks ago", "earlier this
month", "late 2025", "mid-April", "the 1990s", and the days of a list of weekdays.

Each takes the dateline (or a year and month) and gives the first and last day the words can
mean, both inclusive. A week is a calendar week, Monday to Sunday (as Recognizers-Text reads
"this week"); the early and late parts of a month or year are its halves (the spec's reading
of "late this month", "early next year"), its middle the days around the 15th or May to
August, so that "mid-November" and "Nov. 18" never conflict.

    >>> import datetime as dt
    >>> week(dt.date(2024, 3, 13), 0)        # "this week" on a Wednesday
    (datetime.date(2024, 3, 11), datetime.date(2024, 3, 17))
    >>> part_of_month(2024, 4, "mid")
    (datetime.date(2024, 4, 11), datetime.date(2024, 4, 20))
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .date_mention import DateMention
from .date_words import FUTURE_AFTER, FUTURE_CUES, RELATIVE_DAYS, WEEKDAYS
from .dateline import weekday_date
from .numwords import parse_number

ONE_DAY = dt.timedelta(days=1)
# "Wednesday, Thursday and Friday", "from Monday to Thursday": days in the order written.
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|to|through|until|till|-|–)\s+)$")
_BARE_WEEKDAY = re.compile(r"^[A-Z][a-z]+(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?$")


def week(base: dt.date, shift: int) -> tuple[dt.date, dt.date]:
    """The calendar week ``shift`` weeks from the dateline's: Monday to Sunday."""
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=7 * shift)
    return monday, monday + dt.timedelta(days=6)


def weekend(base: dt.date, rel: str, future: bool) -> tuple[dt.date, dt.date]:
    """"this weekend" is the week's Saturday and Sunday, "last weekend" the one before and
    "next weekend" the one after; "the weekend" the latest up to the dateline, or the
    coming one when the sentence looks ahead."""
    saturday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=5)
    if rel == "last" or (rel == "the" and not future and saturday > base):
        saturday -= dt.timedelta(days=7)
    elif rel == "next":
        saturday += dt.timedelta(days=7)
    return saturday, saturday + ONE_DAY


def part_of_month(year: int, month: int, qual: str) -> tuple[dt.date, dt.date]:
    """"early March" is its first half, "late March" (or its end) the second, "mid-March"
    the 11th to the 20th."""
    last = calendar.monthrange(year, month)[1]
    if qual in ("early", "beginning", "start"):
        return dt.date(year, month, 1), dt.date(year, month, 15)
    if qual in ("mid", "middle"):
        return dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 16), dt.date(year, month, last)


def part_of_year(year: int, qual: str) -> tuple[dt.date, dt.date]:
    """"early 2023" is January to June, "late 2023" July to December, "mid-2023" May to
    August."""
    if qual in ("early", "beginning", "start"):
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if qual in ("mid", "middle"):
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)


def part_of_week(monday: dt.date, qual: str) -> tuple[dt.date, dt.date]:
    """"early next week" is Monday to Wednesday, "late last week" Thursday to Sunday."""
    if qual == "early":
        return monday, monday + dt.timedelta(days=2)
    if qual == "mid":
        return monday + ONE_DAY, monday + dt.timedelta(days=3)
    return monday + dt.timedelta(days=3), monday + dt.timedelta(days=6)


def qualifier(words: str | None) -> str:
    """"early", "mid", "late", "end", "beginning", ... from "early-", "the end of "."""
    if not words:
        return ""
    word = re.sub(r"^the\s+", "", words.strip(" -").lower()).split()[0]
    return "late" if word == "end" else word


def month_shift(base: dt.date, shift: int) -> tuple[int, int]:
    year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
    return year, month + 1


def relative(word: str, start: int, end: int, said: str, base: dt.date,
             text: str) -> DateMention | None:
    """A day, week, month or year named by the dateline alone."""
    word = re.sub(r"\s+", " ", word.lower())
    qual = ""
    part = re.match(r"(?:the )?(early|mid|late|end|beginning|start|middle)(?: of |[- ])", word)
    if part:  # "late last month", "early next year", "the end of the month"
        qual, word = qualifier(part.group(1)), word[part.end():]
    word = re.sub(r"^(?:this past|the) (week|month|year)$",
                  lambda w: ("last " if word.startswith("this") else "this ") + w.group(1), word)
    if word.endswith("weekend"):
        future = FUTURE_CUES.search(text[max(0, start - 40):start]) is not None
        rel = "last" if word.startswith("this past") else word.split()[0]
        first, last = weekend(base, rel, future)
        return DateMention(start, end, said, "week", first, last)
    if word.endswith("coming week"):
        first, last = week(base, 1)
        return DateMention(start, end, said, "week", first, last)
    if word.startswith(("earlier", "later")):
        return _earlier_or_later(word, start, end, said, base)
    if word.endswith("ago"):
        return ago(word, said, start, end, base)
    if word.split()[-1] in ("year", "month", "week"):
        shift = {"last": -1, "this": 0, "next": 1}[word.split()[0]]
        unit = word.split()[-1]
        if unit == "week":
            first, last = week(base, shift)
            if qual:
                first, last = part_of_week(first, qual)
            return DateMention(start, end, said, "week", first, last)
        if unit == "year":
            year = base.year + shift
            first, last = part_of_year(year, qual) if qual else (dt.date(year, 1, 1),
                                                                 dt.date(year, 12, 31))
            return DateMention(start, end, said, "year", first, last)
        year, month = month_shift(base, shift)
        first, last = part_of_month(year, month, qual) if qual else (
            dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
        return DateMention(start, end, said, "month", first, last, month=month)
    if word.startswith("this "):  # "this morning": the day of writing
        word = "today"
    when = base + dt.timedelta(days=RELATIVE_DAYS[word])
    return DateMention(start, end, said, "day", when, when, weekday=when.weekday(),
                       month=when.month, day=when.day)


def _earlier_or_later(word: str, start: int, end: int, said: str,
                      base: dt.date) -> DateMention:
    """"earlier this month" is its start to the day before the dateline, "later this
    year" the dateline to its end; "earlier in the week" as "earlier this week"."""
    unit = word.split()[-1]
    month: int | None = None
    if unit == "week":
        precision, whole = "week", week(base, 0)
    elif unit == "month":
        precision, month = "month", base.month
        whole = (base.replace(day=1),
                 base.replace(day=calendar.monthrange(base.year, base.month)[1]))
    else:
        precision, whole = "year", (dt.date(base.year, 1, 1), dt.date(base.year, 12, 31))
    first, last = (whole[0], max(whole[0], base - ONE_DAY)) if word.startswith("earlier") \
        else (base, whole[1])
    return DateMention(start, end, said, precision, first, last, month=month)


def ago(word: str, said: str, start: int, end: int, base: dt.date) -> DateMention | None:
    """"two days ago" is a day, "three weeks ago" that calendar week, "two months ago" a
    month, "two years ago" a year, all counted back from the dateline."""
    count, unit = word.split()[:2]
    n = 1.0 if count in ("a", "an") else parse_number(count)
    if n is None:
        return None
    if unit.startswith("day"):
        when = base - dt.timedelta(days=int(n))
        return DateMention(start, end, said, "day", when, when, weekday=when.weekday(),
                           month=when.month, day=when.day)
    if unit.startswith("week"):
        first, last = week(base, -int(n))
        return DateMention(start, end, said, "week", first, last)
    if unit.startswith("month"):
        year, month = month_shift(base, -int(n))
        return DateMention(start, end, said, "month", dt.date(year, month, 1),
                           dt.date(year, month, calendar.monthrange(year, month)[1]),
                           month=month)
    year = base.year - int(n)
    return DateMention(start, end, said, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def decade(m: re.Match[str]) -> DateMention:
    """"the 1990s": 1990 to 1999; "the early 1990s" its first four years, "the late
    1990s" its last three. "The 1800s" is a century, and its parts are decades."""
    first_year = int(m.group("decade"))
    size = 100 if first_year % 100 == 0 and first_year < 2000 else 10
    span = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(qualifier(m.group("qual")), (0, 9))
    unit = size // 10
    return DateMention(m.start(), m.end(), m.group(), "decade",
                       dt.date(first_year + span[0] * unit, 1, 1),
                       dt.date(first_year + (span[1] + 1) * unit - 1, 12, 31))


def order_weekday_runs(spans: list[DateMention], text: str, base: dt.date | None
                       ) -> list[DateMention]:
    """Bare weekdays written one after another ("Wednesday, Thursday and Friday", "from
    Monday to Thursday") are days in that order, within one week: counted back from the
    last when the sentence tells the past, on from the first when it looks ahead."""
    if base is None:
        return spans
    out = list(spans)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _bare_weekday(out[j + 1], text) and _bare_weekday(out[j], text) \
                and _LIST_GAP.match(text[out[j].end:out[j + 1].start]):
            j += 1
        # a run of distinct days, within one week; a longer list is no calendar
        if j > i and len({d.weekday for d in out[i:j + 1]}) == j - i + 1:
            future = FUTURE_CUES.search(text[max(0, out[i].start - 40):out[i].start]) is not None \
                or FUTURE_AFTER.match(text, out[j].end) is not None
            if future:  # the run starts on the first such day from the dateline on
                first = out[i]
                assert first.weekday is not None
                when = weekday_date(base, first.weekday, "", True)
                out[i] = DateMention(first.start, first.end, first.text, "day", when, when,
                                     weekday=first.weekday, month=when.month, day=when.day)
            order = range(i + 1, j + 1) if future else range(j - 1, i - 1, -1)
            for k in order:
                anchor = out[k - 1] if future else out[k + 1]
                out[k] = _next_to(out[k], anchor, future)
        i = j + 1
    return out


def _bare_weekday(d: DateMention, text: str) -> bool:
    word = d.text.split()[0].lower().rstrip("'’s") if d.text else ""
    return d.precision == "day" and d.first is not None and word in WEEKDAYS \
        and _BARE_WEEKDAY.match(d.text) is not None


def _next_to(d: DateMention, anchor: DateMention, after: bool) -> DateMention:
    """``d``'s weekday, the first after ``anchor`` (or the last before it)."""
    assert d.weekday is not None and anchor.first is not None
    if after:
        when = anchor.first + dt.timedelta(days=(d.weekday - anchor.first.weekday() - 1) % 7 + 1)
    else:
        when = anchor.first - dt.timedelta(days=(anchor.first.weekday() - d.weekday - 1) % 7 + 1)
    return DateMention(d.start, d.end, d.text, "day", when, when, weekday=d.weekday,
                       month=when.month, day=when.day)
