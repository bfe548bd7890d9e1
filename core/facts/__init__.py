"""Facts: aligned passages -> facts (who says which value), each agreed, compatible or in conflict.

Takes the articles, their passages and the aligned groups and gives :class:`~storydiff.core.model.Fact`
objects: counts and amounts, dates and times, names and their spellings, quotes.

Modules: ``numbers`` (numbers, amounts, bounds), ``dates`` (dates and times in text), ``names``
(people and places, spellings, aliases), ``quotes``, ``claims`` (a number with what it counts),
``events`` (which event a date belongs to), ``matching`` (which mentions are about one thing),
``find`` (the stage's entry: :func:`find_facts`).
"""

from __future__ import annotations

from .find import find_facts

__all__ = ["find_facts"]
