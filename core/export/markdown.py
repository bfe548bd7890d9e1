"""The Markdown snapshot: a comparison to paste into a ticket, a chat or a wiki.

It reads top-down the way a fact-checker works: what the sources contradict,
what they agree on, each group of passages that report the same thing (with
each source's own words in bold), and what only one source says. The order
comes from :mod:`.outline`.

Article text is untrusted: every character of it that Markdown would read as
markup (emphasis, links, HTML tags, tables) is backslash-escaped, so a pasted
snapshot shows the words and never runs or hides anything.
"""

from __future__ import annotations

import re

from ..model import Article, Fact, FactStatus, Group, GroupStatus, Passage, PassageRef, Report
from .tally import tally_line
from .outline import (
    Outline,
    group_articles,
    heading,
    make_outline,
    mention_texts,
    pieces,
    summary_line,
)

STATUS_WORDS = {
    GroupStatus.AGREE: "same words",
    GroupStatus.WORDING: "same report, different words",
    GroupStatus.FACTS: "same report, conflicting facts",
    GroupStatus.ONLY: "one source only",
}

# Characters CommonMark (and GitHub's tables and strikethrough) read as markup
# anywhere in a line. Backslash-escaping them is valid for any ASCII punctuation.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")
# "&amp;" or "&#60;" would be decoded as an entity; plain "AT&T" is left alone.
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: str) -> str:
    """``text`` on one line, with every Markdown markup character escaped."""
    flat = " ".join(text.split())
    return _ENTITY.sub(r"\\&", _MARKUP.sub(r"\\\1", flat))


def render(report: Report) -> str:
    """The report as a Markdown document."""
    outline = make_outline(report)
    lines: list[str] = []
    lines += _heading(report, outline)
    lines += _conflicts(report, outline)
    lines += _agreements(report, outline)
    lines += _groups(report, outline)
    lines += _only_here(report, outline)
    if report.errors:
        lines += ["## Files skipped", ""]
        lines += [f"- {escape(error.path)}: {escape(error.reason)}" for error in report.errors]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _heading(report: Report, outline: Outline) -> list[str]:
    lines = [f"# {heading(report)}", ""]
    lines += ["| Article | Date | File |", "| --- | --- | --- |"]
    for article in report.articles:
        lines.append(f"| {escape(outline.names[article.id])} | {_date(article)} "
                     f"| {escape(article.path)} |")
    lines += [
        "",
        summary_line(report),
        "",
        "Each source's own words in a group (used by no other source there) are in **bold**.",
        "",
    ]
    return lines


def _date(article: Article) -> str:
    return article.date.isoformat() if article.date else "–"


def _conflicts(report: Report, outline: Outline) -> list[str]:
    lines = ["## Conflicts", ""]
    if not outline.conflicts:
        return [*lines, "No conflicting facts found.", ""]
    order = [a.id for a in report.articles]
    for fact in outline.conflicts:
        lines += [f"### {escape(fact.label or fact.kind)}", ""]
        lines += [f"Who says what: {escape(tally_line(fact, outline.names, order))}", ""]
        lines += _fact_values(fact, outline)
        lines.append("")
        for ref in dict.fromkeys(PassageRef(m.article, m.passage) for m in fact.mentions):
            lines.append(f"> **{escape(outline.names.get(ref.article, ref.article))}:** "
                         f"{_marked(report, outline, report.passage(ref))}")
            lines.append(">")
        if lines[-1] == ">":
            lines.pop()
        lines.append("")
    return lines


def _fact_values(fact: Fact, outline: Outline) -> list[str]:
    rows = []
    for article_id in fact.values_by_article():
        said = "; ".join(f"“{escape(text)}”" for text in mention_texts(fact, article_id))
        rows.append(f"- {escape(outline.names.get(article_id, article_id))}: {said}")
    return rows


