"""Who says what about one fact: its distinct values, each with the articles that state it.

A conflict is only useful to a fact-checker with both sides in view: "17 — UPI ·
over 24 — AiBot · a dozen (compatible) — AFP". This module works that out once
for every renderer (the app's conflict strip and facts panel, HTML, Markdown,
CSV), so the marks, the counts and the tallies all say the same thing:

- a **row** is one value (not one wording) and the articles that state it;
- a row is **compatible** when its value could be true alongside every other
  row's ("a dozen" beside 17 and "over 24"): it takes no side;
- the other rows are the **sides**; when one side is backed by more articles
  than any other it is the **majority**, and every other side **differs**;
  with no majority, every side differs.

An article *differs on* a conflicting fact when it states a value of a side that
differs; a passage is marked ``!`` when it states such a value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Fact, FactStatus, Mention

VALUE_MAX = 60  # a quote or a vague wording is cut to this many characters
# A vague figure is shown by its quantity words ("a number of", "dozens of"), not the
# counted phrase the fact's label already names.
_VAGUE_WORDS = re.compile(r"^.{0,30}?\b(?:several|numbers?|multiple|numerous|dozens|scores|"
                          r"hundreds|thousands|millions|few|handful|couple|many|some)\b(?: of)?",
                          re.IGNORECASE)


def outlet_of(article: Article) -> str | None:
    """The article's outlet if the reader found one (``outlet``, else ``source``)."""
    for name in (getattr(article, "outlet", None), article.source):
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())
    return None


@dataclass(frozen=True, slots=True)
class Row:
    """One value of a fact and who states it."""

    value: str  # readable and resolved: "17", "over 24", "Sat 20 Jan 2024"
    articles: tuple[str, ...]  # article ids, in the report's order
    texts: tuple[str, ...]  # the words used, distinct, in mention order
    compatible: bool = False  # could be true beside every other row: takes no side
    differs: bool = False  # a side that is not the majority's


def tally(fact: Fact, order: Sequence[str] = ()) -> list[Row]:
    """The fact's rows, most-backed first (ties in reading order of their first article)."""
    return [row for _, row in _rows(fact, order)]


def _rows(fact: Fact, order: Sequence[str]) -> list[tuple[str, Row]]:
    position = {aid: n for n, aid in enumerate(order)}
    keys: list[str] = []
    by_key: dict[str, list[Mention]] = {}
    for mention in fact.mentions:
        key = value_key(fact.kind, mention)
        if key not in by_key:
            keys.append(key)
        by_key.setdefault(key, []).append(mention)

    def articles_of(ms: list[Mention]) -> tuple[str, ...]:
        ids = dict.fromkeys(m.article for m in ms)
        return tuple(sorted(ids, key=lambda a: (position.get(a, len(position)), a)))

    first_seen = {k: n for n, k in enumerate(keys)}
    keys.sort(key=lambda k: (-len(articles_of(by_key[k])),
                             min(position.get(m.article, len(position)) for m in by_key[k]),
                             first_seen[k]))
    compatible = [_compatible(fact.kind, by_key[k][0], [by_key[o][0] for o in keys if o != k])
                  for k in keys]
    if len(keys) - sum(compatible) < 2:
        compatible = [False] * len(keys)  # no two sides left: every value is one
    conflict = fact.status == FactStatus.CONFLICT
    sides = [k for k, c in zip(keys, compatible, strict=True) if not c]
    counts = [len(articles_of(by_key[k])) for k in sides]
    majority = sides[0] if len(counts) > 1 and counts[0] > counts[1] else None
    rows: list[tuple[str, Row]] = []
    shown = _quote_windows([by_key[k][0] for k in keys]) if fact.kind == "quote" else {}
    for key, comp in zip(keys, compatible, strict=True):
        ms = by_key[key]
        value = shown.get(id(ms[0])) or value_text(fact.kind, ms[0])
        rows.append((key, Row(value=value, articles=articles_of(ms),
                        texts=tuple(dict.fromkeys(" ".join(m.text.split()) for m in ms)),
                        compatible=comp and conflict,
                        differs=conflict and not comp and key != majority)))
    return rows


