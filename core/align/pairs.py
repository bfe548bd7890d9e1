"""Aligning passages across articles: which sentences report the same thing.

The idea, in five steps:

1. Each passage becomes a *signature*: its content words (no stop words),
   lower-cased, lightly stemmed, with news synonyms folded ("died"/"killed",
   "quake"/"tremor", "sales"/"revenue") and British spellings made American,
   sorted and de-duplicated. Order is gone: outlets reorder clauses.
2. Each word is repeated by its rarity in the batch (rounded IDF, 1-4), and
   rapidfuzz's ``process.cdist`` scores all pairs of passages from different
   articles at once with ``fuzz.ratio`` on these token lists: on sorted lists
   that is a Dice coefficient weighted by rarity. Figures are left out of that
   score, so "17 missiles" beside "a dozen missiles" still aligns and the
   discrepancy shows side by side; a specific figure both passages state
   ("$2.31 billion") then adds a bonus, and so does being the lede (first
   sentence) of both reports: news is written top-down.
3. Pairs are merged greedily, best first, into groups holding at most one
   passage per article, and only while the *average* score between the two
   groups stays high (average linkage stops chains of weak links from gluing
   unrelated sentences together).
4. A passage left alone joins a group when its words sit almost all inside a
   longer passage of another article (one outlet said in two sentences what
   another said in one), or when it shares a long verbatim run of words with
   one (reused wire copy inside otherwise different sentences).
5. A passage still alone joins the passage of another article that is its best
   match there when it is that passage's best match too, at a lower score,
   unless the two name days two or more apart (two events, not one).

Example::

    >>> from storydiff.core.model import Passage
    >>> a = Passage("a", 0, 0, 0, "Most missiles were intercepted by air defences.")
    >>> b = Passage("b", 0, 0, 0, "Air defences intercepted most of the missiles.")
    >>> [g.members for g in align({"a": (a,), "b": (b,)})]
    [(PassageRef(article='a', passage=0), PassageRef(article='b', passage=0))]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..model import Group, GroupStatus, Passage, PassageKind, WordDiff
from ..words import STOPWORDS, WORD, norm_words, signature, stem

# Thresholds, on rapidfuzz's 0-100 scale. Chosen on hand-checked pairs from news
# coverage of several stories: paraphrases of one statement score 55-95,
# different statements that share a topic's vocabulary ("claimed responsibility
# for the attack on the base") score 30-50.
PAIR_MIN = 45  # a pair this close may start or grow a group
# Two passages of different articles that are each other's best match score lower
# than PAIR_MIN when one outlet paraphrases another (25-45 on the stories we
# checked); being each other's best match is the evidence that makes up for it.
MUTUAL_MIN = 32
MUTUAL_GROUP_MIN = 20  # …and its average score with the group it joins (unscored pairs count 0)
GROUP_MIN = 40  # average score between two groups for them to merge
KEEP_MIN = 30  # pairs below this are not stored (treated as 0 in averages)
LOOSE_MIN = 20  # …except for step 6, which reads pairs down to this
CONTAINED_MIN = 0.8  # share of a short passage's words found in a longer one (step 4)
CONTAINED_MIN_WORDS = 5  # shorter passages are too generic for step 4
# Outlets reuse wire copy: a verbatim run of this many words, making up this share of
# the shorter passage, says two passages carry the same statement even when the rest
# of each sentence differs ("Washington has on several occasions launched strikes of
# its own, which…" / "…, Washington has on several occasions launched strikes of its
# own ever since…").
VERBATIM_MIN_WORDS = 6
VERBATIM_MIN_SHARE = 0.4
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
LONE_MIN = 27  # step 6: a lone passage this close to one of a group joins it
SIBLING_MAX = 45  # …unless it is this close to its own article's passage there
# Step 7: a passage listed in a second group (see _attach_also).
ALSO_MIN = KEEP_MIN
ALSO_GROUP_MIN = 15
ALSO_SHARED_WORDS = 3
WEIGHT_MAX = 4  # a word's weight is its rounded IDF in the batch, capped here

def _weighted(signatures: list[list[str]]) -> list[list[str]]:
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
class _Pairs:
    """Sparse pair scores: (i, j) with i < j → score, for pairs from different articles."""

    scores: dict[tuple[int, int], float]

    def get(self, i: int, j: int) -> float:
        return self.scores.get((i, j) if i < j else (j, i), 0.0)


def align(passages: Mapping[str, Sequence[Passage]]) -> tuple[Group, ...]:
    """Group the passages of several articles that report the same thing.

    ``passages`` maps article id to that article's passages. Returns groups of
    two or more passages, in the order of their first member's appearance;
    a passage in no group is said by its article only.
    """
    # Captions, credits and teasers stay in the text but take no part: a caption that
    # repeats the lede would take its article's place in the lede's group.
    flat = [p for article_passages in passages.values() for p in article_passages
            if p.kind != PassageKind.CAPTION]
    if len([ps for ps in passages.values() if ps]) < 2:
        return ()
    signatures = [signature(p.text) for p in flat]
    words = [[w for w in sig if not w.startswith("#")] for sig in signatures]
    weighted = _weighted(words)
    article_index = {aid: n for n, aid in enumerate(passages)}
    owner = [article_index[p.article] for p in flat]
    pairs = _score_pairs(weighted, owner)
    pairs = _add_shared_figures(signatures, weighted, owner, pairs, len(passages))
    pairs = _add_lede_bonus(flat, weighted, pairs)
    # A headline pairs with headlines: beside a lede it would take its article's one
    # place in the lede's group and push out that article's own lede.
    heading = [p.kind == PassageKind.HEADING for p in flat]
    loose = _Pairs({ij: v for ij, v in pairs.scores.items() if heading[ij[0]] == heading[ij[1]]})
    pairs = _Pairs({ij: v for ij, v in loose.scores.items() if v >= KEEP_MIN})
    clusters = _merge(flat, pairs)
    clusters = _attach_contained(flat, [Counter(w) for w in weighted], pairs, clusters)
    wording = [norm_words(p.text) for p in flat]  # every word, for verbatim runs and "agree"
    clusters = _attach_verbatim(flat, wording, clusters)
    clusters = _attach_mutual(flat, pairs, clusters)
    clusters = _attach_lone(flat, weighted, loose, clusters)
    clusters, also = _attach_also(flat, pairs, clusters, words)
    groups: list[Group] = []
    place = lambda i: (article_index[flat[i].article], flat[i].index)  # noqa: E731
    for members in sorted(clusters, key=lambda c: min(map(place, c))):
        if len(members) < 2:
            continue
        ordered = sorted(members, key=place)
        extra = tuple(flat[i].ref for i in sorted(also.get(min(members), ()), key=place))
        groups.append(_group(len(groups), [flat[i] for i in ordered], ordered, pairs, wording, extra))
    return tuple(groups)


def _score_pairs(signatures: list[list[str]], owner: list[int]) -> _Pairs:
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
        return _Pairs(scores)
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
    return _Pairs(scores)


def _add_shared_figures(signatures: list[list[str]], weighted: list[list[str]], owner: list[int],
                        pairs: _Pairs, articles: int) -> _Pairs:
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
        if len(held) > FIGURE_SPECIFIC_MAX * max(articles, 1) ** 0.5:
            continue
        bonus = _figure_bonus(figure[1:])
        for n, i in enumerate(held):
            for j in held[n + 1:]:
                if owner[i] != owner[j]:
                    shared.setdefault((i, j), []).append(bonus)
    scores = dict(pairs.scores)
    for (i, j), bonuses in shared.items():
        base = scores.get((i, j))
        if base is None:
            base = fuzz.ratio(weighted[i], weighted[j])
        boosted = base + sum(sorted(bonuses, reverse=True)[:FIGURE_BONUS_MAX])
        if boosted >= LOOSE_MIN:
            scores[(i, j)] = min(100.0, boosted)
    return _Pairs(scores)


def _figure_bonus(figure: str) -> float:
    """What sharing a figure is worth: the more digits it is stated to, the less likely two
    statements share it by chance ("$284.46", "$28,156" against "$5 billion", "2")."""
    digits = figure.replace(".", "").strip("0") or "0"
    if "." not in figure and len(figure) == 4 and figure[:2] in ("19", "20"):
        return FIGURE_BONUS  # a year
    return FIGURE_BONUS * min(max(len(digits) - 1, 1), FIGURE_PRECISE_MAX)


def _add_lede_bonus(flat: list[Passage], weighted: list[list[str]], pairs: _Pairs) -> _Pairs:
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
            if base >= LEDE_BASE_MIN and not _different_days(flat[i].text, flat[j].text):
                scores[(i, j)] = min(100.0, base + LEDE_BONUS)
    return _Pairs(scores)


def _merge(flat: list[Passage], pairs: _Pairs) -> list[set[int]]:
    cluster_of = list(range(len(flat)))
    members: dict[int, set[int]] = {i: {i} for i in range(len(flat))}
    articles: dict[int, set[str]] = {i: {p.article} for i, p in enumerate(flat)}
    # The sum of pair scores between two clusters, kept up to date at each merge
    # (adding the two rows), so a merge costs the clusters' neighbours, not every
    # pair of their members.
    link: dict[int, dict[int, float]] = {}
    for (i, j), score in pairs.scores.items():
        link.setdefault(i, {})[j] = score
        link.setdefault(j, {})[i] = score
    # Best pair first; ties broken by the passages' words, never by input order, so
    # the groups do not depend on the order the articles were given in.
    ranked = sorted(pairs.scores.items(),
                    key=lambda kv: (-kv[1], *sorted((flat[kv[0][0]].text, flat[kv[0][1]].text))))
    for (i, j), score in ranked:
        if score < PAIR_MIN:
            break
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or articles[ci] & articles[cj]:
            continue
        average = link[ci].get(cj, 0.0) / (len(members[ci]) * len(members[cj]))
        if average < GROUP_MIN:
            continue
        keep, gone = (ci, cj) if len(members[ci]) >= len(members[cj]) else (cj, ci)
        for m in members[gone]:
            cluster_of[m] = keep
        members[keep] |= members.pop(gone)
        articles[keep] |= articles.pop(gone)
        row, gone_row = link[keep], link.pop(gone)
        row.pop(gone, None)
        for other, value in gone_row.items():
            if other == keep:
                continue
            row[other] = row.get(other, 0.0) + value
            neighbour = link[other]
            neighbour[keep] = neighbour.get(keep, 0.0) + neighbour.pop(gone)
    return list(members.values())


def _attach_contained(flat: list[Passage], words: list[Counter[str]], pairs: _Pairs,
                      clusters: list[set[int]]) -> list[set[int]]:
    """Step 4: a lone passage nearly contained in a longer passage of another article."""
    cluster_of = {i: n for n, c in enumerate(clusters) for i in c}
    candidates: dict[int, list[int]] = {}
    for i, j in pairs.scores:
        candidates.setdefault(i, []).append(j)
        candidates.setdefault(j, []).append(i)
    for i in range(len(flat)):
        if len(clusters[cluster_of[i]]) > 1 or len(words[i]) < CONTAINED_MIN_WORDS:
            continue
        best, best_share = None, CONTAINED_MIN
        for j in candidates.get(i, ()):
            if words[j].total() < 1.3 * words[i].total():
                continue
            share = (words[i] & words[j]).total() / words[i].total()
            if share >= best_share:
                best, best_share = j, share
        if best is None:
            continue
        target = clusters[cluster_of[best]]
        # The longer passage may take a second passage from one article only when
        # the article's other passage in the group is also one of its pieces.
        same_article = [m for m in target if flat[m].article == flat[i].article]
        if any((words[m] & words[best]).total() < CONTAINED_MIN * words[m].total()
               for m in same_article):
            continue
        if any(flat[m].article == flat[best].article and m != best for m in target):
            continue
        target.add(i)
        clusters[cluster_of[i]] = set()
        cluster_of[i] = cluster_of[best]
    return [c for c in clusters if c]


def _attach_verbatim(flat: list[Passage], words: list[list[str]],
                     clusters: list[set[int]]) -> list[set[int]]:
    """Step 4b: a lone passage joins one that shares a long verbatim run of its words."""
    cluster_of = {i: n for n, c in enumerate(clusters) for i in c}
    shingles: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(flat)):
        w = words[i]
        for k in range(len(w) - VERBATIM_MIN_WORDS + 1):
            shingles.setdefault(tuple(w[k:k + VERBATIM_MIN_WORDS]), []).append(i)
    linked: dict[tuple[int, int], int] = {}
    for holders in shingles.values():
        if len(holders) > 8:
            continue  # a stock phrase, not a shared statement
        for a in holders:
            for b in holders:
                if a < b and flat[a].article != flat[b].article:
                    linked[(a, b)] = linked.get((a, b), 0) + 1
    ranked = sorted(linked.items(),
                    key=lambda kv: (-kv[1], *sorted((flat[kv[0][0]].text, flat[kv[0][1]].text))))
    for (a, b), shared in ranked:
        run = shared + VERBATIM_MIN_WORDS - 1  # consecutive shingles: an upper bound on the run
        shorter = min(len(words[a]), len(words[b]))
        ca, cb = cluster_of[a], cluster_of[b]
        if run < VERBATIM_MIN_SHARE * shorter or ca == cb:
            continue
        if len(clusters[ca]) > 1 and len(clusters[cb]) > 1:
            continue
        lone_one, other = (a, cb) if len(clusters[ca]) == 1 else (b, ca)
        if any(flat[m].article == flat[lone_one].article for m in clusters[other]):
            continue
        clusters[other] |= clusters[cluster_of[lone_one]]
        clusters[cluster_of[lone_one]] = set()
        cluster_of[lone_one] = other
    return [c for c in clusters if c]


def _attach_mutual(flat: list[Passage], pairs: _Pairs, clusters: list[set[int]]) -> list[set[int]]:
    """Step 5: a lone passage joins the passage of another article that is its best
    match there, when it is that passage's best match in its own article too."""
    best: dict[tuple[int, str], tuple[float, int]] = {}  # (passage, other article) -> (score, match)
    for (i, j), score in pairs.scores.items():
        if score < MUTUAL_MIN:
            continue
        for a, b in ((i, j), (j, i)):
            key = (a, flat[b].article)
            if key not in best or (score, -b) > (best[key][0], -best[key][1]):
                best[key] = (score, b)
    cluster_of = {i: n for n, c in enumerate(clusters) for i in c}
    ranked = sorted(((score, a, b) for (a, _), (score, b) in best.items() if a < b),
                    key=lambda t: (-t[0], *sorted((flat[t[1]].text, flat[t[2]].text))))
    for _score, a, b in ranked:
        if best.get((b, flat[a].article), (0, -1))[1] != a:
            continue  # not mutual
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb or (len(clusters[ca]) > 1 and len(clusters[cb]) > 1):
            continue
        lone, other = (a, cb) if len(clusters[ca]) == 1 else (b, ca)
        if any(flat[m].article == flat[lone].article for m in clusters[other]):
            continue
        average = sum(pairs.get(lone, m) for m in clusters[other]) / len(clusters[other])
        if average < MUTUAL_GROUP_MIN:
            continue  # its best match, but a stranger to the rest of that group
        if any(_different_days(flat[lone].text, flat[m].text) for m in clusters[other]):
            continue  # weak evidence, and they name days apart: two events, not one
        clusters[other] |= clusters[cluster_of[lone]]
        clusters[cluster_of[lone]] = set()
        cluster_of[lone] = other
    return [c for c in clusters if c]


