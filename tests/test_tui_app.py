"""The comparison screen as a reader uses it: keys pressed, what is focused and marked."""

from __future__ import annotations

import asyncio
import functools
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from storydiff.core.model import FactStatus, GroupStatus, PassageRef, Report
from storydiff.tui.app import StorydiffApp
from storydiff.tui.commands import binding_commands
from storydiff.tui.compare_screen import CompareScreen
from storydiff.tui.facts_panel import FactsPanel
from storydiff.tui.help_screen import HelpScreen
from storydiff.tui.overview import OverviewBar
from storydiff.tui.pane import ArticlePane
from storydiff.tui.story_screen import StoryScreen
from test_tui_fixtures import build_report, warehouse_fire
from textual.widgets import LoadingIndicator


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async pilot test without an asyncio plugin for pytest."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def screen_of(app: StorydiffApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def pane(app: StorydiffApp, article_id: str) -> ArticlePane:
    for column in screen_of(app).columns:
        if column.article.id == article_id:
            return column.pane
    raise KeyError(article_id)


def in_view(p: ArticlePane, row: int | None) -> bool:
    top = int(p.scroll_offset.y)
    return row is not None and top <= row < top + p.size.height


def pane_lines(p: ArticlePane) -> list[str]:
    return [p.render_line(y).text for y in range(p.size.height)]


async def started(report: Report, size: tuple[int, int] = (120, 30)):
    app = StorydiffApp(report=report)
    return app, app.run_test(size=size)


# --- opening --------------------------------------------------------------------------


@pilot_test
async def test_the_first_frame_paints_while_articles_are_still_loading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("The bridge reopened on Monday after repairs.\n")
    release = threading.Event()
    import storydiff.core.report as report_module

    real_compare = report_module.compare

    def slow_compare(paths, **options):  # noqa: ANN001, ANN003, ANN202 - a slow disk
        release.wait(5)
        return real_compare(paths, **options)

    monkeypatch.setattr(report_module, "compare", slow_compare)
    app = StorydiffApp([str(tmp_path)])
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause(0.1)
        assert app.screen.query(LoadingIndicator), "a progress indicator shows at once"
        assert not screen_of(app).columns
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert len(screen_of(app).columns) == 1
        assert not app.screen.query(LoadingIndicator)


