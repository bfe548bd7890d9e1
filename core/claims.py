"""What a number or a date in a sentence is *about*: the key that matches it across sources.

"Four U.S. personnel suffered brain injuries" and "At least 11 US service
members were injured" state the same fact (how many US troops were hurt)
in different words. The key of a number is

- **what** it counts: the head noun of the counted phrase, with synonyms
  folded ("personnel", "troops", "service members" are all troops);
- its **role**: the verb or noun that says what happened to them (injured,
  killed, launched, evacuated…), found in the words after the number, else
  just before it ("killing 12");
- its **qualifiers**: proper nouns in the phrase ("U.S.", "Iraqi"), folded
  so "American" is "US" and "Iraqi" is "Iraq", and a place ("in Syria");
- its **scope**: a running total ("since October", "in previous attacks")
  or another year ("during the 2020 strikes") is a different fact from the
  day's count.

A date's key is the event it dates (the nearest event word: attack, strike,
earthquake, election…) plus the words around it, so "Saturday's attack on
the base" and "the attack Sunday at the base" meet, while "Tuesday's drone
attacks" and a statement made "on Sunday" do not.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from .align import STOPWORDS, content_words, stem
from .dates import DateMention, TimeMention, find_dates, find_times
from .model import Article, Mention, Passage
from .numbers import (
    PHRASE_STOP,
    VERB_STOP,
    WEEKDAYS_AND_MONTHS,
    Interval,
    Quantity,
    find_quantities,
)

# Synonyms for what is counted, folded to one word. Chosen from casualty, disaster,
# election and business copy; extend here, nowhere else.
HEAD_CLASSES = {
    "troop": "troops", "personnel": "troops", "soldier": "troops", "servicemember": "troops",
    "servicemen": "troops", "serviceman": "troops", "sailor": "troops", "marine": "troops",
    "people": "people", "person": "people", "individual": "people", "resident": "people",
    "fatality": "people", "victim": "people", "casualty": "people",
    "death": "people", "dead": "people", "body": "people", "life": "people",
    "projectile": "projectile", "home": "houses", "house": "houses", "building": "buildings",
    "structure": "buildings", "vote": "votes", "ballot": "votes", "seat": "seats",
    "other": "people", "employee": "staff", "worker": "staff", "job": "jobs", "staff": "staff",
}
# "service members", "military personnel": two words that make one head.
HEAD_PAIRS = {("service", "member"): "troops", ("military", "member"): "troops",
              ("army", "member"): "troops", ("crew", "member"): "crew"}

# Role words, matched on the start of a lower-case word. Order matters only for the
# reader: the first role word after the number wins.
ROLES = (
    ("killed", ("kill", "dead", "died", "dies", "die ", "die.", "die,", "death", "fatal",
                "perish", "slain", "lives")),
    ("injured", ("injur", "wound", "hurt", "hospitali", "concuss", "tbi", "trauma",
                 "casualt")),
    ("missing", ("missing", "unaccounted")),
    ("evacuated", ("evacuat", "airlift", "displac", "fled", "homeless", "rescued")),
    ("arrested", ("arrest", "detain", "charged")),
    ("intercepted", ("intercept", "shot down", "downed")),
    ("launched", ("launch", "fired", "fire ", "target", "barrage")),
    ("hit", ("hit", "struck", "impact", "landed", "destroy", "damag")),
    ("voted", ("vote", "ballot")),
    ("raised", ("raise", "fund")),
    ("cut", ("cut", "laid off", "layoff", "lay off", "sack")),
)
# Roles that only people have: a bare number in such a role counts people.
PEOPLE_ROLES = frozenset({"killed", "injured", "missing", "evacuated", "arrested"})
# How far a role word may sit from its number, in words.
ROLE_AFTER = 12
ROLE_BEFORE = 5

# Demonyms and short forms folded to one qualifier.
QUALIFIERS = {"united states": "us", "united kingdom": "uk", "us": "us", "u.s.": "us",
              "usa": "us", "american": "us", "america": "us",
              "uk": "uk", "u.k.": "uk", "british": "uk", "britain": "uk", "english": "uk",
              "dutch": "netherlands", "french": "france", "swiss": "switzerland",
              "australian": "australia", "austrian": "austria"}

# A running total or a past episode, not the day's count.
CUMULATIVE = re.compile(
    r"\b(?:since|so far|to date|in total|in all|altogether|cumulative|this year|"
    r"over the (?:past|last)|in recent|in (?:the )?previous|in (?:the )?past|"
    r"in (?:\w+ ){0,2}(?:attacks|strikes|raids|incidents|clashes|floods|storms|"
    r"quakes|earthquakes)\b)", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")

# Event words a date can date, by class. "statement" dates say when something was
# said; they are never joined across groups (two officials speak on different days).
EVENTS = {
    "attack": ("attack", "assault", "bombing", "barrage", "shelling", "raid", "ambush",
               "launched", "fired", "targeted", "targeting", "blast", "explosion"),
    "strike": ("strike", "airstrike", "air strike"),
    "quake": ("earthquake", "quake", "tremor", "aftershock"),
    "flood": ("flood", "flooding", "storm", "hurricane", "cyclone", "typhoon", "landslide"),
    "fire": ("fire", "wildfire", "blaze"),
    "crash": ("crash", "collision", "derailment", "derailed", "collapse", "collapsed"),
    "election": ("election", "vote", "poll", "referendum", "ballot", "runoff"),
    "meeting": ("meeting", "summit", "talks", "met", "conference"),
    "result": ("results", "earnings", "quarter", "report"),
    "deal": ("deal", "agreement", "signed", "merger", "acquisition"),
    "court": ("verdict", "sentenced", "ruling", "trial", "convicted", "charged"),
    "death": ("died", "killed", "death", "hit", "struck"),
    "arrest": ("arrested", "detained"),
    "resignation": ("resigned", "resignation", "stepped down"),
    "statement": ("said", "says", "told", "announced", "stated", "added", "reported",
                  "described", "wrote", "posted", "confirmed", "claimed", "tweeted",
                  "statement", "press release"),
}
# Verbs name an event less surely than nouns: "flash floods killed 23 on Friday" dates the
# floods, not a death; a verb is the event only when no event noun is in the sentence.
EVENT_VERBS = frozenset("""
launched fired targeted targeting hit struck died killed signed met sentenced convicted
charged arrested detained resigned
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
# Dates of one kind of event this many days apart or fewer are taken for one event.
NEXT_DAY = 1
# Explicit dates more than this many years from the dateline are background history.
HISTORY_YEARS = 1

