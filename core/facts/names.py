"""Names of people, places and organisations, found in text.

A name here is a run of capitalised words (with the particles and connectors names use:
"al-", "bin", "of", "and" inside a body's name), with its middle initials and suffixes
("Lloyd C. Blankfein", "Jesse Jackson Jr."), cut at titles ("Defense Secretary") and
possessives, and at "of" after a person ("Steny H. Hoyer of Maryland"). Which spellings
name one entity is :mod:`spellings`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache



PARTICLES = frozenset("al el ad an as ash at az ibn bin bint abu de da di du la le van von der "
                      "den del della dos das".split())
CONNECTORS = frozenset("of for de la del bin ibn bint van von der den da di du dos das".split())
# "Iran-backed", "US-led", "US-militia": a name ends at a hyphen before a lower-case word of
# five letters or more, or one of these (but "Kim Jong-un", "Xi Jin-ping" stay whole).
HYPHEN_ENDINGS = ("ed", "ing", "style", "era", "type", "born", "made", "wide", "run", "free",
                  "proof", "like", "friendly", "bound", "side", "wise")
# Words that name the kind of place, dropped from the core: "Al-Asad Air Base" is "Al-Asad".
FACILITY_WORDS = frozenset("air base airbase airfield airport airstrip base camp port "
                           "seaport group strip province district region governorate county "
                           "city oblast prefecture".split())
# Lower-case facility words writers attach to a name ("the Al Asad airbase").
FACILITY_SUFFIX = re.compile(r"\s+(?:airbase|air base|airfield|airport|airstrip)\b")
# Titles cut a run of capitals in two: "White House Deputy National Security Advisor Jon
# Finer" is "White House" and "Jon Finer".
TITLES = frozenset("""
president vice prime minister secretary deputy advisor adviser national security general gen
gen. lt col col. colonel major maj. captain capt. sergeant sgt. admiral adm. commander chief
spokesman spokeswoman spokesperson ambassador senator sen. rep. representative governor gov.
mayor king queen prince princess sheikh mr mr. mrs mrs. ms ms. dr dr. pope judge justice
chairman chairwoman director minister ceo cfo chancellor premier defense defence foreign
interior finance official officials leader cleric extremist top incumbent former acting
interim late opposition rival veteran candidate challenger crown
rep sen gov lt gen sgt adm capt maj rev rev. reverend attorney prosecutor congressman
congresswoman commissioner superintendent inspector sheriff detective analyst professor prof
prof. economist coach executive officer operating financial managing editor founder co-founder
manager strategist lawyer
""".split())
# Name suffixes that keep their full stop and belong to the name: "Jesse Jackson Jr.".
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_INITIAL = re.compile(r"^[A-Z]\.$")
# What a run before "of" ends with when "X of Y" is one name ("Bank of America", "Federal
# Bureau of Investigation"); otherwise "Steny H. Hoyer of Maryland" is a person and a place.
OF_HEADS = frozenset("""
bank bureau republic states state kingdom department ministry office university college
institute school academy council board court house chamber society church commonwealth
federation union league association museum port city county province region division agency
authority commission committee secretary duke duchess prince princess earl gulf sea bay isle
strait straits cape lake mount islands island party front army corps order
""".split())
# What a run before "for" ends with when "X for Y" is one name.
FOR_HEADS = OF_HEADS | frozenset("""
center centre centers centres organisation organization alliance coalition campaign movement
fund party network commission committee council institute foundation agency office
""".split())
# A name's last word that makes "A and B …" one body: "Securities and Exchange Commission".
BODY_ENDINGS = frozenset("""
commission committee department agency authority administration council board bureau service
services institute association corporation company foundation organization organisation office
ministry trust fund bank exchange
""".split())
# Capitalised words that start sentences or headlines and are no names.
NOT_NAMES = frozenset("""
the a an this that these those there their they them then he she it its his her we our you
your i in on at of for from by with without to and or but if as while when where after before
since until during according although though however meanwhile besides also earlier later
latest most some several many multiple other another each every all both no not one two three
four five six seven eight nine ten what who why how which yes today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
following despite amid over under about around near told said says notably news related
subscribe comments write dismiss original table date event weapon type number dozens
hundreds thousands millions scores last next
""".split())

DATE_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december
""".split())

