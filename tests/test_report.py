"""The JSON report: its shape, and the answer key on the sample batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from storydiff.core.export.json import SCHEMA_VERSION, report_dict
from storydiff.core.report import compare

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "gold" / "score.py"

ARTICLES = {
    "wire.txt": ("Title: Dam bursts after storm\nDate: 2024-09-14\n\n"
                 "A dam burst on Friday after days of heavy rain, flooding 30 villages. "
                 "At least 12 people were killed, officials said."),
    "paper.txt": ("Villages flooded as dam gives way\n\nBy Ana Ruiz, Sept 15, 2024\n\n"
                  "Officials said 15 people were killed when the dam burst on Friday after heavy rain. "
                  "The dam, built in 1962, had been due for repairs."),
}


@pytest.fixture
def report(write):
    return compare([str(write(name, text)) for name, text in ARTICLES.items()])


def test_report_has_articles_passages_groups_facts_and_schema(report):
    data = json.loads(json.dumps(report_dict(report)))
    assert data["schema"] == SCHEMA_VERSION
    assert [a["id"] for a in data["articles"]] == ["wire", "paper"]
    wire = data["articles"][0]
    assert wire["title"] == "Dam bursts after storm" and wire["date"] == "2024-09-14"
    assert data["articles"][1]["date"] == "2024-09-15"
    for article, loaded in zip(data["articles"], report.articles, strict=True):
        for p in article["passages"]:
            assert loaded.text[p["start"]:p["end"]] == p["text"]
            assert p["status"] in {"agree", "wording", "facts", "only"}
    assert isinstance(data["facts"], list)
    assert data["errors"] == []


def test_groups_name_members_by_article_and_passage_and_carry_own_words(report):
    data = report_dict(report)
    passages = {(a["id"], p["id"]): p for a in data["articles"] for p in a["passages"]}
    killed = [g for g in data["groups"]
              if any("killed" in passages[(m["article"], m["passage"])]["text"] for m in g["members"])]
    assert killed, "the two casualty sentences should be aligned"
    group = killed[0]
    assert {m["article"] for m in group["members"]} == {"wire", "paper"}
    for own in group["own_words"]:
        text = passages[(own["article"], own["passage"])]["text"]
        assert all(0 <= s < e <= len(text) for s, e in own["spans"])
    for member in group["members"]:
        assert passages[(member["article"], member["passage"])]["group"] == group["id"]


def test_summary_counts_only_here_passages(report):
    data = report_dict(report)
    only = sum(1 for a in data["articles"] for p in a["passages"] if p["status"] == "only")
    assert data["summary"]["only_here"] == only


@pytest.mark.skipif(not SCORE.exists(), reason="the answer key lives in ../shared")
def test_sample_batch_aligns_as_the_answer_key_says():
    out = subprocess.run([sys.executable, "-m", "storydiff", "compare", str(ROOT / "seeds")],
                         capture_output=True, text=True, check=True).stdout
    scored = subprocess.run([sys.executable, str(SCORE), "-"], input=out, capture_output=True,
                            text=True, check=True).stdout
    rows = dict(line.rsplit(": ", 1) for line in scored.splitlines() if ": " in line and "/" in line)
    got, total = map(int, rows["same passages aligned"].split("/"))
    assert got >= total - 1
    assert rows["different passages kept apart"] == "4/4"
