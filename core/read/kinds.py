"""Lines into blocks and blocks into kinds: joining hard-wrapped lines, telling headings,
lists and tables from prose, the headline, and the sections a file's datelines start."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Block, BlockKind, Section
from .lines import _HEADER, _LIST_ITEM, _SENTENCE_END, HEADING_MAX_CHARS, HEADING_MAX_WORDS, _norm_line


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
