"""Splitting an article into passages: sentences, headings, list items, table rows.

The loader already cut the text into blocks (one per line or paragraph). Here a
paragraph is split into sentences at ``.``, ``!``, ``?`` or ``…`` (with any
closing quotes or brackets) followed by white space and a capital, digit or
opening quote, unless the word before the stop is an abbreviation:

    >>> [p.text for p in segment_text("Four U.S. personnel were hurt. Gen. Smith said so.")]
    ['Four U.S. personnel were hurt.', 'Gen. Smith said so.']

Quoted speech stays whole when attribution follows ("…," said the official.
or "…." Austin said.). Short forms written after a name (Inc., Co., Jr.) or
dotted ones (U.S., p.m.) end a sentence only before a sentence opener; a spaced
ellipsis ". . ." stays inside a sentence; a paragraph written as a numbered list
("1. … 2. …") is cut at its markers. A regular expression finds candidate stops;
rules reject the false ones. This passes 47 of pySBD's 48 English Golden Rules
at 6-9 MB/s, where pysbd passes 47 at 0.2 MB/s and sentencex 43 at 40 MB/s
without offsets (benchmarks/bench_segment.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article, BlockKind, Passage, PassageKind

# Short forms written before a name or a number: never the end of a sentence.
PREPOSITIVE_ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt cpt sgt cpl pvt adm cmdr rep reps sen sens gov pres prof rev
hon st mt ft no nos n° vol art sec fig ch p pp op v approx dept est
""".split())
# Short forms written after a name or inside a date: they end a sentence when a
# typical sentence opener follows ("Pitt, Briggs & Co. It closed"), not otherwise
# ("Apple Inc. said", "on Sept. 11").
POSTPOSITIVE_ABBREVIATIONS = frozenset("""
jr sr inc corp ltd co cos bros plc llc
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
sat sun vs etc al ave blvd rd
""".split())
# Words that start a new sentence after an abbreviation such as "p.m.", "U.S."
# or "Inc.": "at 6 p.m. The attack" splits, "the U.S. Central Command" does not.
SENTENCE_STARTERS = frozenset("""
the a an he she it they we i you this that these those there but and in on at after
before when while his her its their our officials police authorities as if no yes
how what why where who which however meanwhile
""".split())
# After "a.m." or "p.m." any capitalised word starts a sentence ("at 6 P.M. Mr.
# Smith then left"), except what belongs to the time itself.
_TIME_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst utc cet cest ist jst aest local
""".split())
# A sentence that would end at an abbreviation must have this many words:
# "At 5 a.m. Mr. Smith went to the bank." stays whole.
_MIN_WORDS_BEFORE_ABBREVIATION = 4

# A stop (or a spaced ellipsis ". . ."), closing quotes or brackets, then white
# space and the next word or the end; or a CJK full stop, which needs no space
# after it. Whether the next word may start a sentence (not lower case, so Arabic
# and other caseless scripts split too) is judged in _Stops.cut. A run of stops is tried
# once, from its first mark: "!!!!…" with no space after must not be re-read from
# each of its marks.
_CANDIDATE = re.compile(
    r"(?:\.(?:[ \u00a0]\.){2,}|(?<![.!?…؟।])[.!?…؟।]++)[\"'”’»)\]]*+(?=\s+\S|\s*$)|[。！？]+[」』”’）)]*"
)
_WORD_CHAR = re.compile(r"[\w.'’°-]")
_NON_SPACE = re.compile(r"\S")
_WORD_RUN = re.compile(r"\S+")
# U.S., E.U., a.m., Ph.D., e.g.: letters in ones and twos between dots.
_DOTTED = re.compile(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}\.?$")
_TIME_ABBREVIATION = re.compile(r"^[AaPp]\.[Mm]\.?$")
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){0,4}(?:said|says|told|added|wrote|stated|asked|explained|"
    r"noted|warned|insisted|argued)\b"
)
# A list written in one paragraph: "1. The first item 2. The second item",
# "a) ... b) ...", "• 9. ... • 10. ...". Only a paragraph that starts with a marker
# is read as a list, and only markers that count on from it cut.
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)[•⁃‣▪\-–]?\s?(\d{1,3}|[a-z])(?:\.\)|\.|\))(?=\s)")
_LETTER_WORD = re.compile(r"[^\W_]")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([\w’'-]+)")

# Page furniture that scrapers leave inside the body: captions and photo credits ("Image
# caption The crater left by the blast", "Photo: …", "… (AP Photo/Jane Doe)", "… via Getty
# Images"), teasers and newsletter lines ("Read more: …", "Related: …", "Watch: …",
# "Follow us on Twitter", "Sign up for …"). Judged on the line's start or end only: a
# sentence that merely mentions a photo or Getty Images stays a sentence.
_FURNITURE_START = re.compile(
    r"\s*(?:(?:image|media|video|photo|picture)\s+(?:caption|copyright|credit)\b"
    r"|(?:photo|photos|photograph|picture|pictured|image|caption|credit|video|watch|gallery"
    r"|read more|read also|more|related|see also|listen|recommended)\s*:"
    r"|(?:related|more|recommended|top|trending)\s+(?:stories|articles|coverage|links|content|videos)"
    r"\b(?!\s+(?:were|was|are|is|have|has|had|about|that|which)\b)"
    r"|(?:hide|show)\s+caption\b|\d+\s+of\s+\d+\s+(?:photos|images|pictures|slides)\b"  # galleries
    r"|(?:getty\s+images|ap\s+photo)\s+(?-i:[A-Z])"
    r"|(?:follow|like)\s+(?:us|\w+)\s+on\s+(?:facebook|twitter|instagram)\b"
    r"|sign\s+up\s+(?:for|to)\b.{0,60}\b(?:newsletter|email|alerts)\b)", re.IGNORECASE)
_FURNITURE_END = re.compile(
    r"(?:\b(?:hide|show)\s+caption\s+\d+\s+of\s+\d+"  # a gallery's counter
    r"|\bvia\s+getty\s+images|/\s*getty\s+images|\bgetty\s+images|\(\s*(?:ap\s+)?photo\b[^)]*\)"
    r"|/\s*(?:reuters|afp|ap|epa|ap\s+images|bloomberg)|\bphotograph:\s*[^.]*)(?:,\s*file)?\W*$",
    re.IGNORECASE)


# Newsletter and paywall prompts, wherever they sit in the line ("Newsletter Sign Up Continue
# reading the main story", "…delivered to your inbox every day", "verify you're not a robot").
_FURNITURE_ANYWHERE = re.compile(
    r"\b(?:sign\s+up|subscribe)\b.{0,120}\b(?:newsletters?|inbox|e-?mails?)\b"
    r"|\bnewsletters?\b.{0,120}\b(?:sign\s+up|subscribe|inbox)\b"
    r"|\bcontinue\s+reading\s+the\s+main\s+story\b|\bverify\s+you['’]?re\s+not\s+a\s+robot\b"
    r"|^\s*(?:view|see|browse)\s+(?:all|our)\b.{0,60}\bnewsletters?\b"
    # the AP's caption form: "In this Dec. 13, 2016, file photo, the logo for …"
    r"|^\s*in\s+this\s+(?:[\w.]+\s+){0,3}(?:\d{1,2},?\s+)?(?:\d{4},?\s+)?(?:file\s+)?"
    r"(?:photo|image|picture|photograph)\b",
    re.IGNORECASE)


# Runs of three or more capitalised words: two of them in one passage are a menu, a teaser
# strip ("MOST READ IN NEWS … FELL INTO POWER SAW Gran …") or a map's labels, never a
# sentence of reporting (checked on 19,895 passages of real news: 13 such, all furniture).
_CAPS_RUN = re.compile(r"(?:\b[A-Z][A-Z'’-]+\b[ ,:;'‘’\"“”!?.-]*){3,}")


def is_furniture(text: str) -> bool:
    """A caption, photo credit, teaser or newsletter line rather than reporting."""
    return bool(_FURNITURE_START.match(text) or _FURNITURE_END.search(text)
                or _FURNITURE_ANYWHERE.search(text)
                or len(_CAPS_RUN.findall(text)) >= 2)


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
            text = article.text[start:end]
            furniture = block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and is_furniture(text)
            own = PassageKind.CAPTION if furniture else kind
            passages.append(Passage(article.id, len(passages), start, end, text, own, block.section))
    return tuple(passages)


def segment_text(text: str) -> tuple[Passage, ...]:
    """Sentences of a bare string, for scripts and examples."""
    return tuple(Passage("text", n, s, e, text[s:e])
                 for n, (s, e) in enumerate(split_sentences(text, 0, len(text))))


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, white space trimmed."""
    chunk = text[start:end]
    items = _list_items(chunk)
    if items is None:
        yield from _sentences(text, start, chunk, 0, len(chunk), 0)
        return
    for item_start, item_end, marker_end in items:
        yield from _sentences(text, start, chunk, item_start, item_end, marker_end)


