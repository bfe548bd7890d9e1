"""Quoted speech: the words a source is reported to have said.

Outlets quote the same statement with small differences ("air defense" /
"air defence", a clause dropped). :func:`find_quotes` finds the quoted spans;
:mod:`facts` joins the same statement across articles and flags wording that
differs, so a user can check who quoted whom faithfully.

    >>> [q.text for q in find_quotes('“We do not seek conflict,” he said, and "no".')]
    ['We do not seek conflict,']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from ..disjoint import DisjointSets
from ..words import NUMBER_VALUES

MIN_WORDS = 4  # shorter quoted bits are scare quotes or names ("spies", "big losses")
# Two quotations are one statement when their words match this well (rapidfuzz 0-100):
# re-typed quotes with an -ise/-ize or a dropped word score 90+, different statements
# on one topic under 70.
QUOTE_MIN = 85
# A shorter quotation that is a piece of a longer one (partial_ratio).
QUOTE_PART_MIN = 95
# Candidate pairs of quotations share this many words of QUOTE_WORD_MIN letters or more;
# a word found in more than QUOTE_COMMON_WORD quotations tells none apart.
QUOTE_SHARED_WORDS = 3
QUOTE_WORD_MIN = 4
QUOTE_COMMON_WORD = 200

# A curly opening mark may be closed by a straight one (“…coming in January.").
_QUOTE = re.compile(r"“(?P<a>[^”“\"]+)[”\"]|\"(?P<b>[^\"\n]+)\"|‘(?P<c>[^’‘]{12,})’(?!\w)|«(?P<d>[^»]+)»")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_OUR = re.compile(r"our\b")
_ISE = re.compile(r"is(e|ed|es|ing)\b")
_YSE = re.compile(r"ys(e|ed|es|ing)\b")  # analysed / analyzed
_ENCE = re.compile(r"ence\b")
_TRE = re.compile(r"(\w\w)tre(s?)\b")  # centre / center, metres / meters
_LL = re.compile(r"(\w{3,}[aeiou])ll(ed|ing|er|ers)\b")  # modelling / modeling, cancelled / canceled


@dataclass(frozen=True, slots=True)
class Quote:
    """The words inside one pair of quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return normal_words(self.text)


def normal_words(text: str) -> list[str]:
    """Lower-case words with British/American spellings folded (-our, -ise, -yse, -ence, -tre,
    a doubled l) and title abbreviations spelt out."""
    low = text.lower().replace("’", "'")
    low = _OUR.sub("or", low)
    low = _ISE.sub(r"iz\1", low)
    low = _YSE.sub(r"yz\1", low)
    low = _ENCE.sub("ense", low)
    low = _TRE.sub(r"\1ter\2", low)
    low = _LL.sub(r"\1l\2", low)  # after a long stem only: "killed" stays
    low = low.replace("&", " and ").replace("%", " percent").replace("per cent", "percent")
    # One word however it is set: "two-in-three" / "2 in 3", "&" / "and", "Gen." / "General"
    # (an outlet's style sheet, not the speaker's words).
    return [_SAME_WORD.get(w, w) for w in _WORD.findall(low)]


def _dropped_g(a: list[str], b: list[str]) -> bool:
    """One word each, one the other with its final g dropped ("askin" / "asking")."""
    if len(a) != 1 or len(b) != 1:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(long) >= 6 and long.endswith("ing") and short == long[:-1]


def _contracted(words: list[str]) -> list[str]:
    """Spelt-out contractions as the one contracted word: "he is" -> "he's". Only for judging
    a difference (a transcript's "he is" quotes the "he's" another heard); the word counts
    that find and join quotations stay as written."""
    out: list[str] = []
    for w in words:
        if w == "cannot":
            w = "can't"
        joined = _CONTRACTED.get((out[-1], w)) if out else None
        if joined:
            out[-1] = joined
        else:
            out.append(w)
    return out


_SAME_WORD = {**NUMBER_VALUES, "okay": "ok", "gen": "general", "sen": "senator",
              "gov": "governor", "rep": "representative", "pres": "president"}
