"""Facts compared across sources: who says how many, when, who, and in what words.

A *fact* is one thing reported: the number of missiles fired, the number of
soldiers hurt, the day of the attack, a name, a quotation. Each article's
statement of it is a :class:`Mention` in the article's own words. Facts are
built in three steps:

1. **Extract** from every passage: quantities (:mod:`numbers`), dates and
   times (:mod:`dates`, resolved against the passage's section date), names
   (:mod:`names`) and quotations (:mod:`quotes`). Each quantity gets a *key*
   (:mod:`claims`, with :mod:`counted` and :mod:`roles`): what it counts, its role ("injured", "killed"), the
   nationality and place it is qualified by, and whether it is a running
   total or a figure from another year.
2. **Match** (:mod:`matching`; quantities in :mod:`quantity_facts`): mentions inside one aligned group that count
   the same thing are one fact (the group says they report the same thing);
   then facts whose keys are equal are joined across groups, through a dict
   keyed by the key, never by comparing every pair. A count that names no
   nationality or place joins the one key that does, if only one does. Dates
   of one kind of event join when they fall on the same or the next day in
   different sources, or are told in like words (a wrong year); names join by
   spelling (:func:`spellings.group_spellings`); quotations by wording
   (:func:`quotes.same_statements`).
3. **Judge**: a fact is a *conflict* when two of its mentions cannot both be
   true (disjoint intervals; different days), even inside one article;
   *agree* when two articles give the same value and none conflicts;
   *compatible* when they only overlap ("at least a dozen" and "17");
   *single* when one article alone states it.

A group of passages holding two mentions that conflict becomes
:attr:`GroupStatus.FACTS`.
"""

from __future__ import annotations

import dataclasses
import re
from difflib import SequenceMatcher
from collections import Counter
from collections.abc import Mapping, Sequence

from . import claims, dates, events, names, numbers, owners, spellings
from .claims import QuantityClaim, quantity_claims
from .dates import DateMention, TimeMention
from .events import (CONTEXT_MIN, DateClaim, date_claims, date_key, opposite_tenses, same_background,
                     similar_context)
from .draft import Draft as _Draft, status as _status
from .matching import cluster
from .people import who_conflicts
from .polarity import find_polarity, polarity_facts
from .quantity_facts import ages_by_person, inside_tally, quantity_facts
from .updates import mark_updates
from .vehicles import find_vehicles, vehicle_facts
from .tallies import find_tallies, tally_facts
from ..model import (
    Article,
    Fact,
    FactStatus,
    Group,
    GroupStatus,
    Mention,
    Passage,
    PassageKind,
    PassageRef,
)
from .names import find_definitions, find_names
from .spellings import group_spellings
from .numbers import Interval
from .quotes import MISQUOTE_MIN_SHARED, find_quotes, misquoted_any, normal_words, same_statements

# Clock times that differ by more than this (minutes) conflict when either is "about":
# "around 11:30pm" and "around 11pm" are two times; "about 9:45" and "10pm" one.
TIME_SLACK_APPROX = 20
# The first passages of each article, where the story's own event is told.
LEDE_PASSAGES = 3
# Title-case headlines ("Iran-Backed Militias Launch Missiles") are not mined for names.
TITLE_CASE_SHARE = 0.6

_ORDER = {FactStatus.CONFLICT: 0, FactStatus.AGREE: 1, FactStatus.COMPATIBLE: 2,
          FactStatus.SINGLE: 3}


