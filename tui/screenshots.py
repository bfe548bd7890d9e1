"""Regenerate the pictures in ``screenshots/``: the app's main screens on the seed articles.

    python -m storydiff.tui.screenshots [--seeds seeds] [--out screenshots]

Writes ``overview``, ``conflict`` (the first conflict, after ``n``), ``facts``
(the facts panel) and ``help`` as SVG, plus PNG when Chromium is installed
(Debian's ``chromium`` package; it renders the SVG exactly as a browser shows
it in the README).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from storydiff.core.report import compare

from .app import StorydiffApp
from .snapshot import offline

SIZE = (160, 45)
SCREENS: dict[str, list[str]] = {
    "overview": [],
    "conflict": ["n"],
    "facts": ["f"],
    "help": ["question_mark"],
}


async def _shoot(seeds: str, keys: list[str], path: Path) -> None:
    app = StorydiffApp(report=compare([seeds]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause(0.3)
        path.write_text(offline(app.export_screenshot()), encoding="utf-8")


def _png(svg: Path) -> Path | None:
    """Render an SVG to PNG with headless Chromium, at the SVG's own size."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return None
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg.read_text(encoding="utf-8"))
    width, height = (int(float(box.group(1))), int(float(box.group(2)))) if box else (1600, 900)
    png = svg.with_suffix(".png")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--user-data-dir={profile}",
                        f"--window-size={width},{height}", f"--screenshot={png}",
                        svg.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate screenshots/ from the seeds.")
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--out", default="screenshots")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, keys in SCREENS.items():
        svg = out / f"{name}.svg"
        asyncio.run(_shoot(args.seeds, keys, svg))
        png = _png(svg)
        print(f"wrote {svg}" + (f" and {png}" if png else " (no chromium: no PNG)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
