"""Quantity claims into facts: counts, sums, shares and measures matched and judged.

Takes the :class:`~.claims.QuantityClaim` of every passage and gives one draft fact per thing
counted (:func:`quantity_facts`): matched through the aligned groups, then by key
(:mod:`.matching`), with ages keyed by the person, precise figures joined whatever word keyed
them, and a fact's status judged from its values.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Hashable, Mapping

from ..disjoint import DisjointSets
from ..model import Mention
from .claims import QuantityClaim
from .counted import measure_free
from .draft import Draft as _Draft, status as _status
from .matching import cluster
from .numbers import Interval


def ages_by_person(claims: list[QuantityClaim]) -> list[QuantityClaim]:
    """A bare surname's age ("Baker, 58") is the age of the one person of that surname the
    story names in full; with two ("Tom Baker", "Liam Baker": a father and a son) it is
    neither's, and stays alone rather than set one's age against the other's."""
    full: dict[str, set[frozenset[str]]] = {}
    for c in claims:
        if c.what == "age":
            for who in c.nation:
                if " " in who:
                    full.setdefault(who.rsplit(" ", 1)[1], set()).add(c.nation)
    out = []
    for c in claims:
        if c.what == "age" and len(c.nation) == 1:
            (who,) = c.nation
            named = full.get(who, set())
            if " " not in who and len(named) == 1:
                c = dataclasses.replace(c, nation=next(iter(named)))
        out.append(c)
    return out


def inside_tally(m: Mention, spans: Mapping[tuple[str, int], object]) -> bool:
    tally = spans.get((m.article, m.passage))
    if tally is None:
        return False
    t = tally.mention  # type: ignore[attr-defined]
    return m.start < t.end and t.start < m.end


def quantity_facts(claims: list[QuantityClaim]) -> list[_Draft]:
    compared = {c.key for c in claims if c.compared}
    sets = _join_precise(cluster(claims, same_group=_same_quantity, key=lambda c: c.key,
                                 broaden=_broaden_quantity_key,
                                 recurring=lambda k: _recurring(k) or k in compared))
    drafts = []
    for members in _rejoin(sets):
        if len(members) < 2 and not members[0].key:
            continue
        drafts.append(_judge_quantities(members))
    return drafts


def _rejoin(sets: list[list[QuantityClaim]]) -> list[list[QuantityClaim]]:
    """Each set cut by magnitude (:func:`_by_magnitude`); a part cut off joins the first other
    set of its key whose sums are of its magnitude ("the $41 billion offer" cut from the
    per-share offers meets the other outlet's "$41 billion offer")."""
    parts: list[list[QuantityClaim]] = []
    cut: list[bool] = []
    for joined in sets:
        pieces = _by_magnitude(joined)
        parts.extend(pieces)
        cut.extend([len(pieces) > 1] * len(pieces))
    keys = [_unnumbered(part[0].key) for part in parts]
    for n, part in enumerate(parts):
        if not cut[n] or keys[n] is None:
            continue
        for m, other in enumerate(parts):
            if m == n or not other or keys[m] != keys[n]:
                continue
            sizes = [_size(c) for c in part + other]
            if min(sizes) > 0 and max(sizes) < MAGNITUDE_APART * min(sizes):
                other.extend(part)
                part.clear()
                break
    return [p for p in parts if p]


# Sums of one key this many times apart are different sums, not one misreported: "$70" a
# share beside the "$103 billion offer", a $284.46 bill beside the $284 billion one printed.
MAGNITUDE_APART = 1000


def _by_magnitude(members: list[QuantityClaim]) -> list[list[QuantityClaim]]:
    """A set of sums cut where one is MAGNITUDE_APART times the one below it (the members
    keep their order within each part); other kinds, and sums of one magnitude, whole."""
    if members[0].kind != "money" or len(members) < 2:
        return [members]
    sizes = sorted({_size(c) for c in members})
    bands: list[float] = [sizes[0]]  # the smallest size of each band
    last = sizes[0]
    for size in sizes[1:]:
        if last > 0 and size >= MAGNITUDE_APART * last:
            bands.append(size)
        last = size
    if len(bands) == 1:
        return [members]
    parts: dict[int, list[QuantityClaim]] = {}
    for c in members:
        parts.setdefault(sum(1 for b in bands if _size(c) >= b) - 1, []).append(c)
    return [parts[n] for n in sorted(parts)]