def _list_items(chunk: str) -> list[tuple[int, int, int]] | None:
    """(start, end, end of marker) of each item when ``chunk`` is a written-out list."""
    lead = len(chunk) - len(chunk.lstrip())
    first = _LIST_MARKER.match(chunk, lead)
    if first is None:
        return None
    items = []
    item_start, marker_end, label = first.start(), first.end(), first.group(1)
    for marker in _LIST_MARKER.finditer(chunk, marker_end):
        if not _follows(label, marker.group(1)):
            continue
        items.append((item_start, marker.start(), marker_end))
        item_start, marker_end, label = marker.start(), marker.end(), marker.group(1)
    if not items:
        return None  # one marker alone is a numbered sentence ("1. Stay calm."), cut as usual
    items.append((item_start, len(chunk), marker_end))
    return items


def _follows(label: str, next_label: str) -> bool:
    if label.isdigit():
        return next_label.isdigit() and int(next_label) == int(label) + 1
    return len(next_label) == 1 and ord(next_label) == ord(label) + 1


def sentence_work(text: str) -> int:
    """Characters the rules read around the stops of ``text``: the splitter's work.

    Each rule reads only the word before a stop, the white space and word after
    it, and the first words of the sentence it would end, so the count grows in
    step with the text (at most a few times its length) however few of the stops
    end a sentence. For tests and benchmarks.
    """
    stops = _Stops(text, len(text))
    for _ in _sentences(text, 0, text, 0, len(text), 0, stops):
        pass
    return stops.looked


