"""A colour-blind-safe theme, registered beside Textual's built-in ones.

Highlights take their colours from the theme's variables ($success agree,
$error conflict, $warning only here, $accent focus), so every built-in theme
works. This one sets those variables from the Okabe–Ito palette (Okabe & Ito,
"Color Universal Design", 2008), chosen to stay distinct under protanopia,
deuteranopia and tritanopia: blue for agreement, vermillion for conflict,
yellow for only-here, sky blue for focus. The gutter marks carry the same
meaning without any colour.
"""

from __future__ import annotations

from textual.theme import Theme

COLOUR_BLIND_SAFE = Theme(
    name="storydiff-cb",
    primary="#0072B2",  # blue
    secondary="#CC79A7",  # reddish purple: search hits
    accent="#56B4E9",  # sky blue: the focused group
    success="#0072B2",  # blue: agree
    warning="#F0E442",  # yellow: only here
    error="#D55E00",  # vermillion: conflict
    foreground="#E8E8E8",
    background="#121212",
    surface="#1C1C1C",
    panel="#2A2A2A",
    dark=True,
)
