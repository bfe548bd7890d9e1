"""Grouping real-world shapes of news: related events of one week, follow-ups, rewritten reports."""

from __future__ import annotations

from pathlib import Path

from storydiff.core.read.load import load_paths
from storydiff.core.review.stories import find_stories
from storydiff.core.review.terms import features

# One week in one made-up country: a budget deal, then a minister resigning. The same people
# (the prime minister, the opposition leader) are in both, and one report of the resignation
# retells the deal.
RELATED_WEEK = {
"deal-wire.txt": """Title: Tavaria's Marsh and Brandt agree budget deal, ending month-long standoff
Source: Capital Wire
Date: 2025-03-10

Prime Minister Elena Marsh and opposition leader Karl Brandt agreed on Monday on a 12 billion
crown budget that cuts the income tax for low earners and raises pensions by 4%, ending a
month-long standoff that had threatened to shut government offices.
The deal, reached after talks in the Halvard Palace that ran through the night, still needs a
vote in parliament, which is expected on Thursday.
Brandt said his party had won the pension increase it wanted. Marsh called the agreement
"a budget for working families".
""",
"deal-post.txt": """Title: Budget standoff ends as Brandt accepts tax compromise
Source: Tavaria Post
Date: 2025-03-10

Tavaria's month-long budget standoff ended on Monday when Karl Brandt, leader of the
opposition, accepted a compromise with Prime Minister Elena Marsh after overnight talks at
the Halvard Palace.
The 12 billion crown package lowers income tax for the lowest earners and lifts pensions by
4%. Parliament will vote on it on Thursday.
"We got the pension rise," Brandt told reporters outside the palace.
""",
"deal-herald.txt": """Title: What is in the Marsh-Brandt budget
Source: Northern Herald
Date: 2025-03-11

The budget agreed by Elena Marsh and Karl Brandt on Monday spends 12 billion crowns. Pensions
rise by 4% from July, and the lowest income tax band falls from 20% to 17%.
Economists at Tavaria's central bank said the deal would add little to inflation.
The Halvard Palace talks ended a standoff that began in February, when Brandt's party blocked
the first draft in parliament.
""",
"resign-wire.txt": """Title: Tavaria finance minister Ivo Renko resigns over leaked memo
Source: Capital Wire
Date: 2025-03-12

Finance Minister Ivo Renko resigned on Wednesday after a leaked memo showed he had told
bankers in Sordal about a planned levy on bank profits weeks before it was announced.
Renko, 58, denied any wrongdoing but said he could no longer do the job. His deputy, Mira
Lask, will take over until Prime Minister Elena Marsh names a successor.
The memo was published by the newspaper Sordal Dagblad.
""",
"resign-post.txt": """Title: Renko quits after Sordal Dagblad publishes bank levy memo
Source: Tavaria Post
Date: 2025-03-12

Ivo Renko stepped down as finance minister on Wednesday, a day after Sordal Dagblad published
a memo in which he briefed bankers on a levy on bank profits before the public knew of it.
Mira Lask, his deputy, becomes acting finance minister. Renko said he had done nothing wrong.
Opposition leader Karl Brandt called for an inquiry into who else had seen the memo.
""",
"resign-herald.txt": """Title: Resignation clouds Thursday's budget vote
Source: Northern Herald
Date: 2025-03-12

The resignation of finance minister Ivo Renko over the leaked bank levy memo has put the
budget vote in parliament on Thursday in doubt, Karl Brandt said on Wednesday.
The 12 billion crown budget that Brandt and Prime Minister Elena Marsh agreed on Monday at the
Halvard Palace, with its 4% pension rise and income tax cut, was drawn up by Renko's ministry.
Acting minister Mira Lask said the budget would go ahead as agreed.
""",
}