_OF_NOUN = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|all)\s+)?"
                      r"(?!(?:the|its|their|his|her|all)\b)([A-Za-z]+)")
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")
_SUBJECT_SKIP = PHRASE_STOP | frozenset("""
up down by rose rise rises fell fall falls climbed jumped dropped grew was were is are be
reached stood stands totaled totalled total worth valued estimated about some roughly nearly
percent per cent which it its their his her billion million thousand trillion bn and or
""".split()) | WEEKDAYS_AND_MONTHS
# Where the words that may hold a number's role stop: another clause, or an attribution
# ("employs 18,000 people, said it would cut 1,200 jobs": the cut is not the 18,000's).
_CLAUSE_END = re.compile(r"[;:]|\s[–—-]\s|\b(?:said|says|told|according)\b")
# A period right after a figure: "in March", "in the first quarter", "in 2023", "a year earlier".
_PERIOD = re.compile(
    r"\s+(?P<period>(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth|final|last)"
    r"\s+(?:quarter|half)|Q[1-4]|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|(?:19|20)\d\d)|(?:a|one|the)\s+year\s+(?:earlier|before|ago))"
    r"\b", re.IGNORECASE)
_TOLL = re.compile(r"\b(?:death|casualty|fatality)\s+toll\b[^.;]*$", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,.]*")
_PLACE = re.compile(
    r"\s+(?:in|across|throughout|near|outside|inside|around)\s+(?:the\s+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"
    r"(?P<place>[A-Z][\w']+(?:\s+[A-Z][\w']+)*)(?![\w-])")
# What is not a count of things: durations and frequencies ("two years", "several occasions").
NOT_COUNTED = frozenset(stem(w) for w in """
year month week day hour minute second decade century time times occasion way side hand
""".split())


