"""Claims that something happened or did not: who claimed an attack, who was charged or
arrested, whether a road reopened, whether someone resigned.

"The group claimed responsibility" and "no group has claimed responsibility" cannot both
be true of one attack; neither holds a number or a date, so only their polarity can be
compared. A small set of news predicates is read, each with the words that affirm it and
the words that deny it; a denial is tried first, since it usually holds the affirming
words too ("has not been charged"). The subject is the name the sentence gives before the
predicate, when it gives one: "Smith was charged" and "Jones has not been charged" are
two people, not a contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import FactStatus, Mention, Passage
from .draft import Draft
from .names import find_names
from .spellings import core

# predicate -> (denials, affirmations); checked in this order, first match wins.
PREDICATES: dict[str, tuple[str, str]] = {
    "claimed responsibility": (
        r"\b(?:no(?: one| group| organi[sz]ation| militant group)?|nobody|none)\b[^.;]{0,40}?"
        r"\bclaim(?:ed|s)? (?:any )?responsibility|\b(?:has|have|had|did) not (?:yet |immediately )?"
        r"(?:been )?claim(?:ed)? (?:any )?responsibility|\bno claim of responsibility|"
        r"\bdenied (?:any )?responsibility|\bwithout (?:a )?claim of responsibility",
        r"\bclaim(?:ed|s|ing)? responsibility|\btook responsibility|\bclaimed the (?:attack|bombing)"),
    "charged": (
        r"\b(?:has|have|had|was|were)(?: not|n't| never)(?: yet)? (?:been )?charged\b|"
        r"\bno charges? (?:has|have|had|was|were) (?:yet )?(?:been )?(?:filed|brought|laid)|"
        r"\b(?:released|held) without charge",
        r"\b(?:was|were|has been|have been|is being|are being|been) (?:formally )?"
        r"(?:charged|indicted)\b|\bcharged (?:him|her|them) with\b|\bfaces? charges? of\b"),
    "arrested": (
        r"\bno arrests? (?:has|have|had|was|were)? ?(?:yet )?(?:been )?made|\bno(?: one|body) "
        r"(?:has|had|was) (?:yet )?(?:been )?arrested|\b(?:has|have|had|was|were)(?: not|n't)"
        r"(?: yet)? (?:been )?arrested|\bremains? at large",
        r"\b(?:was|were|has been|have been|had been) arrested\b|\b(?:police|officers|authorities)"
        r" (?:have |had )?arrested\b|\barrested (?:a|an|two|three|four|five|\d+)\b"),
    "reopened": (
        r"\bremain(?:s|ed)? (?:closed|shut)\b|\b(?:is|was|are|were) still (?:closed|shut)\b|"
        r"\bha(?:s|ve) not (?:yet )?reopened",
        r"\b(?:re-?opened|has reopened|was reopened)\b"),
    "resigned": (
        r"\b(?:refused|declined) to (?:resign|step down)|\b(?:has|had|did)(?: not|n't) "
        r"(?:resign|resigned|step down|stepped down)|\bruled out (?:resigning|stepping down)|"
        r"\bwill not (?:resign|step down)",
        r"\b(?:resigned|stepped down|has resigned|quit his post|quit her post)\b"),
    # A share price's direction: "Shares of Acme fell 1 percent" / "Acme's shares rose".
    "shares rose": (
        r"\bshares?\b[^;!?]{0,60}?\b(?:fell|dropped|declined|slipped|slid|tumbled|sank|plunged|"
        r"lost|edged down|(?:were|was) (?:down|lower)|traded (?:down|lower))\b",
        r"\bshares?\b[^;!?]{0,60}?\b(?:rose|gained|climbed|jumped|rallied|advanced|surged|"
        r"edged up|(?:were|was) (?:up|higher)|traded (?:up|higher))\b"),
}
# Predicates whose subject is a company, known by its first word ("Goldman" / "Goldman
# Sachs Group Inc."); people are known by their surname, the last word.
BY_FIRST_WORD = frozenset({"shares rose"})
_COMPILED = {p: (re.compile(neg, re.IGNORECASE), re.compile(pos, re.IGNORECASE))
             for p, (neg, pos) in PREDICATES.items()}
# Words that make a sentence about what might be, not what is: "could be charged".
_HEDGE = re.compile(r"\b(?:could|may|might|would|if|whether|expected to|likely to|plans? to)\b"
                    r"[^.;]{0,30}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PolarityClaim:
    """One sentence's yes or no on a predicate, about a subject (a name core) or the story."""

    mention: Mention
    predicate: str
    yes: bool
    subject: str | None


