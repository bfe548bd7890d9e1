"""Many-to-many alignment, anchors and page furniture, on made-up reports of other news."""

from __future__ import annotations

import json
from pathlib import Path

from storydiff.core.align.groups import align
from storydiff.core.align.passages import segment_text
from storydiff.core.export.json import dumps
from storydiff.core.model import Passage, PassageKind
from storydiff.core.report import compare


def passages(article: str, text: str) -> tuple[Passage, ...]:
    return tuple(Passage(article, p.index, p.start, p.end, p.text) for p in segment_text(text))


def groups_of(texts: dict[str, str]):
    by_article = {aid: passages(aid, text) for aid, text in texts.items()}
    out = []
    for g in align(by_article):
        refs = (*g.members, *getattr(g, "also", ()))
        out.append({(r.article, by_article[r.article][r.passage].text[:30]) for r in refs})
    return out


def together(groups, *members) -> bool:
    return any(all(m in g for m in members) for g in groups)


# One outlet puts two facts in one sentence; the others say each in a sentence of its own.
BRIDGE = {
    "a": ("Engineers said one span of the bridge collapsed into the river after the flood, "
          "but inspectors were still checking whether a second span had been weakened. "
          "Traffic was diverted through the old town."),
    "b": ("One span of the bridge collapsed into the river after the flood, engineers said. "
          "Inspectors were still checking whether a second span had been weakened. "
          "The mayor called it a miracle that nobody was on the bridge."),
    "c": ("Inspectors are checking whether a second span of the bridge was weakened by the flood. "
          "A span of the bridge collapsed into the river after the flood water rose, engineers said. "
          "Schools in the district stayed closed."),
    "d": ("Inspectors were checking on Monday whether a second span had been weakened. "
          "Officials said one span of the bridge collapsed into the river after the flood. "
          "Ferries will carry commuters across for now."),
}


def test_a_sentence_with_two_facts_is_aligned_with_both():
    groups = groups_of(BRIDGE)
    long_one = ("a", BRIDGE["a"][:30])
    assert together(groups, long_one, ("b", "One span of the bridge collaps"))
    assert together(groups, long_one, ("b", "Inspectors were still checking"))
    assert together(groups, long_one, ("c", "Inspectors are checking whethe"))


def test_a_second_group_never_takes_an_article_twice_or_unrelated_sentences():
    groups = groups_of(BRIDGE)
    assert not together(groups, ("a", "Traffic was diverted through t"), ("c", "Schools in the district stayed"))
    assert not together(groups, ("b", "The mayor called it a miracle "), ("a", BRIDGE["a"][:30]))


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_the_json_report_marks_passages_listed_in_a_second_group(tmp_path):
    for aid, text in BRIDGE.items():
        _write(tmp_path, f"{aid}.txt", f"Title: Bridge {aid}\nSource: Outlet {aid}\n\n{text}\n")
    data = json.loads(dumps(compare([str(tmp_path)])))
    extra = [m for g in data["groups"] for m in g["members"] if m.get("also")]
    assert extra, "the two-fact sentence is listed in its second group"
    primary = {(m["article"], m["passage"]): g["id"] for g in data["groups"]
               for m in g["members"] if not m.get("also")}
    for g in data["groups"]:  # a second group takes at most one passage of an article
        also_articles = [m["article"] for m in g["members"] if m.get("also")]
        assert len(also_articles) == len(set(also_articles))
    for m in extra:
        own = primary.get((m["article"], m["passage"]))
        assert own is not None and all(own != g["id"] for g in data["groups"] if m in g["members"])


def test_a_caption_that_repeats_the_lede_does_not_take_its_place(tmp_path):
    _write(tmp_path, "a.txt", "Title: Ferry sinks\nSource: Outlet A\n\n"
           "Image caption The ferry sank near the harbour of Port Elin on Sunday with 212 people aboard\n\n"
           "A ferry carrying 180 passengers sank near the harbour of Port Elin on Sunday, the coast guard said.\n\n"
           "Divers searched the wreck through the night.\n")
    _write(tmp_path, "b.txt", "Title: Ferry disaster\nSource: Outlet B\n\n"
           "A ferry with 180 passengers on board sank near Port Elin harbour on Sunday, according to the coast guard.\n\n"
           "Rescue boats reached the scene within an hour.\n")
    report = compare([str(tmp_path)])
    a = next(x for x in report.articles if x.path.endswith("a.txt"))
    caption = next(p for p in report.passages[a.id] if p.text.startswith("Image caption"))
    lede = next(p for p in report.passages[a.id] if p.text.startswith("A ferry carrying"))
    assert caption.kind == PassageKind.CAPTION
    assert caption.text in a.text  # kept in the text, shown in the pane
    assert caption.ref not in report.group_of
    assert lede.ref in report.group_of
    figures = [m.text for f in report.facts for m in f.mentions]
    assert not any("212" in t for t in figures)  # a caption's count is not a fact
    summary = json.loads(dumps(report))["summary"]
    assert summary["captions"] == 1
    from storydiff.tui.story import Story
    story = Story(report)
    counted = story.counts().only_by_article[a.id]
    alone = [p for p in report.passages[a.id] if p.ref not in report.group_of]
    assert counted == len(alone) - 1  # the caption is no "only here" passage
    assert story.next_only(a.id, lede.index) != caption.index


