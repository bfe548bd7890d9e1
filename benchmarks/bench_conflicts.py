"""What the facts engine flags on real multi-outlet news that nobody here wrote.

    python benchmarks/bench_conflicts.py                  # counts by kind over every event
    python benchmarks/bench_conflicts.py --list quote     # each quote conflict, for reading
    python benchmarks/bench_conflicts.py --dump /tmp/a.json   # every fact, to diff two versions

The events are the labelled events of benchmarks/bench_grouping.py (Giveme5W1H's
news_cluster and BASIL, rebuilt from their fetched git dirs under /tmp, never committed)
that hold two or more articles: 164 events, 678 articles. Each event is compared on its
own, as `storydiff compare EVENT_DIR` would.

There is no answer key: the figures say how much the engine flags (conflicts, agreements,
facts of one outlet), and ``--list`` shows each conflict's mentions so that a reader can
judge them. A rule that removes false alarms shows as fewer conflicts and, in ``--dump``
diffs, as facts that changed status; a rule that breaks real ones shows there too. The
dev set (../shared/devset) is what says whether real conflicts are still found.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import Counter, defaultdict
from pathlib import Path

from bench_grouping import dataset_args, missing_dataset, records, write
from storydiff.core.read.load import load_paths
from storydiff.core.report import compare_articles


def events(g5: str, basil: str, out: Path) -> list[Path]:
    """One folder per labelled event of two or more articles, under ``out``."""
    by_event: dict[str, list[dict[str, str]]] = defaultdict(list)
    for item in records(g5, basil):
        by_event[item["event"]].append(item)
    folders = []
    for event, items in sorted(by_event.items()):
        if len(items) < 2:
            continue
        folder = out / event
        write(items, folder)
        folders.append(folder)
    return folders


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    dataset_args(parser, "/tmp/bench-conflicts")
    parser.add_argument("--list", metavar="KIND", help="print each conflict of this kind ('all')")
    parser.add_argument("--dump", metavar="FILE", help="write every fact (event, kind, status, "
                        "label, mentions) as JSON, for diffing two versions")
    args = parser.parse_args()
    if missing_dataset(args, "bench_conflicts"):
        return 1
    folders = events(args.g5, args.basil, Path(args.out))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    dump = []
    articles = 0
    start, cpu = time.perf_counter(), time.process_time()
    for folder in folders:
        loaded = load_paths([str(folder)])
        articles += len(loaded.articles)
        report = compare_articles(loaded.articles, errors=loaded.errors)
        for fact in report.facts:
            counts[fact.kind][fact.status.value] += 1
            mentions = [m.text for m in fact.mentions]
            dump.append({"event": folder.name, "kind": fact.kind, "status": fact.status.value,
                         "label": fact.label, "mentions": sorted(mentions)})
            if fact.status.value == "conflict" and args.list in (fact.kind, "all"):
                print(f"{folder.name[:20]:<20} {fact.kind:<8} {fact.label[:40]!r:<44} {mentions[:6]}")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    statuses = ["conflict", "agree", "compatible", "single"]
    print(f"{len(folders)} events, {articles} articles; compare {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({platform.machine()}, Python {platform.python_version()})")
    print(f"{'kind':<10}" + "".join(f"{s:>12}" for s in statuses))
    for kind in sorted(counts):
        print(f"{kind:<10}" + "".join(f"{counts[kind][s]:>12}" for s in statuses))
    total = Counter()
    for c in counts.values():
        total.update(c)
    print(f"{'all':<10}" + "".join(f"{total[s]:>12}" for s in statuses))
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=0, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
