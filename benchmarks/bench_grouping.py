"""How well review groups real news into stories, against labelled events.

    python benchmarks/bench_grouping.py                      # the 683-article batch, both dates
    python benchmarks/bench_grouping.py --only basil -v      # one dataset, every split/merge
    python benchmarks/bench_grouping.py --g5 G5_GIT --basil BASIL_GIT --out /tmp/grouping

The batch is rebuilt from two public research datasets (their git dirs, bare is
fine; fetch ``fhamborg/Giveme5W1H`` and ``launchnlp/BASIL``) into a folder under
/tmp, never committed: Giveme5W1H's news_cluster (383 articles, 69 events, each
article labelled with its event) and BASIL (100 events, each told by three
outlets). Files are written the way /work/shared/devset/build.py writes them
(title/source/date/url header lines, a blank line, the dataset's text verbatim).

For each dataset, and for the two together, it runs review's grouping
(:func:`storydiff.core.review.stories.find_stories`) and prints B-cubed
precision / recall / F1, the adjusted Rand index, stories against events, how
many events were split (spread over several stories) and how many stories
merge several events. The *one-week* version moves every event's dates into
one week (a real day's inbox holds many events at once), keeping each event's
own spacing: the date gate can no longer tell events apart.

*gate* is the F1 a hard date gate would allow at most (about: each event cut where its
dates leave a gap over ``WINDOW_DAYS`` or run past ``MAX_SPAN_DAYS``); review's gate is
soft (links.FAR_DAYS), so it may pass it. Giveme5W1H labels running topics over months as
one event.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from storydiff.core.read.load import load_paths
from storydiff.core.review.links import MAX_SPAN_DAYS, WINDOW_DAYS
from storydiff.core.review.stories import find_stories

G5_DEFAULT = "/work/.mirror/fhamborg+Giveme5W1H/repo"
BASIL_DEFAULT = "/work/.mirror/launchnlp+BASIL/repo"
G5_DATA = "Giveme5W1H/examples/datasets/news_cluster/data/"
BASIL_SOURCES = {"fox": "foxnews.com", "nyt": "nytimes.com", "hpo": "huffingtonpost.com"}
WEEK_START = dt.date(2021, 3, 1)


def _git_files(git_dir: str, prefix: str) -> dict[str, str]:
    """Every file under ``prefix`` at HEAD: path → text (one git process for all)."""
    names = subprocess.check_output(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only",
                                     "HEAD", prefix], text=True).split()
    names = [n for n in names if n.endswith(".json")]
    request = "".join(f"HEAD:{n}\n" for n in names).encode()
    out = subprocess.run(["git", "--git-dir", git_dir, "cat-file", "--batch"], input=request,
                         capture_output=True, check=True).stdout
    texts: dict[str, str] = {}
    pos = 0
    for name in names:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        texts[name] = out[header_end + 1:header_end + 1 + size].decode("utf-8")
        pos = header_end + 1 + size + 1
    return texts


def records(g5: str, basil: str) -> list[dict[str, str]]:
    """Every labelled article: dataset, event, title, source, date (ISO), url, text."""
    result = []
    for path, raw in sorted(_git_files(g5, G5_DATA).items()):
        d = json.loads(raw)
        cluster = d["newsCluster"]
        cluster = cluster if isinstance(cluster, dict) else ast.literal_eval(cluster)
        result.append({"dataset": "g5", "event": f"g5-{cluster['EventId']}",
                       "title": d["title"], "source": d["source_domain"],
                       "date": d["date_publish"] or "", "url": d["url"], "text": d["text"]})
    for path, raw in sorted(_git_files(basil, "articles").items()):
        d = json.loads(raw)
        event = Path(path).stem.rsplit("_", 1)[0]
        text = "\n".join(" ".join(p) for p in d["body-paragraphs"])
        result.append({"dataset": "basil", "event": f"basil-{event}", "title": d["title"],
                       "source": BASIL_SOURCES[d["source"].lower()], "date": d["date"] or "",
                       "url": d["url"], "text": text})
    return result


def copies(items: list[dict[str, str]], count: int) -> list[dict[str, str]]:
    """The batch ``count`` times, copy k moved 4,000 days later (so no event meets its own
    copy), each copy's events labelled apart: a scale check with real articles."""
    result = []
    for k in range(count):
        for item in items:
            day = _day(item["date"])
            if day is None:
                continue  # an undated copy would meet itself across copies
            result.append(dict(item, event=f"{item['event']}@{k}",
                               date=(day + dt.timedelta(days=4000 * k)).isoformat()))
    return result


