"""What a number counts: the head noun of the counted phrase, with synonyms folded
("personnel", "troops", "service members" are all troops); what a sum is of or was spent
on ("a $43,350 gold-plated men's Rolex watch", "$5,687.75 at the Grand Hotel"); what a
share is of; and the proper nouns that qualify it ("U.S.", "Iraqi"), folded.
"""

from __future__ import annotations

import re

from .numbers import PHRASE_STOP, VERB_STOP, WEEKDAYS_AND_MONTHS, Quantity
from .roles import first_role
from ..words import stem


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
    "position": "jobs", "post": "jobs", "mandate": "seats",
}


# What a sum is, folded: "to save $400 million" and "a saving programme worth $400 million"
# are the same savings. Looked for among the few words before a sum before anything else.
MONEY_CLASSES = {"save": "savings", "saving": "savings", "revenue": "revenue",
                 "sale": "revenue", "turnover": "revenue", "fine": "fine", "penalty": "fine",
                 "dividend": "dividend", "buyback": "buyback", "repurchase": "buyback",
                 "forfeiture": "forfeiture", "forfeit": "forfeiture",
                 "income": "profit", "earning": "profit", "profit": "profit",
                 "charge": "charge", "hit": "charge", "writedown": "charge",
                 "write-down": "charge"}


MONEY_CLASS_NAMES = frozenset(MONEY_CLASSES.values())


# "service members", "military personnel": two words that make one head.
HEAD_PAIRS = {("service", "member"): "troops", ("military", "member"): "troops",
              ("army", "member"): "troops", ("crew", "member"): "crew",
              ("light", "year"): "light-year"}


SCALE_WORDS = frozenset({"million", "billion", "trillion", "thousand", "bn", "m", "k"})


# Demonyms and short forms folded to one qualifier.
QUALIFIERS = {"united states": "us", "united kingdom": "uk", "us": "us", "u.s.": "us",
              "usa": "us", "american": "us", "america": "us",
              "uk": "uk", "u.k.": "uk", "british": "uk", "britain": "uk", "english": "uk",
              "dutch": "netherlands", "french": "france", "swiss": "switzerland",
              "australian": "australia", "austrian": "austria"}


_OF_NOUN = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|all)\s+)?"
                      r"(?!(?:the|its|their|his|her|all)\b)([A-Za-z]+)")


_WORDS_BEFORE = re.compile(r"[A-Za-z]+")


_SUBJECT_SKIP = PHRASE_STOP | frozenset("""
up down by rose rise rises fell fall falls climbed jumped dropped grew was were is are be
reached stood stands totaled totalled total worth valued estimated about some roughly nearly
percent per cent which it its their his her billion million thousand trillion bn and or
she he they we you i whopping staggering entire full whole mere massive huge hefty record
additional extra further initial just only nearly almost
""".split()) | WEEKDAYS_AND_MONTHS


# A figure that completes its sentence's subject: "… has climbed to 56", "… stood at 31".
_COMPLEMENT = re.compile(r"\b(?:to|at|reached|hit|was|is|of|now)\s+$", re.IGNORECASE)


_NUMBER_OF = re.compile(r"\b(?:number|total|tally|count)\s+of\s+(?:the\s+)?([A-Za-z]+)",
                        re.IGNORECASE)


TOLD_BEFORE_CHARS = 160


def told_before(text: str, q: Quantity) -> tuple[str, str | None] | None:
    """What a bare figure counts when the sentence named it first: "the number of people
    killed by the storm has climbed to 56", "the tally of arrests reached 40"."""
    if not _COMPLEMENT.search(text, max(0, q.start - 12), q.start):
        return None
    window_start = max(0, q.start - TOLD_BEFORE_CHARS)
    clause = re.split(r"[.;:!?]\s", text[window_start:q.start])[-1]
    found = list(_NUMBER_OF.finditer(clause))
    if not found:
        return None
    m = found[-1]
    noun = stem(m.group(1).lower())
    what = HEAD_CLASSES.get(noun, noun)
    role = first_role(clause[m.end():].lower()) or first_role(m.group(1).lower())
    if what in NOT_COUNTED:
        return None
    return what, role


