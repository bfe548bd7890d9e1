"""What happened to what a number counts: its role (killed, injured, launched, cut…).

The role is found in the words after the number, else just before it ("killing 12"),
else in a past-tense verb governing it ("derailed 20 wagons"); "seriously injured" is a
role of its own (a part of the injured, not another figure for them).
"""

from __future__ import annotations

import re

from .numbers import PHRASE_STOP, VERB_STOP, Quantity
from ..words import stem


# Role words, matched on the start of a lower-case word. Order matters only for the
# reader: the first role word after the number wins.
ROLES = (
    ("killed", ("kill", "dead", "died", "dies", "die ", "die.", "die,", "death", "fatal",
                "perish", "slain", "lives")),
    ("injured", ("injur", "wound", "hurt", "hospitali", "in hospital", "to hospital",
                 "to the hospital", "to a hospital", "to local hospital", "concuss", "tbi",
                 "trauma", "casualt")),
    ("missing", ("missing", "unaccounted")),
    ("evacuated", ("evacuat", "airlift", "displac", "fled", "homeless", "rescued")),
    ("arrested", ("arrest", "detain", "charged")),
    ("convicted", ("convict", "found guilty")),
    ("intercepted", ("intercept", "shot down", "downed")),
    ("launched", ("launch", "fired", "fire ", "target", "barrage")),
    ("hit", ("hit", "struck", "impact", "landed", "destroy", "damag")),
    ("voted", ("vote", "ballot")),
    ("raised", ("raise", "fund")),
    ("cut", ("cut", "laid off", "layoff", "lay off", "sack")),
)


# Roles that only people have: a bare number in such a role counts people.
PEOPLE_ROLES = frozenset({"killed", "injured", "missing", "evacuated", "arrested",
                          "injured seriously"})


# How badly people were hurt: "300 were seriously injured" is a part of "600 injured", not
# another figure for it, so a stated severity makes its own role. "Minor injuries" is not:
# writers use it of the whole count ("all 40 suffered minor injuries").
SEVERE = re.compile(r"\b(?:serious(?:ly)?|critical(?:ly)?|severe(?:ly)?|grave(?:ly)?|"
                    r"life-threatening|intensive care)\b", re.IGNORECASE)


SEVERITY_WORDS = 8  # how far after a number (in words) its severity may be told


# How far a role word may sit from its number, in words.
ROLE_AFTER = 12


ROLE_BEFORE = 5


# Where the words that may hold a number's role stop: another clause, or an attribution
# ("employs 18,000 people, said it would cut 1,200 jobs": the cut is not the 18,000's).
_CLAUSE_END = re.compile(r"[;:]|\s[–—-]\s|\b(?:said|says|told|according)\b")


_VERB_BEFORE = re.compile(r"\b([a-z]+ed)\s+(?:(?:about|around|some|nearly|almost|at least|"
                          r"more than|over|up to|roughly)\s+)?$")


_VERB_AFTER = re.compile(r"(?:\s*,[^,.;]{1,60},)?\s+(?:had\s+|have\s+|has\s+)?([a-z]+)\b")


# Past tenses that report or hedge a figure rather than say what happened to the counted.
NOT_ROLE_VERBS = frozenset("""
reported estimated included counted numbered totaled totalled totaling needed used listed
involved affected recorded registered confirmed expected planned announced added based
called named aged owned
""".split())


_TOLL = re.compile(r"\b(?:death|casualty|fatality)\s+toll\b[^.;]*$", re.IGNORECASE)


def severity(text: str, q: Quantity, limit: int) -> str | None:
    """ "injured seriously" when the sentence says the counted people were badly hurt,
    right around the number."""
    after = " ".join(_CLAUSE_END.split(text[q.end:limit])[0].split()[:SEVERITY_WORDS])
    near = " ".join(text[:q.start].split()[-2:]) + " " + text[q.number_end:q.end] + " " + after
    if SEVERE.search(near) and not re.search(r"\bnot (?:seriously|critically|life)", near):
        return "injured seriously"
    return None


def verb_before(text: str, q: Quantity) -> str | None:
    """A past-tense verb right before the figure, as its role when no role word is known:
    "derailed 20 freight wagons" and "derailed 12 of the wagons" are one fact."""
    m = _VERB_BEFORE.search(text, max(0, q.start - 20), q.start)
    if m is None:
        return None
    verb = m.group(1).lower()
    if verb in NOT_ROLE_VERBS or len(verb) <= 4:
        return None
    return stem(verb)


def verb_after(text: str, q: Quantity) -> str | None:
    """The verb a counted subject does, when no role word is known: "About 230,000
    customers lost money" and "Some 230,000 customers, including 9,000 in Britain, lost
    money" are one fact. A short aside between commas is stepped over."""
    if not q.head:
        return None
    m = _VERB_AFTER.match(text, q.end)
    if m is None:
        return None
    verb = m.group(1).lower()
    if verb in NOT_ROLE_VERBS or verb in PHRASE_STOP or not (
            verb in VERB_STOP or (verb.endswith("ed") and len(verb) > 4)):
        return None
    return stem(verb)


def role_of(text: str, q: Quantity, limit: int) -> str | None:
    """The role word after the number, unless a verb right before it governs it
    ("the crash killed 12 passengers and injured 40")."""
    if _TOLL.search(text, max(0, q.start - 90), q.start):
        return "killed"  # "the death toll from Friday's floods rose to 31"
    right_before = text[:q.start].lower().split()[-2:]
    found = first_role(" ".join(right_before), last=True) if right_before else None
    if found and right_before[-1] not in ("and", "or", "but"):
        return found
    after = text[q.end:limit]
    after = _CLAUSE_END.split(after)[0]
    words = after.lower().split()[:ROLE_AFTER]
    found = first_role(" ".join(words))
    if found:
        return found
    before = text[:q.start].lower().split()[-ROLE_BEFORE:]
    return first_role(" ".join(before), last=True)


def first_role(text: str, last: bool = False) -> str | None:
    """The role of the first (or last) role word in ``text``."""
    matches = list(_ROLE_RE.finditer(text)) if last else [m for m in [_ROLE_RE.search(text)] if m]
    if not matches:
        return None
    return _ROLE_OF[matches[-1].group(1)]


_ROLE_OF = {prefix: role for role, prefixes in ROLES for prefix in prefixes}


_ROLE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(_ROLE_OF, key=len,
                                                                     reverse=True)) + ")")
