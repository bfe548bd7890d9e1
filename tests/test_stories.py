"""Grouping a mixed batch into stories: same event together, other events apart."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from storydiff.core.read.load import load_paths
from storydiff.core.model import Article
from storydiff.core.review.stories import find_stories
from storydiff.core.review.terms import features, reported_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Made-up reports on other subjects: two outlets per event, worded differently, plus
# events of the same *kind* as each other (two floods) that must stay apart.
OTHER_NEWS = {
    "flood-herald.txt": """Title: Floods sweep through Valdoria after river bursts its banks
Source: Example Herald
Date: 2024-01-21

At least 14 people died and 230 homes were flooded after the River Mensk burst its banks in
the town of Valdoria on Sunday, the regional governor Anna Petrakis said.
Rescue teams in boats were still searching for six missing residents on Sunday evening.
Petrakis said 1,200 residents had been moved to schools and sports halls in nearby Karsk.
The Mensk rose by four metres in twelve hours after three days of heavy rain.
""",
    "flood-courier.txt": """Title: Death toll rises to 14 in Valdoria floods
Source: Daily Courier
Date: 2024-01-22

The death toll from flooding in Valdoria rose to 14 on Monday, governor Anna Petrakis told
reporters, as the River Mensk began to recede.
Six people remain missing. About 1,200 people spent the night in emergency shelters in
Karsk, and army trucks brought drinking water into the flooded town.
Residents said the river had risen faster than at any time since 1987.
""",
    "other-flood.txt": """Title: Flash floods hit Lorrenby after storm
Source: Northern Post
Date: 2024-01-21

Flash floods killed 3 people in the coastal town of Lorrenby on Sunday after a storm dropped
a month of rain in one night, mayor Tomas Ekdahl said.
Rescue teams were searching for 2 missing fishermen, and 80 homes were flooded near the harbour.
Ekdahl said the town's sea wall, built in 1962, had held.
""",
    "transfer-sport.txt": """Title: Riverton sign striker Malik Osei for record fee
Source: Sport Daily
Date: 2024-01-21

Riverton FC have signed striker Malik Osei from Castleford Athletic for a club-record
45 million euros, the club announced on Sunday.
Osei, 24, scored 19 goals in the league last season and has agreed a five-year contract.
Manager Lena Hoff said Osei was the player the club had wanted since the summer.
""",
    "transfer-times.txt": """Title: Osei completes move to Riverton
Source: The Evening Times
Date: 2024-01-22

Malik Osei has completed his 45-million-euro transfer to Riverton FC, ending weeks of
talks with Castleford Athletic.
The 24-year-old forward, who scored 19 league goals last season, signed a contract until
2029 and will wear the number nine shirt, Riverton said.
Hoff told a news conference that Osei would start on Saturday.
""",
    "rates.txt": """Title: Central bank of Norland holds interest rate at 4.25%
Source: Finance Wire
Date: 2024-01-21

