"""Review: many articles -> stories, a queue to work through, and the marks a reviewer made.

Takes a batch (an inbox folder, refreshed as files arrive) and gives stories (articles about one event,
``stories.find_stories``), the queue's rows with their counts (``queue.build_queue``) and the
reviewer's marks, notes and moves, stored in SQLite (``marks.Marks``).

Modules: ``inbox`` (what is in the folder, what is new), ``terms`` (an article's features for
grouping), ``links`` (which pairs report one event), ``stories`` (grouping), ``moves`` (the
reviewer's regroupings), ``queue`` (rows, counts, order), ``marks`` (the reviewer's marks) over
``marks_db`` (the SQLite file).
"""

from __future__ import annotations
