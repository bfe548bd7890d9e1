"""The export formats by name: one table the command line and the app both read.

    >>> render_text(report, "md")   # doctest: +SKIP

SVG is not here: it is a picture of the terminal app (``storydiff.tui.snapshot``),
and ``core`` holds no terminal.
"""

from __future__ import annotations

import importlib

from ..model import Report

# name → (what it is, in the user's words; file suffix)
# The first is the app's default: a page anyone can open is what is shared most.
FORMATS: dict[str, tuple[str, str]] = {
    "html": ("HTML page, side by side", ".html"),
    "md": ("Markdown summary", ".md"),
    "json": ("JSON report", ".json"),
    "csv": ("CSV facts matrix", ".csv"),
    "svg": ("SVG picture of the screen", ".svg"),
}

# name → (module, function): a writer is imported only when its format is asked for.
_RENDERERS: dict[str, tuple[str, str]] = {
    "html": ("html", "render"),
    "md": ("markdown", "render"),
    "json": ("json", "dumps"),
    "csv": ("csv", "render"),
}


def render_text(report: Report, name: str) -> str:
    """The report in format ``name`` (any of :data:`FORMATS` but ``svg``)."""
    try:
        module, function = _RENDERERS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r}") from None
    return getattr(importlib.import_module(f"{__package__}.{module}"), function)(report)


def suffix(name: str) -> str:
    """The file suffix for format ``name``, with its dot."""
    return FORMATS[name][1]