def find_facts(articles: Sequence[Article], passages: Mapping[str, Sequence[Passage]],
               groups: tuple[Group, ...]) -> tuple[tuple[Fact, ...], tuple[Group, ...]]:
    """The facts the articles state, and the groups with "differ in facts" set."""
    # Captions, credits and teasers are not reporting: a gallery caption's date or count
    # never enters a fact.
    passages = {aid: [p for p in plist if p.reporting]
                for aid, plist in passages.items()}
    by_id = {a.id: a for a in articles}
    group_of = {ref: g.id for g in groups for ref in g.members}
    article_order = {a.id: n for n, a in enumerate(articles)}

    years = Counter(a.date.year for a in articles if a.date is not None)
    story_year = years.most_common(1)[0][0] if years else None
    story_event = events.story_event(
        [p.text for plist in passages.values() for p in plist[:LEDE_PASSAGES]])
    quantities: list[QuantityClaim] = []
    dated: list[DateClaim] = []
    companies = owners.companies({aid: [p.text for p in plist]
                                  for aid, plist in passages.items() if aid in by_id})
    for aid, plist in passages.items():
        article = by_id.get(aid)
        if article is None:
            continue
        for p in plist:
            group = group_of.get(p.ref)
            quantities.extend(quantity_claims(article, p, group, story_year, story_event,
                                              companies))
            dated.extend(date_claims(article, p, group))

    tallies = [t for aid, plist in passages.items() if aid in by_id
               for p in plist for t in find_tallies(p, group_of.get(p.ref))]
    if tallies:  # "won 134 to 63" is a vote's result, not a range of 63 to 134
        spans = {(t.mention.article, t.mention.passage): t for t in tallies}
        quantities = [q for q in quantities if not inside_tally(q.mention, spans)]
    drafts: list[_Draft] = []
    drafts += quantity_facts(ages_by_person(quantities))
    drafts += tally_facts(tallies)
    drafts += polarity_facts([c for aid, plist in passages.items() if aid in by_id
                              for p in plist for c in find_polarity(p)])
    drafts += vehicle_facts([m for aid, plist in passages.items() if aid in by_id
                             for p in plist for m in find_vehicles(p)])
    drafts += _date_facts(dated)
    drafts += _name_facts(articles, passages)
    drafts += who_conflicts({aid: plist for aid, plist in passages.items() if aid in by_id},
                            groups)
    drafts += _quote_facts(articles, passages)

    def sort_key(d: _Draft) -> tuple[int, int, int, int]:
        first = min(d.mentions, key=lambda m: (article_order.get(m.article, 0), m.start))
        return (_ORDER[d.status], _KIND_ORDER.get(d.kind, 9), article_order.get(first.article, 0),
                first.start)

    drafts.sort(key=sort_key)
    facts = []
    for n, d in enumerate(drafts):
        mentions = tuple(sorted(d.mentions, key=lambda m: (article_order.get(m.article, 0),
                                                           m.start)))
        fact_groups = tuple(sorted({group_of[PassageRef(m.article, m.passage)] for m in mentions
                                    if PassageRef(m.article, m.passage) in group_of}))
        facts.append(Fact(n, d.kind, d.status, d.label, mentions, fact_groups, about=d.about))
    return mark_updates(facts, articles), _mark_groups(groups, drafts)


_KIND_ORDER = {"count": 0, "money": 1, "percent": 2, "measure": 3, "tally": 4, "date": 5,
               "time": 6, "claim": 7, "vehicle": 7, "quote": 8, "name": 9}


# --- dates and times --------------------------------------------------------------------


def _date_facts(claims: list[DateClaim]) -> list[_Draft]:
    drafts = []
    for kind in ("date", "time"):
        these = [c for c in claims if c.kind == kind]
        sets = cluster(these, same_group=_same_event, key=date_key,
                       refine=similar_context, refine_min=CONTEXT_MIN)
        for members in sets:
            if len(members) < 2 and date_key(members[0]) is None:
                continue
            drafts.append(_judge_dates(members))
    return drafts


def _same_event(a: DateClaim, b: DateClaim) -> int:
    """Inside one aligned group: 2 for dates at one precision of one event (or of none
    named), else 0."""
    if a.kind != b.kind:
        return 0
    if a.history or b.history:
        return 2 if same_background(a, b) else 0
    if opposite_tenses(a, b):
        return 0
    if isinstance(a.when, DateMention) and isinstance(b.when, DateMention) and \
            a.when.precision != b.when.precision:
        return 0
    # Outlets report the latest statement: "officials said Saturday" beside "said on
    # Sunday" is two days of saying, not a contradiction.
    if a.event is None and b.event is None and not (a.near & b.near):
        return 0  # two dates of no named event, with no word in common around them ("passed a
        # resolution on Tuesday" / "urged lawmakers Wednesday"): two moments, not one day
    return 2 if a.event == b.event and a.event != "statement" else 0


def _judge_dates(members: list[DateClaim]) -> _Draft:
    clashes = []
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if _when_conflict(a.when, b.when) and not _same_relative(a.mention.text, b.mention.text) \
                    and not _a_day_off_from_now(a, b):
                clashes.append((a.mention, b.mention))
    status = _status([(c.mention.article, c.when) for c in members], bool(clashes), _when_same)
    labels = Counter(c.label for c in members)
    event = next((c.event for c in members if c.event), None)
    about = (("event", event),) if event and event != "statement" else ()
    if any(c.history for c in members):
        about += (("scope", "background"),)
    return _Draft(members[0].kind, labels.most_common(1)[0][0], [c.mention for c in members],
                  status, clashes, about)


