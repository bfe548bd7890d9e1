"""How well the engine generalises: score it on held-out stories written for this purpose.

    python benchmarks/eval_stories.py              # every story in benchmarks/eval/
    python benchmarks/eval_stories.py -v           # also list every miss, story by story
    python benchmarks/eval_stories.py quake train  # only these stories
    python benchmarks/eval_stories.py --keep out/  # also save each story's JSON report

The judges score the engine with the shared answer-key rules (../shared/gold/score.py)
on stories nobody here has seen. The five seed articles are too few to tell a rule that
generalises from one fitted to them, so benchmarks/eval/ holds stories of other kinds
(an earthquake with a rising toll, an election, quarterly earnings, a sentencing, a
train crash), each a folder of articles beside an answer key ``<story>.json`` in the
seeds.json format. They were written, and their keys made, before reading the engine.

For every story this runs ``storydiff compare <folder> --format json`` in a fresh
process (as a user would), scores the report with score.py, and prints a table of
per-row scores per story and the mean. Snippets of the answer keys that cannot be
found in the articles' text are reported first: they are mistakes in the key, not in
the engine. If score.py is absent the script says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib.util
import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO / "benchmarks" / "eval"
SCORE_PY = REPO.parent / "shared" / "gold" / "score.py"

# Short column names for score.py's rows, in its order.
ROW_NAMES = {
    "same passages aligned": "same",
    "different passages kept apart": "different",
    "known conflicts found": "conflicts",
    "known non-conflicts left alone": "not_confl",
    "known agreements found": "agree",
    "alias groups joined": "aliases",
}


def load_score_module() -> ModuleType | None:
    """Import score.py from the shared gold folder, or None when it is not there."""
    if not SCORE_PY.is_file():
        return None
    spec = importlib.util.spec_from_file_location("gold_score", SCORE_PY)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def article_texts(folder: Path) -> dict[str, str]:
    """Each article's text by answer-key name (first three characters of the file name).

    HTML is reduced to its text (tags dropped, entities decoded) so that key snippets can
    be checked against what a reader sees.
    """
    texts = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        raw = path.read_text(encoding="utf-8")
        if path.suffix.lower() in {".html", ".htm"}:
            raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
        texts[path.name[:3]] = raw
    return texts


def key_snippets(key: dict) -> list[tuple[str, str, str]]:
    """Every (section, article, snippet) the key asks to find in an article's text."""
    found = []
    for section in ("same", "different"):
        for item in key.get(section, []):
            found += [(section, art, snip) for art, snip in item["passages"].items()]
    for section in ("conflicts", "not_conflicts"):
        for item in key.get(section, []):
            found += [(section, art, s) for art, snips in item["values"].items() for s in snips]
    return found


def check_key(score: ModuleType, folder: Path, key: dict) -> list[str]:
    """Snippets of the key that are not in the article they name (key mistakes)."""
    texts = {name: score.norm(text) for name, text in article_texts(folder).items()}
    return [f"{section}: {art} {snip!r}" for section, art, snip in key_snippets(key)
            if score.norm(snip) not in texts.get(art, "")]


def run_compare(folder: Path) -> tuple[dict | None, str, float]:
    """The engine's JSON report for one folder, its error text, and seconds taken."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "storydiff", "compare", str(folder), "--format", "json"],
        capture_output=True, text=True, cwd=REPO,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return None, lines[-1] if lines else f"exit status {proc.returncode}", seconds
    try:
        return json.loads(proc.stdout), "", seconds
    except ValueError as exc:
        return None, f"report is not JSON: {exc}", seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="*", help="story names (default: all in benchmarks/eval/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--keep", type=Path, help="folder to save each story's JSON report in")
    args = parser.parse_args(argv)

    score = load_score_module()
    if score is None:
        print(f"score.py not found at {SCORE_PY}; nothing to score.")
        return 0

    keys = sorted(EVAL_DIR.glob("*.json"))
    if args.stories:
        keys = [k for k in keys if k.stem in args.stories]
    if not keys:
        print(f"no stories found in {EVAL_DIR}")
        return 1
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)

    results: dict[str, dict[str, tuple[int, int]]] = {}
    misses: dict[str, str] = {}
    for key_path in keys:
        story, folder = key_path.stem, key_path.with_suffix("")
        key = json.loads(key_path.read_text(encoding="utf-8"))
        for problem in check_key(score, folder, key):
            print(f"[{story}] key snippet not in article text: {problem}")
        report, error, seconds = run_compare(folder)
        if report is None:
            print(f"[{story}] compare failed: {error}")
            continue
        if args.keep:
            (args.keep / f"{story}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rows = score.score(report, key)
        misses[story] = out.getvalue()
        results[story] = {ROW_NAMES.get(name, name): (got, of) for name, got, of in rows}
        print(f"[{story}] compared {len(report.get('articles', []))} articles in {seconds:.2f} s")

    if not results:
        return 1
    columns = list(ROW_NAMES.values())
    print()
    print(f"{'story':<12}" + "".join(f"{c:>11}" for c in columns) + f"{'score':>8}")
    means = []
    for story, rows in results.items():
        cells, fractions = [], []
        for column in columns:
            got, of = rows.get(column, (0, 0))
            cells.append(f"{got}/{of}" if of else "-")
            if of:
                fractions.append(got / of)
        mean = sum(fractions) / len(fractions) if fractions else 0.0
        means.append(mean)
        print(f"{story:<12}" + "".join(f"{c:>11}" for c in cells) + f"{mean:>8.3f}")
    totals = []
    for column in columns:
        got = sum(rows.get(column, (0, 0))[0] for rows in results.values())
        of = sum(rows.get(column, (0, 0))[1] for rows in results.values())
        totals.append(f"{got}/{of}" if of else "-")
    print(f"{'all':<12}" + "".join(f"{c:>11}" for c in totals) + f"{sum(means) / len(means):>8.3f}")
    print("(score = mean of a story's row fractions, as score.py prints it; 'all' score = mean over stories)")

    if args.verbose:
        for story, text in misses.items():
            print(f"\n== {story}\n{text.rstrip() or '  (no misses)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
