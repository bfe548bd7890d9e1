"""Scoring pairs of passages for the aligner (:mod:`.groups`): weighted word lists,
rapidfuzz's Dice-like ratio over them, and the bonuses for a shared precise figure and for two
ledes; and whether two passages name days apart."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..model import Passage, PassageKind
from ..words import signature

# On rapidfuzz's 0-100 scale, as in :mod:`.groups`.
KEEP_MIN = 30  # pairs below this are not stored (treated as 0 in averages)
LOOSE_MIN = 20  # …except for step 6, which reads pairs down to this
NUMPY_MIN_PAIRS = 20_000  # below this many pairs, score them in a plain loop
ROW_BLOCK = 2048  # rows of the score matrix computed at a time
# A figure shared by two passages adds this much (0-100 scale), for up to two figures;
# a figure held by more than FIGURE_SPECIFIC_MAX × √articles passages is too common
# (years, small counts) to say anything.
FIGURE_BONUS = 12
FIGURE_BONUS_MAX = 2
FIGURE_PRECISE_MAX = 3  # a figure stated to 4+ digits counts three times a round one
FIGURE_SPECIFIC_MAX = 3
# Two ledes (first sentences of a report) get this much more, when they share
# something to begin with.
LEDE_BONUS = 15
LEDE_BASE_MIN = 15
PARALLEL_MIN_PAIRS = 250_000  # measured: below this, cdist's thread start-up costs more than it saves
WEIGHT_MAX = 4  # a word's weight is its rounded IDF in the batch, capped here


def weighted_words(signatures: list[list[str]]) -> list[list[str]]:
    """Repeat each word by how rare it is in this batch (1 to WEIGHT_MAX times).

    On sorted lists, rapidfuzz's Indel similarity is then a Dice coefficient
    weighted by rarity: sharing "intercepted" counts more than sharing "attack"
    in a batch where every article is about an attack.
    """
    df: dict[str, int] = {}
    for words in signatures:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = max(len(signatures), 2)
    # A figure counts once whatever its rarity: when outlets disagree on it ("15,000"
    # / "17,000"), a rare number must not outweigh the words they share.
    weight = {w: 1 if w.startswith("#") else max(1, min(WEIGHT_MAX, round(math.log(n / d))))
              for w, d in df.items()}
    return [[w for w in words for _ in range(weight[w])] for words in signatures]


@dataclass(frozen=True, slots=True)
class Pairs:
    """Sparse pair scores: (i, j) with i < j → score, for pairs from different articles."""

    scores: dict[tuple[int, int], float]

    def get(self, i: int, j: int) -> float:
        return self.scores.get((i, j) if i < j else (j, i), 0.0)


def score_pairs(signatures: list[list[str]], owner: list[int]) -> Pairs:
    """Score each passage against the passages of the articles after its own.

    ``flat`` lists passages article by article, so the columns for article k
    are everything past k's last passage: no pair is scored twice and no pair
    within one article is scored at all.
    """
    scores: dict[tuple[int, int], float] = {}
    n = len(signatures)
    ends = [k for k in range(1, n) if owner[k] != owner[k - 1]]  # first index of each next article
    bounds = [0, *ends, n]
    if sum((stop - start) * (n - stop) for start, stop in zip(bounds, bounds[1:], strict=False)) < NUMPY_MIN_PAIRS:
        # Small batches: one loop is faster than importing numpy (~150 ms).
        for start, stop in zip(bounds, bounds[1:], strict=False):
            for r in range(start, stop):
                for c in range(stop, n):
                    v = fuzz.ratio(signatures[r], signatures[c], score_cutoff=LOOSE_MIN)
                    if v:
                        scores[(r, c)] = float(int(v))
        return Pairs(scores)
    import numpy as np  # noqa: PLC0415 - only big batches pay for it
    for start, stop in zip(bounds, bounds[1:], strict=False):
        if stop >= n:
            break
        for row in range(start, stop, ROW_BLOCK):
            rows = signatures[row:min(row + ROW_BLOCK, stop)]
            cols = signatures[stop:]
            # Threads pay off only on big blocks; small ones are faster on one core.
            workers = -1 if len(rows) * len(cols) > PARALLEL_MIN_PAIRS else 1
            block = process.cdist(rows, cols, scorer=fuzz.ratio, dtype=np.uint8,
                                  score_cutoff=LOOSE_MIN, workers=workers)
            r_idx, c_idx = np.nonzero(block)
            values = block[r_idx, c_idx].tolist()
            for r, c, v in zip((r_idx + row).tolist(), (c_idx + stop).tolist(), values, strict=True):
                scores[(r, c)] = float(v)
    return Pairs(scores)


def add_shared_figures(signatures: list[list[str]], weighted: list[list[str]], owner: list[int],
                        pairs: Pairs, articles: int) -> Pairs:
    """Raise the score of pairs that state the same specific figure.

    Figures are left out of the word score, so a disputed figure ("15,000" /
    "17,000") costs nothing; a figure both passages state ("$2.31 billion",
    "412,000") is strong evidence of one statement and adds FIGURE_BONUS, for up
    to FIGURE_BONUS_MAX figures. A figure that many passages state (a year, "2")
    says nothing and is skipped.
    """
    holders: dict[str, list[int]] = {}
    for i, sig in enumerate(signatures):
        for w in sig:
            if w.startswith("#"):
                holders.setdefault(w, []).append(i)
    shared: dict[tuple[int, int], list[float]] = {}
    for figure, held in holders.items():
        bonus = _figure_bonus(figure[1:])
        # A round figure many passages state says nothing (a year, "2"); a precise one is the
        # story's own figure however often each report repeats it ("134 to 63").
        limit = FIGURE_SPECIFIC_MAX * max(articles, 1) ** (1.0 if bonus > FIGURE_BONUS else 0.5)
        if len(held) > limit:
            continue
        for ij in _across(held, owner):
            shared.setdefault(ij, []).append(bonus)
    scores = dict(pairs.scores)
    for (i, j), bonuses in shared.items():
        boosted = _base(scores, weighted, i, j) + sum(sorted(bonuses, reverse=True)[:FIGURE_BONUS_MAX])
        if boosted >= LOOSE_MIN:
            scores[(i, j)] = min(100.0, boosted)
    return Pairs(scores)


def _figure_bonus(figure: str) -> float:
    """What sharing a figure is worth: the more digits it is stated to, the less likely two
    statements share it by chance ("$284.46", "$28,156" against "$5 billion", "2")."""
    digits = "".join(c for c in figure if c.isdigit()).strip("0") or "0"
    if figure.isdigit() and len(figure) == 4 and figure[:2] in ("19", "20"):
        return FIGURE_BONUS  # a year
    return FIGURE_BONUS * min(max(len(digits) - 1, 1), FIGURE_PRECISE_MAX)


# A short quotation both passages carry ("exhilarated", "massive damage", "a cheap shot"):
# outlets quote the same words of the same statement. Words in quotation marks, up to this
# many content words; longer quotes are caught by their wording (and the verbatim step).
QUOTE_BONUS = 20
QUOTE_MAX_WORDS = 6
QUOTE_MAX_HOLDERS = 2  # per article
QUOTE_RARE_WEIGHT = 3  # a one-word quote must be this rare in the batch (its weight, 1-4)
_QUOTED = re.compile(r"[“\"]([^”\"]{2,200})[”\"]")


def add_shared_quotes(flat: list[Passage], weighted: list[list[str]], owner: list[int],
                      pairs: Pairs) -> Pairs:
    """Raise the score of pairs that quote the same few words."""
    holders: dict[tuple[str, ...], list[int]] = {}
    for i, p in enumerate(flat):
        if '"' not in p.text and "“" not in p.text:
            continue
        for m in _QUOTED.finditer(p.text):
            words = tuple(w for w in signature(m.group(1)) if not w.startswith("#"))
            if not 1 <= len(words) <= QUOTE_MAX_WORDS:
                continue
            if len(words) == 1 and weighted[i].count(words[0]) < QUOTE_RARE_WEIGHT:
                continue  # one common word in quotes ("accident") is no anchor
            holders.setdefault(words, []).append(i)
    scores = dict(pairs.scores)
    most = QUOTE_MAX_HOLDERS * max(len(set(owner)), 1)
    linked: set[tuple[int, int]] = set()
    for held in _quote_families(holders):
        if len(held) > most:
            continue  # a phrase everyone quotes everywhere ("terrorism") says nothing
        for ij in _across(held, owner):
            if ij not in linked:  # one bonus per pair, however many phrases link it
                linked.add(ij)
                scores[ij] = min(100.0, _base(scores, weighted, *ij) + QUOTE_BONUS)
    return Pairs(scores)


def _quote_families(holders: dict[tuple[str, ...], list[int]]) -> list[list[int]]:
    """The passages holding each quoted phrase, and those holding a longer quote that takes in
    all its words: one outlet quotes "politically motivated", another "believes this action is
    purely politically motivated". A one-word quote counts only as itself."""
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for words in holders:
        for w in words:
            by_word.setdefault(w, []).append(words)
    families = []
    for words, held in holders.items():
        family = set(held)
        if len(words) >= 2:
            rarest = min(words, key=lambda w: (len(by_word[w]), w))
            for longer in by_word[rarest]:
                if len(longer) > len(words) and set(words) <= set(longer):
                    family.update(holders[longer])
        families.append(sorted(family))
    return families


