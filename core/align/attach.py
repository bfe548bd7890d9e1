"""Steps 4-7 of the aligner (:mod:`.groups`): passages left alone, or saying a second
group's statement, join the groups that say what they say."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from ..model import Passage
from .pairs import KEEP_MIN, Pairs, different_days

# On rapidfuzz's 0-100 scale, as in :mod:`.groups`.
# Two passages of different articles that are each other's best match score lower
# than PAIR_MIN when one outlet paraphrases another (25-45 on the stories we
# checked); being each other's best match is the evidence that makes up for it.
MUTUAL_MIN = 32
MUTUAL_GROUP_MIN = 20  # …and its average score with the group it joins (unscored pairs count 0)
CONTAINED_MIN = 0.8  # share of a short passage's words found in a longer one (step 4)
CONTAINED_MIN_WORDS = 5  # shorter passages are too generic for step 4
# Outlets reuse wire copy: a verbatim run of this many words, making up this share of
# the shorter passage, says two passages carry the same statement even when the rest
# of each sentence differs ("Washington has on several occasions launched strikes of
# its own, which…" / "…, Washington has on several occasions launched strikes of its
# own ever since…").
VERBATIM_MIN_WORDS = 6
VERBATIM_MIN_SHARE = 0.4
LONE_MIN = 27  # step 6: a lone passage this close to one of a group joins it
SIBLING_MAX = 45  # …unless it is this close to its own article's passage there
# Step 7: a passage listed in a second group (see attach_also).
ALSO_MIN = KEEP_MIN
ALSO_GROUP_MIN = 15
ALSO_SHARED_WORDS = 3


def attach_contained(flat: list[Passage], words: list[Counter[str]], pairs: Pairs,
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


def attach_verbatim(flat: list[Passage], words: list[list[str]],
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


def attach_mutual(flat: list[Passage], pairs: Pairs, clusters: list[set[int]]) -> list[set[int]]:
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
        if any(different_days(flat[lone].text, flat[m].text) for m in clusters[other]):
            continue  # weak evidence, and they name days apart: two events, not one
        clusters[other] |= clusters[cluster_of[lone]]
        clusters[cluster_of[lone]] = set()
        cluster_of[lone] = other
    return [c for c in clusters if c]


def attach_lone(flat: list[Passage], weighted: list[list[str]], pairs: Pairs,
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
        if any(different_days(flat[lone].text, flat[m].text) for m in clusters[other]):
            continue
        if any(flat[m].article == flat[lone].article
               and fuzz.ratio(weighted[lone], weighted[m]) >= SIBLING_MAX for m in clusters[other]):
            continue
        clusters[other] |= clusters[cluster_of[lone]]
        clusters[cluster_of[lone]] = set()
        cluster_of[lone] = other
    return [c for c in clusters if c]


def attach_also(flat: list[Passage], pairs: Pairs, clusters: list[set[int]],
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
    articles_in = [{flat[m].article for m in c} for c in clusters]
    fits: dict[tuple[int, int], bool] = {}  # (passage, cluster) -> it may join that cluster

    def fit(p: int, n: int) -> bool:
        """The group-level tests, once per passage and group (many pairs share them)."""
        if (p, n) not in fits:
            target = clusters[n]
            fits[(p, n)] = (
                flat[p].article not in articles_in[n]
                and sum(pairs.get(p, m) for m in target) / len(target) >= ALSO_GROUP_MIN
                and not any(different_days(flat[p].text, flat[m].text) for m in target))
        return fits[(p, n)]

    extra: dict[int, set[int]] = {}
    lone_joins: list[tuple[int, int]] = []
    for (i, j), score in sorted(pairs.scores.items()):
        if score < ALSO_MIN or cluster_of[i] == cluster_of[j]:
            continue
        if len(set(words[i]) & set(words[j])) < ALSO_SHARED_WORDS:
            continue
        for p, q in ((i, j), (j, i)):
            if best[(q, flat[p].article)] > score or len(clusters[cluster_of[q]]) < 2:
                continue
            if not fit(p, cluster_of[q]):
                continue
            if len(clusters[cluster_of[p]]) == 1:
                lone_joins.append((p, cluster_of[q]))
            else:
                extra.setdefault(cluster_of[q], set()).add(p)
    # One passage per article in a second group: the one closest to the group as a whole.
    for n, candidates in extra.items():
        best_of: dict[str, tuple[float, int]] = {}  # article -> (mean score, passage)
        for p in sorted(candidates):
            mean = sum(pairs.get(p, m) for m in clusters[n]) / len(clusters[n])
            kept = best_of.get(flat[p].article)
            if kept is None or mean > kept[0]:
                best_of[flat[p].article] = (mean, p)
        extra[n] = {p for _, p in best_of.values()}
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