def differing_mentions(fact: Fact) -> list[Mention]:
    """The mentions that state a differing value of a conflicting fact (marked ``!``)."""
    if fact.status != FactStatus.CONFLICT:
        return []
    differing = {key for key, row in _rows(fact, ()) if row.differs}
    return [m for m in fact.mentions if value_key(fact.kind, m) in differing]


def differs_on(fact: Fact, article_id: str) -> bool:
    """Whether ``article_id`` states a differing value of this (conflicting) fact."""
    return any(m.article == article_id for m in differing_mentions(fact))


def tally_line(fact: Fact, names: Mapping[str, str], order: Sequence[str] = (),
               sep: str = " · ") -> str:
    """"17 — UPI · over 24 — AiBot · a dozen (compatible) — AFP": every value, who says it."""
    parts = []
    for row in tally(fact, order):
        who = ", ".join(names.get(a, a) for a in row.articles)
        note = " (compatible)" if row.compatible else ""
        parts.append(f"{row.value}{note} — {who}")
    return sep.join(parts)


# --- values ----------------------------------------------------------------------

def value_key(kind: str, m: Mention) -> str:
    """What two mentions must share to state the same value (not the same words)."""
    v = m.value
    words = " ".join(m.text.split()).lower()
    if kind == "name":
        return "name:" + m.text
    if kind == "tally":
        return "tally:" + str(v.get("tally"))
    if kind == "claim":
        return "claim:" + str(v.get("polarity"))
    if kind == "vehicle":
        return "vehicle:" + str(v.get("vehicle"))
    if kind == "quote":
        return "quote:" + str(v.get("quote"))
    if kind == "date":
        return "date:" + str(v.get("date") or v.get("weekday") or words)
    if kind == "time":
        return f"time:{v.get('time') or words} {v.get('zone') or ''}"
    if "low" not in v:
        return "text:" + words
    return "n:" + repr((_num(v.get("low")), _num(v.get("high")), bool(v.get("low_open")),
                        bool(v.get("high_open")), str(v.get("currency")), bool(v.get("vague"))))


def value_text(kind: str, m: Mention) -> str:
    """A mention's value as a reader says it, resolved: "over 24", "Sat 20 Jan 2024"."""
    v = m.value
    words = " ".join(m.text.split())
    if kind == "date":
        return _date_text(v) or _cut(words)
    if kind == "time":
        zone = v.get("zone")
        return f"{v.get('time')}{' ' + str(zone) if zone else ''}" if v.get("time") else _cut(words)
    if kind == "quote":
        return "“" + _cut(words.strip(" ,.;:") or str(v.get("quote"))) + "”"  # as written
    if kind == "tally" and v.get("tally"):
        return str(v["tally"])
    if kind == "vehicle" and v.get("vehicle"):
        return "a " + str(v["vehicle"])
    if kind == "claim" and v.get("polarity"):
        return ("yes: " if v["polarity"] == "yes" else "no: ") + _cut(words)
    if kind == "name" or "low" not in v:
        return _cut(words)
    if v.get("vague"):
        vague = _VAGUE_WORDS.match(words)
        return _cut(_lower_first(vague.group(0) if vague else words))
    low, high = _num(v.get("low")), _num(v.get("high"))
    cur = str(v.get("currency") or "")
    cur = _CURRENCY.get(cur, cur + " " if cur else "")
    about = v.get("about")
    if about is not None:
        return f"about {cur}{_fmt(about)}"
    if high is not None and low == high:
        return f"{cur}{_fmt(low)}"
    if high is None:
        return f"{'over' if v.get('low_open') else 'at least'} {cur}{_fmt(low)}"
    if not low:
        return f"{'under' if v.get('high_open') else 'up to'} {cur}{_fmt(high)}"
    return f"{cur}{_fmt(low)}–{cur}{_fmt(high)}"


def _num(x: object) -> object:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    return x