_NOT_NAMES_OR_TITLES = NOT_NAMES | TITLES
# Capital letters of every Latin, Greek and Cyrillic alphabet ("Łódź", "Śląsk", "Ōsaka"),
# not only Latin-1's: names from Polish, Czech, Turkish or Vietnamese copy start with them.
_UPPER = "".join(ch for ch in map(chr, [*range(0x41, 0x5B), *range(0xC0, 0x530),
                                         *range(0x1E00, 0x1F00)]) if ch.isupper())
_CAPITALISED = rf"(?:[{_UPPER}]|(?:" + "|".join(sorted(PARTICLES)) + r")-[A-Z])[\w'’.-]*"
# Runs of capitalised words, with the connectors names use between them: a fast first
# pass, so the word-by-word rules below only see the few stretches that may be names.
_CAPITAL_RUN = re.compile(rf"(?<![\w'’-]){_CAPITALISED}(?:[ \t]+(?:(?:"
                          + "|".join(sorted(CONNECTORS)) + rf")[ \t]+)?{_CAPITALISED})*")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,7}$")


@dataclass(frozen=True, slots=True)
class Name:
    """A name as written, with offsets into the text it was found in."""

    start: int
    end: int
    text: str


def find_names(text: str) -> list[Name]:
    """Runs of capitalised words that name someone or something, in order."""
    return list(_find_names(text))


@lru_cache(maxsize=8192)
def _find_names(text: str) -> tuple[Name, ...]:
    names: list[Name] = []
    for m in _CAPITAL_RUN.finditer(text):
        word = m.group()
        if " " not in word and "\t" not in word:
            bare = _strip_possessive(word)
            low = bare.lower()
            if low in _NOT_NAMES_OR_TITLES or low in DATE_WORDS:
                continue  # "The", "However,": most runs are one sentence-initial word
            if "-" not in bare and len(bare) > 1:
                # One plain capitalised word ("Iraq", "Iraq's", "CENTCOM."): the common case
                end = m.start() + len(bare)
                facility = FACILITY_SUFFIX.match(text, end) if bare == word else None
                end = facility.end() if facility else end
                names.append(Name(m.start(), end, text[m.start():end]))
                continue
        names.extend(_names_in(text, m.start(), m.end()))
    names = _join_bodies(text, names)
    for d in _find_definitions(text):  # a defined name is one name, however many runs it spans
        names = [n for n in names if n.end <= d.name.start or n.start >= d.name.end]
        names.append(d.name)
    names.sort(key=lambda n: n.start)
    return tuple(names)


_AND = re.compile(r"[ \t]+(?:and|&)[ \t]+$")
_AMPERSAND = re.compile(r"[ \t]+&[ \t]+$")
_COMMA = re.compile(r",[ \t]+$")


def _join_bodies(text: str, names: list[Name]) -> list[Name]:
    """Names joined by "and" into one body ("Securities and Exchange Commission") and firms
    named with "&" ("Keefe, Bruyette & Woods", "Procter & Gamble")."""
    out: list[Name] = []
    for n in sorted(names, key=lambda x: x.start):
        if out:
            prev = out[-1]
            gap = text[prev.end:n.start]
            last = n.text.split()[-1].lower().rstrip(".")
            if _AMPERSAND.match(gap) or (_AND.match(gap) and last in BODY_ENDINGS):
                start = prev.start
                while len(out) >= 2 and _AMPERSAND.match(gap) and \
                        _COMMA.match(text[out[-2].end:out[-1].start]) and " " not in out[-2].text:
                    out.pop()
                    start = out[-1].start
                out[-1] = Name(start, n.end, text[start:n.end])
                continue
        out.append(n)
    return out


