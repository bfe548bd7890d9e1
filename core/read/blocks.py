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
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from ..model import Block, BlockKind, Section

# Header fields a plain-text article may start with ("title: …", "date 2024-01-21").
_HEADER = re.compile(
    r"^[ \t]*(title|headline|source|outlet|publisher|date|published|url|link|author|by)"
    r"[ \t]*(?::|(?=[ \t]+\d{4}-\d\d-\d\d))[ \t]*",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
# One full date in the shapes news uses: 2024-01-21, January 21, 2024, 21 Jan 2024, 1/21/2024.
DATE_RE = re.compile(
    rf"(?:{_WEEKDAYS}\s+)?(?:"
    rf"\d{{4}}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}/\d\d?/\d\d?|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}"
    rf")",
    re.IGNORECASE,
)
# A byline: "By Jane Doe", "By bne IntelliNews January 21, 2024", "Written by AiBot".
_BYLINE = re.compile(r"^(?:written\s+|reported\s+)?by\s+\S", re.IGNORECASE)
# News agencies and broadcasters that sign datelines: "(Reuters)", "(AFP)", "(CNN)". A bracketed
# abbreviation that is not one of them ("The Red Cross (ICRC) said …") is a name, not a dateline.
WIRES = (
    "AP", "AFP", "UPI", "Reuters", "CNN", "Xinhua", "IANS", "PTI", "ANI", "dpa", "DPA", "Bloomberg",
    "TASS", "EFE", "ANSA", "Kyodo", "Yonhap", "Anadolu", "AA", "Sputnik", "RIA", "KUNA", "WAM", "SPA",
    "IRNA", "Bernama", "Antara", "CNA", "Interfax", "Ukrinform", "PAP", "Lusa", "AAP", "CP", "KCNA",
    "BBC", "NTB", "TT", "ANP", "Belga", "APA", "MENA", "Notimex", "Prensa Latina", "Reuters Health",
)
_WIRE = "|".join(sorted(map(re.escape, WIRES), key=len, reverse=True))
# After a dateline's agency comes the end of the line, a dash, a comma or a date; after a name in
# brackets comes a verb ("said", "reported").
_AFTER_DATELINE = rf"(?=\s*(?:$|[-—–:]|,|\d|{_MONTHS}\s+\d))"
# A dateline line: "Washington DC (UPI) Jan 23, 2024 -", "BAGHDAD (Reuters) -", "(CNN)".
_DATELINE = re.compile(
    rf"^(?:[A-Z][\w .,'’-]{{1,40}})?\((?P<agency>{_WIRE})\){_AFTER_DATELINE}"
    rf"|^(?P<place>[A-Z][A-Z .,'’-]{{1,40}})\((?P<other>[A-Z]{{2,6}})\){_AFTER_DATELINE}",
    re.UNICODE,
)

# A dateline at the start of the lede: "ANKARA (Reuters) - A quake…", "BAGHDAD, Jan 21
# (Reuters) — …", "WASHINGTON — …". Kept as metadata, the rest of the line is prose.
_DATELINE_PREFIX = re.compile(
    rf"^\((?P<wire>{_WIRE})\)\s*(?:[-—–]+\s*)?(?=\S)"  # "(CNN) — …", "(CNN)The …"
    r"|^(?P<place>[A-Z][A-Za-z .'’-]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z .'’-]{1,30}?))??"
    r"(?:,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\.?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z. ]{1,15})\)|/(?P<slashed>[A-Z][A-Za-z]{1,10})/\.?)?"
    r"\s*(?:[-—–]+\s+|(?<=/\.)\s*|(?<=/)\s+)(?=\S)"
)

# Lines that are page chrome, not reporting. Chosen from what scrapers leave behind on
# news sites: newsletter and share prompts, comment widgets, "related" link lists.
_BOILERPLATE_LINE = re.compile(
    r"^(?:subscribe\b.*newsletter|sign up\b.*newsletter|.*\bnewsletters?\s*\|?$|"
    r"share (?:this|on)\b.*|share$|tweet$|dismiss$|advertisement$|"
    r"what'?s your reaction\??|\d+\s+comments?|comments?$|write the first comment.*|"
    r"leave a (?:comment|reply).*|original news source|\(with agency inputs\)|"
    r"click here to .*|read more:?.*|follow us on .*|"
    r"https?://\S+|news$|related post$|image:.*|photo:.*|copyright .*|©.*)$",
    re.IGNORECASE,
)
# A line after which the rest of the file is link lists and widgets.
_TAIL_MARKER = re.compile(
    r"^(?:related (?:links|posts?|articles|stories|news|coverage)|more from\b.*|"
    r"you may also like|recommended(?: for you)?|most read|trending now)\s*:?$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪‣]|\d{1,2}[.)])\s+\S")
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’)\]」』）]*\s*$")

# A heading is short: chosen from news subheads, which run 2-14 words.
HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 120  # for scripts without spaces between words
SHORT_LINE_MAX = 160  # longer lines are prose: never chrome, a dateline or a timestamp


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


def _wire(name: str | None) -> str | None:
    """``name`` when it is a news agency's ("Reuters", "AP"), else None."""
    return name if name and re.fullmatch(_WIRE, name.strip()) else None


