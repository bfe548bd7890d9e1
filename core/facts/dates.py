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
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
            "wed": 2, "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4,
            "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Words before a weekday that point to the future: "will meet on Monday", "due Tuesday".
FUTURE_CUES = re.compile(r"\b(?:will|would|shall|is due|are due|due to|scheduled|set to|"
                         r"expected to|plans? to|going to|next|coming|upcoming)\b", re.IGNORECASE)
# How far (in days) a date without a year may sit after the dateline before we take it
# to be last year's: news reports the past, and announces the near future.
FUTURE_WINDOW_DAYS = 120

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?:['’]s)?")
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?")),
    ("my", re.compile(rf"\b(?P<qual>(?:early|mid|late)[- ])?{_MONTH}(?:,?\s+{_YEAR}\b)?")),
    ("weekday", re.compile(rf"\b(?P<rel>last|this|next|past|coming)?\s*{_WEEKDAY}{_PART}\b",
                           re.IGNORECASE)),
    ("relative", re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight|last\s+night|"
                            r"(?:last|this|next)\s+(?:year|month)|"
                            r"(?:two|three|four|five|six|\d)\s+days\s+(?:ago|earlier))\b",
                            re.IGNORECASE)),
    ("year", re.compile(rf"\b(?P<qual>(?:early|mid|late)[- ])?{_YEAR}\b(?![,.]?\d)")),
]
# A cheap test run first: most sentences hold no date, and the patterns above are costly.
_HINT = re.compile(r"\d|day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tonight|"
                   r"last|this|next)", re.IGNORECASE)
