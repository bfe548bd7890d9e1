"""What a date in a sentence dates: the event, which matches it across sources.

A date's key is the event it dates, the nearest event word (attack, strike,
earthquake, election…; nouns before verbs, "said" only as a last resort),
plus the words around it, so "Saturday's attack on the base" and "the attack
Sunday at the base" meet, while "Tuesday's drone attacks" and a statement
made "on Sunday" do not. One sentence never gives two days for one event,
a dateline left in a first sentence dates nothing, and a date "since" or
years before the story is background.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, Mention, Passage
from ..words import STOPWORDS, content_words, stem
from .dates import DateMention, TimeMention, find_dates, find_times, numeric_order
from .phrases import PHRASE_STOP, VERB_STOP

# Event words a date can date, by class. "statement" dates say when something was
# said; they are never joined across groups (two officials speak on different days).
EVENTS = {
    "attack": ("attack", "assault", "bombing", "bomb", "barrage", "shelling", "raid", "ambush",
               "shooting", "stabbing", "launched", "fired", "targeted", "targeting", "blast",
               "explosion", "hit", "struck"),
    "strike": ("strike", "airstrike", "air strike"),
    "quake": ("earthquake", "quake", "tremor", "aftershock"),
    "flood": ("flood", "flooding", "storm", "hurricane", "cyclone", "typhoon", "landslide"),
    "fire": ("fire", "wildfire", "blaze"),
    "crash": ("crash", "collision", "derailment", "derailed", "collapse", "collapsed"),
    "election": ("election", "vote", "poll", "referendum", "ballot", "runoff", "elected",
                 "re-elected"),
    "release": ("released", "came out", "premiered", "published"),
    "meeting": ("meeting", "summit", "talks", "met", "conference"),
    "result": ("results", "earnings", "quarter", "report"),
    "deal": ("deal", "agreement", "signed", "merger", "acquisition"),
    "court": ("verdict", "sentenced", "ruling", "trial", "convicted", "conviction", "charged",
              "found guilty", "pleaded guilty", "acquitted", "jailed"),
    "death": ("died", "killed", "death"),
    "arrest": ("arrested", "detained"),
    # A toll that rose, an attack put down: later moments of an event, dated apart from it
    # ("the death toll rose to six Friday" after an attack late Thursday).
    "toll": ("rose to", "risen to", "climbed to", "jumped to", "increased to"),
    "end": ("suppressed", "repelled", "ended", "was over", "brought under control",
            "extinguished"),
    "resignation": ("resigned", "resignation", "stepped down"),
    "statement": ("said", "says", "told", "announced", "stated", "added", "reported",
                  "described", "wrote", "posted", "confirmed", "claimed", "tweeted",
                  "statement", "press release"),
}
# Verbs name an event less surely than nouns: "flash floods killed 23 on Friday" dates the
# floods, not a death; a verb is the event only when no event noun is in the sentence.
EVENT_VERBS = frozenset("""
launched fired targeted targeting hit struck died killed signed met sentenced convicted
charged arrested detained resigned jailed acquitted elected re-elected released published
""".split())
# Event classes whose plural means several events ("two attacks Tuesday"), unlike
# "floods" or "talks", which are one.
SERIES_EVENTS = frozenset({"attack", "strike", "crash", "fire", "arrest"})
# Words too common in news to tell two events apart.
GENERIC = frozenset(stem(w) for w in """
said says told according official officials report reported statement claim claimed
responsibility news agency government people time day week also new latest police local
authorities spokesman spokeswoman spokesperson media source sources witness witnesses
reporters press conference state
""".split())
# Share of the smaller event description's words the other must contain (step 2 of
# matching dates across groups). Tuned on pairs like "claimed responsibility for
# Saturday's attack on the base" / "two attacks Tuesday using drones against the base"
# (0.3, different attacks) and "missiles were launched ... targeting the airbase" /
# "missile attack launched on the airbase" (0.5+, one attack).
CONTEXT_MIN = 0.4
# "said" this many times farther away still loses to an event word ("hit the base on
# Saturday (Jan 20), said officials" dates the attack, not the saying).
STATEMENT_DISTANCE = 4
# "Nov 5 (Reuters) - The death toll…", "WASHINGTON, Jan. 23 —": a dateline left in the
# first sentence dates the report, not an event. It sits this near the start.
DATELINE_REACH = 40
_DATELINE_END = re.compile(r"\s*(?:,\s*(?:19|20)\d\d\s*)?(?:\([^)]{1,40}\)\s*)?[-–—]+\s")
_DOUBLED = re.compile(r"(.)\1+")
# "since October 7", "until March": a reference point, not the day of the event.
_REFERENCE_POINT = re.compile(r"\b(?:since|until|till|before|after)\s+(?:the\s+|(?:(?:being|having"
                              r"(?:\s+been)?)\s+)?[a-z]+(?:ed|en)\s+(?:on\s+)?)?$",
                              re.IGNORECASE)  # "since being named Saturday": a reference point
# "came under another attack on January 8, 2020": not the story's event.
_ANOTHER_EVENT = re.compile(r"\b(?:another|previous|prior|earlier)\s+(?:\w+\s+)?"
                            r"(?:attack|strike|quake|flood|election)", re.IGNORECASE)
# Dates of one kind of event this many days apart or fewer are taken for one event.
NEXT_DAY = 1
# Explicit dates more than this many years from the dateline are background history.
HISTORY_YEARS = 1


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A date or time mention, the event it dates and the words around it."""

    mention: Mention
    kind: str  # "date" | "time"
    when: DateMention | TimeMention
    event: str | None
    context: frozenset[str]
    history: bool
    group: int | None
    label: str
    lead: str = ""  # the word right before the date: "since" 2002, "in" 1995
    # The words right around a date that names no event ("revealed in a filing early on
    # Friday"): what two such dates must share to be the day of one thing.
    near: frozenset[str] = frozenset()
    # Whether the day is to come (1) or gone (-1) on the day its article was written, 0 when it
    # is that day, spans it or is unknown: "next Tuesday's debate" and "the debate on Tuesday"
    # (past) are two debates, whatever the words around them share.
    tense: int = 0

    def same_value(self, other: DateClaim) -> bool:
        """Whether the two claims state one day (or one clock time): where one report's
        sentence gives two days ("named Saturday … told Fox News on Tuesday"), its Tuesday is
        the match for another report's Tuesday, whichever is read first."""
        a, b = self.when, other.when
        if isinstance(a, DateMention) and isinstance(b, DateMention):
            return a.same_as(b)
        return isinstance(a, TimeMention) and isinstance(b, TimeMention) and a.minutes == b.minutes