def parse_date(words: str) -> dt.date | None:
    """A calendar date from words like "Jan 23, 2024", or None when it is not one."""
    words = words.strip(" -–—,.")
    # 14.06.2026 and 05.06.2026 are day-first wherever dots separate the parts.
    dayfirst = bool(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", words))
    try:
        parsed = dateparser.parse(words, fuzzy=True, dayfirst=dayfirst,
                                  default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or parsed.year == 1900:
        return None
    return parsed.date()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, without its surrounding white space."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def _is_heading_like(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= HEADING_MAX_WORDS and len(line) <= HEADING_MAX_CHARS
            and not _SENTENCE_END.search(line)
            and not line.endswith((",", ";")))


def _join_wrapped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join hard-wrapped lines: a line continues when the previous one did not end a
    sentence and this one starts in lower case, with no blank line between them."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            prev_start, prev_end = joined[-1]
            gap = text[prev_end:start]
            if (gap.count("\n") == 1 and text[start].islower()
                    and not _SENTENCE_END.search(text[prev_start:prev_end])
                    and not _HEADER.match(text[start:end]) and not _HEADER.match(text[prev_start:prev_end])):
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


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
    if date:
        parsed = parse_date(date)
        if parsed:
            dates.append((-1, parsed, (0, 0)))
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
    # The article's date: the earliest stated in its first section. Pages carry a
    # scrape or "updated" date too, and those are always later than publication.
    first_end = sections[0].end if sections else len(text)
    own = [d for d in dates if d[2][0] < first_end or d[0] == -1] or dates
    best = min(own, key=lambda d: (d[0] != -1, d[1]), default=None)
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
    )


# What may stand beside a date on a timestamp line: "Updated 4:37 PM EST, November 17,
# 2026", "Published Tue, Nov 17 2026 3:58 PM EST", "October 29, 2026 at 7:42 AM GMT+1".
_TIMESTAMP_WORDS = re.compile(
    r"\b(?:updated|published|posted|last|modified|first|created|on|at|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|ist|[A-Z]{2,4}T)\b|[+-]\d{1,2}(?::?\d\d)?|"
    r"\d{1,2}[:.]\d\d(?::\d\d)?|[|/,·•:–—-]",
    re.IGNORECASE,
)
TIMESTAMP_MAX_OTHER_WORDS = 3  # "E24 / NTB, 29.10.2026": an outlet's name may stand beside it


def _timestamp(line: str) -> re.Match[str] | None:
    """The date of a short line that is only a date, a time and a few label words."""
    if len(line.split()) > 14:
        return None
    found = DATE_RE.search(line)
    if not found:
        return None
    rest = _TIMESTAMP_WORDS.sub(" ", line[:found.start()] + " " + line[found.end():])
    return found if len(rest.split()) <= TIMESTAMP_MAX_OTHER_WORDS else None


# Punctuation that does not make two lines different ("Related Links:" is "Related Links").
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…·•"})


def _norm_line(line: str) -> str:
    return " ".join(line.translate(_PUNCTUATION).lower().split())


def _looks_like_headline(text: str, end: int, line: str) -> bool:
    """A first line with no closing stop, set off by a blank line, is a headline
    however long (some outlets write 25-word headlines)."""
    return (not _SENTENCE_END.search(line) and len(line.split()) <= 30
            and bool(re.match(r"[ \t]*(?:\n[ \t]*\n|$)", text[end:])))


def _prose_kind(line: str) -> BlockKind:
    if _LIST_ITEM.match(line):
        return BlockKind.LIST
    if line.count("|") >= 2 or line.count("\t") >= 2:
        return BlockKind.TABLE
    if _is_heading_like(line):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _mark_tables(text: str, blocks: list[Block]) -> None:
    """Three or more short unpunctuated lines in a row, two with numbers, are a table."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= 3 and sum(bool(re.search(r"\d", text[blocks[i].start:blocks[i].end]))
                                  for i in run) >= 2:
            for i in run:
                blocks[i] = Block(blocks[i].start, blocks[i].end, BlockKind.TABLE)
        run.clear()

    for i, block in enumerate(blocks):
        if run and "\n\n" in re.sub(r"[ \t]+", "", text[blocks[run[-1]].end:block.start]):
            close()  # a blank line ends a table
        if block.kind in (BlockKind.HEADING, BlockKind.TABLE):
            run.append(i)
        else:
            close()
    close()


def _mark_title(text: str, blocks: list[Block], known: str | None) -> str | None:
    """The first heading-like block before any prose is the headline."""
    for i, block in enumerate(blocks):
        if block.kind in (BlockKind.META, BlockKind.BOILERPLATE):
            continue
        line = text[block.start:block.end]
        if known and _same_words(line, known):
            blocks[i] = Block(block.start, block.end, BlockKind.TITLE)
            return known
        if block.kind == BlockKind.HEADING and not known:
            blocks[i] = Block(block.start, block.end, BlockKind.TITLE)
            return line
        return None
    return None


def _same_words(a: str, b: str) -> bool:
    return _norm_line(a) == _norm_line(b)


def _sections(text: str, blocks: list[Block], starts: list[int],
              dates: list[tuple[int, dt.date, tuple[int, int]]]) -> list[Section]:
    edges = [0] + [blocks[i].start for i in starts] + [len(text)]
    sections = []
    for n, (start, end) in enumerate(zip(edges, edges[1:], strict=False)):
        inside = [d for d in dates if start <= d[2][0] < end and d[0] != -1]
        date = min(inside, key=lambda d: d[1], default=None)
        title = None
        if n:
            first = blocks[starts[n - 1]]
            if first.kind == BlockKind.HEADING:
                title = text[first.start:first.end]
        sections.append(Section(start, end, title, date[1] if date else None,
                                date[2] if date else None))
    return sections


def _section_at(sections: list[Section], offset: int) -> int:
    for n, section in enumerate(sections):
        if section.start <= offset < section.end:
            return n
    return max(0, len(sections) - 1)
