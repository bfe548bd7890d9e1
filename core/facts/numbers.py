"""Quantities in news text: counts, money and percentages, as intervals.

A reporter's number is rarely a point. "At least 11" is [11, ∞), "over 24"
is (24, ∞), "roughly 2,500" is a band around 2,500, "up to 8" is [0, 8],
"several" is a vague [2, ∞), and "1.2 million" is only as exact as its
digits (1.15 to 1.25 million). Two reports conflict on a number only when
their intervals cannot both be true, so "at least a dozen" fits "17" and
"over 24" alike, while "17" and "over 24" cannot both hold.

    >>> [(q.text, q.interval.low, q.interval.high) for q in find_quantities(
    ...     "At least 11 soldiers and some 900 civilians were hurt.")]
    [('At least 11 soldiers', 11, None), ('some 900 civilians', 810, 990)]

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

# Sentences whose extraction is remembered (a few MB at most): repeated wire copy is free.
CACHE_SIZE = 8192

# --- word lists (one place; chosen from wire copy: AP, Reuters, AFP, UPI style) ---

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000,
          "m": 1_000_000, "k": 1_000, "tn": 1_000_000_000_000}

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

# Qualifiers before a number, by the interval they make of it.
AT_LEAST = ("at least", "no fewer than", "no less than", "not less than", "a minimum of",
            "upwards of", "at a minimum")
MORE_THAN = ("more than", "over", "in excess of", "above", "exceeding", "greater than",
             "just over", "well over", "nearly over")
AT_MOST = ("at most", "up to", "no more than", "as many as", "a maximum of", "not more than",
           "as much as")
FEWER_THAN = ("fewer than", "less than", "under", "below", "just under", "nearly", "almost",
              "close to", "short of")
ABOUT = ("about", "around", "roughly", "approximately", "approx.", "some", "an estimated",
         "estimated", "nearly about", "circa", "c.", "some", "an approximate", "about")
# "about 2,500" is read as 2,500 ± this share (10%: what "roughly" covers in wire copy).
ABOUT_TOLERANCE = 0.10
# "nearly 1,000" is written of 950-odd, not of 850 ("about 850"): a tighter band below.
NEARLY_TOLERANCE = 0.05

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

# Words that end the counted noun phrase: verbs, prepositions, conjunctions, pronouns.
PHRASE_STOP = frozenset("""
a an the of in on at to for from by with without into onto over under after before during
since until and or but nor that which who whom whose where when while as than then if
was were is are be been being has have had do does did will would could should may might
must can said says say told reported according this these those its their his her our
there here also all both each every other another more most less least same such not no
per about around some nearly almost just only even still yet ago later earlier across near
along amid among against between behind beyond inside outside throughout toward towards
within upon via despite like including except last next overnight meanwhile
""".split()) - {"and", "or"}
# Common verbs that do not end in -ed, so the phrase stops before them ("40 people died").
VERB_STOP = frozenset("""
die died dies dead hurt left fell fall falls rose rise rises lost lose won win took take
fled flee stood went go goes came come comes got get gets made make makes saw see sees
hit hits struck remain remains face faces gave give told sent met ran paid pay spent sold sell bought held
hold led kept brought fought caught built became become began drew grew knew threw flew
broke chose spoke stole wrote need needs live lives remain missing alive aboard
""".split())
WEEKDAYS_AND_MONTHS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec today yesterday tomorrow tonight
""".split())

_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)\b"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = (
    rf"(?P<num>(?:{_DIGITS})(?:\s*(?:{_SCALE}))?"
    rf"|(?:(?:{_NUMBER_WORD})(?:[-\s](?:{_NUMBER_WORD}))?)(?:\s+(?:hundred|thousand|million|billion)\b)*"
    r"|a\s+dozen|dozen|a\s+hundred|a\s+thousand|a\s+million|a\s+billion|half\s+a\s+dozen)"
)


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