_CONTRACTED = {
    **{(w, "not"): f"{w}n't" for w in "do does did is are was were have has had would should "
       "could must need".split()},
    ("can", "not"): "can't", ("will", "not"): "won't", ("i", "am"): "i'm",
    ("going", "to"): "gonna", ("want", "to"): "wanna", ("got", "to"): "gotta",
    **{(w, "are"): f"{w}'re" for w in "you we they".split()},
    **{(w, "have"): f"{w}'ve" for w in "i you we they".split()},
    **{(w, "will"): f"{w}'ll" for w in "i you he she it we they".split()},
    **{(w, "is"): f"{w}'s" for w in "it that he she there what who here".split()},
}


def same_statements(norms: list[str], raws: list[str] | None = None) -> list[list[int]]:
    """Indices of quotations that are one statement (``norms`` as :func:`normal_words` joined).

    Identical wording joins through a dict; near-identical wording (rapidfuzz)
    is scored only for quotations sharing several longer words, found through
    an inverted index, so a batch of hundreds of quotations stays fast. With the
    quotations as written (``raws``), two that hold one sentence quoted in other
    words join too (:func:`reworded`): the misquote a fact-checker is looking for.
    """
    joined = DisjointSets(range(len(norms)))
    find, union = joined.find, joined.union

    # Identical wording joins through a dict; near-identical wording is scored only for
    # quotes that share several longer words (an inverted index), never for every pair.
    first_of: dict[str, int] = {}
    for i, norm in enumerate(norms):
        if norm in first_of:
            union(first_of[norm], i)
        else:
            first_of[norm] = i
    distinct = list(first_of.items())
    holders: dict[str, list[int]] = {}
    words_of = []
    for n, (norm, _) in enumerate(distinct):
        words = {w for w in norm.split() if len(w) >= QUOTE_WORD_MIN}
        words_of.append(words)
        for w in words:
            holders.setdefault(w, []).append(n)
    for n, (norm, i) in enumerate(distinct):
        shared: Counter[int] = Counter()
        for w in words_of[n]:
            if len(holders[w]) <= QUOTE_COMMON_WORD:
                shared.update(k for k in holders[w] if k > n)
        need = max(1, min(QUOTE_SHARED_WORDS, len(words_of[n]) // 2))
        for k, count in shared.items():
            if count < need:
                continue
            other, j = distinct[k]
            if fuzz.ratio(norm, other, score_cutoff=QUOTE_MIN) or (
                    min(len(norm), len(other)) >= 20 and
                    fuzz.partial_ratio(norm, other, score_cutoff=QUOTE_PART_MIN)) or (
                    raws is not None and _sentence_pairs(raws[i], raws[j])):
                union(i, j)
    sets: dict[int, list[int]] = {}
    for i in range(len(norms)):
        sets.setdefault(find(i), []).append(i)
    return list(sets.values())


def find_quotes(text: str) -> list[Quote]:
    """Quoted spans of at least :data:`MIN_WORDS` words, in order."""
    found = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if m.group(g) is not None)
        start, end = m.start(group), m.end(group)
        inner = text[start:end]
        stripped = inner.strip()
        start += len(inner) - len(inner.lstrip())
        end = start + len(stripped)
        if len(_WORD.findall(stripped)) >= MIN_WORDS:
            found.append(Quote(start, end, text[start:end]))
    return found


MISQUOTE_MIN_SHARED = 4  # words two quotes must share, in order, before their wording is compared


def misquoted(a: str, b: str, raw_a: str = "", raw_b: str = "") -> bool:
    """Two outlets quote one statement with different words inside the part both quote.

    Quoted words are meant to be verbatim, so "for the next two to three years" against "for
    the next two or three years" is a discrepancy a fact-checker needs to see. Where one
    quote only starts earlier or runs on longer ("the biggest regret of my life" inside
    "it is one of the biggest regrets…" aside), nothing is misquoted; a difference between
    the first and last shared word is. Not differences: case and punctuation (folded by
    ``find_quotes``), a word split or joined ("non-consensual" / "nonconsensual"), and words
    an editor put in square brackets ("I love [Madsen]") in the raw quotes ``raw_a``/``raw_b``.

    >>> misquoted("for the next two to three years", "for the next two or three years")
    True
    >>> misquoted("we will rebuild the bridge", "we will rebuild the bridge by spring")
    False
    >>> misquoted("any allegations of non consensual sex", "any allegations of nonconsensual sex")
    False
    """
    x, y = a.split(), b.split()
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    shared = sum(m.size for m in matcher.get_matching_blocks())
    ops = matcher.get_opcodes()
    while ops and ops[0][0] != "equal":
        ops.pop(0)
    while ops and ops[-1][0] != "equal":
        ops.pop()
    # A lone common word matched far off ("… that politics" / "… that differentiation") is
    # not where both quotes run together: the shared stretch ends at the last real run.
    while sum(op[0] == "equal" for op in ops) > 1 and ops[-1][2] - ops[-1][1] == 1:
        ops.pop()
        while ops and ops[-1][0] != "equal":
            ops.pop()
    while sum(op[0] == "equal" for op in ops) > 1 and ops[0][2] - ops[0][1] == 1:
        ops.pop(0)
        while ops and ops[0][0] != "equal":
            ops.pop(0)
    if shared < MISQUOTE_MIN_SHARED or not ops:
        return False
    span = max(ops[-1][2] - ops[0][1], ops[-1][4] - ops[0][3])  # the stretch both quote
    if shared < 0.6 * span:
        return False  # not mostly the same words: two statements, not one reworded
    editorial = {w.lower() for raw in (raw_a, raw_b)
                 for inside in _BRACKETED.findall(raw) for w in re.findall(r"\w+", inside)}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if "".join(x[i1:i2]) == "".join(y[j1:j2]):
            continue  # the same letters, split or joined differently
        if _contracted(x[i1:i2]) == _contracted(y[j1:j2]):
            continue  # "he's" / "he is", "we've" / "we have", "gonna" / "going to"
        if _dropped_g(x[i1:i2], y[j1:j2]):
            continue  # "askin'" / "asking": a transcript's ear, not another word
        if (i1 < i2 and set(x[i1:i2]) <= editorial) or (j1 < j2 and set(y[j1:j2]) <= editorial):
            continue  # the editor's own word in brackets
        return True
    return False


_BRACKETED = re.compile(r"\[([^\]]{1,60})\]")


# One sentence quoted in other words: the sentences share this many words and this share of
# the shorter one's, some in a run of REWORDED_RUN ("I used money I shouldn't have used" /
# "used money that shouldn't have been used": 5 of 7). Two statements on one topic share a
# phrase, not most of their words.
REWORDED_MIN_WORDS = 5
REWORDED_SHARE = 0.7
REWORDED_RUN = 3
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*…\s*")


def reworded(x: list[str], y: list[str]) -> bool:
    """Two quoted sentences (as :func:`normal_words`) that are one sentence, reworded or not:
    most of the shorter one's words are in the other, some of them in a run."""
    if min(len(x), len(y)) < REWORDED_MIN_WORDS:
        return False
    shared = sum((Counter(x) & Counter(y)).values())
    if shared < REWORDED_MIN_WORDS or shared < REWORDED_SHARE * min(len(x), len(y)):
        return False
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    return max(m.size for m in matcher.get_matching_blocks()) >= REWORDED_RUN


def _sentences(raw: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(raw) if s.strip()]


def _sentence_pairs(raw_a: str, raw_b: str) -> list[tuple[str, str]]:
    """The sentences of two quotations that are one sentence in both."""
    out = []
    for sa in _sentences(raw_a):
        wa = normal_words(sa)
        for sb in _sentences(raw_b):
            if reworded(wa, normal_words(sb)):
                out.append((sa, sb))
    return out


def misquoted_any(raw_a: str, raw_b: str) -> bool:
    """Two quotations of one statement differ in wording, as wholes or in a sentence both hold."""
    if misquoted(" ".join(normal_words(raw_a)), " ".join(normal_words(raw_b)), raw_a, raw_b):
        return True
    return any(misquoted(" ".join(normal_words(sa)), " ".join(normal_words(sb)), sa, sb)
               for sa, sb in _sentence_pairs(raw_a, raw_b))
