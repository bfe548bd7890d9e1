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

from collections import Counter
from collections.abc import Mapping, Sequence

from ..model import Group, GroupStatus, Passage, PassageKind, WordDiff
from ..words import STOPWORDS, WORD, norm_words, signature, stem
from .attach import attach_also, attach_contained, attach_lone, attach_mutual, attach_verbatim
from .pairs import (KEEP_MIN, Pairs, add_lede_bonus, add_shared_figures, add_shared_quotes,
                    score_pairs, weighted_words, years_apart)

# Thresholds, on rapidfuzz's 0-100 scale. Chosen on hand-checked pairs from news
# coverage of several stories: paraphrases of one statement score 55-95,
# different statements that share a topic's vocabulary ("claimed responsibility
# for the attack on the base") score 30-50.
PAIR_MIN = 45  # a pair this close may start or grow a group
GROUP_MIN = 40  # average score between two groups for them to merge


def align(passages: Mapping[str, Sequence[Passage]]) -> tuple[Group, ...]:
    """Group the passages of several articles that report the same thing.

    ``passages`` maps article id to that article's passages. Returns groups of
    two or more passages, in the order of their first member's appearance;
    a passage in no group is said by its article only.
    """
    # Captions, credits and teasers stay in the text but take no part: a caption that
    # repeats the lede would take its article's place in the lede's group.
    flat = [p for article_passages in passages.values() for p in article_passages
            if p.reporting]
    if len([ps for ps in passages.values() if ps]) < 2:
        return ()
    signatures = [signature(p.text) for p in flat]
    words = [[w for w in sig if not w.startswith("#")] for sig in signatures]
    weighted = weighted_words(words)
    article_index = {aid: n for n, aid in enumerate(passages)}
    owner = [article_index[p.article] for p in flat]
    pairs = score_pairs(weighted, owner)
    pairs = add_shared_figures(signatures, weighted, owner, pairs, len(passages))
    pairs = add_shared_quotes(flat, weighted, owner, pairs)
    pairs = add_lede_bonus(flat, weighted, pairs)
    # A headline pairs with headlines: beside a lede it would take its article's one
    # place in the lede's group and push out that article's own lede.
    heading = [p.kind == PassageKind.HEADING for p in flat]
    # Two passages naming years far apart recall two events ("In 2018, a quake in Palu…" /
    # "In January 2021, an earthquake near Mamuju…"), however alike their words.
    loose = Pairs({ij: v for ij, v in pairs.scores.items() if heading[ij[0]] == heading[ij[1]]
                   and not years_apart(flat[ij[0]].text, flat[ij[1]].text)})
    pairs = Pairs({ij: v for ij, v in loose.scores.items() if v >= KEEP_MIN})
    clusters = _merge(flat, pairs)
    clusters = attach_contained(flat, [Counter(w) for w in weighted], pairs, clusters)
    wording = [norm_words(p.text) for p in flat]  # every word, for verbatim runs and "agree"
    clusters = attach_verbatim(flat, wording, clusters)
    clusters = attach_mutual(flat, pairs, clusters)
    clusters = attach_lone(flat, weighted, loose, clusters)
    clusters, also = attach_also(flat, pairs, clusters, words)
    groups: list[Group] = []
    place = lambda i: (article_index[flat[i].article], flat[i].index)  # noqa: E731
    for members in sorted(clusters, key=lambda c: min(map(place, c))):
        if len(members) < 2:
            continue
        ordered = sorted(members, key=place)
        extra = tuple(flat[i].ref for i in sorted(also.get(min(members), ()), key=place))
        groups.append(_group(len(groups), [flat[i] for i in ordered], ordered, pairs, wording, extra))
    return tuple(groups)


def _merge(flat: list[Passage], pairs: Pairs) -> list[set[int]]:
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


def _group(group_id: int, members: list[Passage], index: list[int], pairs: Pairs,
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