def _agreements(report: Report, outline: Outline) -> list[str]:
    lines = ["## Agreements", ""]
    if not outline.agreements and not outline.named:
        return [*lines, "No fact is stated alike by several sources.", ""]
    for fact in outline.agreements:
        how = "agree" if fact.status == FactStatus.AGREE else "compatible (one is vaguer)"
        sources = ", ".join(escape(outline.names.get(a, a)) for a in fact.values_by_article())
        values = sorted({t for a in fact.values_by_article() for t in mention_texts(fact, a)})
        shown = "; ".join(f"“{escape(v)}”" for v in values)
        lines.append(f"- **{escape(fact.label or fact.kind)}**: {shown} — {how}: {sources}")
    if outline.named:
        named = ", ".join(f"{escape(f.label or f.kind)} ({len(f.values_by_article())})"
                          for f in outline.named)
        lines += ["", f"Named by several sources (how many): {named}."]
    return [*lines, ""]


def _groups(report: Report, outline: Outline) -> list[str]:
    lines = ["## Groups", ""]
    if not outline.groups:
        return [*lines, "No passage is reported by more than one source.", ""]
    for group in outline.groups:
        lines += [_group_title(group, outline), ""]
        for ref in group.members:
            name = escape(outline.names.get(ref.article, ref.article))
            lines.append(f"- **{name}** (passage {ref.passage + 1}): "
                         f"{_marked(report, outline, report.passage(ref))}")
        lines.append("")
    return lines


def _group_title(group: Group, outline: Outline) -> str:
    sources = len(group_articles(group))
    return (f"### Group {group.id + 1}: {STATUS_WORDS.get(group.status, group.status)} "
            f"({sources} sources, similarity {group.similarity:.0f})")


def _only_here(report: Report, outline: Outline) -> list[str]:
    lines = ["## Only here", ""]
    any_only = False
    for article in report.articles:
        passages = outline.only_here.get(article.id, ())
        singles = [f for f in outline.singles if article.id in f.values_by_article()]
        if not passages and not singles:
            continue
        any_only = True
        lines += [f"### {escape(outline.names[article.id])}", ""]
        lines += [f"- {_plain(p)}" for p in passages]
        for fact in singles:
            values = "; ".join(f"“{escape(t)}”" for t in mention_texts(fact, article.id))
            lines.append(f"- Fact stated by this source only: **{escape(fact.label or fact.kind)}**"
                         f": {values}")
        lines.append("")
    if not any_only:
        lines += ["Every passage is reported by more than one source.", ""]
    return lines


def _whole_tokens(text: str, own: list[bool]) -> list[bool]:
    """``own`` widened so bold starts and ends at spaces and never splits a bracket.

    "**Saturday (Jan** 20)" becomes "**Saturday (Jan 20)**": emphasis inside a
    token, or across half a parenthesis, is misread by Markdown renderers.
    """
    out = list(own)
    size = len(text)
    i = 0
    while i < size:
        if not out[i]:
            i += 1
            continue
        start = i
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = i
        while end < size and (out[end] or not text[end].isspace()):
            end += 1
        depth = sum(1 if c in "([{" else -1 if c in ")]}" else 0 for c in text[start:end])
        while depth > 0 and end < size:
            depth += 1 if text[end] in "([{" else -1 if text[end] in ")]}" else 0
            end += 1
        while end < size and not text[end].isspace():
            end += 1
        for k in range(start, end):
            out[k] = True
        i = end
    return out


def _runs(text: str, own: list[bool]) -> list[tuple[bool, str]]:
    runs: list[tuple[bool, str]] = []
    for char, is_own in zip(text, own, strict=True):
        if runs and runs[-1][0] == is_own:
            runs[-1] = (is_own, runs[-1][1] + char)
        else:
            runs.append((is_own, char))
    return runs


def _plain(passage: Passage) -> str:
    text = escape(passage.text)
    return f"*{text}*" if passage.kind == "heading" and text else text


def _marked(report: Report, outline: Outline, passage: Passage) -> str:
    """The passage with own words in bold; fact values keep their plain words."""
    own: list[bool] = []  # Markdown shows no fact marks: own or not, per character
    for piece in pieces(report, outline, passage):
        own += [piece.own] * len(piece.text)
    runs: list[tuple[bool, str]] = []
    for is_own, words in _runs(passage.text, _whole_tokens(passage.text, own)):
        runs.append((is_own, words))
    out = []
    for is_own, words in runs:
        core = escape(words)
        if not core:
            out.append(" " if words else "")
            continue
        lead = " " if words[0].isspace() else ""
        tail = " " if words[-1].isspace() else ""
        out.append(lead + (f"**{core}**" if is_own else core) + tail)
    return " ".join("".join(out).split())
