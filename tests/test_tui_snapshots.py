"""Pictures of the main screens, compared against stored SVGs (pytest-textual-snapshot).

After a deliberate change of look, or when the engine's grouping of the seeds
changes, refresh them with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the new pictures before committing them.
"""

from __future__ import annotations

from pathlib import Path

from storydiff.core.report import compare
from storydiff.tui.app import StorydiffApp
from test_tui_fixtures import warehouse_fire

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIZE = (140, 36)


def test_seeds_overview(snap_compare) -> None:  # noqa: ANN001 - the plugin's fixture
    app = StorydiffApp(report=compare([str(SEEDS)]))
    assert snap_compare(app, terminal_size=SIZE)


def test_focused_conflict(snap_compare) -> None:  # noqa: ANN001
    app = StorydiffApp(report=warehouse_fire())
    assert snap_compare(app, press=["n", "n"], terminal_size=SIZE)


def test_facts_panel(snap_compare) -> None:  # noqa: ANN001
    app = StorydiffApp(report=warehouse_fire())
    assert snap_compare(app, press=["f"], terminal_size=SIZE)


def test_help(snap_compare) -> None:  # noqa: ANN001
    app = StorydiffApp(report=warehouse_fire())
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)
