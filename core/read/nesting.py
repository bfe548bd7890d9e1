"""Pages nested deeper than lxml reads.

lxml (under trafilatura) stops building the tree at 255 levels, and everything deeper is
lost: a page of 300 nested ``<div>`` around its story came out as "no article text". When a
page nests that deep, the container tags that only nest (div, span, section, font, …) are
taken out, keeping the text, its paragraphs and its headings; pages of ordinary depth are
handed over untouched.
"""

from __future__ import annotations

import re

DEPTH_LIMIT = 200  # lxml's own limit is 255; leave room for the tags that stay
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_CONTAINERS = frozenset("div span section article main aside font center b i u em strong "
                        "small big nav header footer figure blockquote ul ol li dl dd dt "
                        "table tbody thead tr td th".split())


def depth(html: str) -> int:
    """The deepest nesting of elements, counted loosely (unclosed tags count as open)."""
    level = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or m.group(0).endswith("/>"):
            continue
        if m.group(1):
            level = max(0, level - 1)
        else:
            level += 1
            deepest = max(deepest, level)
    return deepest


def flatten(html: str) -> str:
    """``html`` with its nesting-only containers removed when it nests past DEPTH_LIMIT."""
    if depth(html) <= DEPTH_LIMIT:
        return html

    def keep(m: re.Match[str]) -> str:
        return "\n" if m.group(2).lower() in _CONTAINERS else m.group(0)

    return _TAG.sub(keep, html)
