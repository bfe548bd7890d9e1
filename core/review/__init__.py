"""Review: many articles -> stories, a queue to work through, and the marks a reviewer made.

Takes a batch (an inbox folder, refreshed as files arrive) and gives stories (articles about one event,
``stories.find_stories``), the queue's rows with their counts (``queue.build_queue``) and the
reviewer's marks, notes and moves, stored in SQLite (``marks.Marks``).

Modules: ``inbox`` (what is in the folder, what is new), ``terms`` (an article's features for
grouping), ``stories`` (grouping), ``queue`` (rows, counts, order), ``marks`` (the database).
"""

from __future__ import annotations
