"""Later moments of one event (a toll that rose, a siege put down) are dated apart from it."""

from __future__ import annotations

from storydiff.core.model import FactStatus
from storydiff.core.report import compare

HEAD = "Title: {t}\nSource: {s}\nDate: 2025-03-08\n\n"


def _conflicts(write, one: str, other: str) -> list[tuple[str, set[str]]]:
    report = compare([str(write("a.txt", HEAD.format(t="Mall attack", s="Wire") + one)),
                      str(write("b.txt", HEAD.format(t="Mall siege", s="Paper") + other))])
    return [(f.label, {m.text for m in f.mentions}) for f in report.facts
            if f.status == FactStatus.CONFLICT and f.kind == "date"]


def test_the_day_a_toll_rose_is_not_the_day_of_the_attack(write):
    found = _conflicts(
        write,
        "Gunmen attacked a shopping mall in the capital late on Friday.\n\n"
        "The death toll from the attack on the mall rose to nine on Saturday, officials said.\n",
        "The attack on the shopping mall began on Friday night, witnesses said.\n")
    assert found == []


def test_the_day_a_siege_was_put_down_is_not_the_day_it_began(write):
    found = _conflicts(
        write,
        "Gunmen attacked a shopping mall in the capital late on Friday.\n\n"
        "The attack was suppressed in the early hours of Saturday by special forces.\n",
        "The attack on the shopping mall began on Friday night, witnesses said.\n")
    assert found == []


def test_two_days_for_the_attack_itself_still_conflict(write):
    found = _conflicts(
        write,
        "Gunmen attacked a shopping mall in the capital on Friday.\n",
        "Gunmen attacked a shopping mall in the capital on Thursday.\n")
    assert len(found) == 1 and found[0][1] == {"Friday", "Thursday"}


def _report(write, one: tuple[str, str], other: tuple[str, str]):
    files = []
    for name, (day, body) in (("a.txt", one), ("b.txt", other)):
        files.append(str(write(name, f"Title: Warehouse fire\nSource: {name}\nDate: {day}\n\n{body}\n")))
    return compare(files)


def _toll(report):
    [fact] = [f for f in report.facts if f.status == FactStatus.CONFLICT and f.kind == "count"]
    return fact


def test_a_toll_that_rose_between_two_days_reports_is_an_update(write):
    fact = _toll(_report(write, ("2025-06-01", "The warehouse fire killed 12 people, officials said."),
                         ("2025-06-02", "The warehouse fire has killed 19 people, officials said.")))
    assert fact.updated == ("12 people", "19 people")


def test_a_later_figure_told_as_risen_is_an_update_on_the_same_day(write):
    fact = _toll(_report(write, ("2025-06-01", "The warehouse fire killed 12 people, officials said."),
                         ("2025-06-01", "The death toll from the warehouse fire rose to 19, officials said.")))
    assert fact.updated == ("12 people", "19")


def test_two_figures_on_one_day_without_a_word_of_change_are_a_plain_conflict(write):
    fact = _toll(_report(write, ("2025-06-01", "The warehouse fire killed 12 people, officials said."),
                         ("2025-06-01", "The warehouse fire killed 19 people, officials said.")))
    assert fact.updated == ()


def test_a_figure_that_fell_later_is_not_read_as_an_update(write):
    fact = _toll(_report(write, ("2025-06-01", "The warehouse fire killed 19 people, officials said."),
                         ("2025-06-02", "The warehouse fire killed 12 people, officials said.")))
    assert fact.updated == ()


def test_the_json_report_and_the_conflict_strip_say_the_figure_rose(write):
    import json

    from storydiff.core.export.json import dumps
    from storydiff.tui.conflict_bar import tally_text
    from storydiff.tui.story import Story

    report = _report(write, ("2025-06-01", "The warehouse fire killed 12 people, officials said."),
                     ("2025-06-02", "The warehouse fire has killed 19 people, officials said."))
    [fact] = [f for f in json.loads(dumps(report))["facts"] if f["status"] == "conflict"]
    assert fact["updated"] == ["12 people", "19 people"]
    strip = tally_text(Story(report), _toll(report)).plain
    assert "rose from 12 people to 19 people" in strip


def _dates(write, one: str, other: str):
    report = compare([str(write("a.txt", HEAD.format(t="Mayor quits", s="Wire") + one)),
                      str(write("b.txt", HEAD.format(t="Mayor resigns", s="Paper") + other))])
    return [(f.status, f.label, sorted(m.text for m in f.mentions)) for f in report.facts
            if f.kind == "date"]


def test_the_same_background_year_in_two_reports_is_one_agreeing_fact(write):
    found = _dates(write,
                   "The mayor, who was first elected in 2009 and resigned on Friday, thanked voters.\n",
                   "Residents were surprised. Elected to office in 2009 on a promise to fix the "
                   "roads, the mayor has now quit.\n")
    assert (FactStatus.AGREE, "day of the election", ["2009", "2009"]) in found