_QUALIFIER = _alternation([*AT_LEAST, *MORE_THAN, *AT_MOST, *FEWER_THAN, *ABOUT])
_CURRENCY_SYMBOL = _alternation(list(CURRENCY_SYMBOLS))
_QUANTITY = re.compile(
    rf"(?<![\w$€£¥₹₩.,-])"
    rf"(?:(?P<between>between)\s+|(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:(?P<cur>{_CURRENCY_SYMBOL})\s?)?"
    rf"{_AMOUNT}"
    rf"(?:\s*(?P<range>(?:-|–|to\b|(?(between)and\b|(?!)))\s*(?:{_CURRENCY_SYMBOL})?\s?(?P<num2>{_DIGITS}|{_NUMBER_WORD})))?"
    rf"(?P<plus>\+|-plus)?"
    rf"(?:\s*(?P<pct>{_alternation(list(PERCENT_WORDS))}))?"
    rf"(?:\s+(?P<curword>{_alternation(list(CURRENCY_WORDS))})\b)?"
    r"(?![\w-]*\d)",
    re.IGNORECASE,
)
_ANCHOR_WORDS = frozenset([*UNITS, *TENS, "dozen", "hundred", "thousand", "million", "billion"])
_SPACED = re.compile(r"\S+")
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
_SEATS_ADJECTIVE = re.compile(r"-(?:seat|member)\b", re.IGNORECASE)
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
_DIGIT_RUN = re.compile(r"\d+")
QUALIFIER_WORDS = 3  # the longest qualifier ("in excess of", "no fewer than") has three words
_VAGUE_HINTS = ("several", "number", "multiple", "numerous", "dozens", "hundreds", "thousands",
                "millions", "few", "handful", "couple", "scores")
_VAGUE = re.compile(rf"\b(?P<vague>{_alternation(list(VAGUE))})\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,.]*|[^\s\w]")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of possible values: [low, high], either end open, ``high`` None for ∞."""

    low: float
    high: float | None
    low_open: bool = False
    high_open: bool = False
    approx: float | None = None  # the figure a band was made around ("roughly 2,500")
    vague: bool = False  # "several", "dozens": a word, not a figure

    @property
    def exact(self) -> bool:
        return self.high is not None and self.low == self.high and not self.vague

    def overlaps(self, other: Interval) -> bool:
        """Whether both could be true at once (they share at least one value)."""
        return not (_below(self, other) or _below(other, self))

    def within(self, other: Interval) -> bool:
        """Whether every value of ``self`` is in ``other`` (``self`` is the more precise)."""
        lo_ok = self.low > other.low or (self.low == other.low and (self.low_open or not other.low_open))
        if other.high is None:
            return lo_ok
        if self.high is None:
            return False
        hi_ok = self.high < other.high or (self.high == other.high
                                           and (self.high_open or not other.high_open))
        return lo_ok and hi_ok

    def same(self, other: Interval) -> bool:
        """The same claim: equal intervals, or one figure given plain and "about"
        ("roughly 2,500" and "2,500" state one number)."""
        if (self.low, self.high, self.low_open, self.high_open) == (
                other.low, other.high, other.low_open, other.high_open):
            return True
        if _bound_at(self, other) or _bound_at(other, self):
            return True  # "$250,000" and "more than $250,000": one figure, one side hedged
        return self.figure is not None and self.figure == other.figure

    @property
    def figure(self) -> float | None:
        """The single number the claim is built on, if any: 17, or 2,500 in "about 2,500"."""
        if self.approx is not None:
            return self.approx
        return self.low if self.exact else None

    def as_value(self) -> dict[str, object]:
        """The JSON form: ``{"low": 17, "high": 17}``; extra keys only when they say something."""
        value: dict[str, object] = {"low": _plain(self.low), "high": _plain(self.high)}
        if self.low_open:
            value["low_open"] = True
        if self.high_open:
            value["high_open"] = True
        if self.approx is not None:
            value["about"] = _plain(self.approx)
        if self.vague:
            value["vague"] = True
        return value


def _below(a: Interval, b: Interval) -> bool:
    """Every value of ``a`` is below every value of ``b``.

    Intervals that only touch do not overlap, except a stated figure against a strict bound at
    that same figure: news figures are rounded, so "$250,000" and "more than $250,000" can both
    be true (compatible); "under 5" and "over 5", or the rounding bands of 4.2 and 4.3, cannot.
    """
    if a.high is None:
        return False
    if a.high < b.low:
        return True
    if a.high != b.low:
        return False
    if _point(a) and b.low_open and not _point(b):
        return False  # 250,000 beside "more than 250,000"
    if _point(b) and a.high_open and not _point(a):
        return False  # "fewer than 5" beside 5
    return a.high_open or b.low_open


def _bound_at(point: Interval, bound: Interval) -> bool:
    """``bound`` is a one-sided bound ("more than", "at least", "up to") at ``point``'s figure."""
    if not _point(point):
        return False
    lower = bound.high is None and bound.low == point.low
    upper = bound.high == point.low and bound.low <= 0 and bound.low != bound.high
    return lower or upper