@pilot_test
async def test_files_that_cannot_be_read_become_notifications(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Rail workers will strike on Friday, the union said.\n")
    missing = tmp_path / "missing.txt"
    app = StorydiffApp([str(tmp_path / "good.txt"), str(missing)])
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        messages = [n.message for n in app._notifications]
        assert any("missing.txt" in m for m in messages)
        assert len(screen_of(app).columns) == 1


@pilot_test
async def test_a_story_compared_in_part_says_so_in_a_notification(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storydiff.core import budget

    monkeypatch.setattr(budget, "MAX_ARTICLES", 2)
    for n in range(3):
        (tmp_path / f"r{n}.txt").write_text(f"Rail workers will strike on Friday for {n + 2} days, "
                                            "the union said.\n")
    app = StorydiffApp([str(tmp_path)])
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        messages = [n.message for n in app._notifications]
        assert "story of 3 articles: comparing the 2 most central (2 passages); use review" in messages
        assert len(screen_of(app).columns) == 2


@pilot_test
async def test_a_failure_while_comparing_is_a_message_not_a_crash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("The museum reopened on Sunday.\n")
    import storydiff.core.report as report_module

    def broken_compare(paths, **options):  # noqa: ANN001, ANN003, ANN202
        raise ValueError("the aligner tripped")

    monkeypatch.setattr(report_module, "compare", broken_compare)
    app = StorydiffApp([str(tmp_path)])
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert app.is_running
        assert any("the aligner tripped" in n.message for n in app._notifications)


@pilot_test
async def test_no_readable_article_says_so_instead_of_showing_empty_panes(
        tmp_path: Path) -> None:
    app = StorydiffApp([str(tmp_path / "nothing-here.txt")])
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert app.screen.query_one("#empty")
        await pilot.press("j", "n", "f", "slash")  # nothing to move to: no crash


# --- moving -----------------------------------------------------------------------------


@pilot_test
async def test_next_passage_moves_the_cursor_and_the_aligned_passages_follow() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.focus_state.ref == PassageRef("gazette", 0)
        await pilot.press("j")
        assert screen.focus_state.ref == PassageRef("gazette", 1)
        assert screen.focus_state.member_in("herald") == PassageRef("herald", 1)
        assert screen.focus_state.member_in("radio") == PassageRef("radio", 1)
        for aid in ("gazette", "herald", "radio"):
            assert in_view(pane(app, aid), pane(app, aid).target_row())
        await pilot.press("k")
        assert screen.focus_state.ref == PassageRef("gazette", 0)


@pilot_test
async def test_a_pane_lacking_the_passage_shows_a_placeholder_where_it_would_be() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        radio = pane(app, "radio")
        assert radio.placeholder_row is not None  # the radio never says what day it was
        assert any("not in this article" in line for line in pane_lines(radio))
        await pilot.press("j")  # the crew size: the radio has it
        assert radio.placeholder_row is None


@pilot_test
async def test_n_walks_every_conflict_in_turn_and_marks_its_words() -> None:
    report = warehouse_fire()
    conflicts = {f.label for f in report.facts if f.status == FactStatus.CONFLICT}
    app, run = await started(report)
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        seen = []
        for _ in conflicts:
            await pilot.press("n")
            fact = screen.focus_state.fact
            assert fact is not None and fact.status == FactStatus.CONFLICT
            seen.append(fact.label)
            for mention in fact.mentions:
                p = pane(app, mention.article)
                assert in_view(p, p.target_row())
        assert set(seen) == conflicts
        await pilot.press("n")
        assert screen.focus_state.fact.label == seen[0], "n wraps round to the first"
        await pilot.press("N")
        assert screen.focus_state.fact.label == seen[-1]


@pilot_test
async def test_kind_filter_restricts_the_conflicts_n_visits() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("a", "a")  # all → numbers → dates
        assert screen.focus_state.kind_filter == "dates"
        assert "filter: dates" in app.screen.query_one(OverviewBar).overview.plain
        for _ in range(3):
            await pilot.press("n")
            assert screen.focus_state.fact.kind == "date"


@pilot_test
async def test_u_goes_to_the_next_passage_only_this_article_has() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("2", "u")
        ref = screen.focus_state.ref
        assert ref.article == "herald"
        assert app.screen_stack[-1] is screen
        assert screen.story.status(ref) == GroupStatus.ONLY


@pilot_test
async def test_tab_and_number_keys_switch_the_focused_pane() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        assert screen_of(app).current_article == "gazette"
        await pilot.press("tab")
        assert screen_of(app).current_article == "herald"
        assert screen_of(app).focus_state.ref == PassageRef("herald", 0), \
            "the cursor lands on the same story line in the new pane"
        await pilot.press("3")
        assert screen_of(app).current_article == "radio"
        await pilot.press("shift+tab")
        assert screen_of(app).current_article == "herald"


@pilot_test
async def test_clicking_a_passage_focuses_its_group() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        herald = pane(app, "herald")
        first, _ = herald.rows_of(3)  # "Two workers were taken to hospital…"
        await pilot.click(herald, offset=(6, first - int(herald.scroll_offset.y)))
        screen = screen_of(app)
        assert screen.focus_state.ref == PassageRef("herald", 3)
        assert screen.focus_state.member_in("gazette") == PassageRef("gazette", 2)
        assert screen_of(app).current_article == "herald"


# --- search, facts, help ----------------------------------------------------------------


@pilot_test
async def test_search_finds_words_in_every_pane_and_s_steps_through_them() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        await pilot.press("slash", *"HOSPITAL", "enter")
        screen = screen_of(app)
        hits = []
        for _ in range(3):
            ref = screen.focus_state.ref
            assert "hospital" in screen.story.report.passage(ref).text.lower()
            hits.append(ref.article)
            await pilot.press("s")
        assert set(hits) == {"gazette", "herald", "radio"}
        assert app.focused is None, "keys go to the screen again after searching"
        await pilot.press("escape")
        assert screen.focus_state.search == "", "esc clears the search marks"


@pilot_test
async def test_letters_typed_into_search_are_text_not_commands() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        before = screen.focus_state.ref
        await pilot.press("slash", "q", "n", "j", "f")
        assert app.is_running, "q in a search is a letter, not quit"
        assert screen.focus_state.ref == before
        assert "/qnjf" in screen.message
        await pilot.press("escape")
        assert screen.message == ""
        await pilot.press("j")
        assert screen.focus_state.ref != before, "keys work again after the search"


@pilot_test
async def test_facts_panel_lists_conflicts_first_and_jumps_to_a_chosen_fact() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        await pilot.press("f")
        panel = app.screen.query_one(FactsPanel)
        assert panel.has_class("-shown")
        statuses = [f.status for f in panel.facts]
        assert statuses[:2] == [FactStatus.CONFLICT, FactStatus.CONFLICT]
        await pilot.press("down", "down")
        chosen = panel.facts[2]
        assert screen_of(app).focus_state.fact == chosen
        for mention in chosen.mentions:
            p = pane(app, mention.article)
            assert in_view(p, p.target_row())
        await pilot.press("enter")
        assert app.focused is None
        assert not panel.has_class("-shown")
        assert chosen.label in screen_of(app).message, "the line says which fact is marked"


@pilot_test
async def test_help_lists_every_described_key() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("Static").render())
        for binding in CompareScreen.BINDINGS:
            assert binding.description in shown
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


@pilot_test
async def test_the_command_palette_offers_the_screens_keys() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        titles = [title for title, _, _ in binding_commands(app.screen)]
        assert {"Next conflict", "Facts", "Search", "Help"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next conf", "enter")
        await pilot.pause()
        assert "No conflicts" not in screen_of(app).message
        assert screen_of(app).focus_state.fact is not None, "the palette ran n"


# --- what is drawn ----------------------------------------------------------------------


@pilot_test
async def test_every_status_has_a_gutter_mark_so_colour_is_not_the_only_cue() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        marks = {line[1] for aid in ("gazette", "herald") for line in
                 pane_lines(pane(app, aid)) if line.strip()}
        assert {"!", "~", "+"} <= marks


@pilot_test
async def test_a_caption_is_marked_as_such_not_as_only_here(tmp_path) -> None:
    from storydiff.core.report import compare
    head = "Title: Ferry sinks\nSource: {}\n\n"
    (tmp_path / "a.txt").write_text(head.format("Wire") + "Image caption Divers at the harbour "
                                    "of Port Elin on Sunday\n\nA ferry carrying 180 passengers "
                                    "sank near Port Elin on Sunday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(head.format("Paper") + "A ferry with 180 passengers sank "
                                    "near Port Elin harbour on Sunday.\n", encoding="utf-8")
    app, run = await started(compare([str(tmp_path)]))
    async with run as pilot:
        await pilot.pause()
        lines = [line for line in pane_lines(pane(app, "a")) if "Image caption" in line]
        assert lines and lines[0][1] == "·"
        assert screen_of(app).story.counts().only_by_article["a"] == 0


@pilot_test
async def test_article_text_that_looks_like_markup_or_escapes_shows_literally() -> None:
    report = build_report({
        "tricky": ("[bold red]Outlet[/]", [
            "Prices rose [bold red]sharply[/] in March.",
            "A stray escape \x1b[2J should not clear the screen.",
        ]),
    })
    app, run = await started(report)
    async with run as pilot:
        await pilot.pause()
        text = "\n".join(pane_lines(pane(app, "tricky")))
        assert "[bold red]sharply[/]" in text
        assert "\x1b" not in text
        header = str(app.screen.query(".column--header").first().render())
        assert "[bold red]Outlet[/]" in header


@pilot_test
async def test_sixty_columns_shows_one_pane_and_tab_scrolls_across() -> None:
    app, run = await started(warehouse_fire(), size=(60, 24))
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.visible_ids() == ["gazette"]
        await pilot.press("tab")
        assert screen.visible_ids() == ["herald"]
        assert pane(app, "herald").display
        assert all(len(line) <= 60 for line in pane_lines(pane(app, "herald")))


@pilot_test
async def test_resizing_keeps_the_cursor_in_view() -> None:
    app, run = await started(warehouse_fire(), size=(120, 30))
    async with run as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.resize_terminal(70, 12)
        await pilot.pause()
        await pilot.pause()
        screen = screen_of(app)
        focused = pane(app, screen.focus_state.ref.article)
        assert in_view(focused, focused.target_row())


@pilot_test
async def test_a_single_article_opens_and_says_there_is_nothing_to_conflict() -> None:
    report = build_report({"solo": ("Daily Post", [
        "The library will close for renovation in June.",
        "It reopens in autumn.",
    ])})
    app, run = await started(report)
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("j", "n")
        assert "No conflicts" in screen.message
        await pilot.press("u", "tab")
        assert screen.focus_state.ref == PassageRef("solo", 0)  # u wraps to the first


@pilot_test
async def test_more_articles_than_fit_can_be_picked() -> None:
    outlets = {f"a{n}": (f"Outlet {n}", [f"The dam held after {n} days of rain."])
               for n in range(7)}
    app, run = await started(build_report(outlets), size=(160, 30))
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert len(screen.visible_ids()) == 4
        await pilot.press("p")
        await pilot.press("space", "down", "space", "enter")  # hide the first two
        assert screen.shown == [f"a{n}" for n in range(2, 7)]
        assert screen.visible_ids()[0] == "a2"
        await pilot.press("4")  # header numbers stay the article's place in the story
        assert screen.current_article == "a3"
        await pilot.press("1")
        assert screen.current_article == "a3"
        assert "not shown" in screen.message


@pilot_test
async def test_the_picker_opened_again_ticks_what_is_shown_now_and_cancel_changes_nothing() -> None:
    outlets = {f"a{n}": (f"Outlet {n}", [f"The dam held after {n} days of rain."])
               for n in range(6)}
    app, run = await started(build_report(outlets), size=(160, 30))
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("p", "space", "enter")  # hide a0
        await pilot.pause()
        assert screen.shown == [f"a{n}" for n in range(1, 6)]
        await pilot.press("p")
        await pilot.pause()
        from storydiff.tui.pick_screen import CheckList

        assert sorted(app.screen.query_one(CheckList).selected) == screen.shown
        await pilot.press("down", "space", "escape")  # untick a1, then cancel
        await pilot.pause()
        assert screen.shown == [f"a{n}" for n in range(1, 6)]
        await pilot.press("p")
        await pilot.pause()
        assert sorted(app.screen.query_one(CheckList).selected) == screen.shown
        await pilot.press("space", "enter")  # tick a0 again: all six
        await pilot.pause()
        assert screen.shown == [f"a{n}" for n in range(6)]


@pilot_test
async def test_export_key_answers_even_before_exports_exist() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        from importlib.util import find_spec

        if find_spec("storydiff.tui.export_screen") is None:
            assert any("export not available" in n.message for n in app._notifications)
        else:
            assert not isinstance(app.screen, CompareScreen)


def test_compare_command_never_imports_textual(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ferry resumed service on Sunday.\n")
    code = ("import sys; from storydiff.cli import main; main(['compare', sys.argv[1]]); "
            "assert 'textual' not in sys.modules, 'textual imported'")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


@pilot_test
async def test_every_line_of_the_focused_passage_is_highlighted_not_just_marked_words() -> None:
    report = build_report({
        "long": ("Morning Star", [
            "The council approved the budget after a long debate that ran well past midnight "
            "and left several members visibly tired by the final vote.",
        ]),
    })
    app, run = await started(report, size=(60, 20))
    async with run as pilot:
        await pilot.pause()
        p = pane(app, "long")
        first, last = p.rows_of(0)
        assert last > first, "the passage wraps onto several lines"
        backgrounds = set()
        for row in range(first, last + 1):
            strip = p.render_line(row - int(p.scroll_offset.y))
            words = [seg for seg in strip if seg.text.strip() and seg.text not in ("▌", "+", "│", "┃")]
            backgrounds.update(seg.style.bgcolor if seg.style else None for seg in words)
        assert None not in backgrounds
        assert len(backgrounds) == 1, "one look for the whole cursor passage"


@pilot_test
async def test_every_built_in_theme_draws_the_highlights() -> None:
    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        await pilot.press("n")
        gazette = pane(app, "gazette")
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            first, _ = gazette.rows_of(screen_of(app).focus_state.ref.passage)
            strip = gazette.render_line(first - int(gazette.scroll_offset.y))
            assert strip.text.startswith("▌!"), theme
            assert any(seg.style and seg.style.bgcolor for seg in strip), theme


def test_opening_only_missing_paths_says_so_in_one_line_without_starting_the_app(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from storydiff.tui.app import run

    assert run([str(tmp_path / "no-such-story")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"storydiff: {tmp_path / 'no-such-story'}: no such file or folder"]


@pilot_test
async def test_clicking_a_row_of_the_facts_panel_goes_to_that_fact() -> None:
    app, run = await started(warehouse_fire(), size=(120, 40))
    async with run as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        panel = app.screen.query_one(FactsPanel)
        await pilot.click(panel, offset=(5, 4))  # header row, then rows 0, 1, 2 …
        await pilot.pause()
        assert panel.cursor_row > 0, "the click moved off the first row"
        assert screen_of(app).focus_state.fact == panel.facts[panel.cursor_row]


@pilot_test
async def test_arrows_scroll_a_wide_facts_matrix_while_it_is_open() -> None:
    outlets = {f"a{n}": (f"Outlet {n}", [f"The storm cut power to {1000 + n} homes."])
               for n in range(8)}
    said = [(aid, f"{1000 + n} homes") for n, aid in enumerate(outlets)]
    report = build_report(outlets, facts=[("count", FactStatus.CONFLICT, "homes without power",
                                           said)])
    app, run = await started(report, size=(80, 30))
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("f", "right")
        await pilot.pause()
        panel = app.screen.query_one(FactsPanel)
        assert panel.scroll_offset.x > 0
        assert screen.current_article == "a0", "the arrow scrolled the matrix, not the panes"
        await pilot.press("escape", "right")
        assert screen.current_article == "a1"


@pilot_test
async def test_a_long_title_never_pushes_the_counts_out_of_the_header() -> None:
    long_title = "Council approves the long-delayed riverside housing plan " * 3
    report = build_report({"a": ("Gazette", ["Homes will be built by 2030."]),
                           "b": ("Herald", ["Work starts in May."])})
    report = replace(report, articles=tuple(replace(a, title=long_title)
                                            for a in report.articles))
    app, run = await started(report, size=(90, 20))
    async with run as pilot:
        await pilot.pause()
        header = screen_of(app).columns[1].header
        rows = [line.text for line in header.render_lines(header.region.reset_offset)]
        assert "only here" in rows[2]
        assert rows[1].rstrip().endswith("…")


@pilot_test
async def test_a_story_opened_from_the_review_queue_says_back_and_keeps_every_key() -> None:
    report = warehouse_fire()

    class QueueApp(StorydiffApp):
        def get_default_screen(self) -> StoryScreen:
            return StoryScreen(None, report, None)  # type: ignore[arg-type] - no R pressed

    app = QueueApp(report=report)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        footer = {key.key: key.description for key in app.screen.query("FooterKey")}
        assert footer["q"] == "Back to queue"
        await pilot.press("question_mark")
        shown = str(app.screen.query_one("Static").render())
        assert "Back to queue" in shown and "Quit" not in shown
        for binding in CompareScreen.BINDINGS:
            if binding.action != "quit":
                assert binding.description in shown, "the comparison's keys are all still listed"
        titles = [title for title, _, _ in binding_commands(StoryScreen(None, report, None))]
        assert "Back to queue" in titles and "Next conflict" in titles and "Quit" not in titles


@pilot_test
async def test_header_lines_are_metadata_not_text_in_the_panes(tmp_path: Path) -> None:
    from storydiff.core.report import compare

    for name, toll in (("post", 3), ("ledger", 4)):
        (tmp_path / f"{name}.txt").write_text(
            f"title: Bus crash on Route 9\nsource: The {name.title()}\ndate: 2024-07-01\n"
            f"url: https://{name}.example/bus-crash\n\n"
            f"A bus crash on Route 9 killed {toll} people on Monday, police said.\n")
    report = compare([str(tmp_path)])
    app, run = await started(report)
    async with run as pilot:
        await pilot.pause()
        shown = "\n".join(pane_lines(pane(app, "post")))
        assert "A bus crash on Route 9" in shown
        assert "url:" not in shown and "https://post.example" not in shown
        assert "source:" not in shown


# --- speed guards ----------------------------------------------------------------------


@pilot_test
async def test_turning_the_page_of_panes_lays_nothing_out_and_draws_the_new_articles(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from storydiff.tui.pane_draw import drawings_of
    from textual.screen import Screen

    outlets = {f"a{n}": (f"Outlet {n}", [f"The dam held after {n} days of rain, officials said."
                                         for _ in range(12)]) for n in range(7)}
    app, run = await started(build_report(outlets), size=(160, 20))
    async with run as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = screen_of(app)
        assert screen.visible_ids() == ["a0", "a1", "a2", "a3"]
        layouts = []
        real_layout = Screen._refresh_layout

        def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            layouts.append(self)
            return real_layout(self, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await pilot.press("tab", "tab", "tab", "tab")  # onto a4: the next page
        await pilot.pause()
        assert screen.current_article == "a4" and screen.visible_ids() == ["a3", "a4", "a5", "a6"]
        assert layouts == []  # a pane's rows never move a widget: no layout of the screen
        moved = pane(app, "a4")
        assert any("4 days of rain" in line for line in pane_lines(moved))
        assert moved.allow_vertical_scroll  # longer than the pane: the wheel scrolls it
        # One drawing per article, whichever pane shows it.
        assert moved._drawing is drawings_of(screen.story)["a4"]


@pilot_test
async def test_after_a_the_facts_panel_is_built_for_the_new_filter_before_f() -> None:
    from storydiff.tui.facts_panel import matrix_rows

    app, run = await started(warehouse_fire())
    async with run as pilot:
        await pilot.pause()
        screen = screen_of(app)
        panel = screen.query_one(FactsPanel)
        await pilot.press("a")
        await pilot.pause(0.4)
        kind = screen.focus_state.kind_filter
        assert panel.filled_for == kind and not panel.display
        assert panel.facts == matrix_rows(screen.story, kind)
        await pilot.press("f")
        await pilot.pause()
        assert panel.display and panel.facts == matrix_rows(screen.story, kind)