# The word before a date that says how it dates ("since 2002", "in 1995", "by March").
_SPAN_START = re.compile(r"\b(?:between|from|beginning\s+in|starting\s+in|dating\s+back\s+to|"
                         r"(?:back\s+)?as\s+far\s+(?:back\s+)?as|as\s+early\s+as)\s+(?:the\s+)?$",
                         re.IGNORECASE)
_SPAN_END = re.compile(r"\b(?:(?:between|from)\s+\S+\s+(?:and|to)|(?:continuing\s+)?through|until|"
                       r"till|up\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_LEAD = re.compile(r"\b([A-Za-z]+)\s+(?:the\s+)?$")
# Two aligned sentences that give a background date ("has led the party since 2002")
# say the same thing when this share of the smaller one's words is in the other.
BACKGROUND_CONTEXT_MIN = 0.6


def same_background(a: DateClaim, b: DateClaim) -> bool:
    """Two background dates in aligned passages that date one thing: "has led House
    Democrats since 2002" and "has led House Democrats since 2003" are one fact that the
    outlets state differently, though neither dates the story's event."""
    if not (a.history and b.history) or a.lead != b.lead or not a.lead:
        return False
    x, y = a.when, b.when
    if not (isinstance(x, DateMention) and isinstance(y, DateMention)) or \
            x.precision != y.precision:
        return False
    if not a.context or not b.context:
        return False
    share = len(a.context & b.context) / min(len(a.context), len(b.context))
    return share >= BACKGROUND_CONTEXT_MIN


@lru_cache(maxsize=256)
def _numeric_order(text: str, url: str | None) -> bool | None:
    """The article's order for numeric dates, read once per article."""
    return numeric_order(text, url)


def date_claims(article: Article, passage: Passage, group: int | None) -> list[DateClaim]:
    """The passage's dates and clock times, each with the event it dates."""
    text = passage.text
    base = article.section_date(passage.start)
    order = _numeric_order(article.text, article.url)
    found: list[DateMention | TimeMention] = [*find_dates(text, base, order), *find_times(text)]
    whens = [w for w in found
             if not (w.start < DATELINE_REACH and _DATELINE_END.match(text, w.end))]
    if not whens:
        return []
    events = _events(text)
    context: frozenset[str] | None = None
    nearest = _one_day_per_event(whens, [_attributive(text, w) or
                                         _nearest_event(events, w.start, w.end, text)
                                         for w in whens])
    another_event = _ANOTHER_EVENT.search(text) is not None
    claims = []
    said: set[tuple[object, ...]] = set()
    for w, near in zip(whens, nearest, strict=True):
        event = near[0] if near and near[0] != _NO_EVENT else None
        history = isinstance(w, DateMention) and w.explicit_year and base is not None and \
            w.first is not None and abs(w.first.year - base.year) > HISTORY_YEARS
        # "since October 7", "until March": a reference point, not the day of the event
        point = _REFERENCE_POINT.search(text, max(0, w.start - 40), w.start)
        if point is not None and event is not None and any(
                e == event for _, _, e, _ in _events(point.group())):
            point = None  # "since being released on November 15": the day of the release
        history = history or point is not None
        history = history or another_event
        if event is None and history and isinstance(w, DateMention):
            # "between 2009 and 2016", "beginning in 2009 and continuing through 2016", "dating
            # back as far as 2009": the years an activity spans, one fact per end
            if _SPAN_START.search(text, max(0, w.start - 24), w.start):
                event = "beginning"
            elif _SPAN_END.search(text, max(0, w.start - 24), w.start):
                event = "end"
        if (event, _value_key(w), history) in said:
            continue  # "Monday, Tuesday, Monday": the second Monday says it again
        said.add((event, _value_key(w), history))
        kind = "date" if isinstance(w, DateMention) else "time"
        label = f"{'day' if kind == 'date' else 'time'} of the {event}" if event and \
            event != "statement" else ("date" if kind == "date" else "time")
        if event in ("beginning", "end"):
            label = "when it began" if event == "beginning" else "when it ended"
        mention = Mention(kind, passage.article, passage.index, passage.start + w.start,
                          passage.start + w.end, w.text, w.value(), label)
        if context is None and (event and event != "statement" or history):
            context = _context(text)  # only dates that may be matched need it
        lead = _LEAD.search(text, max(0, w.start - 16), w.start)
        near = _near(text[max(0, w.start - NEAR_CHARS):w.end + NEAR_CHARS]) \
            if event is None else frozenset()
        claims.append(DateClaim(mention, kind, w, event, context or frozenset(), history, group,
                                label, lead.group(1).lower() if lead else "", near,
                                _tense(w, base)))
    return claims


# Kinds of event that tell one incident from another: a story about an attack that recalls
# last week's airstrikes. ("death", "statement", "court"… happen within any story.)
INCIDENTS = frozenset({"attack", "strike", "quake", "flood", "fire", "crash"})


def _tense(w: DateMention | TimeMention, base: dt.date | None) -> int:
    """1 when a date lies wholly after ``base``, -1 wholly before it, else 0 (also when its
    year is our guess: a bare "June 12" in November may be either)."""
    if base is None or not isinstance(w, DateMention) or w.first is None or w.last is None \
            or w.year_guessed:
        return 0
    return 1 if w.first > base else -1 if w.last < base else 0


def opposite_tenses(a: DateClaim, b: DateClaim) -> bool:
    """One date is to come and the other gone, each on its own article's day: a plan and a
    happening, or two occasions ("next Tuesday's debate" / "the debate on Tuesday")."""
    return a.tense * b.tense < 0


def story_event(ledes: list[str]) -> str | None:
    """The kind of incident the story is about: the one its articles' first passages name
    most (ties broken by name, so the answer never depends on order)."""
    counts: dict[str, int] = {}
    for text in ledes:
        for *_, event, _verb in _events(text):
            if event in INCIDENTS:
                counts[event] = counts.get(event, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda e: (-counts[e], e))


def incident_near(text: str, start: int, end: int) -> str | None:
    """The kind of incident named nearest a span of the sentence (its singular class)."""
    best: tuple[int, str] | None = None
    for pos, pos_end, event, _verb in _events(text):
        kind = event[:-1] if event.endswith("s") and event[:-1] in INCIDENTS else event
        if kind not in INCIDENTS:
            continue
        gap = start - pos_end if pos < start else pos - end
        if best is None or gap < best[0]:
            best = (gap, kind)
    return best[1] if best else None


def _one_day_per_event(whens: list[DateMention | TimeMention],
                       nearest: list[tuple[str, float] | None]) -> list[tuple[str, float] | None]:
    """One sentence never gives two days for one event: "conceded on Wednesday after
    Tuesday's election" dates the election Tuesday; Wednesday dates something else.

    A date loses its event when a nearer date of the same event, one that kept its own,
    differs from it. Each is checked against the distinct values nearer than it, not
    against every date: a list of 11,200 weekdays holds seven values, so the cost stays
    linear in the sentence."""
    out = list(nearest)
    by_event: dict[tuple[str, type], list[int]] = {}
    for i, near in enumerate(nearest):
        if near is not None:
            by_event.setdefault((near[0], type(whens[i])), []).append(i)
    for members in by_event.values():
        members.sort(key=lambda i: (nearest[i][1], i))  # type: ignore[index]
        nearer: dict[object, DateMention | TimeMention] = {}
        batch: list[int] = []
        for i in members:
            if batch and nearest[batch[0]][1] < nearest[i][1]:  # type: ignore[index]
                nearer.update((_value_key(whens[j]), whens[j]) for j in batch)
                batch = []
            if any(_differ(whens[i], v) for v in nearer.values()):
                out[i] = None
            else:
                batch.append(i)
    return out


def _value_key(w: DateMention | TimeMention) -> object:
    if isinstance(w, TimeMention):
        return w.minutes
    return (w.precision, w.first, w.last, w.weekday, w.month, w.day)


def _differ(a: DateMention | TimeMention, b: DateMention | TimeMention) -> bool:
    if isinstance(a, DateMention) and isinstance(b, DateMention):
        return a.conflicts_with(b)
    return isinstance(a, TimeMention) and isinstance(b, TimeMention) and a.minutes != b.minutes


def date_key(claim: DateClaim) -> tuple[str, str, str] | None:
    """Dates of one kind of event at one precision may be one fact; statements never."""
    if claim.event is None or claim.event == "statement":
        return None
    if claim.history:
        # A background date joins across groups only with the same date of the same kind of
        # event ("first elected in 1995" / "Elected to Congress in 1995"): an agreement;
        # two different years stay apart (they may date two events), as before.
        return (claim.kind, f"background {claim.event}", str(_value_key(claim.when)))
    precision = claim.when.precision if isinstance(claim.when, DateMention) else "time"
    return (claim.kind, claim.event, precision)


def similar_context(a: DateClaim, b: DateClaim) -> float:
    """How alike two dated events are: 1 when they fall on one day or on days next to
    each other (one kind of event, one story: the same event, or the classic
    late-night or time-zone discrepancy), else the share of the smaller
    description's words found in the other (a wrong year or month needs words)."""
    if a.mention.article == b.mention.article and _value_key(a.when) != _value_key(b.when):
        # One article giving two dates for one kind of event tells two events apart itself
        # ("Jackson resigned in November" and "his wife resigned last month").
        return 0.0
    if opposite_tenses(a, b):
        return 0.0
    if a.history or b.history:
        # Background dates meet here only under one key: the same date of one kind of
        # event ("elected in 1995" twice), which is one fact stated alike.
        return 1.0 if a.history and b.history and a.event == b.event and \
            _value_key(a.when) == _value_key(b.when) else 0.0
    x, y = a.when, b.when
    if isinstance(x, DateMention) and isinstance(y, DateMention) and x.precision == "day" \
            and x.first and y.first and abs((x.first - y.first).days) <= NEXT_DAY and (
            x.first == y.first or a.mention.article != b.mention.article):
        return 1.0  # (one article naming two days tells two events apart itself)
    if not a.context or not b.context:
        return 0.0
    return len(a.context & b.context) / min(len(a.context), len(b.context))


@lru_cache(maxsize=8192)
def _events(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """Event words with their spans; a plural noun ("attacks") is a series, kept apart."""
    found = []
    low = text.lower()
    tolls = _TOLL.search(low) is not None
    for m in _EVENT_RE.finditer(low):
        if low.startswith(" toll", m.end()):
            continue  # "the death toll rose on Sunday": a count's date, not a death's
        if low.startswith(" off", m.end()) and m.group(1) == "blast":
            continue  # "will blast off from Cape Canaveral": a launch, not an explosion
        event = _EVENT_OF[m.group(1)]
        if event == "toll" and not tolls:
            continue  # "inflation rose to 3.2% in March": a figure's month, not a toll's day
        plural = m.group(2) is not None and event in SERIES_EVENTS
        found.append((m.start(), m.end(), event + ("s" if plural else ""),
                      m.group(1).strip() in EVENT_VERBS))
    return tuple(found)


NEAR_CHARS = 80  # how far either side of an eventless date its own words reach
# Between a day and an event word after it: the day is before the event, not its day.
_AHEAD_OF = re.compile(r"\b(?:ahead of|before|prior to|in advance of|in the run-up to|"
                       r"leading up to)\b", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",|;|\band\b|\bbut\b|\bthen\b")
_TOLL = re.compile(r"\btoll\b|\bnumber of (?:dead|deaths|injured|victims|casualties)\b|\bcasualt")
_EVENT_OF = {word: event for event, words in EVENTS.items() for word in words}
_EVENT_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(_EVENT_OF, key=len,
                                                                      reverse=True))
                       + r")(es|s)?\b")