def test_sentences_that_mention_photos_are_still_reporting():
    from storydiff.core.align.passages import is_furniture
    assert not is_furniture("The photo was taken by a Getty Images photographer on Monday.")
    assert not is_furniture("More than 30 people were hurt.")
    assert not is_furniture("Police said the man pictured in the video was 34.")
    assert is_furniture("Protesters outside the court on Friday. (AP Photo/Jane Roe)")
    assert is_furniture("Read more: Five things to know about the new budget")
    assert is_furniture("Follow us on Twitter for live updates")
    assert is_furniture("Newsletter Sign Up Continue reading the main story")
    assert is_furniture("Get the headlines delivered to your inbox: sign up for our newsletter.")
    assert not is_furniture("The council voted to subscribe to the regional water scheme.")
    assert not is_furniture("The newsletter, which has 40,000 readers, was fined.")
    assert is_furniture("View all New York Times newsletters.")
    assert is_furniture("In this Dec. 13, 2016, file photo, the logo for the bank appears above a post.")
    assert is_furniture("In this photo taken on Monday, rescuers search the rubble.")
    assert not is_furniture("In this city, the photo booth is a local landmark.")


def test_a_precise_figure_both_state_links_otherwise_different_wording():
    groups = groups_of({
        "a": ("The council approved the new stadium on Tuesday. "
              "Its final cost was put at $412.73 million, according to the budget office. "
              "Construction starts in spring."),
        "b": ("Work on the stadium will begin next spring. "
              "Taxpayers will end up covering $412.73 million in the end. "
              "The vote on Tuesday was close."),
    })
    assert together(groups, ("a", "Its final cost was put at $412"), ("b", "Taxpayers will end up covering"))


def test_news_paraphrase_words_and_open_compounds_align():
    groups = groups_of({
        "a": ("Rebels shelled the port city overnight. "
              "A spokeswoman called it a reprisal for the airstrikes. "
              "Food prices in the city have doubled."),
        "b": ("It was retaliation for air strikes, a spokesman said. "
              "Residents sheltered in basements. "
              "Overnight shelling hit the port city."),
    })
    assert together(groups, ("a", "A spokeswoman called it a repr"), ("b", "It was retaliation for air str"))



def test_staff_said_unharmed_in_other_words_align():
    groups = groups_of({
        "a": ("Gunmen stormed the embassy compound on Sunday. "
              "All embassy employees were unharmed, the ministry said. "
              "The street was sealed off."),
        "b": ("Its staff were uninjured, officials said. "
              "Police sealed off the street. "
              "Gunmen stormed the compound on Sunday."),
    })
    assert together(groups, ("a", "All embassy employees were unh"), ("b", "Its staff were uninjured, offi"))


def test_suffered_and_sustained_injuries_align():
    groups = groups_of({
        "a": ("The jockey fell at the final fence. "
              "He suffered head and shoulder injuries in the fall. "
              "The race was won by the favourite."),
        "b": ("The favourite won the race. "
              "The jockey sustained injuries that will keep him out for a season. "
              "He fell at the last fence."),
    })
    assert together(groups, ("a", "He suffered head and shoulder "), ("b", "The jockey sustained injuries "))


def test_a_short_quote_inside_another_outlets_longer_quote_links_the_statements():
    groups = groups_of({
        "a": ("The mayor was charged with bribery on Monday. "
              "Her lawyer said the case was \"a political vendetta\" by her rivals. "
              "A hearing is set for May."),
        "b": ("The mayor denies taking bribes. "
              "A spokesman insisted the charges were \"nothing but a political vendetta from day one.\" "
              "She will appear in court in May."),
    })
    assert together(groups, ("a", "Her lawyer said the case was \""), ("b", "A spokesman insisted the charg"))