@dataclass(frozen=True, slots=True)
class QuantityClaim:
    """A quantity mention and the key it is matched on."""

    mention: Mention
    kind: str
    interval: Interval
    what: str
    role: str | None
    nation: frozenset[str]
    place: str | None
    scope: str | None
    currency: str | None
    group: int | None
    label: str
    phrase: str = ""  # the counted words as written: "ballistic missiles and rockets"

    @property
    def key(self) -> tuple[object, ...] | None:
        """The cross-group key; None when too little is known to match safely."""
        if not self.what or not (self.role or self.place or self.kind != "count"):
            return None
        return (self.kind, self.what, self.role, self.nation, self.place, self.scope,
                self.currency)


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


def quantity_claims(article: Article, passage: Passage, group: int | None
                    ) -> list[QuantityClaim]:
    """The passage's quantities, each with what it counts, its role and its scope."""
    text = passage.text
    quantities = find_quantities(text)
    if not quantities:
        return []
    base = article.section_date(passage.start)
    scope = _scope(text, base.year if base else None)
    claims: list[QuantityClaim] = []
    previous: QuantityClaim | None = None
    for n, q in enumerate(quantities):
        limit = quantities[n + 1].start if n + 1 < len(quantities) else len(text)
        what = _what(q, text[q.number_end:q.end])
        subject = _subject(text, q) if q.kind in ("money", "percent") else ""
        if subject:
            what = subject
        if q.kind == "count" and q.heads and q.heads <= NOT_COUNTED:
            continue
        nation = _qualifiers(text[q.number_end:q.end])
        if not what and previous is not None and q.kind == previous.kind:
            what, nation = previous.what, previous.nation  # "2,500 troops in Iraq and 900 in Syria"
        place_match = _PLACE.match(text, q.end)
        place = _fold(place_match.group("place")) if place_match else None
        period = _PERIOD.match(text, q.end)
        claim_scope = scope
        if period:  # "3.2% in March from 2.9% in February": two months, two facts
            claim_scope = (scope or "") + " " + period.group("period").lower()
        role = _role(text, q, limit) if q.kind != "measure" else None
        head_role = _first_role(" ".join(q.head)) if q.kind == "count" and q.head else None
        if head_role and (len(q.head) == 1 or what in ("people", "death")):
            # "12 dead and 50 injured", "40 deaths": the counted word says the role
            role, what = head_role, "people"
        if not what and q.kind == "count" and role in PEOPLE_ROLES:
            what = "people"  # "the death toll rose to 31", "kill 23": people, unsaid
        phrase = text[q.number_end:q.end].strip() or subject or (
            previous.phrase if previous else "") or what
        label = phrase + (f" in {place_match.group('place')}" if place_match else "") + (
            f" — {role}" if role else "")
        value = q.interval.as_value()
        if q.currency:
            value["currency"] = q.currency
        if q.kind == "percent":
            value["unit"] = "%"
        mention = Mention(q.kind, passage.article, passage.index, passage.start + q.start,
                          passage.start + q.end, q.text, value, label or q.kind)
        claim = QuantityClaim(mention, q.kind, q.interval, what, role, nation, place,
                              claim_scope, q.currency, group, label or q.kind, phrase)
        claims.append(claim)
        previous = claim
    return _apart(claims)


def _apart(claims: list[QuantityClaim]) -> list[QuantityClaim]:
    """One sentence never gives two values for one fact: a second figure with the same
    key ("rose to 3.2% from 2.9%") is another fact, so its key is made its own."""
    seen: dict[tuple[object, ...], int] = {}
    out: list[QuantityClaim] = []
    for c in claims:
        key = c.key
        if key is not None and key in seen and not c.interval.same(
                claims[seen[key]].interval):
            c = dataclasses.replace(c, scope=f"{c.scope or ''} #{len(out)}")
        elif key is not None:
            seen[key] = len(out)
        out.append(c)
    return out


def _subject(text: str, q: Quantity) -> str:
    """What a sum or a percentage is of: "revenue of $4.2 billion", "turnout was 61 percent",
    "52% of the vote"; the nearest content word before it, else the noun after "of"."""
    after = _OF_NOUN.match(text, q.end)
    if after and q.kind == "percent":
        return stem(after.group(1).lower())
    for word in reversed(_WORDS_BEFORE.findall(text, max(0, q.start - 60), q.start)[-6:]):
        low = word.lower()
        if low in _SUBJECT_SKIP or low.endswith("ed") or low in VERB_STOP:
            continue
        return stem(low)
    return stem(after.group(1).lower()) if after else ""