# One port in two days: a crane collapse told by a wire and by a feature writer who starts
# far from the news, a storm elsewhere, and another event in the same port the day before.
SAME_PORT = {
    "crane-wire.txt": """Title: Crane collapse kills two dockworkers at Port Elsen
Source: Coast Wire
Date: 2025-06-03

Two dockworkers were killed on Tuesday when a container crane collapsed at Port Elsen, the
harbour authority said. A third worker was taken to hospital with leg injuries.
The crane, one of eight on the north quay, fell across a ship that was being unloaded.
Harbour master Greta Lindqvist said the quay would stay closed while inspectors examined
the crane. The dockers' union called for all cranes of the same age to be checked.
""",
    "crane-feature.txt": """Title: Two dead after crane falls on Port Elsen quay
Source: Weekend Review
Date: 2025-06-04

For a hundred years the docks have been the heart of the town. Grandfathers unloaded timber
and salt from sailing ships; their grandchildren drive straddle carriers between stacks of
boxes from Shanghai and Rotterdam, and the night shift still ends with coffee at dawn.
On Tuesday that rhythm stopped. A container crane toppled over a ship at the quay, killing two
dockworkers and injuring a third. The union said workers had complained about the crane's
brakes for months. Greta Lindqvist, the harbour master, closed the quay for inspections.
""",
    "quay.txt": """Title: Port Elsen opens new cruise quay
Source: Town Gazette
Date: 2025-06-02

Port Elsen opened its new cruise quay on Monday, the harbour company said, with the first
ship bringing 2,400 passengers to the town. Mayor Jon Aasen said the quay would bring visitors
to the cafés of Havnegade and the old town all summer.
""",
    "storm.txt": """Title: Storm closes ferry routes along the west coast
Source: Coast Wire
Date: 2025-06-03

Ferries between Halsvik and the outer islands were cancelled on Tuesday as a storm with gusts
of 110 km/h crossed the west coast, the ferry operator Nordlinjen said.
Trains were delayed near Brekke after trees fell on the line, and 4,000 homes lost power.
""",
}


# A mine rescue told by three reports, then a short radio follow-up that quotes the governor
# one report named and the company chief another named; a harvest in the region the same day.
MINE_RESCUE = {
    "mine-wire.txt": """Title: Twelve miners trapped after tunnel collapse at Dravik copper mine
Source: Mountain Wire
Date: 2025-09-14

Twelve miners were trapped underground on Sunday after a tunnel collapsed at the Dravik copper
mine, the operator Selmet Mining said. Rescuers were drilling a shaft to reach them at a depth of
about 400 metres. Selmet's chief executive Ana Kovar said the men had food and water.
""",
    "mine-post.txt": """Title: Rescuers drill towards 12 trapped at Dravik
Source: Valley Post
Date: 2025-09-14

Rescue teams at the Dravik copper mine were drilling through rock on Sunday night to reach 12
miners trapped by a tunnel collapse. Ana Kovar, who runs Selmet Mining, said air was being pumped
into the chamber where the men were sheltering, 400 metres below ground.
""",
    "mine-times.txt": """Title: Families wait at Dravik mine as drilling goes on
Source: Evening Times
Date: 2025-09-15

Families of the 12 trapped miners gathered at the gates of the Dravik mine on Monday as rescuers
drilled a second shaft. The regional governor, Petr Halas, said the army had sent heavy drills.
Selmet Mining said contact had been made with the men through a pipe.
""",
    "mine-radio.txt": """Title: Governor Halas: rescue will take days
Source: Radio North
Date: 2025-09-15

Petr Halas told Radio North that reaching the men could take until Thursday. Army engineers
brought drills overnight. The copper company's chief, Ana Kovar, visited the relatives' tent.
""",
    "harvest.txt": """Title: Grape harvest starts early in the Velna valley
Source: Valley Post
Date: 2025-09-14

Winemakers in the Velna valley began picking grapes two weeks early on Sunday after a hot summer,
the growers' association said. Its chair, Milos Varga, expected a small but good vintage.
""",
}


def _stories(folder: Path, texts: dict[str, str]) -> list[set[str]]:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    loaded = load_paths([str(folder)])
    assert not loaded.errors, loaded.errors
    return [{Path(a.path).name for a in s.articles} for s in find_stories(loaded.articles)]


def _with(stories: list[set[str]], name: str) -> set[str]:
    return next(s for s in stories if name in s)


def test_two_related_events_of_one_week_stay_two_stories_when_one_report_mentions_both(tmp_path):
    stories = _stories(tmp_path / "week", RELATED_WEEK)
    deal = _with(stories, "deal-wire.txt")
    assert {"deal-post.txt", "deal-herald.txt"} <= deal
    assert "resign-wire.txt" not in deal and "resign-post.txt" not in deal
    assert {"resign-wire.txt", "resign-post.txt"} <= _with(stories, "resign-wire.txt")