def _sentences(text: str, base: int, chunk: str, lo: int, hi: int,
               skip: int, stops: _Stops | None = None) -> Iterator[tuple[int, int]]:
    """Sentences of ``chunk[lo:hi]`` (offsets into ``text`` from ``base``); no cut before ``skip``."""
    stops = stops or _Stops(chunk, hi)
    last = lo
    for match in _CANDIDATE.finditer(chunk, max(lo, skip), hi):
        cut = stops.cut(match, last)
        if cut is None or cut <= last:
            continue
        yield from _trimmed(text, base + last, base + cut)
        last = cut
    yield from _trimmed(text, base + last, base + hi)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + lead + len(stripped)


class _Stops:
    """Judges the candidate stops of ``chunk[:hi]``, reading only near each one.

    A paragraph of thousands of abbreviations and no sentence end ("met Dr. Smith
    and Dr. Jones and ...") must not make each stop re-read the paragraph so far:
    the word before a stop is found by walking back to the white space, the next
    word by skipping forward over it, and the sentence's first four words once per
    sentence start. ``looked`` counts the characters read.
    """

    __slots__ = ("chunk", "hi", "looked", "_fourth_word")

    def __init__(self, chunk: str, hi: int) -> None:
        self.chunk, self.hi, self.looked = chunk, hi, 0
        self._fourth_word: dict[int, int] = {}

    def cut(self, match: re.Match[str], last: int) -> int | None:
        """Where the sentence ends if ``match`` ends one (offset into ``chunk``), else None."""
        chunk, hi = self.chunk, self.hi
        marks = match.group()
        if marks[0] in "。！？":
            return match.end()
        after = _NON_SPACE.search(chunk, match.end(), hi)
        if after is None:
            self.looked += hi - match.end()
            return None  # the end of the piece ends it anyway
        start = after.start()
        self.looked += start - match.end()
        first_letter = _LETTER_WORD.search(chunk, start, min(start + 4, hi))
        if first_letter and first_letter.group().islower():
            return None
        next_word = _NEXT_WORD.match(chunk, start, hi)
        self.looked += next_word.end() - start if next_word else 1
        following = next_word.group(1).lower() if next_word else ""
        closes_quote = marks[-1] in "\"'”’»"
        if closes_quote and _ATTRIBUTION.match(chunk, match.end()):
            return None  # "…." Austin said.
        if marks[0] != ".":
            return match.end()
        dots = marks.rstrip("\"'”’»)]")
        if " " in dots or "\u00a0" in dots:
            # A spaced ellipsis: ". . ." leaves words out inside a sentence; four dots
            # are an ellipsis and a full stop. Straight after a word, the first dot is
            # that word's full stop and the ellipsis opens what follows.
            if dots.count(".") < 4:
                return None
            glued = match.start() > 0 and not chunk[match.start() - 1].isspace()
            return match.start() + 1 if glued else match.end()
        if len(dots) > 1:
            # An ellipsis ends a sentence only before a clear sentence start.
            return match.end() if following in SENTENCE_STARTERS else None
        word = self._word_before(last, match.start())
        if not word:
            return match.end()
        bare = word.rstrip(".").lower().lstrip("'’(")
        if bare in PREPOSITIVE_ABBREVIATIONS:
            return None
        if len(bare) == 1 and bare.isalpha() and word[0].isupper():
            return None  # an initial: "John F. Kennedy"
        time = _TIME_ABBREVIATION.match(word)
        if time or _DOTTED.match(word) or bare in POSTPOSITIVE_ABBREVIATIONS:
            # U.S., p.m., Inc.: the end of a sentence only before a sentence opener
            # (after a time, before anything but more of the time), and only after
            # enough words to make a sentence.
            if self._fourth_word_start(last) >= match.start():
                return None
            if time:
                return None if following in _TIME_WORDS or not following else match.end()
            return match.end() if following in SENTENCE_STARTERS else None
        return match.end()

    def _word_before(self, last: int, end: int) -> str:
        r"""The run of word characters ending at ``end`` (not before ``last``), or ''.

        As ``([\w.'’°-]+)$`` searched in ``chunk[last:end]``, whose ``$`` also
        matches before a final newline.
        """
        chunk = self.chunk
        if end > last and chunk[end - 1] == "\n":
            end -= 1
        start = end
        while start > last and _WORD_CHAR.match(chunk, start - 1):
            start -= 1
        self.looked += end - start + 1
        return chunk[start:end]

    def _fourth_word_start(self, last: int) -> int:
        """Where the fourth word from ``last`` starts (``hi`` if there is none).

        "At least four words before the stop" is this offset lying before it; it
        is found once per sentence start, not once per stop.
        """
        found = self._fourth_word.get(last)
        if found is None:
            found = self.hi
            for n, word in enumerate(_WORD_RUN.finditer(self.chunk, last, self.hi)):
                if n == _MIN_WORDS_BEFORE_ABBREVIATION - 1:
                    found = word.start()
                    break
                self.looked += word.end() - word.start()
            self._fourth_word[last] = found
        return found
