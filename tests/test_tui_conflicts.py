"""Who says what: the conflict strip, the ``!`` marks and the panes' counts agree with the report.

Stories are made up (a plant fire, a sentencing, an election count) and run through
the whole engine; what the app shows is checked against the JSON report's
``sources`` (each value and the articles backing it), not against the app's own
helpers.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from storydiff.core.export.json import dumps
from storydiff.core.export.tally import tally_line
from storydiff.core.model import GroupStatus, PassageRef
from storydiff.core.report import compare
from storydiff.tui.app import StorydiffApp
from storydiff.tui.compare_screen import CompareScreen
from storydiff.tui.conflict_bar import ConflictBar
from storydiff.tui.story import Story

FIRE = {
    "gazette.txt": "A fire at a chemical plant in Riverton killed 12 people on Tuesday, officials "
                   "said.\n\nFirefighters fought the blaze for six hours.\n",
    "herald.txt": "A fire at a chemical plant in Riverton killed 12 people on Tuesday, officials "
                  "said.\n\nResidents were told to keep their windows closed.\n",
    "radio.txt": "A fire at a chemical plant in Riverton killed 15 people on Tuesday, officials "
                 "said.\n\nThe plant's owner said it would cooperate with investigators.\n",
}

COURT = {
    "tribune.txt": "A judge in Leeds sentenced the former mayor to 8 years in prison on Friday "
                   "for fraud.\n\nThe court heard he took bribes over a decade.\n",
    "courier.txt": "A judge in Leeds sentenced the former mayor to 10 years in prison on Friday "
                   "for fraud.\n\nHis lawyer said he would appeal.\n",
}


SEEDS = str(Path(__file__).resolve().parent.parent / "seeds")


async def until_ready(app: StorydiffApp, pilot: object) -> CompareScreen:
    """Wait (at most ~5 s) until the comparison is on screen with its cursor placed."""
    for _ in range(100):
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if isinstance(app.screen, CompareScreen) and app.screen.focus_state.ref:
            break
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def write(folder: Path, story: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in story.items():
        (folder / name).write_text(text)
    return [str(folder / name) for name in story]


def sides(report_json: dict) -> tuple[set[tuple[str, int]], dict[str, int]]:
    """From the JSON alone: passages stating an out-voted (or tied) value, and counts per article."""
    marked: set[tuple[str, int]] = set()
    counts = {a["id"]: 0 for a in report_json["articles"]}
    for fact in report_json["facts"]:
        if fact["status"] != "conflict":
            continue
        backing = [len(s["articles"]) for s in fact["sources"]]
        majority = 0 if len(backing) > 1 and backing[0] > backing[1] else None
        differing = [s for n, s in enumerate(fact["sources"]) if n != majority]
        texts = {(aid, t) for s in differing for aid in s["articles"] for t in s["texts"]}
        who = set()
        for m in fact["mentions"]:
            if (m["article"], m["text"]) in texts:
                marked.add((m["article"], m["passage"]))
                who.add(m["article"])
        for aid in who:
            counts[aid] += 1
    return marked, counts


def check_marks_and_counts(paths: list[str]) -> Story:
    report = compare(paths)
    story = Story(report)
    marked, counts = sides(json.loads(dumps(report)))
    assert marked, "the story has a conflict"
    for article in report.articles:
        for passage in report.passages[article.id]:
            shown = story.status(passage.ref) == GroupStatus.FACTS
            assert shown == ((article.id, passage.index) in marked), passage.text
        assert story.conflicts_in(article.id) == counts[article.id], article.id
    return story


def test_only_the_outvoted_outlet_is_marked_and_counted(tmp_path: Path) -> None:
    story = check_marks_and_counts(write(tmp_path / "fire", FIRE))
    ids = story.article_ids
    assert [story.conflicts_in(aid) for aid in ids] == [0, 0, 1]
    assert story.status(PassageRef(ids[0], 0)) != GroupStatus.FACTS
    assert story.status(PassageRef(ids[2], 0)) == GroupStatus.FACTS


def test_two_outlets_that_disagree_are_both_marked(tmp_path: Path) -> None:
    story = check_marks_and_counts(write(tmp_path / "court", COURT))
    assert [story.conflicts_in(aid) for aid in story.article_ids] == [1, 1]


def test_the_tally_names_every_value_and_who_states_it(tmp_path: Path) -> None:
    report = compare(write(tmp_path / "fire", FIRE))
    fact = next(f for f in report.facts if f.status == "conflict")
    names = {a.id: a.id.upper() for a in report.articles}
    line = tally_line(fact, names, [a.id for a in report.articles])
    assert line == "12 — GAZETTE, HERALD · 15 — RADIO"


def test_a_vaguer_figure_takes_no_side(tmp_path: Path) -> None:
    story = {
        "wire.txt": "Police said 17 people were arrested after the match in Glasgow on Saturday.\n",
        "paper.txt": "Police said 25 people were arrested after the match in Glasgow on Saturday.\n",
        "blog.txt": "Police said more than a dozen people were arrested after the match in Glasgow on "
                    "Saturday.\n",
    }
    report = compare(write(tmp_path / "match", story))
    fact = next((f for f in report.facts if f.status == "conflict"), None)
    assert fact is not None
    line = tally_line(fact, {a.id: a.id for a in report.articles}, [a.id for a in report.articles])
    assert "17 — wire" in line and "25 — paper" in line
    if "blog" in {m.article for m in fact.mentions}:
        assert "(compatible) — blog" in line
        assert Story(report).conflicts_in("blog") == 0


def six_outlets(folder: Path) -> list[str]:
    """Six reports of an election count; the first and the last disagree on the turnout."""
    paths = []
    for n, turnout in enumerate([52, 61, 61, 61, 61, 48]):
        text = (f"Turnout in the Northfield by-election was {turnout} percent, the returning "
                f"officer said on Thursday.\n\nThe count took place in Northfield town hall "
                f"{'overnight' if n % 2 else 'on Friday'}.\n")
        path = folder / f"{n}_outlet.txt"
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        paths.append(str(path))
    return paths


def test_n_shows_every_side_of_a_conflict_whatever_the_page(tmp_path: Path) -> None:
    paths = six_outlets(tmp_path / "vote")

    async def walk(size: tuple[int, int]) -> None:
        app = StorydiffApp(paths)
        async with app.run_test(size=size) as pilot:
            screen = await until_ready(app, pilot)
            assert screen.story is not None
            conflicts = screen.story.conflicts
            assert conflicts, "the engine finds the turnout conflict"
            for _ in conflicts:
                await pilot.press("n")
                await pilot.pause()
                fact = screen.focus_state.fact
                assert fact is not None
                visible = screen.visible_ids()
                rows = [r for r in screen.story.tally(fact) if not r.compatible]
                on_screen = [r for r in rows if set(r.articles) & set(visible)]
                assert len(on_screen) == min(len(rows), len(visible)), (rows, visible)
                assert rows[0] in on_screen, "the majority's value is among them"
                for row in on_screen:
                    pane = next(c.pane for c in screen.columns
                                if c.display and c.article.id in row.articles)
                    target = pane.target_row()
                    top = int(pane.scroll_offset.y)
                    assert target is not None and top <= target < top + pane.size.height
                strip = screen.query_one(ConflictBar)
                assert strip.display
                for row in screen.story.tally(fact):
                    assert row.value in strip.text.plain
            assert "! 0" not in screen.query_one("#overview").render().plain

    asyncio.run(walk((160, 45)))
    asyncio.run(walk((80, 24)))


def test_the_first_screen_shows_the_focused_group_in_every_pane_every_start() -> None:
    async def start() -> list[tuple[str, int, int]]:
        app = StorydiffApp([SEEDS])
        async with app.run_test(size=(160, 45)) as pilot:
            await until_ready(app, pilot)
            await pilot.pause(0.2)
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            seen = []
            for column in screen.columns:
                if not column.display:
                    continue
                pane = column.pane
                row = pane.target_row()
                top = int(pane.scroll_offset.y)
                assert row is not None and top <= row < top + pane.size.height, column.article.id
                seen.append((column.article.id, row, top))
            return seen

    first = asyncio.run(start())
    assert asyncio.run(start()) == first


def test_a_batch_of_several_stories_warns_and_r_leaves_for_review(tmp_path: Path) -> None:
    fire = write(tmp_path / "mix", FIRE)
    court = write(tmp_path / "mix", COURT)

    async def run() -> object:
        app = StorydiffApp([str(tmp_path / "mix")])
        async with app.run_test(size=(160, 45)) as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                screen = app.screen
                if isinstance(screen, CompareScreen) and screen.stories_found:
                    break
            screen = app.screen
            assert isinstance(screen, CompareScreen) and screen.stories_found >= 2
            notes = [n.message for n in app._notifications]
            said = f"look like {screen.stories_found} stories"
            assert any(said in n and "Press R" in n for n in notes), notes
            await pilot.press("R")
        return app.return_value

    assert len(fire) + len(court) == 5
    assert asyncio.run(run()) == "review"


def test_the_picker_reads_without_colour_and_the_palette_names_keys_as_typed() -> None:
    from storydiff.tui.commands import binding_commands
    from storydiff.tui.pick_screen import CheckList, PickScreen

    async def run() -> None:
        app = StorydiffApp([SEEDS])
        async with app.run_test(size=(160, 45)) as pilot:
            await until_ready(app, pilot)
            helps = {title: keys for title, keys, _ in binding_commands(app.screen)}
            assert helps["Next conflict"] == "key: n / ]"
            assert helps["Help"] == "key: ?"
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, PickScreen)
            checklist = app.screen.query_one(CheckList)
            rows = [checklist.render_line(y).text for y in range(5)]
            assert all(row.startswith("[x]") for row in rows), rows
            await pilot.press("space")  # the highlighted (first) article: unchecked now
            await pilot.pause()
            assert checklist.render_line(0).text.startswith("[ ]")

    asyncio.run(run())
