"""The words a passage is compared on: stems, synonym classes, figures.

Alignment (:mod:`align`) and the fact extractors share one idea of a word:
lower-cased, accents folded, lightly stemmed, British spellings made American,
news synonyms folded to one key, stop words dropped, and figures kept as
``#``-prefixed keys::

    >>> content_words("Rescuers found 12 bodies in the rubble")
    ['rescuer', 'found', '#12', 'body', 'rubble']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how
i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told according s t us u per
amid since via among upon yet still already however meanwhile
corp corporation inc ltd plc llc nearly almost roughly approximately around least
""".split())
NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred hundreds thousand thousands million millions billion billions
dozen dozens several multiple number first second third half bn mn m k percent pct cent
""".split())

# Words news copy uses interchangeably for one event or action, folded to one key.
# Collected from paraphrases across wire and newspaper versions of the same story
# (disasters, conflict, courts, markets); kept to words that rarely mean anything
# else in news.
SYNONYM_CLASSES = (
    "kill killed kills killing die died dies dying dead death deaths fatality fatalities",
    "injure injured injures injuring injury injuries hurt hurting wound wounded wounding",
    "earthquake earthquakes quake quakes tremor tremors temblor",
    "struck hit hits shook shake shakes jolted jolt rocked",
    "close closed closes closing shut shuts shutting block blocked blocks blocking",
    "risk risks threat threats danger dangers",
    "jail jailed prison imprisoned imprisonment sentence sentenced",
    "cut cuts cutting eliminate eliminated eliminating slash slashed axe axed",
    "output production produce produced",
    "remain remains remained stay stays stayed",
    "rubble debris wreckage",
    "rise rises rose risen climb climbed climbs jump jumped jumps soar soared increase increased "
    "increases grew grow grows gain gained gains surge surged",
    "fall falls fell fallen drop dropped drops decline declined slump slumped plunge plunged",
    "arrest arrested arrests detain detained detains",
    "revenue revenues sales turnover",
    "profit profits earnings income",
    "share shares stock stocks",
    "hire hires hired hiring recruit recruits recruited recruiting",
    "buy buys bought purchase purchased acquire acquired acquires",
    "begin begins began start started starts",
    "ban banned bans prohibit prohibited",
    "blaze blazes wildfire wildfires",
    "storm storms hurricane typhoon cyclone",
    "vote votes voted ballot ballots",
    "lawmaker lawmakers legislator legislators mp mps",
    "rescuer rescuers rescue rescued",
    "troop troops soldier soldiers",
    "airbase airbases",
    "retaliation retaliate retaliated retaliating reprisal reprisals revenge avenge avenged",
    "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople spokespersons",
    "investigate investigated investigates investigating investigation investigations "
    "probe probes probing probed inquiry inquiries",
    "blast blasts explosion explosions explode exploded explodes detonate detonated detonation",
    "crash crashed crashes collision collisions collide collided",
    "error errors mistake mistakes glitch glitches",
    "overseas abroad offshore",
    "company companies firm firms",
    "employee employees staff staffer staffers personnel",
    "unharmed uninjured unhurt",
    "suffer suffered suffers suffering sustain sustained sustains",
)
SYNONYMS = {word: cls.split()[0] for cls in SYNONYM_CLASSES for word in cls.split()}
# Number words read as digits, so "four" and "4" match; scale words stay out.
NUMBER_VALUES = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.]*", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light English stemmer: plurals and -ed/-ing, nothing clever."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if word.endswith("ly") and len(word) > 6:
        return word[:-2]
    if word.endswith("ing") and len(word) > 6:
        return word[:-3]
    if word.endswith("ed") and len(word) > 5:
        return word[:-2]
    return word


def content_words(text: str) -> list[str]:
    """The keys a passage is compared on: stems and synonym classes, and numbers.

    Numbers stay in: a shared "6.8" or "120" is strong evidence of the same
    statement, and a different one costs only its own weight.
    """
    tokens = WORD.findall(text)
    keys = []
    for n, token in enumerate(tokens):
        found = _keys(token)
        if found and found[0].startswith("#") and n + 1 < len(tokens):
            scale = _SCALES.get(tokens[n + 1].lower())
            if scale:  # "$5 billion" is not the 5 of "5 percent": the figure keeps its scale
                found = (found[0] + scale,)
        keys.extend(found)
    return keys


_SCALES = {"thousand": "k", "million": "m", "millions": "m", "mn": "m", "mln": "m",
           "billion": "bn", "billions": "bn", "bn": "bn", "trillion": "tn", "tn": "tn"}


# Closed compounds news spells open or shut ("airstrikes" / "air strikes"): keyed as their
# parts, so both spellings share their words.
COMPOUNDS = {"airstrike": ("air", "strike"), "airstrikes": ("air", "strike"),
             "ceasefire": ("cease", "fire"), "firefighter": ("fire", "fighter"),
             "firefighters": ("fire", "fighter"), "shutdown": ("shut", "down"),
             "carmaker": ("car", "maker"), "carmakers": ("car", "maker")}


@lru_cache(maxsize=131072)
def _keys(token: str) -> tuple[str, ...]:
    if token[0].isdigit():
        return ("#" + token.rstrip(".,").replace(",", ""),)
    if _CJK.search(token):
        return tuple(token)  # no spaces in CJK: each character is a word
    low = fold_accents(token.lower())
    if low in NUMBER_VALUES:
        return ("#" + NUMBER_VALUES[low],)
    if len(low) < 2 or low in STOPWORDS or low in NUMBER_WORDS:
        return ()
    if low in COMPOUNDS:
        return tuple(_spelling(SYNONYMS.get(part) or stem(part)) for part in COMPOUNDS[low])
    return (_spelling(SYNONYMS.get(low) or stem(low)),)


# Letters NFKD does not take apart into a base letter and an accent; news in English
# spells these names both ways ("Łódź"/"Lodz", "Tromsø"/"Tromso", "Đorđević"/"Dordevic").
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i",
                          "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H"})


def fold_accents(word: str) -> str:
    """"Łódź" → "Lodz", "são" → "sao": accents and special letters folded to ASCII
    (case kept). Alignment and name spellings both compare words this way."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_LETTERS))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded or word


@lru_cache(maxsize=65536)
def _spelling(word: str) -> str:
    """Fold British and American spellings together ("defence"/"defense", "-ise"/"-ize")."""
    for british, american in _SPELLINGS:
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


_SPELLINGS = (("ence", "ense"), ("our", "or"), ("ise", "ize"), ("yse", "yze"), ("tre", "ter"),
              ("ised", "ized"), ("ising", "izing"))


def signature(text: str) -> list[str]:
    """The sorted, de-duplicated content stems of a passage."""
    return sorted(set(content_words(text)))


def norm_words(text: str) -> list[str]:
    """Every word and number of a passage, lower-cased: for comparing wording exactly."""
    return WORD.findall(text.lower().replace("’", "'"))
