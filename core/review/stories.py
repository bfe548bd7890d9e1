"""Grouping a pile of articles into stories: which articles report the same event.

A wire editor's inbox holds many events mixed together. Two articles report
the same event when they share *distinctive* names, numbers and wording and
were published close together. We judge that the way topic-detection systems
do, in three steps that each cost about as much as reading the batch once:

1. **Features.** Each article becomes a short weighted vector: content words,
   capitalised names ("Al-Asad Air Base") and numbers ("140"), weighted by how
   rare they are in the batch (tf-idf), names and numbers counting extra, cut
   to its :data:`VECTOR_SIZE` strongest features and normalised.
2. **Candidates.** We never compare all pairs. Each article's few strongest
   *shared* features go into an inverted index; within each feature's posting
   list, sorted by date, an article is paired only with its next
   :data:`NEIGHBOURS` neighbours. So the number of pairs grows linearly with
   the batch, and a story of 300 articles is still chained together.
3. **Linking.** A candidate pair is linked when its cosine similarity is high
   enough, it shares names or numbers (two earthquakes on the same day share
   every word but the place and the toll), and the dates are close. Linked
   articles are joined with union-find; a story may not stretch over more than
   :data:`MAX_SPAN_DAYS`, which stops a running topic (a war, an election)
   from chaining a month of separate events into one story.

Manual corrections from the review ("this article belongs with that one") are
applied last, by :func:`find_stories`'s ``moves``.

    >>> from storydiff.core.load import load_paths
    >>> stories = find_stories(load_paths(["inbox/"]).articles)   # doctest: +SKIP
    >>> [(s.title, len(s.articles)) for s in stories]             # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
import re
from dataclasses import dataclass, field, replace

from ..disjoint import DisjointSets
from ..model import Article
from .terms import features, reported_text

# --- Thresholds, chosen on the five seed articles (one event told five ways) mixed with
# hand-written articles on other subjects, and on the generated batches of
# benchmarks/bench_review.py, where sibling events are written from one template
# (two floods, two strikes) and differ only in names, places, numbers and dates.

# Strongest features kept per article. 60 keeps every name and number of a short
# wire story and the main content words of a long feature.
VECTOR_SIZE = 60
# Features per article that go into the candidate index, and how many date-sorted
# neighbours each article is paired with per feature. 10 x 8 pairs per article at
# most: enough to chain a 300-article story, cheap enough for 10,000 articles.
INDEX_FEATURES = 10
NEIGHBOURS = 8
# Cosine similarity (0..1) at which two articles report the same event. On the seeds
# mixed with made-up news, each seed had a same-event partner at 0.25-0.35 and other
# same-event pairs scored 0.5; different events, even two floods on one day, scored
# at most 0.11.
LINK_SIMILARITY = 0.15
# A linked article must also be this close (cosine) to the whole story it joins, not only
# to one member: the guard against chaining related events through near-copies.
STORY_SIMILARITY = 0.2
# Near-copies (wire copy re-run by several outlets) link on wording alone.
COPY_SIMILARITY = 0.6
# Below COPY_SIMILARITY a pair must also share this much name-and-number weight
# (fraction of the smaller article's name-and-number weight).
SHARED_ENTITIES = 0.12
# A small batch is read as a slice of a bigger one in which its words are rarer: without
# this, a batch of five articles on one event counts their shared words as noise.
MIN_CORPUS = 50
# ...and at least this many distinct names or numbers: one shared company name or one
# coincidental figure ("up 58%") is not an event.
SHARED_NAMES = 3
# Names and numbers say which event; content words only say what kind of event.
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 1.5
# An article whose body (headline left out, page chrome removed) has fewer words than
# this has no article text: a scraped page holding only a prompt ("Chat with us in
# Facebook Messenger") or a caption. Such pages share nothing but chrome, so they are
# kept out of grouping, each a story of its own, flagged NO_TEXT.
MIN_BODY_WORDS = 20
NO_TEXT = "no article text"
# Dated articles further apart than this are not linked directly...
WINDOW_DAYS = 3
# ...and a story never spans more than this from its first to its last article.
MAX_SPAN_DAYS = 7



@dataclass(frozen=True, slots=True)
class Story:
    """Articles judged to report one event.

    ``key`` names the story while its membership holds: the smallest
    fingerprint among its articles (review marks attach to fingerprints, so a
    changed key loses nothing); fingerprints are unique in a batch
    (:func:`distinct`), so keys are too. ``articles`` are sorted by date, then id.
    ``terms`` are the names and numbers most of its articles share, to tell
    stories apart at a glance in a queue.
    """

    key: str
    articles: tuple[Article, ...]
    title: str
    terms: tuple[str, ...] = ()
    problem: str = ""  # NO_TEXT for an article kept out of grouping, else ""
    # Derived once from ``articles``: queues sort and redraw by these many times a second.
    first: dt.date | None = field(init=False, compare=False)
    last: dt.date | None = field(init=False, compare=False)
    outlets: tuple[str, ...] = field(init=False, compare=False)  # in order of appearance
    fingerprints: tuple[str, ...] = field(init=False, compare=False)
    members: frozenset[str] = field(init=False, compare=False)  # the fingerprints, as a set

    def __post_init__(self) -> None:
        dates = [a.date for a in self.articles if a.date is not None]
        prints = tuple(a.fingerprint for a in self.articles)
        outlets = tuple(dict.fromkeys(a.source for a in self.articles if a.source))
        setattr_ = object.__setattr__  # the dataclass is frozen; this is its own constructor
        setattr_(self, "first", min(dates) if dates else None)
        setattr_(self, "last", max(dates) if dates else None)
        setattr_(self, "outlets", outlets)
        setattr_(self, "fingerprints", prints)
        setattr_(self, "members", frozenset(prints))


Progress = Callable[[int, int], None]


def find_stories(articles: Sequence[Article], *, moves: Mapping[str, str] | None = None,
                 progress: Progress | None = None) -> tuple[Story, ...]:
    """Group ``articles`` into stories, largest first.

    ``moves`` are the reviewer's corrections: article fingerprint → the
    fingerprint of the article it belongs with (its own fingerprint: a story
    of its own). A move whose target is not in the batch leaves the article
    alone in a story of its own. ``progress(done, total)`` is called as
    articles are read and linked; it may raise to cancel.
    """
    articles = distinct(articles)
    blank = [no_text(a) for a in articles]
    empty = [a for a, b in zip(articles, blank) if b]
    articles = [a for a, b in zip(articles, blank) if not b]
    empty_ids = {id(a) for a in empty}
    n = len(articles)
    vectors, entity_mass, df, names, spelling = _vectors(articles, progress)
    joined = DisjointSets(range(n))
    find = joined.find
    days = [a.date.toordinal() if a.date is not None else None for a in articles]
    span = [(d, d) for d in days]

    # Each story's summed vector and its squared length, kept at the story's root.
    centroid = [dict(v) for v in vectors]
    norms = [sum(w * w for w in v.values()) for v in vectors]

    pairs = _candidates(vectors, days, df)
    for done, (i, j) in enumerate(pairs):
        if progress is not None and done % 20000 == 0:
            progress(n + done * n // len(pairs), 2 * n)  # reading was the first half
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        day_i, day_j = days[i], days[j]
        if day_i is not None and day_j is not None and abs(day_i - day_j) > WINDOW_DAYS:
            continue
        merged = _merge_span(span[ri], span[rj])
        if merged[0] is not None and merged[1] is not None \
                and merged[1] - merged[0] > MAX_SPAN_DAYS:
            continue
        if not _same_event(vectors[i], vectors[j], entity_mass[i], entity_mass[j]):
            continue
        if not (_near_story(vectors[i], centroid[rj], norms[rj])
                and _near_story(vectors[j], centroid[ri], norms[ri])):
            continue  # close to one member, not to the story: a chain through near-copies
        root = joined.union(ri, rj)
        span[root] = merged
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
    if progress is not None:
        progress(2 * n, 2 * n)

    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    groups = [[articles[i] for i in group] for group in members.values()]
    groups += [[a] for a in empty]
    if moves:
        groups = apply_moves(groups, moves)
    index_of = {id(article): i for i, article in enumerate(articles)}
    stories = [_story(group, [names[index_of[id(a)]] for a in group if id(a) in index_of],
                      spelling, all(id(a) in empty_ids for a in group))
               for group in groups if group]
    stories.sort(key=lambda s: (-len(s.articles), s.key))
    return tuple(stories)


def distinct(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with identities unique in the batch: an article is known by its
    fingerprint *and* its id.

    Two files can hold the same text (a re-run wire story, two pages whose
    scraped body is the same prompt). The first in order keeps its fingerprint;
    each later copy gets ``fingerprint~id``, so marks made on one never land on
    the other and every story key is unique.
    """
    taken: set[str] = set()
    result: list[Article] = []
    for article in articles:
        fingerprint = article.fingerprint
        if fingerprint in taken:
            fingerprint = f"{article.fingerprint}~{article.id}"
            n = 2
            while fingerprint in taken:
                fingerprint = f"{article.fingerprint}~{article.id}-{n}"
                n += 1
            article = replace(article, fingerprint=fingerprint)
        taken.add(fingerprint)
        result.append(article)
    return result