def _what(q: Quantity, phrase: str) -> str:
    if q.kind == "measure":
        return q.head[0]
    if q.kind != "count":
        return " ".join(q.head[-2:]) if q.head else q.kind
    if not q.heads:
        return ""
    classes = set()
    for h in q.heads:
        pair = None
        if h in q.head:
            i = q.head.index(h)
            if i > 0:
                pair = HEAD_PAIRS.get((q.head[i - 1], h))
        demonym = re.search(r"\b" + re.escape(h[:1].upper() + h[1:]), phrase) is not None
        classes.add(pair or HEAD_CLASSES.get(h) or ("people" if demonym else h))
    return "+".join(sorted(classes))


def _qualifiers(phrase: str) -> frozenset[str]:
    """Proper nouns in a counted phrase, folded: "U.S." and "American" are both "us"."""
    out = set()
    for run in re.findall(r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)*", phrase):
        whole = run.lower().rstrip(".")
        if whole in QUALIFIERS:
            out.add(QUALIFIERS[whole])
            continue
        for token in run.split():
            out.add(_fold(token))
    return frozenset(out)


def _fold(word: str) -> str:
    low = word.lower().strip(".,;:").replace("’", "'")
    low = re.sub(r"'s$", "", low)
    if low in QUALIFIERS:
        return QUALIFIERS[low]
    if low.replace(".", "") in QUALIFIERS:
        return QUALIFIERS[low.replace(".", "")]
    for suffix, size in (("ians", 4), ("ian", 3), ("is", 2), ("i", 1), ("ese", 3), ("ish", 3),
                         ("ans", 3), ("an", 2)):
        if low.endswith(suffix) and len(low) - size >= 4:
            low = low[:-size]
            break
    return low[:5]


def _role(text: str, q: Quantity, limit: int) -> str | None:
    """The role word after the number, unless a verb right before it governs it
    ("the crash killed 12 passengers and injured 40")."""
    if _TOLL.search(text, max(0, q.start - 90), q.start):
        return "killed"  # "the death toll from Friday's floods rose to 31"
    right_before = text[:q.start].lower().split()[-2:]
    found = _first_role(" ".join(right_before), last=True) if right_before else None
    if found and right_before[-1] not in ("and", "or", "but"):
        return found
    after = text[q.end:limit]
    after = _CLAUSE_END.split(after)[0]
    words = after.lower().split()[:ROLE_AFTER]
    found = _first_role(" ".join(words))
    if found:
        return found
    before = text[:q.start].lower().split()[-ROLE_BEFORE:]
    return _first_role(" ".join(before), last=True)


def _first_role(text: str, last: bool = False) -> str | None:
    """The role of the first (or last) role word in ``text``."""
    matches = list(_ROLE_RE.finditer(text)) if last else [m for m in [_ROLE_RE.search(text)] if m]
    if not matches:
        return None
    return _ROLE_OF[matches[-1].group(1)]


_ROLE_OF = {prefix: role for role, prefixes in ROLES for prefix in prefixes}
_ROLE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(_ROLE_OF, key=len,
                                                                     reverse=True)) + ")")


def _scope(text: str, year: int | None) -> str | None:
    m = CUMULATIVE.search(text)
    if m:
        return "running total"
    if year is not None:
        for y in _YEAR.findall(text):
            if abs(int(y) - year) > HISTORY_YEARS:
                return f"in {y}"
    return None


