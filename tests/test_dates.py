"""Dates as a reader resolves them: against the story's own dateline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from storydiff.core.facts.dates import find_dates, find_times, numeric_order

SUNDAY = dt.date(2024, 1, 21)


def one(text: str, base: dt.date | None):
    found = find_dates(text, base)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


def test_a_weekday_is_the_latest_such_day_up_to_the_dateline():
    d = one("The quake struck on Saturday.", SUNDAY)
    assert d.text == "Saturday" and d.first == dt.date(2024, 1, 20)
    assert one("Polls closed on Sunday.", SUNDAY).first == SUNDAY


def test_last_monday_is_strictly_before_the_dateline():
    assert one("Last Monday evening, the levee broke.", dt.date(2024, 1, 22)).first == \
        dt.date(2024, 1, 15)
    assert one("The levee broke last Monday.", SUNDAY).first == dt.date(2024, 1, 15)


def test_a_weekday_after_will_is_in_the_coming_week():
    assert one("The board will vote on Tuesday.", SUNDAY).first == dt.date(2024, 1, 23)
    assert one("Talks resume next Monday.", dt.date(2024, 1, 22)).first == dt.date(2024, 1, 29)


def test_a_weekday_with_its_date_in_brackets_is_one_mention():
    d = one("Earlier on Friday (Jan 19), rescuers reached the village.", SUNDAY)
    assert d.text == "Friday (Jan 19)" and d.first == dt.date(2024, 1, 19)
    assert not d.weekday_clash


def test_a_weekday_that_does_not_match_its_date_is_flagged():
    d = one("The vote was held on Saturday, January 21.", SUNDAY)
    assert d.first == dt.date(2024, 1, 21) and d.weekday_clash


def test_weekdays_across_a_month_boundary():
    assert one("The dam failed on Thursday.", dt.date(2024, 3, 2)).first == dt.date(2024, 2, 29)


def test_weekdays_across_a_year_boundary():
    assert one("Fireworks started a fire on Sunday.", dt.date(2025, 1, 2)).first == \
        dt.date(2024, 12, 29)


def test_a_date_without_a_year_takes_the_nearest_sensible_year():
    assert one("Shares peaked on Dec. 30.", dt.date(2025, 1, 2)).first == dt.date(2024, 12, 30)
    assert one("The polls open on January 3.", dt.date(2024, 12, 30)).first == \
        dt.date(2025, 1, 3)
    assert one("The tremor on March 5 was minor.", dt.date(2024, 3, 9)).first == \
        dt.date(2024, 3, 5)


def test_a_written_year_is_kept_even_if_it_looks_wrong():
    d = one("Flooding began on January 20, 2023.", dt.date(2024, 1, 23))
    assert d.first == dt.date(2023, 1, 20) and d.explicit_year


def test_day_first_and_iso_dates():
    assert one("Results came on 3 January 2024.", None).first == dt.date(2024, 1, 3)
    assert one("Filed 2024-02-29.", None).first == dt.date(2024, 2, 29)


def test_months_and_years_are_periods():
    d = one("Prices rose in December 2022.", None)
    assert (d.precision, d.first, d.last) == ("month", dt.date(2022, 12, 1), dt.date(2022, 12, 31))
    assert one("Unrest grew in late 2022.", None).precision == "year"
    assert one("Unrest grew in December.", SUNDAY).first == dt.date(2023, 12, 1)


def test_a_month_inside_a_name_is_no_date():
    # A rocket family, a protest: the month is part of a name that a capital opens inside
    # the sentence. The month itself still counts after a weekday, a lead word or a title's
    # capitalised preposition, and at a sentence's start.
    for text in ("A Long March 3B rocket lifted off from Xichang.",
                 "Organisers said the Women's March drew 40,000 people to the square."):
        assert find_dates(text, SUNDAY) == [], text
    for text, month in (("Ferry Operator To Cut Routes In March", "March"),
                        ("March was the wettest on record.", "March"),
                        ("The port reopened last March after repairs.", "last March"),
                        ("He said on Friday March was cold.", "March")):
        assert [d.text for d in find_dates(text, SUNDAY) if d.precision == "month"] == [month]


def test_days_ago():
    assert one("The dam gave way three days ago.", dt.date(2024, 3, 1)).first == \
        dt.date(2024, 2, 27)


def test_yesterday_and_last_year():
    assert one("The plant closed yesterday.", SUNDAY).first == dt.date(2024, 1, 20)
    assert one("Profits doubled last year.", SUNDAY).first == dt.date(2023, 1, 1)


def test_without_a_dateline_a_weekday_is_left_unresolved_but_still_compared():
    saturday = one("The blast happened on Saturday.", None)
    sunday = one("The blast happened on Sunday.", None)
    assert not saturday.resolved and saturday.value()["resolved"] is False
    assert saturday.value()["weekday"] == "Saturday"
    assert saturday.conflicts_with(sunday)
    assert saturday.same_as(one("Saturday's blast", None))


def test_saturday_in_a_story_dated_sunday_is_the_20th_not_a_conflict():
    saturday = one("The attack came on Saturday.", SUNDAY)
    written = one("The attack came on January 20.", SUNDAY)
    assert saturday.same_as(written) and not saturday.conflicts_with(written)
    assert saturday.conflicts_with(one("It came on Sunday.", dt.date(2024, 1, 23)))


def test_may_the_verb_is_not_a_month():
    assert find_dates("May I add that prices may rise.", SUNDAY) == []


def test_clock_times_with_zones():
    [t] = find_times("At approximately 6:30 p.m. (Baghdad time) the sirens sounded.")
    assert t.value() == {"time": "18:30", "zone": "Baghdad time", "approx": True}
    [noon] = find_times("The court sits at noon.")
    assert noon.minutes == 12 * 60
    [gmt] = find_times("Trading halted at 14:05 GMT.")
    assert gmt.value() == {"time": "14:05", "zone": "GMT"}


# --- days named by the dateline, weekday lists, years as written -------------------------

WEDNESDAY = dt.date(2024, 1, 17)


def test_tomorrow_alone_is_the_day_after_the_dateline():
    assert one("The verdict is expected tomorrow.", SUNDAY).first == dt.date(2024, 1, 22)
    assert one("The match kicks off tonight.", SUNDAY).first == SUNDAY


def test_the_day_before_yesterday_is_two_days_back_not_yesterday():
    assert one("The dam gave way the day before yesterday.", SUNDAY).first == \
        dt.date(2024, 1, 19)
    assert one("Results are due the day after tomorrow.", SUNDAY).first == dt.date(2024, 1, 23)


def test_this_friday_is_the_coming_friday_not_the_last_one():
    assert one("The strike begins this Friday.", WEDNESDAY).first == dt.date(2024, 1, 19)
    assert one("Shops reopen this Wednesday.", WEDNESDAY).first == WEDNESDAY


def test_next_friday_is_the_friday_of_next_week():
    assert one("The court sits again next Friday.", WEDNESDAY).first == dt.date(2024, 1, 26)
    # on a Monday, "next Sunday" is the Sunday of the week after, not the coming one
    assert one("Polls open next Sunday.", dt.date(2024, 1, 15)).first == dt.date(2024, 1, 28)


def test_a_list_of_weekdays_is_several_days():
    found = find_dates("Hearings were held on Wednesday, Thursday and Friday.", SUNDAY)
    assert [(d.text, d.first) for d in found] == [("Wednesday", dt.date(2024, 1, 17)),
                                                  ("Thursday", dt.date(2024, 1, 18)),
                                                  ("Friday", dt.date(2024, 1, 19))]
    # "set for" looks ahead: the coming days, still in the order written
    found = find_dates("Hearings are set for Wednesday, Thursday and Friday.", SUNDAY)
    assert [d.first for d in found] == [dt.date(2024, 1, 24), dt.date(2024, 1, 25),
                                        dt.date(2024, 1, 26)]
    # a list that names a day twice is no week: each day stands alone (and a list of
    # thousands stays linear to read)
    found = find_dates("Talks were held on " + ", ".join(["Friday", "Saturday"] * 50) + ".", SUNDAY)
    assert {d.first for d in found} == {dt.date(2024, 1, 19), dt.date(2024, 1, 20)}
    # in a story dated Wednesday, "Tuesday, Wednesday and Thursday" are last week's
    found = find_dates("Talks ran on Tuesday, Wednesday and Thursday.", WEDNESDAY)
    assert [d.first for d in found] == [dt.date(2024, 1, 9), dt.date(2024, 1, 10),
                                        dt.date(2024, 1, 11)]


def test_a_weekday_and_its_date_are_still_one_mention_in_a_list():
    found = find_dates("Rallies were held on Friday, Jan. 19 and Saturday.", SUNDAY)
    assert [d.text for d in found] == ["Friday, Jan. 19", "Saturday"]


def test_years_before_1900_are_kept_as_written():
    assert one("Napoleon was defeated in June 1815.", SUNDAY).value()["date"] == "1815-06"
    assert one("The charter was signed on 5 December 1391.", SUNDAY).value()["date"] == \
        "1391-12-05"
    assert one("The bridge has stood since 1888.", SUNDAY).value()["date"] == "1888"
    assert find_dates("About 1500 troops crossed the border.", SUNDAY) == []


def test_february_29_only_in_leap_years():
    assert one("The vote was held on Feb. 29.", dt.date(2025, 3, 10)).first == \
        dt.date(2024, 2, 29)
    assert find_dates("The vote was held on Feb. 29, 2023.", SUNDAY) == []


def test_datelines_at_the_ends_of_the_calendar_never_crash():
    text = ("On Monday, the day before yesterday and tomorrow, next month and last "
            "Friday the 13th, earlier this month and next June the panel met.")
    for base in (dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(9999, 12, 31), dt.date(9999, 12, 30)):
        for d in find_dates(text, base):
            assert d.value()["precision"] in ("day", "month", "year")


def test_weekday_on_a_friday_the_13th():
    d = one("The fire broke out on Friday the 13th.", dt.date(2023, 10, 20))
    assert d.first == dt.date(2023, 10, 13) and not d.weekday_clash


def test_last_and_next_with_a_month_name():
    assert one("Prices peaked last September.", dt.date(2023, 11, 7)).value()["date"] == "2023-09"
    assert one("The plant opens next June.", dt.date(2023, 11, 7)).value()["date"] == "2024-06"
    assert one("Sales slowed earlier this month.", dt.date(2023, 11, 17)).last == \
        dt.date(2023, 11, 16)


def test_ago_counts_back_from_the_dateline_at_its_own_precision():
    friday = dt.date(2024, 3, 15)
    assert one("Three days ago, the levee broke.", friday).first == dt.date(2024, 3, 12)
    assert one("The plant closed two months ago.", friday).value()["date"] == "2024-01"
    assert one("The war ended twenty-five years ago.", friday).value()["date"] == "1999"
    assert one("He left a year ago.", friday).value()["date"] == "2023"


# --- news date phrasings as data: tests/data/news_dates_en.json ---------------------------

NEWS_CASES = Path(__file__).parent / "data" / "news_dates_en.json"


def news_case_passes(case: dict) -> bool:
    """Exactly the dates expected, each with its text, first and last day and precision."""
    found = find_dates(case["input"], dt.date.fromisoformat(case["reference"]))
    expected = case["expected"]
    return len(found) == len(expected) and all(
        m.text.lower() == e["text"].lower() and m.precision == e.get("precision", "day")
        and m.first is not None and m.last is not None
        and (m.first.isoformat(), m.last.isoformat()) == (e["first"], e["last"])
        for m, e in zip(found, expected, strict=True))


def _news_results() -> tuple[list[dict], list[dict]]:
    cases = json.loads(NEWS_CASES.read_text(encoding="utf-8"))["cases"]
    return cases, [c for c in cases if not news_case_passes(c)]


def test_news_date_phrasings():
    cases, failed = _news_results()
    assert len(cases) == 163 and len(cases) - len(failed) >= 163, [c["input"] for c in failed]


def test_no_date_is_read_from_a_sentence_without_one():
    cases, failed = _news_results()
    none = [c for c in failed if not c["expected"]]
    assert len([c for c in cases if not c["expected"]]) == 26
    assert not none, [c["input"] for c in none]


def test_numeric_dates_in_the_articles_order():
    assert one("Filed on 03/04/2024.", None).first == dt.date(2024, 3, 4)  # month first
    assert find_dates("Filed on 03/04/2024.", None, True)[0].first == dt.date(2024, 4, 3)
    # numbers past 12 tell the order whatever the article's
    assert find_dates("Filed on 15/04/2024.", None, False)[0].first == dt.date(2024, 4, 15)
    assert find_dates("Filed on 04/15/2024.", None, True)[0].first == dt.date(2024, 4, 15)


def test_an_articles_order_comes_from_its_own_dates_else_its_domain():
    assert numeric_order("Filed 15/02/2024, heard 03/04/2024.", None) is True
    assert numeric_order("Filed 02/15/2024, heard 03/04/2024.", "https://bbc.co.uk/x") is False
    assert numeric_order("Heard 03/04/2024.", "https://www.bbc.co.uk/news/1") is True
    assert numeric_order("Heard 03/04/2024.", "https://www.theguardian.com/world/1") is True
    assert numeric_order("Heard 03/04/2024.", "https://www.nytimes.com/2024/x") is None
    assert numeric_order("Heard 03/04/2024.", None) is None


def test_a_long_run_of_spaces_after_a_month_is_read_in_linear_time():
    import time
    start = time.process_time()
    find_dates("May" + " " * 20_000 + "x", SUNDAY)
    find_dates("2016" + " " * 20_000 + "x", SUNDAY)
    assert time.process_time() - start < 1.0  # was 3.5 s: two quantifiers over one run


if __name__ == "__main__":
    cases, failed = _news_results()
    print(f"news_dates_en.json: {len(cases) - len(failed)}/{len(cases)}")
    for c in failed:
        got = [(m.text, str(m.first), str(m.last), m.precision)
               for m in find_dates(c["input"], dt.date.fromisoformat(c["reference"]))]
        print("   fail:", repr(c["input"]), got)


def test_a_weekday_looks_ahead_from_a_cue_further_back_unless_a_past_verb_intervenes():
    import datetime as dt

    from storydiff.core.facts.dates import find_dates
    monday = dt.date(2018, 2, 5)
    said = find_dates("Launch is scheduled during a two-and-a-half hour window Tuesday.", monday)
    assert [d.value()["date"] for d in said] == ["2018-02-06"]
    wednesday = dt.date(2018, 2, 7)
    said = find_dates("Talks are expected to resume after officials met on Tuesday.", wednesday)
    assert [d.value()["date"] for d in said] == ["2018-02-06"]


def test_today_meaning_these_days_is_no_date():
    # "flying today", "today's world": these days, not the day of writing
    assert [d.text for d in find_dates("The most powerful rocket flying today lifts off on "
                                       "Tuesday.", SUNDAY)] == ["Tuesday"]
    assert find_dates("In today's world, ferries are rarely late.", SUNDAY) == []
    assert [d.text for d in find_dates("The ferry talks resume today.", SUNDAY)] == ["today"]