def subject_of(text: str, q: Quantity) -> str:
    """What a sum or a percentage is of: "revenue of $4.2 billion", "turnout was 61 percent",
    "52% of the vote"; the nearest content word before it, else the noun after "of"."""
    after = _OF_NOUN.match(text, q.end)
    if after and q.kind == "percent":
        return stem(after.group(1).lower())
    before = _WORDS_BEFORE.findall(text, max(0, q.start - 60), q.start)[-6:]
    if q.kind == "money":
        for n in range(len(before) - 1, -1, -1):
            name = MONEY_CLASSES.get(stem(before[n].lower()))
            if name:
                return _profit_measure(before[max(0, n - 2):n], name)
    for n in range(len(before) - 1, -1, -1):
        low = before[n].lower()
        if low in _SUBJECT_SKIP or low.endswith("ed") or low in VERB_STOP:
            continue
        if stem(low) == "rate" and q.kind == "percent":
            return _rate_name(before[:n])
        return stem(low)
    return stem(after.group(1).lower()) if after else ""


# Measures of profit that are different figures of one quarter: "net income came in at $612
# million" is not "adjusted operating profit fell to $2.31 billion".
PROFIT_MEASURES = {"net": "net", "operating": "operating", "gross": "gross", "pre-tax": "pre-tax",
                   "pretax": "pre-tax", "before-tax": "pre-tax"}


def _profit_measure(words: list[str], name: str) -> str:
    """ "net profit", "operating profit": the measure named right before a profit word."""
    if name != "profit":
        return name
    for word in reversed(words):
        measure = PROFIT_MEASURES.get(word.lower())
        if measure:
            return f"{measure} profit"
    return name


def measure_free(what: str) -> str:
    """ "net profit" -> "profit" (what :func:`_profit_measure` named): a plain "profit" may be
    any measure of it."""
    measure, _, rest = what.partition(" ")
    return rest if rest == "profit" and measure in PROFIT_MEASURES.values() else what


# Kinds of a rate that are different figures of one thing: "an effective corporate tax rate of
# 26.1 percent" is not the statutory "corporate tax rate -- down to 21%".
RATE_KINDS = frozenset("effective statutory marginal top base average headline core underlying "
                       "annual annualised annualized monthly quarterly real nominal overall youth "
                       "jobless".split())


def _rate_name(words: list[str]) -> str:
    """ "the unemployment rate", "an effective corporate tax rate": the noun before "rate" and
    any kind of rate among the words before it ("effective tax rate"), else "rate"."""
    noun = ""
    kind = ""
    for word in reversed(words[-4:]):
        low = word.lower()
        if low in RATE_KINDS and not kind:
            kind = low
        elif not noun and low not in _SUBJECT_SKIP and low not in VERB_STOP and low.isalpha() \
                and not word[:1].isupper():
            noun = stem(low)
        if low in ("a", "an", "the", "its", "their", "of", "at", "to", "from", "by"):
            break
    return " ".join(w for w in (kind, noun, "rate") if w)


# The words after a sum that name what it bought: adjectives, possessives, proper nouns and
# nouns up to the head ("a $43,350 gold-plated men's Rolex watch" is a watch).
_NP_WORD = re.compile(r"\s+([A-Za-z][\w'’.-]*)")
NP_WORDS = 6
# "$5,687.75 on/at the Martha's Vineyard Holistic Retreat": the named place or thing a sum
# was spent on says what it is more surely than a noun does.
_NAMED_OBJECT = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:on|at|for)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’-]+)(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]+){1,4})")


def money_object(text: str, q: Quantity) -> str:
    """What a sum was spent on or buys: a named place or thing after "on"/"at"/"for",
    else the head noun of the words right after the sum or after "in"/"on"/"for" ("$750,000
    in campaign money"); "" when neither is written."""
    named = _NAMED_OBJECT.match(text, q.number_end)
    if named:
        words = [fold(w) for w in named.group(1).split() if w not in ("of", "the")]
        return "at " + " ".join(words)
    head = _noun_phrase_head(text, q.number_end)
    if head:
        return MONEY_CLASSES.get(head, head)
    after = _SPENT_ON.match(text, q.number_end)  # "$750,000 in campaign money", "on fur capes"
    if after:
        head = _noun_phrase_head(text, after.end())
        if head in PERIOD_HEADS:
            return ""  # "$1.4 billion in the quarter": when, not what
        return MONEY_WORDS.get(head, MONEY_CLASSES.get(head, head)) if head else ""
    paid_to = _PAID_TO.match(text, q.number_end)
    if paid_to and _PAYING.search(text, max(0, q.start - 40), q.start):
        # "repaid about $60,000 to his campaign" is the sum "repaid the campaign $60,000" says
        return _noun_phrase_head(text, paid_to.end())
    return ""


