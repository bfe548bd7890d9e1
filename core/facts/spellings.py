"""Spellings of one entity joined: people, places and organisations as outlets write them.

Outlets transliterate and abbreviate differently: "Al-Asad Air Base", "Ain
al-Asad", "al-Assad Airbase"; "CENTCOM", "US Central Command"; "Suleimani",
"Soleimani" (names found by :mod:`names`). Spellings are joined when

1. their *cores* are equal: case, hyphens, dots, diacritics, the "al"/"el"
   particle, doubled letters and a leading country ("US Central Command")
   or trailing facility word ("Air Base", "airport") do not count;
2. their cores are near-identical (rapidfuzz ratio, for transliterations);
3. one is a single word that ends the other ("Austin" / "Lloyd Austin");
4. one is an acronym of the other, letter by letter or syllable by syllable
   ("IRGC" / "Islamic Revolutionary Guard Corps", "CENTCOM" / "Central Command");
5. an article defines one as the other ("National Disaster Agency (BNPB)",
   "…Agency, known as BMKG"), whatever language the acronym comes from;
6. the alias file lists them together (``aliases.json`` beside this module,
   or ``aliases.json`` in the user's storydiff config folder), for what no rule
   can guess: "Daesh" / "Islamic State".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from ..disjoint import DisjointSets
from ..words import fold_accents
from .names import _ACRONYM, CONNECTORS, FACILITY_WORDS, PARTICLES, SUFFIXES


# Transliteration variants of one name score 88-95 on the core ("suleimani"/"soleimani"
# 89, "asad"/"assad" after doubled letters are folded 100); different names that share
# letters score less ("austria"/"australia" and "colombia"/"columbia" 87.5, "iraq"/"iran" 75).
FUZZY_MIN = 88


FUZZY_MIN_LENGTH = 6


# Given names beside one surname: "mohamed"/"muhamad" 71, "jon"/"john" 86; different people
# ("john"/"jane" 50, "mike"/"michael" 55) stay below.
GIVEN_NAME_MIN = 70  # shorter cores must match exactly: "Iran" is not "Iraq"


# Company forms, dropped from the core too: "Acme Corp", "Acme Corporation", "Acme Inc." are Acme.
COMPANY_WORDS = frozenset("corp corporation inc incorporated co company ltd limited plc llc "
                          "holdings group sa ag nv gmbh".split())


# A chain's name beside its shops': "Build-A-Bear Workshop" is Build-A-Bear, "the Apple Store"
# Apple.
SHOP_WORDS = frozenset("workshop store stores shop shops".split())


# A newsroom's name beside its network's: "ABC News" is ABC, "Sky News" Sky, "CNN International" CNN.
BROADCAST_WORDS = frozenset("news international online digital".split())
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9-]+)\.(?:com|net|org|co|gov|edu|news|info|tv)"
                     r"(?:\.[a-z]{2})?/?")
# "South Sudan" is not "Sudan", "New Mexico" not "Mexico": no surname rule after these.
DIRECTION_WORDS = frozenset("north south east west new upper lower greater northern southern "
                            "eastern western central little great old".split())


COUNTRY_PREFIXES = frozenset("us u.s. usa u.s.a. uk u.k. american british".split())


# Second words of names that are things named after a place or person, not it: "Washington
# State", "Washington Post", "Lincoln Memorial" are not "Washington" or "Lincoln".
NAMED_AFTER = frozenset("""
state states post times city county university college school street square park river
avenue road airport station news journal herald tribune gazette monument memorial bridge
hotel hospital center centre stadium arena hall museum institute island islands valley
mountains lake bay sea ocean beach heights county district province region street
""".split())


_POSSESSIVE = re.compile(r"'s\b")


_SPACE_OR_HYPHEN = re.compile(r"[\s\-]+")


_DOUBLED = re.compile(r"(.)\1+")


_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=16384)
def core(name: str) -> str:
    """The part of a spelling that identifies the entity: 'Al-Asad Air Base' → 'asad'."""
    text = fold_accents(name).lower()
    text = _POSSESSIVE.sub("", text.replace("’", "'"))
    domain = _DOMAIN.fullmatch(text)
    if domain:  # "ABC.net.au", "www.nytimes.com": the site's own name
        text = domain.group(1)
    words = [w for w in _SPACE_OR_HYPHEN.split(text.replace(".", "")) if w]
    words = [w for w in words if w not in PARTICLES]
    if len(words) > 2:  # middle initials: "Lloyd C. Blankfein" is "Lloyd Blankfein"
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1 or not w.isalpha()), words[-1]]
    if len(words) > 1 and words[0] in {c.replace(".", "") for c in COUNTRY_PREFIXES}:
        rest = words[1:]
        if len(rest) >= 2 or (rest and rest[0].upper() == rest[0].upper() and len(rest[0]) > 3):
            words = rest
    while len(words) > 1 and (words[-1] in FACILITY_WORDS or words[-1] in COMPANY_WORDS
                              or words[-1] in BROADCAST_WORDS or words[-1] in SHOP_WORDS):
        words.pop()
    if len(words) > 1 and words[-2:] == ["air", "base"]:
        words = words[:-2]
    words = [_DOUBLED.sub(r"\1", w) for w in words]  # Assad/Asad, Hizballah/Hizbalah
    return " ".join(words)


_VOWELS = frozenset("aeiouy")


def _vowel_apart(a: str, b: str) -> bool:
    """Same length, and the only difference one vowel for another inside the name."""
    if len(a) != len(b):
        return False
    apart = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(apart) == 1 and 0 < apart[0] < len(a) - 1 and \
        a[apart[0]] in _VOWELS and b[apart[0]] in _VOWELS


def is_acronym_of(acronym: str, expansion: str) -> bool:
    """Whether ``acronym`` abbreviates ``expansion``, letter by letter or by syllables.

    Every word of the expansion (except "of", "the", "and", "for") gives the
    acronym a non-empty prefix, in order: IRGC = Islamic Revolutionary Guard
    Corps, CENTCOM = CENTral COMmand, NATO = North Atlantic Treaty Organization.
    """
    letters = _NOT_LETTER.sub("", acronym.lower())
    words = [_NOT_LETTER.sub("", w) for w in _SPACE_OR_HYPHEN.split(expansion.lower())
             if w and w not in ("of", "the", "and", "for", "&", "in", "on")]
    if len(words) < 2 or len(letters) < 2 or not words[0] or words[0][0] != letters[0]:
        return False
    return _consume(letters, words)


def _consume(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    if not letters:
        return False
    word = words[0]
    for n in range(min(len(word), len(letters)), 0, -1):
        if letters[:n] == word[:n] and _consume(letters[n:], words[1:]):
            return True
    return False


def _abbreviates(short: str, long: str) -> bool:
    """Whether the letters of ``short`` start ``long`` and follow in it in order ("IC" in
    "Intercity", "Utd" in "United")."""
    a, b = short.lower(), core(long)
    if not a or not b or a[0] != b[0]:
        return False
    at = 1
    for letter in a[1:]:
        at = b.find(letter, at) + 1
        if at == 0:
            return False
    return True


@cache
def load_aliases(path: str | None = None) -> tuple[frozenset[str], ...]:
    """Alias groups (sets of cores) from the packaged file and the user's own file."""
    files = [Path(path)] if path else [Path(__file__).with_name("aliases.json"), _user_file()]
    groups: list[frozenset[str]] = []
    for file in files:
        if file is None or not file.is_file():
            continue
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            continue  # a broken user file (bad JSON, nesting too deep) must not stop a comparison
        for group in data.get("groups", []) if isinstance(data, dict) else []:
            if isinstance(group, list):  # only names (strings) count; nested lists or numbers are ignored
                names = frozenset(core(s) for s in group if isinstance(s, str)) - {""}
                if len(names) > 1:
                    groups.append(names)
    return tuple(groups)


