"""The facts matrix as CSV: one row per fact, one column per article.

For the spreadsheet a fact-checker keeps: each cell holds what that source
says about that fact, in its own words ("17", "at least a dozen"), or is empty
when the source does not say; the ``values`` column tallies each resolved
value and who states it ("17 — UPI | over 24 — AiBot"). Rows come in the outline's order: conflicts
first, names last.

Article text is untrusted and spreadsheets run formulas: a cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (even after
leading spaces) is prefixed with an apostrophe, the neutralisation OWASP
recommends, so "=HYPERLINK(…)" in an article shows as text and never runs.
"""

from __future__ import annotations

import csv
import io

from ..model import Article, Report
from .outline import facts_in_order, make_outline, mention_texts
from .tally import tally_line

# What spreadsheet programs read as the start of a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Several statements of one fact by one source share a cell, joined by this.
JOIN = " | "
FIXED_COLUMNS = ("fact", "kind", "status", "label", "values")


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet: a formula start becomes text."""
    if cell.startswith(FORMULA_STARTS) or cell.lstrip().startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def rows(report: Report) -> list[list[str]]:
    """The matrix as rows of strings, header first, cells not yet neutralised."""
    outline = make_outline(report)
    header = [*FIXED_COLUMNS, *(_column_name(outline.names[a.id], a) for a in report.articles)]
    order = [a.id for a in report.articles]
    body = []
    for fact in facts_in_order(outline):
        cells = [str(fact.id), fact.kind, fact.status.value, fact.label,
                 tally_line(fact, outline.names, order, sep=JOIN)]
        cells += [JOIN.join(mention_texts(fact, a.id)) for a in report.articles]
        body.append(cells)
    return [header, *body]


def _column_name(name: str, article: Article) -> str:
    """An article's column: its outlet (else headline) and its date, "UPI (2024-01-21)"."""
    date = article.date.isoformat() if article.date else ""
    return f"{name} ({date})" if date and date not in name else name


def render(report: Report) -> str:
    """The facts matrix as CSV text (RFC 4180: quoted where needed, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows(report):
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
