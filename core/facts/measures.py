"""Measures with a key of their own: prison terms (in years, with who asked for them) and
lengths (what a distance measures: a depth, the distance south of a place)."""

from __future__ import annotations

import re

from ..model import Article, Mention, Passage
from ..words import stem
from .numbers import Interval, Quantity
from .quantity_claim import QuantityClaim
from .counted import fold

# Prison terms: durations are compared in years when the sentence is about a sentence.
YEARS_PER = {"year": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365}
_PRISON = re.compile(r"\b(?:prison|jail|jailed|sentenc\w*|imprison\w*|behind bars|custody|"
                     r"term)\b", re.IGNORECASE)
_SOUGHT = re.compile(r"\b(?:sought|seeking|seeks?|asked for|asking for|requested|demanded|"
                     r"wanted|recommended|called for)\b", re.IGNORECASE)
_ACTOR = re.compile(r"\b(?:prosecut\w*|state|defen[cs]e|lawyers?|attorneys?|counsel)\b",
                    re.IGNORECASE)
_MONTH = re.compile(r"\b(?:in|since|last)\s+(January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)\b")
# What a length is of, named before it: "at a depth of 10 km", "a range of 300 miles".
_LENGTH_NAME = re.compile(r"\b(depth|altitude|height|elevation|length|width|range|radius|"
                          r"distance|diameter)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
                          r"roughly\s+|up\s+to\s+|more\s+than\s+|at\s+least\s+)?$", re.IGNORECASE)
# A distance gone: "flew 770 km", "travelled some 2,300 miles".
_TRAVELLED = re.compile(r"\b(?:flew|flown|flying|travell?ed|travell?ing|covered|sailed|drove|driven|"
                        r"walked|hiked|marched|swam)\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
                        r"roughly\s+|up\s+to\s+|more\s+than\s+|at\s+least\s+|over\s+|almost\s+)?$",
                        re.IGNORECASE)
# "16 km (10 miles) south of the town of Mamuju": a bearing from a named place.
_BEARING = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?((?:north|south)-?(?:east|west)?|east|west)"
                      r"\s+of\s+(?:the\s+(?:[a-z]+\s+){1,2}of\s+|the\s+)?([A-Z][\w'’-]+)")
# The few lower-case words (auxiliaries, a role verb) between a count and its place.


def prison_term(article: Article, passage: Passage, q: Quantity, scope: str | None,
                 group: int | None) -> QuantityClaim | None:
    """A prison term, in years: "sentenced to 12 years", "144 months in prison", "a 20-year
    term" sought by prosecutors. Who asked for it is part of its key (the prosecution's
    20 years is not the defence's five), as is a month other than the article's ("she was
    jailed in September"): that is someone else's earlier sentence."""
    text = passage.text
    unit = next(iter(q.heads))
    if unit not in YEARS_PER or not _PRISON.search(text):
        return None
    before = text[max(0, q.start - 60):q.start]
    asked = list(_SOUGHT.finditer(before))
    role = "sentenced"
    if asked:
        actors = list(_ACTOR.finditer(before[:asked[-1].end()]))
        who = actors[-1].group().lower() if actors else ""
        role = "sought by prosecution" if who.startswith("prosecut") or who == "state" else (
            "sought by defence" if who else "sought")
    base = article.section_date(passage.start)
    month = _MONTH.search(text)
    if month and base is not None and month.group(1)[:3].lower() != base.strftime("%b").lower():
        scope = f"{scope or ''} in {month.group(1).lower()}"
    interval, value = _in_years(q.interval, unit)
    label = f"prison term — {role}"
    mention = Mention("measure", passage.article, passage.index, passage.start + q.start,
                      passage.start + q.end, q.text, value, label)
    return QuantityClaim(mention, "measure", interval, "prison term", role, frozenset(), None,
                         scope, "years", group, label, q.text)


def _in_years(iv: Interval, unit: str) -> tuple[Interval, dict[str, object]]:
    """A span given in ``unit`` (year, month, week, day) as years, and its JSON value."""
    factor = YEARS_PER[unit]
    interval = Interval(iv.low * factor, None if iv.high is None else iv.high * factor,
                        iv.low_open, iv.high_open,
                        None if iv.approx is None else iv.approx * factor, iv.vague)
    value = interval.as_value()
    value["unit"] = "years"
    return interval, value


# Time gone by before something happened: "after 15 years", "15 years after the film was
# shot", "has taken her 15 years to get". (Not "for 71 years" or "the first time in 108
# years": how long a state held, and a story tells of many such.)
_AFTER_BEFORE = re.compile(r"\bafter\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|"
                           r"some\s+|over\s+)?$", re.IGNORECASE)
_AFTER_AFTER = re.compile(r"\s+(?:after|later|to\s+[a-z]+)\b")


def time_elapsed(passage: Passage, q: Quantity, scope: str | None,
                 group: int | None) -> QuantityClaim | None:
    """How long something took, in years ("after 15 years", "15 years after the movie was
    shot"). Matched only inside an aligned group (no key of its own): a story holds many
    spans of time, and only passages that say the same thing give the same one."""
    text = passage.text
    unit = next(iter(q.heads))
    if unit not in YEARS_PER or q.interval.vague:
        return None
    if not (_AFTER_BEFORE.search(text, max(0, q.start - 16), q.start)
            or _AFTER_AFTER.match(text, q.end)):
        return None
    interval, value = _in_years(q.interval, unit)
    label = "time elapsed"
    mention = Mention("count", passage.article, passage.index, passage.start + q.start,
                      passage.start + q.end, q.text, value, label)
    return QuantityClaim(mention, "count", interval, "time elapsed", None, frozenset(), None,
                         scope, "years", group, label, q.text)


def length_what(text: str, q: Quantity) -> tuple[str, str | None]:
    """What a length measures: "a depth of 10 km" (depth), "16 km south of Mamuju" (the
    distance south of a place, with the place), a speed; "" when the sentence does not say."""
    if q.currency == "km/h":
        return "speed", None
    named = _LENGTH_NAME.search(text, max(0, q.start - 40), q.start)
    if named:
        return stem(named.group(1).lower()), None
    bearing = _BEARING.match(text, q.end)
    if bearing:
        return bearing.group(1).lower().replace("-", "") + " of", fold(bearing.group(2))
    if _TRAVELLED.search(text, max(0, q.start - 40), q.start):
        return "distance", None  # "the missile flew 770 km": how far it went
    return "", None
