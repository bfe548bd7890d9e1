"""What vehicle carried a bomb: "a car packed with explosives" beside "a truck bomb".

Outlets often disagree on it in the first hours of an attack, and neither side holds a
number or a date. The vehicle is read only where the words tie it to the bomb ("truck bomb",
"car laden with explosives", "explosives-laden vehicle", "the bomber rammed a truck"), only
in the first passages of a report (where the story's own attack is told; background further
down recalls other bombings), and never for "a second car" or "another vehicle". "Vehicle"
says less than "car" or "truck": compatible with either.
"""

from __future__ import annotations

import re

from ..model import FactStatus, Mention, Passage
from .draft import Draft

LEDE_PASSAGES = 8  # a report's own attack is told in its first passages
_KINDS = {"car": "car", "cars": "car", "suv": "car", "truck": "truck", "lorry": "truck",
          "tanker": "truck", "van": "van", "minivan": "van", "minibus": "bus", "bus": "bus",
          "motorcycle": "motorcycle", "motorbike": "motorcycle", "vehicle": "vehicle"}
_VEHICLE = r"(car|cars|suv|truck|lorry|tanker|van|minivan|minibus|bus|motorcycle|motorbike|vehicle)"
_BOMB_VEHICLE = re.compile(
    rf"\b{_VEHICLE}[\s-]+bomb(?:s|ing|er)?\b"
    rf"|\b{_VEHICLE}\s+(?:packed|laden|loaded|filled|rigged|stuffed)\s+with\s+(?:\w+\s+)?explosives\b"
    rf"|\bexplosives?-(?:laden|packed|filled|loaded)\s+{_VEHICLE}\b"
    rf"|\bbomber\s+(?:\w+\s+)?(?:rams?|rammed|drove|crashed|detonated|blew\s+up)\s+(?:a|an|the|his|her)\s+"
    rf"(?:\w+\s+)?{_VEHICLE}\b"
    rf"|\b(?:the|a)\s+{_VEHICLE}\s+(?:smashed|rammed|crashed|exploded|blew\s+up)\b",
    re.IGNORECASE)
_NOT_THIS_ONE = re.compile(r"\b(?:second|another|other|third|two|several)\s+(?:\w+\s+)?$",
                           re.IGNORECASE)


def find_vehicles(passage: Passage) -> list[Mention]:
    """The bomb vehicles a passage of a report's lede names."""
    if passage.index >= LEDE_PASSAGES:
        return []
    found = []
    for m in _BOMB_VEHICLE.finditer(passage.text):
        group = next(g for g in range(1, (m.lastindex or 0) + 1) if m.group(g))
        word = m.group(group)
        if _NOT_THIS_ONE.search(passage.text, max(0, m.start(group) - 24), m.start(group)):
            continue
        kind = _KINDS[word.lower()]
        found.append(Mention("vehicle", passage.article, passage.index,
                             passage.start + m.start(), passage.start + m.end(), m.group(),
                             {"vehicle": kind}, "the vehicle used in the attack"))
    return found


def vehicle_facts(mentions: list[Mention]) -> list[Draft]:
    """One fact when two articles name the vehicle: a conflict when they name two kinds
    ("car" against "truck"); "vehicle" is compatible with any."""
    if len({m.article for m in mentions}) < 2:
        return []
    kinds = {m.value["vehicle"] for m in mentions} - {"vehicle"}
    clashes = [(a, b) for i, a in enumerate(mentions) for b in mentions[i + 1:]
               if a.article != b.article and a.value["vehicle"] != b.value["vehicle"]
               and "vehicle" not in (a.value["vehicle"], b.value["vehicle"])]
    if clashes:
        status = FactStatus.CONFLICT
    elif len(kinds) == 1 and len({m.article for m in mentions if m.value["vehicle"] in kinds}) > 1:
        status = FactStatus.AGREE
    else:
        status = FactStatus.COMPATIBLE
    return [Draft("vehicle", "the vehicle used in the attack", list(mentions), status, clashes)]
