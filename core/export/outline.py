"""What a comparison snapshot shows, and in what order, whatever its format.

Markdown, HTML and CSV exports all answer the same questions a fact-checker
asks first, in the same order:

1. Where do the sources contradict each other? (conflicting facts)
2. What do they agree on? (facts stated alike, or compatibly)
3. Which passages report the same thing, and how do they differ? (groups)
4. What does only one source say? (passages in no group, single-source facts)

Facts that only name someone or something come after the claims everywhere.

This module decides that order and how each article is named; the format
modules only render it, so a change of priority is made once, here.

    >>> outline = make_outline(report)          # doctest: +SKIP
    >>> [f.label for f in outline.conflicts]    # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import (
    Article,
    Fact,
    FactStatus,
    Group,
    GroupStatus,
    Mention,
    Passage,
    PassageRef,
    Report,
)
from .json import summary
from .tally import outlet_of

# Longest article name shown in a column header or table cell; longer titles are
# cut at a word boundary. 48 characters fit a five-column page and most headlines' gist.
NAME_MAX = 48

# Groups most in need of a reader's eye come first: a conflict, then a paraphrase
# (where a changed word may hide a changed claim), then word-for-word agreement.
GROUP_ORDER = {GroupStatus.FACTS: 0, GroupStatus.WORDING: 1, GroupStatus.AGREE: 2}

# Fact kinds that only record who or what a source names (people, places,
# groups). Sources agreeing on a name is context, not a claim to verify, so
# those facts follow the claims instead of burying them; a conflict still leads.
NAME_KINDS = frozenset({"name"})


@dataclass(frozen=True, slots=True)
class Outline:
    """A report arranged for reading: names for articles, sections in priority order."""

    names: dict[str, str]  # article id → short name, unique within the report
    conflicts: tuple[Fact, ...]
    agreements: tuple[Fact, ...]  # claims stated alike, then compatibly
    singles: tuple[Fact, ...]  # claims stated by one source only
    named: tuple[Fact, ...]  # who and what several sources name, not in conflict
    groups: tuple[Group, ...]  # conflicts first, then paraphrases, then identical
    only_here: dict[str, tuple[Passage, ...]]  # article id → passages in no group
    stated: dict[PassageRef, tuple[tuple[Mention, Fact], ...]]  # passage → facts stated in it


def facts_in_order(outline: Outline) -> tuple[Fact, ...]:
    """Every fact, as the facts matrix lists them: conflicts, claims, names."""
    return outline.conflicts + outline.agreements + outline.singles + outline.named


def make_outline(report: Report) -> Outline:
    """Arrange ``report`` for a snapshot; see the module docstring for the order."""
    position = {a.id: n for n, a in enumerate(report.articles)}

    def first_member(group: Group) -> tuple[int, int]:
        return min((position.get(m.article, len(position)), m.passage) for m in group.members)

    claims = [f for f in report.facts if f.kind not in NAME_KINDS]
    groups = sorted(report.groups, key=lambda g: (GROUP_ORDER.get(g.status, 3), first_member(g)))
    only = {a.id: tuple(p for p in report.passages.get(a.id, ())
                        if p.ref not in report.group_of and p.reporting)
            for a in report.articles}
    return Outline(
        names=article_names(report.articles),
        conflicts=tuple(f for f in report.facts if f.status == FactStatus.CONFLICT),
        agreements=tuple(f for f in claims if f.status == FactStatus.AGREE)
        + tuple(f for f in claims if f.status == FactStatus.COMPATIBLE),
        singles=tuple(f for f in claims if f.status == FactStatus.SINGLE),
        named=tuple(f for f in report.facts
                    if f.kind in NAME_KINDS and f.status != FactStatus.CONFLICT),
        groups=tuple(groups),
        only_here=only,
        stated=_stated(report.facts),
    )


def _stated(facts: Sequence[Fact]) -> dict[PassageRef, tuple[tuple[Mention, Fact], ...]]:
    index: dict[PassageRef, list[tuple[Mention, Fact]]] = {}
    for fact in facts:
        for mention in fact.mentions:
            ref = PassageRef(mention.article, mention.passage)
            index.setdefault(ref, []).append((mention, fact))
    return {ref: tuple(pairs) for ref, pairs in index.items()}


def summary_line(report: Report) -> str:
    """The counts a reader wants first, as one sentence."""
    counts = summary(report)
    return (f"{_count(counts['passages'], 'passage')} in {_count(counts['groups'], 'group')} "
            f"({counts['groups_facts']} with conflicting facts, {counts['groups_wording']} "
            f"reworded, {counts['groups_agree']} word for word); "
            f"{_count(counts['only_here'], 'passage')} said by one source only; "
            f"{_count(counts['conflicts'], 'conflicting fact')}.")


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def heading(report: Report) -> str:
    """The title of an export: "storydiff: 5 articles compared"."""
    return f"storydiff: {_count(len(report.articles), 'article')} compared"


def article_names(articles: Sequence[Article]) -> dict[str, str]:
    """A short, unique name per article: its outlet, else its headline, else its id.

    Two pieces from one outlet are told apart by their date, then by their id.
    """
    names = {a.id: _base_name(a) for a in articles}
    for article in articles:
        twins = [a for a in articles if names[a.id] == names[article.id]]
        if len(twins) > 1:
            dates = {a.date for a in twins}
            for twin in twins:
                if len(dates) == len(twins) and twin.date is not None:
                    names[twin.id] = f"{names[twin.id]} ({twin.date.isoformat()})"
                else:
                    names[twin.id] = f"{names[twin.id]} ({twin.id})"
    return names


def _base_name(article: Article) -> str:
    for candidate in (outlet_of(article), article.title):
        if candidate and candidate.strip():
            return shorten(" ".join(candidate.split()))
    return article.id


def shorten(text: str, limit: int = NAME_MAX) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def mention_texts(fact: Fact, article_id: str) -> list[str]:
    """How one article states ``fact``, in its own words (distinct, in order)."""
    seen: list[str] = []
    for mention in fact.values_by_article().get(article_id, []):
        words = " ".join(mention.text.split())
        if words not in seen:
            seen.append(words)
    return seen


def group_articles(group: Group) -> list[str]:
    """The articles a group spans, each once, in member order."""
    return list(dict.fromkeys(m.article for m in group.members))


def fact_refs(fact: Fact) -> list[PassageRef]:
    """The passages that state ``fact``, each once."""
    return list(dict.fromkeys(PassageRef(m.article, m.passage) for m in fact.mentions))


# When two facts' values overlap in a passage, the more alarming one shows.
FACT_RANK = {FactStatus.CONFLICT: 0, FactStatus.COMPATIBLE: 1, FactStatus.AGREE: 2,
             FactStatus.SINGLE: 3}


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a passage's text that is marked one way throughout."""

    text: str
    own: bool = False  # words no other source in the passage's group uses
    fact: Fact | None = None  # the fact whose value these words state