def test_a_feature_that_starts_far_from_the_news_joins_the_report_of_its_event(tmp_path):
    stories = _stories(tmp_path / "port", SAME_PORT)
    assert _with(stories, "crane-wire.txt") == {"crane-wire.txt", "crane-feature.txt"}


def test_another_event_in_the_same_town_the_day_before_is_a_story_of_its_own(tmp_path):
    # A small batch: few words are shared at all, so the few that are (the port's name,
    # "quay", "harbour") must not make two reports look like copies.
    stories = _stories(tmp_path / "port", SAME_PORT)
    assert _with(stories, "quay.txt") == {"quay.txt"}
    assert _with(stories, "storm.txt") == {"storm.txt"}


def test_an_acronym_written_with_dots_is_the_same_name_as_without():
    dotted = features("The F.B.I. questioned two N.R.A. officials. Agents left the U.S. Officials said.")
    plain = features("The FBI questioned two NRA officials.")
    names = {value for kind, value in dotted if kind == "name"}
    assert {"fbi", "nra"} <= names
    assert names & {value for kind, value in plain if kind == "name"} == {"fbi", "nra"}
    # The last dot still ends a sentence: "Officials" starts one, and is no part of a name.
    assert not any(kind == "name" and "officials" in value for kind, value in dotted)


def test_a_short_follow_up_close_to_the_story_as_a_whole_joins_it(tmp_path):
    # No one report shares enough with the follow-up; the story's reports together do.
    stories = _stories(tmp_path / "mine", MINE_RESCUE)
    assert _with(stories, "mine-radio.txt") == {"mine-wire.txt", "mine-post.txt",
                                                "mine-times.txt", "mine-radio.txt"}
    assert _with(stories, "harvest.txt") == {"harvest.txt"}


def test_two_fires_of_one_kind_a_week_apart_in_different_towns_stay_apart(tmp_path):
    def fire(town: str, plant: str, chief: str, day: str, dead: int, source: str) -> str:
        return (f"Title: Fire at {plant} chemical plant in {town} kills {dead}\nSource: {source}\n"
                f"Date: {day}\n\nA fire at the {plant} chemical plant in {town} killed {dead} workers "
                f"on Tuesday, fire chief {chief} said. Firefighters fought the blaze for six hours "
                f"and residents were told to keep their windows shut because of the smoke.\n"
                f"{chief} said the cause of the fire at {plant} was not yet known. The plant makes "
                f"paint and solvents and employs about 300 people in {town}.\n")
    texts = {
        "orsk-wire.txt": fire("Orsk", "Meridol", "Ivan Tabor", "2025-04-01", 3, "Wire One"),
        "orsk-post.txt": fire("Orsk", "Meridol", "Ivan Tabor", "2025-04-01", 3, "Daily Post")
        .replace("killed 3 workers", "left 3 workers dead"),
        "lenz-wire.txt": fire("Lenzburg", "Kovatech", "Maria Sand", "2025-04-08", 2, "Wire One"),
        "lenz-post.txt": fire("Lenzburg", "Kovatech", "Maria Sand", "2025-04-08", 2, "Daily Post")
        .replace("Firefighters fought", "Crews battled"),
    }
    stories = _stories(tmp_path / "fires", texts)
    assert _with(stories, "orsk-wire.txt") == {"orsk-wire.txt", "orsk-post.txt"}
    assert _with(stories, "lenz-wire.txt") == {"lenz-wire.txt", "lenz-post.txt"}


def _bridge(town: str, river: str, firm: str, minister: str, day: str, dead: int,
            source: str, title: str) -> str:
    return (f"Title: {title}\nSource: {source}\nDate: {day}\n\n"
            f"The Kessel bridge over the {river} in {town} collapsed during the evening rush, "
            f"killing {dead} people, transport minister {minister} said. The bridge was built in "
            f"1968 and was being repaired by {firm}, which had closed one lane in March.\n"
            f"{minister} said inspectors from {firm} had reported cracks in two of its piers. "
            f"Divers searched the {river} for cars that fell from the deck.\n")