def _nearest_event(events: tuple[tuple[int, int, str, bool], ...], start: int, end: int,
                   text: str = "") -> tuple[str, float] | None:
    """The event word nearest the date; "said" counts as farther, since a sentence that
    dates an attack usually also says who reported it."""
    best: tuple[float, str] | None = None
    has_noun = any(not verb and event != "statement" for *_, event, verb in events)
    for pos, pos_end, event, verb in events:
        if verb and has_noun and event != "statement":
            continue
        if pos >= end and event != "statement" and _AHEAD_OF.search(text, end, pos):
            continue  # "said on Thursday ahead of the vote": a day before the event, not its
        gap = float(start - pos_end if pos < start else pos - end)
        if pos >= end and event != "statement" and _NEXT_CLAUSE.search(text, end, pos):
            gap *= STATEMENT_DISTANCE  # "elected in 1995 and resigned last month": the
            # date belongs to the verb before it, not to the next clause's
        if event == "statement":
            if pos >= end and (text.find(",", end, pos) != -1 or text.find(")", end, pos) != -1):
                continue  # "hit the base on Saturday, said officials": attribution
            gap = gap * STATEMENT_DISTANCE + 1
        if best is None or gap < best[0]:
            best = (gap, event)
    return (best[1], best[0]) if best else None