def pieces(report: Report, outline: Outline, passage: Passage) -> list[Piece]:
    """``passage.text`` cut where its marks change: own words, stated fact values.

    The pieces' texts joined give back ``passage.text`` exactly, so a renderer
    that escapes each piece never loses or reorders a character.
    """
    size = len(passage.text)
    own = [False] * size
    group_id = report.group_of.get(passage.ref)
    if group_id is not None and 0 <= group_id < len(report.groups):
        diff = report.groups[group_id].diff_of(passage.ref)
        for start, end in diff.own if diff else ():
            for i in range(max(start, 0), min(end, size)):
                own[i] = True
    _bridge_gaps(passage.text, own)
    fact: list[Fact | None] = [None] * size
    for mention, stated in outline.stated.get(passage.ref, ()):
        low = max(mention.start - passage.start, 0)
        for i in range(low, min(mention.end - passage.start, size)):
            current = fact[i]
            if current is None or FACT_RANK[stated.status] < FACT_RANK[current.status]:
                fact[i] = stated
    out: list[Piece] = []
    start = 0
    for i in range(1, size + 1):
        if i == size or own[i] != own[start] or fact[i] is not fact[start]:
            out.append(Piece(passage.text[start:i], own[start], fact[start]))
            start = i
    return out


# Gaps of at most this many spaces or punctuation marks between two own words are
# marked too: "6:30 p.m." or "Israel-Hamas war" then reads as one run, not five.
BRIDGE_MAX = 3


def _bridge_gaps(text: str, own: list[bool]) -> None:
    """Mark short non-word gaps between two own words as own."""
    i = 1
    while i < len(text):
        if own[i - 1] and not own[i] and not text[i].isalnum():
            j = i
            while j < len(text) and not own[j] and not text[j].isalnum() and j - i < BRIDGE_MAX:
                j += 1
            if j < len(text) and own[j]:
                for k in range(i, j):
                    own[k] = True
            i = j + 1
        else:
            i += 1
