"""Reading articles from files, folders and standard input.

:func:`load_paths` is the entry: it takes what a user typed (files, folders,
``-``) and returns the articles it could read and one :class:`LoadError` per
file it could not, so a bad file in a batch is reported and skipped.

Formats: ``.txt``/``.md`` (plain text, optional ``title:``/``date:`` header
lines), ``.html``/``.htm`` (main text only), ``.json`` (an object or a list of
objects) and ``.jsonl`` (one object a line), each object with ``text`` or
``body`` and optional ``title``, ``source``/``outlet``, ``date``/``published``
and ``url``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO
from dataclasses import dataclass, replace
from pathlib import Path

from .blocks import read_layout
from .outlets import outlet_name
from ..model import Article, LoadError
from ..text import DecodeError, clean, decode, one_line

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".json", ".jsonl")
# Beyond this a file of one article is not an article but a dump; we refuse it with a
# clear message rather than freeze. 20 MB is ~3,000 long articles' worth of text.
MAX_FILE_BYTES = 20 * 1024 * 1024
# A JSON/JSONL file holds a batch (review mode reads thousands of articles from one
# file): each record is an article of its own, so only memory bounds it.
MAX_BATCH_FILE_BYTES = 1024 * 1024 * 1024


class ArticleError(Exception):
    """A file the user gave us cannot be read as an article: the path and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Loaded:
    """What :func:`load_paths` returns: articles in input order, and per-file errors."""

    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...]


def load_paths(paths: Sequence[str], *, stdin_text: str | None = None) -> Loaded:
    """Load every article named by ``paths``; never raises for a bad file.

    Folders contribute every article file inside them (recursively, sorted,
    hidden files skipped, symlinked folders not followed). ``-`` reads
    standard input as one plain-text article.
    """
    articles: list[Article] = []
    errors: list[LoadError] = []
    ids: set[str] = set()
    for path, problem in _expand(paths):
        if problem:
            errors.append(LoadError(path, problem))
            continue
        try:
            if path == "-":
                text = clean(stdin_text) if stdin_text is not None else read_stdin()
                found = [_article("stdin", "-", text)]
            else:
                found = list(load_file(Path(path), errors))
        except ArticleError as exc:
            errors.append(LoadError(exc.path, exc.reason))
            continue
        except (ValueError, LookupError, RecursionError, MemoryError) as exc:
            # A bug of ours on a strange file must cost that file, not the batch.
            errors.append(LoadError(path, f"could not be read ({type(exc).__name__}: {exc})"))
            continue
        for article in found:
            unique = _unique_id(article.id, ids)
            if unique != article.id:
                article = replace(article, id=unique)
            ids.add(unique)
            articles.append(article)
    return Loaded(tuple(_borrow_years(articles)), tuple(errors))


def _borrow_years(articles: list[Article]) -> list[Article]:
    """Give a yearless wire dateline ("March 12") the year that puts it nearest to
    the dates of the other articles in the batch: they report the same days."""
    known = [a.date for a in articles if a.date]
    if not known:
        return articles
    result = []
    for article in articles:
        if article.date is None and article.partial_date:
            month, day = article.partial_date
            candidates = []
            for year in {d.year + k for d in known for k in (-1, 0, 1)}:
                try:
                    candidates.append(dt.date(year, month, day))
                except ValueError:  # 29 February
                    continue
            if candidates:
                best = min(candidates, key=lambda c: (min(abs((c - d).days) for d in known), c))
                sections = tuple(replace(s, date=s.date or best) if n == 0 else s
                                 for n, s in enumerate(article.sections))
                article = replace(article, date=best, sections=sections)
        result.append(article)
    return result


