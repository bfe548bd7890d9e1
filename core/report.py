"""The whole pipeline in one call: load → segment → align → facts → :class:`Report`.

    >>> from storydiff.core.report import compare
    >>> report = compare(["seeds/"])            # doctest: +SKIP
    >>> len(report.articles), len(report.groups)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .align.groups import align
from .budget import plan
from .facts.find import find_facts
from .read.load import load_paths
from .model import Article, Group, LoadError, PassageRef, Report
from .align.passages import segment


Progress = Callable[[str], None]  # told each stage as it starts ("aligning 2,400 passages")


def compare(paths: Sequence[str], *, stdin_text: str | None = None,
            progress: Progress | None = None) -> Report:
    """Load the articles at ``paths`` and compare them; bad files become ``errors``."""
    if progress:
        progress("reading articles")
    loaded = load_paths(paths, stdin_text=stdin_text)
    return compare_articles(loaded.articles, errors=loaded.errors, progress=progress)


def compare_articles(articles: Sequence[Article], *, errors: Sequence[LoadError] = (),
                     progress: Progress | None = None) -> Report:
    """Compare articles already loaded (review mode loads once, compares per story).

    A batch past the limits of :mod:`.budget` is compared on its most central articles;
    ``Report.notes`` says so.
    """
    tell = progress or (lambda _stage: None)
    tell(f"splitting {len(articles):,} articles into sentences")
    passages = {article.id: segment(article) for article in articles}
    scope = plan(articles, passages)
    articles = scope.articles
    passages = {a.id: passages[a.id] for a in articles}
    aligned = {aid: passages[aid][:scope.aligned[aid]] for aid in sorted(passages)}
    tell(f"aligning {sum(map(len, aligned.values())):,} passages of {len(articles):,} articles")
    # The aligner breaks ties by article order; given the articles sorted by id, the same
    # files group the same way whatever order they were named in (the panes keep that order).
    groups = align(aligned)
    tell(f"finding facts in {len(groups):,} groups")
    # Past the passage limit, facts too are read from the aligned passages only: judging
    # figures across thousands of passages costs as much as aligning them.
    facts, groups = find_facts(articles, {a.id: passages[a.id][:scope.aligned[a.id]]
                                          for a in articles}, groups)
    return Report(
        articles=tuple(articles),
        passages=passages,
        groups=groups,
        facts=facts,
        errors=tuple(errors),
        group_of=_group_index(groups),
        notes=scope.notes,
    )


def _group_index(groups: Sequence[Group]) -> dict[PassageRef, int]:
    return {ref: n for n, group in enumerate(groups) for ref in group.members}
