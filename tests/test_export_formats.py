"""Every text export format, read back the way a user's tools would read it.

The story (tests/export_story.py) is a made-up ferry grounding from three
outlets: one conflicting count (212 vs 180 passengers), one agreed date, one
single-source cause, and a hostile passage and outlet name.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from export_story import HOSTILE, HOSTILE_SOURCE, ferry_report, mention
from storydiff.core.export import csv as csv_export
from storydiff.core.export import html as html_export
from storydiff.core.export import markdown
from storydiff.core.export.formats import FORMATS, render_text
from storydiff.core.export.outline import article_names, make_outline, shorten
from storydiff.core.export.view import narrow
from storydiff.core.model import (
    Article,
    Block,
    BlockKind,
    Fact,
    FactStatus,
    GroupStatus,
    LoadError,
    PassageRef,
)


class _Elements(HTMLParser):
    """Every element of a page with its attributes, and the text inside each span/mark/td."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.open: list[tuple[str, dict[str, str], list[str]]] = []
        self.closed: list[tuple[str, dict[str, str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag not in ("br", "meta"):
            self.open.append((tag, attributes, []))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            name, attributes, parts = self.open.pop()
            text = "".join(parts)
            self.closed.append((name, attributes, text))
            if self.open:
                self.open[-1][2].append(text)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][2].append(data)

    def with_class(self, css: str) -> list[tuple[str, dict[str, str], str]]:
        return [e for e in self.closed if css in e[1].get("class", "").split()]


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


# --- HTML -------------------------------------------------------------------------------


def test_html_page_holds_every_passage_with_its_group_status() -> None:
    report = ferry_report()
    page = _parse(html_export.render(report))
    spans = {e[1]["id"]: e for e in page.with_class("p") if "id" in e[1]}
    for n, article in enumerate(report.articles):
        for passage in report.passages[article.id]:
            tag, attributes, text = spans[f"p{n}-{passage.index}"]
            assert text == passage.text
            status = report.status_of(passage.ref).value
            assert f"s-{status}" in attributes["class"].split()


def test_html_marks_each_sources_own_words_and_boxes_the_conflicting_values() -> None:
    report = ferry_report()
    page = _parse(html_export.render(report))
    marked = " ".join(text for _, _, text in page.with_class("own")).split()
    assert {"Some", "180", "evacuated", "Rescuers", "ashore", "dawn"} <= set(marked)
    assert "passengers" not in marked and "coastguard" not in marked  # shared words
    conflicting = [text for _, _, text in page.with_class("v-conflict")]
    assert "180" in conflicting and "212" in conflicting
    assert "Saturday night" not in conflicting  # agreed, so marked but not boxed
    assert "Saturday night" in {text for _, _, text in page.with_class("v")}


def test_html_passages_of_one_group_light_up_together_on_hover() -> None:
    report = ferry_report()
    page = html_export.render(report)
    spans = {e[1]["id"]: e[1]["class"].split() for e in _parse(page).with_class("p") if "id" in e[1]}
    evacuated = ["p0-1", "p1-1", "p2-0"]  # gazette 1, wire 1, radio 0: group 2
    assert all("m2" in spans[anchor] for anchor in evacuated)
    assert not any(c.startswith("m") for c in spans["p2-1"])  # radio's only-here passage
    assert "body:has(.m2:hover) .m2" in page


def test_html_facts_matrix_has_a_row_per_fact_and_a_column_per_article() -> None:
    report = ferry_report()
    page = html_export.render(report)
    matrix = page[page.index('id="facts"'):page.index('id="groups"')]
    rows = _parse(matrix).closed
    headers = [text for tag, _, text in rows if tag == "th"]
    names = make_outline(report).names
    assert headers == ["Fact", "Status", *(names[a.id] for a in report.articles)]
    body_rows = [e for e in rows if e[0] == "tr" and e[1].get("class", "").startswith("f-")]
    assert [r[1]["class"] for r in body_rows] == ["f-conflict", "f-agree", "f-single"]
    assert "passengers — taken off" in body_rows[0][2]
    assert "180" in body_rows[0][2] and "212" in body_rows[0][2]


def test_html_reads_conflicts_then_columns_then_facts_matrix_then_groups() -> None:
    page = html_export.render(ferry_report())
    assert page.index('id="conflicts"') < page.index('id="articles"') < page.index('id="facts"')
    assert page.index('id="facts"') < page.index('id="groups"')


def test_html_escapes_article_text_so_nothing_in_it_runs() -> None:
    page = html_export.render(ferry_report())
    elements = _parse(page)
    assert not [tag for tag, _ in elements.tags if tag in ("script", "img", "iframe", "object")]
    assert not [(tag, k) for tag, attrs in elements.tags for k in attrs if k.startswith("on")]
    assert html.escape(HOSTILE, quote=True) in page
    # the hostile javascript: URL is shown nowhere as a link
    assert not [attrs for tag, attrs in elements.tags
                if tag == "a" and attrs.get("href", "").lower().startswith("javascript")]


def test_html_is_standalone_and_forbids_scripts() -> None:
    page = html_export.render(ferry_report())
    elements = _parse(page)
    assert not [tag for tag, _ in elements.tags if tag == "link"]
    assert not [attrs for _, attrs in elements.tags if "src" in attrs]
    assert "url(" not in page.split("</style>")[0] and "@import" not in page
    policy = [a["content"] for t, a in elements.tags
              if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert policy and "default-src 'none'" in policy[0] and "script-src" not in policy[0]


def test_html_shows_bylines_dimmed_and_never_drops_a_passage_outside_the_blocks() -> None:
    report = ferry_report()
    gazette = report.article("gazette")
    byline = "By Ann Reid, Kerrin Point\n\n"
    text = byline + gazette.text
    shift = len(byline)
    passages = tuple(replace(p, start=p.start + shift, end=p.end + shift)
                     for p in report.passages["gazette"])
    # the loader found a byline and one paragraph; the last two passages lie in no block
    blocks = (Block(0, shift - 2, BlockKind.META),
              Block(shift, passages[0].end, BlockKind.PARAGRAPH))
    article = replace(gazette, text=text, blocks=blocks)
    report = replace(report, articles=(article, *report.articles[1:]),
                     passages={**report.passages, "gazette": passages})
    page = _parse(html_export.render(report))
    assert "By Ann Reid, Kerrin Point" in [t for _, _, t in page.with_class("quiet")]
    shown = {e[1]["id"]: e[2] for e in page.with_class("p") if "id" in e[1]}
    assert [shown[f"p0-{p.index}"] for p in passages] == [p.text for p in passages]


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_reads_conflicts_then_agreements_then_groups_then_only_here() -> None:
    text = markdown.render(ferry_report())
    order = [text.index(f"\n## {title}\n") for title in
             ("Conflicts", "Agreements", "Groups", "Only here")]
    assert order == sorted(order)


def test_markdown_conflict_names_every_sources_value() -> None:
    report = ferry_report()
    text = markdown.render(report)
    conflicts = text[text.index("## Conflicts"):text.index("## Agreements")]
    names = make_outline(report).names
    assert "passengers — taken off" in conflicts
    assert f"- {names['gazette']}: “212”" in conflicts
    assert f"- {markdown.escape(names['wire'])}: “180”" in conflicts


def test_markdown_puts_own_words_in_bold_and_only_here_passages_last() -> None:
    text = markdown.render(ferry_report())
    groups = text[text.index("## Groups"):text.index("## Only here")]
    # Emphasis covers whole tokens: "**evacuated,**", never "**evacuated**,".
    assert "**Some 180** passengers were **evacuated,** according to the coastguard." in groups
    assert "**Rescuers brought** 212 **people ashore** by **dawn,** the" in groups
    only = text[text.index("## Only here"):]
    assert "The ship had left Port Aveline two hours earlier." in only
    assert "cause of the grounding" in only  # the single-source fact


def test_markdown_escapes_markup_in_article_text() -> None:
    text = markdown.render(ferry_report())
    assert not re.search(r"(?<!\\)<", text)  # every "<" from the article is escaped
    assert r"\<script\>" in text
    assert r"\*\*not bold\*\*" in text and r"\[a link\]" in text
    assert r"\~\~gone\~\~" in text and r"\| pipe" in text
    assert r"\&amp;" in text
    assert markdown.escape("AT&T wins") == "AT&T wins"  # a plain ampersand stays readable


def test_markdown_rendered_by_a_commonmark_reader_shows_the_words_and_runs_nothing() -> None:
    markdown_it = pytest.importorskip("markdown_it")  # ships with rich
    reader = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough")
    page = reader.render(markdown.render(ferry_report()))
    elements = _parse(page)
    assert not [tag for tag, _ in elements.tags if tag in ("script", "img", "a", "del", "em")]
    items = [text for tag, _, text in elements.closed if tag == "li"]
    assert HOSTILE in items  # shown as text, character for character
    strong = {text for tag, _, text in elements.closed if tag == "strong"}
    assert {"Some 180", "evacuated,", "Rescuers brought"} <= strong
    rows = [e for e in elements.closed if e[0] == "tr"]
    assert len(rows) == 1 + 3  # the article table: a header and one row per article


def test_markdown_groups_list_the_identical_report_last() -> None:
    report = ferry_report()
    text = markdown.render(report)
    facts_group = text.index("conflicting facts (3 sources")
    same_words = text.index("same words (2 sources")
    assert facts_group < same_words


# --- JSON -------------------------------------------------------------------------------


def test_json_parses_back_with_every_passage_group_and_fact() -> None:
    report = ferry_report()
    data = json.loads(render_text(report, "json"))
    assert [a["id"] for a in data["articles"]] == [a.id for a in report.articles]
    texts = {(a["id"], p["id"]): p["text"] for a in data["articles"] for p in a["passages"]}
    assert texts == {(p.article, p.index): p.text for ps in report.passages.values() for p in ps}
    assert [f["status"] for f in data["facts"]] == ["conflict", "agree", "single"]
    assert data["summary"]["conflicts"] == 1


# --- CSV --------------------------------------------------------------------------------


def _csv(report_text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(report_text, newline="")))


def test_csv_is_the_facts_matrix_one_row_per_fact_one_column_per_article() -> None:
    report = ferry_report()
    rows = _csv(csv_export.render(report))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["fact", "kind", "status", "label", "values"]
    assert len(header) == 5 + len(report.articles)
    assert len(body) == len(report.facts)
    conflict = body[0]
    assert conflict[2] == "conflict"
    names = make_outline(report).names
    # Columns are named by outlet and date; the values column tallies who says what.
    assert header[5] == f"{names['gazette']} (2025-03-02)"
    by_article = dict(zip(header[5:], conflict[5:], strict=True))
    assert by_article[f"{names['gazette']} (2025-03-02)"] == "212"
    assert "212 — " + names["gazette"] in conflict[4] and "180 — " in conflict[4]
    single = body[2]
    assert [cell for cell in single[5:] if cell] == ["a steering failure"]


def test_csv_neutralises_a_formula_in_an_outlet_name() -> None:
    header = _csv(csv_export.render(ferry_report()))[0]
    assert any(cell.startswith("'" + HOSTILE_SOURCE) for cell in header)
    assert not any(cell.startswith(HOSTILE_SOURCE) for cell in header)


@pytest.mark.parametrize("cell", ["=1+1", "+44 20 7946 0000", "-3", "@SUM(A1)", "\t=1",
                                  "\r=1", "  =1+1"])
def test_csv_cells_starting_like_a_formula_become_text(cell: str) -> None:
    assert csv_export.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["212", "3-2 win", "a@b.example", "", "at least 17"])
def test_csv_ordinary_cells_are_left_alone(cell: str) -> None:
    assert csv_export.neutralise(cell) == cell


def test_csv_keeps_commas_quotes_and_newlines_inside_one_cell() -> None:
    report = ferry_report()
    rows = csv_export.rows(report)
    rows[1][3] = 'label, with "quotes"\nand a newline'
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    assert _csv(buffer.getvalue())[1][3] == 'label, with "quotes"\nand a newline'


# --- shared -----------------------------------------------------------------------------


def test_every_text_format_renders_a_report_without_facts_or_groups() -> None:
    report = ferry_report()
    bare = narrow(report, ["radio"])
    bare = type(bare)(articles=bare.articles, passages=bare.passages, groups=())
    for name in FORMATS:
        if name != "svg":
            assert render_text(bare, name)


def test_current_view_keeps_the_statuses_the_whole_story_gave() -> None:
    report = ferry_report()
    view = narrow(report, ["radio", "gazette"])
    assert [a.id for a in view.articles] == ["gazette", "radio"]
    # radio's first passage is still in a group with conflicting facts, though "wire" is hidden
    assert view.status_of(PassageRef("radio", 0)) == GroupStatus.FACTS
    assert all(m.article != "wire" for f in view.facts for m in f.mentions)
    page = html_export.render(view)
    assert "Some 180 passengers" not in page


def test_names_several_sources_use_come_after_the_claims() -> None:
    """Both outlets name Kerrin Point: context, not a claim, so it follows the claims."""
    report = ferry_report()
    place = Fact(3, "name", FactStatus.AGREE, "Kerrin Point", tuple(
        mention(report.passages, PassageRef(a, 0), "Kerrin Point", {"name": "Kerrin Point"}, "",
                "name") for a in ("gazette", "wire")))
    report = replace(report, facts=(place, *report.facts))
    text = markdown.render(report)
    agreements = text[text.index("## Agreements"):text.index("## Groups")]
    assert "- **Kerrin Point**" not in agreements
    assert "Named by several sources (how many): Kerrin Point (2)." in agreements
    assert [row[3] for row in csv_export.rows(report)[1:]][-1] == "Kerrin Point"


def test_files_that_could_not_be_read_are_listed_in_the_snapshot() -> None:
    report = replace(ferry_report(), errors=(LoadError("scans/front<page>.pdf", "a PDF document"),))
    assert "- scans/front\\<page\\>.pdf: a PDF document" in markdown.render(report)
    assert "scans/front&lt;page&gt;.pdf: a PDF document" in html_export.render(report)


def test_two_pieces_from_one_outlet_get_different_names() -> None:
    first = Article(id="a1", path="a1.txt", text="x", source="Daily Planet")
    second = Article(id="a2", path="a2.txt", text="y", source="Daily Planet")
    names = article_names([first, second])
    assert len(set(names.values())) == 2
    assert all(name.startswith("Daily Planet") for name in names.values())


def test_a_long_headline_is_cut_at_a_word() -> None:
    cut = shorten("Council votes to close the old swimming baths after decades of repairs", 30)
    assert len(cut) <= 30 and cut.endswith("…") and " " not in cut[-2:]
