"""Reading: files -> :class:`~storydiff.core.model.Article`.

Takes paths (files, folders, ``-`` for stdin) in the formats storydiff reads (plain text with optional
``title:``/``source:``/``date:``/``url:`` headers, Markdown, HTML, JSON, JSONL) and gives one
``Article`` per story text, with its layout (headline, dateline, byline, captions) read into blocks.
A file that cannot be read becomes one :class:`~storydiff.core.model.LoadError` naming it; the rest
still load.

Modules: ``load`` (formats, size limits, batches), ``html`` (a page's main text, through trafilatura),
``blocks`` (layout: which lines are headline, dateline, caption, body), ``outlets`` (who published it,
by name).
"""

from __future__ import annotations

from .load import ARTICLE_SUFFIXES, ArticleError, Loaded, load_file, load_paths, read_stdin

__all__ = ["ARTICLE_SUFFIXES", "ArticleError", "Loaded", "load_file", "load_paths", "read_stdin"]