# "$750,000 in campaign funds / money / cash": one sum of money, whatever it is called.
MONEY_WORDS = {"fund": "money", "cash": "money", "money": "money"}


# A period after a sum says when it was made or spent, not what it is ("in the quarter").
PERIOD_HEADS = frozenset(stem(w) for w in
                         "quarter year month week day half period season decade".split())
# A sum paid to someone is known by whom it was paid to: "repaid $60,000 to his campaign",
# "paid $2 million to the victims' families" (not "paid $5 million to settle": no article).
_PAID_TO = re.compile(r"\s+to\s+(?:the|his|her|its|their|a|an)(?=\s+[a-z])")
_PAYING = re.compile(r"\b(?:(?:re)?pa(?:y|ys|id|ying)|gave|give|gives|lent|lend|lends|donated|"
                     r"donates|transferred|returned|refunded|awarded|owed|owes)\b"
                     r"(?:\s+\S+){0,3}\s*$", re.IGNORECASE)
_SPENT_ON = re.compile(r"\s+(?:in|on|for)(?:\s+(?:the|a|an|their|his|her|its))?(?=\s+[a-z])")


def _noun_phrase_head(text: str, pos: int) -> str:
    """The head noun of the words from ``pos`` (the last before a stop word); "" when none is
    written. Outlets name one sum "the electricity bill", "the bill", "the power bill": the
    head alone keys it."""
    words: list[str] = []
    while len(words) < NP_WORDS:
        m = _NP_WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1).rstrip(".")
        low = word.lower()
        if low in PHRASE_STOP or low in VERB_STOP or low in SCALE_WORDS or low in (
                "and", "or", "off", "out", "back", "away"):
            if words or low not in SCALE_WORDS:
                break
            pos = m.end()
            continue
        if words and ((word[:1].isupper() and words[-1][:1].islower()
                       and not words[-1].endswith(("'s", "’s"))) or (
                low.endswith("ed") and len(low) > 4)):
            break  # "earnings Goldman had", "earnings reinvested abroad": the phrase ended
        words.append(word)
        pos = m.end()
        if word != m.group(1) or text[pos:pos + 1] in ",;:)":
            break
    if not words or words[-1].lower() in ("and", "or"):
        return ""
    head = stem(words[-1].lower().replace("’", "'"))
    return head


def what_of(q: Quantity, phrase: str) -> str:
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
        demonym = re.search(r"\b" + re.escape(h[:1].upper() + h[1:]), phrase) is not None \
            and _DEMONYM_END.search(h) is not None  # "Americans", "Iraqis", "Dreamers", not
        # "700,000 Deferred Action for Childhood Arrivals recipients": a program's name
        classes.add(pair or HEAD_CLASSES.get(h) or ("people" if demonym else h))
    return "+".join(sorted(classes))


def qualifiers(phrase: str) -> frozenset[str]:
    """Proper nouns in a counted phrase, folded: "U.S." and "American" are both "us"."""
    out = set()
    for run in re.findall(r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)*", phrase):
        whole = run.lower().rstrip(".")
        if whole in QUALIFIERS:
            out.add(QUALIFIERS[whole])
            continue
        for token in run.split():
            out.add(fold(token))
    return frozenset(out)


def fold(word: str) -> str:
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


# How a word for people of a place or a group ends (as stemmed heads are: "american",
# "iraqi", "chinese", "dreamer", "democrat").
_DEMONYM_END = re.compile(r"(?:an|ans|is|i|ese|ish|er|ers|ite|ites|at|ats|ist|ists|ic|ics|ch)$")


# What is not a count of things: durations and frequencies ("two years", "several occasions").
NOT_COUNTED = frozenset(stem(w) for w in """
year month week day hour minute second decade century time times occasion way side hand
""".split())