def one_week(items: list[dict[str, str]]) -> list[dict[str, str]]:
    """Every event moved so that it starts on one of seven days, its own spacing kept."""
    firsts: dict[str, dt.date] = {}
    for item in items:
        day = _day(item["date"])
        if day is not None and (item["event"] not in firsts or day < firsts[item["event"]]):
            firsts[item["event"]] = day
    moved = []
    for n, event in enumerate(sorted(firsts)):
        firsts[event] = (firsts[event], WEEK_START + dt.timedelta(days=n % 7))
    for item in items:
        day = _day(item["date"])
        if day is not None:
            old_first, new_first = firsts[item["event"]]
            item = dict(item, date=(new_first + (day - old_first)).isoformat())
        moved.append(item)
    return moved


def _day(value: str) -> dt.date | None:
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return dt.date.fromisoformat(match.group()) if match else None


def write(items: list[dict[str, str]], folder: Path) -> dict[str, str]:
    """The batch as files under ``folder``; returns file name → event."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    labels = {}
    for n, item in enumerate(items):
        name = f"{n:04d}.txt"
        one = {k: " ".join(str(item[k]).split()) for k in ("title", "source", "date", "url")}
        (folder / name).write_text(
            f"title: {one['title']}\nsource: {one['source']}\ndate: {one['date']}\n"
            f"url: {one['url']}\n\n{item['text'].rstrip()}\n", encoding="utf-8")
        labels[name] = item["event"]
    return labels


def score(labels: dict[str, str], clusters: list[list[str]]) -> dict[str, float]:
    """B-cubed precision, recall, F1; ARI; stories, events, split events, merging stories."""
    cluster_of = {name: n for n, names in enumerate(clusters) for name in names}
    names = [n for n in labels if n in cluster_of]
    by_cluster = Counter(cluster_of[n] for n in names)
    by_event = Counter(labels[n] for n in names)
    both = Counter((cluster_of[n], labels[n]) for n in names)
    precision = sum(both[(cluster_of[n], labels[n])] / by_cluster[cluster_of[n]]
                    for n in names) / len(names)
    recall = sum(both[(cluster_of[n], labels[n])] / by_event[labels[n]] for n in names) / len(names)
    f1 = 2 * precision * recall / (precision + recall)

    def pairs(x: float) -> float:
        return x * (x - 1) / 2

    index = sum(pairs(v) for v in both.values())
    rows = sum(pairs(v) for v in by_cluster.values())
    cols = sum(pairs(v) for v in by_event.values())
    expected = rows * cols / pairs(len(names))
    top = (rows + cols) / 2
    ari = (index - expected) / (top - expected) if top != expected else 1.0
    events_per_cluster = defaultdict(set)
    clusters_per_event = defaultdict(set)
    for c, e in both:
        events_per_cluster[c].add(e)
        clusters_per_event[e].add(c)
    return {"P": precision, "R": recall, "F1": f1, "ARI": ari, "stories": len(by_cluster),
            "events": len(by_event),
            "split": sum(1 for cs in clusters_per_event.values() if len(cs) > 1),
            "merged": sum(1 for es in events_per_cluster.values() if len(es) > 1)}


def gate_cut(items: list[dict[str, str]], window: int = WINDOW_DAYS,
             span: int = MAX_SPAN_DAYS) -> list[list[str]]:
    """Each event cut where a date gate of ``window`` days between neighbours and ``span``
    days in all must cut it: file names, as :func:`write` names them."""
    by_event: dict[str, list[tuple[dt.date | None, str]]] = defaultdict(list)
    for n, item in enumerate(items):
        by_event[item["event"]].append((_day(item["date"]), f"{n:04d}.txt"))
    parts: list[list[str]] = []
    for _event, dated in sorted(by_event.items()):
        undated = [name for day, name in dated if day is None]
        part: list[str] = []
        first = last = None
        for day, name in sorted((d, n) for d, n in dated if d is not None):
            if part and ((day - last).days > window or (day - first).days > span):
                parts.append(part)
                part = []
            if not part:
                first = day
            part.append(name)
            last = day
        parts.append(part + undated)
    return [p for p in parts if p]


def run(items: list[dict[str, str]], folder: Path, verbose: bool) -> dict[str, float]:
    labels = write(items, folder)
    articles = load_paths([str(folder)]).articles
    start, cpu = time.perf_counter(), time.process_time()
    stories = find_stories(articles)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    clusters = [[Path(a.path).name for a in s.articles] for s in stories]
    result = score(labels, clusters)
    result["wall"], result["cpu"] = wall, cpu
    result["gate"] = score(labels, gate_cut(items))["F1"]
    result["largest"] = max((len(c) for c in clusters), default=0)
    if verbose:
        titles = {Path(a.path).name: (a.title or "")[:70] for a in articles}
        for names in clusters:
            events = Counter(labels[n] for n in names)
            if len(events) > 1:
                print(f"  MERGE {dict(events)}")
                for n in names:
                    print(f"      {labels[n]:>12}  {titles[n]}")
        spread = defaultdict(list)
        for c, names in enumerate(clusters):
            for n in names:
                spread[labels[n]].append(c)
        for event, cs in sorted(spread.items()):
            if len(set(cs)) > 1:
                print(f"  SPLIT {event}: {sorted(Counter(cs).values(), reverse=True)}")
    return result


def dataset_args(parser: argparse.ArgumentParser, out: str) -> None:
    """The options that say where the two datasets' git dirs are and where texts go."""
    parser.add_argument("--g5", default=G5_DEFAULT, help="git dir of fhamborg/Giveme5W1H")
    parser.add_argument("--basil", default=BASIL_DEFAULT, help="git dir of launchnlp/BASIL")
    parser.add_argument("--out", default=out, help="where the texts go")


