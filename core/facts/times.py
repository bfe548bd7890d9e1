"""Clock times in news text: "6:30 p.m. (Baghdad time)", "18:30 GMT", "noon".

    >>> [(t.text, t.value()) for t in find_times("The blast came at about 6:30 p.m. local time.")]
    [('about 6:30 p.m. local time', {'time': '18:30', 'zone': 'local time', 'approx': True})]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A clock time as written ("6:30 p.m. (Baghdad time)"), in minutes after midnight."""

    start: int
    end: int
    text: str
    minutes: int
    zone: str | None = None
    approx: bool = False

    def value(self) -> dict[str, object]:
        value: dict[str, object] = {"time": f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"}
        if self.zone:
            value["zone"] = self.zone
        if self.approx:
            value["approx"] = True
        return value


_TIME = re.compile(
    r"(?P<approx>\b(?:approximately|about|around|roughly|shortly after|shortly before|just after|"
    r"just before)\s+)?"
    r"(?:\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!\s*(?:a\.m|p\.m|am\b|pm\b))"
    r"|\b(?P<word>noon|midnight)\b)"
    r"(?P<zone>\s*(?:\((?:[A-Z][\w ]{0,20} )?time\)|\([A-Z]{2,4}\)|(?:local|[A-Z][a-z]+) time\b"
    r"|GMT\b|UTC\b|ET\b|EST\b|EDT\b|BST\b|CET\b|PT\b))?",
)


_TIME_HINT = re.compile(r"\d|noon|midnight", re.IGNORECASE)


def find_times(text: str) -> list[TimeMention]:
    """Clock times ("6:30 p.m.", "18:30 GMT", "noon"), with their time zone when given."""
    return list(_find_times(text))


@lru_cache(maxsize=8192)
def _find_times(text: str) -> tuple[TimeMention, ...]:
    out: list[TimeMention] = []
    if not _TIME_HINT.search(text):
        return ()
    for m in _TIME.finditer(text):
        if m.group("word"):
            minutes = 12 * 60 if m.group("word") == "noon" else 0
        elif m.group("h24") is not None:
            minutes = int(m.group("h24")) * 60 + int(m.group("m24"))
        else:
            hour = int(m.group("h")) % 12
            if m.group("ampm").lower().startswith("p"):
                hour += 12
            minutes = hour * 60 + int(m.group("m") or 0)
        zone = (m.group("zone") or "").strip(" ()") or None
        start = m.start("approx") if m.group("approx") else m.start()
        out.append(TimeMention(start, m.end(), text[start:m.end()].rstrip(), minutes, zone,
                               bool(m.group("approx"))))
    return tuple(out)
