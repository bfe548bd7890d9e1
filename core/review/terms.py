"""The terms of an article that tell events apart: content words, names and numbers.

:func:`features` turns text into counted (kind, value) terms; the grouping in
:mod:`storydiff.core.review.stories` weighs them. Header lines, bylines and page
chrome are left out first (:func:`reported_text`): "Source: Example Herald"
says nothing about which event an article reports.

    >>> sorted(features("Floods hit Valdoria on Sunday; 14 died."))  # doctest: +NORMALIZE_WHITESPACE
    [('name', 'valdoria'), ('number', '14'), ('word', 'died'), ('word', 'flood'), ('word', 'hit'),
     ('word', 'valdoria')]
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter

from ..model import Article, BlockKind

# Month names and abbreviations as news writes them; "Sept" is AP style.
MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
          "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
          "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
          "nov": 11, "december": 12, "dec": 12}

# Words too common in news to say anything about which event it is: English function
# words plus reporting verbs and newsroom fillers. Short on purpose: tf-idf over the
# batch handles the rest; this list matters for small batches, where it cannot.
STOPWORDS = frozenset("""
a about above after again against ago all almost along already also although among an and
another any are around as at away back be became because been before being below between
both but by can could did do does doing done down during each early either else even ever
every few for from further get gets got had has have having he her here hers him his how
however i if in including into is it its itself just last late later least less like made
make many may me might more most much must my near nearly never new next no nor not now of
off on once one only or other others our out over own per put rather said same say saying
says see seen several she should since so some still such than that the their theirs them
then there these they this those though three through thus to today told too two under
until up upon us very via was way we were what when where whether which while who whom whose
why will with within without would year years yet you your monday tuesday wednesday thursday
friday saturday sunday according added reported report reports reporting statement told
week weeks day days time times people percent mr mrs ms dr news
""".split())

# A word, a number ("1,200", "3.5"), and a run of capitalised words (a name).
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?")
_NAME = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’-]*[\w]|[A-Z])"
    r"(?:[ \t]+(?:(?:of|the|de|al|el|bin|van|von|da|du|la|le)[ \t]+)?(?:[A-Z][\w'’-]*\w))*"
)
_SENTENCE_ENDS = frozenset('\n.!?:;"“”')
# A day of a month in either order: "January 20", "Jan. 20th", "20 January".
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b)",
    re.IGNORECASE,
)


def features(text: str, spelling: dict[str, str] | None = None) -> Counter[tuple[str, str]]:
    """The (kind, value) features of a text, with counts: "word", "name", "number" or "date".

    Names are folded to lower case; dates are month-day ("01-20"), however
    written; ``spelling``, when given, collects each
    name's first spelling as written ("Al-Asad"), for showing. Public so tests
    and the benchmark can see what the clusterer sees.
    """
    counts: Counter[tuple[str, str]] = Counter()
    text = _DOTTED.sub(_undot, text)
    for match in _WORD.finditer(text):
        word = _stem(match.group().lower().replace("’", "'"))
        if len(word) > 2 and word not in STOPWORDS:
            counts[("word", word)] += 1
    for match in _NUMBER.finditer(text):
        if len(match.group()) < 2 and not _counts_something(text, match.start(), match.end()):
            continue  # a lone digit not counting anything is a list item or a time
        value = match.group().replace(",", "")
        if value.count(".") == 1:
            value = value.rstrip("0").rstrip(".")
        counts[("number", value)] += 1
    for match in _DATE.finditer(text):
        month = MONTHS[(match.group(1) or match.group(4)).lower()]
        day = int(match.group(2) or match.group(3))
        if 1 <= day <= 31:
            counts[("date", f"{month:02d}-{day:02d}")] += 1
    headlines = [(m.start(), m.end()) for m in _LINE.finditer(text) if _title_case(m.group())]
    for match in _NAME.finditer(text):
        if headlines:
            at = bisect.bisect_right(headlines, (match.start(), math.inf)) - 1
            if at >= 0 and match.start() < headlines[at][1]:
                continue  # a Title-Case headline is not one long name; its names recur below
        name = match.group()
        words = name.split()
        if len(words) == 1:
            if name.lower() in STOPWORDS or name.lower() in MONTHS or len(name) < 2:
                continue
            if _at_sentence_start(text, match.start()) and not _looks_like_name(name):
                continue  # "Officials said…": capitalised only because a sentence starts
        elif words[0].lower() in STOPWORDS:
            words = words[1:]  # "The Pentagon" → "Pentagon"
        shown = " ".join(words)
        value = shown.lower().replace("’", "'").removesuffix("'s")  # "NATO's" is NATO
        if value and value not in STOPWORDS:
            counts[("name", value)] += 1
            if spelling is not None and value not in spelling:
                spelling[value] = shown
    return counts


# An acronym written with dots, as some style books want ("F.B.I.", "R.N.C.", "U.S."): read
# as the same name as "FBI". The last dot stays, as it may end a sentence.
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")


def _undot(match: re.Match[str]) -> str:
    return match.group().replace(".", "") + "."


_LINE = re.compile(r"[^\n]+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")


def _title_case(line: str) -> bool:
    """A headline in Title Case: most of its words of four letters or more are capitalised."""
    if len(line) > 160 or line.rstrip().endswith((".", '"', "”")):
        return False  # a sentence, not a headline
    words = _LONG_WORD.findall(line)
    if len(words) < 4:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


def _counts_something(text: str, start: int, end: int) -> bool:
    """A single digit that counts or costs something: "$5 billion", "1 worker", "3%"."""
    before = text[start - 1] if start > 0 else ""
    after = text[end:end + 2]
    if before in "$£€¥":
        return True
    return after[:1] == "%" or (after[:1] == " " and after[1:2].isalpha())


def reported_text(article: Article) -> str:
    """The words an article reports: its headline and body, without header lines,
    bylines and page chrome ("Source: …", "Subscribe to our newsletter")."""
    if not article.blocks:
        return article.text
    parts = [article.title] if article.title else []
    for block in article.blocks:
        if block.kind not in (BlockKind.META, BlockKind.BOILERPLATE):
            parts.append(article.text[block.start:block.end])
    return "\n".join(parts)


def _at_sentence_start(text: str, offset: int) -> bool:
    i = offset - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _looks_like_name(word: str) -> bool:
    """At a sentence start, keep acronyms and inner capitals ("NATO", "McCarthy", "Al-Asad")."""
    return word.isupper() or any(c.isupper() for c in word[1:])


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude plural fold (missiles → missile, attacks → attack): enough for matching."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
