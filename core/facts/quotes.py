"""Quoted speech: the words a source is reported to have said.

Outlets quote the same statement with small differences ("air defense" /
"air defence", a clause dropped). :func:`find_quotes` finds the quoted spans;
:mod:`facts` joins the same statement across articles and flags wording that
differs, so a user can check who quoted whom faithfully.

    >>> [q.text for q in find_quotes('“We do not seek conflict,” he said, and "no".')]
    ['We do not seek conflict,']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..disjoint import DisjointSets

MIN_WORDS = 4  # shorter quoted bits are scare quotes or names ("spies", "big losses")
# Two quotations are one statement when their words match this well (rapidfuzz 0-100):
# re-typed quotes with an -ise/-ize or a dropped word score 90+, different statements
# on one topic under 70.
QUOTE_MIN = 85
# A shorter quotation that is a piece of a longer one (partial_ratio).
QUOTE_PART_MIN = 95
# Candidate pairs of quotations share this many words of QUOTE_WORD_MIN letters or more;
# a word found in more than QUOTE_COMMON_WORD quotations tells none apart.
QUOTE_SHARED_WORDS = 3
QUOTE_WORD_MIN = 4
QUOTE_COMMON_WORD = 200

_QUOTE = re.compile(r"“(?P<a>[^”“]+)”|\"(?P<b>[^\"\n]+)\"|‘(?P<c>[^’‘]{12,})’(?!\w)|«(?P<d>[^»]+)»")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_OUR = re.compile(r"our\b")
_ISE = re.compile(r"is(e|ed|es|ing)\b")
_ENCE = re.compile(r"ence\b")


@dataclass(frozen=True, slots=True)
class Quote:
    """The words inside one pair of quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return normal_words(self.text)


def normal_words(text: str) -> list[str]:
    """Lower-case words with British/American spellings of -our/-ise/-ence folded."""
    low = text.lower().replace("’", "'")
    low = _OUR.sub("or", low)
    low = _ISE.sub(r"iz\1", low)
    low = _ENCE.sub("ense", low)
    return _WORD.findall(low)


def same_statements(norms: list[str]) -> list[list[int]]:
    """Indices of quotations that are one statement (``norms`` as :func:`normal_words` joined).

    Identical wording joins through a dict; near-identical wording (rapidfuzz)
    is scored only for quotations sharing several longer words, found through
    an inverted index, so a batch of hundreds of quotations stays fast.
    """
    joined = DisjointSets(range(len(norms)))
    find, union = joined.find, joined.union

    # Identical wording joins through a dict; near-identical wording is scored only for
    # quotes that share several longer words (an inverted index), never for every pair.
    first_of: dict[str, int] = {}
    for i, norm in enumerate(norms):
        if norm in first_of:
            union(first_of[norm], i)
        else:
            first_of[norm] = i
    distinct = list(first_of.items())
    holders: dict[str, list[int]] = {}
    words_of = []
    for n, (norm, _) in enumerate(distinct):
        words = {w for w in norm.split() if len(w) >= QUOTE_WORD_MIN}
        words_of.append(words)
        for w in words:
            holders.setdefault(w, []).append(n)
    for n, (norm, i) in enumerate(distinct):
        shared: Counter[int] = Counter()
        for w in words_of[n]:
            if len(holders[w]) <= QUOTE_COMMON_WORD:
                shared.update(k for k in holders[w] if k > n)
        need = max(1, min(QUOTE_SHARED_WORDS, len(words_of[n]) // 2))
        for k, count in shared.items():
            if count < need:
                continue
            other, j = distinct[k]
            if fuzz.ratio(norm, other, score_cutoff=QUOTE_MIN) or (
                    min(len(norm), len(other)) >= 20 and
                    fuzz.partial_ratio(norm, other, score_cutoff=QUOTE_PART_MIN)):
                union(i, j)
    sets: dict[int, list[int]] = {}
    for i in range(len(norms)):
        sets.setdefault(find(i), []).append(i)
    return list(sets.values())


def find_quotes(text: str) -> list[Quote]:
    """Quoted spans of at least :data:`MIN_WORDS` words, in order."""
    found = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if m.group(g) is not None)
        start, end = m.start(group), m.end(group)
        inner = text[start:end]
        stripped = inner.strip()
        start += len(inner) - len(inner.lstrip())
        end = start + len(stripped)
        if len(_WORD.findall(stripped)) >= MIN_WORDS:
            found.append(Quote(start, end, text[start:end]))
    return found
