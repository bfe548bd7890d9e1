"""The ``storydiff`` command.

    storydiff PATHS…                     open the comparison in the terminal app
    storydiff compare PATHS… [--format json|md|html|csv|svg] [-o FILE] [--force]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storydiff import __version__

FORMATS = ("json", "md", "html", "csv", "svg")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storydiff",
        description="Compare news articles about one event side by side: what they agree "
                    "on, what they contradict, what only one outlet says.",
        epilog="Run 'storydiff COMMAND --help' for a command's options. "
               "Without a command, 'storydiff PATHS…' opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"storydiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    view = sub.add_parser("view", help="open the comparison in the terminal app (the default)",
                          description="Open articles side by side in the terminal app.")
    view.add_argument("paths", nargs="+", metavar="PATH",
                      help="article files or folders ('-' reads standard input)")

    cmp = sub.add_parser("compare", help="print a comparison report",
                         description="Compare articles and print (or save) a report.")
    cmp.add_argument("paths", nargs="+", metavar="PATH",
                     help="article files or folders ('-' reads standard input)")
    cmp.add_argument("-f", "--format", choices=FORMATS, default=None,
                     help="json (the full report), md (a readable summary), html (a standalone "
                          "page, side by side), csv (the facts matrix) or svg (the app's screen); "
                          "default: from FILE's suffix, else json")
    cmp.add_argument("-o", "--output", metavar="FILE", default="-",
                     help="write the report to FILE ('-', the default, is standard output); "
                          "the file appears whole or not at all")
    cmp.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    cmp.add_argument("--size", metavar="COLSxROWS", type=_size, default=None,
                     help="terminal size drawn by --format svg (default: tall enough for "
                          "the longest article)")
    cmp.add_argument("--progress", action="store_true",
                     help="print each stage on standard error as it starts (a terminal "
                          "shows a run's stage anyway once it lasts over a second)")

    rev = sub.add_parser(
        "review", help="group a batch of articles into stories and review them",
        description="Group a folder (or JSONL file) of many articles into stories and open "
                    "the review queue. Marks, flags, notes and regroupings are kept in a "
                    "SQLite file between sessions.")
    rev.add_argument("paths", nargs="+", metavar="PATH",
                     help="a folder of article files, or a JSON/JSONL file of articles")
    rev.add_argument("--db", metavar="PATH", default=None,
                     help="the marks file (default: marks.sqlite3 in the user data folder)")
    rev.add_argument("--list", action="store_true",
                     help="print the stories and their status as a table, without the app")
    rev.add_argument("--json", action="store_true",
                     help="print the stories and their status as JSON, without the app")
    rev.add_argument("--conflicts", metavar="N|all", default="50", type=_conflicts_arg,
                     help="with --list/--json: count conflicts for the first N stories of "
                          "up to 40 articles (default 50; others show as not compared), "
                          "or for every story with 'all'")
    return parser


def _conflicts_arg(value: str) -> str:
    if value == "all" or (value.isdigit() and len(value) < 7):
        return value
    raise argparse.ArgumentTypeError(f"{value!r}: a number of stories, or 'all'")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = {"view", "compare", "review", "-h", "--help", "--version"}
    if args_list and args_list[0] not in commands:
        args_list.insert(0, "view")
    parser = _parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "compare":
            return _compare(args)
        if args.command == "review":
            return _review(args)
        return _view(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0  # `storydiff compare … | head` closed the pipe: nothing is wrong
    except Exception as exc:  # the edge: one line, never a traceback
        print(f"storydiff: internal error: {type(exc).__name__}: {exc} "
              "(please report this with the files that caused it)", file=sys.stderr)
        return 70


def _report_errors(errors: Sequence[object]) -> None:
    for error in errors:
        print(f"storydiff: skipped {error}", file=sys.stderr)


def _size(value: str) -> tuple[int, int]:
    cols, sep, rows = value.lower().partition("x")
    if not sep or not cols.isdigit() or not rows.isdigit() or not (20 <= int(cols) <= 1000
                                                                    and 5 <= int(rows) <= 2000):
        raise argparse.ArgumentTypeError(f"{value!r} is not COLSxROWS, e.g. 160x48")
    return int(cols), int(rows)


def _format_for(args: argparse.Namespace) -> str:
    """The format asked for, else the one the output file's suffix names, else JSON."""
    if args.format:
        return str(args.format)
    suffix = args.output.rsplit(".", 1)[-1].lower() if "." in args.output else ""
    aliases = {"markdown": "md", "htm": "html"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in FORMATS else "json"


def _compare(args: argparse.Namespace) -> int:
    from storydiff.core.export.files import ExportError, write_text
    from storydiff.core.report import compare

    fmt = _format_for(args)
    if args.output != "-" and not args.force:
        from pathlib import Path

        # Refuse before the work, not after it; write_text checks again at the end.
        if Path(args.output).expanduser().exists():
            print(f"storydiff: {args.output}: already exists (use --force to overwrite)",
                  file=sys.stderr)
            return 1
    from storydiff.progress import StageLine

    with StageLine(sys.stderr, every_stage=args.progress) as stage:
        report = compare(args.paths, progress=stage)
    _report_errors(report.errors)
    for note in report.notes:
        print(f"storydiff: {note}", file=sys.stderr)
    if not report.articles:
        print("storydiff: no articles could be read", file=sys.stderr)
        return 1
    if fmt == "svg":
        try:
            from storydiff.tui.app import StorydiffApp
            from storydiff.tui.snapshot import SnapshotError, render_svg
        except ImportError as exc:
            print(f"storydiff: cannot draw the SVG: the terminal app is not available ({exc})",
                  file=sys.stderr)
            return 1
        try:
            text = render_svg(report, lambda story: StorydiffApp(report=story), size=args.size)
        except SnapshotError as exc:
            print(f"storydiff: cannot draw the SVG: {exc}", file=sys.stderr)
            return 1
    else:
        from storydiff.core.export.formats import render_text

        text = render_text(report, fmt)
    if args.output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    try:
        path = write_text(args.output, text, force=args.force)
    except ExportError as exc:
        print(f"storydiff: {exc}", file=sys.stderr)
        return 1
    print(f"storydiff: wrote {fmt} to {path}", file=sys.stderr)
    return 0


def _view(args: argparse.Namespace) -> int:
    from storydiff.tui.app import run  # Textual is imported only when the app opens

    return run(args.paths)


def _review(args: argparse.Namespace) -> int:
    """``storydiff review``: the app, or with --list/--json the queue printed for scripts."""
    from storydiff.core.review.marks import Marks, MarksError

    try:
        marks = Marks.open(args.db)
    except MarksError as exc:
        print(f"storydiff: {exc}", file=sys.stderr)
        return 1
    if marks.notice:
        print(f"storydiff: {marks.notice}", file=sys.stderr)
    if not (args.list or args.json):
        from storydiff.tui.review import run_review

        return run_review(args.paths, marks)
    with marks:
        from storydiff.core.review.inbox import Inbox
        from storydiff.core.review.queue import (LIST_MAX_ARTICLES, build_queue,
                                                 conflict_counts, row_dict, worth_comparing)
        from storydiff.core.review.stories import find_stories

        inbox = Inbox(args.paths)
        inbox.refresh()
        _report_errors(inbox.errors)
        articles = inbox.articles
        if not articles and inbox.errors:
            print("storydiff: no articles could be read", file=sys.stderr)
            return 1
        stories = find_stories(articles, moves=marks.moves())
        rows = build_queue(stories, marks)
        everything = args.conflicts == "all"
        todo = worth_comparing(rows, None if everything else int(args.conflicts),
                               None if everything else LIST_MAX_ARTICLES)
        conflicts = dict(conflict_counts(todo))
        rows = build_queue(stories, marks, conflicts)
    if args.json:
        import json

        json.dump({"stories": [row_dict(row) for row in rows],
                   "articles": len(articles),
                   "errors": [str(e) for e in inbox.errors]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_queue_table(rows))
    return 0


def _queue_table(rows: Sequence[object]) -> str:
    """The review queue as a plain-text table sized to the terminal."""
    import shutil

    from storydiff.core.review.queue import QueueRow, date_span

    # Titles are cut to the terminal's width on screen, never in a pipe (scripts want it all).
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 10_000
    header = f"{'#':>4}  {'STATUS':<8} {'ARTS':>4} {'NEW':>4} {'TODO':>4} {'CONFL':>5}  " \
             f"{'DATES':<23} {'OUTLETS':<24} TITLE"
    lines = [header]
    for n, row in enumerate(rows, 1):
        assert isinstance(row, QueueRow)
        outlets = ", ".join(row.story.outlets) or "-"
        if len(outlets) > 24:
            outlets = outlets[:23] + "…"
        conflicts = ("-" if row.size == 1 else "?") if row.conflicts is None \
            else str(row.conflicts)
        line = (f"{n:>4}  {row.status:<8} {row.size:>4} {row.new:>4} {row.unreviewed:>4} "
                f"{conflicts:>5}  {date_span(row.story):<23} {outlets:<24} ")
        title = " ".join(row.story.title.split())
        room = max(width - len(line), 30)
        lines.append(line + (title if len(title) <= room else title[:room - 1] + "…"))
    return "\n".join(lines) + "\n"
