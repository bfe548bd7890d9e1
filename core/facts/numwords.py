"""Figures as news writes them: digits, scale words and numbers spelled out.

Wire copy spells out small numbers and any figure that opens a sentence ("Two
hundred and fifty people…"), writes big round ones with a scale word or its
abbreviation ("1.2 million", "$3bn", "1.2b", "US$ 1MM") and counts in dozens
and fractions of a scale ("three dozen", "half a million", "five and a half
million"). This module knows those forms: :data:`AMOUNT` is the pattern that
finds one in a sentence, :func:`parse_number` its value.

    >>> [parse_number(w) for w in ("two hundred and fifty", "three dozen",
    ...  "half a million", "five and a half million", "1.2b", "one trillion")]
    [250.0, 36.0, 500000.0, 5500000.0, 1200000000.0, 1000000000000.0]

The pattern is strict where the parser is lenient: "and" joins words only
after a scale word ("two hundred and fifty"), so "between three and five" and
"killed 12 and injured 40" stay two figures.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
               "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
# Abbreviations after a figure, as business and wire copy write them ("$3bn", "10 mln",
# "US$ 1MM", "2mil", "1.2b"). "m" is a million here, never metres: lengths are read
# elsewhere only from units written out ("km", "metres").
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
                       "mil": 1_000_000, "mm": 1_000_000, "b": 1_000_000_000,
                       "bn": 1_000_000_000, "bln": 1_000_000_000,
                       "tn": 1_000_000_000_000, "tln": 1_000_000_000_000}
SCALES = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
FRACTIONS = {"half": 0.5, "halves": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3,
             "thirds": 1 / 3}

# --- the pattern ---------------------------------------------------------------------------

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_ONE_TO_NINE = "one|two|three|four|five|six|seven|eight|nine"
_TEN = "|".join(TENS)
_SMALL = rf"(?:(?:{_TEN})(?:\s*-\s*|\s+)(?:{_ONE_TO_NINE})\b|(?:{_TEN}|{_UNIT})\b)"
_HUNDREDS = rf"(?:(?:{_SMALL}|a|one)\s+hundred\b(?:\s+(?:and\s+)?{_SMALL})?)"
_BELOW_THOUSAND = rf"(?:{_HUNDREDS}|{_SMALL})"
_NO_SCALE_NEXT = r"(?!\s+(?:hundred|thousand|million|billion|trillion)\b)"


# One scale group after another ("two million three hundred thousand and fifty"), then what is
# left below a thousand. Written once with a repeat rather than as one chain per starting
# scale: the same language for the sums news writes, and a pattern a fifth the size (compiling
# it cost 80 ms of every run).
_SCALE_GROUP = rf"(?:{_BELOW_THOUSAND}|an?)\s+(?:trillion|billion|million|thousand)\b"
_SPELLED_INTEGER = (rf"{_SCALE_GROUP}(?:\s+(?:and\s+)?{_SCALE_GROUP})*"
                    rf"(?:\s+(?:and\s+)?{_BELOW_THOUSAND}{_NO_SCALE_NEXT})?"
                    rf"|{_BELOW_THOUSAND}")
_BIG_SCALE = r"(?:thousand|million|billion|trillion)\b"
_FRACTION = (r"(?:half|a\s+half|a\s+quarter|quarter|one\s+quarter|three\s+quarters|"
             r"one\s+third|a\s+third|two\s+thirds)")
_SPACED_ABBREVIATION = r"(?:bn|bln|mn|mln|mil|tn|tln|m|k)\b"
_GLUED_ABBREVIATION = r"(?:b\b|(?-i:MM)\b)"
_DIGIT_SCALE = rf"(?:\s*(?:hundred|thousand|million|billion|trillion|{_SPACED_ABBREVIATION})\b" \
               rf"|{_GLUED_ABBREVIATION})"
# Longer forms first: a regex alternation takes the first that matches, not the longest.
AMOUNT = "|".join([
    rf"(?:{_BELOW_THOUSAND}|{DIGITS})\s+and\s+(?:a|one)\s+(?:half|quarter)\s+{_BIG_SCALE}",
    rf"{_FRACTION}(?:\s+of)?(?:\s+an?)?\s+(?:{_BIG_SCALE}|dozen\b)",
    rf"(?:{_BELOW_THOUSAND}|an?|{DIGITS})\s*{_BIG_SCALE}\s+and\s+(?:a|one)\s+(?:half|quarter)\b",
    rf"(?:{_SMALL}|{DIGITS}|a)\s+dozens?\b",
    rf"(?:{DIGITS}){_DIGIT_SCALE}?",
    _SPELLED_INTEGER,
    r"dozen\b",
])
# Words that may hold a spelled-out figure: where the sentence scan looks for one.
ANCHOR_WORDS = frozenset([*UNITS, *TENS, "dozen", "dozens", *SCALE_WORDS, "half", "quarter",
                          "quarters", "third", "thirds"])

# --- the value -----------------------------------------------------------------------------

_GLUED = re.compile(r"(\d[\d,]*(?:\.\d+)?)(" + "|".join(sorted(SCALE_ABBREVIATIONS, key=len,
                                                                  reverse=True)) + r")")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_AND_A_FRACTION = re.compile(r"^(.+?) and (?:a|one) (half|quarter) (\w+)$")
_SCALE_AND_A_FRACTION = re.compile(r"^(.+ (\w+)) and (?:a|one) (half|quarter)$")
_FRACTION_OF = re.compile(r"^(?:(a|an|one|two|three) )?(half|quarter|quarters|third|thirds)"
                          r"(?: of)?(?: an?)? (\w+)$")
_DOZENS = re.compile(r"^(.*?) ?dozens?$")


def parse_number(words: str) -> float | None:
    """The value of "17", "2,500", "1.2 million", "3bn", "twenty-four", "two hundred and
    fifty", "a dozen", "half a million"; None when it is no figure (a "$" is not read)."""
    text = re.sub(r"\s+", " ", words.strip().lower().replace("-", " ")).strip()
    if not text:
        return None
    m = _AND_A_FRACTION.match(text)
    if m and m.group(3) in SCALES:  # "five and a half million": (5 + 1/2) million
        whole = _integer(m.group(1))
        return None if whole is None else (whole + FRACTIONS[m.group(2)]) * SCALES[m.group(3)]
    m = _SCALE_AND_A_FRACTION.match(text)
    if m and m.group(2) in SCALES:  # "one million and a half": a half of the last scale
        whole = _integer(m.group(1))
        return None if whole is None else whole + FRACTIONS[m.group(3)] * SCALES[m.group(2)]
    m = _FRACTION_OF.match(text)
    if m and (m.group(3) in SCALES or m.group(3) == "dozen"):  # "two thirds of a million"
        numerator = {"two": 2, "three": 3}.get(m.group(1) or "", 1)
        scale = 12 if m.group(3) == "dozen" else SCALES[m.group(3)]
        return numerator * FRACTIONS[m.group(2)] * scale
    m = _DOZENS.match(text)
    if m:  # "three dozen", "a dozen", "dozen"
        count = _integer(m.group(1)) if m.group(1) not in ("", "a") else 1.0
        return None if count is None else count * 12
    return _integer(text)


def _integer(text: str) -> float | None:
    parts = text.split(" ")
    if parts[0] in ("a", "an") and len(parts) > 1 and parts[1] in SCALE_WORDS:
        parts[0] = "one"  # "a hundred", "a million"
    total = 0.0
    current = 0.0
    seen = False
    for part in parts:
        glued = _GLUED.fullmatch(part)
        if _FIGURE.fullmatch(part):
            current += float(part.replace(",", ""))
            seen = True
        elif glued:
            current += float(glued.group(1).replace(",", "")) * SCALES[glued.group(2)]
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
        elif part == "and" and seen:
            continue
        else:
            return None
    return total + current if seen else None


def precision(number: str) -> float:
    """Half the unit of the last written digit when a scale follows ("1.2 million": 50,000).

    A figure with a scale is rounded by its writer; one spelled out or written in full
    ("1,200,000", "half a million") is taken as stated."""
    m = re.match(r"(\d[\d,]*)(?:\.(\d+))?\s*([a-z]+)?$", number.strip().lower())
    if not m or not m.group(3) or m.group(3) not in SCALES:
        return 0.0
    decimals = len(m.group(2) or "")
    return SCALES[m.group(3)] * (10 ** -decimals) / 2
