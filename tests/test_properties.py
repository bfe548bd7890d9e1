"""Properties of the core that hold for any text: hypothesis looks for a counterexample."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storydiff.core.read.load import load_paths
from storydiff.core.report import compare_articles
from storydiff.core.align.passages import segment

# Any Unicode (surrogates excluded: they cannot be written to a file), weighted
# towards the characters news text is made of, so sentences and numbers appear.
NEWSY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("abcdefghij ABCDEF .,;:!?\"'“”’-\n\t0123456789")),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=400,
)
SENTENCES = [
    "The mayor said 12 people were hurt on Monday.",
    "Officials said twelve people were injured on Monday.",
    "Police closed the bridge at 6 p.m. on Jan. 3.",
    "The bridge was closed by police early in the evening.",
    "Prices rose 3.5% in May, the agency said.",
    "\"We will rebuild,\" the mayor told reporters.",
]

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load(write, texts):
    paths = [str(write(f"{n:02d}.txt", text.encode("utf-8"))) for n, text in enumerate(texts)]
    return load_paths(paths)


@SETTINGS
@given(texts=st.lists(NEWSY, min_size=1, max_size=4))
def test_any_text_loads_segments_and_compares(write, texts):
    loaded = _load(write, texts)
    report = compare_articles(loaded.articles, errors=loaded.errors)
    assert len(report.articles) + len(report.errors) == len(texts)
    for article in report.articles:
        for passage in report.passages[article.id]:
            assert article.text[passage.start:passage.end] == passage.text
            assert passage.text.strip() == passage.text and passage.text


@SETTINGS
@given(text=NEWSY)
def test_passages_are_in_order_and_do_not_overlap(write, text):
    loaded = _load(write, [text])
    for article in loaded.articles:
        passages = segment(article)
        for a, b in zip(passages, passages[1:], strict=False):
            assert a.end <= b.start


@SETTINGS
@given(picks=st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5), min_size=2, max_size=4),
       seed=st.integers(0, 1000))
def test_alignment_does_not_depend_on_article_order(write, picks, seed):
    loaded = _load(write, [" ".join(p) for p in picks])
    articles = list(loaded.articles)

    def groups(order):
        report = compare_articles(order)
        return sorted(sorted((m.article, report.passage(m).text) for m in g.members) for g in report.groups)

    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    assert groups(articles) == groups(shuffled)


# JSON records as a hostile feed might hold them: lone surrogates (valid JSON escapes that
# are not text), dates at the calendar's limits beside relative dates, huge numbers.
HOSTILE_TEXT = st.one_of(
    NEWSY,
    st.sampled_from(["\\ud800", "\\udfff", "a\\ud83dz", "\\u0000", "\\u202e evil"]),
    st.sampled_from([
        "It happened yesterday and will end next year.",
        "Prices rose 1" + "0" * 400 + " percent.",
        "On 9999-12-31, tomorrow, 12 people were hurt.",
        "Two hundred and fifty million trillion dollars were lost.",
    ]),
)
HOSTILE_DATE = st.one_of(st.none(), st.sampled_from(
    ["0001-01-01", "9999-12-31", "0000-00-00", "2024-02-30", "-5", "1e400", "\\ud800"]))


def _record(text: str, date: str | None, number: int) -> str:
    fields = [f'"id": "r{number}"', f'"title": "Story {number}"', f'"text": "{text}"']
    if date is not None:
        fields.append(f'"date": "{date}"')
    return "{" + ", ".join(fields) + "}"


@SETTINGS
@given(bad=st.lists(st.tuples(HOSTILE_TEXT, HOSTILE_DATE), min_size=1, max_size=3),
       big=st.sampled_from(["1" * 5000, "[" * 3000, "{\"text\": 1e999}"]))
def test_hostile_json_records_never_cost_the_good_articles(write, bad, big):
    good = ['{"id": "good1", "title": "Flood", "date": "2024-05-02", '
            '"text": "The river flooded 40 homes on Monday, officials said."}',
            '{"id": "good2", "title": "Flood", "date": "2024-05-02", '
            '"text": "Officials said 40 homes were flooded by the river on Monday."}']
    lines = [good[0], *(_record(json_text(t), d, n) for n, (t, d) in enumerate(bad)), big, good[1]]
    path = write("feed.jsonl", "\n".join(lines).encode("utf-8"))
    loaded = load_paths([str(path)])
    ids = {a.id for a in loaded.articles}
    assert {"good1", "good2"} <= ids
    report = compare_articles(loaded.articles, errors=loaded.errors)
    from storydiff.core.export.json import dumps
    import json as _json

    def no_constant(name: str) -> None:
        raise AssertionError(f"non-standard JSON constant {name}")
    # Strict JSON: no lone surrogates, and no bare Infinity or NaN (an article may say
    # "Infinity" in its text; only the number constants are refused).
    data = _json.loads(dumps(report), parse_constant=no_constant)
    assert {a["id"] for a in data["articles"]} >= {"good1", "good2"}


def json_text(text: str) -> str:
    """``text`` as the inside of a JSON string; escapes written as such are kept."""
    if "\\u" in text:
        return text
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
