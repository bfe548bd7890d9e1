"""Word wrapping with offsets, for panes that draw one line at a time.

A pane keeps article text as it is and only needs to know where each screen
line starts and ends, so it can style the words (own words, conflicting
values, search hits) by their offsets and then cut the styled text at those
places. ``wrap`` returns those places:

    >>> wrap("the quick brown fox", 10)
    [(0, 9), (10, 19)]

Lines break at spaces; a word longer than the width is cut; a newline in the
text always ends a line. Widths are terminal cells, so wide characters (CJK,
emoji) count double.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+")

# Characters a terminal would act on (C0 and C1 controls, DEL). The loader strips
# them already; panes replace any that slip through by one harmless character, so
# offsets stay valid.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def defang(text: str) -> str:
    """``text`` with control characters replaced one-for-one by U+FFFD (offsets kept)."""
    return _CONTROL.sub("\ufffd", text)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Line ranges ``(start, end)`` into ``text`` that fit in ``width`` cells.

    Trailing spaces are left off each line; an empty text gives one empty line.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for paragraph in text.split("\n"):
        _wrap_paragraph(paragraph, pos, width, lines)
        pos += len(paragraph) + 1
    return lines or [(0, 0)]


def _wrap_paragraph(text: str, base: int, width: int,
                    lines: list[tuple[int, int]]) -> None:
    measure = len if text.isascii() else cell_len
    line_start: int | None = None
    line_end = 0
    used = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        size = measure(text[start:end])
        if line_start is not None and used + 1 + size <= width:
            used += 1 + size
            line_end = end
            continue
        if line_start is not None:
            lines.append((base + line_start, base + line_end))
        while size > width:  # a word wider than the pane: cut it
            cut = _cut(text, start, end, width, measure)
            lines.append((base + start, base + cut))
            start = cut
            size = measure(text[start:end])
        line_start, line_end, used = start, end, size
    if line_start is None:
        lines.append((base, base))
    else:
        lines.append((base + line_start, base + line_end))


def _cut(text: str, start: int, end: int, width: int, measure: object) -> int:
    """The offset after as many characters of ``text[start:end]`` as fit in ``width``."""
    if measure is len:
        return start + width
    used = 0
    for offset in range(start, end):
        used += cell_len(text[offset])
        if used > width:
            return max(offset, start + 1)
    return end
