"""Quantities in news text: counts, money and percentages, as intervals.

A reporter's number is rarely a point. "At least 11" is [11, ∞), "over 24"
is (24, ∞), "roughly 2,500" is a band around 2,500, "up to 8" is [0, 8],
"several" is a vague [2, ∞), and "1.2 million" is only as exact as its
digits (1.15 to 1.25 million). Two reports conflict on a number only when
their intervals cannot both be true, so "at least a dozen" fits "17" and
"over 24" alike, while "17" and "over 24" cannot both hold.

    >>> for q in find_quantities("At least 11 soldiers and some 900 civilians were hurt."):
    ...     print(q.text, q.interval.as_value())
    At least 11 soldiers {'low': 11, 'high': None}
    some 900 civilians {'low': 810, 'high': 990, 'about': 900}

Each :class:`Quantity` also carries what it counts: the head noun phrase
after the number ("ballistic missiles and rockets"), which :mod:`facts` uses
to decide which numbers in different articles are about the same thing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..words import stem
from .intervals import (
    ABOUT,
    AT_LEAST,
    AT_MOST,
    EXACT,
    FEWER_THAN,
    MORE_THAN,
    OR_LESS,
    OR_MORE,
    Interval,
    interval_for,
)
from .numwords import AMOUNT, ANCHOR_WORDS, SCALES, TENS, UNITS, parse_number, precision
from .phrases import PHRASE_STOP, VERB_STOP, WEEKDAYS_AND_MONTHS, counted_phrase

__all__ = ["CACHE_SIZE", "Interval", "PHRASE_STOP", "Quantity", "VERB_STOP",
           "WEEKDAYS_AND_MONTHS", "find_quantities", "parse_number"]

# Sentences whose extraction is remembered (a few MB at most): repeated wire copy is free.
CACHE_SIZE = 8192

# --- word lists (one place; chosen from wire copy: AP, Reuters, AFP, UPI style) ---

# Vague amounts as (low, high); high None means "no upper bound". Generous on purpose:
# a vague word should only clash with a figure far outside what writers use it for.
VAGUE = {
    "a couple of": (2, 3), "a few": (2, 9), "a handful of": (2, 9), "several": (2, None),
    "a number of": (2, None), "multiple": (2, None), "numerous": (2, None),
    "dozens of": (20, None), "dozens": (20, None), "scores of": (40, None),
    "hundreds of": (200, None), "hundreds": (200, None), "thousands of": (2_000, None),
    "thousands": (2_000, None), "tens of thousands of": (20_000, None),
    "hundreds of thousands of": (200_000, None), "millions of": (2_000_000, None),
}


CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                    "C$": "CAD", "A$": "AUD", "HK$": "HKD", "R$": "BRL", "₩": "KRW",
                    # ISO codes written before the figure, as business copy does ("NOK 3.50")
                    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF",
                    "NOK": "NOK", "SEK": "SEK", "DKK": "DKK", "CZK": "CZK", "PLN": "PLN",
                    "INR": "INR", "CNY": "CNY", "RUB": "RUB", "ZAR": "ZAR", "BRL": "BRL",
                    "RS": "INR", "RS.": "INR"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                  "pounds": "GBP", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
                  "rupees": "INR", "rupee": "INR", "francs": "CHF", "rubles": "RUB",
                  "roubles": "RUB", "usd": "USD", "eur": "EUR", "gbp": "GBP",
                  # Nordic and Czech crowns go by their own name or the English one; the
                  # country is needed to tell them apart, else "crowns" is taken as written.
                  "kroner": "NOK", "krone": "NOK", "norwegian crowns": "NOK",
                  "norwegian kroner": "NOK", "nok": "NOK", "kronor": "SEK", "krona": "SEK",
                  "swedish crowns": "SEK", "swedish kronor": "SEK", "sek": "SEK",
                  "danish crowns": "DKK", "danish kroner": "DKK", "dkk": "DKK",
                  "czech crowns": "CZK", "koruna": "CZK", "korunas": "CZK", "zlotys": "PLN",
                  "zloty": "PLN", "crowns": "crowns", "rupiah": "IDR", "ringgit": "MYR",
                  "pesos": "peso", "won": "KRW", "lira": "TRY", "rand": "ZAR", "reais": "BRL",
                  "yuan renminbi": "CNY", "renminbi": "CNY", "swiss francs": "CHF",
                  "chf": "CHF", "jpy": "JPY", "inr": "INR"}
PERCENT_WORDS = ("per cent", "percent", "%", "percentage points", "percentage point", "pct")


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


_QUALIFIER = _alternation([*AT_LEAST, *MORE_THAN, *AT_MOST, *FEWER_THAN, *ABOUT, *EXACT])
_CURRENCY_SYMBOL = _alternation(list(CURRENCY_SYMBOLS))
_QUANTITY = re.compile(
    rf"(?<![\w$€£¥₹₩.,-])"
    rf"(?:(?P<between>between)\s+|(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:(?P<cur>{_CURRENCY_SYMBOL})\s?)?"
    rf"(?P<num>{AMOUNT})"
    rf"(?:\s*(?P<range>(?:-|–|to\b|(?(between)and\b|(?!)))\s*(?:{_CURRENCY_SYMBOL})?\s?"
    rf"(?P<num2>{AMOUNT})))?"
    rf"(?P<plus>\+|-plus)?"
    rf"(?:\s+(?P<orbound>{_alternation([*OR_MORE, *OR_LESS])})\b)?"
    rf"(?:\s*(?P<pct>{_alternation(list(PERCENT_WORDS))}))?"
    rf"(?:\s+(?P<curword>{_alternation(list(CURRENCY_WORDS))})\b)?"
    r"(?![\w-]*\d)",
    re.IGNORECASE,
)
_SPACED = re.compile(r"\S+")
# A capitalised word right before a bare figure, inside a sentence: a model or a mission's
# name ("Falcon 9 launches", "Apollo 11", "a Boeing 737", "Windows 10"), not a count of it.
# Months, weekdays and titles before a figure are other things ("March 3", "Category 4"), and
# a place after a preposition is a place ("in Texas 40 people died"), and a plural is a side
# in a tally ("Democrats 234, Republicans 201").
_DESIGNATION = re.compile(r"(?:^|[\s(])([A-Za-z'’]+[,;:]?) [A-Z][A-Za-z'’]*[a-z][A-Za-z'’]* $")
_PREPOSITIONS = frozenset("in at of to on by from near for into across outside inside".split())
_DESIGNATION_STOP = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|Category|Level|Grade|Magnitude|Stage|Phase|Round|Game|"
    r"Week|Day|Year|Number|No|Page|Article|Section|Chapter|Room|Gate|Terminal|Platform|"
    r"Highway|Route|Interstate|Flight|Ward|District|Precinct|Region|Zone)\s$")
# Figures that measure rather than count: "a magnitude 6.1 quake", "a 7.8-magnitude quake",
# "aged 34", "a Category 4 hurricane". Their key is the measure's name.
MEASURES = "magnitude|aged|age|category|level|grade"
_MEASURE_AFTER = re.compile(r"[-\s](?P<measure>magnitude)\b", re.IGNORECASE)
_MEASURE_BEFORE = re.compile(rf"\b(?P<measure>{MEASURES})(?: of)?\s+$", re.IGNORECASE)
# Units of length, by their size in kilometres: "10 km", "18km", "6 miles" are compared in km
# (and speeds in km/h). Only units news writes out; "m" is left out (it is "million").
LENGTH_UNITS = {"km": 1.0, "kms": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0,
                "kilometers": 1.0, "mile": 1.609344, "miles": 1.609344, "mi": 1.609344,
                "metre": 0.001, "metres": 0.001, "meter": 0.001, "meters": 0.001,
                "feet": 0.0003048, "ft": 0.0003048, "foot": 0.0003048}
_LENGTH = re.compile(r"[ \t]?(?P<unit>" + "|".join(sorted(LENGTH_UNITS, key=len, reverse=True))
                     + r")\b(?P<speed>[ \t]*(?:per|an|a)[ \t]+hour\b|/h\b|ph\b)?",
                     re.IGNORECASE)
_TERM_ADJECTIVE = re.compile(r"-(year|month|week|day)(?:\s+(?:prison|jail))?\s+"
                             r"(?:term|sentence)\b", re.IGNORECASE)
_SEATS_ADJECTIVE = re.compile(
    r"-seat\b|-member(?=\s+(?:\w+\s+)?(?:parliament|assembly|council|senate|house|chamber|"
    r"legislature|congress|board|committee|cabinet|bench|court|panel|caucus)\b)", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d+")
QUALIFIER_WORDS = 3  # the longest qualifier ("in excess of", "no fewer than") has three words
_VAGUE_HINTS = ("several", "number", "multiple", "numerous", "dozens", "hundreds", "thousands",
                "millions", "few", "handful", "couple", "scores")
_VAGUE = re.compile(rf"\b(?P<vague>{_alternation(list(VAGUE))})\b", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# "a 38-year-old", "a 19-ton truck", "the 48-page indictment", "a 10-day trip": a measure of
# the noun after it, in the unit before it. Not a unit: "one-way", "two-thirds", "a 3-time
# champion", "one-on-one".
_ADJECTIVE = re.compile(r"-(?P<unit>[A-Za-z]+)(?P<old>-old)?\b(?!-)")
NOT_UNITS = frozenset("""
way time times fold odd off on in up out plus third thirds half quarter quarters sided
for and or to of a the nil all point year-long fourth fifth sixth seventh eighth ninth tenth
fourths fifths sixths eighths tenths hundredth thousandth
""".split())
_NOBODY = re.compile(r"\b(?:no(?: |-)one|nobody)\b(?!\s+(?:of|else|but|except|knows|can|could))",
                     re.IGNORECASE)
# "which one", "the one", "no one", "that one": a pronoun, not a count of one.
_ONE_PRONOUN = re.compile(r"\b(?:the|this|that|which|each|every|any|no|another|what|a|"
                          r"whichever|the only|little)\s+$", re.IGNORECASE)



@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, what it counts, and the interval it allows.

    ``start``/``end`` span the qualifier, the number and the counted phrase
    ("At least 11 US service members"); ``head`` is the counted phrase's
    words, stemmed ("us", "service", "member"), and ``heads`` the last word of
    each conjunct ("missile", "rocket" for "ballistic missiles and rockets").
    """

    start: int
    end: int
    text: str
    kind: str  # "count" | "money" | "percent" | "measure"
    interval: Interval
    number_end: int  # where the figure (with qualifier) ends and the counted phrase begins
    head: tuple[str, ...] = ()
    heads: frozenset[str] = frozenset()
    currency: str | None = None
    modifies: str = ""  # the noun an adjective figure measures: "indictment" in "48-page indictment"