def no_text(article: Article) -> bool:
    """True when the article's body, headline and page chrome left out, is near-empty."""
    text = reported_text(article)
    if article.title and text.startswith(article.title):
        text = text[len(article.title):]
    return len(_BODY_WORD.findall(text)) < MIN_BODY_WORDS


_BODY_WORD = re.compile(r"[^\W_][\w'’-]*")


def apply_moves(groups: Sequence[Sequence[Article]],
                moves: Mapping[str, str]) -> list[list[Article]]:
    """Put each moved article into the group holding the article it was moved to.

    Moves are applied in a fixed order and follow chains (A moved to B, B
    moved to C puts A with C); a cycle or a missing target leaves the
    article alone.
    """
    where: dict[str, int] = {}
    result = [list(g) for g in groups]
    for n, group in enumerate(result):
        for article in group:
            where.setdefault(article.fingerprint, n)
    moving = [a for g in result for a in g if a.fingerprint in moves]
    moving_prints = {a.fingerprint for a in moving}
    for n, group in enumerate(result):
        result[n] = [a for a in group if a.fingerprint not in moving_prints]
    stay_alone: dict[str, int] = {}
    for article in sorted(moving, key=lambda a: a.fingerprint):
        target = _final_target(article.fingerprint, moves)
        if target is not None and target != article.fingerprint and target in where \
                and target not in moving_prints:
            result[where[target]].append(article)
            continue
        if target is not None and target != article.fingerprint and target in moving_prints:
            # The target moved too: join it wherever it went (alone or elsewhere).
            home = _final_target(target, moves) or target
            if home in where and home not in moving_prints:
                result[where[home]].append(article)
                continue
            if home in stay_alone:
                result[stay_alone[home]].append(article)
                continue
        own = target if target in moving_prints else article.fingerprint
        if own in stay_alone:
            result[stay_alone[own]].append(article)
        else:
            stay_alone[own] = len(result)
            result.append([article])
    return [g for g in result if g]


