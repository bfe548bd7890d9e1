"""The HTML export in a real browser: headless Chromium loads it, builds the page
and takes its picture. Skipped where Debian's ``chromium`` is not installed
(``apt-get install -y chromium``); ``benchmarks/render_html.sh`` does the same
by hand for the seeds, to look at.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from export_story import ferry_report
from storydiff.core.export import html as html_export

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
PNG = b"\x89PNG\r\n\x1a\n"


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, timeout=120, check=False)


class _Live(HTMLParser):
    """What the browser built: script elements, and the ids of passage spans."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.passages: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "span" and "p" in (found.get("class") or "").split() and found.get("id"):
            self.passages.add(found["id"] or "")


def test_chromium_builds_every_passage_and_no_script(tmp_path: Path) -> None:
    report = ferry_report()
    page = tmp_path / "ferry.html"
    page.write_text(html_export.render(report), encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-500:]
    live = _Live()
    live.feed(result.stdout.decode("utf-8"))
    expected = {f"p{n}-{p.index}" for n, a in enumerate(report.articles)
                for p in report.passages[a.id]}
    assert live.passages == expected
    assert live.scripts == 0  # the hostile <script> stayed text


def test_chromium_takes_a_picture_of_the_page(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(html_export.render(ferry_report()), encoding="utf-8")
    picture = tmp_path / "ferry.png"
    result = _chromium(tmp_path, f"--screenshot={picture}", "--window-size=1200,900",
                       "--hide-scrollbars", page.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-500:]
    data = picture.read_bytes()
    assert data.startswith(PNG) and len(data) > 10_000  # a drawn page, not a blank one