def test_a_follow_up_ten_days_on_that_names_the_same_people_joins_its_story(tmp_path):
    # An inquiry's findings come out ten days after the collapse: past the three-day window,
    # but it names the bridge, the firm, the minister and the toll the first reports gave.
    texts = {
        "collapse-wire.txt": _bridge("Tarvik", "Olde", "Brennan Steel", "Ada Morel",
                                     "2025-03-03", 7, "Wire One", "Kessel bridge collapses in Tarvik"),
        "collapse-post.txt": _bridge("Tarvik", "Olde", "Brennan Steel", "Ada Morel",
                                     "2025-03-04", 7, "Daily Post", "Seven dead as Tarvik bridge falls")
        .replace("collapsed during the evening rush", "fell into the river at rush hour"),
        "inquiry.txt": "Title: Inquiry blames Brennan Steel for Kessel bridge collapse\n"
                       "Source: Evening Times\nDate: 2025-03-13\n\n"
                       "An inquiry into the collapse of the Kessel bridge in Tarvik, which killed 7 "
                       "people, found that Brennan Steel ignored cracks in two piers over the Olde. "
                       "Transport minister Ada Morel said the firm would lose its contracts.\n"
                       "Divers had searched the Olde for cars after the 1968 bridge fell.\n",
        "harvest.txt": MINE_RESCUE["harvest.txt"],
    }
    stories = _stories(tmp_path / "bridge", texts)
    assert _with(stories, "inquiry.txt") == {"collapse-wire.txt", "collapse-post.txt",
                                             "inquiry.txt"}
    assert _with(stories, "harvest.txt") == {"harvest.txt"}


def test_the_same_kind_of_event_told_in_the_same_words_weeks_later_is_another_story(tmp_path):
    # Another bridge, another town, river, firm and minister, twelve days on, told by one
    # outlet: the wording is the first story's almost word for word, the names are not.
    texts = {
        "tarvik-wire.txt": _bridge("Tarvik", "Olde", "Brennan Steel", "Ada Morel",
                                   "2025-03-03", 7, "Wire One", "Kessel bridge collapses in Tarvik"),
        "tarvik-post.txt": _bridge("Tarvik", "Olde", "Brennan Steel", "Ada Morel",
                                   "2025-03-03", 7, "Daily Post", "Kessel bridge collapses in Tarvik"),
        "lund-wire.txt": _bridge("Lundby", "Vasse", "Orrin Works", "Karl Dahl",
                                 "2025-03-15", 4, "Wire One", "Kessel bridge collapses in Lundby"),
    }
    stories = _stories(tmp_path / "bridges", texts)
    assert _with(stories, "tarvik-wire.txt") == {"tarvik-wire.txt", "tarvik-post.txt"}
    assert _with(stories, "lund-wire.txt") == {"lund-wire.txt"}


def test_a_weekly_report_told_in_the_same_words_is_a_new_story_each_week(tmp_path):
    # Weekly jobless claims: the same institutions, people and wording every week, and last
    # week's figure quoted again; only the new figure at the top says this is new news.
    weeks = [("2025-05-01", "228,000", "241,000", "April 26"),
             ("2025-05-08", "211,000", "228,000", "May 3"),
             ("2025-05-15", "235,000", "211,000", "May 10")]
    texts = {}
    for n, (day, now, before, week) in enumerate(weeks):
        for source in ("Wire One", "Money Daily"):
            texts[f"week{n}-{source.split()[0].lower()}.txt"] = (
                f"Title: US jobless claims at {now} in week to {week}\nSource: {source}\n"
                f"Date: {day}\n\nInitial claims for state unemployment benefits came in at {now} "
                f"for the week ended {week}, the Labor Department said on Thursday, compared with "
                f"{before} the week before. Economists polled by Reuters had forecast {before}.\n"
                f"Continuing claims stood at 1.9 million. Federal Reserve chair Jerome Powell has "
                f"said the labor market remains solid.\n")
    stories = _stories(tmp_path / "claims", texts)
    assert sorted(sorted(s) for s in stories) == [
        [f"week{n}-money.txt", f"week{n}-wire.txt"] for n in range(3)]