# An acronym defined right after a name: "Party of Action and Solidarity (PAS)",
# "the Meteorology, Climatology and Geophysics Agency, known as BMKG". The acronym may
# come from another language than the name (BMKG is Indonesian), so its letters are not
# checked: the writer's own definition is the evidence.
_DEFINED_ACRONYM = re.compile(
    rf"[ \t]*(?:\([ \t]*(?P<paren>[{_UPPER}][{_UPPER}0-9&]{{1,9}})[ \t]*\)"
    rf"|,[ \t]+(?:also[ \t]+)?(?:known|abbreviated)[ \t]+(?:as|by[ \t]+(?:its|the)[ \t]+"
    rf"(?:initials|acronym|abbreviation))[ \t]+(?:the[ \t]+)?(?P<known>[{_UPPER}][{_UPPER}0-9&]{{1,9}})\b)")
# Words a long defined name may hold between its capitalised words ("Ministry of Foreign
# Affairs and Trade", "Organisation for the Prohibition of Chemical Weapons").
DEFINITION_JOINERS = CONNECTORS | frozenset({"and", "&", "the", "und", "et", "y", "e"})
# How far back (characters) a defined name may start before its acronym.
DEFINITION_REACH = 160


@dataclass(frozen=True, slots=True)
class Definition:
    """A name and the acronym the writer defines for it, as written."""

    name: Name
    acronym: Name


def find_definitions(text: str) -> list[Definition]:
    """Names given with their acronym: "the National Disaster Mitigation Agency (BNPB)".

    The defined name is the whole run of capitalised words before the acronym,
    through commas and "and", since a definition names one body however long.
    """
    return list(_find_definitions(text))


@lru_cache(maxsize=8192)
def _find_definitions(text: str) -> tuple[Definition, ...]:
    if "(" not in text and "known" not in text and "abbreviated" not in text:
        return ()
    found: list[Definition] = []
    for m in _DEFINED_ACRONYM.finditer(text):
        acronym = m.group("paren") or m.group("known")
        if sum(c.isupper() for c in acronym) < 2:
            continue
        name = _name_before(text, m.start())
        if name is None:
            continue
        at = m.start("paren") if m.group("paren") else m.start("known")
        found.append(Definition(name, Name(at, at + len(acronym), acronym)))
    return tuple(found)


def _name_before(text: str, end: int) -> Name | None:
    """The run of capitalised words (with joiners, commas) ending at ``end``."""
    window = max(0, end - DEFINITION_REACH)
    words = list(_WORD.finditer(text, window, end))
    kept: list[re.Match[str]] = []
    following = end
    for w in reversed(words):
        gap = text[w.end():following]
        if gap.strip(" \t,") or gap.count(",") > 1 or "\n" in gap:
            break
        token = w.group()
        if token != _strip_possessive(token) and kept:
            break  # "Indonesia's Meteorology … Agency": the owner is no part of the name
        if token[:1].isupper():  # titles too: "National Disaster Agency", "Ministry of Justice"
            kept.append(w)
        elif token.lower() in DEFINITION_JOINERS and kept and "," not in gap:
            kept.append(w)
        else:
            break
        following = w.start()
    while kept and (kept[-1].group().lower() in DEFINITION_JOINERS
                    or kept[-1].group().lower() in NOT_NAMES):
        kept.pop()  # the run's first words: "The", "and"
    if len(kept) < 2 or not kept[0].group()[:1].isupper():
        return None
    start, stop = kept[-1].start(), kept[0].end()
    return Name(start, stop, text[start:stop])


