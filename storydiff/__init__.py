"""storydiff: compare news articles about one event, side by side.

``storydiff.core`` is the comparison engine (no terminal); ``storydiff.tui`` is
the Textual app; ``storydiff.cli`` is the ``storydiff`` command.
"""

__version__ = "0.1.0"
