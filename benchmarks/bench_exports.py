"""Time each export format on the seeds and on a larger generated story.

    python benchmarks/bench_exports.py [COPIES]     # default 4: seeds ×4 = 20 articles

Prints milliseconds per format (median of several runs) and the output size.
The larger story is the seed articles repeated with their digits shifted, so
that the engine finds groups and conflicting facts as in real coverage. SVG is
the whole story drawn by a headless copy of the app (one run: it is slow).
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from storydiff.core.export.formats import render_text
from storydiff.core.read.load import load_paths
from storydiff.core.model import Article, Report
from storydiff.core.report import compare_articles
from storydiff.tui.app import StorydiffApp
from storydiff.tui.snapshot import render_svg, story_size

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def story(copies: int) -> Report:
    articles = load_paths([str(SEEDS)]).articles
    more: list[Article] = []
    for n in range(copies):
        for article in articles:
            # same-length digits keep the loader's block offsets valid
            text = re.sub(r"\d", lambda m, n=n: str((int(m.group()) + n) % 10), article.text)
            more.append(replace(article, id=f"{article.id}-{n}", path=f"{article.path}#{n}",
                                text=text))
    return compare_articles(more)


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    for name, report in (("seeds", compare_articles(load_paths([str(SEEDS)]).articles)),
                         (f"seeds x{copies}", story(copies))):
        passages = sum(len(p) for p in report.passages.values())
        print(f"\n{name}: {len(report.articles)} articles, {passages} passages, "
              f"{len(report.groups)} groups, {len(report.facts)} facts")
        for fmt in ("json", "md", "html", "csv"):
            size = len(render_text(report, fmt).encode("utf-8"))
            ms = median_ms(lambda fmt=fmt, report=report: render_text(report, fmt))
            print(f"  {fmt:5} {ms:8.1f} ms  {size / 1024:8.0f} KiB")

        start = time.perf_counter()
        svg = render_svg(report, lambda r: StorydiffApp(report=r))
        ms = (time.perf_counter() - start) * 1000
        cols, rows = story_size(report)
        print(f"  svg   {ms:8.1f} ms  {len(svg.encode()) / 1024:8.0f} KiB  ({cols}x{rows}, one run)")


if __name__ == "__main__":
    main()
