"""The export dialog and SVG snapshots, driven headless.

The dialog is tested on a tiny app whose screen shows two of the three ferry
articles (its ``shown`` list is what the comparison screen exposes), so these
tests hold whatever the full app looks like.
"""

from __future__ import annotations

import asyncio
import functools
import json
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from export_story import ferry_report
from rich.text import Text
from storydiff.core.export.formats import suffix
from storydiff.core.model import Report
from storydiff.tui.app import StorydiffApp
from storydiff.tui.export_screen import ExportScreen
from storydiff.tui.snapshot import render_svg, story_size
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, RadioButton, Static

SVG = "{http://www.w3.org/2000/svg}"


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async pilot test without an asyncio plugin for pytest."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


class ArticlesScreen(Screen[None]):
    """Stands in for the comparison screen: article text on screen, two of three shown."""

    def __init__(self, report: Report, shown: list[str]) -> None:
        super().__init__()
        self.report = report
        self.shown = shown

    def compose(self) -> ComposeResult:
        for article_id in self.shown:
            yield Static(Text(self.report.article(article_id).text))


class TinyApp(App[None]):
    def __init__(self, report: Report, shown: list[str] | None = None) -> None:
        super().__init__()
        self.report = report
        self.shown = shown or [a.id for a in report.articles]
        self.results: list[Path | None] = []

    def on_mount(self) -> None:
        self.push_screen(ArticlesScreen(self.report, self.shown))

    def open_export(self, folder: Path) -> ExportScreen:
        dialog = ExportScreen(self.report, self.screen, folder=folder)
        self.push_screen(dialog, self.results.append)
        return dialog


def _svg_text(svg: str) -> str:
    """All text drawn in an SVG screenshot, one string (Rich writes spaces as U+00A0)."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return "".join("".join(node.itertext()) for node in root.iter(f"{SVG}text")).replace(
        "\xa0", " ")


async def _settle(pilot: object, app: TinyApp, done: Callable[[], bool]) -> None:
    """Let the dialog's worker finish and its result come back (at most ~5 s)."""
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if done():
            return


async def _choose(app: TinyApp, dialog: ExportScreen, fmt: str, path: Path,
                  scope: str = "view") -> None:
    for button in dialog.query(RadioButton):
        if button.name in (fmt, scope):
            button.value = True
    dialog.query_one("#path", Input).value = str(path)
    await app.workers.wait_for_complete()


@pilot_test
async def test_dialog_writes_the_chosen_format_and_says_where(tmp_path: Path) -> None:
    app = TinyApp(ferry_report())
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        target = tmp_path / "ferry.md"
        await _choose(app, dialog, "md", target, scope="story")
        await pilot.click("#export")
        await _settle(pilot, app, lambda: bool(app.results))
        assert target.read_text().startswith("# storydiff: 3 articles compared")
        assert app.results == [target]
        assert any(str(target) in str(n.message) for n in app._notifications)


@pilot_test
async def test_choosing_a_format_follows_with_the_file_suffix(tmp_path: Path) -> None:
    app = TinyApp(ferry_report())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        assert dialog.path.suffix == ".html"
        next(b for b in dialog.query(RadioButton) if b.name == "csv").value = True
        await pilot.pause()
        assert dialog.path.suffix == ".csv"
        assert dialog.path.parent == tmp_path


@pilot_test
async def test_current_view_exports_only_the_articles_on_screen(tmp_path: Path) -> None:
    app = TinyApp(ferry_report(), shown=["gazette", "radio"])
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        target = tmp_path / "view.json"
        await _choose(app, dialog, "json", target, scope="view")
        await pilot.press("ctrl+s")
        await _settle(pilot, app, lambda: bool(app.results))
        data = json.loads(target.read_text())
        assert [a["id"] for a in data["articles"]] == ["gazette", "radio"]


@pilot_test
async def test_an_existing_file_is_replaced_only_after_a_second_press(tmp_path: Path) -> None:
    target = tmp_path / "facts.csv"
    target.write_text("keep me")
    app = TinyApp(ferry_report())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        await _choose(app, dialog, "csv", target, scope="story")
        await pilot.click("#export")
        await pilot.pause()
        assert target.read_text() == "keep me"
        assert "already exists" in str(dialog.query_one("#message", Static).render())
        assert app.results == []  # still open, asking
        await pilot.pause(0.3)  # a button ignores clicks while it shows the last press
        await pilot.click("#export")
        await _settle(pilot, app, lambda: bool(app.results))
        assert target.read_text().startswith("fact,kind,status,label")
        assert app.results == [target]


