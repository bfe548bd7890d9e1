"""What one line of an article looks like: a header field, a full date, a byline, a
dateline (with its news agency), page chrome or a timestamp. The patterns and tests
:func:`blocks.read_layout` runs on each line."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

# Header fields a plain-text article may start with ("title: …", "date 2024-01-21").
_HEADER = re.compile(
    r"^[ \t]*(title|headline|source|outlet|publisher|date|published|url|link|author|by)"
    r"[ \t]*(?::|(?=[ \t]+\d{4}-\d\d-\d\d))[ \t]*",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
# One full date in the shapes news uses: 2024-01-21, January 21, 2024, 21 Jan 2024, 1/21/2024.
DATE_RE = re.compile(
    rf"(?:{_WEEKDAYS}\s+)?(?:"
    rf"\d{{4}}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}/\d\d?/\d\d?|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}"
    rf")",
    re.IGNORECASE,
)
# A byline: "By Jane Doe", "By bne IntelliNews January 21, 2024", "Written by AiBot".
_BYLINE = re.compile(r"^(?:written\s+|reported\s+)?by\s+\S", re.IGNORECASE)
# News agencies and broadcasters that sign datelines: "(Reuters)", "(AFP)", "(CNN)". A bracketed
# abbreviation that is not one of them ("The Red Cross (ICRC) said …") is a name, not a dateline.
WIRES = (
    "AP", "AFP", "UPI", "Reuters", "CNN", "Xinhua", "IANS", "PTI", "ANI", "dpa", "DPA", "Bloomberg",
    "TASS", "EFE", "ANSA", "Kyodo", "Yonhap", "Anadolu", "AA", "Sputnik", "RIA", "KUNA", "WAM", "SPA",
    "IRNA", "Bernama", "Antara", "CNA", "Interfax", "Ukrinform", "PAP", "Lusa", "AAP", "CP", "KCNA",
    "BBC", "NTB", "TT", "ANP", "Belga", "APA", "MENA", "Notimex", "Prensa Latina", "Reuters Health",
)
_WIRE = "|".join(sorted(map(re.escape, WIRES), key=len, reverse=True))
# After a dateline's agency comes the end of the line, a dash, a comma or a date; after a name in
# brackets comes a verb ("said", "reported").
_AFTER_DATELINE = rf"(?=\s*(?:$|[-—–:]|,|\d|{_MONTHS}\s+\d))"
# A dateline line: "Washington DC (UPI) Jan 23, 2024 -", "BAGHDAD (Reuters) -", "(CNN)".
_DATELINE = re.compile(
    rf"^(?:[A-Z][\w .,'’-]{{1,40}})?\((?P<agency>{_WIRE})\){_AFTER_DATELINE}"
    rf"|^(?P<place>[A-Z][A-Z .,'’-]{{1,40}})\((?P<other>[A-Z]{{2,6}})\){_AFTER_DATELINE}",
    re.UNICODE,
)

# A dateline at the start of the lede: "ANKARA (Reuters) - A quake…", "BAGHDAD, Jan 21
# (Reuters) — …", "WASHINGTON — …". Kept as metadata, the rest of the line is prose.
_DATELINE_PREFIX = re.compile(
    rf"^\((?P<wire>{_WIRE})\)\s*(?:[-—–]+\s*)?(?=\S)"  # "(CNN) — …", "(CNN)The …"
    r"|^(?P<place>[A-Z][A-Za-z .'’-]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z .'’-]{1,30}?))??"
    r"(?:,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\.?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z. ]{1,15})\)|/(?P<slashed>[A-Z][A-Za-z]{1,10})/\.?)?"
    r"\s*(?:[-—–]+\s+|(?<=/\.)\s*|(?<=/)\s+)(?=\S)"
)

# Lines that are page chrome, not reporting. Chosen from what scrapers leave behind on
# news sites: newsletter and share prompts, comment widgets, "related" link lists.
_BOILERPLATE_LINE = re.compile(
    r"^(?:subscribe\b.*newsletter|sign up\b.*newsletter|.*\bnewsletters?\s*\|?$|"
    r"share (?:this|on)\b.*|share$|tweet$|dismiss$|advertisement$|"
    r"what'?s your reaction\??|\d+\s+comments?|comments?$|write the first comment.*|"
    r"leave a (?:comment|reply).*|original news source|\(with agency inputs\)|"
    r"click here to .*|read more:?.*|follow us on .*|"
    r"https?://\S+|news$|related post$|image:.*|photo:.*|copyright .*|©.*)$",
    re.IGNORECASE,
)
# A line after which the rest of the file is link lists and widgets.
_TAIL_MARKER = re.compile(
    r"^(?:related (?:links|posts?|articles|stories|news|coverage)|more from\b.*|"
    r"you may also like|recommended(?: for you)?|most read|trending now)\s*:?$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪‣]|\d{1,2}[.)])\s+\S")
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’)\]」』）]*\s*$")

# A heading is short: chosen from news subheads, which run 2-14 words.
HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 120  # for scripts without spaces between words
SHORT_LINE_MAX = 160  # longer lines are prose: never chrome, a dateline or a timestamp


def _wire(name: str | None) -> str | None:
    """``name`` when it is a news agency's ("Reuters", "AP"), else None."""
    return name if name and re.fullmatch(_WIRE, name.strip()) else None


def parse_date(words: str) -> dt.date | None:
    """A calendar date from words like "Jan 23, 2024", or None when it is not one."""
    words = words.strip(" -–—,.")
    # 14.06.2026 and 05.06.2026 are day-first wherever dots separate the parts.
    dayfirst = bool(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", words))
    try:
        parsed = dateparser.parse(words, fuzzy=True, dayfirst=dayfirst,
                                  default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or parsed.year == 1900:
        return None
    return parsed.date()


# What may stand beside a date on a timestamp line: "Updated 4:37 PM EST, November 17,
# 2026", "Published Tue, Nov 17 2026 3:58 PM EST", "October 29, 2026 at 7:42 AM GMT+1".
_TIMESTAMP_WORDS = re.compile(
    r"\b(?:updated|published|posted|last|modified|first|created|on|at|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|ist|[A-Z]{2,4}T)\b|[+-]\d{1,2}(?::?\d\d)?|"
    r"\d{1,2}[:.]\d\d(?::\d\d)?|[|/,·•:–—-]",
    re.IGNORECASE,
)
TIMESTAMP_MAX_OTHER_WORDS = 3  # "E24 / NTB, 29.10.2026": an outlet's name may stand beside it


def _timestamp(line: str) -> re.Match[str] | None:
    """The date of a short line that is only a date, a time and a few label words."""
    if len(line.split()) > 14:
        return None
    found = DATE_RE.search(line)
    if not found:
        return None
    rest = _TIMESTAMP_WORDS.sub(" ", line[:found.start()] + " " + line[found.end():])
    return found if len(rest.split()) <= TIMESTAMP_MAX_OTHER_WORDS else None


# Punctuation that does not make two lines different ("Related Links:" is "Related Links").
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…·•"})


def _norm_line(line: str) -> str:
    return " ".join(line.translate(_PUNCTUATION).lower().split())
