"""The Textual app: renders what ``storydiff.core`` computed, never recomputes it."""
