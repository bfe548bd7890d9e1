"""How much of a batch one comparison takes on: at most so many articles and passages.

Aligning compares every passage with every passage of the other articles, and the
groups it builds hold a passage from each article, so a story told by N articles
costs about N² (200 articles of one story: 5 s CPU and 280 MB here; 400: 43 s
wall and 960 MB before this cap). A comparison of more than :data:`MAX_ARTICLES`
articles, or of more than :data:`MAX_PASSAGES` passages in all, keeps the articles most *central* to the
story, those that use most of the words the whole batch uses, and says so in one
line; ``storydiff review`` is the tool for a batch that large (it splits it into
stories first). When even two articles hold more passages than that, each is
aligned on its first passages (news is written top-down); the rest of its text is
still read and shown, and said once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Article, Passage
from .text import one_line
from .words import STOPWORDS, norm_words

# Chosen from benchmarks/bench_costs.py on the standard machine (2 cores): 200 articles
# of one story (about 2,700 passages) compare in about 5 s CPU and 280 MB, but 2,800
# passages of sentences that all pair (two 100 kB articles of one template sentence: the
# worst case, every pair scored and every group a fact to judge) take 33 s and 1.1 GB;
# 2,000 keeps that case near 15 s and 600 MB, and a story of 60 long articles whole.
MAX_ARTICLES = 200
MAX_PASSAGES = 2000


@dataclass(frozen=True, slots=True)
class Plan:
    """What one comparison takes on: articles, how many passages of each, and why."""

    articles: tuple[Article, ...]  # the articles compared, in the order given
    aligned: dict[str, int]  # article id -> how many of its first passages are aligned
    left_out: tuple[Article, ...] = ()  # articles set aside, most central first
    notes: tuple[str, ...] = ()  # one line each, for the user


def plan(articles: Sequence[Article], passages: Mapping[str, Sequence[Passage]]) -> Plan:
    """The articles (and passages of each) to compare, within the limits above."""
    counts = {a.id: len(passages.get(a.id, ())) for a in articles}
    notes: list[str] = []
    kept: list[Article] = list(articles)
    left_out: list[Article] = []
    if len(articles) > MAX_ARTICLES or sum(counts.values()) > MAX_PASSAGES:
        kept, total = [], 0
        for article in most_central(articles):
            fits = len(kept) < MAX_ARTICLES and total + counts[article.id] <= MAX_PASSAGES
            if fits or len(kept) < 2:
                kept.append(article)
                total += counts[article.id]
            else:
                left_out.append(article)
        if left_out:
            notes.append(f"story of {len(articles):,} articles: comparing the {len(kept):,} most "
                         f"central ({total:,} passages); use review")
        order = {a.id: n for n, a in enumerate(articles)}
        kept.sort(key=lambda a: order[a.id])
    aligned = {a.id: counts[a.id] for a in kept}
    total = sum(aligned.values())
    if total > MAX_PASSAGES:
        share = max(1, MAX_PASSAGES // len(kept))
        for article in kept:
            if aligned[article.id] > share:
                notes.append(f"{one_line(article.path)}: {aligned[article.id]:,} passages; aligning its "
                             f"first {share:,}, the rest show as its own")
                aligned[article.id] = share
    return Plan(tuple(kept), aligned, tuple(left_out), tuple(notes))


def most_central(articles: Sequence[Article]) -> list[Article]:
    """The articles, those closest to the batch's shared vocabulary first.

    An article's centrality is the cosine between its set of content words and the
    batch's word counts: a report of the event shares most of its words with the
    others; a stray article on something else shares few. Linear in the text; ties
    go by id, so the choice never depends on the order the files were named in.
    """
    vocabularies = {a.id: {w for w in norm_words(a.text) if w not in STOPWORDS} for a in articles}
    count: dict[str, int] = {}
    for words in vocabularies.values():
        for w in words:
            count[w] = count.get(w, 0) + 1

    def centrality(article: Article) -> float:
        words = vocabularies[article.id]
        return sum(count[w] for w in words) / math.sqrt(len(words)) if words else 0.0

    return sorted(articles, key=lambda a: (-centrality(a), a.id))
