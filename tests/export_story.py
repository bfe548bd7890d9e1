"""A small made-up story for the export tests, built by hand so the tests do not
depend on the engine: three outlets on a ferry running aground.

- Every outlet reports the grounding; two in the same words (an AGREE group).
- The outlets disagree on how many passengers were taken off: 212 or 180 (a FACTS
  group and a CONFLICT fact); "Saturday night" is stated alike (an AGREE fact).
- The wire service alone carries a hostile passage (HTML, a spreadsheet formula,
  Markdown), and its outlet name is itself a formula: article text is untrusted.
"""

from __future__ import annotations

import datetime as dt

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

HOSTILE = ("<script>alert('owned')</script> <img src=x onerror=alert(1)> "
           "=HYPERLINK(\"http://evil.example\",\"click\") **not bold** [a link](http://x.example) "
           "&amp; ~~gone~~ | pipe")
HOSTILE_SOURCE = "=cmd|' /C calc'!A0"

SENTENCES = {
    "gazette": [
        "The ferry Northern Star ran aground off Kerrin Point on Saturday night.",
        "All 212 passengers were taken off safely, the coastguard said.",
        "The operator blamed a steering failure.",
    ],
    "wire": [
        "The ferry Northern Star ran aground off Kerrin Point on Saturday night.",
        "Some 180 passengers were evacuated, according to the coastguard.",
        HOSTILE,
    ],
    "radio": [
        "Rescuers brought 212 people ashore by dawn, the coastguard said.",
        "The ship had left Port Aveline two hours earlier.",
    ],
}
SOURCES = {"gazette": "Harbour Gazette", "wire": HOSTILE_SOURCE, "radio": "Island Radio"}


def _article(article_id: str) -> tuple[Article, tuple[Passage, ...]]:
    text = ""
    passages = []
    for n, sentence in enumerate(SENTENCES[article_id]):
        start = len(text)
        text += sentence + "\n\n"
        passages.append(Passage(article_id, n, start, start + len(sentence), sentence))
    article = Article(id=article_id, path=f"/news/{article_id}.txt", text=text,
                      source=SOURCES[article_id], date=dt.date(2025, 3, 2),
                      url="javascript:alert(1)" if article_id == "wire" else None)
    return article, tuple(passages)


def own(passage: Passage, *words: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``words`` in ``passage`` (offsets into the passage's text)."""
    return tuple((passage.text.index(w), passage.text.index(w) + len(w)) for w in words)


def mention(passages: dict[str, tuple[Passage, ...]], ref: PassageRef, words: str,
            value: dict[str, object], label: str, kind: str = "count") -> Mention:
    passage = passages[ref.article][ref.passage]
    start = passage.start + passage.text.index(words)
    return Mention(kind, ref.article, ref.passage, start, start + len(words), words, value, label)


def ferry_report() -> Report:
    built = {a: _article(a) for a in SENTENCES}
    articles = tuple(article for article, _ in built.values())
    passages = {a: ps for a, (_, ps) in built.items()}
    g, w, r = passages["gazette"], passages["wire"], passages["radio"]
    grounding = Group(0, (g[0].ref, w[0].ref), 100.0, GroupStatus.AGREE,
                      (WordDiff(g[0].ref, ()), WordDiff(w[0].ref, ())))
    evacuated = Group(1, (g[1].ref, w[1].ref, r[0].ref), 61.0, GroupStatus.FACTS, (
        WordDiff(g[1].ref, own(g[1], "All", "taken", "safely")),
        WordDiff(w[1].ref, own(w[1], "Some", "180", "evacuated")),
        WordDiff(r[0].ref, own(r[0], "Rescuers", "brought", "people", "ashore", "dawn")),
    ))
    label = "passengers — taken off"
    count = Fact(0, "count", FactStatus.CONFLICT, label, (
        mention(passages, g[1].ref, "212", {"low": 212, "high": 212}, label),
        mention(passages, w[1].ref, "180", {"low": 180, "high": 180}, label),
        mention(passages, r[0].ref, "212", {"low": 212, "high": 212}, label),
    ), groups=(1,))
    when = Fact(1, "date", FactStatus.AGREE, "ran aground — when", (
        mention(passages, g[0].ref, "Saturday night", {"date": "2025-03-01"}, "", "date"),
        mention(passages, w[0].ref, "Saturday night", {"date": "2025-03-01"}, "", "date"),
    ), groups=(0,))
    cause = Fact(2, "cause", FactStatus.SINGLE, "cause of the grounding", (
        mention(passages, g[2].ref, "a steering failure", {"text": "steering failure"}, "",
                "cause"),
    ))
    groups = (grounding, evacuated)
    return Report(
        articles=articles,
        passages=passages,
        groups=groups,
        facts=(count, when, cause),
        group_of={ref: n for n, group in enumerate(groups) for ref in group.members},
    )
