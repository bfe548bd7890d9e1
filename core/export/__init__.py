"""Exports of a :class:`~storydiff.core.model.Report`: JSON, Markdown, HTML, CSV."""
