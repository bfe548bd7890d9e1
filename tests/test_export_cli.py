"""``storydiff compare PATHS --format FMT -o FILE``: every format from the command line."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from storydiff.cli import main

# Two made-up reports of a council vote, enough for the engine to compare.
COUNCIL = {
    "courier.txt": "Council votes to close Elm Street baths\n\n"
                   "The city council voted 7 to 2 on Tuesday to close the Elm Street baths. "
                   "Repairs would have cost 4 million pounds, officials said.\n",
    "echo.txt": "Elm Street baths to shut after council vote\n\n"
                "The city council voted 6 to 3 on Tuesday to close the Elm Street baths. "
                "Swimmers plan a protest on Saturday.\n",
}


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in COUNCIL.items():
        (folder / name).write_text(text)
    return [str(folder / name) for name in COUNCIL]


def test_json_to_stdout_by_default(articles: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", *articles]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 2


@pytest.mark.parametrize("fmt", ["json", "md", "html", "csv"])
def test_each_text_format_writes_a_file_and_says_where(fmt: str, articles: list[str],
                                                        tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    target = tmp_path / "out" / f"council.{fmt}"
    assert main(["compare", *articles, "--format", fmt, "-o", str(target)]) == 0
    assert str(target) in capsys.readouterr().err
    text = target.read_text()
    shown = re.sub(r"<[^>]+>|\*\*", "", text) if fmt in ("html", "md") else text  # as a reader sees it
    assert "Elm Street baths" in shown or fmt == "csv"
    if fmt == "json":
        json.loads(text)
    if fmt == "csv":
        assert next(csv.reader(io.StringIO(text)))[:4] == ["fact", "kind", "status", "label"]
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>")


def test_the_format_follows_the_file_suffix(articles: list[str], tmp_path: Path) -> None:
    target = tmp_path / "council.md"
    assert main(["compare", *articles, "-o", str(target)]) == 0
    assert target.read_text().startswith("# storydiff: 2 articles compared")


def test_an_existing_file_needs_force(articles: list[str], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "council.html"
    target.write_text("an older snapshot")
    assert main(["compare", *articles, "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and "Traceback" not in err
    assert target.read_text() == "an older snapshot"
    assert main(["compare", *articles, "-o", str(target), "--force"]) == 0
    assert target.read_text().startswith("<!DOCTYPE html>")


def test_a_bad_size_is_one_line_of_help(articles: list[str],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", *articles, "-f", "svg", "--size", "wide"])
    assert "COLSxROWS" in capsys.readouterr().err


def test_svg_to_stdout_is_a_picture_of_the_app(articles: list[str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", *articles, "-f", "svg", "--size", "140x40"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    drawn = "".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Elm" in drawn.replace("\xa0", " ")