def _user_file() -> Path | None:
    try:
        from platformdirs import user_config_dir
    except ImportError:
        return None
    return Path(user_config_dir("storydiff")) / "aliases.json"


def _last_proper(core_text: str) -> str:
    """A name's last word that is no suffix: "jesse jackson jr" → "jackson"."""
    words = [w for w in core_text.split() if w not in SUFFIXES]
    return words[-1] if words else core_text


def group_spellings(spellings: Iterable[str],
                    aliases: tuple[frozenset[str], ...] | None = None,
                    defined: Iterable[tuple[str, str]] = (),
                    first_only: frozenset[str] = frozenset()) -> dict[str, int]:
    """Entity number for each spelling; spellings of one entity share a number.

    ``defined`` holds (name, acronym) pairs the articles define themselves
    (:func:`find_definitions`); each pair is one entity. ``first_only`` holds the
    cores of one-word spellings only ever seen as a sentence's first word
    ("Federal prosecutors said"), which never join a name by its first word.

    Runs in about linear time: spellings are bucketed by core, last word and
    first letter, and only cores sharing a first letter are compared fuzzily.
    """
    aliases = load_aliases() if aliases is None else aliases
    spellings = list(dict.fromkeys(spellings))
    cores = {s: core(s) for s in spellings}
    distinct = sorted(set(cores.values()) - {""})
    joined = DisjointSets(distinct)
    find, union = joined.find, joined.union

    single = {c for c in distinct if " " not in c}
    by_letter: dict[str, list[str]] = {}
    for c in distinct:
        by_letter.setdefault(c[0], []).append(c)
    ending: dict[str, list[str]] = {}  # single word -> the short names it ends
    starting: dict[str, list[str]] = {}  # single word -> the short names it starts
    for c in distinct:
        words = c.split()
        short = 1 < len(words) <= 3 and words[0] not in DIRECTION_WORDS \
            and not any(w in CONNECTORS or w == "in" for w in words)
        # 3: a single word ending a short multi-word name (a surname, a place's proper part)
        if short and len(words[-1]) >= 4:
            if words[-1] in single:
                ending.setdefault(words[-1], []).append(c)
            for other in by_letter.get(words[-1][0], ()):
                if other in single and other != words[-1] and len(other) >= FUZZY_MIN_LENGTH \
                        and fuzz.ratio(words[-1], other, score_cutoff=FUZZY_MIN):
                    ending.setdefault(other, []).append(c)
        # 3b: a single word starting one: a given name ("Uma"), a firm's first word ("Goldman")
        if short and len(words[0]) >= 3 and words[0] in single and words[0] not in first_only \
                and not NAMED_AFTER.intersection(words[1:]):
            starting.setdefault(words[0], []).append(c)
        # 2: near-identical spellings, or one vowel written another way inside a word
        # ("Penelec"/"Penelac", "Hussein"/"Hussain"; not "Germany"/"Germans")
        if len(c) >= FUZZY_MIN_LENGTH:
            for other in by_letter[c[0]]:
                if other > c and len(other) >= FUZZY_MIN_LENGTH and (
                        fuzz.ratio(c, other, score_cutoff=FUZZY_MIN) or _vowel_apart(c, other)):
                    union(c, other)
    # A word that ends (or starts) the names of two people is neither's: "Hunter" beside
    # "Duncan Hunter" and "Margaret Hunter", "Jesse" beside "Jesse Jackson" and "Jesse Smith".
    for word, names in ending.items():
        if len({n.split()[0] for n in names}) == 1:
            for n in names:
                union(word, n)
    for word, names in starting.items():
        if len({_last_proper(n) for n in names}) == 1:
            for n in names:
                union(word, n)
    # 2b: one person's first names transliterated apart ("Mohammed"/"Muhammad bin Salman",
    # "Jon"/"John Smith"): same surname, same number of words, given names alike
    by_last: dict[str, list[str]] = {}
    for c in distinct:
        words = c.split()
        if 2 <= len(words) <= 4 and not any(w in CONNECTORS for w in words):
            by_last.setdefault(words[-1], []).append(c)
    for same_last in by_last.values():
        for x, a in enumerate(same_last):
            for b in same_last[x + 1:]:
                wa, wb = a.split(), b.split()
                if len(wa) == len(wb) and all(
                        fuzz.ratio(p, q, score_cutoff=GIVEN_NAME_MIN) for p, q in zip(wa, wb, strict=True)):
                    union(a, b)
    # 4: acronyms
    acronyms = {cores[s]: s for s in spellings if _ACRONYM.match(s.replace(" ", "")) or
                _ACRONYM.match(s.split()[-1] if s.split() else "")}
    by_initial: dict[str, set[str]] = {}
    for s in spellings:
        if len(cores[s].split()) >= 2:
            by_initial.setdefault(cores[s][0], set()).add(cores[s])
    for ac_core in acronyms:
        if " " in ac_core or not ac_core:
            continue
        for expansion in by_initial.get(ac_core[0], ()):
            if is_acronym_of(ac_core, expansion):
                union(ac_core, expansion)
    # 4b: one word of a name abbreviated: "PKP IC" / "PKP Intercity", "Man Utd" style. The
    # other words must be equal and the short word's letters appear in order in the long one.
    by_stem: dict[str, list[tuple[str, str]]] = {}
    for s in spellings:
        words = s.split()
        if len(words) >= 2:
            by_stem.setdefault(" ".join(cores[s].split()[:-1]), []).append((s, words[-1]))
    for items in by_stem.values():
        for short_spelling, short in items:
            if not _ACRONYM.match(short):
                continue
            for long_spelling, long in items:
                if long_spelling != short_spelling and len(long) > len(short) + 2 and \
                        not _ACRONYM.match(long) and _abbreviates(short, long):
                    union(cores[short_spelling], cores[long_spelling])
    # 5: the articles' own definitions, then the alias file
    present = set(distinct)
    for name, acronym in defined:
        a, b = core(name), core(acronym)
        if a in present and b in present:
            union(a, b)
    for group in aliases:
        here = sorted(group & present)
        for other in here[1:]:
            union(here[0], other)
    roots = {c: find(c) for c in distinct}
    numbers: dict[str, int] = {}
    result: dict[str, int] = {}
    for s in spellings:
        c = cores[s]
        if not c:
            continue
        result[s] = numbers.setdefault(roots[c], len(numbers))
    return result
