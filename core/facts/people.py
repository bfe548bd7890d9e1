"""Who did it: two reports naming different people in the passage that says one thing.

"Rep. Loretta Sanchez won the competition for vice Democratic Caucus chairman" and, aligned
with it, "in a narrow victory, 98 to 96, Representative Linda T. Sánchez of California
defeated another California Democrat": one surname, two first names, two people. A reader
checking who won needs that flagged. A conflict is raised only when

- the two passages are aligned (one group: they report the same thing),
- each names one person of that surname with a written first name (no initials, no
  shortened forms: "Bob" is "Robert", "Chris" begins "Christopher"),
- one of the two is written as a person, after a title ("Rep.", "Representative", "Mr."),
- and neither report names, anywhere, the person the other one names (a report that names a
  father and a son, or two sisters, tells them apart itself).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import Levenshtein

from ..model import FactStatus, Group, Mention, Passage
from ..words import fold_accents
from .draft import Draft
from .names import TITLES, find_names

# Short forms of given names that news uses beside the full one.
NICKNAMES = {
    "bob": "robert", "rob": "robert", "bobby": "robert", "bill": "william", "will": "william",
    "billy": "william", "jim": "james", "jimmy": "james", "mike": "michael", "tom": "thomas",
    "tommy": "thomas", "chuck": "charles", "charlie": "charles", "joe": "joseph",
    "dick": "richard", "rick": "richard", "rich": "richard", "ted": "edward", "ed": "edward",
    "eddie": "edward", "ned": "edward", "liz": "elizabeth", "beth": "elizabeth",
    "betsy": "elizabeth", "kate": "katherine", "kathy": "katherine", "katie": "katherine",
    "cathy": "catherine", "jen": "jennifer", "jenny": "jennifer", "tony": "anthony",
    "andy": "andrew", "drew": "andrew", "dan": "daniel", "danny": "daniel", "dave": "david",
    "steve": "steven", "stephen": "steven", "jon": "jonathan", "john": "john",
    "jack": "john", "johnny": "john", "nick": "nicholas", "matt": "matthew",
    "pat": "patrick", "sam": "samuel", "ben": "benjamin", "greg": "gregory", "jeff": "jeffrey",
    "geoff": "jeffrey", "larry": "lawrence", "jerry": "gerald", "gerry": "gerald",
    "hank": "henry", "harry": "henry", "fred": "frederick", "al": "albert", "alex": "alexander",
    "sandy": "sandra", "sue": "susan", "suzy": "susan", "peggy": "margaret", "meg": "margaret",
    "maggie": "margaret", "annie": "anne", "ann": "anne", "debbie": "deborah",
    "deb": "deborah", "vicky": "victoria", "becky": "rebecca", "mandy": "amanda",
    "pam": "pamela", "chris": "christopher", "kim": "kimberly", "barb": "barbara",
    "bibi": "benjamin",
}


def who_conflicts(passages: Mapping[str, Sequence[Passage]], groups: Sequence[Group]
                  ) -> list[Draft]:
    """A conflict for each aligned pair of passages naming different people of one surname."""
    by_ref = {p.ref: p for plist in passages.values() for p in plist}
    people = {ref: people_in(p.text) for ref, p in by_ref.items()}  # each passage read once
    everyone: dict[str, set[tuple[frozenset[str], str]]] = {}  # article -> people it names
    for aid, plist in passages.items():
        everyone[aid] = {person for p in plist for person, *_ in people[p.ref]}

    def names(article: str, givens: frozenset[str], surname: str) -> bool:
        return any(s == surname and _same_person(g, givens) for g, s in everyone.get(article, ()))
    drafts: list[Draft] = []
    seen: set[tuple[object, ...]] = set()
    for group in groups:
        named: list[tuple[Passage, tuple[frozenset[str], str], int, int, str, bool]] = []
        for ref in group.members:
            p = by_ref.get(ref)
            if p is not None:
                named.extend((p, *person) for person in people[ref])
        for n, (pa, (ga, sa), a_start, a_end, a_text, a_titled) in enumerate(named):
            for pb, (gb, sb), b_start, b_end, b_text, b_titled in named[n + 1:]:
                if pa.article == pb.article or sa != sb or _same_person(ga, gb):
                    continue
                if not (a_titled or b_titled):
                    continue  # nothing says these are people ("North Korea", "South Korea")
                if names(pa.article, gb, sb) or names(pb.article, ga, sa):
                    continue  # one report names both: two people it tells apart itself
                key = tuple(sorted(((pa.article, a_text), (pb.article, b_text)))) + (sa,)
                if key in seen:
                    continue
                seen.add(key)
                label = f"who: {a_text.split()[-1]}"
                value = {"surname": sa}
                first = Mention("name", pa.article, pa.index, pa.start + a_start, pa.start + a_end,
                                a_text, value, label)
                second = Mention("name", pb.article, pb.index, pb.start + b_start,
                                 pb.start + b_end, b_text, value, label)
                drafts.append(Draft("name", label, [first, second], FactStatus.CONFLICT,
                                    [(first, second)], (("what", "person"),)))
    return drafts


def people_in(text: str) -> list[tuple[tuple[frozenset[str], str], int, int, str, bool]]:
    """People the text names with a written first name: ((given, surname), start, end, text,
    whether a title comes before the name)."""
    out = []
    for name in find_names(text):
        words = name.text.split()
        if len(words) < 2 or len(words) > 4:
            continue
        surname = words[-1]
        # The given name is the word before the surname, past middle initials ("Linda T.
        # Sánchez"); words before it may be a title or a lead-in the name run took in
        # ("House Speaker Newt Gingrich", "Attacking Hillary Clinton").
        # Every word before it may be a given name too ("Hillary Rodham Clinton", "Sarah
        # Huckabee Sanders"): two names are one person when any of these agree.
        before = [w for w in words[:-1] if not (len(w.rstrip(".")) == 1 and w.endswith("."))]
        if not before:
            continue
        given = before[-1]
        if given.lower().rstrip(".") in TITLES or "." in given or len(given) < 2 \
                or not given.isalpha() or not given[0].isupper() or not given[1:].islower():
            continue
        if not surname[:1].isupper() or not re.sub(r"[-'’]", "", surname).isalpha():
            continue
        if given.lower() in NOT_GIVEN:
            continue
        givens = frozenset(fold_accents(w).lower() for w in before
                           if w.isalpha() and w.lower() not in TITLES)
        lead = _WORD_BEFORE.search(text, 0, name.start)
        titled = lead is not None and lead.group(1).lower() in TITLES
        key = fold_accents(surname).lower().replace("’", "'")  # O’Rourke / O'Rourke
        out.append(((givens, key), name.start, name.end, name.text, titled))
    return out


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(_same_given(x, y) for x in a for y in b)


_WORD_BEFORE = re.compile(r"([A-Za-z]+\.?)\s+$")
# Capitalised first words of places and bodies, never a given name: "North Korea" and "South
# Korea", "New York" and "Old York" are not two people of one surname.
NOT_GIVEN = frozenset("""
north south east west northern southern eastern western new old great greater little big upper
lower central united saint san santa los las fort lake mount port cape white black red green
supreme federal national royal prime islamic democratic republican communist labour liberal
first second third state city county university college bank air sea
""".split())


def _same_given(a: str, b: str) -> bool:
    """One given name written two ways: the same, a short form, one the other begins, or a
    spelling two letters apart ("Mohamed" / "Mohammed", "Vicente" / "Vincente")."""
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    if NICKNAMES.get(a, a) == NICKNAMES.get(b, b):
        return True
    return a[0] == b[0] and Levenshtein.distance(a, b) <= SPELLING_APART


SPELLING_APART = 2