def find_polarity(passage: Passage) -> list[PolarityClaim]:
    """The predicates a passage affirms or denies, at most one reading of each."""
    text = passage.text
    low = text.lower()
    if not any(w in low for w in ("respons", "charg", "indict", "arrest", "large", "open",
                                  "closed", "shut", "resign", "step", "share")):
        return []
    out = []
    for predicate, (neg, pos) in _COMPILED.items():
        m = neg.search(text)
        yes = False
        if m is None:
            m = pos.search(text)
            yes = True
        if m is None or _HEDGE.search(text, max(0, m.start() - 40), m.start()):
            continue
        subject = _subject(text, m, predicate)
        value = {"predicate": predicate, "polarity": "yes" if yes else "no"}
        mention = Mention("claim", passage.article, passage.index, passage.start + m.start(),
                          passage.start + m.end(), m.group(0), value, predicate)
        out.append(PolarityClaim(mention, predicate, yes, subject))
    return out


def _subject(text: str, m: re.Match[str], predicate: str) -> str | None:
    """Who the predicate is about: the last name before its verb, by surname (a person) or
    first word (a company); None for what only the story's event can be the subject of."""
    if predicate in ("claimed responsibility", "reopened"):
        return None
    verb_end = m.end()
    names = [n for n in find_names(text[:verb_end]) if n.end <= verb_end]
    found = [re.sub(r"^(?:shares?|stock)\s+of\s+", "", n.text, flags=re.IGNORECASE)
             for n in names]
    found = [n for n in found if n.lower() not in ("shares", "share", "stock") and core(n)]
    if not found:
        return None
    words = core(found[-1]).split()
    # "Mark Ellery" and "Ellery" are one man; "Goldman Sachs" and "Goldman" one bank.
    return words[0] if predicate in BY_FIRST_WORD else words[-1]


def polarity_facts(claims: list[PolarityClaim]) -> list[Draft]:
    """One fact per predicate and subject that two articles speak of; a yes and a no from
    different articles conflict. A claim naming no subject joins the predicate's one
    named subject, if only one is named."""
    by_key: dict[tuple[str, str | None], list[PolarityClaim]] = {}
    for c in claims:
        by_key.setdefault((c.predicate, c.subject), []).append(c)
    for predicate in sorted({p for p, _ in by_key}):
        named = sorted(s for p, s in by_key if p == predicate and s is not None)
        if len(named) == 1 and (predicate, None) in by_key:
            by_key[(predicate, named[0])].extend(by_key.pop((predicate, None)))
    drafts = []
    for (predicate, subject), members in sorted(by_key.items(), key=lambda kv: (kv[0][0],
                                                                               kv[0][1] or "")):
        if len({c.mention.article for c in members}) < 2:
            continue
        clashes = [(a.mention, b.mention) for i, a in enumerate(members) for b in members[i + 1:]
                   if a.yes != b.yes and a.mention.article != b.mention.article]
        yes_articles = {c.mention.article for c in members if c.yes}
        no_articles = {c.mention.article for c in members if not c.yes}
        status = FactStatus.CONFLICT if clashes else (
            FactStatus.AGREE if len(yes_articles) >= 2 or len(no_articles) >= 2
            else FactStatus.COMPATIBLE)
        label = predicate if subject is None else f"{predicate}: {subject}"
        drafts.append(Draft("claim", label, [c.mention for c in members], status, clashes))
    return drafts