def _final_target(fingerprint: str, moves: Mapping[str, str]) -> str | None:
    seen = {fingerprint}
    target = moves.get(fingerprint)
    while target is not None and target in moves and moves[target] != target:
        if target in seen:
            return None
        seen.add(target)
        target = moves[target]
    return target


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


def _same_event(a: dict[int, float], b: dict[int, float], mass_a: float, mass_b: float) -> bool:
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
    if cosine >= COPY_SIMILARITY:
        return True
    if cosine < LINK_SIMILARITY or distinct < SHARED_NAMES:
        return False
    smaller = min(mass_a, mass_b)
    return smaller > 0 and shared_entities >= SHARED_ENTITIES * smaller


# --- Vectors --------------------------------------------------------------------------------
# Feature ids: content words get positive ids, names and numbers negative ones, so
# _same_event can tell them apart without a lookup.


def _vectors(articles: Sequence[Article],
             progress: Progress | None
             ) -> tuple[list[dict[int, float]], list[float], Counter[int], list[set[str]],
                        dict[str, str]]:
    """Each article's top features (id → weight, unit length), its name-and-number
    weight, each feature's document frequency in the batch, each article's names,
    and how each name is spelt."""
    n = len(articles)
    ids: dict[tuple[str, str], int] = {}
    raw: list[Counter[int]] = []
    names: list[set[str]] = []
    spelling: dict[str, str] = {}
    df: Counter[int] = Counter()
    for done, article in enumerate(articles):
        if progress is not None and done % 200 == 0:
            progress(done, 2 * n)
        counts: Counter[int] = Counter()
        found = features(reported_text(article), spelling)
        names.append({value for kind, value in found if kind == "name"})
        for feature, count in found.items():
            fid = ids.get(feature)
            if fid is None:
                fid = len(ids) + 1
                # Names and numbers are negative: they say which event. A shared date
                # counts like a word: two events on one day share it too.
                fid = -fid if feature[0] in ("name", "number") else fid
                ids[feature] = fid
            counts[fid] = count
        raw.append(counts)
        df.update(counts.keys())
    corpus = max(n, MIN_CORPUS)
    number_ids = {fid for (kind, _), fid in ids.items() if kind == "number"}
    vectors: list[dict[int, float]] = []
    masses: list[float] = []
    for counts in raw:
        weights: dict[int, float] = {}
        for fid, count in counts.items():
            if df[fid] < 2:
                continue  # a term no other article has can never match: it only dilutes
            # Smoothed idf, log(1 + N/df), with N at least MIN_CORPUS: in a batch of one
            # story every shared word is "common" but still evidence.
            weight = (1.0 + math.log(count)) * math.log(1.0 + corpus / df[fid])
            if fid < 0:
                weight *= NUMBER_WEIGHT if fid in number_ids else NAME_WEIGHT
            weights[fid] = weight
        top = sorted(weights.items(), key=lambda kv: -kv[1])[:VECTOR_SIZE]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        vector = {fid: w / norm for fid, w in top}
        vectors.append(vector)
        masses.append(sum(w for fid, w in vector.items() if fid < 0))
    return vectors, masses, df, names, spelling


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


