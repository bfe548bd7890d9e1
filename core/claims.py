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

import re
from dataclasses import dataclass

from .align import STOPWORDS, content_words, stem
from .dates import DateMention, TimeMention, find_dates, find_times
from .model import Article, Mention, Passage
from .numbers import Interval, Quantity, find_quantities

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
    "employee": "staff", "worker": "staff", "job": "jobs", "staff": "staff",
}
# "service members", "military personnel": two words that make one head.
HEAD_PAIRS = {("service", "member"): "troops", ("military", "member"): "troops",
              ("army", "member"): "troops", ("crew", "member"): "crew"}

# Role words, matched on the start of a lower-case word. Order matters only for the
# reader: the first role word after the number wins.
ROLES = (
    ("killed", ("kill", "dead", "died", "die", "death", "fatal", "perish", "slain", "lives")),
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
               "launched", "fired", "targeted", "targeting", "hit", "struck", "blast",
               "explosion"),
    "strike": ("strike", "airstrike", "air strike"),
    "quake": ("earthquake", "quake", "tremor", "aftershock"),
    "flood": ("flood", "flooding", "storm", "hurricane", "cyclone", "typhoon", "landslide"),
    "fire": ("fire", "wildfire", "blaze"),
    "crash": ("crash", "collision", "derail", "collapse"),
    "election": ("election", "vote", "poll", "referendum", "ballot", "runoff"),
    "meeting": ("meeting", "summit", "talks", "met ", "conference"),
    "result": ("results", "earnings", "quarter", "report"),
    "deal": ("deal", "agreement", "signed", "merger", "acquisition"),
    "court": ("verdict", "sentenced", "ruling", "trial", "convicted", "charged"),
    "death": ("died", "killed", "death", "dead"),
    "arrest": ("arrested", "detained"),
    "resignation": ("resigned", "resignation", "stepped down"),
    "statement": ("said", "says", "told", "announced", "stated", "added", "reported",
                  "described", "wrote", "posted", "confirmed", "claimed", "tweeted",
                  "statement", "press release"),
}
# Words too common in news to tell two events apart.
GENERIC = frozenset(stem(w) for w in """
said says told according official officials report reported statement claim claimed
responsibility news agency government people time day week also new latest
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
# Explicit dates more than this many years from the dateline are background history.
HISTORY_YEARS = 1

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,.]*")
_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w']+(?:\s+[A-Z][\w']+)*)(?![\w-])")
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
        if not self.what or not (self.role or self.place):
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
        if q.kind == "count" and q.heads and q.heads <= NOT_COUNTED:
            continue
        nation = _qualifiers(text[q.number_end:q.end])
        if not what and previous is not None and q.kind == previous.kind:
            what, nation = previous.what, previous.nation  # "2,500 troops in Iraq and 900 in Syria"
        place_match = _PLACE.match(text, q.end)
        place = _fold(place_match.group("place")) if place_match else None
        role = _role(text, q, limit)
        phrase = text[q.number_end:q.end].strip() or (previous.phrase if previous else "")
        label = phrase + (f" in {place_match.group('place')}" if place_match else "") + (
            f" — {role}" if role else "")
        value = q.interval.as_value()
        if q.currency:
            value["currency"] = q.currency
        if q.kind == "percent":
            value["unit"] = "%"
        mention = Mention(q.kind, passage.article, passage.index, passage.start + q.start,
                          passage.start + q.end, q.text, value, label or q.kind)
        claim = QuantityClaim(mention, q.kind, q.interval, what, role, nation, place, scope,
                              q.currency, group, label or q.kind, phrase)
        claims.append(claim)
        previous = claim
    return claims


def _what(q: Quantity, phrase: str) -> str:
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
    right_before = text[:q.start].lower().split()[-2:]
    found = _first_role(" ".join(right_before), last=True) if right_before else None
    if found and right_before[-1] not in ("and", "or", "but"):
        return found
    after = text[q.end:limit]
    after = re.split(r"[;:]|\s[–—-]\s", after)[0]
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
    whens: list[DateMention | TimeMention] = [*find_dates(text, base), *find_times(text)]
    if not whens:
        return []
    events = _events(text)
    context: frozenset[str] | None = None
    claims = []
    for w in whens:
        event = _nearest_event(events, w.start, w.end, text)
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


def date_key(claim: DateClaim) -> tuple[str, str, str] | None:
    """Dates of one kind of event at one precision may be one fact; statements never."""
    if claim.event is None or claim.event == "statement" or claim.history:
        return None
    precision = claim.when.precision if isinstance(claim.when, DateMention) else "time"
    return (claim.kind, claim.event, precision)


def similar_context(a: DateClaim, b: DateClaim) -> float:
    """How alike two dated events are told: the share of the smaller's words in the other."""
    if a.history or b.history or not a.context or not b.context:
        return 0.0
    return len(a.context & b.context) / min(len(a.context), len(b.context))


def _events(text: str) -> list[tuple[int, int, str]]:
    """Event words with their spans; a plural noun ("attacks") is a series, kept apart."""
    found = []
    for m in _EVENT_RE.finditer(text.lower()):
        event = _EVENT_OF[m.group(1)]
        plural = m.group(2) is not None and event != "statement"
        found.append((m.start(), m.end(), event + ("s" if plural else "")))
    return found


_EVENT_OF = {word: event for event, words in EVENTS.items() for word in words}
_EVENT_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(_EVENT_OF, key=len,
                                                                      reverse=True))
                       + r")(s\b)?")


def _nearest_event(events: list[tuple[int, int, str]], start: int, end: int,
                   text: str = "") -> str | None:
    """The event word nearest the date; "said" counts as farther, since a sentence that
    dates an attack usually also says who reported it."""
    best: tuple[float, str] | None = None
    for pos, pos_end, event in events:
        gap = float(start - pos_end if pos < start else pos - end)
        if event == "statement":
            if pos >= end and re.search(r"[,)]", text[end:pos]):
                continue  # "hit the base on Saturday, said officials": attribution
            gap = gap * STATEMENT_DISTANCE + 1
        if best is None or gap < best[0]:
            best = (gap, event)
    return best[1] if best else None


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
