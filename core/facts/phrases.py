"""The noun phrase a figure counts: "17 ballistic missiles and rockets were launched".

News puts what it counts right after the figure and ends the phrase at a verb, a
preposition or punctuation; :func:`counted_phrase` reads it, and the word lists here say
where it ends. :mod:`claims` uses the same lists to find a figure's subject and verb.
"""

from __future__ import annotations

import re

from ..words import stem
from .numwords import TENS, UNITS

# Words that end the counted noun phrase: verbs, prepositions, conjunctions, pronouns.
PHRASE_STOP = frozenset("""
a an the of in on at to for from by with without into onto over under after before during
since until and or but nor that which who whom whose where when while as than then if
was were is are be been being has have had do does did will would could should may might
must can said says say told reported according this these those its their his her our
there here also all both each every other another more most less least same such not no
per about around some nearly almost just only even still yet ago later earlier across near
along amid among against between behind beyond inside outside throughout toward towards
within upon via despite like including except last next overnight meanwhile
clear ahead apart away
""".split()) - {"and", "or"}
# (the last four follow a margin: "19 points clear of Hamilton", "3.1 seconds clear", "two
# games ahead", "three miles apart": the margin counts points, seconds, games, miles)
# Common verbs that do not end in -ed, so the phrase stops before them ("40 people died").
VERB_STOP = frozenset("""
die died dies dead hurt left fell fall falls rose rise rises lost lose won win took take
fled flee stood went go goes came come comes got get gets made make makes saw see sees
hit hits struck remain remains face faces gave give told sent met ran paid pay spent sold sell bought held
hold led kept brought fought caught built became become began drew grew knew threw flew
broke chose spoke stole wrote need needs live lives remain missing alive aboard
""".split())
WEEKDAYS_AND_MONTHS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec today yesterday tomorrow tonight
""".split())
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,.]*|[^\s\w]")


def counted_phrase(text: str, pos: int) -> tuple[tuple[str, ...], frozenset[str], int]:
    """The noun phrase a number counts, right after it: stems, conjunct heads, end offset.

    News writes "17 ballistic missiles and rockets were launched": the phrase
    runs until a verb, preposition or punctuation. Words ending in -ed after the
    first word are taken for verbs ("personnel suffered"), as is a capitalised
    word after a lower-case one ("missiles Saturday").
    """
    words: list[str] = []
    heads: set[str] = set()
    end = pos
    last_word: str | None = None
    for m in _TOKEN.finditer(text, pos):
        token = m.group()
        if text[end:m.start()].strip():
            break
        low = token.lower() if _DOTTED.fullmatch(token) else token.lower().rstrip(".")
        if not token[0].isalpha():
            break
        final_stop = token.endswith(".") and low == token.lower().rstrip(".")
        if final_stop:  # "… 40 people." ends the sentence: the stop is no part of the word
            token = token.rstrip(".")
        if low.endswith(("'s", "’s")):
            break
        if low in ("and", "or"):
            # only join two noun phrases: "missiles and rockets", not "hurt and 3 killed"
            # nor "a $3 billion charge and Credit Suisse Group AG is at risk"
            nxt = _TOKEN.match(text, m.end() + 1) if m.end() < len(text) else None
            following = nxt.group().lower() if nxt is not None else ""
            if not words or nxt is None or not nxt.group()[0].isalpha() or (
                    nxt.group()[0].isupper() and last_word is not None
                    and last_word[0].islower()) or \
                    following in PHRASE_STOP or following in UNITS or following in VERB_STOP or \
                    following.endswith(("ing", "ed")):
                break
            if last_word is not None:
                heads.add(stem(last_word))
            last_word = None
            end_before_and = end
            words.append(low)
            end = m.end()
            continue
        if low in PHRASE_STOP or low in VERB_STOP or low in WEEKDAYS_AND_MONTHS or \
                low in UNITS or low in TENS:
            break
        if words and (low.endswith("ed") and len(low) > 4 or low.endswith("ing") and len(low) > 5):
            break  # a participle: "personnel suffered", "people fleeing"
        if words and token[0].isupper() and last_word and last_word[0].islower() and \
                not re.fullmatch(r"[A-Z][a-z]+", last_word.capitalize()):
            break
        if len(words) >= 6:
            break
        words.append(low)
        last_word = token
        end = m.start() + len(token)
        if final_stop:
            break
    if words and words[-1] in ("and", "or"):
        words.pop()
        end = end_before_and
    if last_word is not None:
        heads.add(stem(last_word))
    stems = tuple(stem(w) for w in words if w not in ("and", "or"))
    return stems, frozenset(heads), end