def _names_in(text: str, begin: int, stop: int) -> list[Name]:
    """The names in one run of capitalised words (which may hold several, or none)."""
    names: list[Name] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and (_strip_possessive(run[-1].group()).lower() in CONNECTORS
                       or run[-1].group().lower() in PARTICLES):
            run.pop()
        while run and run[0].group().lower().rstrip(".") in _NOT_NAMES_OR_TITLES and not (
                run[0].group().lower() in TITLES and _body_follows(text, run[0].end())):
            run.pop(0)
        if run:
            last = run[-1].group()
            kept = last if last.lower() in SUFFIXES or _INITIAL.match(last) else \
                _strip_possessive(last)
            start, end = run[0].start(), run[-1].start() + len(kept)
            word = text[start:end]
            if len(word) > 1 and word.lower() not in NOT_NAMES:
                facility = FACILITY_SUFFIX.match(text, end)
                if facility and not _strip_possessive(run[-1].group()) != run[-1].group():
                    end = facility.end()
                names.append(Name(start, end, text[start:end]))
        run.clear()

    previous_end = begin
    for m in _WORD.finditer(text, begin, stop):
        token = m.group()
        gap = text[previous_end:m.start()]
        previous_end = m.end()
        if run and (gap.strip() or "\n" in gap):
            close()
        if run and _INITIAL.match(token) and not gap.strip():
            run.append(m)  # a middle initial: "Lloyd C. Blankfein"
            continue
        if run and token.lower() in SUFFIXES and not gap.strip(" ,"):
            run.append(m)  # "Jesse Jackson Jr." keeps its suffix, full stop and all
            close()
            continue
        bare = _strip_possessive(token)
        capital = (bare[:1].isupper() or _particle_name(bare)) and bare.lower() not in DATE_WORDS
        if capital and bare.lower() in TITLES and not _ACRONYM.match(bare) and \
                not _body_follows(text, m.end()):
            close()
            continue
        if capital:
            if "-" in bare and not _particle_name(bare):
                first, _, rest = bare.partition("-")
                place_part = re.search(r"-[A-Z]", rest) is not None  # "Mazar-i-Sharif"
                if rest[:1].islower() and not place_part and (
                        len(rest) > 4 or rest.endswith(HYPHEN_ENDINGS)):
                    # "Iran-backed": the name is "Iran", and it ends there
                    run.append(m)
                    names_end = m.start() + len(first)
                    _close_at(run, names, text, names_end)
                    run.clear()
                    continue
            run.append(m)
            if bare != token:  # possessive or sentence stop ends the name
                close()
            continue
        if run and token.lower() in CONNECTORS and not gap.strip():
            before = _strip_possessive(run[-1].group()).lower()
            if token.lower() == "of" and len(run) >= 2 and before not in OF_HEADS:
                close()  # "Linda T. Sánchez of California": a person, then a place
                continue
            if token.lower() == "for" and before not in FOR_HEADS:
                close()  # "left Stratford for Leeds"; but "Centre for Disease Control"
                continue
            run.append(m)
            continue
        close()
    close()
    return names


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def _body_follows(text: str, end: int) -> bool:
    """A title word naming a body, not a person's office: "Justice Department", "Defense
    Ministry", "Security Council"."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in BODY_ENDINGS


def _close_at(run: list[re.Match[str]], names: list[Name], text: str, end: int) -> None:
    while run and run[0].group().lower().rstrip(".") in _NOT_NAMES_OR_TITLES:
        run.pop(0)
    if not run:
        return
    start = run[0].start()
    if start < end and text[start:end].lower() not in NOT_NAMES:
        names.append(Name(start, end, text[start:end]))


def _strip_possessive(token: str) -> str:
    """The word without a possessive or a sentence's full stop ("Iraq's", "Iraq." → "Iraq")."""
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    elif token.endswith(("'", "’")):
        token = token[:-1]
    if token.endswith(".") and not _ACRONYM.match(token):
        token = token.rstrip(".")
    return token


def _particle_name(token: str) -> bool:
    """'al-Assad', 'bin-Salman': a lower-case particle joined to a capitalised name."""
    head, _, rest = token.partition("-")
    return head.lower() in PARTICLES and rest[:1].isupper()


