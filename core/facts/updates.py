"""Running figures: a conflicting count whose values follow the articles' order in time.

A death toll reported as 77 in the night's reports and 84 the next day is still a conflict
(both cannot be today's figure), but it is not a dispute between outlets: the figure moved.
The fact then says so (``Fact.updated``: the values, earliest first) and the app can say
"rose from 77 to 84" instead of hiding it.

The order comes from the articles' dates (every article giving the lower figure dated
before every article giving the higher one) or from the words of the later report ("the
toll rose to 84", "has climbed to 84"). Only rising figures are read as updates: a count
that falls over time is more often a correction, and stays a plain conflict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence

from ..model import Article, Fact, FactStatus, Mention

# Words before a figure that say it is a newer total than one told before.
_RISEN = re.compile(r"\b(?:rose|risen|rising|climbed|climbing|jumped|increased|grew|reached|"
                    r"went up|has gone up)\s+(?:to\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+)?$",
                    re.IGNORECASE)
# Kinds whose figures run on as a story develops (tolls, arrests, evacuations).
RUNNING_KINDS = frozenset({"count"})


def mark_updates(facts: Sequence[Fact], articles: Sequence[Article]) -> tuple[Fact, ...]:
    """``facts`` with ``updated`` set where a conflicting count's values rose over time."""
    by_id = {a.id: a for a in articles}
    out = []
    for fact in facts:
        order = _order(fact, by_id) if fact.status == FactStatus.CONFLICT and \
            fact.kind in RUNNING_KINDS else None
        out.append(_with(fact, order) if order else fact)
    return tuple(out)


def _with(fact: Fact, order: tuple[str, ...]) -> Fact:
    return dataclasses.replace(fact, updated=order)


def _figure(m: Mention) -> float | None:
    v = m.value
    if not isinstance(v, dict) or v.get("vague"):
        return None
    if v.get("about") is not None:
        return float(v["about"])
    low, high = v.get("low"), v.get("high")
    if low is None:
        return None
    return float(low) if high is None or high == low else None


def _order(fact: Fact, articles: Mapping[str, Article]) -> tuple[str, ...] | None:
    values: dict[float, list[Mention]] = {}
    for m in fact.mentions:
        figure = _figure(m)
        if figure is None:
            return None  # a range or a vague word: no single figure to follow
        values.setdefault(figure, []).append(m)
    if len(values) < 2:
        return None
    rising = sorted(values)
    dates: list[tuple[dt.date, dt.date] | None] = []
    for figure in rising:
        days = [articles[m.article].date for m in values[figure] if m.article in articles]
        dates.append((min(days), max(days)) if days and all(days) else None)  # type: ignore[type-var]
    by_date = all(a is not None and b is not None and a[1] < b[0]
                  for a, b in zip(dates, dates[1:], strict=False))
    top = values[rising[-1]]
    by_words = len(rising) == 2 and any(_said_risen(m, articles) for m in top)
    if not (by_date or by_words):
        return None
    return tuple(_plain(values[f][0].text) for f in rising)


def _said_risen(m: Mention, articles: Mapping[str, Article]) -> bool:
    article = articles.get(m.article)
    if article is None:
        return False
    before = article.text[max(0, m.start - 40):m.start]
    return _RISEN.search(before) is not None


def _plain(text: str) -> str:
    return " ".join(text.split())
