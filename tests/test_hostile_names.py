"""File names are untrusted too: a name carrying terminal escapes must not reach the terminal or an export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storydiff.core.text import one_line

ESC, BEL = "\x1b", "\x07"
TITLE = f"{ESC}]0;PWNED{BEL}"          # sets the terminal's title
CLIPBOARD = f"{ESC}]52;c;cHduZWQ={BEL}"  # writes the clipboard
RESET = f"{ESC}c"                       # resets the terminal


def test_one_line_strips_escapes_breaks_and_bidi_overrides() -> None:
    shown = one_line(f"report{TITLE}\n{RESET}final\u202etxt.exe")
    assert ESC not in shown and BEL not in shown and "\n" not in shown
    assert "\u202e" not in shown and "\ufffd" in shown  # the override is neutralised, visibly
    assert shown.startswith("report") and "final" in shown


def test_cli_and_markdown_never_echo_escapes_from_file_names(tmp_path: Path) -> None:
    (tmp_path / f"empty{TITLE}.txt").write_text("", encoding="utf-8")
    (tmp_path / f"a{CLIPBOARD}.txt").write_text(
        "A warehouse fire in the port district killed two workers on Monday, officials said.",
        encoding="utf-8")
    (tmp_path / f"b{RESET}.txt").write_text(
        "Two workers died on Monday when fire tore through a warehouse in the port district.",
        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "storydiff", "compare", str(tmp_path), "-f", "md"],
                          capture_output=True, timeout=120)
    assert done.returncode == 0
    err, out = done.stderr.decode(), done.stdout.decode()
    assert "skipped" in err and "empty file" in err  # the bad file is still reported by name
    for stream in (err, out):
        assert ESC not in stream and BEL not in stream
    assert "empty.txt" in err  # the rest of the name is kept, so the user can find the file
