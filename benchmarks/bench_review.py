"""How long batch review takes: load + group into stories, then compare every story.

    python benchmarks/bench_review.py            # 100, 1,000 and 10,000 articles
    python benchmarks/bench_review.py 1000       # one size
    python benchmarks/bench_review.py 1000 --no-compare

Batches are generated: about N/20 events, each written from one of a dozen made-up
templates with its own invented places, people, numbers and date, then retold by
several outlets (sentences dropped, reordered and reworded, a number changed here
and there, background sentences added). Sibling events from one template share
almost all their wording, so the grouping must tell them apart by names, numbers and
dates, as with two floods reported on the same day.

Prints, per size: time to load the files, to group them, to compare every story
(core.queue.conflict_counts: core.report.compare_articles per story, on every core, as
``storydiff review`` does), and how well the grouping matches the truth
(pairwise precision and recall). Goal: 1,000 articles in <= 10 s on a 2-core machine,
growing about linearly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from storydiff.core.read.load import load_paths
from storydiff.core.review.queue import conflict_counts
from storydiff.core.review.stories import find_stories

TEMPLATES = [
    ["Floods kill {n1} in {place} after the {river} river bursts its banks",
     "At least {n1} people died when the {river} river burst its banks in {place} on {day}, "
     "governor {person} said.",
     "Rescue teams in boats were searching for {n2} missing residents.",
     "{person} said {n3} residents had been moved to schools and sports halls in {place2}.",
     "The {river} rose by {n4} metres in twelve hours after days of heavy rain.",
     "Army trucks brought drinking water into {place} as the water began to recede.",
     "Residents said the river had risen faster than at any time since {year}."],
    ["Earthquake of magnitude {dec} strikes near {place}",
     "An earthquake of magnitude {dec} struck near {place} on {day}, killing at least {n1} "
     "people, the {org} said.",
     "The quake was centred {n2} kilometres south of {place2} at a depth of {n4} kilometres.",
     "Mayor {person} said {n3} buildings had collapsed in the old town.",
     "Aftershocks shook the region through the night, and schools stayed closed.",
     "The {org} said it had recorded more than {n4} aftershocks."],
    ["{club} sign {person} for a record {n1} million",
     "{club} have signed forward {person} from {club2} for a club-record {n1} million euros.",
     "{person}, {n4}, scored {n2} goals last season and agreed a {n5}-year contract.",
     "Manager {person2} said {person} was the player the club had wanted all summer.",
     "{club2} had rejected two earlier offers for the forward.",
     "The deal makes {person} the most expensive signing in the history of {club}."],
    ["Fire at {org} factory in {place} injures {n1}",
     "A fire broke out at a {org} chemical plant in {place} on {day}, injuring {n1} workers.",
     "Firefighters brought the blaze under control after {n4} hours, chief {person} said.",
     "Residents within {n2} kilometres were told to keep windows closed.",
     "{org} said production at the plant, which employs {n3} people, was suspended.",
     "Police said the cause of the fire was not yet known."],
    ["Court jails {person} for {n4} years over {org} fraud",
     "A court in {place} sentenced former {org} chief executive {person} to {n4} years in "
     "prison on {day} for fraud.",
     "Judge {person2} said {person} had hidden losses of {n1} million from investors.",
     "Prosecutors had asked for {n5} years; the defence said it would appeal.",
     "About {n3} small investors lost their savings when {org} collapsed in {year}.",
     "{person} denied wrongdoing throughout the {n2}-day trial."],
    ["{party} wins election in {place}",
     "The {party} won {n1} of {n3} seats in the regional election in {place} on {day}, "
     "official results showed.",
     "Party leader {person} said voters had chosen change and promised a cabinet within "
     "{n4} weeks.",
     "Turnout was {n2} percent, the election commission said.",
     "The outgoing premier {person2} conceded defeat late on {day}.",
     "{person} will need the support of at least one smaller party to govern."],
    ["{org} profit jumps {n2}% as sales rise",
     "{org} said on {day} that quarterly profit rose {n2}% to {n1} million dollars.",
     "Chief executive {person} said demand in {place} had been stronger than expected.",
     "Revenue grew to {n3} million, beating analyst forecasts.",
     "Shares in {org} rose {n4}% in early trading.",
     "{person} said the company would hire {n5} hundred staff at its {place2} plant."],
    ["Workers at {org} strike over pay in {place}",
     "About {n3} workers at {org} walked out in {place} on {day} demanding a {n2}% pay rise.",
     "Union leader {person} said the strike would last {n4} days unless talks resumed.",
     "{org} said it had offered {n5}% and called the walkout unnecessary.",
     "Production lines at the {place2} site stood idle.",
     "It is the first strike at {org} since {year}."],
    ["Plane makes emergency landing in {place}",
     "A {org} passenger jet with {n3} people on board made an emergency landing in {place} "
     "on {day} after an engine failure.",
     "{n1} passengers were treated for minor injuries, airport spokesman {person} said.",
     "The flight had left {place2} {n4} hours earlier.",
     "Investigators from the aviation authority arrived at the airport in the evening.",
     "{org} said the aircraft was {n5} years old and had passed its last inspection."],
    ["Central bank of {place} raises rates to {dec}%",
     "The central bank of {place} raised its main interest rate to {dec}% on {day}.",
     "Governor {person} said inflation of {n2}% was still far above target.",
     "It was the {n4}th increase since {year}.",
     "The {place} currency rose after the decision, traders at {org} said.",
     "{person} said further increases could not be ruled out."],
    ["Protesters clash with police in {place}",
     "Police in {place} fired tear gas at thousands of protesters on {day}, and {n1} people "
     "were arrested.",
     "Organiser {person} said {n3} people had joined the march against the {org} project.",
     "{n2} officers were injured, police chief {person2} said.",
     "The protest began outside the {org} offices in {place2}.",
     "Protesters vowed to return in {n4} days."],
    ["Ferry with {n3} aboard runs aground off {place}",
     "A ferry carrying {n3} passengers ran aground off {place} on {day}, the coast guard said.",
     "All passengers were taken off safely, coast guard spokeswoman {person} said.",
     "The {org} vessel had left {place2} in heavy seas.",
     "Divers found a {n4}-metre gash in the hull.",
     "{org} said it had suspended its {place} service for {n5} days."],
]
# Sentences any report may carry; they tie unrelated stories together by wording only.
BACKGROUND = [
    "Officials said more details would be released later in the day.",
    "The government has faced growing criticism over its handling of the economy.",
    "Local media showed images of crowds gathering in the town centre.",
    "The ministry did not immediately respond to a request for comment.",
    "Analysts said the events could have wider consequences for the region.",
    "It was not immediately clear how many people were affected.",
]
SYNONYMS = {"said": "told reporters", "died": "were killed", "at least": "more than",
            "residents": "locals", "searching for": "looking for", "on board": "aboard",
            "rose": "climbed", "injured": "hurt", "arrested": "detained"}
OUTLETS = ["Example Herald", "Daily Courier", "Northern Post", "Finance Wire", "Sport Daily",
           "The Evening Times", "Coastal Gazette", "Metro Ledger", "Valley Star", "Wire Service"]
SYLLABLES = ["ka", "lo", "ven", "dor", "mi", "sa", "tor", "el", "ru", "bin", "ga", "nor", "ish",
             "tal", "po", "res", "qua", "zen", "mar", "li", "ost", "ber", "fa", "dun"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _event(rng: random.Random, start: dt.date) -> tuple[list[str], dt.date]:
    """One event: a template filled with its own names, numbers and date."""
    template = rng.choice(TEMPLATES)
    date = start + dt.timedelta(days=rng.randrange(60))
    slots = {
        "place": _name(rng, 3), "place2": _name(rng, 2) + "burg", "river": _name(rng, 2),
        "person": f"{_name(rng)} {_name(rng, 3)}", "person2": f"{_name(rng)} {_name(rng, 3)}",
        "org": _name(rng, 2) + "corp", "club": _name(rng, 2) + " FC",
        "club2": _name(rng, 2) + " United", "party": _name(rng, 2) + " Party",
        "n1": rng.randrange(5, 900), "n2": rng.randrange(2, 99), "n3": rng.randrange(100, 9000),
        "n4": rng.randrange(2, 40), "n5": rng.randrange(2, 12), "year": rng.randrange(1950, 2020),
        "dec": f"{rng.randrange(3, 8)}.{rng.randrange(10)}", "day": DAYS[date.weekday()],
    }
    return [line.format(**slots) for line in template], date


def _retell(rng: random.Random, lines: list[str], date: dt.date) -> str:
    """One outlet's version: same event, its own selection, order and wording."""
    title, body = lines[0], lines[1:]
    kept = [body[0]] + [s for s in body[1:] if rng.random() > 0.25]
    rest = kept[1:]
    rng.shuffle(rest)
    kept = [kept[0]] + rest + rng.sample(BACKGROUND, rng.randrange(0, 3))
    text = " ".join(kept)
    for old, new in SYNONYMS.items():
        if rng.random() < 0.4:
            text = text.replace(old, new)
    if rng.random() < 0.3:  # a conflicting figure, as outlets report different tolls
        words = text.split()
        numbers = [i for i, w in enumerate(words) if w.isdigit()]
        if numbers:
            i = rng.choice(numbers)
            words[i] = str(int(words[i]) + rng.randrange(1, 5))
            text = " ".join(words)
    day = date + dt.timedelta(days=rng.randrange(0, 2))
    paragraphs = "\n\n".join(_paragraphs(text))
    return (f"Title: {title}\nSource: {rng.choice(OUTLETS)}\nDate: {day.isoformat()}\n\n"
            f"{title}\n\n{paragraphs}\n")


