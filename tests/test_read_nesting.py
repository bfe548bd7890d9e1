"""A page nested deeper than lxml reads still gives its story."""

from __future__ import annotations

import pytest

from storydiff.core.read.load import load_paths
from storydiff.core.read.nesting import DEPTH_LIMIT, depth, flatten

STORY = ("<p>The council approved the new budget on Tuesday after a long debate about "
         "schools and roads.</p><p>Opposition members voted against it, saying taxes would "
         "rise for families across the city.</p>") * 3


@pytest.mark.parametrize("levels", [300, 2000])
def test_a_story_under_hundreds_of_nested_divs_is_read(write, levels):
    page = ("<html><head><title>Budget passes</title></head><body>" + "<div>" * levels
            + STORY + "</div>" * levels + "</body></html>")
    loaded = load_paths([str(write("page.html", page))])
    assert loaded.errors == ()
    [article] = loaded.articles
    assert "approved the new budget on Tuesday" in article.text
    assert "taxes would rise for families" in article.text


def test_pages_of_ordinary_depth_are_left_as_they_are():
    page = "<html><body>" + "<div>" * 20 + STORY + "</div>" * 20 + "</body></html>"
    assert depth(page) == 23  # html, body, 20 div, p
    assert flatten(page) == page
    deep = "<div>" * (DEPTH_LIMIT + 1) + STORY
    assert "<div>" not in flatten(deep) and "<p>" in flatten(deep)