def _story(group: Sequence[Article], names: Sequence[set[str]],
           spelling: Mapping[str, str], empty: bool = False) -> Story:
    ordered = sorted(group, key=lambda a: (a.date or dt.date.max, a.id))
    titled = [a for a in ordered if a.title]
    title = titled[0].title if titled else headline(ordered[0])
    return Story(
        key=min(a.fingerprint for a in group),
        articles=tuple(ordered),
        title=title or "",
        terms=_shared_terms(names, spelling),
        problem=NO_TEXT if empty else "",
    )


def _shared_terms(names: Sequence[set[str]], spelling: Mapping[str, str],
                  limit: int = 4) -> tuple[str, ...]:
    """Names that most articles of a story share, most widespread (then longest) first."""
    spread: Counter[str] = Counter()
    for found in names:
        spread.update(found)
    need = max(2, math.ceil(len(names) / 2)) if len(names) > 1 else 1
    common = [(count, len(key), key) for key, count in spread.items()
              if count >= need and len(key) > 2]
    common.sort(key=lambda t: (-t[0], -t[1], t[2]))
    chosen: list[str] = []
    for _, _, key in common:
        if any(key in other.lower() for other in chosen):
            continue  # "Osei" adds nothing after "Malik Osei"
        chosen.append(spelling.get(key, key))
        if len(chosen) == limit:
            break
    return tuple(chosen)


def headline(article: Article, width: int = 90) -> str:
    """What to call an article in a list: its title, else its first reported line."""
    if article.title:
        return article.title
    return _first_line(reported_text(article), width) or article.id


def _first_line(text: str, width: int = 90) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= width else line[: width - 1].rstrip() + "…"
    return ""