The Bank of Norland kept its main interest rate at 4.25% on Sunday, saying inflation of
3.1% was still too high to allow a cut.
Governor Pieter Vos said the bank expected inflation to fall below 2.5% by the end of 2025.
Markets had priced in a hold; the Norland krona was little changed after the decision.
""",
}


def _load(folder: Path) -> tuple[Article, ...]:
    loaded = load_paths([str(folder)])
    assert not loaded.errors, loaded.errors
    return loaded.articles


def _mixed_batch(tmp_path: Path) -> tuple[Article, ...]:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / f"seed-{seed.name}")
    for name, text in OTHER_NEWS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return _load(folder)


def _story_of(stories, name: str):
    for story in stories:
        if any(Path(a.path).name == name for a in story.articles):
            return {Path(a.path).name for a in story.articles}
    raise AssertionError(name)


def test_reports_of_one_event_from_different_outlets_form_one_story(tmp_path):
    stories = find_stories(_mixed_batch(tmp_path))
    seeds = {f"seed-{p.name}" for p in SEEDS.iterdir()}
    assert _story_of(stories, next(iter(seeds))) == seeds
    assert _story_of(stories, "flood-herald.txt") == {"flood-herald.txt", "flood-courier.txt"}
    assert _story_of(stories, "transfer-sport.txt") == {"transfer-sport.txt",
                                                        "transfer-times.txt"}


def test_events_of_the_same_kind_in_different_places_stay_apart(tmp_path):
    stories = find_stories(_mixed_batch(tmp_path))
    assert _story_of(stories, "other-flood.txt") == {"other-flood.txt"}
    assert _story_of(stories, "rates.txt") == {"rates.txt"}


def test_every_article_is_in_exactly_one_story_and_largest_stories_come_first(tmp_path):
    articles = _mixed_batch(tmp_path)
    stories = find_stories(articles)
    placed = [a.id for s in stories for a in s.articles]
    assert sorted(placed) == sorted(a.id for a in articles)
    sizes = [len(s.articles) for s in stories]
    assert sizes == sorted(sizes, reverse=True)


def test_the_same_report_a_month_later_is_a_different_story(tmp_path):
    early = OTHER_NEWS["flood-herald.txt"]
    later = early.replace("2024-01-21", "2024-02-25")
    (tmp_path / "a.txt").write_text(early, encoding="utf-8")
    (tmp_path / "b.txt").write_text(later, encoding="utf-8")
    stories = find_stories(_load(tmp_path))
    assert len(stories) == 2


def test_a_story_shows_the_names_its_articles_share(tmp_path):
    stories = find_stories(_mixed_batch(tmp_path))
    transfer = next(s for s in stories if any("Osei" in (a.title or "") for a in s.articles))
    assert any("Osei" in term for term in transfer.terms)
    assert transfer.first == dt.date(2024, 1, 21)
    assert transfer.last == dt.date(2024, 1, 22)
    assert set(transfer.outlets) == {"Sport Daily", "The Evening Times"}


def test_a_moved_article_joins_the_story_of_the_article_it_was_moved_to(tmp_path):
    articles = _mixed_batch(tmp_path)
    by_name = {Path(a.path).name: a for a in articles}
    rates = by_name["rates.txt"].fingerprint
    flood = by_name["flood-herald.txt"].fingerprint
    stories = find_stories(articles, moves={rates: flood})
    assert _story_of(stories, "rates.txt") == {"rates.txt", "flood-herald.txt",
                                               "flood-courier.txt"}


def test_an_article_moved_to_itself_stands_alone(tmp_path):
    articles = _mixed_batch(tmp_path)
    courier = next(a for a in articles if a.path.endswith("flood-courier.txt"))
    stories = find_stories(articles, moves={courier.fingerprint: courier.fingerprint})
    assert _story_of(stories, "flood-courier.txt") == {"flood-courier.txt"}
    assert _story_of(stories, "flood-herald.txt") == {"flood-herald.txt"}


def test_a_move_to_an_article_no_longer_in_the_batch_leaves_the_article_alone(tmp_path):
    articles = _mixed_batch(tmp_path)
    courier = next(a for a in articles if a.path.endswith("flood-courier.txt"))
    stories = find_stories(articles, moves={courier.fingerprint: "gone"})
    assert _story_of(stories, "flood-courier.txt") == {"flood-courier.txt"}


def test_an_empty_batch_has_no_stories():
    assert find_stories([]) == ()


def test_a_word_capitalised_only_because_it_starts_a_sentence_is_not_a_name():
    found = features("Officials said the Mensk rose. Rescuers reached NATO's base in McAllen.")
    names = {value for kind, value in found if kind == "name"}
    assert names == {"mensk", "nato", "mcallen"}


def test_numbers_are_read_whole_and_a_lone_digit_counts_only_when_it_counts_something():
    found = features("The toll rose to 1,200 from 950; 3 bridges and 4.50 dollars.\n"
                     "The fund lost $5 billion and 1 worker died.\nItem 7: at 9.")
    numbers = {value for kind, value in found if kind == "number"}
    assert numbers == {"1200", "950", "4.5", "3", "5", "1"}


def test_a_title_case_headline_is_not_one_long_name():
    found = features("Jury Finds Former Mayor Dana Whitcombe Guilty Of Bribery\n"
                     "A jury found Dana Whitcombe, the former mayor of Corran, guilty on Friday.")
    names = {value for kind, value in found if kind == "name"}
    assert "dana whitcombe" in names and "corran" in names
    assert not any("guilty" in name or "jury" in name for name in names)


def test_header_lines_and_page_chrome_say_nothing_about_the_event(tmp_path):
    (tmp_path / "a.txt").write_text(OTHER_NEWS["rates.txt"] + "\nSubscribe to our newsletter\n",
                                    encoding="utf-8")
    (article,) = _load(tmp_path)
    text = reported_text(article)
    assert "Finance Wire" not in text and "newsletter" not in text
    assert "Bank of Norland" in text


def test_a_date_is_the_same_date_however_an_outlet_writes_it():
    for text in ("It happened on January 20.", "It happened on Jan. 20th.",
                 "It happened on 20 January."):
        found = features(text)
        assert ("date", "01-20") in found
        assert ("name", "january") not in found and ("name", "jan") not in found


def test_a_page_with_no_article_text_is_kept_out_of_grouping_and_copies_keep_their_own_identity(
        tmp_path):
    prompt = "Subscribe to get the latest headlines delivered to your inbox every morning.\n"
    for name in ("page-a.txt", "page-b.txt"):
        (tmp_path / name).write_text(prompt, encoding="utf-8")
    for name in ("flood-herald.txt", "flood-courier.txt"):
        (tmp_path / name).write_text(OTHER_NEWS[name], encoding="utf-8")
    (tmp_path / "flood-rerun.txt").write_text(OTHER_NEWS["flood-herald.txt"], encoding="utf-8")
    stories = find_stories(load_paths([str(tmp_path)]).articles)
    keys = [s.key for s in stories]
    assert len(set(keys)) == len(keys)
    prints = [a.fingerprint for s in stories for a in s.articles]
    assert len(set(prints)) == len(prints) == 5
    assert sorted(len(s.articles) for s in stories) == [1, 1, 3]
    assert [s.problem for s in stories if len(s.articles) == 1] == ["no article text"] * 2
    assert [s.problem for s in stories if len(s.articles) == 3] == [""]