# A day written before a noun phrase dates what it names: "an Oct. 19 rendezvous", "the
# June 19 voting", "next Tuesday's debate". Not a part of the day ("Monday morning"), a verb
# ("Trump on Monday released"), nor a word that ends the phrase. (Years are left to the
# sentence: "the 2016 presidential campaign" is the election's year as much as the campaign's.)
_BEFORE_NOUN = re.compile(r"(?:['’]s)?((?:\s+[a-z][a-z-]{2,}){1,3})")
# A year before a work dates its release: "the 2003 film", "her 2016 album".
_WORK_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:film|movie|album|novel|book|memoir|song|single|"
                         r"documentary|series|video game|play|opera|musical)s?\b")
_DAY_PARTS = frozenset("morning afternoon evening night midday noon overnight local time "
                       "edition".split())


def _attributive(text: str, w: DateMention | TimeMention) -> tuple[str, float] | None:
    """The event a day written before a noun phrase dates (gap 0): an event the phrase
    names, else none ("unknown": the date is left to the words around it)."""
    if not isinstance(w, DateMention):
        return None
    if w.precision == "year" and _WORK_AFTER.match(text, w.end):
        return ("release", 0.0)  # "the 2003 film Kill Bill": the year it came out
    if w.precision != "day":
        return None
    m = _BEFORE_NOUN.match(text, w.end)
    if m is None:
        return None
    phrase: list[str] = []
    for word in m.group(1).split():
        if word in PHRASE_STOP or word in VERB_STOP or word.endswith(("ed", "ing", "ly")):
            break
        phrase.append(word)
    if not phrase or phrase[0] in _DAY_PARTS:
        return None
    events = _events(" ".join(phrase))
    return (events[-1][2], 0.0) if events else (_NO_EVENT, 0.0)


_NO_EVENT = "unknown"


def _near(text: str) -> frozenset[str]:
    """The words around a date that say what happened: lower-case content words only (a
    name shared by the whole story, "Trump", "LePage", says nothing of which moment)."""
    lower = " ".join(w for w in text.split() if w[:1].islower())
    return _context(lower)


@lru_cache(maxsize=8192)
def _context(text: str) -> frozenset[str]:
    """The words that tell one event from another: content stems, no dates or generic words."""
    words = set()
    for w in content_words(text):
        if w in GENERIC or w in STOPWORDS or w in _DATE_WORDS:
            continue
        words.add(_DOUBLED.sub(r"\1", w))
    return frozenset(words)


_DATE_WORDS = frozenset(stem(w) for w in """
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept
oct nov dec today yesterday tomorrow morning evening night afternoon earlier later last
next time week month year
""".split())
