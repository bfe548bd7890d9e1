"""Main text out of a news web page, with the standard library's HTML parser.

A saved news page is mostly navigation, scripts, share bars and comment
widgets. We keep the text of block elements inside ``<article>`` (else
``<main>``, else ``<body>``), drop elements whose tag or class/id says they
are chrome, and return plain text with one block per line plus the page's
metadata (``<title>``, Open Graph and article meta tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose content is never article text.
_SKIP_TAGS = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "iframe", "svg", "canvas", "button", "select", "textarea", "figure",
}
# class/id words that mark page chrome in the wild (share bars, comment widgets…).
_SKIP_ATTR = re.compile(
    r"(?:^|[\s_-])(?:comments?|share|sharing|social|related|newsletter|subscribe|promo|"
    r"advert|ads?|cookie|sidebar|menu|nav|navbar|breadcrumbs?|footer|header|popup|modal|"
    r"disqus|recommend(?:ed|ations)?|outbrain|taboola)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "li", "tr", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "dd", "dt", "br", "table", "ul", "ol", "body", "td", "th",
}
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col"}


@dataclass
class Page:
    """What we kept of a web page: text (one block per line) and its metadata."""

    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass
class _Region:
    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.regions: dict[str, _Region] = {"article": _Region(), "main": _Region(), "body": _Region()}
        self.inside: dict[str, int] = {"article": 0, "main": 0}
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title_parts: list[str] = []
        self.heading_prefix = ""

    # Regions collect the same text; we pick the narrowest that holds enough later.
    def _active(self) -> list[_Region]:
        active = [self.regions["body"]]
        for name in ("article", "main"):
            if self.inside[name]:
                active.append(self.regions[name])
        return active

    def _flush(self) -> None:
        for region in self._active():
            line = re.sub(r"\s+", " ", "".join(region.current)).strip()
            if line:
                region.lines.append(line)
            region.current.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content"):
                self.meta.setdefault(key, attr["content"] or "")
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _VOID_TAGS:
            if tag == "br" and not self.skip_depth:
                self._flush()
            return
        marker = " ".join(filter(None, (attr.get("class"), attr.get("id"), attr.get("role"))))
        skipping = tag in _SKIP_TAGS or bool(marker and _SKIP_ATTR.search(marker))
        self.stack.append((tag, skipping))
        if skipping:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in self.inside:
            self.inside[tag] += 1
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("td", "th"):
            for region in self._active():
                if region.current:
                    region.current.append(" | ")
        elif tag == "li":
            for region in self._active():
                region.current.append("• ")  # so the text keeps saying it is a list item

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _VOID_TAGS:
            return
        # Pop to the matching tag; tolerate the unclosed tags real pages have.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for popped, skipping in reversed(self.stack[i:]):
                    if skipping:
                        self.skip_depth -= 1
                    elif not self.skip_depth and popped in self.inside:
                        self._flush()
                        self.inside[popped] -= 1
                del self.stack[i:]
                break
        if not self.skip_depth and tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        for region in self._active():
            region.current.append(data)


def extract(html: str) -> Page:
    """Return the main text of ``html`` and its metadata."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    regions = parser.regions
    body_len = sum(map(len, regions["body"].lines))
    lines = regions["body"].lines
    for name in ("article", "main"):
        region_len = sum(map(len, regions[name].lines))
        # An <article> holding a fifth of the page's text is the story; a smaller one is a teaser.
        if region_len and region_len >= 0.2 * body_len:
            lines = regions[name].lines
            break
    meta = parser.meta
    title = meta.get("og:title") or re.sub(r"\s+", " ", "".join(parser.title_parts)).strip() or None
    date = (meta.get("article:published_time") or meta.get("datepublished")
            or meta.get("date") or meta.get("pubdate") or meta.get("dc.date"))
    return Page(
        text="\n\n".join(lines),
        title=title,
        source=meta.get("og:site_name") or meta.get("publisher"),
        date=date,
        url=meta.get("og:url"),
        author=meta.get("author"),
    )
