"""The ``storydiff`` command.

    storydiff PATHS…                     open the comparison in the terminal app
    storydiff compare PATHS… [--format json|md] [-o FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storydiff import __version__

FORMATS = ("json", "md")


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
    cmp.add_argument("-f", "--format", choices=FORMATS, default="json",
                     help="report format (default: json)")
    cmp.add_argument("-o", "--output", metavar="FILE", default="-",
                     help="write the report to FILE ('-', the default, is standard output)")
    cmp.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = {"view", "compare", "-h", "--help", "--version"}
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


def _compare(args: argparse.Namespace) -> int:
    from storydiff.core.report import compare

    report = compare(args.paths)
    _report_errors(report.errors)
    if not report.articles:
        print("storydiff: no articles could be read", file=sys.stderr)
        return 1
    if args.format == "json":
        from storydiff.core.export.json import dumps

        text = dumps(report)
    else:
        from storydiff.core.export.markdown import render

        text = render(report)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    from storydiff.core.export.files import ExportError, write_atomic

    try:
        write_atomic(args.output, text.encode("utf-8"), force=args.force)
    except ExportError as exc:
        print(f"storydiff: {exc}", file=sys.stderr)
        return 1
    print(f"storydiff: wrote {args.output}", file=sys.stderr)
    return 0


def _view(args: argparse.Namespace) -> int:
    from storydiff.tui.app import run  # Textual is imported only when the app opens

    return run(args.paths)