def _across(held: list[int], owner: list[int]):
    """The pairs (i < j) of passages in ``held`` (ascending) from different articles."""
    for n, i in enumerate(held):
        for j in held[n + 1:]:
            if owner[i] != owner[j]:
                yield i, j


def _base(scores: dict[tuple[int, int], float], weighted: list[list[str]], i: int, j: int) -> float:
    """A pair's score so far, or its word score when it was too low to be stored."""
    base = scores.get((i, j))
    return fuzz.ratio(weighted[i], weighted[j]) if base is None else base


def add_lede_bonus(flat: list[Passage], weighted: list[list[str]], pairs: Pairs) -> Pairs:
    """Raise the score of two ledes: news is written top-down, and the first sentence
    of each report (each section) states the main event, in whatever words."""
    ledes, seen = [], set()
    for i, p in enumerate(flat):
        if p.kind == PassageKind.SENTENCE and (p.article, p.section) not in seen:
            seen.add((p.article, p.section))
            ledes.append(i)
    scores = dict(pairs.scores)
    for n, i in enumerate(ledes):
        for j in ledes[n + 1:]:
            if flat[i].article == flat[j].article:
                continue
            base = scores.get((i, j)) or fuzz.ratio(weighted[i], weighted[j])
            if base >= LEDE_BASE_MIN and not different_days(flat[i].text, flat[j].text):
                scores[(i, j)] = min(100.0, base + LEDE_BONUS)
    return Pairs(scores)


