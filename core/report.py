"""The whole pipeline in one call: load → segment → align → facts → :class:`Report`.

    >>> from storydiff.core.report import compare
    >>> report = compare(["seeds/"])            # doctest: +SKIP
    >>> len(report.articles), len(report.groups)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from .align.groups import align
from .facts.find import find_facts
from .read.load import load_paths
from .model import Article, Group, LoadError, PassageRef, Report
from .align.passages import segment


def compare(paths: Sequence[str], *, stdin_text: str | None = None) -> Report:
    """Load the articles at ``paths`` and compare them; bad files become ``errors``."""
    loaded = load_paths(paths, stdin_text=stdin_text)
    return compare_articles(loaded.articles, errors=loaded.errors)


def compare_articles(articles: Sequence[Article], *,
                     errors: Sequence[LoadError] = ()) -> Report:
    """Compare articles already loaded (review mode loads once, compares per story)."""
    passages = {article.id: segment(article) for article in articles}
    # The aligner breaks ties by article order; given the articles sorted by id, the same
    # files group the same way whatever order they were named in (the panes keep that order).
    groups = align({aid: passages[aid] for aid in sorted(passages)})
    facts, groups = find_facts(articles, passages, groups)
    return Report(
        articles=tuple(articles),
        passages=passages,
        groups=groups,
        facts=facts,
        errors=tuple(errors),
        group_of=_group_index(groups),
    )


def _group_index(groups: Sequence[Group]) -> dict[PassageRef, int]:
    return {ref: n for n, group in enumerate(groups) for ref in group.members}
