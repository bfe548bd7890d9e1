"""The words and patterns of dates in English news: month and weekday names, the regular
expressions :mod:`dates` runs, and the cheap tests that rule a pattern out before it runs."""

from __future__ import annotations

import re

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
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Years as written, 1000 to 2100 ("June 1815", "5 December 1391"): never bent to this century.
_YEAR = r"(?P<year>1\d\d\d|20\d\d|2100)"
_YEAR_AFTER = rf"(?:\s*,?\s+|\s+of\s+){_YEAR}\b"  # "May 5, 2020", "5 May of 2020"
_WEEKDAY = (r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?:['’]s)?")
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# "two days ago", "a month ago", "18 months earlier", "twenty-five years ago"
_AGO_COUNT = r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
             r"(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"

_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>1\d\d\d|20\d\d|2100)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("ymd", re.compile(rf"\b{_YEAR}[-/]{_MONTH}[-/](?P<day>[0-3]?\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}(?:\s+|[-/]){_DAY}\b(?:{_YEAR_AFTER})?")),
    ("dmy", re.compile(rf"\b{_DAY}\.?(?:\s+|-)(?:of\s+)?{_MONTH}(?:{_YEAR_AFTER})?")),
    ("weekday_day", re.compile(rf"\b(?P<rel>last|this|next|past|coming)?\s*{_WEEKDAY},?\s+the\s+"
                               rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b")),
    ("relmonth", re.compile(rf"\b(?P<rel>last|next|this|past|coming)\s+{_MONTH}(?!\s*\d)")),
    ("my", re.compile(rf"\b(?P<qual>(?:early|mid|late)[- ])?{_MONTH}(?:{_YEAR_AFTER})?")),
    ("weekday", re.compile(rf"\b(?P<rel>last|this|next|past|coming)?\s*{_WEEKDAY}{_PART}\b",
                           re.IGNORECASE)),
    ("relative", re.compile(r"\b(?P<word>the\s+day\s+before\s+yesterday|"
                            r"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|"
                            r"last\s+night|"
                            r"(?:last|this|next)\s+(?:year|month|week)|"
                            r"(?:earlier|later)\s+this\s+(?:year|month|week)|"
                            rf"(?:{_AGO_COUNT})\s+(?:days?|months?|years?)\s+(?:ago|earlier))\b",
                            re.IGNORECASE)),
    ("year", re.compile(rf"\b(?P<qual>(?:early|mid|late)[- ])?{_YEAR}\b(?![,.]?\d)")),
]
# A cheap test run first: most sentences hold no date, and the patterns above are costly.
_HINT = re.compile(r"\d|day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tonight|"
                   r"tomorrow|last|this|next|ago\b|earlier)", re.IGNORECASE)
# A standalone year before 1900 needs a word that makes it one ("in 1815", "since 1066"):
# "1500 troops" and "about 1200" are counts.
_OLD_YEAR_CUE = re.compile(r"\b(?:in|since|of|by|from|until|to|year|early|late|mid|circa|c\.)"
                           r"\s*-?\s*$", re.IGNORECASE)
OLD_YEAR = 1900
# "Saturday (Jan 20)", "Saturday, January 20": a weekday and its date are one mention;
# "Wednesday, Thursday and Friday" are three days.
_JOIN = re.compile(r"^\s*(?:\(|,|-)?\s*$")
_NAMES_A_WEEKDAY = re.compile(r"(?:(?:last|this|next|past|coming)\s+)?(?:Monday|Tuesday|Wednesday|"
                              r"Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*(?:[A-Z][a-z]+\.?\s+)?\d)",
                              re.IGNORECASE)


_FULL_DATES = ("iso", "ymd", "mdy", "dmy")
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")
_WEEKDAY_NAMES_LOWER = tuple(w.lower() for w in WEEKDAY_NAMES)
_RELATIVE_WORDS = ("today", "yesterday", "tomorrow", "tonight", "night", "year", "month", "week",
                   "day")
# Offsets in days of the words that name a day by the dateline.
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}
_FOUR_DIGITS = re.compile(r"\d{4}")


def _worth_trying(kind: str, text: str, low: str) -> bool:
    """Substring tests that rule a pattern out far faster than running it."""
    if kind == "iso" or kind == "year":
        return _FOUR_DIGITS.search(text) is not None
    if kind in ("ymd", "mdy", "dmy", "my", "relmonth"):
        return any(m in text for m in _MONTH_STEMS)
    if kind == "weekday_day":
        return " the " in text and any(w in low for w in _WEEKDAY_NAMES_LOWER)
    if kind == "weekday":
        return any(w in low for w in _WEEKDAY_NAMES_LOWER)
    return any(w in low for w in _RELATIVE_WORDS)
