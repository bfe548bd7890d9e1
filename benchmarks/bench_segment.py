"""Sentence segmentation speed and accuracy: ``python benchmarks/bench_segment.py``.

Speed: the seed articles' paragraphs (news copy), repeated to about 2 MB, split by
core.align.passages.split_sentences; MB/s from CPU time (process_time) and wall time,
median of 5 runs. Accuracy: the English Golden Rules (tests/data/golden_rules_en.json).
With ``--others`` it also measures pysbd and sentencex, if they are installed in the
running Python (they are not dependencies).
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.align.passages import split_sentences  # noqa: E402


def news_paragraphs(target: int = 2_000_000) -> list[str]:
    paragraphs = [p.strip() for f in sorted((ROOT / "seeds").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 40]
    out, size = [], 0
    while size < target:
        for p in paragraphs:
            out.append(p)
            size += len(p.encode())
    return out


def ours(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def splitters(others: bool):
    yield "storydiff", ours
    if not others:
        return
    try:
        import pysbd
        seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
        yield "pysbd", lambda t: [s.strip() for s in seg.segment(t) if s.strip()]
    except ImportError:
        pass
    try:
        import sentencex
        yield "sentencex", lambda t: [s.strip() for s in sentencex.segment("en", t) if s.strip()]
    except ImportError:
        pass


def speed(split, paragraphs: list[str], runs: int) -> tuple[float, float]:
    size = sum(len(p.encode()) for p in paragraphs) / 1e6
    cpu, wall = [], []
    for _ in range(runs):
        c, w = time.process_time(), time.perf_counter()
        for p in paragraphs:
            split(p)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return size / statistics.median(cpu), size / statistics.median(wall)


def golden(split) -> int:
    cases = json.loads((ROOT / "tests/data/golden_rules_en.json").read_text())["cases"]
    return sum(split(c["text"]) == c["sentences"] for c in cases)


def main() -> None:
    others = "--others" in sys.argv
    print(f"{platform.machine()} {platform.processor() or ''} CPython {platform.python_version()}")
    for name, split in splitters(others):
        size = 2_000_000 if name == "storydiff" else 200_000
        mbs_cpu, mbs_wall = speed(split, news_paragraphs(size), 5 if name == "storydiff" else 1)
        print(f"{name:10} golden rules {golden(split)}/48  "
              f"news {mbs_cpu:6.2f} MB/s CPU  {mbs_wall:6.2f} MB/s wall")


if __name__ == "__main__":
    main()
