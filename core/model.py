"""The data that flows through storydiff, one way:

    files → Article → Passage → Group → Fact → Report → (screen | export)

Every value here is a small frozen dataclass holding offsets into an article's
``text``. Nothing in this module computes anything about articles; each arrow
above is one module (``load``, ``segment``, ``align``, ``facts``, ``report``)
with one entry function.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from .text import one_line


class BlockKind(StrEnum):
    """What a block of an article's text is, as the loader judged it."""

    TITLE = "title"  # the headline
    META = "meta"  # header lines, bylines, datelines: kept in the text, never a passage
    HEADING = "heading"  # a subheading inside the body
    PARAGRAPH = "paragraph"  # prose, split into sentences
    LIST = "list"  # a list item
    TABLE = "table"  # a table row
    BOILERPLATE = "boilerplate"  # newsletter prompts, share lines, comments: kept, never a passage


@dataclass(frozen=True, slots=True)
class Block:
    """A run of an article's text with one kind; ``start``/``end`` index ``Article.text``."""

    start: int
    end: int
    kind: BlockKind
    section: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    """One report inside an article file.

    Aggregators glue several reports into one page (an AFP piece, then a UPI
    piece with its own headline and dateline); each gets its own date so that
    "Sunday" in the second is resolved against the second's dateline.
    """

    start: int
    end: int
    title: str | None = None
    date: dt.date | None = None
    date_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article as loaded: its text and what we learned about it.

    ``text`` is the decoded text with terminal control characters removed
    (HTML reduced to its main text); every offset anywhere in storydiff
    indexes this string.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None
    date_span: tuple[int, int] | None = None
    url: str | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    fingerprint: str = ""  # hash of the normalised text: who an article is across renames
    # (month, day) from a dateline with no year ("JAKARTA, March 12 (Reuters) -") when the
    # text states no full date; the loader gives it a year from the rest of the batch.
    partial_date: tuple[int, int] | None = None
    # Who published it, by a name a reader knows: "The New York Times", "bne IntelliNews", "AFP",
    # else the bare domain ("dailystar.com.lb"); the file's stem only when nothing else is known.
    # What the app and exports show as the article's name. ``source`` is what the file itself said.
    outlet: str = ""
    # Where the text after the file's header lines (title:, source:, date:, url:) begins: the
    # header is metadata, not text to read.
    body_start: int = 0
    # What stated ``date``, which anchors "Saturday" and "yesterday": "metadata" (a JSON field
    # or a page's meta tag), "header" (a date line at the top), "byline", "dateline", or
    # None when undated.
    date_from: str | None = None

    def section_date(self, offset: int) -> dt.date | None:
        """The publication date that applies at ``offset``: its section's, else the article's."""
        for section in self.sections:
            if section.start <= offset < section.end and section.date is not None:
                return section.date
        return self.date


class PassageKind(StrEnum):
    SENTENCE = "sentence"
    HEADING = "heading"
    LIST = "list"
    TABLE = "table"
    # A photo caption or credit, a teaser, a "Read more:" or "Follow us on" line inside the
    # body: kept in the text and shown, but never aligned and never a source of facts.
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence (or heading, list item, table row) of an article.

    ``text == article.text[start:end]`` always holds.
    """

    article: str
    index: int
    start: int
    end: int
    text: str
    kind: PassageKind = PassageKind.SENTENCE
    section: int = 0

    @property
    def ref(self) -> PassageRef:
        return PassageRef(self.article, self.index)

    @property
    def reporting(self) -> bool:
        """Not page furniture: a caption, credit or teaser is never "said only here"."""
        return self.kind != PassageKind.CAPTION


@dataclass(frozen=True, slots=True, order=True)
class PassageRef:
    """Names one passage across the whole report: (article id, passage index)."""

    article: str
    passage: int


class GroupStatus(StrEnum):
    """How the passages of a group relate; ``ONLY`` is for a passage in no group."""

    AGREE = "agree"  # same words, give or take case and punctuation
    WORDING = "wording"  # same thing reported, different words
    FACTS = "facts"  # same thing reported, with a conflicting fact
    ONLY = "only"  # said by one article only


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One member's words inside its group: which are its own.

    ``own`` holds spans (offsets into the passage's text, not the article's)
    of words that no other member of the group uses.
    """

    ref: PassageRef
    own: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Group:
    """Passages from several articles that report the same thing.

    ``members`` are the passages whose place is this group (each passage is a member of one
    group at most: ``Report.group_of``). ``also`` holds passages that belong to another
    group but say this group's statement too: a lede that carries two facts, one outlet's
    single sentence for another's two.
    """

    id: int
    members: tuple[PassageRef, ...]
    similarity: float  # 0..100, mean pairwise similarity of the members
    status: GroupStatus
    diffs: tuple[WordDiff, ...] = ()
    also: tuple[PassageRef, ...] = ()

    def diff_of(self, ref: PassageRef) -> WordDiff | None:
        for diff in self.diffs:
            if diff.ref == ref:
                return diff
        return None


class FactStatus(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    COMPATIBLE = "compatible"  # vaguer but not contradictory: "at least a dozen" vs "17"
    SINGLE = "single"  # one source only


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's statement of a fact, in its own words.

    ``value`` is the normalised value in JSON-ready form (an interval
    ``{"low": 17, "high": 17}``, an ISO date, an entity id, a quote).
    """

    kind: str
    article: str
    passage: int
    start: int  # offsets into the article's text
    end: int
    text: str
    value: dict[str, object]
    label: str = ""  # what it is about: "ballistic missiles and rockets — launched"


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing reported (the number of missiles fired), with every mention of it."""

    id: int
    kind: str
    status: FactStatus
    label: str
    mentions: tuple[Mention, ...]
    groups: tuple[int, ...] = ()
    # A conflicting count whose figure rose as the story went on (77 in the first reports,
    # 84 later): the figures as written, earliest first (facts/updates.py). Still a conflict.
    updated: tuple[str, ...] = ()
    # What the fact is about, as its mentions say: ("what", "people"), ("role", "killed"),
    # ("scope", "earlier strike"), ("place", …), ("person", …), ("event", "attack").
    about: tuple[tuple[str, str], ...] = ()

    def values_by_article(self) -> dict[str, list[Mention]]:
        """The claim × source row: each article's mentions of this fact."""
        row: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            row.setdefault(mention.article, []).append(mention)
        return row


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be read, and why, in one line."""

    path: str
    reason: str

    def __post_init__(self) -> None:
        # File names and reasons reach the terminal and exports: never let them carry escapes.
        object.__setattr__(self, "path", one_line(self.path))
        object.__setattr__(self, "reason", one_line(self.reason))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Report:
    """Everything computed about a set of articles; what the app and exports render."""

    articles: tuple[Article, ...]
    passages: dict[str, tuple[Passage, ...]]
    groups: tuple[Group, ...]
    facts: tuple[Fact, ...] = ()
    errors: tuple[LoadError, ...] = ()
    group_of: dict[PassageRef, int] = field(default_factory=dict)
    # One line each when the batch was too large to compare whole ("story of 400 articles:
    # comparing the 200 most central; use review"): see core/budget.py.
    notes: tuple[str, ...] = ()

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def passage(self, ref: PassageRef) -> Passage:
        return self.passages[ref.article][ref.passage]

    def status_of(self, ref: PassageRef) -> GroupStatus:
        """A passage's highlight: its group's status, or ``ONLY`` when it stands alone."""
        group = self.group_of.get(ref)
        return GroupStatus.ONLY if group is None else self.groups[group].status
