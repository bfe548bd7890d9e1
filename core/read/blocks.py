"""Reading the layout of an article's text: blocks, metadata, boilerplate, sections.

News text arrives as lines. Each non-empty line (or a run of hard-wrapped lines)
becomes a :class:`Block` whose kind says what it is: the headline, a header or
byline line, a subheading, a paragraph of prose, a list item, a table row, or
page chrome (newsletter prompts, share lines, comment widgets) that we keep in
the text but never compare. Dates come from header lines, bylines and
datelines; a dateline in the middle of a file starts a new :class:`Section`
(aggregators glue one agency's report after another's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..model import Block, BlockKind, Section
from .kinds import (
    _join_wrapped,
    _lines,
    _looks_like_headline,
    _mark_tables,
    _mark_title,
    _prose_kind,
    _section_at,
    _sections,
)
from .lines import (
    _BOILERPLATE_LINE,
    _BYLINE,
    _DATELINE,
    _DATELINE_PREFIX,
    _HEADER,
    _TAIL_MARKER,
    DATE_RE,
    HEADING_MAX_WORDS,
    SHORT_LINE_MAX,
    WIRES,
    _norm_line,
    _timestamp,
    _wire,
    parse_date,
)

__all__ = ["DATE_RE", "WIRES", "Layout", "parse_date", "read_layout"]

# How long after the events a page's own date (a scrape or "updated" date) may be and still
# give way to a day the text states: a dateline outranks a later header date.
SCRAPE_LAG_DAYS = 31


@dataclass(frozen=True, slots=True)
class Layout:
    """What :func:`read_layout` found in an article's text."""

    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    title: str | None
    source: str | None
    date: dt.date | None
    date_span: tuple[int, int] | None
    url: str | None
    # (month, day) and its span, from a dateline with no year, when no full date was found
    month_day: tuple[tuple[int, int], tuple[int, int]] | None = None
    stated_source: str | None = None  # what a header, JSON field or page said; ``source`` falls back to
    agency: str | None = None  # the agency of the first dateline ("Reuters")
    byline: str | None = None  # the first byline line ("By bne IntelliNews January 21, 2024")
    header_end: int = 0  # where the header lines (title:, source:, date:, url:) at the top end
    # what stated ``date``: "metadata" (passed in), "header", "byline" or "dateline"
    date_from: str | None = None