def _attach_lone(flat: list[Passage], weighted: list[list[str]], pairs: _Pairs,
                 clusters: list[set[int]]) -> list[set[int]]:
    """Step 6, many-to-many: a passage still alone joins the group of its best match
    in another article even when that group already holds a passage of its own
    article (one outlet said in two sentences what another said in one), when
    the pair is close on its own (LONE_MIN) and names no days apart. A passage of
    the same article already there must say something else (the other half of
    the statement, SIBLING_MAX): two near-identical sentences of one article
    ("arrested three men" / "arrested two women") are two statements."""
    cluster_of = {i: n for n, c in enumerate(clusters) for i in c}
    ranked = sorted(((score, i, j) for (i, j), score in pairs.scores.items() if score >= LONE_MIN),
                    key=lambda t: (-t[0], *sorted((flat[t[1]].text, flat[t[2]].text))))
    for _score, a, b in ranked:
        ca, cb = cluster_of[a], cluster_of[b]
        lone_a, lone_b = len(clusters[ca]) == 1, len(clusters[cb]) == 1
        if ca == cb or not (lone_a or lone_b):
            continue
        lone, other = (a, cb) if lone_a else (b, ca)
        if any(_different_days(flat[lone].text, flat[m].text) for m in clusters[other]):
            continue
        if any(flat[m].article == flat[lone].article
               and fuzz.ratio(weighted[lone], weighted[m]) >= SIBLING_MAX for m in clusters[other]):
            continue
        clusters[other] |= clusters[cluster_of[lone]]
        clusters[cluster_of[lone]] = set()
        cluster_of[lone] = other
    return [c for c in clusters if c]


