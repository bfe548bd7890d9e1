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
            "wed": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
            "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Words before a weekday that point to the future: "will meet on Monday", "due Tuesday".
FUTURE_CUES = re.compile(r"\b(?:will|would|shall|is due|are due|due to|scheduled|set to|set for|"
                         r"slated|expects?|expected to|plans? to|hopes? to|aims? to|intends? to|"
                         r"going to|next|coming|upcoming)\b", re.IGNORECASE)
# A month's full name takes a stop only before its day ("October. 2"): "in June." ends a sentence.
_MONTH = (r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)(?:\.(?=\s*\d))?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|"
          r"Dec)\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Days of the month in words, as in "Friday the fifteenth", "May the eleventh".
DAY_WORDS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
DAY_WORDS.update({w: n for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split(), 1)})
DAY_WORDS.update({"thirtieth": 30, "thirty": 30, "thirty-first": 31, "thirty first": 31})
DAY_WORDS.update({f"twenty{sep}{w}": 20 + n for sep in ("-", " ") for w, n in list(DAY_WORDS.items())
                  if n < 10 and " " not in w and "-" not in w})
_DAY_WORD = "(?P<dayword>" + "|".join(sorted(map(re.escape, DAY_WORDS), key=len, reverse=True)) + ")"
# A day in words is one only where no noun follows it: "Friday the second round" is not the 2nd.
_DAY_WORD_END = r"\b(?!\s+[a-z])"
# Years as written, 1000 to 2100 ("June 1815", "5 December 1391"): never bent to this century.
_YEAR = r"(?P<year>1\d\d\d|20\d\d|2100)"
# "May 5, 2020", "5 May of 2020" (no two quantifiers over one run of spaces: linear to fail)
_YEAR_AFTER = rf"(?:\s*,\s+|\s+(?:of\s+)?){_YEAR}\b"
# A weekday in full, or shortened after "on" or before its date ("on Tues.", "Wed, 22 of Jan").
_WEEKDAY = (r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"(?<=\bon )(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?=\.|\b)|"
            r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?=\.?,?\s+(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))"
            r"(?:['’]s)?")
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# "two days ago", "a month ago", "three weeks ago", "twenty-five years ago"
_AGO_COUNT = r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
             r"(?:twenty|thirty|forty|fifty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
# "early March", "mid-April", "late 2025", "the end of March": part of a month or year.
_QUAL = r"(?P<qual>(?:early|mid|late)[- ]|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)"
# Words right after a day that point to the future: "Thursday will see rain".
FUTURE_AFTER = re.compile(r"\s+(?:will|is expected|are expected|is set|are set|is due|are due)\b")
# Weekdays whose name is a holiday's or an event's, not a day by the dateline: "Black Friday".
HOLIDAY_WEEKDAY = re.compile(r"\b(?:Black|Good|Cyber|Ash|Palm|Easter|Holy|Maundy|Bloody|Super|"
                             r"Mothering|Giving|Small Business|Shrove|Whit|Low)\s+$")

