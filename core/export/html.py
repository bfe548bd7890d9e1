"""The HTML snapshot: one standalone page to mail, attach to a ticket or archive.

The page opens on the conflicts (each contested fact, each source's words for
it), then shows what the app shows: every article in its own column, each
passage tinted by how it relates to the other sources (same words, different
words, conflicting facts, said by one source only), each source's own words
marked, conflicting fact values boxed (other fact values show their fact on
hover, as the app marks only conflicts); then the facts matrix (claim × source)
and every group of passages side by side, one cell per source.

It needs nothing but a browser: styles are inline, there is no script and no
external asset, and a Content-Security-Policy forbids both, so even a mistake
in escaping could not run code. Article text is untrusted: every string from
it goes through :func:`html.escape` (quotes included, as some land in
attributes), element ids are built from positions, never from article ids, and
only ``http``/``https`` URLs become links.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import (
    Article,
    Block,
    BlockKind,
    Fact,
    FactStatus,
    Group,
    GroupStatus,
    Passage,
    PassageRef,
    Report,
)
from .html_page import STYLE, _e, _head, _intro
from .outline import (
    Outline,
    Piece,
    facts_in_order,
    make_outline,
    mention_texts,
    pieces,
    shorten,
)
from .tally import tally

__all__ = ["STYLE", "render"]

STATUS_WORDS = {
    GroupStatus.AGREE: "same words",
    GroupStatus.WORDING: "same report, different words",
    GroupStatus.FACTS: "same report, conflicting facts",
    GroupStatus.ONLY: "said by this source only",
}
FACT_WORDS = {
    FactStatus.CONFLICT: "conflict",
    FactStatus.AGREE: "agree",
    FactStatus.COMPATIBLE: "compatible",
    FactStatus.SINGLE: "one source",
}
# Blocks that carry the article's own reporting; the rest (bylines, share
# prompts) are shown dimmed so the columns still hold the whole text.
_QUIET = {BlockKind.META, BlockKind.BOILERPLATE}
_TAG = {BlockKind.TITLE: "h3", BlockKind.HEADING: "h4"}
# Longest value shown in a facts-matrix cell: a number or a date always fits; a
# long quote is cut so one row does not fill the screen.
CELL_MAX = 140


def render(report: Report) -> str:
    """The report as a standalone HTML page."""
    outline = make_outline(report)
    index = {a.id: n for n, a in enumerate(report.articles)}
    parts = [
        _head(report),
        _intro(report),
        '<nav><a href="#conflicts">Conflicts</a><a href="#articles">Side by side</a>'
        '<a href="#facts">Facts matrix</a><a href="#groups">Groups</a></nav>',
        _conflicts(report, outline, index),
        _columns(report, outline, index),
        _matrix(report, outline, index),
        _groups(report, outline, index),
        _errors(report),
        "</body>\n</html>\n",
    ]
    return "\n".join(part for part in parts if part)


def _anchor(index: dict[str, int], ref: PassageRef) -> str:
    return f"p{index.get(ref.article, 0)}-{ref.passage}"


def _marked(report: Report, outline: Outline, passage: Passage) -> str:
    """A passage's text with own words and fact values wrapped in marks.

    A fact value is one box even when own words start or stop inside it
    ("four U.S. troops" with "four" and "troops" own): the own marks nest inside.
    """
    out: list[str] = []
    run: list[Piece] = []
    for piece in [*pieces(report, outline, passage), None]:
        if run and (piece is None or piece.fact is not run[0].fact):
            out.append(_fact_run(run))
            run = []
        if piece is not None:
            run.append(piece)
    return "".join(out)


def _fact_run(run: list[Piece]) -> str:
    inner = "".join(f"<mark class=\"own\">{_e(p.text)}</mark>" if p.own else _e(p.text)
                    for p in run)
    fact = run[0].fact
    if fact is None:
        return inner
    css = "v v-conflict" if fact.status == FactStatus.CONFLICT else "v"
    tip = f"{fact.label or fact.kind}: {FACT_WORDS.get(fact.status, fact.status)}"
    return f"<span class=\"{css}\" title=\"{_e(tip)}\">{inner}</span>"


def _passage(report: Report, outline: Outline, index: dict[str, int], passage: Passage) -> str:
    status = report.status_of(passage.ref)
    slot = report.group_of.get(passage.ref)
    tip = STATUS_WORDS.get(status, str(status))
    badge = ""
    if slot is not None and 0 <= slot < len(report.groups):
        number = report.groups[slot].id + 1
        tip = f"Group {number}: {tip}"
        badge = f"<a class=\"badge\" href=\"#g{number}\">G{number}</a>"
        css = f"p s-{_e(status.value)} m{number}"
    else:
        css = f"p s-{_e(status.value)}"
    return (f"<span class=\"{css}\" id=\"{_anchor(index, passage.ref)}\" "
            f"title=\"{_e(tip)}\">{_marked(report, outline, passage)}</span>{badge}")


def _conflicts(report: Report, outline: Outline, index: dict[str, int]) -> str:
    """What a reader checks first: each contested fact, each source's words for it."""
    if not outline.conflicts:
        return ("<section id=\"conflicts\"><h2>Conflicts</h2>"
                "<p class=\"muted\">No conflicting facts found.</p></section>")
    return ("<section id=\"conflicts\"><h2>Conflicts</h2>"
            + _tallies(report, outline)
            + _fact_table(report, outline, index, outline.conflicts, status=False)
            + "</section>")


