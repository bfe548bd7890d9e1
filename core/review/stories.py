"""Grouping a pile of articles into stories: which articles report the same event.

A wire editor's inbox holds many events mixed together. Two articles report
the same event when they share *distinctive* names, numbers and wording and
were published close together. We judge that the way topic-detection systems
do, in three steps that each cost about as much as reading the batch once:

1. **Features.** Each article becomes a short weighted vector: content words,
   capitalised names ("Al-Asad Air Base") and numbers ("140"), weighted by how
   rare they are in the batch (tf-idf), names, numbers and the headline's terms
   counting extra, cut to its :data:`~.links.VECTOR_SIZE` strongest shared
   features (a term no other article has cannot match) and normalised.
2. **Candidates.** We never compare all pairs. Each article's few strongest
   *shared* features go into an inverted index; within each feature's posting
   list, sorted by date, an article is paired only with its next
   :data:`~.links.NEIGHBOURS` neighbours. So the number of pairs grows linearly with
   the batch, and a story of 300 articles is still chained together.
3. **Linking.** A candidate pair is linked when its cosine similarity is high
   enough, it shares names or numbers (two earthquakes on the same day share
   every word but the place and the toll), and the dates are close. Pairs are
   linked strongest first, with union-find (:func:`~.links.join`); an article
   must also be close to the story it joins, and two stories of several
   articles join only when the stories as wholes are close, so one pair of
   articles on related events cannot bridge them. Then an article still alone
   joins the story nearest to it, when the story as a whole shares its names
   and is close enough, though no one member was. Articles more than
   :data:`~.links.WINDOW_DAYS` apart, or a story longer than
   :data:`~.links.MAX_SPAN_DAYS`, need more the further apart they are (a
   higher cosine, one more shared name, headlines that do not lead with
   different figures), and nothing joins across more than
   :data:`~.links.FAR_DAYS`: an inquiry's findings ten days after a collapse
   join its story; next week's jobless claims, or a running topic's next event,
   do not.

Manual corrections from the review ("this article belongs with that one") are
applied last, by :func:`find_stories`'s ``moves``.

    >>> from storydiff.core.read.load import load_paths
    >>> stories = find_stories(load_paths(["inbox/"]).articles)   # doctest: +SKIP
    >>> [(s.title, len(s.articles)) for s in stories]             # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..model import Article
from .links import Progress, join
from .moves import apply_moves
from .terms import reported_text

__all__ = ["NO_TEXT", "Story", "apply_moves", "distinct", "find_stories", "headline", "no_text"]

# An article whose body (headline left out, page chrome removed) has fewer words than
# this has no article text: a scraped page holding only a prompt ("Chat with us in
# Facebook Messenger") or a caption. Such pages share nothing but chrome, so they are
# kept out of grouping, each a story of its own, flagged NO_TEXT.
MIN_BODY_WORDS = 20
NO_TEXT = "no article text"


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
    roots, names, spelling = join(articles, progress)

    members: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        members.setdefault(root, []).append(i)
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
