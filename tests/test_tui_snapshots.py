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


def test_conflict_view_in_a_light_theme(snap_compare) -> None:  # noqa: ANN001
    """Textual's light theme: the strip, marks and tints drawn in the theme's own colours."""
    app = StorydiffApp(report=warehouse_fire(), theme="textual-light")
    assert snap_compare(app, press=["n"], terminal_size=SIZE)


def test_facts_panel_in_solarized_light(snap_compare) -> None:  # noqa: ANN001
    app = StorydiffApp(report=warehouse_fire(), theme="solarized-light")
    assert snap_compare(app, press=["f"], terminal_size=SIZE)


def test_every_cell_is_drawn_with_the_theme_background() -> None:
    """No cell falls through to the terminal's own background, in a dark or a light theme."""
    import asyncio

    async def cells(theme: str) -> int:
        app = StorydiffApp(report=warehouse_fire(), theme=theme)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            bare = 0
            for strip in app.screen._compositor.render_strips():
                for segment in strip:
                    style = segment.style
                    if style is None or style.bgcolor is None or style.bgcolor.is_default:
                        bare += len(segment.text)
            return bare

    for theme in ("storydiff-cb", "textual-light", "solarized-light", "textual-dark"):
        assert asyncio.run(cells(theme)) == 0, theme
