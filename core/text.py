"""Turning untrusted bytes into clean text: decoding and control-character removal.

Article text comes from scrapers and inboxes. It may be UTF-16, cp1252 with
smart quotes, or carry ANSI escapes and OSC 52 clipboard writes. Everything
downstream (offsets, the screen, exports) sees only what :func:`clean` returns.
"""

from __future__ import annotations

import codecs
import re


class DecodeError(ValueError):
    """The bytes are not text we can read (a binary file, say)."""


# Magic numbers of binary formats users drop into article folders by mistake. Each is long
# enough that no prose starts with it: "GIF8" alone is how "GIF89a is thirty years old" starts, and
# "BZh" how a Bosnian headline can, so those need their full signatures.
_MAGIC = (
    (re.compile(rb"\x89PNG"), "a PNG image"),
    (re.compile(rb"\xff\xd8\xff"), "a JPEG image"),
    (re.compile(rb"GIF8[79]a[\x00-\xff]{4}[\x00-\x1f\x80-\xff]"), "a GIF image"),
    (re.compile(rb"\x1f\x8b\x08"), "gzip-compressed data"),
    (re.compile(rb"PK\x03\x04"), "a ZIP archive (or .docx/.xlsx)"),
    (re.compile(rb"%PDF-\d"), "a PDF document"),
    (re.compile(rb"\x7fELF"), "a program (ELF binary)"),
    (re.compile(rb"BZh[1-9]1AY&SY|BZh[1-9]\x17rE8P\x90"), "bzip2-compressed data"),
    (re.compile(rb"\xfd7zXZ\x00"), "xz-compressed data"),
)


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` starts with ("a PNG image"), or None when it may be text."""
    for magic, what in _MAGIC:
        if magic.match(data):
            return what
    return None

# ANSI CSI sequences (ESC [ … final byte), OSC sequences (ESC ] … BEL or ESC \\,
# which is how OSC 52 clipboard writes and hyperlinks travel), other two-byte escapes.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b[@-Z\\-_]"
)
# C0 and C1 control characters other than tab and newline, and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes, *, lines_apart: bool = False) -> str:
    """Decode article bytes: BOMs, UTF-16 without a BOM, UTF-8, else cp1252/Latin-1.

    Raises :class:`DecodeError` for binary data. With ``lines_apart`` (JSONL: one record a
    line) a NUL byte is not taken for a binary file: it costs the line holding it, which
    the JSON parser refuses, not the file.
    """
    what = binary_kind(data)
    if what:
        raise DecodeError(f"binary file ({what}), not an article")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:4096] and not lines_apart:
        raise DecodeError("binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 is what "Latin-1" files from Windows newsrooms really are: smart quotes
    # live in 0x80-0x9f. Five bytes are undefined in cp1252: they become U+FFFD.
    return data.decode("cp1252", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM has a NUL in every other byte for ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def clean(text: str) -> str:
    """Normalise line ends and strip terminal escapes and control characters.

    Tabs and newlines stay; everything that could move a cursor, ring a bell,
    write a clipboard or change colours goes. Done once, at load.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ANSI.sub("", text)
    # A lone surrogate ("\\ud800" in JSON) cannot be encoded to UTF-8: written to a terminal or an
    # export it would kill the run. It stands for nothing, so it becomes U+FFFD.
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub("", text)


# Bidirectional embeddings, overrides and isolates: shown as-is they can make a file name or a
# title read backwards ("txt.exe" shown as "exe.txt"); in a line we show, they become visible.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """A file name, title, outlet or error made safe to show on one line of a terminal or export.

    Escapes and control characters go (as in :func:`clean`), line breaks and tabs become spaces and
    bidi overrides become a visible U+FFFD, so a crafted name can neither drive the terminal nor spoof
    what is shown.
    """
    return _BIDI.sub("\ufffd", clean(text).replace("\n", " ").replace("\t", " "))
