"""Parts and totals of a toll, read from one passage.

A share of a count told before it ("five of the dead were tourists", "10 of them seriously")
and a count at one hospital are *parts*: :mod:`.claims` gives them a scope of their own so they
are never set against the toll. A toll told in parts ("150 passengers and six crew members")
is also its sum, which agrees with another outlet's "156 people".
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Mention
from ..words import stem
from .numbers import Interval, Quantity

from .quantity_claim import QuantityClaim

# A part of a count told before it: "five of the dead were tourists", "10 of them seriously",
# "four of whom". The whole is itself a toll (or a pronoun for one): the figure is a share of
# it with some further property, never the toll itself.
PART_OF = re.compile(r"\s+of\s+(?:them|whom|those|these|the\s+(?:dead|injured|wounded|victims|"
                      r"casualties|killed|missing|hurt|deceased|fatalities|survivors))\b",
                      re.IGNORECASE)
# A count at one hospital ("taken to St Mary's Hospital", "treated at one hospital"): a part of
# the overall toll, told by whoever spoke for that hospital.
_AT_HOSPITAL = re.compile(r"\b(?:at|to|in)\s+(?:the\s+)?(one|a|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})"
                          r"\s+(?:hospital|clinic|medical\s+cent(?:er|re))\b"
                          r"|\b(?:at|to|in)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?-i:Hospital)\b",
                          re.IGNORECASE)

# Kinds of people a toll is told in parts by: "150 passengers and six crew members",
# "14 residents and two firefighters", "three men, two women and a child".
PEOPLE_NOUNS = frozenset(stem(w) for w in """
people person passengers passenger crew members crew residents resident firefighters firefighter
soldiers soldier troops civilians civilian officers officer police policemen children child
adults adult men man women woman boys girls students student teachers teacher workers worker
employees staff tourists tourist miners miner pilgrims patients villagers migrants refugees
fighters militants attackers guards pilots pilot drivers driver players fans protesters
""".split())
_BARE = re.compile(r"[\d,.]+")
_PART_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)


def sums(claims: list[QuantityClaim], text: str, offset: int) -> list[QuantityClaim]:
    """A toll told in parts ("killed 150 passengers and six crew members") is also told as
    its sum (156 people killed), which matches another outlet's "156 people"; the parts
    become parts (their own scope), never set against the total."""
    out = list(claims)
    run: list[int] = []

    def close() -> None:
        if len(run) < 2:
            return
        parts = [out[n] for n in run]
        roles = {c.role for c in parts} - {None}
        if len(roles) > 1 or not all(c.interval.exact for c in parts):
            return
        total = sum(c.interval.low for c in parts)
        first, last = parts[0].mention, parts[-1].mention
        role = next(iter(roles), None)
        interval = Interval(total, total)
        words = text[first.start - offset:last.end - offset]
        # Parts of one kind sum to that kind ("two American soldiers and three Afghan
        # soldiers": five soldiers); of several kinds, to people.
        whats = {c.what for c in parts}
        what = whats.pop() if len(whats) == 1 else "people"
        label = what + (f" — {role}" if role else "")
        mention = Mention("count", first.article, first.passage, first.start, last.end, words,
                          interval.as_value(), label)
        out.append(dataclasses.replace(parts[0], mention=mention, interval=interval,
                                       what=what, role=role, label=label, phrase=words))
        for n in run:
            out[n] = dataclasses.replace(out[n], scope=f"{out[n].scope or ''} part")

    for n, c in enumerate(claims):
        people = c.kind == "count" and (c.what == "people" or any(
            stem(w.lower()) in PEOPLE_NOUNS for w in c.phrase.split()[-2:]))
        if people and n > 0 and _BARE.fullmatch(c.mention.text):
            people = False  # "men between the ages of 18 and 35": a second bare figure names
            # nothing it counts, so it is no part of a toll ("150 passengers and six crew")
        joined = bool(run) and _PART_JOIN.fullmatch(
            text[claims[run[-1]].mention.end - offset:c.mention.start - offset]) is not None
        if people and (not run or joined):
            run.append(n)
            continue
        close()
        run = [n] if people else []
    close()
    return out


def at_one_hospital(text: str, q: Quantity, limit: int) -> bool:
    """The count's own clause says it is at (or taken to) one hospital."""
    end = min(limit, len(text))
    stop = re.search(r"[;.]\s|,\s+(?:while|and|but)\s", text[q.end:end])
    clause = text[q.end:q.end + stop.start()] if stop else text[q.end:end]
    return _AT_HOSPITAL.search(clause) is not None


# Ordinals that count something a story can get wrong: "an eighth term as leader", "for the
# third time", "a fifth straight title". Only these nouns: "the second round" and "the third
# quarter" are other events or periods, not a count in dispute.
_ORDINAL_WORDS = {w: n for n, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    .split())}
ORDINAL = re.compile(
    r"\b(?:an?|the|his|her|their|its)\s+"
    r"((?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)"
    r"|\d{1,3}(?:st|nd|rd|th))"
    r"\s+(?:(consecutive|straight|successive|full)\s+)?(term|time|title|championship|victory)s?\b",
    re.IGNORECASE)


def ordinals(text: str, offset: int, article: str, passage: int, group: int | None,
             scope: str | None) -> list[QuantityClaim]:
    """The ordinal counts of a passage ("an eighth term"), keyed by what they count."""
    claims = []
    for m in ORDINAL.finditer(text):
        word = m.group(1).lower()
        value = _ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word))
        noun = m.group(3).lower()
        what = f"{m.group(2).lower() + ' ' if m.group(2) else ''}{noun}"
        interval = Interval(value, value)
        label = f"which {what}"
        start, end = m.start(1), m.end()
        mention = Mention("count", article, passage, offset + start, offset + end, text[start:end],
                          interval.as_value(), label)
        claims.append(QuantityClaim(mention, "count", interval, what, "ordinal", frozenset(), None,
                                    scope, None, group, label, text[start:end]))
    return claims

