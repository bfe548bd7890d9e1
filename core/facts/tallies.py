"""Tallies: a vote's or a match's result written as two numbers ("won 134 to 63", "a
134-to-63 vote", "passed 52-48", "ruled 5-4").

Read as a range, "134 to 63" would be a count between 63 and 134; it is one result, and
two outlets that give it alike agree, while "52-48" against "51-49" is a conflict. A
tally is only read where the sentence says something was won, lost, voted or ruled,
so "5-10 years" and "ages 18 to 24" stay what they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Mention, Passage
from .draft import Draft, status
from .events import CONTEXT_MIN, _context
from .matching import cluster

_TALLY = re.compile(
    r"(?<![\w$£€¥.,/-])(\d{1,4})(?:\s*[-–—]\s*|\s*-to-\s*|\s+to\s+)(\d{1,4})(?![\w.,/%-]*\d)"
    r"(?!\s*(?:%|percent|per cent|million|billion|thousand|trillion|years?|months?|weeks?|"
    r"days?|hours?|minutes?|seconds?|km|kilomet|miles?|kg|pounds|tons?|tonnes|degrees|"
    r"[ap]\.?m\b|feet|foot|metres|meters|inches|points? (?:higher|lower)|times)\b)",
    re.IGNORECASE)
_RESULT_WORDS = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballots?|won|wins?|beat(?:s|en)?|defeat(?:ed|s)?|ruled|ruling|"
    r"passed|approved|rejected|margin|scored?|victory|lost|loses|tally|majority|split|"
    r"confirmed|decision|verdict|win)\b", re.IGNORECASE)
_VOTE_WORDS = re.compile(r"\b(?:vot\w*|ballots?|majority|confirmed|passed|approved|rejected)\b",
                         re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:from|between|ages?|aged|of ages|nos?\.|numbers?|rooms?|"
                     r"routes?|gates?|pages?)\s*$", re.IGNORECASE)
YEAR_LIKE = range(1000, 2101)
# A score on the way is not the result: "blew a 6-3 lead", "Up 3-0, the Cubs…", "trailing 2-1".
_ON_THE_WAY_BEFORE = re.compile(r"\b(?:up|down|led|leading|trailing|trailed|behind|ahead)\s+(?:by\s+)?$",
                                re.IGNORECASE)
_ON_THE_WAY_AFTER = re.compile(r"\s+(?:lead|advantage|deficit|edge|cushion|at (?:half-?time|the break))\b",
                               re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TallyClaim:
    """One tally as written, its two numbers (larger first) and the words around it."""

    mention: Mention
    values: tuple[int, int]
    context: frozenset[str]
    group: int | None
    label: str


def find_tallies(passage: Passage, group: int | None) -> list[TallyClaim]:
    """The tallies a passage states, where its words say something was won or voted."""
    text = passage.text
    if not _RESULT_WORDS.search(text):
        return []
    out = []
    for m in _TALLY.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a in YEAR_LIKE or (b in YEAR_LIKE and a >= 100) or \
                _BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if m.group(0).count(":"):
            continue
        if _ON_THE_WAY_BEFORE.search(text, max(0, m.start() - 16), m.start()) or \
                _ON_THE_WAY_AFTER.match(text, m.end()):
            continue
        values = (max(a, b), min(a, b))
        label = "vote tally" if _VOTE_WORDS.search(text) else "result"
        value = {"tally": f"{values[0]}–{values[1]}"}
        mention = Mention("tally", passage.article, passage.index, passage.start + m.start(),
                          passage.start + m.end(), m.group(0), value, label)
        out.append(TallyClaim(mention, values, _context(text), group, label))
    return out


def tally_facts(claims: list[TallyClaim]) -> list[Draft]:
    """Tallies in aligned passages are one result; elsewhere, the same numbers or the same
    words around them make one. Two results of one thing that differ conflict."""
    if not claims:
        return []
    sets = cluster(claims, same_group=lambda a, b: 2, key=lambda c: ("tally",),
                   refine=_alike, refine_min=CONTEXT_MIN)
    drafts = []
    for members in sets:
        if len({c.mention.article for c in members}) < 2:
            continue
        clashes = [(a.mention, b.mention) for i, a in enumerate(members)
                   for b in members[i + 1:] if a.values != b.values]
        state = status([(c.mention.article, c.values) for c in members], bool(clashes),
                       lambda x, y: x == y)
        label = Counter(c.label for c in members).most_common(1)[0][0]
        drafts.append(Draft("tally", label, [c.mention for c in members], state, clashes))
    return drafts


def _alike(a: TallyClaim, b: TallyClaim) -> float:
    if a.values == b.values:
        return 1.0
    if not a.context or not b.context:
        return 0.0
    return len(a.context & b.context) / min(len(a.context), len(b.context))