def _attach_also(flat: list[Passage], pairs: _Pairs, clusters: list[set[int]],
                 words: list[list[str]]) -> tuple[list[set[int]], dict[int, set[int]]]:
    """Step 7, many-to-many: a passage that also says another group's statement.

    A sentence often carries two facts ("…one car packed with explosives was driven into
    the wall, but authorities were investigating if a second car was involved"), and
    each of them has its group. The passage stays where steps 1-6 put it and is listed
    in the other group too when it is close to one of that group's passages (ALSO_MIN,
    sharing ALSO_SHARED_WORDS words, that passage's best match in the article), near the
    group as a whole (ALSO_GROUP_MIN on average), the group holds nothing of its article
    and no days apart are named. A passage still alone joins the group outright.

    Returns the clusters and, keyed by each cluster's smallest index, its extra passages.
    """
    cluster_of = {i: n for n, c in enumerate(clusters) for i in c}
    best: dict[tuple[int, str], float] = {}  # (passage, other article) -> its best score there
    for (i, j), score in pairs.scores.items():
        for a, b in ((i, j), (j, i)):
            key = (a, flat[b].article)
            best[key] = max(best.get(key, 0.0), score)
    extra: dict[int, set[int]] = {}
    lone_joins: list[tuple[int, int]] = []
    for (i, j), score in sorted(pairs.scores.items()):
        if score < ALSO_MIN or cluster_of[i] == cluster_of[j]:
            continue
        if len(set(words[i]) & set(words[j])) < ALSO_SHARED_WORDS:
            continue
        for p, q in ((i, j), (j, i)):
            target = clusters[cluster_of[q]]
            if best[(q, flat[p].article)] > score or len(target) < 2:
                continue
            if any(flat[m].article == flat[p].article for m in target):
                continue
            if sum(pairs.get(p, m) for m in target) / len(target) < ALSO_GROUP_MIN:
                continue
            if any(_different_days(flat[p].text, flat[m].text) for m in target):
                continue
            if len(clusters[cluster_of[p]]) == 1:
                lone_joins.append((p, cluster_of[q]))
            else:
                extra.setdefault(cluster_of[q], set()).add(p)
    # One passage per article in a second group: the one closest to the group as a whole.
    for n, candidates in extra.items():
        best_of: dict[str, int] = {}
        for p in sorted(candidates):
            mean = sum(pairs.get(p, m) for m in clusters[n]) / len(clusters[n])
            kept = best_of.get(flat[p].article)
            if kept is None or mean > sum(pairs.get(kept, m) for m in clusters[n]) / len(clusters[n]):
                best_of[flat[p].article] = p
        extra[n] = set(best_of.values())
    for p, n in lone_joins:  # each lone passage joins the first group it qualified for
        if len(clusters[cluster_of[p]]) == 1 and not any(
                flat[m].article == flat[p].article for m in clusters[n]):
            clusters[cluster_of[p]] = set()
            clusters[n].add(p)
            cluster_of[p] = n
    for n, passages_ in extra.items():
        passages_ -= clusters[n]
        passages_ -= {p for p in passages_ if any(flat[m].article == flat[p].article for m in clusters[n])}
    keyed = {min(clusters[n]): ps for n, ps in extra.items() if ps and clusters[n]}
    return [c for c in clusters if c], keyed