def find_quantities(text: str) -> list[Quantity]:
    """Every count, sum of money and percentage in ``text``, in order.

    Years ("2020"), clock times, ordinals, parts of hyphenated adjectives
    ("a 10-year-old", "one-way") and numbers glued to units ("122mm") are not
    quantities and are skipped.
    """
    return list(_find_quantities(text))


@lru_cache(maxsize=CACHE_SIZE)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    """Cached by sentence: syndicated copy repeats sentences word for word across outlets."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for start, anchor in _candidates(text):
        if (taken and start < taken[-1][1]) or (found and anchor < found[-1].number_end):
            continue
        m = _QUANTITY.match(text, start)
        if m is None or m.end() <= anchor:
            continue
        q = _from_match(text, m)
        if q is not None:
            found.append(q)
            taken.append((q.start, q.number_end))
    lowered = text.lower()
    vague_matches = _VAGUE.finditer(text) if any(h in lowered for h in _VAGUE_HINTS) else ()
    for m in vague_matches:
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        low, high = VAGUE[re.sub(r"\s+", " ", m.group("vague").lower())]
        head, heads, end = counted_phrase(text, m.end())
        if not head and m.group("vague").lower() in ("several", "multiple", "numerous"):
            continue  # "several" on its own is rarely a count worth comparing
        interval = Interval(low, high, vague=True)
        found.append(Quantity(m.start(), end, text[m.start():end], "count", interval,
                              m.end(), head, heads))
    for m in _NOBODY.finditer(text) if ("no" in lowered and "one" in lowered) or \
            "nobody" in lowered else ():
        # "no one was injured": zero people, which a report of "two injured" contradicts
        found.append(Quantity(m.start(), m.end(), m.group(), "count", Interval(0, 0), m.end()))
    found.sort(key=lambda q: q.start)
    return tuple(found)


def _candidates(text: str) -> list[tuple[int, int]]:
    """(where a match may start, where its figure is) for each figure-like word.

    The big pattern is tried only at the word holding a digit or number word
    and at the few words before it (where a qualifier or currency would be):
    scanning every position of every sentence costs ten times more.
    """
    found = [m.start() for m in _DIGIT_RUN.finditer(text)]
    low = text.lower()
    for word in ANCHOR_WORDS:  # str.find per word beats a regex alternation tenfold
        at = low.find(word)
        while at != -1:
            after = at + len(word)
            if (at == 0 or not low[at - 1].isalpha()) and (after == len(low)
                                                           or not low[after].isalpha()):
                found.append(at)
            at = low.find(word, after)
    if not found:
        return []
    starts = [m.start() for m in _SPACED.finditer(text)]
    anchors = {bisect_right(starts, at) - 1 for at in found}
    out = []
    for n in sorted(anchors):
        for back in range(min(n, QUALIFIER_WORDS), -1, -1):
            out.append((starts[n - back], starts[n]))
    return out


def _from_match(text: str, m: re.Match[str]) -> Quantity | None:
    num = m.group("num")
    start, end = m.start(), m.end()
    after = text[end:end + 3]
    before = text[max(0, start - 12):start]
    measure = _MEASURE_AFTER.match(text, end) or _MEASURE_BEFORE.search(
        text, max(0, start - 14), start)
    if measure is not None and not (m.group("cur") or m.group("pct") or m.group("qual")):
        value = parse_number(num)
        if value is None:
            return None
        word = measure.group("measure").lower()
        if measure.start() < start:
            start = measure.start()
        else:
            end = measure.end()
        return Quantity(start, end, text[start:end], "measure", Interval(value, value), end,
                        (word,), frozenset({word}))
    length = _LENGTH.match(text, end) if not (m.group("cur") or m.group("pct")) else None
    if length is not None and not m.group("range"):
        return _length(text, m, length)
    term = _TERM_ADJECTIVE.match(text, end)
    if term is not None and not (m.group("cur") or m.group("pct")):
        value = parse_number(num)  # "a 20-year sentence": a duration, for claims to judge
        if value is None:
            return None
        unit = term.group(1).lower()
        return Quantity(start, term.end(), text[start:term.end()], "count",
                        Interval(value, value), end, (unit,), frozenset({unit}))
    seats = _SEATS_ADJECTIVE.match(text, end)
    if seats is not None and not (m.group("cur") or m.group("pct")):
        value = parse_number(num)  # "the 101-seat parliament": a count of seats all the same
        if value is None:
            return None
        return Quantity(start, seats.end(), text[start:seats.end()], "count",
                        Interval(value, value), end, ("seat",), frozenset({"seat"}))
    if re.match(r"-[A-Za-z]", after) and not m.group("plus"):
        return _adjective(text, m)  # "a 38-year-old", "a 19-ton truck"; "one-way" is none
    if re.match(r"(?:st|nd|rd|th)\b|:\d|\.\d|/\d|°|[a-z]", after, re.IGNORECASE) and not m.group("pct"):
        return None  # ordinals, times, fractions, units glued on ("122mm")
    named = _DESIGNATION.search(text[max(0, start - 40):start])
    if named and named.group(1).lower() not in _PREPOSITIONS and num[:1].isdigit() \
            and not before.rstrip().endswith("s") and not (
            m.group("cur") or m.group("pct") or m.group("qual") or m.group("range")) \
            and not _DESIGNATION_STOP.search(before):
        return None  # a name with a number: "Falcon 9", "Apollo 11", "Boeing 737", "Ariane 5"
    if re.search(r"(?:\d[:/.]|[:/])$", before):
        return None
    if _YEAR.match(num) and not (m.group("cur") or m.group("pct") or m.group("qual")):
        return None
    if re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$",
                 before, re.IGNORECASE) and re.fullmatch(r"\d{1,2}", num):
        return None  # the day in "January 20"
    value = parse_number(num)
    if value is None:
        return None
    if num.lower() == "one" and not m.group("range") and re.match(
            r"\s+(?:of|another|day|by|hand|side|way|you|is|was|that|who|can|cannot|could|would|"
            r"should|must|might|may|will)\b", text[end:end + 9]):
        return None  # "one of the", "one day", "one you like", "the best telescope one can
        # imagine": not a count of one
    # "which one", "that one": a pronoun, unless a noun follows ("heard that one man …")
    pronoun = num.lower() == "one" and not m.group("range") and \
        _ONE_PRONOUN.search(text, max(0, start - 12), start) is not None
    qual = m.group("qual") or ""
    plus = bool(m.group("plus"))
    if m.group("orbound"):  # "50 or more", "200 or fewer"
        bound = re.sub(r"\s+", " ", m.group("orbound").lower())
        plus, qual = (True, qual) if bound in OR_MORE else (False, bound)
    currency = None
    if m.group("cur"):
        currency = CURRENCY_SYMBOLS.get(m.group("cur").upper(), CURRENCY_SYMBOLS.get(m.group("cur")))
    elif m.group("curword"):
        currency = CURRENCY_WORDS[m.group("curword").lower()]
        if m.group("curword").lower().startswith("pound") and not _scale_of(num) and \
                _WEIGHT_CUE.search(text, max(0, start - WEIGHT_REACH), end + WEIGHT_REACH):
            return None  # "can haul up to 62,540 pounds (28,370 kilograms)": a weight
    kind = "money" if currency else "percent" if m.group("pct") else "count"
    if not qual and "dozen" in num.lower():
        qual = "about"  # "a dozen rockets" is a round word, as loose as "about 12"
    interval = interval_for(qual, value, precision(num), plus)
    if m.group("range") and m.group("num2"):
        second = parse_number(m.group("num2"))
        scale = _scale_of(m.group("num2"))
        if second is not None and scale and not _scale_of(num) and value * scale <= second:
            value *= scale  # "5 to 10 million": the scale is said once, for both
        if second is not None and second > value:
            interval = Interval(value, second)
    number_end = end
    head: tuple[str, ...] = ()
    heads: frozenset[str] = frozenset()
    if kind == "money":
        converted = _CONVERTED.match(text, number_end)
        if converted:  # "a $200,000 (£151,000) sports car": the car comes after the conversion
            number_end = converted.end()
    if kind != "percent":
        head, heads, end = counted_phrase(text, number_end)
    if kind == "count" and (value < 1 or pronoun) and not head:
        return None
    return Quantity(start, end, text[start:end], kind, interval, number_end, head, heads, currency)


# A sum converted in brackets, as British and Asian outlets write dollars: "(£151,000)",
# "(about €1.2bn)", "(US$5.1 million)".
_CONVERTED = re.compile(r"\s*\((?:about |around |roughly |some |nearly )?(?:[A-Z]{0,3}[£€$¥₹]|"
                        r"Rs\.? ?)[\d.,]+\s*(?:m|bn|k|million|billion|trillion)?\)")


# "Pounds" is money or a weight; near these words, and with no "million" to it, a weight.
_WEIGHT_CUE = re.compile(r"\b(?:weigh\w*|lift\w*|haul\w*|payload|kilo(?:gram)?s?|kg|lbs?|"
                         r"tons?|tonnes?|heav(?:y|ier|iest)|carr(?:y|ies|ied|ying)|pounds? of "
                         r"(?:payload|cargo|food|meat|cocaine|marijuana|drugs|explosives?)|"
                         r"obes\w*|diet\w*)\b", re.IGNORECASE)
WEIGHT_REACH = 60


def _scale_of(number: str) -> float:
    """The scale word a figure ends with ("10 million": a million), else 0."""
    last = re.split(r"[\s\d.,]+", number.strip().lower())[-1]
    return float(SCALES.get(last, 0)) if last != "hundred" else 0.0


def _adjective(text: str, m: re.Match[str]) -> Quantity | None:
    """A figure made an adjective: "a 38-year-old (man)", "the 48-page indictment".

    It is a measure of the noun it modifies, in its unit: ``head`` is the unit ("age" for
    "-year-old"), ``modifies`` the noun's stem ("indictment"; "" when the adjective stands
    alone, as in "the 38-year-old was charged")."""
    adjective = _ADJECTIVE.match(text, m.end())
    if adjective is None or m.group("cur") or m.group("pct") or m.group("range"):
        return None
    unit = adjective.group("unit").lower()
    if unit in NOT_UNITS or unit in UNITS or unit in TENS:
        return None
    value = parse_number(m.group("num"))
    if value is None:
        return None
    unit = "age" if adjective.group("old") else stem(unit)
    number_end = adjective.end()
    head, heads, end = counted_phrase(text, number_end)
    noun = head[-1] if head else ""
    interval = interval_for(m.group("qual") or "", value, 0.0, False)
    return Quantity(m.start(), max(end, number_end), text[m.start():max(end, number_end)],
                    "measure", interval, number_end, (unit,), frozenset({unit}), None, noun)


def _length(text: str, m: re.Match[str], unit: re.Match[str]) -> Quantity | None:
    """A distance or speed ("a depth of 10 km", "16km south", "75 miles per hour"), in km
    or km/h. Its figure is as precise as its last digit: writers round distances, and a
    conversion ("10 miles", 16.09 km) must fit the figure it converts ("16 km")."""
    value = parse_number(m.group("num"))
    if value is None:
        return None
    factor = LENGTH_UNITS[unit.group("unit").lower()]
    digits = m.group("num").split(".")
    half = 0.5 * 10 ** -len(digits[1]) if len(digits) == 2 and digits[1].isdigit() else 0.5
    qual = m.group("qual") or ""
    base = interval_for(qual, value, half if not qual else 0.0, bool(m.group("plus")))
    if not qual:
        base = Interval(value - half, value + half, high_open=True, approx=value)
    interval = Interval(
        base.low * factor, None if base.high is None else base.high * factor,
        base.low_open, base.high_open,
        None if base.approx is None else base.approx * factor, base.vague)
    word = "speed" if unit.group("speed") else "length"
    end = unit.end()
    return Quantity(m.start(), end, text[m.start():end], "measure", interval, end, (word,),
                    frozenset({word}), "km/h" if unit.group("speed") else "km")
