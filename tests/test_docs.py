"""The examples in the engine's module docstrings run and say what the code does."""

from __future__ import annotations

import doctest

import pytest
from storydiff.core.align import groups as align
from storydiff.core import disjoint
from storydiff.core.align import passages as segment
from storydiff.core import words
from storydiff.core.facts import dateline, dates, intervals, numbers, numwords, quotes, times


@pytest.mark.parametrize("module", [align, disjoint, segment, words, quotes, numbers,
                                    numwords, intervals, dates, dateline, times])
def test_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
