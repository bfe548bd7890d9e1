"""Alignment: articles -> passages -> groups of passages that say the same thing.

Takes ``Article`` objects and gives, for each, its passages (``segment``: sentences with character
offsets, kinds such as body or caption) and then groups across articles (``align``): which passages
of different outlets report the same thing, with their word-level differences.

Modules: ``passages`` (sentences into passages, captions marked), ``groups`` (the aligner),
``pairs`` (pair scores and their bonuses), ``attach`` (steps 4-7: lone and two-fact passages).
"""

from __future__ import annotations

from .groups import align
from .passages import segment, segment_text

__all__ = ["align", "segment", "segment_text"]
