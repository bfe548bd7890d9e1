"""Facts compared across sources (placeholder until the facts engine lands)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import Article, Fact, Group, Passage


def find_facts(articles: Sequence[Article], passages: Mapping[str, Sequence[Passage]],
               groups: tuple[Group, ...]) -> tuple[tuple[Fact, ...], tuple[Group, ...]]:
    """The facts the articles state, and the groups with "differ in facts" set."""
    return (), groups
