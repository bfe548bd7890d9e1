"""The frame of the HTML page: its head (Content-Security-Policy, style sheet), the
hover style that lights up a group's passages, and the introduction with its legend.
Every string from an article goes through :func:`_e`."""

from __future__ import annotations

import html

from ..model import Report
from .outline import heading, summary_line

# Groups whose passages light up together on hover; past this a page's style
# sheet grows large for little use (nobody hovers through thousands of groups).
PEER_GROUPS_MAX = 3000

STYLE = """
:root { --fg:#1f2328; --muted:#59636e; --bg:#fff; --line:#d1d9e0; --panel:#f6f8fa;
  --agree:#d5f5dd; --wording:#dbeafe; --facts:#ffe1d6; --only:#efe4ff;
  --own:#d4a72c; --conflict:#d1242f; --value:#8250df; --peer:#0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg:#e6edf3; --muted:#9198a1; --bg:#0d1117; --line:#3d444d; --panel:#151b23;
    --agree:#1c3a26; --wording:#1a2d4a; --facts:#4a2318; --only:#32244d;
    --own:#e3b341; --conflict:#ff7b72; --value:#d2a8ff; --peer:#58a6ff; }
}
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
  color:var(--fg); background:var(--bg); }
header, section { padding: 0 1.25rem; }
h1 { font-size:1.35rem; margin:1rem 0 .25rem; }
h2 { font-size:1.1rem; margin:1.5rem 0 .5rem; border-bottom:1px solid var(--line);
  padding-bottom:.25rem; }
nav { position:sticky; top:0; z-index:2; background:var(--bg); border-bottom:1px solid var(--line);
  padding:.4rem 1.25rem; font-size:.9rem; }
nav a { margin-right:1rem; }
a { color:inherit; }
.summary, .muted { color:var(--muted); }
.legend { display:flex; flex-wrap:wrap; gap:.4rem 1rem; padding:0; margin:.5rem 0; list-style:none;
  font-size:.85rem; }
.legend li { white-space:nowrap; }
.p { border-radius:3px; padding:0 1px; box-decoration-break:clone;
  -webkit-box-decoration-break:clone; }
.s-agree { background:var(--agree); }
.s-wording { background:var(--wording); }
.s-facts { background:var(--facts); }
.s-only { background:var(--only); }
mark.own { background:none; color:inherit; font-weight:650;
  text-decoration:underline 2px var(--own);  text-underline-offset:2px; }
.v:hover { border-bottom:1px dotted var(--value); cursor:help; }
.v-conflict { color:var(--conflict); font-weight:700; border:1px solid var(--conflict);
  border-radius:3px; padding:0 2px; }
.badge { font-size:.7rem; vertical-align:super; text-decoration:none; color:var(--muted);
  margin-left:1px; }
.columns { display:grid; gap:1rem; overflow-x:auto; padding-bottom:1rem; }
.column { min-width:15rem; }
.column header { background:var(--panel); border:1px solid var(--line); border-radius:6px;
  padding:.4rem .6rem; margin-bottom:.5rem; }
.column header b { display:block; overflow-wrap:anywhere; }
.column header small { color:var(--muted); overflow-wrap:anywhere; display:block; }
.column h3 { font-size:1.05rem; margin:.5rem 0; }
.column h4 { font-size:.95rem; margin:.75rem 0 .25rem; }
.column p, .column .row, .column .item { margin:.4rem 0; overflow-wrap:anywhere; }
.column .item::before { content:"• "; color:var(--muted); }
.column .row { font-size:.9rem; border-bottom:1px solid var(--line); }
.quiet { color:var(--muted); font-size:.85rem; }
table { border-collapse:collapse; font-size:.9rem; }
th, td { border:1px solid var(--line); padding:.3rem .5rem; vertical-align:top; text-align:left;
  overflow-wrap:anywhere; }
th { background:var(--panel); }
.matrix { overflow-x:auto; }
table.facts { table-layout:fixed; width:100%; }
col.c-fact { width:16rem; } col.c-status { width:7rem; }
table.facts td a { text-decoration:none; }
tr.f-conflict td.status { color:var(--conflict); font-weight:700; }
td.empty { color:var(--muted); }
.group { border:1px solid var(--line); border-radius:6px; margin:.75rem 0; }
.group > h3 { font-size:.95rem; margin:0; padding:.35rem .6rem; background:var(--panel);
  border-bottom:1px solid var(--line); border-radius:6px 6px 0 0; }
.members { display:grid; gap:0; }
.member { padding:.4rem .6rem; border-left:1px solid var(--line); overflow-wrap:anywhere; }
.member:first-child { border-left:0; }
.member.absent { color:var(--muted); }
.member b { display:block; font-size:.8rem; color:var(--muted); }
:target { outline:2px solid var(--conflict); outline-offset:2px; }
@media print { nav { position:static; } .columns { overflow:visible; } }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _head(report: Report) -> str:
    title = heading(report)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"storydiff\">\n"
        f"<title>{_e(title)}</title>\n<style>{STYLE}{_peer_style(report)}</style>\n</head>\n<body>"
    )


def _peer_style(report: Report) -> str:
    """Hovering a passage outlines its group's other passages in every column.

    The app does this with a cursor; a page without script does it with CSS
    ``:has()``, one selector per group (ids are numbers, never article text).
    """
    numbers = sorted({group.id + 1 for group in report.groups})[:PEER_GROUPS_MAX]
    if not numbers:
        return ""
    selectors = ",".join(f"body:has(.m{n}:hover) .m{n}" for n in numbers)
    return f"\n{selectors} {{ outline:2px solid var(--peer); outline-offset:1px; }}\n"


def _intro(report: Report) -> str:
    return (
        f"<header><h1>{_e(heading(report))}</h1>"
        f"<p class=\"summary\">{_e(summary_line(report))}</p>"
        "<ul class=\"legend\">"
        "<li><span class=\"p s-agree\">same words</span></li>"
        "<li><span class=\"p s-wording\">same report, different words</span></li>"
        "<li><span class=\"p s-facts\">conflicting facts</span></li>"
        "<li><span class=\"p s-only\">one source only</span></li>"
        "<li><mark class=\"own\">own words</mark> (no other source in the group uses them)</li>"
        "<li><span class=\"v-conflict\">value in conflict</span></li>"
        "<li><span class=\"badge\">G3</span> group number (links to the group)</li>"
        "</ul></header>"
    )