def missing_dataset(args: argparse.Namespace, script: str) -> bool:
    """Say on stderr which dataset git dir is not there (True), else False."""
    for git_dir in (args.g5, args.basil):
        if not Path(git_dir).exists():
            print(f"{script}: {git_dir}: not found (fetch the repo first)", file=sys.stderr)
            return True
    return False


def oracle(items: list[dict[str, str]]) -> int:
    """B-cubed F1 of the labels themselves cut by date gates: what perfect grouping within
    each gate would score, so what a target asks of linking across time."""
    print(f"{'window days':>12}{'span days':>10}{'all F1':>8}{'g5 F1':>8}{'basil F1':>9}")
    for window, span in ((3, 7), (7, 14), (14, 28), (28, 28), (28, 60), (60, 120), (365, 730)):
        row = []
        for name in ("all", "g5", "basil"):
            batch = [i for i in items if name == "all" or i["dataset"] == name]
            labels = {f"{n:04d}.txt": item["event"] for n, item in enumerate(batch)}
            row.append(score(labels, gate_cut(batch, window, span))["F1"])
        print(f"{window:>12}{span:>10}{row[0]:>8.3f}{row[1]:>8.3f}{row[2]:>9.3f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    dataset_args(parser, "/tmp/bench-grouping")
    parser.add_argument("--only", choices=("g5", "basil", "all"), help="one batch only")
    parser.add_argument("--no-week", action="store_true", help="skip the one-week version")
    parser.add_argument("-v", "--verbose", action="store_true", help="list splits and merges")
    parser.add_argument("--copies", type=int, default=1, metavar="K",
                        help="scale check: each batch K times, the copies years apart")
    parser.add_argument("--oracle", action="store_true",
                        help="the best F1 a grouper could reach that never links across a "
                             "date gate, for several gates (no grouping is run)")
    args = parser.parse_args()
    if missing_dataset(args, "bench_grouping"):
        return 1
    items = records(args.g5, args.basil)
    if args.oracle:
        return oracle(items)
    if args.copies > 1:
        items = copies(items, args.copies)
    batches = {"g5": [i for i in items if i["dataset"] == "g5"],
               "basil": [i for i in items if i["dataset"] == "basil"], "all": items}
    print(f"{'batch':<14}{'articles':>9}{'P':>7}{'R':>7}{'F1':>7}{'ARI':>7}"
          f"{'stories':>9}{'events':>8}{'split':>7}{'merged':>8}{'largest':>8}{'gate':>7}"
          f"{'cpu s':>7}")
    for week in (False, True) if not args.no_week else (False,):
        for name, batch in batches.items():
            if args.only and name != args.only:
                continue
            label = name + (" 1-week" if week else "")
            if args.verbose:
                print(f"--- {label}")
            r = run(one_week(batch) if week else batch, Path(args.out) / label.replace(" ", "-"),
                    args.verbose)
            print(f"{label:<14}{len(batch):>9}{r['P']:>7.3f}{r['R']:>7.3f}{r['F1']:>7.3f}"
                  f"{r['ARI']:>7.3f}{r['stories']:>9}{r['events']:>8}{r['split']:>7}"
                  f"{r['merged']:>8}{r['largest']:>8}{r['gate']:>7.3f}{r['cpu']:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
