"""The ``chitieu`` command line (every verb and flag in docs/cli.md).

Exit codes: 0 success; 2 bad input (a message naming the file, line and field
on stderr, no traceback); 1 when an output cannot be written.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import TYPE_CHECKING, Iterator, List, Optional

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from chitieu._core import __version__

if TYPE_CHECKING:
    from chitieu.evaluation import Evaluation

__all__ = ["build_parser", "main"]

_PIPE_WIDTH = 160
_FILE_FORMATS = ("html", "xlsx", "docx")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every verb."""
    parser = argparse.ArgumentParser(
        prog="chitieu", description="Evaluate data against the typed targets of a social-policy plan.")
    parser.add_argument("--version", action="version", version=f"chitieu {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    demo = verbs.add_parser("demo", help="evaluate the built-in La Gi plan on the illustrative sample data")
    demo.add_argument("--output", default="out", metavar="DIR", help="where the reports go (default: out)")
    demo.add_argument("--lang", choices=("vi", "en"), default="vi", help="report language (default: vi)")

    ev = verbs.add_parser("evaluate", help="evaluate observations against a plan")
    ev.add_argument("--plan", required=True, metavar="ID|FILE", help="an embedded plan id or a plan file")
    ev.add_argument("--data", required=True, metavar="CSV", help="observations: indicator, area, year, value, ...")
    ev.add_argument("--areas", metavar="CSV", help="areas: id, code, name, level, parent, valid_from, valid_to")
    ev.add_argument("--crosswalk", metavar="CSV", help="crosswalk: from, to, share, date (needs --geography)")
    ev.add_argument("--geography", metavar="DATE", help="express every year on the units valid at DATE")
    ev.add_argument("--year", type=int, metavar="Y", help="evaluate with data up to year Y")
    ev.add_argument("--method", choices=("chitieu", "open_sdg", "sdsn"), default="chitieu",
                    help="pace method (default: chitieu)")
    ev.add_argument("--format", choices=("table", "csv", "json", "html", "xlsx", "docx"), default="table",
                    help="output format (default: table); docx is the Word review of one area and year")
    ev.add_argument("--kind", choices=("so-ket", "tong-ket"), default="so-ket",
                    help="the Word review: so-ket (mid-term) or tong-ket (final) (default: so-ket)")
    ev.add_argument("--lang", choices=("vi", "en"), default="vi", help="labels (default: vi)")
    ev.add_argument("--output", metavar="PATH", help="write to PATH (required for html, xlsx and docx)")
    ev.add_argument("--all-errors", action="store_true",
                    help="check every input first and report every problem, not only the first")

    plan = verbs.add_parser("plan", help="show, validate or compare plans")
    plan_verbs = plan.add_subparsers(dest="plan_verb", required=True, metavar="show|validate|compare")
    show = plan_verbs.add_parser("show", help="print a plan")
    show.add_argument("plan", metavar="ID|FILE")
    show.add_argument("--format", choices=("json", "table"), default="table", help="(default: table)")
    validate = plan_verbs.add_parser("validate", help="check a plan file and list every problem")
    validate.add_argument("file", metavar="FILE")
    compare = plan_verbs.add_parser("compare", help="compare two plans indicator by indicator")
    compare.add_argument("a", metavar="A", help="plan id or file")
    compare.add_argument("b", metavar="B", help="plan id or file")

    parse = verbs.add_parser("parse-target", help="read a target phrase")
    parse.add_argument("phrase", metavar="PHRASE")
    parse.add_argument("--direction", choices=("higher", "lower", "none"), default="higher",
                       help="the sense of a bare number (default: higher)")
    parse.add_argument("--format", choices=("json", "text"), default="text", help="(default: text)")
    return parser


@contextlib.contextmanager
def _steps(err: Console) -> Iterator[Progress]:
    """A transient progress display on a terminal's stderr (nothing otherwise)."""
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    with progress:
        yield progress


def _step(progress: Progress, text: str) -> None:
    for task in progress.tasks:
        progress.update(task.id, completed=1, total=1)
    progress.add_task(text, total=None)


def _write(text: str, output: Optional[str], out: Console) -> None:
    if output is None:
        out.file.write(text)
        out.file.flush()
    else:
        with open(output, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def _evaluate(args: argparse.Namespace, out: Console, err: Console) -> int:
    import chitieu
    from chitieu import cli_render
    from chitieu.errors import ChitieuError

    if (args.crosswalk is None) != (args.geography is None):
        flag, other = ("--crosswalk", "--geography") if args.geography is None else ("--geography", "--crosswalk")
        raise ChitieuError(f"{flag} needs {other}: give both to use the units valid at a date, "
                           "or neither for historical geography")
    if args.format in _FILE_FORMATS and args.output is None:
        raise ChitieuError(f"--format {args.format} needs --output PATH (the file to write)")
    with _steps(err) as progress:
        _step(progress, "plan")
        plan = args.plan if args.all_errors else chitieu.load_plan(args.plan)  # collect mode reads the file
        _step(progress, f"evaluating {args.data}")
        ev = chitieu.evaluate(plan, args.data, areas=args.areas, crosswalk=args.crosswalk,
                              geography=args.geography, year=args.year, method=args.method,
                              errors="collect" if args.all_errors else "raise")
        _step(progress, "writing")
        if args.format == "csv":
            _write(cli_render.evaluation_csv(ev.to_frame()), args.output, out)
        elif args.format == "json":
            _write(cli_render.evaluation_json(ev.to_frame()), args.output, out)
        elif args.format == "html":
            ev.to_html(args.output, lang=args.lang)
        elif args.format == "xlsx":
            ev.to_excel(args.output, lang=args.lang)
        elif args.format == "docx":
            ev.to_docx(args.output, year=args.year, lang=args.lang, kind=args.kind)
    _report_findings(ev, err)
    if args.format in _FILE_FORMATS:
        err.print(f"wrote {args.output}")
    elif args.format == "table":
        _print_review(ev, args.lang, args.year, out if args.output is None else None, args.output)
    return 0


def _report_findings(ev: Evaluation, err: Console) -> None:
    """Say on stderr what the review noticed (a parent's own observation differing from its
    aggregate, a part above its whole): docs/aggregation.md asks that the difference be reported, and
    the csv/json rows carry only the winning value."""
    for message in ev.findings["message"]:
        err.print(f"chitieu: note: {message}", markup=False, highlight=False, soft_wrap=True)


def _print_review(ev: Evaluation, lang: str, year: Optional[int], out: Optional[Console],
                  output: Optional[str]) -> None:
    from chitieu import cli_render

    summary = ev.summary(year=year)
    area, when = summary.attrs["area"], summary.attrs["year"]
    tables = [cli_render.review_table(ev.to_frame(), ev.plan, area, when, lang),
              cli_render.summary_table(summary, lang)]
    if output is None and out is not None:
        for t in tables:
            out.print(t)
    elif output is not None:
        with open(output, "w", encoding="utf-8") as f:
            plain = Console(file=f, width=160, no_color=True, force_terminal=False)
            for t in tables:
                plain.print(t)


def _plan_verb(args: argparse.Namespace, out: Console, err: Console) -> int:
    import chitieu
    from chitieu import _core, cli_render
    from chitieu.errors import PlanError

    if args.plan_verb == "show":
        plan = chitieu.load_plan(args.plan)
        if args.format == "json":
            _write(json.dumps(plan.to_dict(), ensure_ascii=False, indent=1) + "\n", None, out)
        else:
            out.print(cli_render.plan_table(plan))
        return 0
    if args.plan_verb == "validate":
        if not os.path.isfile(args.file):
            raise PlanError("no such plan file", args.file)
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
        problems = _core.plan_file_problems(text, args.file)
        for problem in problems:
            print(str(problem), file=sys.stderr)
        if problems:
            print(f"{args.file}: {len(problems)} problem{'s' if len(problems) > 1 else ''}", file=sys.stderr)
            return 2
        plan = _core.parse_plan(text, args.file)
        _write(f"{args.file}: ok — plan {plan.id}, {len(plan.domains)} domains, "
               f"{len(plan.indicators)} indicators\n", None, out)
        return 0
    from chitieu.compare import compare_plans

    frame = compare_plans(chitieu.load_plan(args.a), chitieu.load_plan(args.b))
    shown = [c for c in ("a_indicator", "a_target", "b_indicator", "b_target", "stricter", "reason")
             if c in frame.columns]
    out.print(cli_render.frame_table(frame[shown] if shown else frame, title=f"{args.a} ↔ {args.b}",
                                     no_wrap=("a_indicator", "b_indicator")))
    return 0


def _parse_target(args: argparse.Namespace, out: Console) -> int:
    import chitieu
    from chitieu import cli_render

    target = chitieu.parse_target(args.phrase, direction=args.direction)
    if args.format == "json":
        _write(json.dumps(cli_render.target_dict(target), ensure_ascii=False) + "\n", None, out)
    else:
        _write(cli_render.target_text(target) + "\n", None, out)
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit code (0 success, 2 bad input, 1 output not written)."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    out = Console(highlight=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out = Console(highlight=False, width=_PIPE_WIDTH)  # tables piped to a file: wide, not 80 columns
    err = Console(stderr=True, highlight=False)
    from chitieu.errors import ChitieuError

    try:
        if args.verb == "demo":
            from chitieu.demo import run_demo

            return run_demo(args.output, args.lang, out)
        if args.verb == "evaluate":
            return _evaluate(args, out, err)
        if args.verb == "plan":
            return _plan_verb(args, out, err)
        return _parse_target(args, out)
    except ValueError as exc:  # ChitieuError and the core's ValueErrors: bad input
        message = str(exc) if isinstance(exc, ChitieuError) else f"error: {exc}"
        print(f"chitieu: {message}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"chitieu: cannot write: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
