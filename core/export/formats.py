"""The export formats by name: one table the command line and the app both read.

    >>> render_text(report, "md")   # doctest: +SKIP

SVG is not here: it is a picture of the terminal app (``storydiff.tui.snapshot``),
and ``core`` holds no terminal.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from . import csv, html, json, markdown

# name → (what it is, in the user's words; file suffix)
# The first is the app's default: a page anyone can open is what is shared most.
FORMATS: dict[str, tuple[str, str]] = {
    "html": ("HTML page, side by side", ".html"),
    "md": ("Markdown summary", ".md"),
    "json": ("JSON report", ".json"),
    "csv": ("CSV facts matrix", ".csv"),
    "svg": ("SVG picture of the screen", ".svg"),
}

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "html": html.render,
    "md": markdown.render,
    "json": json.dumps,
    "csv": csv.render,
}


def render_text(report: Report, name: str) -> str:
    """The report in format ``name`` (any of :data:`FORMATS` but ``svg``)."""
    try:
        renderer = _RENDERERS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r}") from None
    return renderer(report)


def suffix(name: str) -> str:
    """The file suffix for format ``name``, with its dot."""
    return FORMATS[name][1]
