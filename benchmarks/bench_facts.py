"""Time the facts engine on the seeds, extractor by extractor.

    python benchmarks/bench_facts.py

Prints the fastest of several runs in CPU milliseconds (the machine is shared,
so the minimum is the fairest figure) for each extractor over every passage of
the seed batch, and for :func:`find_facts` as a whole beside :func:`align`.
"""

from __future__ import annotations

import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from storydiff.core.align.groups import align
from storydiff.core.align.passages import segment
from storydiff.core.facts import claims, dates, events, names, numbers
from storydiff.core.facts.find import clear_caches, find_facts
from storydiff.core.read.load import load_paths
from storydiff.core.report import compare

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def best_ms(fn: Callable[[], object], repeat: int = 20, cold: bool = True) -> float:
    """Fastest run; ``cold`` forgets remembered sentences first (what a new batch costs)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        if cold:
            clear_caches()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000


def main() -> int:
    articles = load_paths([str(SEEDS)]).articles
    passages = {a.id: segment(a) for a in articles}
    groups = align(passages)
    flat = [(a, p) for a in articles for p in passages[a.id]]
    print(f"{platform.python_implementation()} {platform.python_version()}, "
          f"{len(articles)} articles, {len(flat)} passages")
    rows = [
        ("quantities", lambda: [numbers.find_quantities(p.text) for _, p in flat]),
        ("quantity keys", lambda: [claims.quantity_claims(a, p, None) for a, p in flat]),
        ("dates", lambda: [dates.find_dates(p.text, a.section_date(p.start)) for a, p in flat]),
        ("date keys", lambda: [events.date_claims(a, p, None) for a, p in flat]),
        ("names", lambda: [names.find_names(p.text) for _, p in flat]),
        ("find_facts", lambda: find_facts(articles, passages, groups)),
        ("align (for scale)", lambda: align(passages)),
    ]
    for label, fn in rows:
        print(f"  {label:20s} {best_ms(fn):7.1f} ms")
    weekday_lists()
    warm = best_ms(lambda: find_facts(articles, passages, groups), cold=False)
    print(f"  {'find_facts, warm':20s} {warm:7.1f} ms  (sentences seen before: re-comparing)")
    return 0


def weekday_lists() -> None:
    """One sentence listing thousands of weekdays, compared end to end with a short article.

    Issue 15 took 112 s on 11,200 names (four times as long for each doubling: the date
    scan, the one-day-per-event rule and the clustering were all pairwise). Linear now:
    doubling the list should about double the time."""
    with tempfile.TemporaryDirectory() as folder:
        short = Path(folder, "short.txt")
        short.write_text("Date: 2024-01-21\n\nTalks were held on Monday and Tuesday.\n")
        for n in (2_800, 5_600, 11_200):
            days = ", ".join(dates.WEEKDAY_NAMES[i % 7] for i in range(n))
            long = Path(folder, "long.txt")
            long.write_text(f"Date: 2024-01-21\n\nTalks were held on {days}.\n")
            clear_caches()
            cpu, wall = time.process_time(), time.perf_counter()
            compare([str(long), str(short)])
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print(f"  {'weekday list ' + str(n):20s} {cpu * 1000:7.1f} ms CPU, "
                  f"{wall * 1000:7.1f} ms wall  (compare, end to end)")


if __name__ == "__main__":
    raise SystemExit(main())
