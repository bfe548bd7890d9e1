"""The vehicle of a bombing, as each outlet names it."""

from __future__ import annotations

from storydiff.core.model import FactStatus
from storydiff.core.report import compare

HEAD = "Title: Market bombing\nSource: {}\nDate: 2025-08-02\n\n"


def _vehicle(write, one: str, other: str):
    report = compare([str(write("a.txt", HEAD.format("Wire") + one + "\n")),
                      str(write("b.txt", HEAD.format("Paper") + other + "\n"))])
    return [f for f in report.facts if f.kind == "vehicle"]


def test_a_car_bomb_and_a_truck_bomb_conflict(write):
    [fact] = _vehicle(write, "A car packed with explosives blew up outside the market on Friday.",
                      "A truck bomb exploded outside the market on Friday, police said.")
    assert fact.status == FactStatus.CONFLICT


def test_one_vehicle_told_two_ways_agrees_and_vehicle_says_less(write):
    [fact] = _vehicle(write, "A suicide bomber rammed a car into the market gate on Friday.",
                      "An explosives-laden car blew up at the market gate on Friday.")
    assert fact.status == FactStatus.AGREE
    [fact] = _vehicle(write, "An explosives-laden vehicle blew up at the market gate on Friday.",
                      "A truck bomb exploded at the market gate on Friday.")
    assert fact.status == FactStatus.COMPATIBLE


def test_a_second_car_and_cars_in_a_crash_are_not_the_bombs_vehicle(write):
    found = _vehicle(write, "A truck bomb exploded outside the market on Friday. Police are "
                            "investigating whether a second car bomb was involved.",
                     "A truck loaded with explosives blew up at the market. A car collided with "
                     "a bus nearby, witnesses said.")
    assert all(f.status != FactStatus.CONFLICT for f in found)
