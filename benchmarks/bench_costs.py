"""How cost grows on hostile inputs: each case at two sizes, and the growth exponent.

    python benchmarks/bench_costs.py              # every case
    python benchmarks/bench_costs.py splitter-abbreviations html-unclosed-divs

The cases are the cost-growth inputs of issue 15 (an attack study): one paragraph of
thousands of false stops, a run of exclamation marks, a page of 10,000 unclosed
``<div>`` and stray ``</b>``, a page of words without a full stop, one story told by
hundreds of articles (over the cap of core/budget.py, which then compares the most
central), two articles of near-identical sentences (the aligner's worst case), weekday
names in one sentence, one huge JSONL record, thousands of tiny files for
``review --list``. Each run is a fresh process (so peak memory is its own); the script
prints CPU and wall seconds, peak RSS, and the exponent k in time ~ size^k from the
two sizes (CPU time: the steadier figure on a shared machine). k <= ~1.2 is linear or
n log n; a capped case stops growing past its cap.
"""

from __future__ import annotations

import json
import math
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WORDS = ("council voted approve budget million players scored goals storm winds court judge "
         "ruled shares fell percent").split()


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="bench-costs-"))


def splitter_abbreviations(size_kb: int) -> Callable[[], object]:
    from storydiff.core.align.passages import split_sentences

    text = "the match ended with Dr. Keane and " * (size_kb * 1000 // 35)
    return lambda: list(split_sentences(text, 0, len(text)))


def splitter_exclamations(size_kb: int) -> Callable[[], object]:
    from storydiff.core.align.passages import split_sentences

    text = "What a goal" + "!" * (size_kb * 1000) + "x"
    return lambda: list(split_sentences(text, 0, len(text)))


def html_unclosed_divs(size_kb: int) -> Callable[[], object]:
    import trafilatura  # noqa: F401 - imported before the clock starts
    from storydiff.core.read.html import extract

    story = "<p>The council approved the budget on Tuesday after a long debate about roads.</p>"
    page = ("<html><body>" + story + "<div></b>" * (size_kb * 1000 // 9) + story * 3
            + "</body></html>").encode()
    return lambda: extract(page)


def html_no_full_stop(size_kb: int) -> Callable[[], object]:
    import trafilatura  # noqa: F401 - imported before the clock starts
    from storydiff.core.read.html import extract

    words = " ".join(random.Random(1).choice(WORDS) for _ in range(size_kb * 1000 // 7))
    page = f"<html><body><article><p>{words}</p></article></body></html>".encode()
    return lambda: extract(page)


def _story(count: int) -> list[str]:
    """``count`` retellings of one seed article (sentences dropped, figures changed)."""
    import re

    folder, rng = _folder(), random.Random(7)
    lines = [ln for ln in sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").split("\n")
             if ln.strip()]
    for n in range(count):
        kept = [re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(0, 5)), ln)
                for ln in lines if rng.random() > 0.2]
        (folder / f"a{n:04d}.txt").write_text("\n\n".join(kept), encoding="utf-8")
    return [str(folder)]


def compare_one_story(articles: int) -> Callable[[], object]:
    from storydiff.core.report import compare

    paths = _story(articles)
    return lambda: compare(paths)


def compare_near_identical(size_kb: int) -> Callable[[], object]:
    from storydiff.core.report import compare

    folder, rng = _folder(), random.Random(1)
    for name in "ab":
        sentences, chars = [], 0
        while chars < size_kb * 1000:
            words = [rng.choice(WORDS) for _ in range(9)]
            sentences.append(" ".join(words).capitalize() + ".")
            chars += len(sentences[-1]) + 1
        (folder / f"{name}.txt").write_text(" ".join(sentences), encoding="utf-8")
    return lambda: compare([str(folder)])


def compare_template_sentences(size_kb: int) -> Callable[[], object]:
    """Two long articles of one sentence pattern: every pair aligns and holds a figure."""
    from storydiff.core.report import compare

    folder, rng = _folder(), random.Random(2)
    names = ["Keane", "Ortiz", "Smith", "Lee", "Brown", "Patel", "Khan", "Garcia"]
    for name in "ab":
        text = " ".join(f"Dr. {rng.choice(names)} said the council approved {rng.randint(1, 999)} "
                        "new homes on Tuesday." for _ in range(size_kb * 1000 // 70))
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return lambda: compare([str(folder)])


def weekday_names(names: int) -> Callable[[], object]:
    from storydiff.core.report import compare

    folder = _folder()
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    for name in "ab":
        (folder / f"{name}.txt").write_text(
            "The market opened on " + ", ".join(days[n % 5] for n in range(names)) + ".",
            encoding="utf-8")
    return lambda: compare([str(folder)])


def jsonl_record(size_mb: int) -> Callable[[], object]:
    from storydiff.core.read.load import load_paths

    path = _folder() / "feed.jsonl"
    sentence = "The council approved the budget on Tuesday after a long debate. "
    path.write_text(json.dumps({"text": sentence * (size_mb * 1_000_000 // len(sentence))}) + "\n",
                    encoding="utf-8")
    return lambda: load_paths([str(path)])


def review_list_tiny_files(files: int) -> Callable[[], object]:
    folder = _folder()
    for n in range(files):
        (folder / f"f{n:05d}.txt").write_text(f"Note {n}.", encoding="utf-8")
    db = folder.parent / f"{folder.name}.sqlite3"
    command = [sys.executable, "-m", "storydiff", "review", str(folder), "--list", "--db", str(db)]
    return lambda: subprocess.run(command, capture_output=True, check=False)


# name -> (build, two sizes, unit)
CASES: dict[str, tuple[Callable[[int], Callable[[], object]], tuple[int, int], str]] = {
    "splitter-abbreviations": (splitter_abbreviations, (1000, 2000), "kB, one paragraph"),
    "splitter-exclamations": (splitter_exclamations, (1000, 2000), "kB of '!'"),
    "html-unclosed-divs": (html_unclosed_divs, (180, 720), "kB of <div></b>"),
    "html-no-full-stop": (html_no_full_stop, (500, 1000), "kB of words, no stop"),
    "compare-one-story": (compare_one_story, (60, 120), "articles"),
    "compare-one-story-capped": (compare_one_story, (400, 800), "articles (cap 200)"),
    "compare-near-identical": (compare_near_identical, (20, 40), "kB x 2 articles"),
    "compare-template-sentences": (compare_template_sentences, (35, 70), "kB x 2 articles"),
    "compare-template-capped": (compare_template_sentences, (200, 400), "kB x 2 articles"),
    "compare-near-identical-capped": (compare_near_identical, (200, 400), "kB x 2 articles"),
    "weekday-names": (weekday_names, (700, 1400), "names in one sentence"),
    "jsonl-record": (jsonl_record, (5, 10), "MB, one record"),
    "review-list-tiny-files": (review_list_tiny_files, (2000, 4000), "files"),
}


def _one(name: str, size: int) -> None:
    """Child process: time one case at one size and print JSON."""
    run = CASES[name][0](size)
    start, start_cpu = time.perf_counter(), time.process_time()
    run()
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += children.ru_utime + children.ru_stime  # review --list runs in a child of its own
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children.ru_maxrss)
    print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": rss / 1024}))


def _measure(name: str, size: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--one", name, str(size)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        _one(argv[1], int(argv[2]))
        return
    names = argv or list(CASES)
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'case':<30}{'sizes':>12}  {'unit':<22}{'cpu s':>15}{'wall s':>15}{'MB':>13}  growth")
    for name in names:
        _, (small, large), unit = CASES[name]
        a, b = _measure(name, small), _measure(name, large)
        growth = (math.log(max(b["cpu"], 1e-3) / max(a["cpu"], 1e-3)) / math.log(large / small))
        print(f"{name:<30}{small:>5} {large:>6}  {unit:<22}{a['cpu']:7.2f} {b['cpu']:7.2f}"
              f"{a['wall']:7.2f} {b['wall']:7.2f}{a['rss_mb']:6.0f} {b['rss_mb']:6.0f}  n^{growth:.2f}",
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
