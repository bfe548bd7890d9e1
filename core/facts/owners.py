"""Whose sum it is: the company a figure of money belongs to.

Business news sets several companies' figures side by side: "Citigroup Inc. said it expects a
hit of as much as $20 billion, while Bank of America Corp. will take a $3 billion charge". The
two charges are two facts, one per bank, and another outlet's "Bank of America … could book a
$3 billion charge" agrees with the second, not against the first. A sum's owner is the last
company named in its clause before it; a company is a name the batch writes, somewhere, with a
company word ("Inc.", "Corp.", "Group", "AG"…), and is known by that name's core however it is
shortened ("Goldman" for "Goldman Sachs Group Inc."). A sum with no company before it in its
clause has no owner and joins the one owner its key has, if only one (matching's broaden).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from .names import find_names
from .spellings import COMPANY_WORDS, core

# Where a clause ends, before a figure: "…, while Bank of America will take…", "; BofA…".
_CLAUSE_BREAK = re.compile(r"[;:—]|,\s*(?:while|whereas|but|and|as)\b|\b(?:while|whereas)\b",
                           re.IGNORECASE)
# First words too general to name one company when written alone ("Bank", "First").
_GENERIC_FIRST = frozenset("bank first national united general american royal new the "
                           "credit capital international global".split())


def companies(articles: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """The companies whose sums are told apart: the cores of the names the articles (id →
    passage texts) write with a company word ('citigroup', 'bank of america'), less the
    story's own company, the one most articles name (in more than half of them): its sums
    are the story's and need no owner, however an outlet names it ("Goldman", "the bank")."""
    found: set[str] = set()
    for texts in articles.values():
        for text in texts:
            if not any(w in text for w in _COMPANY_HINTS):
                continue
            for name in find_names(text):
                words = name.text.replace(",", " ").replace(".", " ").split()
                if len(words) > 1 and words[-1].lower() in COMPANY_WORDS:
                    key = core(name.text)
                    if key:
                        found.add(key)
    if not found:
        return frozenset()
    known = frozenset(found)
    named: Counter[str] = Counter()
    for texts in articles.values():
        named.update({c for text in texts for n in find_names(text)
                      if (c := _known(core(n.text), known)) is not None})
    main = min(named, key=lambda c: (-named[c], c), default=None)
    if main is not None and 2 * named[main] > len(articles):
        found.discard(main)
    return frozenset(found)


_COMPANY_HINTS = ("Inc", "Corp", "Co.", "Group", "AG", "plc", "PLC", "LLC", "Ltd", "Holdings",
                  "SA", "NV", "GmbH", "Company", "Limited")


def owner_of(text: str, start: int, known: frozenset[str]) -> str | None:
    """The company a figure at ``start`` belongs to: the last known company named in its
    clause before it, as its core; None when none is."""
    if not known:
        return None
    begin = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        begin = m.end()
    owner = None
    for name in find_names(text[begin:start]):
        match = _known(core(name.text), known)
        if match is not None:
            owner = match
    return owner


def _known(name: str, known: frozenset[str]) -> str | None:
    """The known company ``name`` names: itself, or the one company whose core it begins
    ("Goldman" for "goldman sachs"), unless that first word is too general to tell."""
    if not name:
        return None
    if name in known:
        return name
    if " " in name or name in _GENERIC_FIRST:
        return None
    longer = [k for k in known if k.split()[0] == name]
    return longer[0] if len(longer) == 1 else None
