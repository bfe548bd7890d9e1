"""Identical input gives byte-identical output, whatever PYTHONHASHSEED the process runs with.

Three outlets quote one captain with one differing word each (10 30 / 11 30 / 12 30): the quote
fact's label must be chosen the same way in every process, not by the order a set happens to hold.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLES = {
    "a.txt": ("Ferry fire in the harbour", "Harbour Times",
              'A ferry caught fire in the harbour on Tuesday. The captain said: '
              '"At 10 30 the fire started in the engine room and spread fast."'),
    "b.txt": ("Harbour ferry burns", "Coast News",
              'Fire broke out on a ferry on Tuesday. "At 11 30 the fire started in the engine '
              'room and spread fast," the captain said.'),
    "c.txt": ("Ferry blaze", "Port Daily",
              'A ferry burned in the harbour on Tuesday. The captain said: '
              '"At 12 30 the fire started in the engine room and spread fast."'),
}


def _report(folder: Path, fmt: str, seed: int) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    done = subprocess.run([sys.executable, "-m", "storydiff", "compare", str(folder), "-f", fmt],
                          capture_output=True, env=env, timeout=120, check=True)
    return done.stdout


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "html"])
def test_report_is_byte_identical_across_hash_seeds(tmp_path: Path, fmt: str) -> None:
    for name, (title, source, body) in ARTICLES.items():
        (tmp_path / name).write_text(f"title: {title}\nsource: {source}\n\n{body}\n", encoding="utf-8")
    outputs = {_report(tmp_path, fmt, seed) for seed in (1, 2, 3, 4, 5, 6)}
    assert len(outputs) == 1
    assert b"fire started" in outputs.pop()
