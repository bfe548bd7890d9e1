"""Matching claims into facts: through the aligned groups first, then by key.

Shared by every kind of claim (quantities, dates, times). :func:`cluster`
joins the claims one aligned group holds (one per member passage, sure pairs
before likely ones, in reading order), then joins whole sets whose keys are equal through a dict, so no
step compares every claim with every other. Two refinements hang off it:
``refine`` splits a key's bucket by likeness with :func:`average_linkage`
(dates: only events told alike), and ``broaden`` lets a key that names no
nationality or place join the one key that does.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Protocol, TypeVar

from ..disjoint import DisjointSets
from ..model import Mention


class Claim(Protocol):
    """What matching needs of a claim: its mention (article, passage) and its group."""

    @property
    def mention(self) -> Mention: ...

    @property
    def group(self) -> int | None: ...


C = TypeVar("C", bound=Claim)


def cluster(claims: Sequence[C], *, same_group: Callable[[C, C], int],
             key: Callable[[C], Hashable | None],
             refine: Callable[[C, C], float] | None = None, refine_min: float = 0.5,
             broaden: Callable[[Hashable], tuple[Hashable, bool]] | None = None,
             recurring: Callable[[Hashable], bool] | None = None
             ) -> list[list[C]]:
    """Join claims that one aligned group holds, then claims with one key across groups.

    Within a group, each claim is paired with at most one claim of each other
    article, first come first served, in reading order. Across groups
    a dict keyed by :func:`key` does the joining; ``refine`` may split a key's
    bucket further (dates: only events told in like words). For a key that ``recurring``
    says may name several things (a game's field goals), an article giving two values
    under it tells them apart itself: the key's sets then join only on a shared value.
    """
    joined = DisjointSets(range(len(claims)))
    find, union = joined.find, joined.union

    by_group: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        if c.group is not None:
            by_group.setdefault(c.group, []).append(i)
    for members in by_group.values():
        used: set[tuple[int, tuple[str, int]]] = set()
        # Sure pairs first (same role, same qualifiers), then pairs where one side says
        # less: "52 passengers" (carried) must not take "Twelve" (died) from "12 passengers".
        # Pairs that give one value first: where one report's passage gives "69 yards … 83
        # yards" and the other's "83 yards", the 83 meets the 83 whichever is read first.
        candidates = [(i, j) for x, i in enumerate(members) for j in members[x + 1:]]
        if len({claims[i].mention.article for i in members}) < len(members):
            # (only where an article has two claims here: else no pair can take another's place)
            candidates.sort(key=lambda ij: not _same_value(claims[ij[0]], claims[ij[1]]))
        for wanted in (2, 1):
            for i, j in candidates:
                a, b = claims[i], claims[j]
                if a.mention.article == b.mention.article:
                    continue
                # One claim per other article: a passage of the group that says the
                # day of another event ("his wife resigned last month") must not be
                # chained in through a claim that already has its match there.
                passage_b = (b.mention.article, -1)
                passage_a = (a.mention.article, -1)
                if (i, passage_b) in used or (j, passage_a) in used:
                    continue
                if same_group(a, b) == wanted:
                    union(i, j)
                    used.add((i, passage_b))
                    used.add((j, passage_a))

    # Each joined set speaks with one key: a member's missing role or place is filled
    # in by the others (one outlet wrote "troops in Iraq", the other only "troops").
    sets: dict[int, list[int]] = {}
    for i in range(len(claims)):
        sets.setdefault(find(i), []).append(i)
    buckets: dict[Hashable, list[int]] = {}
    for root, members in sets.items():
        keys = [key(claims[i]) for i in members]
        merged = next((k for k in keys if k), None)
        if merged is None:
            continue
        buckets.setdefault(merged, []).append(root)
    for bucket, roots in buckets.items():
        if refine is None:
            if recurring is not None and recurring(bucket) and _one_article_tells_apart(
                    [sets[r] for r in roots], claims):
                for x, y in _shared_values([sets[r] for r in roots], claims):
                    union(roots[x], roots[y])
                continue
            for other in roots[1:]:
                union(roots[0], other)
            continue
        for x, y in average_linkage([sets[r] for r in roots], claims, refine, refine_min):
            union(roots[x], roots[y])
    if broaden is not None:
        # A key that names no nationality or place joins the one key that does, if
        # only one does: then nothing else could be meant.
        narrow: dict[Hashable, tuple[list[Hashable], list[Hashable]]] = {}
        for k in buckets:
            wide, specific = broaden(k)
            narrow.setdefault(wide, ([], []))[0 if specific else 1].append(k)
        # Each key's own claims, as they stand before any key is broadened.
        by_root: dict[int, list[C]] = {}
        for i, c in enumerate(claims):
            by_root.setdefault(find(i), []).append(c)
        own = {k: [c for r in sorted({find(r) for r in roots}) for c in by_root[r]]
               for k, roots in buckets.items()}
        for specific_keys, general_keys in narrow.values():
            if len(specific_keys) == 1:
                specific = own[specific_keys[0]]
                for k in general_keys:
                    if _told_apart(specific, own[k]):
                        continue  # one report gives both, differently ("14 people across
                        # the district", "four people in Harrow"): a whole and its part, not
                        # one figure with its place left unsaid
                    union(buckets[specific_keys[0]][0], buckets[k][0])
    out: dict[int, list[C]] = {}
    for i, c in enumerate(claims):
        out.setdefault(find(i), []).append(c)
    return list(out.values())


def _overlap(a: C, b: C) -> bool | None:
    """Whether the two claims' values overlap; None when either has no ``interval``."""
    ia, ib = getattr(a, "interval", None), getattr(b, "interval", None)
    return None if ia is None or ib is None else ia.overlaps(ib)


def _same_value(a: C, b: C) -> bool:
    """Whether two claims state one value: by their ``same_value`` (dates, times), else by
    their intervals overlapping (quantities)."""
    same = getattr(a, "same_value", None)
    return same(b) if same is not None else _overlap(a, b) is True


def _told_apart(a: Sequence[C], b: Sequence[C]) -> bool:
    """One article has a claim in each set and their values differ (claims with an
    ``interval``; others are never told apart)."""
    return any(x.mention.article == y.mention.article and _overlap(x, y) is False
               for x in a for y in b)


def _one_article_tells_apart(sets: list[list[int]], claims: Sequence[C]) -> bool:
    """One article has claims in two of the sets whose values differ."""
    for n, a in enumerate(sets):
        for b in sets[n + 1:]:
            if _told_apart([claims[i] for i in a], [claims[i] for i in b]):
                return True
    return False


def _shared_values(sets: list[list[int]], claims: Sequence[C]) -> list[tuple[int, int]]:
    """Merges (indices into ``sets``, in order) of sets that state one value in different
    articles, never bringing one article's two different values together."""
    merged = [list(s) for s in sets]
    alive = list(range(len(sets)))
    merges: list[tuple[int, int]] = []
    for x in range(len(sets)):
        for y in range(x + 1, len(sets)):
            if x not in alive or y not in alive:
                continue
            a, b = [claims[i] for i in merged[x]], [claims[i] for i in merged[y]]
            if _told_apart(a, b) or not any(
                    p.mention.article != q.mention.article and _same_value(p, q)
                    for p in a for q in b):
                continue
            merges.append((x, y))
            merged[x] += merged[y]
            alive.remove(y)
    return merges


def average_linkage(sets: list[list[int]], claims: Sequence[C],
                     similarity: Callable[[C, C], float], least: float
                     ) -> list[tuple[int, int]]:
    """Merge sets best first while the mean similarity between them reaches ``least``.

    Average linkage (as in :mod:`align`): one loose likeness cannot chain two
    different events together. Returns the merges as pairs of indices into ``sets``.
    """
    n = len(sets)
    if n < 2:
        return []
    sums = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            total = sum(similarity(claims[a], claims[b]) for a in sets[i] for b in sets[j])
            sums[i][j] = sums[j][i] = total
    size = [len(s) for s in sets]
    alive = set(range(n))
    merges: list[tuple[int, int]] = []
    while True:
        best, pair = least, None
        for i in alive:
            for j in alive:
                if i < j:
                    mean = sums[i][j] / (size[i] * size[j])
                    if mean >= best:
                        best, pair = mean, (i, j)
        if pair is None:
            return merges
        i, j = pair
        merges.append((i, j))
        alive.discard(j)
        size[i] += size[j]
        for k in alive:
            if k != i:
                sums[i][k] = sums[k][i] = sums[i][k] + sums[j][k]