def _unnumbered(key: tuple[object, ...] | None) -> tuple[object, ...] | None:
    """A key without the number claims._apart gives a second sum of one sentence: once sums
    are told apart by magnitude, "the $72 offer ... the $41 billion offer" needs it no more."""
    if key is None:
        return None
    return tuple(_APART_MARK.sub("", v).strip() or None if isinstance(v, str) else v
                 for v in key)


# The number claims._apart appends to a scope (" #2").
_APART_MARK = re.compile(r"\s*#\d+")


def _size(c: QuantityClaim) -> float:
    """A sum's size: its figure, else the middle of its bounds (the low end when open)."""
    i = c.interval
    if i.approx is not None:
        return i.approx
    return i.low if i.high is None else (i.low + i.high) / 2


PRECISE_DIGITS = 3  # "$284.46", "15.5 percent", "$28,156": not figures two things share by chance
MISPRINT_DIGITS = 4  # "$5,687.75" / "$5,587.75": one figure misprinted, not two figures


def _precise(c: QuantityClaim) -> tuple[str, str | None, float] | None:
    """A sum or share stated to PRECISE_DIGITS significant digits or more, as a key."""
    if c.kind not in ("money", "percent") or not c.interval.exact:
        return None
    digits = re.sub(r"\D", "", c.mention.text.split("(")[0])
    if len(digits.strip("0")) < PRECISE_DIGITS or c.interval.low == 0:
        return None
    return (c.kind, c.currency, c.interval.low)


def _join_precise(sets: list[list[QuantityClaim]]) -> list[list[QuantityClaim]]:
    """Facts that state one precise figure in different articles are one fact, whatever word
    each key was built on ("her new amount was quickly corrected to $284.46" / "turns out, she
    only owed $284.46"): a figure that precise is not shared by two things by chance. Only
    facts that state nothing but that figure are joined, so no conflict is made or widened."""
    owner: dict[tuple[str, str | None, float], int] = {}
    joined = DisjointSets(range(len(sets)))
    for n, members in enumerate(sets):
        keys = {_precise(c) for c in members}
        if len(keys) != 1 or None in keys:
            continue  # only facts that state that one figure and nothing else are joined
        for key in keys:
            if key in owner:
                joined.union(owner[key], n)
            else:
                owner[key] = n
    # A precise figure that differs from another in one digit ("$5,687.75" / "$5,587.75") is
    # that figure misprinted or misread: one fact, and a conflict to look at.
    # Three digits one apart happen by chance in one story (52.2% turnout, a 52.8% vote share
    # won "in the previous election"); four or more do not.
    figures = sorted((k for k in owner if _significant(k[2]) >= MISPRINT_DIGITS),
                     key=lambda k: (k[0], k[1] or "", k[2]))
    for x, a in enumerate(figures):
        for b in figures[x + 1:]:
            if a[:2] == b[:2] and _one_digit_apart(a[2], b[2]):
                joined.union(owner[a], owner[b])
    merged: dict[int, list[QuantityClaim]] = {}
    for n, members in enumerate(sets):
        merged.setdefault(joined.find(n), []).extend(members)
    return list(merged.values())


def _significant(value: float) -> int:
    """Significant digits of a figure as stated to cents at most (5687.75 -> 6, 52.2 -> 3)."""
    return len(f"{value:.2f}".replace(".", "").strip("0"))


def _one_digit_apart(a: float, b: float) -> bool:
    """Same number of digits, one of them different, and within 10% of each other."""
    x, y = f"{a:.2f}", f"{b:.2f}"
    if len(x) != len(y) or abs(a - b) > 0.1 * max(abs(a), abs(b)):
        return False
    return sum(p != q for p, q in zip(x, y, strict=True)) == 1


def _broaden_quantity_key(key: Hashable) -> tuple[Hashable, bool]:
    """The key without nationality and place, and whether the key had either.

    "11 service members were injured" matches "four U.S. personnel were hurt"
    when the story has only one kind of injured troops that a nationality or
    place tells apart; with two ("US troops", "Iraqi troops") it stays apart.
    """
    assert isinstance(key, tuple)
    kind, what, role, nation, place, scope, currency, owner = key
    base = measure_free(what)
    # The owner stays: another company's charge is never the story's own, said less fully.
    return (kind, base, role, scope, currency, owner), bool(nation or place or base != what)


