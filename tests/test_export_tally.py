"""Exports say who says what: the tally line in Markdown, HTML and CSV; emphasis on whole tokens."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from storydiff.core.export import csv as csv_export
from storydiff.core.export import html, markdown
from storydiff.core.model import GroupStatus
from storydiff.core.report import compare
from test_tui_fixtures import build_report

COURT = {
    "tribune.txt": "A judge in Leeds sentenced the former mayor to 8 years in prison on Friday "
                   "for fraud.\n",
    "courier.txt": "A judge in Leeds sentenced the former mayor to 10 years in prison on Friday "
                   "for fraud.\n",
}


def court(tmp_path: Path):
    for name, text in COURT.items():
        (tmp_path / name).write_text(text)
    return compare([str(tmp_path / name) for name in COURT])


def test_every_export_tallies_each_value_with_its_source(tmp_path: Path) -> None:
    report = court(tmp_path)
    md = markdown.render(report)
    line = next(line for line in md.splitlines() if line.startswith("Who says what:"))
    assert "— tribune" in line and "— courier" in line
    page = html.render(report)
    assert '<ul class="tally">' in page and "— courier" in page
    rows = list(csv.reader(io.StringIO(csv_export.render(report), newline="")))
    assert rows[0][4] == "values"
    conflict = next(r for r in rows[1:] if r[2] == "conflict")
    assert "— tribune" in conflict[4] and "— courier" in conflict[4]


def test_markdown_bold_never_splits_a_token_or_a_bracket() -> None:
    report = build_report(
        {"a": ("Wire", ["Polls closed on Sunday (Nov 3) in the capital."]),
         "b": ("Paper", ["Polls closed on Monday (day 3) in the capital."])},
        groups=[(GroupStatus.WORDING, [("a", 0), ("b", 0)])])
    text = markdown.render(report)
    assert "**Sunday (Nov 3)**" in text
    assert "**Sunday (Nov**" not in text


def test_a_quoted_value_is_shown_in_the_writers_words(write):
    from storydiff.core.export.tally import tally
    from storydiff.core.report import compare

    report = compare([str(write("a.txt", 'The mayor said: "At 6:30 p.m. our harbour reopens."\n')),
                      str(write("b.txt", 'The mayor said: "At 6:30 p.m. our harbour reopens."\n'))])
    [fact] = [f for f in report.facts if f.kind == "quote"]
    assert tally(fact)[0].value == "“At 6:30 p.m. our harbour reopens”"


def test_two_long_quotes_that_part_late_are_shown_where_they_part(write):
    from storydiff.core.export.tally import tally
    from storydiff.core.report import compare

    said = ('"The flood waters rose faster than anyone in the valley had expected this winter, '
            'and we lost {} homes in one night," the mayor said.\n')
    report = compare([str(write("a.txt", said.format("forty"))),
                      str(write("b.txt", said.format("fourteen")))])
    [fact] = [f for f in report.facts if f.kind == "quote"]
    values = [row.value for row in tally(fact)]
    assert len(set(values)) == 2
    assert any("lost forty homes" in v for v in values)
    assert any("lost fourteen homes" in v for v in values)