_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night)\b|['’]s\b")


# Days told from the moment of writing: a page's date is often the day before or after its
# text was written (time zones, a late edition, a scraper's date), so "last night" in a page
# dated Thursday may be Thursday night.
_FROM_NOW = re.compile(r"^(?:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|"
                       r"afternoon|evening))(?:['’]s)?$", re.IGNORECASE)


def _a_day_off_from_now(a: DateClaim, b: DateClaim) -> bool:
    """One of the two days is told from the moment of writing and they are one day apart:
    not a contradiction anyone wrote."""
    if not (_FROM_NOW.match(a.mention.text.strip()) or _FROM_NOW.match(b.mention.text.strip())):
        return False
    x, y = a.when, b.when
    return isinstance(x, DateMention) and isinstance(y, DateMention) and x.precision == "day" \
        and y.precision == "day" and x.first is not None and y.first is not None \
        and abs((x.first - y.first).days) == 1


def _same_relative(a: str, b: str) -> bool:
    """One relative date in the same words ("Sunday" / "Sunday's", "last week" / "Last week"):
    told in articles published on different days it resolves to different days, yet neither
    outlet said anything the other did not."""
    if any(c.isdigit() for c in a + b):
        return False
    def words(text: str) -> str:
        return " ".join(_PART_OF_DAY.sub(" ", text.lower()).split())
    return words(a) == words(b) != ""


def _when_conflict(a: object, b: object) -> bool:
    if isinstance(a, DateMention) and isinstance(b, DateMention):
        return a.conflicts_with(b)
    if isinstance(a, TimeMention) and isinstance(b, TimeMention):
        if a.zone != b.zone:
            return False
        slack = TIME_SLACK_APPROX if a.approx or b.approx else 0
        return abs(a.minutes - b.minutes) > slack
    return False


def _when_same(a: object, b: object) -> bool:
    if isinstance(a, DateMention) and isinstance(b, DateMention):
        return a.same_as(b)
    if isinstance(a, TimeMention) and isinstance(b, TimeMention):
        return a.minutes == b.minutes
    return False


# --- names ------------------------------------------------------------------------------


def _name_facts(articles: Sequence[Article], passages: Mapping[str, Sequence[Passage]]
                ) -> list[_Draft]:
    found: list[tuple[Passage, int, int, str]] = []
    defined: list[tuple[str, str]] = []
    for article in articles:
        for p in passages.get(article.id, ()):
            if p.kind != PassageKind.SENTENCE and _title_case(p.text):
                continue
            for name in find_names(p.text):
                found.append((p, name.start, name.end, name.text))
            defined.extend((d.name.text, d.acronym.text) for d in find_definitions(p.text))
    seen_inside = {text for p, start, _, text in found
                   if " " not in text and p.text[:start].strip(_OPENERS)}
    first_only = frozenset(spellings.core(text) for *_, text in found
                           if " " not in text and text not in seen_inside)
    entity_of = group_spellings((text for *_, text in found), defined=defined,
                                first_only=first_only)
    by_entity: dict[int, list[tuple[Passage, int, int, str]]] = {}
    for item in found:
        if item[3] in entity_of:
            by_entity.setdefault(entity_of[item[3]], []).append(item)
    drafts = []
    for entity, items in by_entity.items():
        if len({p.article for p, *_ in items}) < 2:
            continue
        if all(" " not in text and not p.text[:start].strip(_OPENERS) for p, start, _, text in items):
            continue  # only ever a sentence's first word: "Turnout", "Doctors", not a name
        written = Counter(text for *_, text in items)
        canonical = written.most_common(1)[0][0]
        value = {"entity": entity, "name": canonical, "spellings": len(written)}
        mentions = [Mention("name", p.article, p.index, p.start + start, p.start + end, text,
                            value, canonical) for p, start, end, text in items]
        drafts.append(_Draft("name", canonical, mentions, FactStatus.AGREE, []))
    return drafts


_OPENERS = " \t\"'“‘(«—-"


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE


# --- quotations -------------------------------------------------------------------------


def _quote_facts(articles: Sequence[Article], passages: Mapping[str, Sequence[Passage]]
                 ) -> list[_Draft]:
    quotes: list[tuple[Mention, str]] = []
    for article in articles:
        plist = passages.get(article.id, ())
        if not plist:
            continue
        starts = [p.start for p in plist]
        for q in find_quotes(article.text):
            index = _passage_at(starts, q.start)
            norm = " ".join(q.words)
            quotes.append((Mention("quote", article.id, plist[index].index, q.start, q.end,
                                   q.text, {"quote": norm}), norm))
    if not quotes:
        return []
    drafts = []
    for members in same_statements([norm for _, norm in quotes],
                                   [m.text for m, _ in quotes]):
        if len({quotes[i][0].article for i in members}) < 2:
            continue
        norms = {quotes[i][1] for i in members}
        longest = max(sorted(norms), key=len)  # sorted: a tie in length never falls to hash order
        same = all(n in longest for n in norms)
        # The label in the writer's words ("our", not the folded "or"), from the longest quote.
        raw = max(sorted(quotes[i][0].text for i in members if quotes[i][1] == longest), key=len)
        words = raw.split()
        label = " ".join(words[:8]).strip(" ,.;:") + ("…" if len(words) > 8 else "")
        mentions = [dataclasses.replace(quotes[i][0], label=label, value={
            "quote": quotes[i][1], "wording": "same" if same else "differs"}) for i in members]
        clashes = [] if same else _misquotes(mentions)
        status = (FactStatus.CONFLICT if clashes else
                  FactStatus.AGREE if same else FactStatus.COMPATIBLE)
        drafts.append(_Draft("quote", label, mentions, status, clashes))
    return drafts


def _misquotes(mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Pairs of mentions from different articles whose wordings differ: each pair of
    distinct wordings is compared once, however many outlets carry each (wire copy)."""
    texts = sorted({m.text for m in mentions})
    differ = {(a, b) for i, a in enumerate(texts) for b in texts[i + 1:] if misquoted_any(a, b)}

    def misquoted(a: str, b: str) -> bool:
        return a != b and (min(a, b), max(a, b)) in differ

    # A report that quotes, word for word, the very stretch of the other's quote that its
    # "misquote" matches, quotes two sentences, not one misquoted: "That all changes starting
    # right here and right now" beside its own "stops right here and stops right now".
    words = {t: normal_words(t) for t in texts}
    quoted: dict[str, set[str]] = {}
    for m in mentions:
        quoted.setdefault(m.article, set()).add(m.text)

    def faithful(article: str, told: str, other: str) -> bool:
        """``article`` (which quotes ``told``) also quotes a part of ``other`` verbatim, and
        that part is where ``told`` meets ``other``."""
        target = words[other]
        met = _matched(words[told], target)
        if not met:
            return False
        for t in quoted[article]:
            part = words[t]
            if t == told or len(part) < MISQUOTE_MIN_SHARED:
                continue
            at = _find_run(target, part)
            if at is not None and 2 * len(met & set(range(at, at + len(part)))) >= len(met):
                return True
        return False

    return [(x, y) for n, x in enumerate(mentions) for y in mentions[n + 1:]
            if x.article != y.article and misquoted(x.text, y.text)
            and not faithful(x.article, x.text, y.text) and not faithful(y.article, y.text, x.text)]


def _matched(a: list[str], b: list[str]) -> set[int]:
    """The positions of ``b`` that ``a``'s words match, in order."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return {j for block in matcher.get_matching_blocks() for j in range(block.b, block.b + block.size)}


def _find_run(words: list[str], run: list[str]) -> int | None:
    """Where ``run`` stands in ``words`` word for word, or None."""
    for i in range(len(words) - len(run) + 1):
        if words[i:i + len(run)] == run:
            return i
    return None


def _passage_at(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def clear_caches() -> None:
    """Forget remembered sentences (for cold-start timing, or to free memory)."""
    for cached in (numbers._find_quantities, dates._find_dates, dates._find_times,
                   names._find_names, spellings.core, events._events, events._context,
                   claims._scope, events._numeric_order):
        cached.cache_clear()


# --- groups -----------------------------------------------------------------------------


def _mark_groups(groups: tuple[Group, ...], drafts: list[_Draft]) -> tuple[Group, ...]:
    """A group whose own passages state a fact in ways that cannot both be true."""
    flagged: set[int] = set()
    where = {ref: g.id for g in groups for ref in g.members}
    for d in drafts:
        for a, b in d.clashes:
            ga = where.get(PassageRef(a.article, a.passage))
            gb = where.get(PassageRef(b.article, b.passage))
            if ga is not None and ga == gb:
                flagged.add(ga)
    return tuple(dataclasses.replace(g, status=GroupStatus.FACTS) if g.id in flagged else g
                 for g in groups)


__all__ = ["find_facts", "Interval"]