_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def _fmt(x: object) -> str:
    x = _num(x)
    if isinstance(x, float) and not math.isfinite(x):
        return "a number too large to show"
    if isinstance(x, int | float) and abs(x) >= 10**6:
        for size, word in _SCALES:
            if abs(x) >= size and (x * 1000 / size) == int(x * 1000 / size):
                return f"{x / size:,.3f}".rstrip("0").rstrip(".") + " " + word
    if isinstance(x, int):
        return f"{x:,}"
    if isinstance(x, float):
        return f"{x:,.6g}" if abs(x) < 1e15 else str(x)
    return str(x)


def _date_text(v: Mapping[str, object]) -> str | None:
    raw, precision = v.get("date"), v.get("precision") or "day"
    if isinstance(raw, str):
        try:
            if precision == "week" and "-W" in raw:
                year, week = raw.split("-W")
                d = dt.date.fromisocalendar(int(year), int(week), 1)
                return f"week of {d.day} {d:%b %Y}"
            if precision == "year" or len(raw) == 4:
                return raw[:4]
            if precision == "month" or len(raw) == 7:
                d = dt.date.fromisoformat(raw[:7] + "-01")
                return d.strftime("%b %Y")
            d = dt.date.fromisoformat(raw[:10])
            return f"{d:%a} {d.day} {d:%b %Y}"
        except ValueError:
            return raw
    weekday = v.get("weekday")
    return str(weekday) if weekday else None


def _compatible(kind: str, m: Mention, others: list[Mention]) -> bool:
    """Whether ``m``'s value could be true beside every other value (vaguer, not different)."""
    if not others:
        return False
    v = m.value
    if kind == "date":
        raw = v.get("date")
        if not isinstance(raw, str) or v.get("precision") in (None, "day"):
            return False
        return all(isinstance(o.value.get("date"), str)
                   and str(o.value["date"]).startswith(raw[:7 if len(raw) >= 7 else 4])
                   for o in others)
    if "low" not in v or kind in ("name", "quote", "time"):
        return False
    return all(_overlap(v, o.value) for o in others)


def _overlap(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    try:
        a_low, b_low = float(a.get("low") or 0), float(b.get("low") or 0)  # type: ignore[arg-type]
        a_high = None if a.get("high") is None else float(a["high"])  # type: ignore[arg-type]
        b_high = None if b.get("high") is None else float(b["high"])  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if a.get("currency") != b.get("currency"):
        return False
    below = a_high is not None and (a_high < b_low or (a_high == b_low and (
        a.get("high_open") or b.get("low_open"))))
    above = b_high is not None and (b_high < a_low or (b_high == a_low and (
        b.get("high_open") or a.get("low_open"))))
    return not (below or above)


def _quote_windows(mentions: list[Mention]) -> dict[int, str]:
    """Quotes that read alike for longer than a cell shows, cut around where they part:
    "…into the wall of German consulate in the city…" beside "…into the wall of the German
    consulate…", not twice "The suicide attacker rammed his explosives-laden car into t…"."""
    texts = [" ".join(m.text.split()).strip(" ,.;:") for m in mentions]
    if len(texts) < 2 or all(len(t) <= VALUE_MAX for t in texts):
        return {}
    first = texts[0]
    parts = [next((n for n, (a, b) in enumerate(zip(first, t)) if a != b), min(len(first), len(t)))
             for t in texts[1:]]
    start = max(0, min(parts) - VALUE_MAX // 3)
    if start < VALUE_MAX // 2:
        return {}  # they part early enough to show as they are
    start = first.rfind(" ", 0, start) + 1
    out = {}
    for m, t in zip(mentions, texts, strict=True):
        window = t[start:start + VALUE_MAX - 2]
        out[id(m)] = "“…" + window.rstrip() + ("…" if start + VALUE_MAX - 2 < len(t) else "") + "”"
    return out


def _cut(text: str) -> str:
    return text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1].rstrip() + "…"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2].istitle() or text[:1].isupper() and \
        not text[:2].isupper() else text
