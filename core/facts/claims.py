"""What a number in a sentence is *about*: the key that matches it across sources.

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
- its **scope**: a running total ("since October", "in previous attacks"),
  another year ("during the 2020 strikes") or another period ("in March")
  is a different fact from the day's count.

Dates have their own key, the event they date: see :mod:`events`.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ..model import Article, Mention, Passage
from .counted import (
    HEAD_CLASSES,
    MONEY_CLASS_NAMES,
    NOT_COUNTED,
    fold,
    money_object,
    qualifiers,
    subject_of,
    told_before,
    what_of,
)
from .events import incident_near
from .names import TITLES
from .owners import owner_of
from .people import people_in
from .measures import length_what, prison_term, time_elapsed
from .parts import ORDINAL, PART_OF, at_one_hospital, ordinals, sums
from .quantity_claim import QuantityClaim
from .spellings import core
from .numbers import Quantity, find_quantities, parse_number
from .roles import (
    PEOPLE_ROLES,
    first_role,
    role_of,
    severity,
    verb_after,
    verb_before,
)
from ..words import stem


# A running total or a past episode, not the day's count.
CUMULATIVE = re.compile(
    r"\b(?:since|so far|to date|in total|in all|altogether|cumulative|this year|"
    r"over the (?:past|last)|in recent|in (?:the )?previous|in (?:the )?past|"
    r"in (?:\w+ ){0,2}(?:attacks|strikes|raids|incidents|clashes|floods|storms|"
    r"quakes|earthquakes)\b)", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_YEARS_AGO = re.compile(r"\b(\d{1,2}|[a-z]+) years ago\b", re.IGNORECASE)
# The moment a market figure was read: shares "up 3.8% at 0815 GMT" and "closed up 4.6%"
# both hold, at different times of one day.
_MARKET_MOMENT = re.compile(
    r"\b(?:at \d{1,2}[:.]?\d{2}\s*(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST|local time)|closed|"
    r"at the close|opened|at the open(?:ing)?|in (?:early|late|morning|afternoon|midday) "
    r"trad(?:e|ing)|by midday|intraday)\b", re.IGNORECASE)
# An earlier report of a figure the story has since updated: "Forty-two people were reported
# dead earlier in the day", "the toll initially stood at 30".
EARLIER = re.compile(r"\b(?:earlier in the day|(?:an |the )?(?:earlier|initial|previous|first)"
                     r" (?:toll|figure|count|tally|estimate|report)s?|initially|previously reported"
                     r"|at first)\b", re.IGNORECASE)
# The party a count of seats belongs to, named before it in its clause.
_PARTY_PLURAL = r"[A-Z][a-z]+(?:ans|ats|ives|ists|ers|als|ens|ites)"
_PARTY_BEFORE = re.compile(rf"\b({_PARTY_PLURAL})\b(?![^;:—]*\b{_PARTY_PLURAL}\b)[^;:—]*$")
# A change in seats rather than the seats held: "picked up just six", "lost nearly 60".
_SEAT_CHANGE = re.compile(r"\b(picked up|gain(?:ed|s|ing)?|flipp(?:ed|ing)|lost|los(?:e|es|ing)|"
                          r"shed|net)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
# A figure someone needs or aims for, not one that happened.
# ...or after it: "the 60 votes needed to pass", "lacks the 60 votes that it needs".
_GOAL_AFTER = re.compile(r"(?:\s+in\s+the\s+[A-Z]\w+)?\s+(?:(?:that|which)\s+)?(?:(?:it|they|he|she|we|"
                         r"democrats|republicans)\s+)?(?:still\s+)?needs?(?:ed)?\b", re.IGNORECASE)
_GOAL = re.compile(r"\b(?:need(?:s|ed|ing)?(?: to (?:gain|win|take|pick up|flip))?|"
                   r"(?:aims?|hop(?:es|ed|ing)|trying|seeks?|seeking) to (?:gain|win|take|pick up|"
                   r"flip)|target of)\s+(?:(?:about|around|roughly|some|at least|more than|"
                   r"nearly|another)\s+)?$", re.IGNORECASE)
# Money held or earned abroad is not the company's total: "earnings reinvested abroad".
_ABROAD = re.compile(r"\b(?:abroad|overseas|foreign|offshore)\b", re.IGNORECASE)
# A time before the story's day: "last week", "earlier this month", "three days ago".
_EARLIER_PERIOD = re.compile(r"\b(?:last|earlier this|earlier that|this)\s+(?:week|month)\b|"
                             r"\b\w+\s+(?:days|weeks)\s+ago\b|\bearlier in the (?:week|month)\b",
                             re.IGNORECASE)
# Which tax a sum is: "in federal taxes", "in state and local taxes", "of property tax".
_TAX_KIND = re.compile(r"\s+(?:in|of|on)\s+(?:the\s+)?(federal|state|local|property|income|sales|"
                       r"payroll|corporate|estate|capital gains)\b(?:\s+and\s+\w+)?\s+tax",
                       re.IGNORECASE)
# A passage that opens on another month: "In May, …", "Last March, …".
_LEADING_MONTH = re.compile(r"\s*(?:In|Last|Back in|Earlier in|By)\s+(January|February|March|April|"
                            r"May|June|July|August|September|October|November|December)\b"
                            r"(?:\s+\d{4})?,")
# A year the passage looks back on: "That year, …", "the same year". ("The following year"
# and "the previous year" step along a series of years: "$11.5 million in fiscal 2011 to
# $10.1 million the following year".)
_THAT_YEAR = re.compile(r"\b(?:that|the same)\s+year\b", re.IGNORECASE)
# A figure in a sentence naming a year this far from the dateline belongs to that year.
HISTORY_YEARS = 1


# A period right after a figure: "in March", "in the first quarter", "in 2023", "a year earlier".
_PERIOD = re.compile(
    r"\s+(?P<period>(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth|final|last)"
    r"\s+(?:quarter|half)|Q[1-4]|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|(?:19|20)\d\d)|(?:a|one|the)\s+year\s+(?:earlier|before|ago))"
    r"\b", re.IGNORECASE)
_OF_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|all)\s+(?:[\d,]+\s+)?"
                       r"(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+['’]s\s+([A-Za-z]+)"  # the train's cars
                       r"|\s+of\s+(?:the|its|their|all)\s+(?:[\d,]+\s+)?([A-Za-z]+)")
# "Kevin Drummond, 41, stood": an age in apposition to a name (the surname is its key).
_AGE = re.compile(r"(?:\b([A-Z][\w'’-]+)\s+)?\b([A-Z][\w'’-]+),\s*$")
# ...or in a relative clause: "Harambe, who was 17, was shot", "Ms. Reyes, who is 64,".
_AGE_WHO = re.compile(r"(?:\b([A-Z][\w'’-]+)\s+)?\b([A-Z][\w'’-]+),\s+who\s+(?:was|is|turned)\s+$")
# The name an age adjective is written before: "the 76-year-old Pelosi" (a verb or a stop
# follows the name), not "the 58-year-old mother" (no capital) or "a 19-year-old Texas
# student" (a place before a noun).
_NAMED_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\b(?!['’]s\b)"
                          r"(?=\s*[,.;:)!?]|\s*$|\s+(?:\w+ed|\w+s|said|won|lost|was|is|has|had|will|would|"
                          r"can|could|told|who|and|of|to|in|on|at|after|before|with|from|for|took|"
                          r"made|gave|went|came|ran|got|left|met|led|became|began|faced|spoke)\b)")
_AT_AGE = re.compile(r"\bat\s+(?:the\s+)?$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*(?:,|\.|;|\))")
AGE_MAX = 120
_VERB_RUN = re.compile(r"(?:\s+(?:[a-z]+)){1,4}?(?=\s+(?:in|across|throughout|near|outside|"
                       r"inside|around)\s)")
_PARTITIVE = re.compile(r"\bof\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,.]*")
_PLACE = re.compile(
    r"\s+(?:in|across|throughout|near|outside|inside|around)\s+(?:the\s+(?:[a-z]+ing\s+)?)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"
    r"(?P<place>[A-Z][\w']+(?:\s+[A-Z][\w']+)*)(?![\w-])")


def quantity_claims(article: Article, passage: Passage, group: int | None,
                    story_year: int | None = None, story_event: str | None = None,
                    companies: frozenset[str] = frozenset()) -> list[QuantityClaim]:
    """The passage's quantities, each with what it counts, its role and its scope.

    ``story_year`` is the year of the other articles, for an undated one: "In 2018,
    a quake killed 4,300" is history in a story from 2026 whoever tells it.
    ``story_event`` is the kind of incident the story is about (:func:`events.story_event`):
    a toll told of another kind of incident at an earlier time ("airstrikes last week in
    which 30 were killed", in a story about a bombing) is that incident's fact.
    ``companies`` are the batch's companies other than its main one (:func:`owners.companies`):
    a sum is also keyed by the company whose it is."""
    text = passage.text
    quantities = find_quantities(text)
    counted = ordinals(text, passage.start, passage.article, passage.index, group, None) \
        if ORDINAL.search(text) else []
    if not quantities:
        return counted
    base = article.section_date(passage.start)
    scope = _scope(text, base.year if base else story_year)
    lead = _LEADING_MONTH.match(text)
    if scope is None and lead and base is not None and \
            lead.group(1)[:3].lower() != base.strftime("%b").lower():
        scope = f"in {lead.group(1).lower()}"  # "In May, six people were placed under arrest"
        # in a January report: May's figure, not the story's
    earlier = story_event is not None and scope is None and _EARLIER_PERIOD.search(text)
    claims: list[QuantityClaim] = []
    previous: QuantityClaim | None = None
    for n, q in enumerate(quantities):
        limit = quantities[n + 1].start if n + 1 < len(quantities) else len(text)
        what = what_of(q, text[q.number_end:q.end])
        if q.kind == "measure" and q.modifies:  # "the 48-page indictment": its pages
            what = f"{what} of {q.modifies}"
        if q.kind == "count" and _RANK_BEFORE.search(text, max(0, q.start - 8), q.start):
            rank = _rank(passage, q, scope, group)
            if rank is not None:  # "Jim Clyburn … remained in No. 3 position": his rank
                claims.append(rank)
            continue
        old = text.find("-old", q.start, q.end) if what.startswith("age of ") else -1
        person = _NAMED_AFTER.match(text, old + 4) if old != -1 else None
        if person:  # "the 76-year-old Pelosi": her age, as "Pelosi, 76," says it
            words = person.group(1).split()
            claims.append(_person_age(passage, q, words[-2] if len(words) > 1 else None,
                                      words[-1], scope, group))
            continue
        # A sum names what it is when a noun follows ("a $2 million fine"); else look back
        subject = subject_of(text, q) if q.kind == "percent" or (
            q.kind == "money" and not q.head) else ""
        if subject:
            what = subject
        bought = money_object(text, q) if q.kind == "money" else ""
        if bought:
            what, subject = bought, ""  # the label says what was bought, not a word before
        if q.kind == "money" and what == "tax":
            kind_of_tax = _TAX_KIND.match(text, q.number_end)
            if kind_of_tax:  # "$43.9 million in federal taxes and $13.6 million in state taxes"
                what = bought = f"{kind_of_tax.group(1).lower()} tax"
        length_place = None
        if q.kind == "measure" and q.currency in ("km", "km/h"):
            what, length_place = length_what(text, q)
        if q.kind == "count" and q.heads and q.heads <= NOT_COUNTED and what in NOT_COUNTED:
            # (not "3.8 billion light years": a distance, though its last word is "years")
            term = prison_term(article, passage, q, scope, group) or \
                time_elapsed(passage, q, scope, group)
            if term is not None:
                claims.append(term)
            continue
        nation = qualifiers(text[q.number_end:q.end])
        if q.kind == "money" and what and \
                _ABROAD.search(" ".join(text[q.number_end:].split()[:6])):
            what = bought = f"{what} abroad"  # "$32.6 billion in undistributed foreign earnings" is
            # not the year's profit (a key of its own: never joined with the plain one)
        part_of = q.kind == "count" and PART_OF.match(text, q.end) is not None
        whole = _OF_WHOLE.match(text, q.end) if q.kind == "count" and not q.head else None
        if whole:  # "Twelve of the 52 passengers died": twelve passengers, and they died
            word = (whole.group(1) or whole.group(2)).lower()
            noun = stem(word)
            what = HEAD_CLASSES.get(noun) or (
                "people" if first_role(word) in PEOPLE_ROLES else noun)  # "six of the injured"
            limit = len(text)
        age = (_AGE.search(text, max(0, q.start - 40), q.start)
               or _AGE_WHO.search(text, max(0, q.start - 50), q.start)) if q.kind == "count" and \
            not q.head and q.interval.exact and 0 < q.interval.low <= AGE_MAX and \
            _AGE_AFTER.match(text, q.end) else None
        if age:  # "Kevin Drummond, 41, stood": the man's age, keyed by his surname
            # and, when given, his first name: a father and a son ("Tom Baker, 58" and
            # "Liam Baker, 23") are two people; a bare "Baker, 58" joins one of them only
            # when the story names no other Baker (quantity_facts.ages_by_person).
            claims.append(_person_age(passage, q, age.group(1), age.group(2), scope, group))
            continue
        told = told_before(text, q) if q.kind == "count" and not q.head and not whole else None
        if told is not None:  # "the number of people killed … has climbed to 56"
            what = told[0]
        if not what and previous is not None and q.kind == previous.kind:
            what, nation = previous.what, previous.nation  # "2,500 troops in Iraq and 900 in Syria"
        place_match = _PLACE.match(text, q.end) or _place_after_verb(text, q.end)
        place = fold(place_match.group("place")) if place_match else length_place
        period = _PERIOD.match(text, q.end)
        claim_scope = scope
        if what == "age" and _AT_AGE.search(text, max(0, q.start - 12), q.start):
            claim_scope = f"{scope or ''} at the time"  # "moved to the U.S. at age 13": an
            # age at some event, never the person's age now
        if earlier:
            other = incident_near(text, q.start, q.end)
            if other is not None and other != story_event:
                claim_scope = f"earlier {other}"
        moment = _MARKET_MOMENT.search(text) if q.kind in ("percent", "money") else None
        if moment:  # a share price at 0815 GMT and at the close are two figures
            claim_scope = f"{scope or ''} {re.sub(r'[^a-z0-9]+', ' ', moment.group().lower())}"
        if period:  # "3.2% in March from 2.9% in February": two months, two facts
            claim_scope = (scope or "") + " " + period.group("period").lower()
        # "12 of the 52 passengers died": the 52 is the whole, the role is the 12's
        partitive = _PARTITIVE.search(text, max(0, q.start - 16), q.start) is not None
        role = role_of(text, q, limit) if q.kind != "measure" and not partitive else None
        if told is not None and told[1]:
            role = told[1]
        if role is None and q.kind == "count" and not partitive and not q.interval.vague:
            role = verb_before(text, q) or verb_after(text, q)  # "derailed 20 wagons"
        head_role = first_role(" ".join(q.head)) if q.kind == "count" and q.head else None
        if head_role and (len(q.head) == 1 or what in ("people", "death")):
            # "12 dead and 50 injured", "40 deaths": the counted word says the role
            role, what = head_role, "people"
        if what == "seats" and q.kind == "count":
            # Seats are won, taken, held or received alike; the only other figure is the
            # chamber's size: "55 of the 101 seats", "the 101-seat parliament".
            adjective = text[q.number_end:q.number_end + 1] == "-"
            whole_of = re.match(r"\s+of\s+(?:the|its)\s", text[q.end:q.end + 10]) is not None
            role = "total" if (partitive or adjective) and not whole_of else "won"
            change = _SEAT_CHANGE.search(text, max(0, q.start - 30), q.start)
            if change and role == "won":  # "picked up six seats" is a gain, not the seats held
                role = "lost" if change.group(1).lower().startswith(("lo", "sh")) else "gained"
            actor = _PARTY_BEFORE.search(text[:q.start])
            if actor and not nation:  # "Republicans … hold 240 seats": the party's, not ours
                nation = frozenset({fold(actor.group(1))})
        if _GOAL.search(text, max(0, q.start - 24), q.start) or _GOAL_AFTER.match(text, q.end):
            claim_scope = f"{claim_scope or ''} needed"  # "needing to gain roughly 35 seats"
        if q.kind == "money" and what in MONEY_CLASS_NAMES:
            role = None  # "raised its dividend to 4.20": the dividend was not raised as funds
        if role == "injured":
            role = severity(text, q, limit) or role
        if role == "injured seriously":
            part_of = False  # "four of the injured were in a serious condition": the count of
            # the seriously injured, which other outlets give as such
        if q.kind == "count" and (part_of or at_one_hospital(text, q, limit)):
            claim_scope = f"{claim_scope or ''} part"  # a share of the toll, not the toll
        if not what and q.kind == "count" and role in PEOPLE_ROLES:
            what = "people"  # "the death toll rose to 31", "kill 23": people, unsaid
        phrase = text[q.number_end:q.end].strip() or subject or bought or (
            previous.phrase if previous else "") or what
        if q.kind == "measure" and q.modifies:
            phrase = q.text  # "48-page indictment" says what is measured, "indictment" not
        label = phrase + (f" in {place_match.group('place')}" if place_match else "") + (
            f" — {role}" if role else "") + (
            f" ({claim_scope})" if claim_scope and claim_scope.startswith("earlier ") else "")
        value = q.interval.as_value()
        if q.currency:
            value["currency"] = q.currency
        if q.kind == "percent":
            value["unit"] = "%"
        mention = Mention(q.kind, passage.article, passage.index, passage.start + q.start,
                          passage.start + q.end, q.text, value, label or q.kind)
        # "…, while Bank of America will take a $3 billion charge": another company's sum
        owner = owner_of(text, q.start, companies) if q.kind == "money" else None
        claim = QuantityClaim(mention, q.kind, q.interval, what, role, nation, place,
                              claim_scope, q.currency, group, label or q.kind, phrase, owner)
        claims.append(claim)
        previous = claim
    return _apart(sums(claims, text, passage.start), text, passage.start) + counted


_RANK_BEFORE = re.compile(r"\b(?:No\.|Number)\s*$")
# Ranks belong to a person; how far back in the sentence the person may be named.
RANK_REACH = 160


def _rank(passage: Passage, q: Quantity, scope: str | None,
          group: int | None) -> QuantityClaim | None:
    """ "Steny Hoyer, Maryland, kept the No. 2 job": the rank of the person named last before
    it (by surname), or None when no person is named there."""
    text = passage.text
    begin = max(0, q.start - RANK_REACH)
    people = [(start, surname) for (_, surname), start, *_ in people_in(text[begin:q.start])]
    if not people:
        return None
    surname = people[-1][1]
    start = text.rfind("No", max(0, q.start - 8), q.start)
    label = f"rank of {surname.title()}"
    mention = Mention("count", passage.article, passage.index, passage.start + start,
                      passage.start + q.end, text[start:q.end], q.interval.as_value(), label)
    return QuantityClaim(mention, "count", q.interval, "rank", "rank", frozenset({surname}),
                         None, scope, None, group, label, "rank")


def _person_age(passage: Passage, q: Quantity, given: str | None, surname: str,
                scope: str | None, group: int | None) -> QuantityClaim:
    """The age ``q`` states of a person, keyed by first name (unless it is a title) and
    surname: "Tom Baker, 58", "the 76-year-old Pelosi"."""
    if given and given.lower().rstrip(".") in TITLES:
        given = None
    who = f"{given} {surname}" if given else surname
    mention = Mention("measure", passage.article, passage.index, passage.start + q.start,
                      passage.start + q.end, q.text, q.interval.as_value(), f"age of {who}")
    return QuantityClaim(mention, "measure", q.interval, "age", None, frozenset({core(who)}),
                         None, _age_scope(scope), None, group, f"age of {who}", "age")


def _age_scope(scope: str | None) -> str | None:
    """An age is told of a person at a time ("In 2008, Jackson, 43,"), never as a running
    total: "since"/"so far" elsewhere in the sentence says nothing about it."""
    return None if scope == "running total" else scope


def _apart(claims: list[QuantityClaim], text: str = "", offset: int = 0) -> list[QuantityClaim]:
    """One sentence never gives two values for one fact: a second figure with the same
    key ("rose to 3.2% from 2.9%") is another fact, so its key is made its own. Where the
    sentence compares the two ("six arrests Wednesday, compared to 47 the previous night"),
    both keep the key and are marked ``compared``: the key's figures then join other
    reports' only on a shared value (quantity_facts), so another outlet's 47 meets this 47."""
    seen: dict[tuple[object, ...], int] = {}
    out: list[QuantityClaim] = []
    for c in claims:
        key = c.key
        if key is not None and key in seen and not c.interval.same(out[seen[key]].interval):
            first = out[seen[key]]
            between = text[first.mention.end - offset:c.mention.start - offset]
            if _COMPARED.search(between):
                out[seen[key]] = dataclasses.replace(first, compared=True)
                c = dataclasses.replace(c, compared=True)
            else:
                c = dataclasses.replace(c, scope=f"{c.scope or ''} #{len(out)}")
        elif key is not None:
            seen[key] = len(out)
        out.append(c)
    return out


# Words that set a second figure beside the first as another time's or place's.
_COMPARED = re.compile(r"\b(?:compared (?:to|with)|as against|against|versus|vs\.?)\b",
                       re.IGNORECASE)


def _place_after_verb(text: str, end: int) -> re.Match[str] | None:
    """A place after the verb: "34 people had died in Mamuju and eight in Majene"."""
    verbs = _VERB_RUN.match(text, end)
    if verbs is None or not first_role(verbs.group().lower()):
        return None
    return _PLACE.match(text, verbs.end())


@lru_cache(maxsize=8192)
def _scope(text: str, year: int | None) -> str | None:
    m = CUMULATIVE.search(text)
    if m and year is not None and not re.search(r"\b(?:since|so far|to date)\b", text,
                                                re.IGNORECASE):
        # "in the previous election in 2021": the named year says more than "previous"
        for y in _YEAR.findall(text):
            if abs(int(y) - year) > HISTORY_YEARS:
                return f"in {y}"
    if m:
        return "running total"
    if EARLIER.search(text):
        return "earlier report"
    if _THAT_YEAR.search(text):
        return "that year"  # "That year, the index said, the group was responsible for 6,644
        # deaths": a year the passage looks back on, not the day's count
    if year is not None:
        for y in _YEAR.findall(text):
            if abs(int(y) - year) > HISTORY_YEARS:
                return f"in {y}"
        ago = _YEARS_AGO.search(text)  # "two years ago" in 2026 is 2024, as if written so
        if ago and not re.search(r"\bthan\b", text[:ago.start()]):  # "more than it won
            # four years ago" dates the thing compared with, not the figure
            n = parse_number(ago.group(1))
            if n is not None and n.is_integer() and n > HISTORY_YEARS:
                return f"in {year - int(n)}"
    return None