def _expand(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """Yield (path, None) for each file to read, (path, reason) for each that can't be."""
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                found = sorted(_walk(path))
                if not found:
                    yield raw, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder"
                yield from ((str(f), None) for f in found)
            elif path.exists():
                yield raw, None
            elif path.is_symlink():
                yield raw, "broken or looping symbolic link"
            else:
                yield raw, "no such file or folder"
        except OSError as exc:
            yield raw, _os_reason(exc)


def _walk(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            yield Path(root) / name


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return exc.strerror or str(exc)


def _limit_for(path: Path) -> tuple[int, str]:
    if path.suffix.lower() in (".json", ".jsonl"):
        return MAX_BATCH_FILE_BYTES, "a JSON batch"
    return MAX_FILE_BYTES, "an article file"


def _too_large(limit: int, kind: str, size: int | None = None) -> str:
    said = f"{size / 1e6:.0f} MB; " if size is not None else "more than that; "
    return f"file too large ({said}the limit is {limit / 1e6:.0f} MB for {kind})"


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, never more than its size limit.

    FIFOs, devices and sockets are refused without reading (a FIFO would block, /dev/zero never
    ends), and the read stops at the limit whatever ``st_size`` says.
    """
    limit, kind = _limit_for(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang before we can look at it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError as exc:
        raise ArticleError(str(path), "is a folder") from exc
    except OSError as exc:
        raise ArticleError(str(path), _os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError(str(path), "is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(str(path), f"not a regular file ({_file_kind(info.st_mode)}); not read")
        if info.st_size > limit:
            raise ArticleError(str(path), _too_large(limit, kind, info.st_size))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ArticleError(str(path), _os_reason(exc)) from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ArticleError(str(path), _too_large(limit, kind))
    return data


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_stdin(stream: BinaryIO | None = None) -> str:
    """Standard input as text, read up to the article size limit (a stream may never end).

    Raises :class:`ArticleError` (path ``-``) when it holds more than the limit or binary data.
    """
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ArticleError("-", f"standard input too large (the limit is {MAX_FILE_BYTES / 1e6:.0f} MB "
                                "for an article)")
    try:
        return clean(decode(data))
    except DecodeError as exc:
        raise ArticleError("-", str(exc)) from exc


def load_file(path: Path, errors: list[LoadError] | None = None) -> Iterator[Article]:
    """The articles in one file (a JSON list or JSONL file holds several).

    Raises :class:`ArticleError` when the file as a whole cannot be read;
    a bad record inside a JSONL file is added to ``errors`` and skipped.
    """
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    stem = path.stem
    if suffix in (".html", ".htm"):
        yield _page_article(path, data)
        return
    try:
        text = decode(data, lines_apart=suffix == ".jsonl")
    except DecodeError as exc:
        raise ArticleError(str(path), str(exc)) from exc
    if suffix == ".jsonl":
        # clean() drops NUL and other control bytes: a line that held one must still fail alone.
        text = "\n".join("\ufffd" if "\x00" in line else line for line in text.split("\n"))
    text = clean(text)
    if suffix in (".json", ".jsonl"):
        yield from _json_articles(path, text, errors if errors is not None else [])
        return
    if not text.strip():
        raise ArticleError(str(path), "empty file" if not text else "only white space")
    yield _article(stem, str(path), text)


def _page_article(path: Path, data: bytes) -> Article:
    from . import html as page_reader  # lazy: trafilatura loads only when a batch holds a page

    try:
        page = page_reader.extract(data)
    except (DecodeError, page_reader.NoArticleText) as exc:
        raise ArticleError(str(path), str(exc)) from exc
    return _article(path.stem, str(path), page.text, title=page.title, source=page.source,
                    date=page.date, url=page.url)


_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "site", "source_domain")
_DATE_KEYS = ("date", "published", "published_at", "date_publish", "pubdate", "datetime")
_URL_KEYS = ("url", "link")


def _json_articles(path: Path, text: str, errors: list[LoadError]) -> Iterator[Article]:
    records: list[tuple[str, object]] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                records.append((f"line {number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                errors.append(LoadError(f"{path}:{number}", f"not valid JSON ({exc.msg})"))
            except RecursionError:  # [[[[… 100,000 deep: that line is lost, not the file
                errors.append(LoadError(f"{path}:{number}", "not read (nested too deeply)"))
            except ValueError as exc:  # a 5,000-digit integer passes Python's digit limit
                errors.append(LoadError(f"{path}:{number}", f"not read ({str(exc).split(';')[0]})"))
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleError(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        items = data if isinstance(data, list) else [data]
        records = [(f"item {n}", item) for n, item in enumerate(items, 1)]
    if not records and not errors:
        raise ArticleError(str(path), "no articles in this file")
    several = len(records) > 1 or path.suffix.lower() == ".jsonl"
    for where, record in records:
        label = f"{path}:{where.split()[-1]}" if path.suffix.lower() == ".jsonl" else f"{path} ({where})"
        if not isinstance(record, dict):
            errors.append(LoadError(label, "expected an object with a \"text\" or \"body\" field"))
            continue
        body = _first(record, _TEXT_KEYS)
        if not isinstance(body, str) or not body.strip():
            errors.append(LoadError(label, "no \"text\" or \"body\" field with article text"))
            continue
        if len(body) > MAX_FILE_BYTES:  # a batch may be 1 GB; one article in it may not
            errors.append(LoadError(label, f"article too large ({len(body) / 1e6:.0f} MB of text; "
                                           f"the limit is {MAX_FILE_BYTES / 1e6:.0f} MB for an article)"))
            continue
        given_id = record.get("id")
        stem = path.stem
        article_id = str(given_id) if isinstance(given_id, (str, int)) and str(given_id).strip() else (
            f"{stem}-{where.split()[-1]}" if several else stem)
        yield _article(
            _safe_id(article_id), str(path), clean(body),
            title=_text_field(record, _TITLE_KEYS), source=_text_field(record, _SOURCE_KEYS),
            date=_text_field(record, _DATE_KEYS), url=_text_field(record, _URL_KEYS),
        )


def _first(record: dict[str, object], keys: tuple[str, ...]) -> object:
    for key in keys:
        if key in record and record[key] not in (None, ""):
            return record[key]
    return None


def _text_field(record: dict[str, object], keys: tuple[str, ...]) -> str | None:
    value = _first(record, keys)
    if isinstance(value, dict):  # {"source": {"name": "Reuters"}} as news APIs send it
        value = value.get("name") or value.get("title")
    return clean(str(value)).strip() or None if value not in (None, "") else None


def _safe_id(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_") or "article"


def _unique_id(article_id: str, taken: set[str]) -> str:
    if article_id not in taken:
        return article_id
    n = 2
    while f"{article_id}-{n}" in taken:
        n += 1
    return f"{article_id}-{n}"


def fingerprint(text: str) -> str:
    """Who an article is: a hash of its words, case and spacing folded.

    Marks made in review survive renames, re-downloads and white-space edits.
    """
    words = re.sub(r"\W+", " ", text).strip().lower()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:20]


def _article(article_id: str, path: str, text: str, *, title: str | None = None,
             source: str | None = None, date: str | None = None, url: str | None = None) -> Article:
    layout = read_layout(text, title=title, source=source, date=date, url=url)
    return Article(
        id=_safe_id(article_id),
        path=one_line(path),
        text=text,
        title=one_line(layout.title) if layout.title else None,
        source=one_line(layout.source) if layout.source else None,
        date=layout.date,
        date_span=layout.date_span or (layout.month_day[1] if layout.month_day else None),
        url=one_line(layout.url) if layout.url else None,
        blocks=layout.blocks,
        sections=layout.sections,
        fingerprint=fingerprint(text),
        partial_date=layout.month_day[0] if layout.month_day else None,
        outlet=outlet_name(source=layout.stated_source, byline=layout.byline, agency=layout.agency,
                           url=one_line(layout.url) if layout.url else None, stem=Path(path).stem if path != "-" else "stdin"),
        body_start=layout.header_end,
        date_from=layout.date_from,
    )
