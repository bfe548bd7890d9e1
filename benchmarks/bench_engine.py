"""Time each stage of the engine: load, segment, align, facts, report.

    python benchmarks/bench_engine.py            # seeds and a generated batch of 100

Prints milliseconds per stage (median of several runs) and segmentation speed in
MB/s. The generated batch mutates the seed articles (drops, reorders and
re-numbers sentences) so its text looks like news, not lorem ipsum.
"""

from __future__ import annotations

import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from storydiff.core.align.groups import align
from storydiff.core.read.blocks import read_layout
from storydiff.core.export.json import dumps
from storydiff.core.facts.find import find_facts
from storydiff.core.read.load import load_paths
from storydiff.core.report import compare
from storydiff.core.align.passages import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def median_ms(fn: Callable[[], object], repeat: int = 11) -> tuple[float, float]:
    """Median wall time and median CPU time of ``repeat`` runs, in ms.

    CPU time is the steadier figure on a shared 2-core machine: other
    processes stretch the wall clock, not the work done.
    """
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def generate(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for n in range(count):
        lines = [ln for ln in rng.choice(texts).split("\n") if ln.strip()]
        rng.shuffle(lines)
        lines = [ln for ln in lines if rng.random() > 0.2]
        lines = [re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(0, 5)), ln) for ln in lines]
        (folder / f"gen_{n:04d}.txt").write_text("\n\n".join(lines), encoding="utf-8")


def stages(paths: list[str], label: str) -> None:
    loaded = load_paths(paths)
    articles = loaded.articles
    passages = {a.id: segment(a) for a in articles}
    groups = align(passages)
    chars = sum(len(a.text) for a in articles)
    seg_ms = median_ms(lambda: [segment(a) for a in articles])
    figures = {
        "load": median_ms(lambda: load_paths(paths)),
        "segment": seg_ms,
        "align": median_ms(lambda: align(passages), 5),
        "facts": median_ms(lambda: find_facts(articles, passages, groups), 5),
        "end to end (compare)": median_ms(lambda: compare(paths), 5),
    }
    report = compare(paths)
    figures["json export"] = median_ms(lambda: dumps(report), 5)
    print(f"\n{label}: {len(articles)} articles, {chars / 1e3:.0f} kB, "
          f"{sum(map(len, passages.values()))} passages, {len(groups)} groups")
    print(f"  {'stage':<22}{'wall':>9}   {'cpu':>9}")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:<22}{wall:9.1f} ms{cpu:9.1f} ms")
    layout_ms = median_ms(lambda: [read_layout(a.text) for a in articles])[1]
    print(f"  segmentation speed    {chars / 1e6 / (seg_ms[1] / 1000):9.1f} MB/s (sentences, cpu)")
    print(f"  layout + sentences    {chars / 1e6 / ((seg_ms[1] + layout_ms) / 1000):9.1f} MB/s (cpu)")


def main() -> int:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.processor() or '?'}, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    stages([str(SEEDS)], "seeds")
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), 100)
        stages([tmp], "generated batch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
