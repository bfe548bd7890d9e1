"""The JSON report: the engine's :class:`Report` as plain dicts.

The shape is documented in README.md ("JSON report format"); ``schema`` says
which version a consumer holds. Keys read by the answer key (articles with
passages, groups with members, facts with mentions) are never renamed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from ..model import Article, Fact, Group, Mention, Report

SCHEMA_VERSION = 1


def report_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    data = {
        "schema": SCHEMA_VERSION,
        "summary": summary(report),
        "articles": [_article(report, a) for a in report.articles],
        "groups": [_group(g) for g in report.groups],
        "facts": [_fact(f) for f in report.facts],
        "errors": [{"path": e.path, "reason": e.reason} for e in report.errors],
    }
    if report.notes:  # only a batch too large to compare whole has them
        data["notes"] = list(report.notes)
    return data


def dumps(report: Report) -> str:
    """The report as strict JSON: a number too big for a float (400 digits) becomes null."""
    return json.dumps(_finite(report_dict(report)), ensure_ascii=False, indent=1,
                      allow_nan=False) + "\n"


def _finite(data: Any) -> Any:
    """``data`` with every infinite or NaN float replaced by None (JSON has no Infinity)."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


def summary(report: Report) -> dict[str, int]:
    """Counts a reader wants first: how much is shared, contested, or said once."""
    counts = {"articles": len(report.articles),
              "passages": sum(len(p) for p in report.passages.values()),
              "groups": len(report.groups)}
    for status in ("agree", "wording", "facts"):
        counts[f"groups_{status}"] = sum(1 for g in report.groups if g.status == status)
    captions = sum(1 for ps in report.passages.values() for p in ps if not p.reporting)
    counts["only_here"] = counts["passages"] - len(report.group_of) - captions
    counts["captions"] = captions  # captions, credits, teasers: in the text, never compared
    counts["conflicts"] = sum(1 for f in report.facts if f.status == "conflict")
    return counts


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _article(report: Report, article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "date": _date(article.date),
        "date_span": list(article.date_span) if article.date_span else None,
        "date_from": article.date_from if article.date else None,
        "url": article.url,
        "fingerprint": article.fingerprint,
        "sections": [{"start": s.start, "end": s.end, "title": s.title, "date": _date(s.date)}
                     for s in article.sections],
        "passages": [
            {"id": p.index, "text": p.text, "start": p.start, "end": p.end, "kind": p.kind.value,
             "section": p.section, "group": report.group_of.get(p.ref),
             "status": report.status_of(p.ref).value}
            for p in report.passages.get(article.id, ())
        ],
    }


def _group(group: Group) -> dict[str, Any]:
    return {
        "id": group.id,
        "status": group.status.value,
        "similarity": group.similarity,
        # Passages placed in another group that say this group's statement too come last,
        # marked "also": true (their "group" field names the group they belong to).
        "members": [{"article": m.article, "passage": m.passage} for m in group.members]
        + [{"article": m.article, "passage": m.passage, "also": True} for m in group.also],
        "own_words": [{"article": d.ref.article, "passage": d.ref.passage,
                       "spans": [list(s) for s in d.own]} for d in group.diffs],
    }


def _mention(m: Mention) -> dict[str, Any]:
    return {"article": m.article, "passage": m.passage, "start": m.start, "end": m.end,
            "text": m.text, "value": stated(m.value), "label": m.label}


def stated(value: Any) -> Any:
    """A value as the article states it.

    A plain figure with a scale or a unit ("$5 billion", "16 km") is compared as the band its
    rounding allows; the report gives the figure as written (``low`` = ``high`` = 5e9) and
    that band beside it (``"rounding": {"low": 4.5e9, "high": 5.5e9, "high_open": true}``).
    A hedged figure ("about $5 billion") keeps the wider interval its words allow.
    """
    if not (isinstance(value, dict) and value.get("about") is not None and value.get("high_open")
            and not value.get("low_open") and value.get("high") is not None):
        return value
    figure = value["about"]
    out = {"low": figure, "high": figure,
           "rounding": {"low": value["low"], "high": value["high"], "high_open": True}}
    out.update((k, v) for k, v in value.items() if k not in ("low", "high", "high_open", "about"))
    return out


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "kind": fact.kind,
        "status": fact.status.value,
        "label": fact.label,
        "groups": list(fact.groups),
        "mentions": [_mention(m) for m in fact.mentions],
        "matrix": {article: [m.text for m in ms] for article, ms in fact.values_by_article().items()},
        "sources": _sources(fact),
        **({"updated": list(fact.updated)} if fact.updated else {}),
        **({"about": dict(fact.about)} if fact.about else {}),
    }


def _sources(fact: Fact) -> list[dict[str, Any]]:
    """The claim × source view: each distinct value, and which articles back it.

    Most-backed value first, so a reader sees at once how many independent
    sources say 17 and how many say "over 24".
    """
    rows: dict[str, dict[str, Any]] = {}
    for m in fact.mentions:
        key = _value_key(fact.kind, m)
        row = rows.setdefault(key, {"value": stated(m.value), "articles": [], "texts": []})
        if m.article not in row["articles"]:
            row["articles"].append(m.article)
        if m.text not in row["texts"]:
            row["texts"].append(m.text)
    return sorted(rows.values(), key=lambda r: -len(r["articles"]))


def _value_key(kind: str, m: Mention) -> str:
    """What two mentions must share to state the same value (not the same words)."""
    v = m.value
    if kind == "name":
        return m.text
    if kind == "quote":
        return str(v.get("quote"))
    if kind == "vehicle":
        return str(v.get("vehicle"))
    if kind == "date":
        return str(v.get("date") or v.get("weekday"))
    if kind == "time":
        return f"{v.get('time')} {v.get('zone') or ''}"
    return json.dumps([v.get("low"), v.get("high"), v.get("low_open", False),
                       v.get("high_open", False), v.get("currency")])