def _point(x: Interval) -> bool:
    return x.high is not None and x.low == x.high and not x.low_open and not x.high_open


def _plain(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


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


def parse_number(words: str) -> float | None:
    """The value of "17", "2,500", "1.2 million", "twenty-four", "a dozen"; None otherwise."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    if not text:
        return None
    if text in ("a dozen", "dozen"):
        return 12.0
    if text == "half a dozen":
        return 6.0
    parts = text.replace("-", " ").split(" ")
    if parts[0] == "a":
        parts[0] = "one"
    total = 0.0
    current = 0.0
    seen = False
    for part in parts:
        if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", part):
            current += float(part.replace(",", ""))
            seen = True
        elif re.fullmatch(r"\d[\d,]*(?:\.\d+)?(?:bn|mn|tn|m|k)", part):
            digits = re.match(r"\d[\d,]*(?:\.\d+)?", part)
            assert digits is not None
            current += float(digits.group().replace(",", "")) * SCALES[part[digits.end():]]
            seen = True
        elif part in UNITS:
            current += UNITS[part]
            seen = True
        elif part in TENS:
            current += TENS[part]
            seen = True
        elif part in SCALES and seen:
            if SCALES[part] == 100:
                current *= 100
            else:
                total += current * SCALES[part]
                current = 0.0
        elif part == "and":
            continue
        else:
            return None
    return total + current if seen else None


def _precision(number: str) -> float:
    """Half the unit of the last written digit when a scale word follows ("1.2 million")."""
    text = number.strip().lower()
    m = re.match(r"(\d[\d,]*)(?:\.(\d+))?\s*([a-z]+)?$", text)
    if not m or not m.group(3) or m.group(3) not in SCALES:
        return 0.0
    decimals = len(m.group(2) or "")
    return SCALES[m.group(3)] * (10 ** -decimals) / 2


def _interval(qualifier: str, value: float, half_unit: float, plus: bool) -> Interval:
    q = re.sub(r"\s+", " ", qualifier.lower())
    if plus or q in AT_LEAST:
        return Interval(value, None)
    if q in MORE_THAN:
        return Interval(value, None, low_open=True)
    if q in AT_MOST:
        return Interval(0, value)
    if q in ("nearly", "almost", "close to"):
        # Closed at the figure: "nearly 100" beside a rounded "100" is no contradiction.
        return Interval(value * (1 - NEARLY_TOLERANCE), value, approx=value)
    if q in FEWER_THAN:
        return Interval(0, value, high_open=True)
    if q in ABOUT:
        spread = max(value * ABOUT_TOLERANCE, 1.0, half_unit)
        return Interval(_round(value - spread), _round(value + spread), approx=value)
    if half_unit:
        return Interval(value - half_unit, value + half_unit, high_open=True, approx=value)
    return Interval(value, value)


def _round(x: float) -> float:
    return float(round(x)) if abs(x) >= 10 else round(x, 2)


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
        head, heads, end = _counted_phrase(text, m.end())
        if not head and m.group("vague").lower() in ("several", "multiple", "numerous"):
            continue  # "several" on its own is rarely a count worth comparing
        interval = Interval(low, high, vague=True)
        found.append(Quantity(m.start(), end, text[m.start():end], "count", interval,
                              m.end(), head, heads))
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
    for word in _ANCHOR_WORDS:  # str.find per word beats a regex alternation tenfold
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
        return None  # "one-way", "10-year-old", "two-day": an adjective, not a count
    if re.match(r"(?:st|nd|rd|th)\b|:\d|\.\d|/\d|°|[a-z]", after, re.IGNORECASE) and not m.group("pct"):
        return None  # ordinals, times, fractions, units glued on ("122mm")
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
    if num.lower() in ("one",) and re.match(r"\s+(?:of|another|day|by|hand|side|way)\b",
                                            text[end:end + 9]):
        return None  # "one of the", "one another", "one day": not a count of one
    qual = m.group("qual") or ""
    currency = None
    if m.group("cur"):
        currency = CURRENCY_SYMBOLS.get(m.group("cur").upper(), CURRENCY_SYMBOLS.get(m.group("cur")))
    elif m.group("curword"):
        currency = CURRENCY_WORDS[m.group("curword").lower()]
    kind = "money" if currency else "percent" if m.group("pct") else "count"
    if not qual and "dozen" in num.lower():
        qual = "about"  # "a dozen rockets" is a round word, as loose as "about 12"
    interval = _interval(qual, value, _precision(num), bool(m.group("plus")))
    if m.group("range") and m.group("num2"):
        second = parse_number(m.group("num2"))
        if second is not None and second > value:
            interval = Interval(value, second)
    number_end = end
    head: tuple[str, ...] = ()
    heads: frozenset[str] = frozenset()
    if kind != "percent":
        head, heads, end = _counted_phrase(text, number_end)
    if kind == "count" and value < 1 and not head:
        return None
    return Quantity(start, end, text[start:end], kind, interval, number_end, head, heads, currency)


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
    base = _interval(qual, value, half if not qual else 0.0, bool(m.group("plus")))
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


def _counted_phrase(text: str, pos: int) -> tuple[tuple[str, ...], frozenset[str], int]:
    """The noun phrase a number counts, right after it: stems, conjunct heads, end offset.

    News writes "17 ballistic missiles and rockets were launched": the phrase
    runs until a verb, preposition or punctuation. Words ending in -ed after the
    first word are taken for verbs ("personnel suffered"), as is a capitalised
    word after a lower-case one ("missiles Saturday").
    """
    words: list[str] = []
    heads: set[str] = set()
    end = pos
    last_word: str | None = None
    for m in _TOKEN.finditer(text, pos):
        token = m.group()
        if text[end:m.start()].strip():
            break
        low = token.lower() if _DOTTED.fullmatch(token) else token.lower().rstrip(".")
        if not token[0].isalpha():
            break
        final_stop = token.endswith(".") and low == token.lower().rstrip(".")
        if final_stop:  # "… 40 people." ends the sentence: the stop is no part of the word
            token = token.rstrip(".")
        if low.endswith(("'s", "’s")):
            break
        if low in ("and", "or"):
            # only join two noun phrases: "missiles and rockets", not "hurt and 3 killed"
            nxt = _TOKEN.match(text, m.end() + 1) if m.end() < len(text) else None
            following = nxt.group().lower() if nxt is not None else ""
            if not words or nxt is None or not nxt.group()[0].isalpha() or \
                    following in PHRASE_STOP or following in UNITS or following in VERB_STOP or \
                    following.endswith(("ing", "ed")):
                break
            if last_word is not None:
                heads.add(stem(last_word))
            last_word = None
            end_before_and = end
            words.append(low)
            end = m.end()
            continue
        if low in PHRASE_STOP or low in VERB_STOP or low in WEEKDAYS_AND_MONTHS or \
                low in UNITS or low in TENS:
            break
        if words and (low.endswith("ed") and len(low) > 4 or low.endswith("ing") and len(low) > 5):
            break  # a participle: "personnel suffered", "people fleeing"
        if words and token[0].isupper() and last_word and last_word[0].islower() and \
                not re.fullmatch(r"[A-Z][a-z]+", last_word.capitalize()):
            break
        if len(words) >= 6:
            break
        words.append(low)
        last_word = token
        end = m.start() + len(token)
        if final_stop:
            break
    if words and words[-1] in ("and", "or"):
        words.pop()
        end = end_before_and
    if last_word is not None:
        heads.add(stem(last_word))
    stems = tuple(stem(w) for w in words if w not in ("and", "or"))
    return stems, frozenset(heads), end
