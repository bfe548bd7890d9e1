"""Which articles of a batch report one event: their vectors, the pairs worth comparing, and the
test a pair must pass. :func:`storydiff.core.review.stories.find_stories` joins what links.

See :mod:`storydiff.core.review.stories` for the method as a whole.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from ..disjoint import DisjointSets
from ..model import Article
from .terms import features, reported_text

Progress = Callable[[int, int], None]

# --- Thresholds. First chosen on the five seed articles (one event told five ways) mixed
# with hand-written articles on other subjects, and on the generated batches of
# benchmarks/bench_review.py, where sibling events are written from one template (two
# floods, two strikes) and differ only in names, places, numbers and dates; then fitted on
# real labelled news (benchmarks/bench_grouping.py), each on one dataset and reported on
# the other: LINK_SIMILARITY, STORY_SIMILARITY, VECTOR_SIZE and HEADLINE_WEIGHT on BASIL
# (normal and one-week), MERGE_SIMILARITY and SHARED_NAMES on Giveme5W1H (BASIL did not
# tell their values apart). The generated batches must still group at precision and
# recall 1.000.

# Strongest features kept per article: every name and number of a short wire story and
# the shared wording of a long feature. The smallest size at BASIL's best F1 (it is flat
# from 150 to 300; 60 split long reports); fitted on BASIL, reported on Giveme5W1H.
VECTOR_SIZE = 150
# Features per article that go into the candidate index, and how many date-sorted
# neighbours each article is paired with per feature. 10 x 8 pairs per article at
# most: enough to chain a 300-article story, cheap enough for 10,000 articles.
INDEX_FEATURES = 10
NEIGHBOURS = 8
# Cosine similarity (0..1) at which two articles report the same event. On the seeds
# mixed with made-up news, each seed had a same-event partner at 0.25-0.35 and other
# same-event pairs scored 0.5; different events, even two floods on one day, scored
# at most 0.11. Real independently written coverage mostly scores 0.1-0.4.
LINK_SIMILARITY = 0.15
# A linked article must also be this close (cosine) to the whole story it joins, not only
# to one member: the guard against chaining related events through near-copies.
STORY_SIMILARITY = 0.15
# Two stories of several articles each join only when their summed vectors are this close
# (cosine): one pair of articles on related events (two shutdown deals, a subpoena and a
# pardon in one inquiry) no longer bridges two whole stories. Fitted on Giveme5W1H (normal
# and one-week, the highest value at its best F1), reported on BASIL.
MERGE_SIMILARITY = 0.4
# Near-copies (wire copy re-run by several outlets) link on wording alone.
COPY_SIMILARITY = 0.6
# Below COPY_SIMILARITY a pair must also share this much name-and-number weight
# (fraction of the smaller article's name-and-number weight).
SHARED_ENTITIES = 0.12
# ...and at least this many distinct names or numbers: one shared company name or one
# coincidental figure ("up 58%") is not an event.
SHARED_NAMES = 2
# A small batch is read as a slice of a bigger one in which its words are rarer: without
# this, a batch of five articles on one event counts their shared words as noise.
MIN_CORPUS = 50
# Names and numbers say which event; content words only say what kind of event.
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 1.5
# A headline says in a few words what happened ("subpoenas", "announces run"); the body
# of two related events' reports shares most of its names. Terms in the headline weigh
# this much more. Fitted on BASIL (normal and one-week), reported on Giveme5W1H.
HEADLINE_WEIGHT = 2.0
# Dated articles further apart than this are not linked directly...
WINDOW_DAYS = 3
# ...and a story never spans more than this from its first to its last article...
MAX_SPAN_DAYS = 7
# ...unless the evidence grows with the distance: past either limit a pair of articles (or
# two stories) needs a cosine of FAR_SIMILARITY plus FAR_STEP for each doubling of the
# distance past the limit (a follow-up 12 days on needs 0.3), a far pair needs one name more
# than SHARED_NAMES (even a near-copy), and two far headlines that both give figures must
# share one. Real follow-ups (an inquiry's findings after a collapse, a launch after its
# announcement) share most names and wording; sibling events (two floods, two strikes)
# share a template and two names at most, and a recurring report (weekly jobless claims,
# quarterly results) leads with a new figure. Nothing links across more than FAR_DAYS:
# monthly reports share everything but the month. Fitted on Giveme5W1H (normal and
# one-week; FAR_DAYS 21 / 28 / 30 / none: 0.865 / 0.874 / 0.876 / 0.879), reported on BASIL;
# the generated batches of benchmarks/bench_review.py hold at precision and recall 1.000.
FAR_SIMILARITY = 0.1
FAR_STEP = 0.1
FAR_DAYS = 28


def join(articles: Sequence[Article], progress: Progress | None = None
         ) -> tuple[list[int], list[set[str]], dict[str, str]]:
    """Link the articles that report one event: each article's story (a root index), each
    article's names, and how each name is spelt."""
    n = len(articles)
    vectors, entity_mass, df, names, spelling, figures = _vectors(articles, progress)
    joined = DisjointSets(range(n))
    find = joined.find
    days = [a.date.toordinal() if a.date is not None else None for a in articles]
    span = [(d, d) for d in days]

    # Each story's summed vector and its squared length, kept at the story's root.
    centroid = [dict(v) for v in vectors]
    norms = [sum(w * w for w in v.values()) for v in vectors]
    sizes = [1] * n

    pairs = _candidates(vectors, days, df)
    scored: list[tuple[float, int, int]] = []
    for done, (i, j) in enumerate(pairs):
        if progress is not None and done % 20000 == 0:
            progress(n + done * n // (2 * len(pairs)), 2 * n)  # reading was the first half
        day_i, day_j = days[i], days[j]
        need, far = 0.0, False
        gap = abs(day_i - day_j) if day_i is not None and day_j is not None else 0
        if gap > WINDOW_DAYS:
            if gap > FAR_DAYS or (figures[i] and figures[j] and not figures[i] & figures[j]):
                continue
            need, far = _far_need(gap, WINDOW_DAYS), True
        similarity = _same_event(vectors[i], vectors[j], entity_mass[i], entity_mass[j], far)
        if similarity is not None and similarity >= need:
            scored.append((-similarity, i, j))
    scored.sort()  # the strongest evidence first: a story's core forms before its edges join
    for done, (_, i, j) in enumerate(scored):
        if progress is not None and done % 20000 == 0:
            progress(n + (len(scored) + done) * n // (2 * len(scored)), 2 * n)
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        merged = _merge_span(span[ri], span[rj])
        length = merged[1] - merged[0] if merged[0] is not None and merged[1] is not None else 0
        if length > MAX_SPAN_DAYS and (length > FAR_DAYS or not _close_stories(
                centroid[ri], norms[ri], centroid[rj], norms[rj],
                _far_need(length, MAX_SPAN_DAYS))):
            continue  # too long a story for what its two halves share
        if not (_near_story(vectors[i], centroid[rj], norms[rj])
                and _near_story(vectors[j], centroid[ri], norms[ri])):
            continue  # close to one member, not to the story: a chain through near-copies
        if sizes[ri] > 1 and sizes[rj] > 1 and not _close_stories(
                centroid[ri], norms[ri], centroid[rj], norms[rj]):
            continue  # two stories, each whole, that one pair of articles bridges
        root = joined.union(ri, rj)
        span[root] = merged
        sizes[root] = sizes[ri] + sizes[rj]
        big, small = (ri, rj) if len(centroid[ri]) >= len(centroid[rj]) else (rj, ri)
        total = centroid[big]
        dot = sum(w * total.get(f, 0.0) for f, w in centroid[small].items())
        for f, w in centroid[small].items():
            total[f] = total.get(f, 0.0) + w
        norms[root] = norms[big] + norms[small] + 2 * dot
        centroid[root] = total
        if root != big:
            centroid[big] = {}
        if root != small:
            centroid[small] = {}
    # Second pass: an article left alone joins the story nearest to it, when the story as a
    # whole shares its names and admits it, though no one member was close enough.
    for i, root in _nearest_stories(pairs, vectors, find, sizes, span, centroid, norms):
        joined.union(i, root)
    if progress is not None:
        progress(2 * n, 2 * n)
    return [find(i) for i in range(n)], names, spelling


def _nearest_stories(pairs: Sequence[tuple[int, int]], vectors: Sequence[dict[int, float]],
                     find: Callable[[int], int], sizes: Sequence[int],
                     span: Sequence[tuple[int | None, int | None]],
                     centroid: Sequence[dict[int, float]], norms: Sequence[float]
                     ) -> list[tuple[int, int]]:
    """(article, story root) for each article alone in its story whose nearest story (among
    its candidate pairs' stories, within the date gate) shares SHARED_NAMES names with it and
    is within STORY_SIMILARITY of it; in article order."""
    best: dict[int, tuple[float, int]] = {}
    for i, j in pairs:
        for alone, other in ((i, j), (j, i)):
            ra, rb = find(alone), find(other)
            if sizes[ra] != 1 or sizes[rb] < 2:
                continue
            merged = _merge_span(span[ra], span[rb])
            if merged[0] is not None and merged[1] is not None \
                    and merged[1] - merged[0] > MAX_SPAN_DAYS:
                continue
            total = centroid[rb]
            vector = vectors[alone]
            if sum(1 for f in vector if f < 0 and f in total) < SHARED_NAMES:
                continue
            cosine = sum(w * total.get(f, 0.0) for f, w in vector.items()) / math.sqrt(norms[rb])
            if cosine >= STORY_SIMILARITY and cosine > best.get(alone, (0.0, -1))[0]:
                best[alone] = (cosine, rb)
    return [(alone, root) for alone, (_, root) in sorted(best.items())]


def _far_need(gap: int, limit: int) -> float:
    """The cosine two articles or stories ``gap`` days apart need, ``gap`` past ``limit``."""
    return FAR_SIMILARITY + FAR_STEP * math.log2(gap / limit)


def _close_stories(a: dict[int, float], norm_a: float, b: dict[int, float], norm_b: float,
                   need: float | None = None) -> bool:
    """Cosine of two stories' summed vectors reaches MERGE_SIMILARITY (or ``need``)."""
    if need is None:
        need = MERGE_SIMILARITY
    if norm_a <= 0 or norm_b <= 0:
        return False
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(f, 0.0) for f, w in a.items())
    return dot / math.sqrt(norm_a * norm_b) >= need


def _merge_span(a: tuple[int | None, int | None],
                b: tuple[int | None, int | None]) -> tuple[int | None, int | None]:
    lows = [d for d in (a[0], b[0]) if d is not None]
    highs = [d for d in (a[1], b[1]) if d is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)


def _near_story(vector: dict[int, float], total: dict[int, float], sqnorm: float) -> bool:
    """Cosine of an article with a story's summed vector reaches STORY_SIMILARITY."""
    if sqnorm <= 0:
        return False
    dot = sum(w * total.get(f, 0.0) for f, w in vector.items())
    return dot / math.sqrt(sqnorm) >= STORY_SIMILARITY


def _same_event(a: dict[int, float], b: dict[int, float], mass_a: float, mass_b: float,
                far: bool = False) -> float | None:
    """The cosine of two articles when they pass the same-event test, else None. A ``far``
    pair (dated beyond WINDOW_DAYS) must share one name more, however alike its wording:
    a template retold weeks apart ('X profit jumps 61% as sales rise') is another event."""
    if len(a) > len(b):
        a, b = b, a
        mass_a, mass_b = mass_b, mass_a
    cosine = 0.0
    shared_entities = 0.0
    distinct = 0
    for feature, weight in a.items():
        other = b.get(feature)
        if other is not None:
            cosine += weight * other
            if feature < 0:
                shared_entities += min(weight, other)
                distinct += 1
    if cosine >= COPY_SIMILARITY and not far:
        return cosine
    if cosine < LINK_SIMILARITY or distinct < SHARED_NAMES + far:
        return None
    smaller = min(mass_a, mass_b)
    return cosine if smaller > 0 and shared_entities >= SHARED_ENTITIES * smaller else None


# --- Vectors --------------------------------------------------------------------------------
# Feature ids: content words get positive ids, names and numbers negative ones, so
# _same_event can tell them apart without a lookup.


def _vectors(articles: Sequence[Article],
             progress: Progress | None
             ) -> tuple[list[dict[int, float]], list[float], Counter[int], list[set[str]],
                        dict[str, str]]:
    """Each article's top features (id → weight, unit length), its name-and-number
    weight, each feature's document frequency in the batch, each article's names,
    how each name is spelt, and the numbers and dates of each article's headline."""
    n = len(articles)
    ids: dict[tuple[str, str], int] = {}
    raw: list[Counter[int]] = []
    names: list[set[str]] = []
    spelling: dict[str, str] = {}
    df: Counter[int] = Counter()
    in_headline: list[set[int]] = []  # the features each headline has
    figures: list[frozenset[tuple[str, str]]] = []  # each headline's numbers and dates
    for done, article in enumerate(articles):
        if progress is not None and done % 200 == 0:
            progress(done, 2 * n)
        counts: Counter[int] = Counter()
        found = features(reported_text(article), spelling)
        names.append({value for kind, value in found if kind == "name"})
        headline = set(features(article.title)) if article.title else set()
        figures.append(frozenset(f for f in headline if f[0] in ("number", "date")))
        for feature, count in found.items():
            fid = ids.get(feature)
            if fid is None:
                fid = len(ids) + 1
                # Names and numbers are negative: they say which event. A shared date
                # counts like a word: two events on one day share it too.
                fid = -fid if feature[0] in ("name", "number") else fid
                ids[feature] = fid
            counts[fid] = count
        in_headline.append({ids[k] for k in headline if k in ids})
        raw.append(counts)
        df.update(counts.keys())
    corpus = max(n, MIN_CORPUS)
    number_ids = {fid for (kind, _), fid in ids.items() if kind == "number"}
    vectors: list[dict[int, float]] = []
    masses: list[float] = []
    for counts, headline_ids in zip(raw, in_headline, strict=True):
        weights: dict[int, float] = {}
        alone = 0.0  # squared weight of the terms no other article has
        for fid, count in counts.items():
            if df[fid] < 2:
                # Such a term can never match, so it takes no place among the vector's
                # features; it still counts in the vector's length, or in a small batch,
                # where few terms are shared, two articles sharing five words would look
                # like copies.
                alone += ((1.0 + math.log(count)) * math.log(1.0 + corpus)) ** 2
                continue
            # Smoothed idf, log(1 + N/df), with N at least MIN_CORPUS: in a batch of one
            # story every shared word is "common" but still evidence.
            weight = (1.0 + math.log(count)) * math.log(1.0 + corpus / df[fid])
            if fid < 0:
                weight *= NUMBER_WEIGHT if fid in number_ids else NAME_WEIGHT
            if fid in headline_ids:
                weight *= HEADLINE_WEIGHT
            weights[fid] = weight
        top = sorted(weights.items(), key=lambda kv: -kv[1])[:VECTOR_SIZE]
        norm = math.sqrt(sum(w * w for _, w in top) + alone) or 1.0
        vector = {fid: w / norm for fid, w in top}
        vectors.append(vector)
        masses.append(sum(w for fid, w in vector.items() if fid < 0))
    return vectors, masses, df, names, spelling, figures


def _candidates(vectors: Sequence[dict[int, float]], days: Sequence[int | None],
                df: Mapping[int, int]) -> list[tuple[int, int]]:
    """Pairs worth comparing: neighbours (by date) in the posting lists of strong shared features.

    Pairs are ordered so that the strongest evidence comes first; the list
    length is at most ``INDEX_FEATURES * NEIGHBOURS * len(vectors)``.
    """
    postings: dict[int, list[int]] = {}
    for i, vector in enumerate(vectors):
        shared = [fid for fid in vector if df[fid] >= 2]
        shared.sort(key=lambda fid: -vector[fid])
        for fid in shared[:INDEX_FEATURES]:
            postings.setdefault(fid, []).append(i)
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    # Rare features first: their posting lists are the likeliest to be one event.
    for _fid, posting in sorted(postings.items(), key=lambda kv: len(kv[1])):
        if len(posting) < 2:
            continue
        posting.sort(key=lambda i: (days[i] if days[i] is not None else 0, i))
        for a, i in enumerate(posting):
            for j in posting[a + 1:a + 1 + NEIGHBOURS]:
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    pairs.append(pair)
    return pairs