def _recurring(key: Hashable) -> bool:
    """Keys that may name several things of one story: a measure of a play or a pitch ("a
    48-yard field goal", "a 36-yard field goal"). (Not counts: a toll updated within one
    report would split from the other reports' figures and their conflicts be lost; nor sums,
    which claims._apart and _rejoin already tell apart by magnitude and owners by company.)"""
    return isinstance(key, tuple) and key[0] == "measure"


def _same_what(a: str, b: str) -> bool:
    """One thing, or a plain "profit" beside one measure of it ("net profit" and "operating
    profit" differ)."""
    return a == b or ("profit" in (a, b) and measure_free(a) == measure_free(b))


def _same_quantity(a: QuantityClaim, b: QuantityClaim) -> int:
    """Inside one aligned group: 2 when both count the same thing in the same role,
    1 when one of them leaves the role or a qualifier unsaid, 0 when they differ."""
    if a.kind != b.kind or a.currency != b.currency:
        return 0
    if not _same_what(a.what, b.what):
        return 0
    if not a.what and not (a.role and b.role) and a.kind in ("count", "measure"):
        return 0  # two bare figures ("9", "1"; "70 meters", "120 miles"): nothing says they count one thing
    if a.role and b.role and a.role != b.role:
        return 0
    if a.nation and b.nation and a.nation != b.nation:
        return 0
    if a.owner != b.owner:
        return 0  # "Citigroup … $20 billion, while Bank of America … $3 billion charge"
    if a.scope != b.scope:
        return 0  # a running total beside the day's count: aligned, yet not one fact
    if a.place and b.place and a.place != b.place:
        return 0
    sure = a.role == b.role and a.nation == b.nation and a.place == b.place and a.what == b.what
    return 2 if sure else 1


def _judge_quantities(members: list[QuantityClaim]) -> _Draft:
    clashes = [(a.mention, b.mention) for i, a in enumerate(members) for b in members[i + 1:]
               if not a.interval.overlaps(b.interval) and not _rounded_alike(a, b)]
    status = _status([(c.mention.article, c.interval) for c in members], bool(clashes),
                     lambda x, y: isinstance(x, Interval) and isinstance(y, Interval)
                     and x.same(y))
    labels = Counter(c.label for c in members)
    return _Draft(members[0].kind, labels.most_common(1)[0][0], [c.mention for c in members],
                  status, clashes, _about(members))


def _about(members: list[QuantityClaim]) -> tuple[tuple[str, str], ...]:
    """What the members say the fact is about, where they say it: the thing counted, its
    role, the scope (another year's, another incident's, a part) and, for an age, whose."""
    def first(values: list[object]) -> str:
        return next((str(v).strip() for v in values if v and str(v).strip()), "")
    about = [("what", first([c.what for c in members])),
             ("role", first([c.role for c in members])),
             ("scope", _APART_MARK.sub("", first([c.scope for c in members])).strip())]
    if members[0].what == "age":  # the person, as keyed: "nancy pelosi"
        about.append(("person", first([" ".join(sorted(c.nation)) for c in members])))
    return tuple((k, v) for k, v in about if v)


def _rounded_alike(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Two shares that are one figure rounded to different digits: "44.13%" and "44.1%",
    "52.2%" and "52%". The more precise is rounded to the other's written decimals."""
    if a.kind != "percent" or a.interval.figure is None or b.interval.figure is None:
        return False
    da, db = _decimals(a.mention.text), _decimals(b.mention.text)
    if da is None or db is None or da == db:
        return False
    fine, coarse = (a, b) if da > db else (b, a)
    places = min(da, db)
    half = 0.5 * 10 ** -places
    figure = fine.interval.figure
    target = coarse.interval.figure
    assert figure is not None and target is not None
    return abs(figure - target) <= half + 1e-9


def _decimals(text: str) -> int | None:
    """How many decimals the figure in a mention is written with ("44.13%" → 2)."""
    m = _FIGURE.search(text)
    return len(m.group(1) or "") if m else None


_FIGURE = re.compile(r"\d[\d,]*(?:\.(\d+))?")
