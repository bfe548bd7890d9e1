"""Who published an article, by a name a reader knows.

Scrapers say "www.nytimes.com", news APIs "nytimes", wires sign "(AFP)", small outlets sign a byline
("By bne IntelliNews"). :func:`outlet_name` picks the first of these an article offers and turns a
domain into the outlet's name where :data:`KNOWN_DOMAINS` knows it, else into the bare domain
("dailystar.com.lb"). A file's stem is the last resort, for when nothing else is known.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..text import one_line
from .blocks import WIRES

# Domains of widely read outlets (and the wires) -> their names. Small on purpose: an unknown domain
# is shown as the domain, which a reader can still recognise.
KNOWN_DOMAINS = {
    "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal", "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times",
    "chicagotribune.com": "Chicago Tribune", "bostonglobe.com": "The Boston Globe",
    "nypost.com": "New York Post", "nydailynews.com": "New York Daily News",
    "cnn.com": "CNN", "foxnews.com": "Fox News", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News", "npr.org": "NPR", "politico.com": "Politico", "axios.com": "Axios",
    "thehill.com": "The Hill", "huffingtonpost.com": "HuffPost", "huffpost.com": "HuffPost",
    "huffingtonpost.com.au": "HuffPost Australia", "huffingtonpost.co.uk": "HuffPost UK",
    "buzzfeednews.com": "BuzzFeed News", "vox.com": "Vox", "slate.com": "Slate", "time.com": "Time",
    "newsweek.com": "Newsweek", "theatlantic.com": "The Atlantic", "newyorker.com": "The New Yorker",
    "bloomberg.com": "Bloomberg", "cnbc.com": "CNBC", "forbes.com": "Forbes", "ft.com": "Financial Times",
    "businessinsider.com": "Business Insider", "marketwatch.com": "MarketWatch",
    "reuters.com": "Reuters", "apnews.com": "AP", "ap.org": "AP", "afp.com": "AFP", "upi.com": "UPI",
    "bbc.com": "BBC", "bbc.co.uk": "BBC", "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian",
    "dailymail.co.uk": "Daily Mail", "telegraph.co.uk": "The Telegraph", "independent.co.uk": "The Independent",
    "thetimes.co.uk": "The Times", "mirror.co.uk": "Daily Mirror", "thesun.co.uk": "The Sun",
    "sky.com": "Sky News", "economist.com": "The Economist",
    "aljazeera.com": "Al Jazeera", "dw.com": "DW", "france24.com": "France 24", "euronews.com": "Euronews",
    "rt.com": "RT", "tass.com": "TASS", "xinhuanet.com": "Xinhua", "scmp.com": "South China Morning Post",
    "timesofindia.indiatimes.com": "The Times of India", "hindustantimes.com": "Hindustan Times",
    "ndtv.com": "NDTV", "thehindu.com": "The Hindu", "dawn.com": "Dawn",
    "abc.net.au": "ABC News (Australia)", "smh.com.au": "The Sydney Morning Herald",
    "theage.com.au": "The Age", "news.com.au": "news.com.au", "9news.com.au": "9News",
    "cbc.ca": "CBC News", "ctvnews.ca": "CTV News", "globalnews.ca": "Global News",
    "theglobeandmail.com": "The Globe and Mail", "nzherald.co.nz": "The New Zealand Herald",
    "variety.com": "Variety", "hollywoodreporter.com": "The Hollywood Reporter", "indiewire.com": "IndieWire",
    "deadline.com": "Deadline", "ew.com": "Entertainment Weekly", "people.com": "People",
    "rollingstone.com": "Rolling Stone", "vanityfair.com": "Vanity Fair", "tmz.com": "TMZ",
    "eonline.com": "E! News", "yahoo.com": "Yahoo News", "news.yahoo.com": "Yahoo News",
    "msn.com": "MSN", "nationalreview.com": "National Review", "breitbart.com": "Breitbart",
    "dailycaller.com": "The Daily Caller", "washingtonexaminer.com": "Washington Examiner",
    "washingtontimes.com": "The Washington Times", "motherjones.com": "Mother Jones",
    "thedailybeast.com": "The Daily Beast", "salon.com": "Salon", "nj.com": "NJ.com",
    "sfgate.com": "SFGATE", "sfchronicle.com": "San Francisco Chronicle", "miamiherald.com": "Miami Herald",
}

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\d?\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[:/].*)?$", re.IGNORECASE)
# A byline names an outlet rather than a reporter when it carries a word only organisations use, or is
# a wire: "By bne IntelliNews", "By Reuters", "By Associated Press", "By Times Staff".
_ORG_WORDS = re.compile(
    r"\b(?:News|Newswire|IntelliNews|Press|Times|Post|Herald|Tribune|Journal|Gazette|Daily|Media|"
    r"Agency|Agencies|Wire|Wires|Staff|Desk|Bureau|Network|Broadcasting|Radio|Television|TV|"
    r"Associated|Online|Magazine|Reporters?)\b",
)
_BYLINE = re.compile(r"^(?:written\s+|reported\s+)?by\s+(?P<who>.+)$", re.IGNORECASE)
_WIRE_NAME = re.compile("|".join(sorted(map(re.escape, WIRES), key=len, reverse=True)))


def domain_name(domain_or_url: str) -> str | None:
    """The outlet's name for a domain or URL ("https://www.nytimes.com/…" -> "The New York Times"),
    the bare domain when the table does not know it, None when it is not a domain."""
    found = _DOMAIN.match(domain_or_url.strip())
    if not found:
        return None
    host = found.group(1).lower()
    parts = host.split(".")
    for n in range(len(parts) - 1):  # "edition.cnn.com" is cnn.com
        name = KNOWN_DOMAINS.get(".".join(parts[n:]))
        if name:
            return name
    return host


def byline_name(line: str) -> str | None:
    """Who a byline names ("By Jane Doe, Staff Writer" -> "Jane Doe"), or None for no byline."""
    found = _BYLINE.match(line.strip())
    if not found:
        return None
    who = re.split(r"\s+(?:\||-|—|–|on|at)\s+|,\s*|\s{2,}", found.group("who").strip(), maxsplit=1)[0]
    who = re.sub(rf"\s*(?:{_MONTHS_WORDS}).*$", "", who).strip(" .")
    return who if who and len(who.split()) <= 6 else None


def is_organisation(name: str) -> bool:
    """Whether a byline's name is an outlet's ("bne IntelliNews", "Reuters", "Times Staff")."""
    return bool(_ORG_WORDS.search(name) or re.fullmatch(_WIRE_NAME, name) or name[:1].islower())


_MONTHS_WORDS = (r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{4}-\d\d-\d\d"
                 r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*day\b")


def outlet_name(*, source: str | None, byline: str | None, agency: str | None, url: str | None,
                stem: str) -> str:
    """A readable outlet for an article, from the best evidence it offers.

    In order: ``source``, what the file says (a ``source:`` header, a JSON field, the page's site
    name; a domain there becomes a name); a byline naming an organisation; the agency of a dateline;
    the URL's domain; a byline naming a person (who wrote it is more telling than a file name);
    the file's stem.
    """
    who = byline_name(byline) if byline else None
    for candidate in (source and (domain_name(source) or source), who if who and is_organisation(who) else None,
                      agency, url and domain_name(url), who):
        if candidate and candidate.strip():
            return one_line(" ".join(candidate.split()))
    return one_line(stem)
