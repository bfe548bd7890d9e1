"""Claims with a yes or a no: responsibility, charges, arrests, reopenings, resignations."""

from __future__ import annotations

import pytest
from storydiff.core.model import FactStatus
from storydiff.core.report import compare


@pytest.fixture
def story(write):
    def _story(**articles: str):
        return compare([str(write(f"{name}.txt", text)) for name, text in articles.items()])
    return _story


def claims(report):
    return [f for f in report.facts if f.kind == "claim"]


def test_a_claim_of_responsibility_against_none_claimed_is_a_conflict(story):
    report = story(
        a="Date: 2025-02-03\n\nA bomb hit the rail depot on Monday. A separatist group claimed "
          "responsibility in a statement.",
        b="Date: 2025-02-03\n\nA bomb hit the rail depot on Monday. No group has claimed "
          "responsibility for the blast.")
    assert [(f.status, f.label) for f in claims(report)] == [
        (FactStatus.CONFLICT, "claimed responsibility")]


def test_charged_against_not_charged_of_one_person_conflicts(story):
    report = story(
        a="Date: 2025-02-03\n\nThe driver, Mark Ellery, was charged with dangerous driving.",
        b="Date: 2025-02-03\n\nPolice said Ellery has not been charged.")
    assert [f.status for f in claims(report)] == [FactStatus.CONFLICT]


def test_two_people_one_charged_one_not_are_no_conflict(story):
    report = story(
        a="Date: 2025-02-03\n\nThe manager, Ruth Okoye, was charged with fraud.",
        b="Date: 2025-02-03\n\nHer deputy, Tom Baines, has not been charged.")
    assert not [f for f in claims(report) if f.status == FactStatus.CONFLICT]


def test_a_road_reopened_against_still_closed_conflicts_and_alike_agree(story):
    report = story(
        a="Date: 2025-02-03\n\nThe coast road reopened on Tuesday after the landslide.",
        b="Date: 2025-02-03\n\nThe coast road remains closed after the landslide.",
        c="Date: 2025-02-03\n\nThe coast road remains closed, the council said.")
    [fact] = claims(report)
    assert fact.status == FactStatus.CONFLICT
    agree = story(
        a="Date: 2025-02-03\n\nNo arrests have been made, police said.",
        b="Date: 2025-02-03\n\nNo one has been arrested so far.")
    assert [f.status for f in claims(agree)] == [FactStatus.AGREE]


def test_what_might_happen_is_no_claim(story):
    report = story(
        a="Date: 2025-02-03\n\nThe minister could be charged if the inquiry finds fault.",
        b="Date: 2025-02-03\n\nThe minister has not been charged.")
    assert not [f for f in claims(report) if f.status == FactStatus.CONFLICT]


def test_a_share_price_said_to_rise_and_to_fall_conflicts_for_one_company_only(story):
    report = story(
        a="Date: 2025-02-03\n\nShares of Northwind Holdings Inc. fell 2 percent in early trading.",
        b="Date: 2025-02-03\n\nNorthwind's shares rose slightly before the opening bell.",
        c="Date: 2025-02-03\n\nShares of Contoso Ltd. rose 1 percent, while the index was flat.")
    assert [(f.status, f.label) for f in claims(report)] == [
        (FactStatus.CONFLICT, "shares rose: northwind")]
