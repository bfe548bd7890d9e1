"""Disjoint sets (union-find): which items ended up together.

Facts, quotations, name spellings and stories are all joined the same way:
pairs found to belong together are united, and each item's set is read back
at the end. The smaller root always stays root, so the result does not
depend on the order the pairs were found in::

    >>> sets = DisjointSets(range(5))
    >>> _ = sets.union(3, 1), sets.union(4, 3)
    >>> sets.groups()
    [[0], [1, 3, 4], [2]]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T", int, str)


class DisjointSets(Generic[T]):
    """Union-find with path halving over hashable, orderable items."""

    __slots__ = ("_parent",)

    def __init__(self, items: Iterable[T]) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def find(self, item: T) -> T:
        """The root of ``item``'s set."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> T:
        """Join the sets of ``a`` and ``b``; return the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        if rb < ra:
            ra, rb = rb, ra
        if ra != rb:
            self._parent[rb] = ra
        return ra

    def groups(self) -> list[list[T]]:
        """Every set, its items in insertion order, the sets in order of their first item."""
        by_root: dict[T, list[T]] = {}
        for item in self._parent:
            by_root.setdefault(self.find(item), []).append(item)
        return list(by_root.values())