def _paragraphs(text: str) -> list[str]:
    sentences = [s.strip().rstrip(".") + "." for s in text.split(". ") if s.strip()]
    return [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]


def generate(folder: Path, count: int, seed: int = 7) -> dict[str, int]:
    """Write ``count`` articles in about count/20 stories; return file name → true story."""
    rng = random.Random(seed)
    start = dt.date(2024, 3, 1)
    truth: dict[str, int] = {}
    story = 0
    while len(truth) < count:
        lines, date = _event(rng, start)
        for _ in range(min(rng.randrange(8, 33), count - len(truth))):
            name = f"{len(truth):05d}.txt"
            (folder / name).write_text(_retell(rng, lines, date), encoding="utf-8")
            truth[name] = story
        story += 1
    return truth


def pair_scores(truth: dict[str, int], found: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of ``found`` against ``truth``, from counts (no pair loop)."""
    def pairs(counter: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    both = pairs(Counter((truth[n], found[n]) for n in truth))
    in_found = pairs(Counter(found.values()))
    in_truth = pairs(Counter(truth.values()))
    return (both / in_found if in_found else 1.0), (both / in_truth if in_truth else 1.0)


def run(count: int, compare: bool, processes: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        truth = generate(folder, count)
        t0 = time.perf_counter()
        loaded = load_paths([str(folder)])
        t1 = time.perf_counter()
        stories = find_stories(loaded.articles)
        t2 = time.perf_counter()
        if compare:
            dict(conflict_counts(stories, processes=processes))
        t3 = time.perf_counter()
    found = {Path(a.path).name: n for n, s in enumerate(stories) for a in s.articles}
    precision, recall = pair_scores(truth, found)
    true_stories = len(set(truth.values()))
    total = t3 - t0
    print(f"{count:>6} articles ({true_stories:>4} events → {len(stories):>4} stories)  "
          f"load {t1 - t0:6.2f} s  group {t2 - t1:6.2f} s  "
          + (f"compare {t3 - t2:6.2f} s  " if compare else "")
          + f"total {total:6.2f} s  ({total / count * 1000:.1f} ms/article)  "
          f"precision {precision:.3f}  recall {recall:.3f}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--no-compare", action="store_true",
                        help="time loading and grouping only")
    parser.add_argument("--processes", type=int, default=None,
                        help="processes comparing stories (default: one per core, at most 4; "
                             "1 compares in this process)")
    args = parser.parse_args()
    for size in args.sizes:
        run(size, compare=not args.no_compare, processes=args.processes)


if __name__ == "__main__":
    main()
