"""Score our reading of web pages on the scrapinghub article-extraction benchmark, with its own metric.

    python benchmarks/bench_html.py BENCHMARK_DIR

BENCHMARK_DIR is a checkout of https://github.com/scrapinghub/article-extraction-benchmark (181 real
news pages as ``html/*.html.gz``, ``ground-truth.json`` and ``evaluate.py``; none of it is kept in this
repository). Each page is loaded the way ``storydiff compare page.html`` loads it, and "our text" is
what storydiff reads as passages: the body blocks (headline, datelines, bylines and chrome left out),
since that is what gets compared. The benchmark's ``evaluate.py`` is imported from the checkout and
scores it (shingle F1, precision, recall, exact-text accuracy). Printed beside it: trafilatura alone
with the same settings, pages with no text, titles and dates found (ours vs trafilatura's
``extract_metadata``), and pages per second (CPU and wall).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from storydiff.core.model import BlockKind
from storydiff.core.read.load import ArticleError, load_file

BODY = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST, BlockKind.TABLE)


def ours(path: Path) -> tuple[str, str | None, object]:
    try:
        article = next(iter(load_file(path)))
    except ArticleError:
        return "", None, None
    body = [article.text[b.start:b.end] for b in article.blocks if b.kind in BODY]
    return "\n".join(body), article.title, article.date


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = Path(sys.argv[1]).resolve()
    spec = importlib.util.spec_from_file_location("aeb_evaluate", root / "evaluate.py")
    assert spec and spec.loader
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))

    import trafilatura

    pages = {p.name.split(".")[0]: gzip.decompress(p.read_bytes()) for p in sorted((root / "html").glob("*.html.gz"))}
    predicted, alone = {}, {}
    titles = dates = empty = 0
    peer_titles = peer_dates = 0
    wall = cpu = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for key, data in pages.items():
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(data)
            w0, c0 = time.perf_counter(), time.process_time()
            text, title, date = ours(path)
            wall += time.perf_counter() - w0
            cpu += time.process_time() - c0
            predicted[key] = {"articleBody": text}
            empty += not text.strip()
            titles += bool(title)
            dates += date is not None
            alone[key] = {"articleBody": trafilatura.extract(data, favor_precision=True, include_comments=False) or ""}
            meta = trafilatura.extract_metadata(data)
            peer_titles += bool(meta and meta.title)
            peer_dates += bool(meta and meta.date)
    for name, prediction in (("storydiff", predicted), ("trafilatura", alone)):
        m = evaluate.evaluate(truth, prediction, 200)
        print(f"{name:<12} F1 {m['f1']:.3f} ± {m['f1_std']:.3f}  precision {m['precision']:.3f}  "
              f"recall {m['recall']:.3f}  accuracy {m['accuracy']:.3f}")
    print(f"pages {len(pages)}; no text {empty}; titles {titles} (trafilatura {peer_titles}); "
          f"dates {dates} (trafilatura {peer_dates})")
    print(f"speed {len(pages) / cpu:.1f} pages/s CPU, {len(pages) / wall:.1f} pages/s wall "
          f"({platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()})")


if __name__ == "__main__":
    main()