_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>1\d\d\d|20\d\d|2100)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    # 03/01/2024, 15/02/2024, 12.03.2024, 2015/08/12: numbers with a year of four digits
    ("numeric", re.compile(r"(?<![\d.,/-])\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
                           rf"{_YEAR}\b(?![/.-]\d)")),
    ("ymd_numeric", re.compile(rf"(?<![\d.,/-])\b{_YEAR}(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)"
                               r"(?P<a>[0-3]?\d)\b(?![/.-]\d)")),
    ("ymd", re.compile(rf"\b{_YEAR}[-/]{_MONTH}[-/](?P<day>[0-3]?\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}(?:\s+|[-/]|,\s*(?=\d+(?:st|nd|rd|th)))(?:{_DAY}\b|the\s+"
                       rf"{_DAY_WORD}{_DAY_WORD_END})(?:{_YEAR_AFTER})?")),
    ("dmy", re.compile(rf"(?<![\d.,])\b{_DAY}\.?(?:\s+|-)(?:of\s+)?{_MONTH}(?:{_YEAR_AFTER})?")),
    ("weekday_day", re.compile(rf"\b(?P<rel>last|this|next|past|coming)?\s*{_WEEKDAY},?\s+the\s+"
                               rf"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b|{_DAY_WORD}{_DAY_WORD_END})")),
    # "Friday next week", "Friday of last week", "next week on Friday"
    ("weekday_week", re.compile(rf"\b{_WEEKDAY}\s+(?:of\s+)?(?P<rel>next|last|this)\s+week\b")),
    ("week_weekday", re.compile(rf"\b(?P<rel>next|last|this)\s+week\s+on\s+{_WEEKDAY}\b")),
    ("relmonth", re.compile(rf"\b(?P<rel>last|next|this\s+past|this|past|coming)\s+{_MONTH}(?!\s*\d)")),
    ("month_rel_year", re.compile(rf"\b{_MONTH}\s+(?P<rel>last|next|this)\s+year\b")),
    # "2016 November", "2016, Nov": a year, then its month ("May" after a year is too often a name)
    ("ym", re.compile(rf"\b{_YEAR}(?:\s*,\s*|\s+)(?P<month>January|February|March|April|June|July|August|"
                      r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|"
                      r"Oct|Nov|Dec)\.?(?![\w-])(?!\s*\d)")),
    ("my", re.compile(rf"\b{_QUAL}?{_MONTH}(?:{_YEAR_AFTER})?")),
    ("weekday", re.compile(rf"\b(?P<rel>last|this\s+past|this|next|past|coming)?\s*{_WEEKDAY}{_PART}\b",
                           re.IGNORECASE)),
    ("relative", re.compile(r"\b(?P<word>the\s+day\s+before\s+yesterday|"
                            r"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|"
                            r"last\s+night|this\s+(?:morning|afternoon|evening)|"
                            r"(?:(?:early|mid|late)[- ])?(?:last|this|next)\s+(?:year|month|week)|"
                            r"(?:the\s+)?coming\s+week|"
                            r"(?:earlier|later)\s+(?:this|in\s+the)\s+(?:year|month|week)|"
                            r"(?:this\s+past|this|last|next|the)\s+weekend(?!\s+(?:before|after|of)\b)|"
                            r"this\s+past\s+week|"
                            r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this|next|last)\s+"
                            r"(?:week|month|year)|"
                            rf"(?:{_AGO_COUNT})\s+(?:days?|weeks?|months?|years?)\s+ago)\b",
                            re.IGNORECASE)),
    # "the 1990s", "the late 1980s"
    ("decade", re.compile(r"\b(?:the\s+)?(?P<qual>(?:early|mid|late)[- ])?(?P<decade>1\d\d0|20\d0)"
                          r"['’]?s\b")),
    ("year", re.compile(rf"\b{_QUAL}?{_YEAR}\b(?![,.]?\d)")),
]
# A cheap test run first: most sentences hold no date, and the patterns above are costly.
_HINT = re.compile(r"\d|day|week|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tonight|"
                   r"tomorrow|last|this|next|ago\b|earlier|later|mon|tue|wed|thu|fri|sat|sun)",
                   re.IGNORECASE)
# A standalone year before 1900 needs a word that makes it one ("in 1815", "since 1066"):
# "1500 troops" and "about 1200" are counts.
_OLD_YEAR_CUE = re.compile(r"\b(?:in|since|of|by|from|until|to|year|early|late|mid|circa|c\.)"
                           r"\s*-?\s*$", re.IGNORECASE)
OLD_YEAR = 1900
# "Saturday (Jan 20)", "Saturday, January 20": a weekday and its date are one mention;
# "Wednesday, Thursday and Friday" are three days.
_JOIN = re.compile(r"^\.?\s*(?:\(|,|-)?\s*$")
_NAMES_A_WEEKDAY = re.compile(r"(?:(?:last|this|next|past|coming)\s+)?(?:Monday|Tuesday|Wednesday|"
                              r"Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*(?:[A-Z][a-z]+\.?\s+)?\d)",
                              re.IGNORECASE)


_FULL_DATES = ("iso", "numeric", "ymd_numeric", "ymd", "mdy", "dmy")
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")
_WEEKDAY_NAMES_LOWER = tuple(w.lower() for w in WEEKDAY_NAMES)
_RELATIVE_WORDS = ("today", "yesterday", "tomorrow", "tonight", "night", "year", "month", "week",
                   "day", "morning", "afternoon", "evening")
_WEEKDAY_STEMS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Offsets in days of the words that name a day by the dateline.
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}
_FOUR_DIGITS = re.compile(r"\d{4}")


def _worth_trying(kind: str, text: str, low: str) -> bool:
    """Substring tests that rule a pattern out far faster than running it."""
    if kind in ("iso", "year", "numeric", "ymd_numeric", "decade"):
        return _FOUR_DIGITS.search(text) is not None
    if kind in ("ymd", "mdy", "dmy", "my", "relmonth", "month_rel_year", "ym"):
        return any(m in text for m in _MONTH_STEMS)
    if kind == "weekday_day":
        return " the " in text and any(w in low for w in _WEEKDAY_STEMS)
    if kind in ("weekday", "weekday_week", "week_weekday"):
        return any(w in low for w in _WEEKDAY_STEMS)
    return any(w in low for w in _RELATIVE_WORDS)
