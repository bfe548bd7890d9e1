"""Splitting an article into passages: sentences, headings, list items, table rows.

The loader already cut the text into blocks (one per line or paragraph). Here a
paragraph is split into sentences at ``.``, ``!``, ``?`` or ``…`` (with any
closing quotes or brackets) followed by white space and a capital, digit or
opening quote, unless the word before the stop is an abbreviation:

    >>> [p.text for p in segment_text("Four U.S. personnel were hurt. Gen. Smith said so.")]
    ['Four U.S. personnel were hurt.', 'Gen. Smith said so.']

Quoted speech stays whole when attribution follows ("…," said the official.
or "…." Austin said.). A regular expression finds candidate stops; rules
reject the false ones. This runs at tens of MB/s, where a general sentence
splitter (pysbd) manages 0.2 MB/s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article, BlockKind, Passage, PassageKind

# Titles and short forms that never end a sentence in news copy.
TITLE_ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt cpt sgt cpl pvt adm cmdr rep sen gov pres prof rev
hon st mt ft jr sr no nos vol art sec fig ch pp op approx dept est inc corp ltd co bros
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
sat sun vs etc al ave blvd rd
""".split())
# Words that start a new sentence after a dotted abbreviation such as "p.m." or
# "U.S.": "at 6 p.m. The attack" splits, "the U.S. Central Command" does not.
SENTENCE_STARTERS = frozenset("""
the a an he she it they we i you this that these those there but and in on at after
before when while his her its their our officials police authorities as if no yes
""".split())

# A stop, closing quotes or brackets, then white space and the next word; or a CJK
# full stop, which needs no space after it. Whether the next word may start a
# sentence (not lower case, so Arabic and other caseless scripts split too) is
# judged in _is_boundary.
_CANDIDATE = re.compile(r"[.!?…؟।]+[\"'”’»)\]]*(?=\s+\S)|[。！？]+[」』”’）)]*")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){0,4}(?:said|says|told|added|wrote|stated|asked|explained|"
    r"noted|warned|insisted|argued)\b"
)

_BLOCK_KINDS = {
    BlockKind.PARAGRAPH: PassageKind.SENTENCE,
    BlockKind.HEADING: PassageKind.HEADING,
    BlockKind.TITLE: PassageKind.HEADING,
    BlockKind.LIST: PassageKind.LIST,
    BlockKind.TABLE: PassageKind.TABLE,
}


def segment(article: Article) -> tuple[Passage, ...]:
    """The passages of ``article`` in reading order, with offsets into its text."""
    passages: list[Passage] = []
    for block in article.blocks:
        kind = _BLOCK_KINDS.get(block.kind)
        if kind is None:
            continue
        if kind is PassageKind.SENTENCE:
            spans = list(split_sentences(article.text, block.start, block.end))
        else:
            spans = [(block.start, block.end)]
        for start, end in spans:
            passages.append(Passage(article.id, len(passages), start, end,
                                    article.text[start:end], kind, block.section))
    return tuple(passages)


def segment_text(text: str) -> tuple[Passage, ...]:
    """Sentences of a bare string, for scripts and examples."""
    return tuple(Passage("text", n, s, e, text[s:e])
                 for n, (s, e) in enumerate(split_sentences(text, 0, len(text))))


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, white space trimmed."""
    chunk = text[start:end]
    last = 0
    for match in _CANDIDATE.finditer(chunk):
        stop = match.end()
        if not _is_boundary(chunk, match):
            continue
        yield from _trimmed(text, start + last, start + stop)
        last = stop
    yield from _trimmed(text, start + last, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + lead + len(stripped)


def _is_boundary(chunk: str, match: re.Match[str]) -> bool:
    marks = match.group()
    if marks[0] in "。！？":
        return True
    after = chunk[match.end():].lstrip()
    first_letter = re.search(r"[^\W_]", after[:4])
    if first_letter and first_letter.group().islower():
        return False
    next_word = re.match(r"[\"'“‘«(\[]?([\w’'-]+)", after)
    following = next_word.group(1) if next_word else ""
    closes_quote = marks[-1] in "\"'”’»"
    if closes_quote and _ATTRIBUTION.match(chunk, match.end()):
        return False  # "…." Austin said.
    if marks[0] != ".":
        return True
    if len(marks.rstrip("\"'”’»)]")) > 1:
        # An ellipsis ends a sentence only before a clear sentence start.
        return following.lower() in SENTENCE_STARTERS
    before = _WORD_BEFORE.search(chunk, 0, match.start())
    if not before:
        return True
    word = before.group(1)
    bare = word.rstrip(".").lower().lstrip("'’(")
    if "." in word[:-1] or _DOTTED.match(word + "."):
        # U.S., p.m., e.g.: end a sentence only before a typical sentence opener.
        return following.lower() in SENTENCE_STARTERS
    if bare in TITLE_ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha() and word[0].isupper():
        return False  # an initial: "John F. Kennedy"
    return True