# "Saturday (Jan 20)", "Saturday, January 20": a weekday and its date are one mention.
_JOIN = re.compile(r"^\s*(?:\(|,)?\s*$")


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
    precision: str  # "day" | "month" | "year"
    first: dt.date | None = None
    last: dt.date | None = None
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    explicit_year: bool = False  # the article wrote the year itself
    weekday_clash: bool = False  # "Saturday (Jan 21)" when Jan 21 is a Sunday

    @property
    def resolved(self) -> bool:
        return self.first is not None

    def value(self) -> dict[str, object]:
        """The JSON form: ISO date at its precision, the weekday, whether it was resolved."""
        value: dict[str, object] = {"date": None, "precision": self.precision,
                                    "resolved": self.resolved}
        if self.first is not None:
            value["date"] = {"day": self.first.isoformat(), "month": self.first.isoformat()[:7],
                             "year": str(self.first.year)}[self.precision]
        elif self.month and self.day:
            value["date"] = f"--{self.month:02d}-{self.day:02d}"
        if self.weekday is not None and self.precision == "day":
            value["weekday"] = WEEKDAY_NAMES[self.weekday]
        if self.weekday_clash:
            value["weekday_clash"] = True
        return value

    def conflicts_with(self, other: DateMention) -> bool:
        """Whether the two cannot name the same day (or overlapping periods)."""
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


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A clock time as written ("6:30 p.m. (Baghdad time)"), in minutes after midnight."""

    start: int
    end: int
    text: str
    minutes: int
    zone: str | None = None
    approx: bool = False

    def value(self) -> dict[str, object]:
        value: dict[str, object] = {"time": f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"}
        if self.zone:
            value["zone"] = self.zone
        if self.approx:
            value["approx"] = True
        return value


def find_dates(text: str, base: dt.date | None) -> list[DateMention]:
    """Every date in ``text``, resolved against ``base`` (the publication date) if given."""
    return list(_find_dates(text, base))


@lru_cache(maxsize=8192)
def _find_dates(text: str, base: dt.date | None) -> tuple[DateMention, ...]:
    spans: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if not _HINT.search(text):
        return ()
    low = text.lower()
    for kind, pattern in _PATTERNS:
        if not _worth_trying(kind, text, low):
            continue
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            mention = _mention(kind, m, text, base)
            if mention is not None:
                spans.append(mention)
                taken.append((m.start(), m.end()))
    spans.sort(key=lambda d: d.start)
    return tuple(_join_weekdays(spans, text))


_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")
_WEEKDAY_NAMES_LOWER = tuple(w.lower() for w in WEEKDAY_NAMES)
_RELATIVE_WORDS = ("today", "yesterday", "tomorrow", "tonight", "night", "year", "month",
                   "days")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _worth_trying(kind: str, text: str, low: str) -> bool:
    """Substring tests that rule a pattern out far faster than running it."""
    if kind == "iso" or kind == "year":
        return _FOUR_DIGITS.search(text) is not None
    if kind in ("mdy", "dmy", "my"):
        return any(m in text for m in _MONTH_STEMS)
    if kind == "weekday":
        return any(w in low for w in _WEEKDAY_NAMES_LOWER)
    return any(w in low for w in _RELATIVE_WORDS)


def _mention(kind: str, m: re.Match[str], text: str, base: dt.date | None) -> DateMention | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if kind in ("iso", "mdy", "dmy"):
        month = int(g["month"]) if kind == "iso" else MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        if g.get("year"):
            year = int(g["year"])
            return _day(start, end, text, year, month, day, explicit=True)
        if base is None:
            return DateMention(start, end, text[start:end], "day", month=month, day=day)
        year = _nearest_year(base, month, day)
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
            year = _nearest_year(base, month, 15)
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
        future = rel in ("next", "coming") or (
            not rel and FUTURE_CUES.search(text[max(0, start - 40):start]) is not None)
        when = _weekday_date(base, weekday, rel, future)
        return DateMention(start, end, text[start:end], "day", when, when, weekday=weekday,
                           month=when.month, day=when.day)
    if kind == "relative":
        word = re.sub(r"\s+", " ", g["word"].lower())
        if base is None:
            return None
        if word in ("year", "month"):
            return None
        if "days" in word:
            n = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(word.split()[0])
            days = n if n is not None else int(word.split()[0])
            when = base - dt.timedelta(days=days)
            return DateMention(start, end, text[start:end], "day", when, when,
                               weekday=when.weekday(), month=when.month, day=when.day)
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
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}[word]
        when = base + dt.timedelta(days=offset)
        return DateMention(start, end, text[start:end], "day", when, when,
                           weekday=when.weekday(), month=when.month, day=when.day)
    return None


def _day(start: int, end: int, text: str, year: int, month: int, day: int, *,
         explicit: bool) -> DateMention | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention(start, end, text[start:end], "day", date, date, weekday=date.weekday(),
                       month=month, day=day, explicit_year=explicit)


def _nearest_year(base: dt.date, month: int, day: int) -> int:
    """The year that puts month/day nearest the dateline, leaning to the past."""
    best_year, best_gap = base.year, None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidate = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
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


def _weekday_date(base: dt.date, weekday: int, rel: str, future: bool) -> dt.date:
    if future:
        ahead = (weekday - base.weekday()) % 7
        if ahead == 0 and rel in ("next", "coming"):
            ahead = 7
        return base + dt.timedelta(days=ahead)
    back = (base.weekday() - weekday) % 7
    if back == 0 and rel in ("last", "past"):
        back = 7
    return base - dt.timedelta(days=back)


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
                and not re.match(r"\d", nxt.text):
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


_TIME = re.compile(
    r"(?P<approx>\b(?:approximately|about|around|roughly|shortly after|shortly before|just after|"
    r"just before)\s+)?"
    r"(?:\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!\s*(?:a\.m|p\.m|am\b|pm\b))"
    r"|\b(?P<word>noon|midnight)\b)"
    r"(?P<zone>\s*(?:\((?:[A-Z][\w ]{0,20} )?time\)|\([A-Z]{2,4}\)|(?:local|[A-Z][a-z]+) time\b"
    r"|GMT\b|UTC\b|ET\b|EST\b|EDT\b|BST\b|CET\b|PT\b))?",
)


_TIME_HINT = re.compile(r"\d|noon|midnight", re.IGNORECASE)


def find_times(text: str) -> list[TimeMention]:
    """Clock times ("6:30 p.m.", "18:30 GMT", "noon"), with their time zone when given."""
    return list(_find_times(text))


@lru_cache(maxsize=8192)
def _find_times(text: str) -> tuple[TimeMention, ...]:
    out: list[TimeMention] = []
    if not _TIME_HINT.search(text):
        return ()
    for m in _TIME.finditer(text):
        if m.group("word"):
            minutes = 12 * 60 if m.group("word") == "noon" else 0
        elif m.group("h24") is not None:
            minutes = int(m.group("h24")) * 60 + int(m.group("m24"))
        else:
            hour = int(m.group("h")) % 12
            if m.group("ampm").lower().startswith("p"):
                hour += 12
            minutes = hour * 60 + int(m.group("m") or 0)
        zone = (m.group("zone") or "").strip(" ()") or None
        start = m.start("approx") if m.group("approx") else m.start()
        out.append(TimeMention(start, m.end(), text[start:m.end()].rstrip(), minutes, zone,
                               bool(m.group("approx"))))
    return tuple(out)