def read_layout(text: str, *, title: str | None = None, source: str | None = None,
                date: str | None = None, url: str | None = None) -> Layout:
    """Split ``text`` into blocks and find its title, source, date, URL and sections.

    Metadata passed in (from JSON fields or HTML meta tags) wins over what the
    text says.
    """
    spans = _join_wrapped(text, _lines(text))
    blocks: list[Block] = []
    meta = {"title": title, "source": source, "url": url, "agency": None, "byline": None}
    # Every date the header, bylines and datelines state: (block index, date, span).
    dates: list[tuple[int, dt.date, tuple[int, int]]] = []
    origins: dict[tuple[int, int], str] = {}  # a date's span -> what stated it
    if date:
        parsed = parse_date(date)
        if parsed:
            dates.append((-1, parsed, (0, 0)))
            origins[(0, 0)] = "metadata"
    norms = {span: _norm_line(text[span[0]:span[1]]) for span in spans}
    counts: dict[str, int] = {}
    wordings: dict[str, set[str]] = {}
    for span, key in norms.items():
        counts[key] = counts.get(key, 0) + 1
        wordings.setdefault(key, set()).add(text[span[0]:span[1]])
    seen_paragraphs: set[str] = set()
    month_day: tuple[tuple[int, int], tuple[int, int]] | None = None
    tail = False
    section_starts: list[int] = []
    header_end, in_header = 0, True
    lead_agency: str | None = None  # a dateline's agency near the top: ``source`` when none is stated

    for start, end in spans:
        line = text[start:end]
        index = len(blocks)
        if tail:
            blocks.append(Block(start, end, BlockKind.BOILERPLATE))
            continue
        header = _HEADER.match(line) if index < 8 else None
        in_header = in_header and bool(header)
        if in_header:
            header_end = end
        if header:
            field_name = header.group(1).lower()
            value_start = start + header.end()
            value = text[value_start:end]
            if field_name in ("date", "published"):
                found = DATE_RE.match(value.strip()) or DATE_RE.search(value)
                if found:
                    d_start = value_start + found.start()
                    d_end = value_start + found.end()
                    parsed = parse_date(found.group())
                    if parsed:
                        dates.append((index, parsed, (d_start, d_end)))
                        origins[(d_start, d_end)] = "header"
                    blocks.append(Block(start, d_end, BlockKind.META))
                    rest = text[d_end:end]
                    if rest.strip():  # "date 2024-01-21 A number of …": prose on the same line
                        if in_header:
                            header_end, in_header = d_end, False
                        r_start = d_end + (len(rest) - len(rest.lstrip()))
                        blocks.append(Block(r_start, end, _prose_kind(text[r_start:end])))
                        seen_paragraphs.add(_norm_line(text[r_start:end]))
                    continue
            elif field_name in ("title", "headline"):
                meta["title"] = meta["title"] or value.strip()
            elif field_name in ("source", "outlet", "publisher"):
                meta["source"] = meta["source"] or value.strip()
            elif field_name in ("url", "link"):
                meta["url"] = meta["url"] or value.strip()
            blocks.append(Block(start, end, BlockKind.META))
            continue
        # Chrome, datelines and timestamps are short lines; prose skips these tests.
        short = len(line) <= SHORT_LINE_MAX
        if short and _TAIL_MARKER.match(line):
            tail = True
            blocks.append(Block(start, end, BlockKind.BOILERPLATE))
            continue
        if short and _BOILERPLATE_LINE.match(line.strip()):
            blocks.append(Block(start, end, BlockKind.BOILERPLATE))
            continue
        prefix = _DATELINE_PREFIX.match(line)
        agency = prefix and (prefix.group("wire") or _wire(prefix.group("agency"))
                             or prefix.group("slashed"))
        upper_place = bool(prefix and prefix.group("place") and prefix.group("place").strip().isupper())
        if prefix and (agency or upper_place) and len(line) > prefix.end() + 20:
            agency = agency or (prefix.group("agency") if upper_place else None)
            if agency and not meta["agency"]:
                meta["agency"] = agency
                if index <= 3 and not meta["source"]:
                    lead_agency = agency
            found = DATE_RE.search(line, 0, prefix.end())
            parsed = parse_date(found.group()) if found else None
            if found and parsed:
                dates.append((index, parsed, (start + found.start(), start + found.end())))
                origins[(start + found.start(), start + found.end())] = "dateline"
            elif prefix.group("when") and month_day is None:
                # Wire datelines carry no year ("JAKARTA, March 12 (Reuters) -"); the
                # loader takes the year from the other articles of the batch.
                partial = parse_date(prefix.group("when") + " 2000")
                if partial:
                    w_start = start + prefix.start("when")
                    month_day = ((partial.month, partial.day), (w_start, start + prefix.end("when")))
            blocks.append(Block(start, start + prefix.end(), BlockKind.META))
            start += prefix.end()
            line = text[start:end]
        date_only = short and (DATE_RE.fullmatch(line.strip(" -–—|")) or _timestamp(line))
        byline = short and _BYLINE.match(line)
        dateline = short and _DATELINE.match(line)
        if date_only or ((byline or dateline) and len(line.split()) <= 14):
            if dateline and not meta["agency"]:
                # The first dateline's agency: the file's own source when it opens the text.
                meta["agency"] = dateline.group("agency") or dateline.group("other")
                if index <= 3 and not meta["source"]:
                    lead_agency = meta["agency"]
            if byline and not meta["byline"] and index <= 8:
                meta["byline"] = line
            found = DATE_RE.search(line)
            if found:
                parsed = parse_date(found.group())
                if parsed:
                    dates.append((index, parsed, (start + found.start(), start + found.end())))
                    origins[(start + found.start(), start + found.end())] = \
                        "dateline" if dateline else "byline" if byline else "header"
                    if dateline and index > 3:
                        # A dateline deep in the file starts another report; its headline
                        # is the heading just before it.
                        first = index - 1 if index and blocks[-1].kind == BlockKind.HEADING else index
                        section_starts.append(first)
            blocks.append(Block(start, end, BlockKind.META))
            continue
        norm = norms[(start, end)] if (start, end) in norms else _norm_line(line)
        first_content = not seen_paragraphs
        if norm in seen_paragraphs or (counts.get(norm, 1) > 1 and not first_content
                                       and len(norm.split()) > HEADING_MAX_WORDS
                                       and len(wordings.get(norm, ())) == 1):
            # A headline repeated as the first body line, or an author blurb or promo
            # printed several times, character for character: page furniture, not reporting.
            # A sentence printed again without its stop is a caption quoting the story:
            # the story's own copy stays.
            blocks.append(Block(start, end, BlockKind.BOILERPLATE))
            continue
        seen_paragraphs.add(norm)
        kind = _prose_kind(line)
        if first_content and kind == BlockKind.PARAGRAPH and _looks_like_headline(text, end, line):
            kind = BlockKind.HEADING
        blocks.append(Block(start, end, kind))

    _mark_tables(text, blocks)
    title_text = _mark_title(text, blocks, meta["title"])
    meta["title"] = meta["title"] or title_text

    sections = _sections(text, blocks, section_starts, dates)
    blocks = [Block(b.start, b.end, b.kind, _section_at(sections, b.start)) for b in blocks]
    first_end = sections[0].end if sections else len(text)
    own = [d for d in dates if d[2][0] < first_end or d[0] == -1] or dates
    best, date_from = _article_date(own, origins, month_day)
    if best is not None and sections:  # the first report is dated as the article is
        span = best[2] if best[0] != -1 else None
        sections[0] = replace(sections[0], date=best[1], date_span=span)
    return Layout(
        blocks=tuple(blocks),
        sections=tuple(sections),
        title=meta["title"],
        source=meta["source"] or lead_agency,
        stated_source=meta["source"],
        agency=meta["agency"],
        byline=meta["byline"],
        header_end=header_end,
        date=best[1] if best else None,
        date_span=best[2] if best and best[0] != -1 else None,
        url=meta["url"],
        month_day=None if best else month_day,
        date_from=date_from if best else "dateline" if month_day else None,
    )


