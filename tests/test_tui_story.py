"""The app's plain helpers: wrapping, the story index, the pane window. No terminal needed."""

from __future__ import annotations

from storydiff.core.model import GroupStatus, PassageRef
from storydiff.tui.story import Story, kind_matches
from storydiff.tui.window import panes_that_fit, window_start
from storydiff.tui.wrap import defang, wrap
from test_tui_fixtures import build_report, warehouse_fire


def lines(text: str, width: int) -> list[str]:
    return [text[s:e] for s, e in wrap(text, width)]


def test_wrapping_breaks_at_spaces_and_keeps_every_word() -> None:
    text = "Ferry services resumed on Thursday after three days of gales."
    got = lines(text, 20)
    assert all(len(line) <= 20 for line in got)
    assert " ".join(got).split() == text.split()


def test_a_word_longer_than_the_pane_is_cut_not_lost() -> None:
    got = lines("see https://example.org/a/very/long/path/to/a/page now", 12)
    assert all(len(line) <= 12 for line in got)
    assert "".join(got).replace(" ", "") == "seehttps://example.org/a/very/long/path/to/a/pagenow"


def test_wide_characters_count_two_cells() -> None:
    got = lines("東京 大阪 名古屋 札幌", 9)
    assert got == ["東京 大阪", "名古屋", "札幌"]


def test_a_newline_in_a_passage_always_ends_a_line() -> None:
    assert lines("Price: 4\nQty: 2", 40) == ["Price: 4", "Qty: 2"]


def test_control_characters_become_visible_one_for_one() -> None:
    text = "Rates fell\x1b[2J today\x07."
    assert len(defang(text)) == len(text)
    assert "\x1b" not in defang(text) and "\x07" not in defang(text)


def test_next_only_here_passage_wraps_round_to_the_top() -> None:
    story = Story(warehouse_fire())
    only = [p.index for p in story.report.passages["gazette"]
            if story.status(p.ref) == GroupStatus.ONLY]
    assert story.next_only("gazette", -1) == only[0]
    assert story.next_only("gazette", only[-1]) == only[0]


def test_search_ignores_case_and_keeps_reading_order() -> None:
    story = Story(warehouse_fire())
    hits = story.find("TWO WORKERS", ["radio", "gazette"])
    assert [h.article for h in hits] == ["radio", "gazette"]
    assert story.find("", ["radio"]) == []


def test_a_missing_passage_sits_after_the_last_passage_both_articles_share() -> None:
    report = build_report(
        {"a": ("A", ["Lead.", "Shared middle.", "Only in A.", "Shared end."]),
         "b": ("B", ["Other lead.", "Shared middle.", "Shared end."])},
        groups=[(GroupStatus.AGREE, [("a", 1), ("b", 1)]),
                (GroupStatus.AGREE, [("a", 3), ("b", 2)])],
    )
    story = Story(report)
    assert story.anchor("b", PassageRef("a", 2)) == 1  # after "Shared middle."
    assert story.anchor("b", PassageRef("a", 0)) == -1  # before everything


def test_conflicts_are_visited_in_reading_order_and_filtered_by_kind() -> None:
    story = Story(warehouse_fire())
    assert [f.kind for f in story.conflict_stops("all")] == ["date", "count"]
    assert [f.kind for f in story.conflict_stops("numbers")] == ["count"]
    assert story.conflict_stops("names") == []
    assert kind_matches("money", "numbers") and not kind_matches("money", "dates")


def test_panes_that_fit_a_screen() -> None:
    assert panes_that_fit(160, 20) == 4
    assert panes_that_fit(110, 20) == 3
    assert panes_that_fit(60, 20) == 1
    assert panes_that_fit(160, 1) == 1


def test_the_window_turns_a_page_when_the_cursor_leaves_it() -> None:
    assert window_start(0, 3, 4, 20) == 0  # still inside
    assert window_start(0, 4, 4, 20) == 4
    assert window_start(4, 3, 4, 20) == 0
    assert window_start(16, 19, 4, 20) == 16
    assert window_start(0, 19, 4, 20) == 16  # never past the last page
