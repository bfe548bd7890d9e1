"""The reviewer's corrections to the grouping: "this article belongs with that one"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Article


def apply_moves(groups: Sequence[Sequence[Article]],
                moves: Mapping[str, str]) -> list[list[Article]]:
    """Put each moved article into the group holding the article it was moved to.

    Moves are applied in a fixed order and follow chains (A moved to B, B
    moved to C puts A with C); a cycle or a missing target leaves the
    article alone.
    """
    where: dict[str, int] = {}
    result = [list(g) for g in groups]
    for n, group in enumerate(result):
        for article in group:
            where.setdefault(article.fingerprint, n)
    moving = [a for g in result for a in g if a.fingerprint in moves]
    moving_prints = {a.fingerprint for a in moving}
    for n, group in enumerate(result):
        result[n] = [a for a in group if a.fingerprint not in moving_prints]
    stay_alone: dict[str, int] = {}
    for article in sorted(moving, key=lambda a: a.fingerprint):
        target = _final_target(article.fingerprint, moves)
        if target is not None and target != article.fingerprint and target in where \
                and target not in moving_prints:
            result[where[target]].append(article)
            continue
        if target is not None and target != article.fingerprint and target in moving_prints:
            # The target moved too: join it wherever it went (alone or elsewhere).
            home = _final_target(target, moves) or target
            if home in where and home not in moving_prints:
                result[where[home]].append(article)
                continue
            if home in stay_alone:
                result[stay_alone[home]].append(article)
                continue
        own = target if target in moving_prints else article.fingerprint
        if own in stay_alone:
            result[stay_alone[own]].append(article)
        else:
            stay_alone[own] = len(result)
            result.append([article])
    return [g for g in result if g]


def _final_target(fingerprint: str, moves: Mapping[str, str]) -> str | None:
    seen = {fingerprint}
    target = moves.get(fingerprint)
    while target is not None and target in moves and moves[target] != target:
        if target in seen:
            return None
        seen.add(target)
        target = moves[target]
    return target