def test_the_json_report_gives_a_plain_figure_as_written_with_its_rounding_band(tmp_path):
    _write(tmp_path, "a.txt", "Title: Utility fined\nSource: Outlet A\n\n"
           "Regulators fined the utility $3 billion on Monday for the blackout.\n")
    _write(tmp_path, "b.txt", "Title: Blackout fine\nSource: Outlet B\n\n"
           "The utility was fined about $3 billion on Monday by regulators over the blackout.\n")
    data = json.loads(dumps(compare([str(tmp_path)])))
    values = {m["text"]: m["value"] for f in data["facts"] if f["kind"] == "money" for m in f["mentions"]}
    plain = next(v for t, v in values.items() if not t.startswith("about"))
    hedged = next(v for t, v in values.items() if t.startswith("about"))
    assert plain["low"] == plain["high"] == 3_000_000_000
    assert plain["rounding"]["low"] < 3_000_000_000 < plain["rounding"]["high"]
    assert hedged["low"] < 3_000_000_000 < hedged["high"]  # "about" widens what the words allow
    fact = next(f for f in data["facts"] if f["kind"] == "money")
    assert fact["status"] == "agree"


def test_a_precise_figure_each_report_repeats_still_links_its_statements():
    groups = groups_of({
        "a": ("Rain fell across the capital all week. "
              "The assembly passed the housing bill by 311 votes to 117 on Thursday. "
              "Supporters cheered as the 311 votes were read out. "
              "Critics said 117 votes against showed deep doubts. "
              "The 311 supporters included every member of the ruling party."),
        "b": ("Traffic was heavy near the parliament. "
              "Lawmakers approved it, 311 to 117, after a long night. "
              "The tally of 311 was the largest in a decade. "
              "Opponents mustered 117. "
              "With 311 in favour, the vote was never in doubt."),
    })
    assert together(groups, ("a", "The assembly passed the housin"), ("b", "Lawmakers approved it, 311 to "))


def test_the_same_few_quoted_words_link_two_different_sentences():
    groups = groups_of({
        "a": ("Storms closed the port on Monday. "
              'The harbour master called the closure "a regrettable necessity" in a statement. '
              "Ferries will resume on Wednesday."),
        "b": ("Shipping companies criticised the decision. "
              "Officials described it as “a regrettable necessity”, according to local radio. "
              "The port reopens midweek."),
    })
    assert together(groups, ("a", "The harbour master called the "), ("b", "Officials described it as “a r"))


def test_two_earlier_disasters_named_years_apart_stay_apart_but_a_year_off_by_one_aligns():
    groups = groups_of({
        "a": ("Floods swept through the valley on Monday, killing 12 people. "
              "Rescue teams reached the worst-hit villages by boat. "
              "A flood in the same valley in March 2019 killed more than 40 people."),
        "b": ("At least 12 people died when floods hit the valley on Monday. "
              "Boats carried rescuers to the villages. "
              "In 2014, a flood and landslide in the north killed 200 people."),
        "c": ("Monday's floods in the valley killed 12. "
              "In March 2020, floods in the same valley killed more than 40 people."),
    })
    assert not together(groups, ("a", "A flood in the same valley in "), ("b", "In 2014, a flood and landslide"))
    assert together(groups, ("a", "A flood in the same valley in "), ("c", "In March 2020, floods in the s"))


def test_a_gallery_slide_is_a_caption_not_reporting():
    # Scraped galleries keep their counters: "Hide Caption 14 of 25 Photos: …" or a slide
    # ending "Hide Caption 4 of 30". A sentence that counts photos stays reporting.
    from storydiff.core.align.passages import is_furniture
    assert is_furniture("Hide Caption 14 of 25 Photos: Flood waters cover the market square in "
                        "Varna on Tuesday.")
    assert is_furniture("Rescuers carry a child to a boat on Tuesday. Hide Caption 4 of 30")
    assert is_furniture("3 of 12 photos: Residents wade through the flooded square.")
    assert not is_furniture("Police said 3 of 12 photos posted online were fakes.")


def test_a_related_stories_teaser_is_not_reporting():
    from storydiff.core.align.passages import is_furniture
    assert is_furniture("Related stories Flood victims tell of their night on the roof")
    assert not is_furniture("Related stories were removed from the site after the complaint.")


def test_a_teaser_strip_of_capitalised_headlines_is_not_reporting():
    # Two runs of capitalised words: a "most read" strip, a menu, a map's labels.
    from storydiff.core.align.passages import is_furniture
    assert is_furniture("MOST READ IN NEWS HARBOUR HORROR Ferry sinks off the coast FELL FROM "
                        "BALCONY Gran, 80, survives a 30ft drop")
    assert is_furniture("HARBOUR ROAD FERRY TERMINAL Site of the crash NORTH QUAY WEST")
    # An acronym or one shouted phrase in a sentence stays reporting.
    assert not is_furniture("The NATO summit in Riga ended with a statement on the DPRK.")
    assert not is_furniture('He tweeted "THE FAKE NEWS MEDIA IS THE ENEMY" on Sunday night.')