@pilot_test
async def test_editing_the_path_withdraws_the_permission_to_overwrite(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("a")
    second.write_text("b")
    app = TinyApp(ferry_report())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        await _choose(app, dialog, "md", first)
        await pilot.click("#export")  # asks about a.md
        await pilot.pause()
        dialog.query_one("#path", Input).value = str(second)
        await pilot.pause(0.3)
        await pilot.click("#export")  # b.md was never confirmed: asks again
        await pilot.pause(0.3)
        assert "already exists" in str(dialog.query_one("#message", Static).render())
        assert (first.read_text(), second.read_text()) == ("a", "b")


@pilot_test
async def test_an_empty_file_name_is_asked_for_not_a_crash(tmp_path: Path) -> None:
    app = TinyApp(ferry_report())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        dialog.query_one("#path", Input).value = ""
        next(b for b in dialog.query(RadioButton) if b.name == "md").value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Give a file name" in str(dialog.query_one("#message", Static).render())
        assert app.results == [] and list(tmp_path.iterdir()) == []


@pilot_test
async def test_escape_closes_without_writing(tmp_path: Path) -> None:
    app = TinyApp(ferry_report())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.open_export(tmp_path)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        assert list(tmp_path.iterdir()) == []


@pilot_test
async def test_svg_of_the_current_view_is_the_screen_without_the_dialog(tmp_path: Path) -> None:
    app = TinyApp(ferry_report(), shown=["gazette", "radio"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        target = tmp_path / "screen.svg"
        await _choose(app, dialog, "svg", target, scope="view")
        await pilot.click("#export")
        await _settle(pilot, app, target.exists)
        drawn = _svg_text(target.read_text())
        assert "Northern Star ran aground" in drawn
        assert "Port Aveline" in drawn
        assert "Export comparison" not in drawn  # the dialog had closed


def test_headless_svg_is_valid_and_holds_the_article_text_escaped() -> None:
    report = ferry_report()
    svg = render_svg(report, lambda r: TinyApp(r, shown=["wire", "radio"]), size=(120, 40))
    drawn = _svg_text(svg)  # parses as XML: the hostile text did not break out
    assert "<script>alert('owned')</script>" in drawn
    assert "Some 180 passengers were evacuated" in drawn


def test_whole_story_svg_is_tall_enough_for_the_longest_article() -> None:
    report = ferry_report()
    width, height = story_size(report)
    assert width >= 80 and height >= 24
    long = ferry_report()
    gazette = long.article("gazette")
    padded = type(gazette)(id=gazette.id, path=gazette.path, text=gazette.text * 40)
    taller = type(long)(articles=(padded, *long.articles[1:]), passages=long.passages,
                        groups=long.groups)
    assert story_size(taller)[1] > height


def test_the_real_app_draws_a_comparison_as_svg() -> None:
    svg = render_svg(ferry_report(), lambda r: StorydiffApp(report=r), size=(160, 40))
    assert "Northern Star" in _svg_text(svg)


async def _real_app_ready(pilot: object, app: App) -> None:
    for _ in range(100):
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if not app.screen.query("LoadingIndicator") and getattr(app.screen, "report", None):
            return


@pilot_test
async def test_key_e_in_the_app_opens_the_dialog_and_writes_the_whole_story_svg(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storydiff.tui.app import StorydiffApp

    monkeypatch.chdir(tmp_path)
    app = StorydiffApp(report=ferry_report())
    async with app.run_test(size=(160, 45)) as pilot:
        await _real_app_ready(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert dialog.path.parent == tmp_path
        target = tmp_path / "story.svg"
        for button in dialog.query(RadioButton):
            if button.name in ("svg", "story"):
                button.value = True
        dialog.query_one("#path", Input).value = str(target)
        await pilot.pause()
        await pilot.click("#export")
        for _ in range(200):  # a headless copy of the app draws it in a worker
            await pilot.pause(0.05)
            if not isinstance(app.screen, ExportScreen):
                break
        drawn = _svg_text(target.read_text())
        assert "Port Aveline" in drawn and "Some 180 passengers" in drawn


@pilot_test
async def test_arrow_keys_choose_the_highlighted_format_and_the_default_name_is_written(
        tmp_path: Path) -> None:
    app = TinyApp(ferry_report())
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        dialog = app.open_export(tmp_path)
        await pilot.pause()
        first = dialog.format
        await pilot.press("down")  # no Space: the highlighted format is the chosen one
        await pilot.pause()
        assert dialog.format != first
        assert dialog.path.suffix == suffix(dialog.format)
        target = dialog.path
        assert target.name.startswith("storydiff-")  # filled in, nothing to type
        await pilot.press("ctrl+s")
        await _settle(pilot, app, lambda: bool(app.results))
        assert app.results == [target] and target.exists()


def test_whole_story_svg_shows_every_article_offline_and_is_valid_xml() -> None:
    from test_tui_fixtures import build_report

    outlets = {f"a{n}": (f"Outlet{n}", [f"Story line {n} about the harbour strike.",
                                        f"Dockers voted on day {n}\ufffe\uffff."])
               for n in range(6)}
    report = build_report(outlets)
    svg = render_svg(report, lambda story: StorydiffApp(report=story), size=(160, 30))
    text = _svg_text(svg)  # parses: no U+FFFE/U+FFFF left to break the XML
    for n in range(6):
        assert f"Outlet{n}" in text, n  # six articles, four panes: every one is drawn
    assert "cdnjs" not in svg and "@font-face" not in svg