def _article_date(dates: list[tuple[int, dt.date, tuple[int, int]]],
                  origins: dict[tuple[int, int], str],
                  month_day: tuple[tuple[int, int], tuple[int, int]] | None,
                  ) -> tuple[tuple[int, dt.date, tuple[int, int]] | None, str | None]:
    """The article's date and what stated it: the earliest date its header lines, bylines
    and datelines state (pages carry a scrape or "updated" date too, always later than
    publication); a date passed in (a JSON field, a page's meta tag) unless the text states
    a day up to SCRAPE_LAG_DAYS before it, which is then the day the events are dated by,
    as is a dateline without a year ("BAGHDAD, Jan. 21 (Reuters) -") in that window."""
    passed = next((d for d in dates if d[0] == -1), None)
    stated = [d for d in dates if d[0] != -1]
    best = min(stated, key=lambda d: d[1], default=None)
    if passed is not None and (best is None or not 0 < (passed[1] - best[1]).days <= SCRAPE_LAG_DAYS):
        best = passed
    if best is not None and month_day is not None:
        (month, day), span = month_day
        for year in (best[1].year, best[1].year - 1):
            try:
                told = dt.date(year, month, day)
            except ValueError:
                continue
            if 0 < (best[1] - told).days <= SCRAPE_LAG_DAYS:
                return (0, told, span), "dateline"
            if told <= best[1]:
                break
    return best, origins.get(best[2]) if best else None
