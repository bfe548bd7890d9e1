"""Main text out of a news web page, through trafilatura.

A saved news page is mostly navigation, scripts, share bars and comment widgets. Telling the story
from the chrome by where text sits on the page is what trafilatura does well (F1 0.96 on the
scrapinghub article-extraction benchmark, where a class-name blacklist of ours reached 0.72: see
BENCHMARKS.md), so we hand it the page and keep our layout step for what comes after: headline,
dateline, byline and sections are read from its text by :mod:`.blocks`.

trafilatura (and lxml under it) is imported only when a batch holds a page, so plain-text and
JSON users never pay for it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..text import DecodeError, binary_kind, clean
from .nesting import flatten


class NoArticleText(ValueError):
    """The page holds no article text (only scripts, navigation or markup)."""


@dataclass(frozen=True, slots=True)
class Page:
    """What we kept of a web page: text (one block a paragraph) and its metadata."""

    text: str
    title: str | None = None
    source: str | None = None  # the site's name ("Wall Street Journal"), as the page states it
    date: str | None = None  # ISO date of publication
    url: str | None = None
    author: str | None = None


# A charset the page declares in its first bytes: <meta charset="…">, <meta http-equiv=…
# content="text/html; charset=…">, or an XML declaration's encoding="…".
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 16384  # where pages put <meta charset> (heads full of scripts push it past 1 KB)


def decode_page(data: bytes) -> str:
    """A page's bytes as text, honouring a charset the page declares unless it lies.

    Order: a byte-order mark; valid UTF-8 (a page that says "windows-1252" but is UTF-8 through and
    through is UTF-8: the declaration was copied from a template); the declared charset when the
    bytes decode in it; trafilatura's guess (charset_normalizer); cp1252 with replacement.
    Raises :class:`DecodeError` for binary data.
    """
    what = binary_kind(data)
    if what:
        raise DecodeError(f"binary file ({what}), not a web page")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:_SNIFF_BYTES])
    if declared:
        name = (declared.group(1) or declared.group(2)).decode("ascii").lower()
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or lying declaration: guess instead
    from trafilatura.utils import detect_encoding  # lazy: only pages need it

    for guess in detect_encoding(data):
        try:
            return data.decode(guess)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


# When a page has no story, trafilatura falls back to the page's whole text: menus ("Home | World"),
# a "Skip to main content" link. An article has at least one sentence of several words: a word ending
# in a stop (closing quotes or brackets after it allowed) with four words before it.
_STOP_END = frozenset(".!?…。！？؟")
_CLOSERS = "\"'”’)]"
_WORDS_BEFORE_A_STOP = 4
ARTICLE_MIN_WORDS = 40  # or this many words, for pages in scripts that end sentences otherwise


def _reads_like_an_article(text: str) -> bool:
    # Word by word, not one regular expression over the text: a page of 20,000 words and no full
    # stop took minutes to search with one.
    words = text.split()
    if len(words) >= ARTICLE_MIN_WORDS:
        return True
    return any(word.rstrip(_CLOSERS)[-1:] in _STOP_END
               for word in words[_WORDS_BEFORE_A_STOP:])


def extract(data: bytes) -> Page:
    """The main text of the page in ``data`` (raw bytes) and its metadata.

    Raises :class:`NoArticleText` when the page has no article text, :class:`DecodeError` when
    it is not text at all.
    """
    html = flatten(clean(decode_page(data)))  # lxml loses what sits 255 levels deep
    import trafilatura  # lazy: lxml and friends load only when a batch holds a page

    found = trafilatura.bare_extraction(
        html, favor_precision=True, include_comments=False, include_tables=True,
        with_metadata=True, deduplicate=False,
    )
    body = clean(found.text or "") if found is not None else ""
    # One paragraph a block: the layout step joins single-newline lines it takes for hard wraps.
    paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    if not _reads_like_an_article(text):
        raise NoArticleText("no article text found (only scripts, navigation or markup)")

    def field(name: str) -> str | None:
        value = getattr(found, name, None)
        return " ".join(clean(value).split()) or None if isinstance(value, str) else None

    return Page(text=text, title=field("title"), source=field("sitename"), date=field("date"),
                url=field("url"), author=field("author"))