def date_claims(article: Article, passage: Passage, group: int | None) -> list[DateClaim]:
    """The passage's dates and clock times, each with the event it dates."""
    text = passage.text
    base = article.section_date(passage.start)
    found: list[DateMention | TimeMention] = [*find_dates(text, base), *find_times(text)]
    whens = [w for w in found
             if not (w.start < DATELINE_REACH and _DATELINE_END.match(text, w.end))]
    if not whens:
        return []
    events = _events(text)
    context: frozenset[str] | None = None
    nearest = [_nearest_event(events, w.start, w.end, text) for w in whens]
    # One sentence never gives two days for one event: "conceded on Wednesday after
    # Tuesday's election" dates the election Tuesday; Wednesday dates something else.
    for i, w in enumerate(whens):
        mine = nearest[i]
        for j, v in enumerate(whens):
            other = nearest[j]
            if i != j and mine and other and mine[0] == other[0] and type(w) is type(v) \
                    and _differ(w, v) and other[1] < mine[1]:
                nearest[i] = None
                break
    claims = []
    for w, near in zip(whens, nearest, strict=True):
        event = near[0] if near else None
        history = isinstance(w, DateMention) and w.explicit_year and base is not None and \
            w.first is not None and abs(w.first.year - base.year) > HISTORY_YEARS
        # "since October 7", "until March": a reference point, not the day of the event
        history = history or re.search(r"\b(?:since|until|till|before|after)\s+(?:the\s+)?$",
                                       text[max(0, w.start - 14):w.start], re.IGNORECASE) is not None
        history = history or bool(re.search(r"\b(?:another|previous|prior|earlier)\s+"
                                            r"(?:\w+\s+)?(?:attack|strike|quake|flood|election)",
                                            text, re.IGNORECASE))
        kind = "date" if isinstance(w, DateMention) else "time"
        label = f"{'day' if kind == 'date' else 'time'} of the {event}" if event and \
            event != "statement" else ("date" if kind == "date" else "time")
        mention = Mention(kind, passage.article, passage.index, passage.start + w.start,
                          passage.start + w.end, w.text, w.value(), label)
        if context is None and event and event != "statement" and not history:
            context = _context(text)  # only dates that may be matched across groups need it
        claims.append(DateClaim(mention, kind, w, event, context or frozenset(), history, group,
                                label))
    return claims


def _differ(a: DateMention | TimeMention, b: DateMention | TimeMention) -> bool:
    if isinstance(a, DateMention) and isinstance(b, DateMention):
        return a.conflicts_with(b)
    return isinstance(a, TimeMention) and isinstance(b, TimeMention) and a.minutes != b.minutes


def date_key(claim: DateClaim) -> tuple[str, str, str] | None:
    """Dates of one kind of event at one precision may be one fact; statements never."""
    if claim.event is None or claim.event == "statement" or claim.history:
        return None
    precision = claim.when.precision if isinstance(claim.when, DateMention) else "time"
    return (claim.kind, claim.event, precision)


def similar_context(a: DateClaim, b: DateClaim) -> float:
    """How alike two dated events are: 1 when they fall on one day or on days next to
    each other (one kind of event, one story: the same event, or the classic
    late-night or time-zone discrepancy), else the share of the smaller
    description's words found in the other (a wrong year or month needs words)."""
    if a.history or b.history:
        return 0.0
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
    for m in _EVENT_RE.finditer(low):
        if low.startswith(" toll", m.end()):
            continue  # "the death toll rose on Sunday": a count's date, not a death's
        event = _EVENT_OF[m.group(1)]
        plural = m.group(2) is not None and event in SERIES_EVENTS
        found.append((m.start(), m.end(), event + ("s" if plural else ""),
                      m.group(1).strip() in EVENT_VERBS))
    return tuple(found)


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
        gap = float(start - pos_end if pos < start else pos - end)
        if event == "statement":
            if pos >= end and re.search(r"[,)]", text[end:pos]):
                continue  # "hit the base on Saturday, said officials": attribution
            gap = gap * STATEMENT_DISTANCE + 1
        if best is None or gap < best[0]:
            best = (gap, event)
    return (best[1], best[0]) if best else None


@lru_cache(maxsize=8192)
def _context(text: str) -> frozenset[str]:
    """The words that tell one event from another: content stems, no dates or generic words."""
    words = set()
    for w in content_words(text):
        if w in GENERIC or w in STOPWORDS or w in _DATE_WORDS:
            continue
        words.add(re.sub(r"(.)\1+", r"\1", w))
    return frozenset(words)


_DATE_WORDS = frozenset(stem(w) for w in """
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept
oct nov dec today yesterday tomorrow morning evening night afternoon earlier later last
next time week month year
""".split())
