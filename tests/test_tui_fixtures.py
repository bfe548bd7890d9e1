"""Hand-built reports for the app's tests: small made-up stories, no engine involved.

The app renders whatever ``Report`` it is given, so its tests build the report
directly (articles, passages, groups, facts) and do not depend on how the
engine or the facts extractor judge real text. Each article is given as
lines; each line is one passage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from storydiff.core.model import (
    Article,
    Fact,
    FactStatus,
    Group,
    GroupStatus,
    Mention,
    Passage,
    PassageRef,
    Report,
    WordDiff,
)


def build_report(
    articles: dict[str, tuple[str, Sequence[str]]],
    groups: Sequence[tuple[GroupStatus, Sequence[tuple[str, int]]]] = (),
    facts: Sequence[tuple[str, FactStatus, str, Sequence[tuple[str, str]]]] = (),
) -> Report:
    """A report from ``{id: (outlet, lines)}``, groups of (article, line) and facts.

    A fact is ``(kind, status, label, [(article, words), ...])``; the words are
    found in the article's text to give the mention its offsets.
    """
    built: list[Article] = []
    passages: dict[str, tuple[Passage, ...]] = {}
    for aid, (outlet, lines) in articles.items():
        text = "\n\n".join(lines)
        found: list[Passage] = []
        pos = 0
        for n, line in enumerate(lines):
            start = text.index(line, pos)
            found.append(Passage(aid, n, start, start + len(line), line))
            pos = start + len(line)
        built.append(Article(id=aid, path=f"{aid}.txt", text=text, source=outlet,
                             title=f"{outlet} report", date=dt.date(2025, 3, 4)))
        passages[aid] = tuple(found)
    made_groups = []
    for number, (status, members) in enumerate(groups):
        refs = tuple(PassageRef(a, p) for a, p in members)
        made_groups.append(Group(number, refs, 80.0, status,
                                 tuple(_own_words(ref, refs, passages) for ref in refs)))
    made_facts = []
    for number, (kind, status, label, said) in enumerate(facts):
        mentions = []
        for aid, words in said:
            article = next(a for a in built if a.id == aid)
            start = article.text.index(words)
            passage = next(p for p in passages[aid] if p.start <= start < p.end)
            mentions.append(Mention(kind, aid, passage.index, start, start + len(words),
                                    words, {"text": words}, label))
        made_facts.append(Fact(number, kind, status, label, tuple(mentions)))
    group_of = {ref: n for n, g in enumerate(made_groups) for ref in g.members}
    return Report(articles=tuple(built), passages=passages, groups=tuple(made_groups),
                  facts=tuple(made_facts), group_of=group_of)


def _own_words(ref: PassageRef, members: tuple[PassageRef, ...],
               passages: dict[str, tuple[Passage, ...]]) -> WordDiff:
    """Words of one member that no other member uses (what the engine's diff would say)."""
    text = passages[ref.article][ref.passage].text
    others = {w.lower().strip(".,") for m in members if m != ref
              for w in passages[m.article][m.passage].text.split()}
    spans = []
    pos = 0
    for word in text.split():
        start = text.index(word, pos)
        pos = start + len(word)
        if word.lower().strip(".,") not in others:
            spans.append((start, pos))
    return WordDiff(ref, tuple(spans))


def warehouse_fire() -> Report:
    """Three outlets on a warehouse fire: they disagree on the day and the crew size."""
    return build_report(
        {
            "gazette": ("Riverton Gazette", [
                "Fire crews battled a blaze at a warehouse on Mill Road on Tuesday night.",
                "At least 40 firefighters were called to the scene.",
                "Two workers were taken to hospital with smoke inhalation.",
                "The cause of the fire is not yet known.",
            ]),
            "herald": ("County Herald", [
                "A warehouse on Mill Road burned on Wednesday night.",
                "Some 60 firefighters were called to the scene.",
                "Neighbours said the smoke could be seen for miles.",
                "Two workers were taken to hospital with smoke inhalation.",
            ]),
            "radio": ("Radio Riverton", [
                "Two workers were taken to hospital after a warehouse fire.",
                "The fire service said 60 firefighters attended.",
                "Mill Road was closed until Thursday morning.",
            ]),
        },
        groups=[
            (GroupStatus.FACTS, [("gazette", 0), ("herald", 0)]),
            (GroupStatus.FACTS, [("gazette", 1), ("herald", 1), ("radio", 1)]),
            (GroupStatus.WORDING, [("gazette", 2), ("herald", 3), ("radio", 0)]),
        ],
        facts=[
            ("date", FactStatus.CONFLICT, "day of the fire",
             [("gazette", "Tuesday"), ("herald", "Wednesday")]),
            ("count", FactStatus.CONFLICT, "firefighters — called",
             [("gazette", "At least 40 firefighters"), ("herald", "Some 60 firefighters"),
              ("radio", "60 firefighters")]),
            ("count", FactStatus.AGREE, "workers — taken to hospital",
             [("gazette", "Two workers"), ("herald", "Two workers"), ("radio", "Two workers")]),
            ("name", FactStatus.AGREE, "Mill Road",
             [("gazette", "Mill Road"), ("herald", "Mill Road"), ("radio", "Mill Road")]),
        ],
    )


def test_built_passages_are_the_articles_own_words() -> None:
    report = warehouse_fire()
    for article in report.articles:
        for passage in report.passages[article.id]:
            assert article.text[passage.start:passage.end] == passage.text


def test_built_mentions_point_at_their_words() -> None:
    report = warehouse_fire()
    for fact in report.facts:
        for mention in fact.mentions:
            assert report.article(mention.article).text[mention.start:mention.end] == \
                mention.text
