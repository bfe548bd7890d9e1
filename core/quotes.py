"""Quoted speech: the words a source is reported to have said.

Outlets quote the same statement with small differences ("air defense" /
"air defence", a clause dropped). :func:`find_quotes` finds the quoted spans;
:mod:`facts` joins the same statement across articles and flags wording that
differs, so a user can check who quoted whom faithfully.

    >>> [q.text for q in find_quotes('“We do not seek conflict,” he said, and "no".')]
    ['We do not seek conflict,']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WORDS = 4  # shorter quoted bits are scare quotes or names ("spies", "big losses")

_QUOTE = re.compile(r"“(?P<a>[^”“]+)”|\"(?P<b>[^\"\n]+)\"|‘(?P<c>[^’‘]{12,})’(?!\w)|«(?P<d>[^»]+)»")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_OUR = re.compile(r"our\b")
_ISE = re.compile(r"is(e|ed|es|ing)\b")
_ENCE = re.compile(r"ence\b")


@dataclass(frozen=True, slots=True)
class Quote:
    """The words inside one pair of quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return normal_words(self.text)


def normal_words(text: str) -> list[str]:
    """Lower-case words with British/American spellings of -our/-ise/-ence folded."""
    low = text.lower().replace("’", "'")
    low = _OUR.sub("or", low)
    low = _ISE.sub(r"iz\1", low)
    low = _ENCE.sub("ense", low)
    return _WORD.findall(low)


def find_quotes(text: str) -> list[Quote]:
    """Quoted spans of at least :data:`MIN_WORDS` words, in order."""
    found = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if m.group(g) is not None)
        start, end = m.start(group), m.end(group)
        inner = text[start:end]
        stripped = inner.strip()
        start += len(inner) - len(inner.lstrip())
        end = start + len(stripped)
        if len(_WORD.findall(stripped)) >= MIN_WORDS:
            found.append(Quote(start, end, text[start:end]))
    return found