def test_two_background_years_in_unrelated_sentences_are_not_set_against_each_other(write):
    found = _dates(write,
                   "The mayor, who was first elected in 2009, resigned on Friday.\n",
                   "Residents were surprised. The council was elected in 2011 on a promise "
                   "to fix the roads.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)


def test_the_json_report_says_what_a_fact_is_about(write):
    import json

    from storydiff.core.export.json import dumps

    report = compare([str(write("a.txt", HEAD.format(t="Mall attack", s="Wire")
                                + "Gunmen attacked a shopping mall on Friday, killing 12 people.\n")),
                      str(write("b.txt", HEAD.format(t="Mall siege", s="Paper")
                                + "The attack on the mall on Friday killed 15 people.\n"))])
    facts = json.loads(dumps(report))["facts"]
    toll = next(f for f in facts if f["kind"] == "count")
    assert toll["about"]["role"] == "killed" and toll["about"]["what"] == "people"
    day = next(f for f in facts if f["kind"] == "date")
    assert day["about"]["event"] == "attack"


def test_one_article_giving_two_months_for_one_kind_of_event_tells_two_events(write):
    found = _dates(write,
                   "Prosecutors say Okafor, who resigned from Congress in November amid the "
                   "federal investigation, used campaign money to buy furs. Ada Okafor was a "
                   "city councillor before she resigned last month during the federal "
                   "investigation.\n",
                   "Okafor resigned from Congress in November, prosecutors said.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)


def test_the_years_an_activity_spans_agree_however_they_are_written(write):
    found = _dates(write,
                   "The audit found payments between 2011 and 2015 that the charity hid.\n",
                   "The audit lists payments beginning in 2011 and continuing through 2015, "
                   "the regulator said.\n")
    assert (FactStatus.AGREE, "when it began", ["2011", "2011"]) in found
    assert (FactStatus.AGREE, "when it ended", ["2015", "2015"]) in found


def test_two_days_of_no_named_event_with_nothing_in_common_around_them_are_two_moments(write):
    found = _dates(write,
                   "Mayor Ortiz on Tuesday assailed Judge Reyes of the Supreme Court for "
                   "speaking out on the Mendoza Dam.\n",
                   "Judge Reyes of the Supreme Court faced a growing backlash Wednesday over "
                   "her Mendoza Dam remarks, Mayor Ortiz among her critics.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)


def test_the_same_act_told_on_two_days_still_conflicts(write):
    found = _dates(write,
                   "A council aide apologized on Friday for a post mocking the mayor's children.\n",
                   "The council aide had to apologize Saturday for a post mocking the mayor's "
                   "children.\n")
    assert any(status == FactStatus.CONFLICT for status, *_ in found)


def test_one_weekday_in_reports_published_days_apart_is_not_a_conflict(write):
    # A report of the day and a feature eight days later both say the ferry sank "on
    # Sunday": resolved from their own dates the two Sundays differ, but neither outlet said
    # anything the other did not. A different weekday still conflicts.
    def article(name: str, day: str, weekday: str) -> str:
        return str(write(name, f"Title: Ferry sinks\nSource: {name}\nDate: {day}\n\n"
                               f"The ferry Nordlys sank off the island of Hamar on {weekday}, "
                               f"the coast guard said.\n"))
    first = article("wire.txt", "2025-03-10", "Sunday")
    later = article("weekly.txt", "2025-03-18", "Sunday")
    other = article("paper.txt", "2025-03-10", "Saturday")

    def date_conflicts(paths: list[str]) -> list[set[str]]:
        return [{m.text for m in f.mentions} for f in compare(paths).facts
                if f.kind == "date" and f.status == FactStatus.CONFLICT]
    assert date_conflicts([first, later]) == []
    assert date_conflicts([first, other]) == [{"Sunday", "Saturday"}]


def test_a_day_without_its_year_beside_the_same_day_with_one_is_not_a_conflict(write):
    # Read from its November date, a bare "June 12" is our guess at the year; the other
    # outlet wrote the year. A different day still conflicts.
    def article(name: str, when: str) -> str:
        return str(write(name, f"Title: Festival\nSource: {name}\nDate: 2025-11-02\n\n"
                               f"The Ostra music festival will return to the harbour on {when}, "
                               f"its organisers said.\n"))

    def date_conflicts(paths: list[str]) -> list[set[str]]:
        return [{m.text for m in f.mentions} for f in compare(paths).facts
                if f.kind == "date" and f.status == FactStatus.CONFLICT]
    bare = article("wire.txt", "June 12")
    assert date_conflicts([bare, article("paper.txt", "June 12, 2026")]) == []
    assert date_conflicts([bare, article("paper.txt", "June 14, 2026")]) == [
        {"June 12", "June 14, 2026"}]


def test_a_sentence_giving_two_days_is_matched_on_the_day_the_other_report_gives(write):
    # One outlet's sentence names two days (the day of an inspection, the day of a transfer),
    # the other's only the transfer's: the two May 28s are one fact that agrees, and the
    # June 3 is not set against the other report's May 28, whichever day is read first.
    found = _dates(write,
                   "Inspectors examined the freighter on June 3, a week after it unloaded "
                   "300 tons of fuel at the Dravo terminal on May 28.\n",
                   "The freighter unloaded 300 tons of fuel at the Dravo terminal on May 28, "
                   "port officials said.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)
    assert any(status == FactStatus.AGREE and texts == ["May 28", "May 28"]
               for status, _label, texts in found)


def test_a_day_to_come_and_a_day_gone_are_two_occasions(write):
    # Written the same Saturday, one report looks ahead to next Tuesday's hearing, the other
    # back on Tuesday's: two hearings, not a disagreement. Two days to come for one plan
    # still conflict.
    found = _dates(write,
                   "The mayor's lawyers are preparing for next Tuesday's hearing before the "
                   "ethics board.\n",
                   "The ethics board hearing on Tuesday was meant to settle the mayor's case.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)
    found = _dates(write,
                   "The ethics board will hold its hearing next Tuesday, the mayor's lawyers "
                   "said.\n",
                   "The ethics board will hold its hearing on Thursday, the mayor's lawyers "
                   "said.\n")
    assert any(status == FactStatus.CONFLICT for status, *_ in found)


def test_a_day_written_before_a_noun_dates_that_noun(write):
    # "an Oct. 19 rendezvous" dates the rendezvous, not the release the sentence is about:
    # it is not set against the other report's day of the release.
    found = _dates(write,
                   "The ministry released satellite images of an Oct. 19 rendezvous between two "
                   "tankers off the coast.\n",
                   "Satellite images of the two tankers off the coast were released by the "
                   "ministry on Nov. 21.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)


def test_a_day_since_which_something_holds_is_a_reference_point(write):
    # "her first interview since being appointed Saturday": the Saturday is when she was
    # appointed, not the day of the interview the other report dates Tuesday. A reference
    # point that names the event itself still dates it ("since being released on May 3").
    found = _dates(write,
                   "In an interview with the Harbour Gazette on Tuesday, the mayor said the "
                   "ferry contract would be renegotiated.\n",
                   "The mayor, in her first interview since being appointed Saturday, told "
                   "the Harbour Gazette on Tuesday that the ferry contract would be "
                   "renegotiated.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)
    found = _dates(write,
                   "The striker was released on March 3 after a week in hospital.\n",
                   "Since being released on March 3, the striker has resumed training.\n")
    assert (FactStatus.AGREE, "day of the release", ["March 3", "March 3"]) in found


def test_a_day_told_from_the_moment_of_writing_may_be_a_day_off(write):
    # A page dated Saturday that says "last night" may have been written on Saturday
    # morning about Friday night, or dated a day late: one day off from the other report's
    # Saturday is nobody's contradiction. Two days off still is.
    def article(name: str, day: str, when: str) -> str:
        return str(write(name, f"Title: Ferry fire\nSource: {name}\nDate: {day}\n\n"
                               f"Fire broke out on the ferry Nordlys {when}, the coast guard "
                               f"said.\n"))

    def date_conflicts(paths: list[str]) -> list[set[str]]:
        return [{m.text for m in f.mentions} for f in compare(paths).facts
                if f.kind == "date" and f.status == FactStatus.CONFLICT]
    saturday = article("paper.txt", "2025-03-08", "on Saturday")
    assert date_conflicts([article("wire.txt", "2025-03-08", "last night"), saturday]) == []
    assert date_conflicts([article("wire.txt", "2025-03-06", "last night"), saturday]) == [
        {"last night", "Saturday"}]


def test_a_year_written_before_a_work_is_the_year_it_came_out(write):
    # "the 1994 film Harbour Lights" and "Harbour Lights, which came out in 1994": one fact,
    # the film's release, and they agree.
    found = _dates(write,
                   "She was injured on the set of the 1994 film Harbour Lights, the mayor said.\n",
                   "The mayor starred in Harbour Lights, which came out in 1994, before entering "
                   "politics.\n")
    assert (FactStatus.AGREE, "day of the release", ["1994", "1994"]) in found


def test_a_day_before_the_event_is_not_its_day(write):
    # "said on Thursday ahead of the vote": Thursday dates what was said, not the vote the
    # other report dates Friday.
    found = _dates(write,
                   "The harbour bill is a first step, councillor Ada Moss said on Thursday "
                   "ahead of the vote.\n",
                   "The council on Friday approved the harbour bill in a vote of 31 to 9.\n")
    assert not any(status == FactStatus.CONFLICT for status, *_ in found)



def test_a_rocket_blasting_off_is_no_attack(write):
    # "will blast off" is a launch, not an explosion: the day it was announced is not set
    # against another report's month for something else.
    def article(name: str, day: str, text: str) -> str:
        return str(write(name, f"Title: Rocket\nSource: {name}\nDate: {day}\n\n{text}\n"))
    report = compare([
        article("wire.txt", "2025-12-27", "Okafor made the announcement earlier this month, "
                "saying the rocket will blast off from the coast with a car on board."),
        article("paper.txt", "2025-12-02", "Okafor said earlier this year he was targeting "
                "November for the rocket with a car on board.")])
    assert not [f for f in report.facts if f.kind == "date" and f.status == FactStatus.CONFLICT]
