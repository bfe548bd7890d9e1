"""Numbers and dates measured on cases nobody here wrote: Microsoft Recognizers-Text.

The cases (tests/data/recognizers_*.json, MIT licence; each names its spec file) are
news-relevant picks from its English Number and DateTime specs. A case passes when we
read the value the spec resolves; the thresholds are the counts reached when the cases
were copied, so a change that misreads more of them fails here.

Run this file as a script to print every failing case.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

from storydiff.core.facts.dates import find_dates
from storydiff.core.facts.numbers import Interval, find_quantities

DATA = Path(__file__).parent / "data"


def _cases(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))["cases"]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _reads(interval: Interval, expected: float | dict) -> bool:
    if not isinstance(expected, dict):
        return interval.figure is not None and _close(interval.figure, expected)
    if not (_close(interval.low if expected["low"] is not None else None, expected["low"])
            or (expected["low"] is None and interval.low == 0)):
        return False
    if not _close(interval.high, expected["high"]):
        return False
    # One-sided bounds say whether the figure itself is allowed ("more than" / "at least");
    # the spec writes two-sided ranges half-open by habit, so their ends are not compared.
    if expected["high"] is None:
        return interval.low_open == expected["low_open"]
    if expected["low"] is None:
        return interval.high_open == expected["high_open"]
    return True


def number_case_passes(case: dict) -> bool:
    found = [q.interval for q in find_quantities(case["input"])]
    expected = case["expected"]
    return len(found) == len(expected) and all(map(_reads, found, expected))


def date_case_passes(case: dict) -> bool:
    if "found" in case:
        texts = [d.text.lower() for d in find_dates(case["input"], dt.date(2016, 11, 7))]
        return [t.lower() for t in case["found"]] == texts
    base = dt.date.fromisoformat(case["reference"])
    found = find_dates(case["input"], base)
    if "within" in case:  # the spec's day, inside the month or year storydiff claims
        day = dt.date.fromisoformat(case["within"]["day"])
        return len(found) == 1 and found[0].precision == case["within"]["precision"] and \
            found[0].first is not None and found[0].last is not None and \
            found[0].first <= day <= found[0].last
    if "periods" in case:
        spans = {(s, e) for s, e in case["periods"]}
        return len(found) == 1 and found[0].first is not None and found[0].last is not None and (
            found[0].first.isoformat(),
            (found[0].last + dt.timedelta(days=1)).isoformat()) in spans
    if not case["dates"]:
        return not [d for d in found if d.resolved]  # "Feb 30": no such day
    return len(found) == 1 and found[0].first is not None and found[0].precision == "day" and \
        found[0].first.isoformat() in case["dates"]


def _count(name: str, check, group: str | None = None) -> tuple[int, int, list[str]]:
    cases = [c for c in _cases(name) if group is None or c.get("group") == group]
    failed = [c["input"] for c in cases if not check(c)]
    return len(cases) - len(failed), len(cases), failed


def test_spelled_out_numbers_read_as_the_spec_reads_them():
    passed, total, failed = _count("recognizers_numbers_en.json", number_case_passes, "words")
    assert total == 21 and passed >= 21, failed


def test_all_claimed_number_cases_and_no_number_read_from_nothing():
    passed, total, failed = _count("recognizers_numbers_en.json", number_case_passes)
    assert total == 50 and passed >= 50, failed
    none_passed, none_total, none_failed = _count("recognizers_numbers_en.json",
                                                  number_case_passes, "none")
    assert none_passed == none_total == 18, none_failed


def test_date_cases_of_the_kinds_we_claim():
    passed, total, failed = _count("recognizers_dates_en.json", date_case_passes)
    assert total == 121 and passed >= 119, failed


if __name__ == "__main__":
    for name, check in (("recognizers_numbers_en.json", number_case_passes),
                        ("recognizers_dates_en.json", date_case_passes)):
        passed, total, failed = _count(name, check)
        print(f"{name}: {passed}/{total}")
        for text in failed:
            print("   fail:", repr(text))