_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = re.compile(r"\b(?:(mon|tues|wednes|thurs|fri|satur|sun)day"
                  r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b)",
                  re.IGNORECASE)
# Outlets often disagree by a day (time zones, "yesterday"); two events told apart
# by their dates are usually further apart than that.
DAYS_APART_MIN = 2


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Two statements of one event rarely name years this far apart; a year one off is an
# outlet's error, and a conflict to show side by side.
YEARS_APART_MIN = 2


@lru_cache(maxsize=65536)
def _days(text: str) -> tuple[frozenset[int], frozenset[tuple[int, int]], frozenset[int]]:
    """The weekdays (0-6), (month, day) pairs and years a passage names (remembered per text:
    the aligner's later steps ask of each passage against every member of a group)."""
    weekdays, dates = set(), set()
    for m in _DAY.finditer(text):
        if m.group(1):
            weekdays.add(_WEEKDAYS.index(m.group(1).lower()))
        else:
            dates.add((_MONTHS.index(m.group(2).lower()), int(m.group(3))))
    years = frozenset(int(y) for y in _YEAR.findall(text))
    return frozenset(weekdays), frozenset(dates), years


def years_apart(a: str, b: str) -> bool:
    """Both passages name years, and none is within a year of one of the other's."""
    ya, yb = _days(a)[2], _days(b)[2]
    return bool(ya and yb) and all(abs(x - y) >= YEARS_APART_MIN for x in ya for y in yb)


def different_days(a: str, b: str) -> bool:
    """Both passages name a day, and no day of one is within a day of one of the other; or
    both name years, none within a year of one of the other's ("In 2018, a quake in Palu…" /
    "In January 2021, an earthquake near Mamuju…": two earthquakes)."""
    if years_apart(a, b):
        return True
    (wa, da, _), (wb, db, _) = _days(a), _days(b)
    if wa and wb and all(min((x - y) % 7, (y - x) % 7) >= DAYS_APART_MIN for x in wa for y in wb):
        return True
    return bool(da and db and all(ma != mb or abs(xa - xb) >= DAYS_APART_MIN
                                  for ma, xa in da for mb, xb in db))

