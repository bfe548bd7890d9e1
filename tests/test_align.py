"""Aligning passages across articles: same statement together, different ones apart."""

from __future__ import annotations

import random

from storydiff.core.align.groups import align
from storydiff.core.model import GroupStatus, Passage
from storydiff.core.align.passages import segment_text

QUAKE_A = (
    "A magnitude 6.4 earthquake struck the coastal province early on Monday. "
    "At least 12 people were killed when buildings collapsed in the old town. "
    "Rescue workers pulled survivors from the rubble throughout the day. "
    "The governor declared a state of emergency and asked for army help."
)
QUAKE_B = (
    "The governor has declared a state of emergency and requested help from the army. "
    "A 6.4-magnitude quake hit the coastal province in the early hours of Monday. "
    "Officials said 15 people died as buildings collapsed in the old town. "
    "Schools will stay closed for the rest of the week."
)
QUAKE_C = (
    "Schools in the province will remain closed for the rest of the week, officials said. "
    "The earthquake, of magnitude 6.4, struck the coastal province early Monday. "
    "Tourism makes up a third of the local economy."
)


def passages(article: str, text: str) -> tuple[Passage, ...]:
    return tuple(Passage(article, p.index, p.start, p.end, p.text) for p in segment_text(text))


def grouped(texts: dict[str, str]) -> list[set[tuple[str, str]]]:
    by_article = {aid: passages(aid, text) for aid, text in texts.items()}
    return [{(m.article, by_article[m.article][m.passage].text[:25]) for m in g.members}
            for g in align(by_article)]


def together(groups, *members) -> bool:
    return any(all(m in g for m in members) for g in groups)


def test_paraphrases_in_different_order_are_aligned_n_way():
    groups = grouped({"a": QUAKE_A, "b": QUAKE_B, "c": QUAKE_C})
    assert together(groups, ("a", "A magnitude 6.4 earthquak"), ("b", "A 6.4-magnitude quake hit"),
                    ("c", "The earthquake, of magnit"))
    assert together(groups, ("a", "The governor declared a s"), ("b", "The governor has declared"))
    assert together(groups, ("b", "Schools will stay closed "), ("c", "Schools in the province w"))


def test_different_numbers_do_not_keep_a_statement_apart():
    groups = grouped({"a": QUAKE_A, "b": QUAKE_B})
    assert together(groups, ("a", "At least 12 people were k"), ("b", "Officials said 15 people "))


def test_what_only_one_article_says_is_in_no_group():
    groups = grouped({"a": QUAKE_A, "b": QUAKE_B, "c": QUAKE_C})
    assert not any(("c", "Tourism makes up a third ") in g for g in groups)
    assert not any(("a", "Rescue workers pulled sur") in g for g in groups)


def test_unrelated_statements_on_the_same_topic_stay_apart():
    groups = grouped({
        "a": "Rebels claimed responsibility for Tuesday's drone attack on the northern base.",
        "b": "The army said the northern base was shelled on Saturday and two soldiers were hurt.",
    })
    assert groups == []


def test_a_group_holds_at_most_one_passage_per_article_when_sentences_repeat_a_theme():
    groups = grouped({
        "a": "Police arrested three men after the robbery. Police arrested two women after the robbery.",
        "b": "Police arrested three men after the robbery on Friday.",
    })
    for g in groups:
        articles = [a for a, _ in g]
        assert articles.count("a") == 1


def test_one_sentence_can_match_two_sentences_of_another_article():
    groups = grouped({
        "a": ("The ruling coalition, a loose alliance of regional parties that backs the reform "
              "bill, lost its majority after the defection of three lawmakers from the north."),
        "b": ("The vote was called by the ruling coalition, a loose alliance of regional parties "
              "that backs the reform bill. It lost its majority after the defection of three "
              "lawmakers from the north."),
    })
    assert len(groups) == 1
    assert len(groups[0]) == 3


def test_identical_passages_agree_and_paraphrases_differ_in_wording():
    by_article = {"a": passages("a", "Turnout was 61 percent."),
                  "b": passages("b", "Turnout was 61 percent."),
                  "c": passages("c", "Turnout stood at 61 percent, the commission said.")}
    (group,) = align(by_article)
    assert group.status == GroupStatus.WORDING
    by_article.pop("c")
    (group,) = align(by_article)
    assert group.status == GroupStatus.AGREE


def test_word_diff_marks_each_members_own_words():
    by_article = {"a": passages("a", "At least 12 people were killed in the collapse."),
                  "b": passages("b", "At least 15 people were killed in the collapse.")}
    (group,) = align(by_article)
    own = {d.ref.article: [by_article[d.ref.article][0].text[s:e] for s, e in d.own]
           for d in group.diffs}
    assert own == {"a": ["12"], "b": ["15"]}


def test_alignment_does_not_depend_on_article_order():
    texts = {"a": QUAKE_A, "b": QUAKE_B, "c": QUAKE_C}
    expected = sorted(map(sorted, grouped(texts)))
    keys = list(texts)
    for seed in range(4):
        random.Random(seed).shuffle(keys)
        assert sorted(map(sorted, grouped({k: texts[k] for k in keys}))) == expected


def test_news_synonyms_and_number_styles_align():
    groups = grouped({
        "a": "Revenue climbed 9% to $14.2 billion, beating estimates of $13.9 billion. "
             "The chief executive thanked staff.",
        "b": "Sales increased to $14.2bn, ahead of the $13.9bn analysts expected. "
             "A new factory opens in May.",
    })
    assert together(groups, ("a", "Revenue climbed 9% to $14"), ("b", "Sales increased to $14.2b"))


def test_weakly_similar_passages_naming_days_apart_stay_apart():
    groups = grouped({
        "a": "Rebels claimed two drone attacks on the base on Tuesday, the group said in a statement.",
        "b": "The militia claimed responsibility for Saturday's missile attack on the base.",
    })
    assert groups == []


def test_one_sentence_aligns_with_the_two_sentences_another_outlet_split_it_into():
    # 1:2 — one outlet packs the verdict and the sentence into one line; another
    # says them in two. Both of the second outlet's sentences belong with the first.
    groups = grouped({
        "a": "A jury in Denver convicted the former county treasurer of embezzling public funds "
             "and the judge sentenced him to six years in prison. The trial lasted three weeks.",
        "b": "The former county treasurer was convicted by a Denver jury of embezzling public funds. "
             "The judge sentenced the former treasurer to six years in prison. "
             "His lawyer said he would appeal.",
    })
    assert together(groups, ("a", "A jury in Denver convicte"), ("b", "The former county treasur"),
                    ("b", "The judge sentenced the f"))
    assert not together(groups, ("a", "The trial lasted three we"), ("b", "His lawyer said he would "))


def test_a_sum_keeps_its_scale_when_passages_are_compared():
    from storydiff.core.words import signature
    assert "#5bn" in signature("The bank will take a $5 billion hit.")
    assert "#5" in signature("Prices rose 5 percent.") and "#5bn" not in signature("Prices rose 5 percent.")