def _tallies(report: Report, outline: Outline) -> str:
    """Who says what, one line per conflict: each resolved value and the sources stating it."""
    order = [a.id for a in report.articles]
    out = ["<ul class=\"tally\">"]
    for fact in outline.conflicts:
        parts = []
        for row in tally(fact, order):
            who = ", ".join(_e(outline.names.get(a, a)) for a in row.articles)
            value = _e(row.value)
            if row.differs:
                value = f"<span class=\"v v-conflict\">{value}</span>"
            elif row.compatible:
                value += " <span class=\"muted\">(compatible)</span>"
            parts.append(f"{value} — {who}")
        out.append(f"<li><b>{_e(fact.label or fact.kind)}</b>: {' · '.join(parts)}</li>")
    out.append("</ul>")
    return "".join(out)


def _matrix(report: Report, outline: Outline, index: dict[str, int]) -> str:
    """Every fact × every source: the claim matrix, conflicts first."""
    out = "<section id=\"facts\"><h2>Facts matrix</h2>"
    if not report.facts:
        return out + "<p class=\"muted\">No facts were compared.</p></section>"
    return out + _fact_table(report, outline, index, facts_in_order(outline)) + "</section>"


def _fact_table(report: Report, outline: Outline, index: dict[str, int],
                facts: Sequence[Fact], *, status: bool = True) -> str:
    count = max(len(report.articles), 1)
    # Fixed layout: equal columns per source, whatever their values' lengths; wide
    # enough to read, scrolling sideways past a handful of sources.
    out = [f"<div class=\"matrix\"><table class=\"facts\" style=\"min-width:"
           f"{16 + (7 if status else 0) + 10 * count}rem\"><colgroup><col class=\"c-fact\">"
           + ("<col class=\"c-status\">" if status else "")
           + "<col>" * count + "</colgroup><thead><tr><th>Fact</th>"
           + ("<th>Status</th>" if status else "")]
    out += [f"<th>{_e(outline.names[a.id])}</th>" for a in report.articles]
    out.append("</tr></thead><tbody>")
    for fact in facts:
        row = fact.values_by_article()
        out.append(f"<tr class=\"f-{_e(fact.status.value)}\"><td>{_e(fact.label or fact.kind)}"
                   "</td>")
        if status:
            out.append(f"<td class=\"status\">{_e(FACT_WORDS.get(fact.status, fact.status))}</td>")
        for article in report.articles:
            mentions = row.get(article.id)
            if not mentions:
                out.append("<td class=\"empty\">–</td>")
                continue
            css = "v v-conflict" if fact.status == FactStatus.CONFLICT else "v"
            ref = PassageRef(article.id, mentions[0].passage)
            values = "<br>".join(_cell_value(css, t) for t in mention_texts(fact, article.id))
            out.append(f"<td><a href=\"#{_anchor(index, ref)}\">{values}</a></td>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _cell_value(css: str, text: str) -> str:
    """A value in the matrix; a long quote is cut, whole on hover and in its column."""
    short = shorten(text, CELL_MAX)
    tip = f" title=\"{_e(text)}\"" if short != text else ""
    return f"<span class=\"{css}\"{tip}>{_e(short)}</span>"


def _columns(report: Report, outline: Outline, index: dict[str, int]) -> str:
    count = max(len(report.articles), 1)
    out = [f"<section id=\"articles\"><h2>Side by side</h2><div class=\"columns\" "
           f"style=\"grid-template-columns:repeat({count},minmax(15rem,1fr))\">"]
    for article in report.articles:
        out.append(_column(report, outline, index, article))
    out.append("</div></section>")
    return "".join(out)


def _column(report: Report, outline: Outline, index: dict[str, int], article: Article) -> str:
    about = [article.date.isoformat() if article.date else None, article.source, article.path]
    link = ""
    if article.url and article.url.lower().startswith(("http://", "https://")):
        link = (f"<small><a href=\"{_e(article.url)}\" rel=\"noopener noreferrer nofollow\">"
                f"{_e(article.url)}</a></small>")
    out = [f"<article class=\"column\"><header><b>{_e(outline.names[article.id])}</b>"
           f"<small>{_e(' · '.join(x for x in about if x))}</small>{link}</header>"]
    passages = report.passages.get(article.id, ())
    for block, inside in _blocks_with_passages(article, passages):
        out.append(_block(report, outline, index, article, block, inside))
    out.append("</article>")
    return "".join(out)


def _blocks_with_passages(article: Article, passages: Sequence[Passage]
                          ) -> Iterator[tuple[Block, list[Passage]]]:
    """Each block of the article with the passages that start in it, in text order.

    Passages outside every block (a loader that found no blocks) get a block each,
    so no passage is ever left off the page.
    """
    blocks = sorted(article.blocks, key=lambda b: b.start)
    placed: set[int] = set()
    ordered = sorted(passages, key=lambda p: p.start)
    cursor = 0
    for block in blocks:
        inside = []
        while cursor < len(ordered) and ordered[cursor].start < block.end:
            if ordered[cursor].start >= block.start:
                inside.append(ordered[cursor])
                placed.add(ordered[cursor].index)
            cursor += 1
        yield block, inside
    for passage in ordered:
        if passage.index not in placed:
            yield Block(passage.start, passage.end, BlockKind.PARAGRAPH), [passage]


def _block(report: Report, outline: Outline, index: dict[str, int], article: Article,
           block: Block, inside: list[Passage]) -> str:
    text = article.text
    if not inside:
        words = " ".join(text[block.start:block.end].split())
        if not words:
            return ""
        tag = _TAG.get(block.kind, "p")
        css = " class=\"quiet\"" if block.kind in _QUIET else ""
        return f"<{tag}{css}>{_e(words)}</{tag}>"
    body = []
    cursor = min(block.start, inside[0].start)
    for passage in inside:
        body.append(_e(text[cursor:passage.start]))
        body.append(_passage(report, outline, index, passage))
        cursor = max(cursor, passage.end)
    body.append(_e(text[cursor:max(block.end, cursor)]))
    content = "".join(body).strip()
    if block.kind in _TAG:
        return f"<{_TAG[block.kind]}>{content}</{_TAG[block.kind]}>"
    wrapper = {BlockKind.LIST: "item", BlockKind.TABLE: "row"}.get(block.kind)
    if wrapper:
        return f"<div class=\"{wrapper}\">{content}</div>"
    return f"<p>{content}</p>"


def _groups(report: Report, outline: Outline, index: dict[str, int]) -> str:
    out = ["<section id=\"groups\"><h2>Groups</h2>"]
    if not outline.groups:
        out.append("<p class=\"muted\">No passage is reported by more than one source.</p>")
    for group in outline.groups:
        out.append(_group(report, outline, index, group))
    out.append("</section>")
    return "".join(out)


def _group(report: Report, outline: Outline, index: dict[str, int], group: Group) -> str:
    """A group as one row of cells, a cell per article in page order (empty if absent)."""
    by_article: dict[str, list[PassageRef]] = {}
    for ref in group.members:
        by_article.setdefault(ref.article, []).append(ref)
    out = [f"<div class=\"group\" id=\"g{group.id + 1}\"><h3><span class=\"p "
           f"s-{_e(group.status.value)}\">Group {group.id + 1}: "
           f"{_e(STATUS_WORDS.get(group.status, group.status))}</span> "
           f"<span class=\"muted\">{len(by_article)} sources · similarity "
           f"{group.similarity:.0f}</span></h3><div class=\"members\" "
           f"style=\"grid-template-columns:repeat({max(len(report.articles), 1)},"
           f"minmax(12rem,1fr))\">"]
    for article in report.articles:
        refs = by_article.get(article.id, [])
        name = _e(outline.names[article.id])
        if not refs:
            out.append(f"<div class=\"member absent\"><b>{name}</b>–</div>")
            continue
        texts = "<br>".join(_marked(report, outline, report.passage(ref)) for ref in refs)
        out.append(f"<div class=\"member\"><b><a href=\"#{_anchor(index, refs[0])}\">{name}</a>"
                   f"</b>{texts}</div>")
    out.append("</div></div>")
    return "".join(out)


def _errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(f"<li>{_e(error.path)}: {_e(error.reason)}</li>" for error in report.errors)
    return f"<section id=\"skipped\"><h2>Files skipped</h2><ul>{items}</ul></section>"