_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = re.compile(r"\b(?:(mon|tues|wednes|thurs|fri|satur|sun)day"
                  r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b)",
                  re.IGNORECASE)
# Outlets often disagree by a day (time zones, "yesterday"); two events told apart
# by their dates are usually further apart than that.
DAYS_APART_MIN = 2


def _days(text: str) -> tuple[set[int], set[tuple[int, int]]]:
    """The weekdays (0-6) and (month, day) pairs a passage names."""
    weekdays, dates = set(), set()
    for m in _DAY.finditer(text):
        if m.group(1):
            weekdays.add(_WEEKDAYS.index(m.group(1).lower()))
        else:
            dates.add((_MONTHS.index(m.group(2).lower()), int(m.group(3))))
    return weekdays, dates


def _different_days(a: str, b: str) -> bool:
    """Both passages name a day, and no day of one is within a day of one of the other."""
    (wa, da), (wb, db) = _days(a), _days(b)
    if wa and wb and all(min((x - y) % 7, (y - x) % 7) >= DAYS_APART_MIN for x in wa for y in wb):
        return True
    return bool(da and db and all(ma != mb or abs(xa - xb) >= DAYS_APART_MIN
                                  for ma, xa in da for mb, xb in db))


def _group(group_id: int, members: list[Passage], index: list[int], pairs: _Pairs,
           wording: list[list[str]], also: tuple = ()) -> Group:
    scores = [pairs.get(index[a], index[b]) for a in range(len(index))
              for b in range(a + 1, len(index)) if members[a].article != members[b].article]
    similarity = round(sum(scores) / len(scores), 1) if scores else 100.0
    same = len({tuple(wording[i]) for i in index}) == 1
    return Group(
        id=group_id,
        members=tuple(p.ref for p in members),
        similarity=similarity,
        status=GroupStatus.AGREE if same else GroupStatus.WORDING,
        diffs=tuple(word_diff(members)),
        also=also,
    )


def word_diff(members: Sequence[Passage]) -> list[WordDiff]:
    """For each member, the spans of its words that no member from another article uses.

    Words are compared by stem, case-folded; stop words are never "own".
    Numbers count: "17" beside "a dozen" is exactly what should stand out.
    """
    keyed = []
    for p in members:
        tokens = []
        for m in WORD.finditer(p.text):
            word = m.group().lower().rstrip(".,")
            tokens.append((m.start(), m.end(), word if word[0].isdigit() else stem(word)))
        keyed.append(tokens)
    diffs = []
    for n, p in enumerate(members):
        others = {key for k, tokens in enumerate(keyed) if members[k].article != p.article
                  for _, _, key in tokens}
        own = tuple((s, e) for s, e, key in keyed[n]
                    if key not in others and key not in STOPWORDS)
        diffs.append(WordDiff(p.ref, own))
    return diffs
