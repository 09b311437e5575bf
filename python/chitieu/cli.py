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
    import pandas as pd

    from chitieu.errors import ChitieuError
    from chitieu.evaluation import Evaluation
    from chitieu.plans import PlanSource

__all__ = ["build_parser", "main"]

_PIPE_WIDTH = 160
_FILE_FORMATS = ("html", "xlsx", "docx")


_EXAMPLES = {
    "demo": """examples:
  chitieu demo                       # review in Vietnamese, reports in ./out
  chitieu demo --lang en --output review""",
    "evaluate": """examples:
  chitieu evaluate --plan la-gi-2024 --data obs.csv --areas areas.csv
  chitieu evaluate --plan la-gi-2024 --data obs.csv --format csv --output ev.csv
  chitieu evaluate --plan la-gi-2024 --data obs.csv --areas areas.csv --format docx --output bao-cao.docx
  chitieu evaluate --plan plan.toml --data obs.csv --year 2024 --lang en --format html --output r.html
  chitieu evaluate --plan la-gi-2024 --data 'obs/*.parquet' --areas areas.csv --scheduler processes \
      --format parquet --output 'out/rows-*.parquet'""",
    "plan": """examples:
  chitieu plan list
  chitieu plan show la-gi-2024
  chitieu plan validate my-plan.toml
  chitieu plan compare la-gi-2024 binh-thuan-2024""",
    "parse-target": """examples:
  chitieu parse-target "trên 80%"
  chitieu parse-target "2%" --direction lower --format json
  chitieu parse-target 'tăng từ 2,0 đến 2,6 lần so với năm 2020'""",
}


def _verb(verbs: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str,
          epilog: Optional[str] = None) -> argparse.ArgumentParser:
    return verbs.add_parser(name, help=help_text, epilog=epilog or _EXAMPLES.get(name),
                            formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every verb; each verb's help ends with examples."""
    parser = argparse.ArgumentParser(
        prog="chitieu", description="Evaluate data against the typed targets of a social-policy plan.",
        epilog="examples:\n  chitieu demo\n  chitieu evaluate --plan la-gi-2024 --data obs.csv\n"
               "  chitieu plan list\n(chitieu VERB --help shows each verb's own examples)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"chitieu {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    demo = _verb(verbs, "demo", "evaluate the built-in La Gi plan on the illustrative sample data")
    demo.add_argument("--output", default="out", metavar="DIR", help="where the reports go (default: out)")
    demo.add_argument("--lang", choices=("vi", "en"), default="vi", help="report language (default: vi)")
    demo.add_argument("--national", action="store_true",
                      help="every commune of one province before and after the 2025 reform (needs chitieu[vn])")
    demo.add_argument("--province", default="68", metavar="CODE",
                      help="with --national: the GSO code of a province since 2025-07-01 (default: 68, Lâm Đồng)")

    ev = _verb(verbs, "evaluate", "evaluate observations against a plan")
    ev.add_argument("--plan", required=True, metavar="ID|FILE", help="an embedded plan id or a plan file")
    ev.add_argument("--data", required=True, metavar="CSV", help="observations: indicator, area, year, value, ...")
    ev.add_argument("--areas", metavar="CSV", help="areas: id, code, name, level, parent, valid_from, valid_to")
    ev.add_argument("--crosswalk", metavar="CSV", help="crosswalk: from, to, share, date (needs --geography)")
    ev.add_argument("--geography", metavar="DATE", help="express every year on the units valid at DATE")
    ev.add_argument("--year", type=int, metavar="Y", help="evaluate with data up to year Y")
    ev.add_argument("--method", choices=("chitieu", "open_sdg", "sdsn"), default="chitieu",
                    help="pace method (default: chitieu)")
    ev.add_argument("--format", choices=("table", "csv", "json", "html", "xlsx", "docx", "parquet"), default="table",
                    help="output format (default: table); docx is the Word review of one area and year; parquet "
                         "(with --scheduler): the rows written by the Dask workers, --output 'dir/rows-*.parquet'")
    ev.add_argument("--kind", choices=("so-ket", "tong-ket"), default="so-ket",
                    help="the Word review: so-ket (mid-term) or tong-ket (final) (default: so-ket)")
    ev.add_argument("--lang", choices=("vi", "en"), default="vi", help="labels (default: vi)")
    ev.add_argument("--output", metavar="PATH", help="write to PATH (required for html, xlsx and docx)")
    ev.add_argument("--area-key", choices=("id", "code"), default="id",
                    help="the data's area column holds area ids (default) or official codes, resolved by year "
                         "(needs --areas)")
    ev.add_argument("--layout", choices=("long", "wide"), default="long",
                    help="data: one row per observation (default) or one column per year")
    ev.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx workbook to read")
    ev.add_argument("--encoding", metavar="NAME", help="the encoding of CSV files (default: UTF-8, else "
                    "Windows-1258, detected), e.g. utf-8, cp1258")
    ev.add_argument("--decimal", choices=(".", ","), default=".", help="the decimal mark of the data (default: .)")
    ev.add_argument("--header-row", metavar="N", type=int,
                    help="the line (CSV) or sheet row (.xlsx) of the data's header, for a table under a title or "
                         "notes (default: the first line that is not a # comment)")
    ev.add_argument("--indicators", metavar="ID,ID", help="evaluate and summarise only these indicators")
    ev.add_argument("--area", metavar="ID", help="the area summarised and reported (default: the plan's area)")
    ev.add_argument("--scheduler", metavar="threads|processes|ADDRESS",
                    help="evaluate with Dask (needs chitieu[dask]): --data is then a path or glob of Parquet or "
                         "CSV files; threads, processes, or the address of a dask.distributed scheduler")
    ev.add_argument("--all-errors", action="store_true",
                    help="check every input first and report every problem, not only the first")

    plan = _verb(verbs, "plan", "list, show, validate or compare plans")
    plan_verbs = plan.add_subparsers(dest="plan_verb", required=True, metavar="list|show|validate|compare")
    _verb(plan_verbs, "list", "the plans built into chitieu", "example:\n  chitieu plan list")
    show = _verb(plan_verbs, "show", "print a plan", "examples:\n  chitieu plan show la-gi-2024\n"
                 "  chitieu plan show my-plan.toml --format json")
    show.add_argument("plan", metavar="ID|FILE")
    show.add_argument("--format", choices=("json", "table"), default="table", help="(default: table)")
    validate = _verb(plan_verbs, "validate", "check a plan file and list every problem",
                     "example:\n  chitieu plan validate my-plan.toml")
    validate.add_argument("file", metavar="FILE")
    compare = _verb(plan_verbs, "compare", "compare two plans indicator by indicator",
                    "example:\n  chitieu plan compare la-gi-2024 binh-thuan-2024")
    compare.add_argument("a", metavar="A", help="plan id or file")
    compare.add_argument("b", metavar="B", help="plan id or file")

    from chitieu.geography.command import add_geography_parser

    add_geography_parser(verbs)

    parse = _verb(verbs, "parse-target", "read a target phrase")
    parse.add_argument("phrase", metavar="PHRASE")
    parse.add_argument("--direction", choices=("higher", "lower", "none"), default=None,
                       help="the indicator's direction, the sense of a bare number (default: implied by the words)")
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
    if args.scheduler is not None and args.header_row is not None:
        raise ChitieuError("--header-row is not available with --scheduler: Dask reads the files with their header "
                           "on the first line; remove the rows above the header, or run without --scheduler")
    if args.scheduler is not None and args.all_errors:
        raise ChitieuError("--all-errors is not available with --scheduler: each partition reports its first "
                           "problem; run without --scheduler to list every problem")
    if args.format in _FILE_FORMATS and args.output is None:
        raise ChitieuError(f"--format {args.format} needs --output PATH (the file to write)")
    if args.format == "parquet" and (args.scheduler is None or args.output is None):
        raise ChitieuError("--format parquet is written by Dask workers: it needs --scheduler and --output PATTERN, "
                           "the files to write with one '*' for the partition number (e.g. --output "
                           "'out/rows-*.parquet'); without Dask use --format csv")
    with _steps(err) as progress:
        _step(progress, "plan")
        plan = args.plan if args.all_errors else chitieu.load_plan(args.plan)  # collect mode reads the file
        _step(progress, f"evaluating {args.data}")
        indicators = None if args.indicators is None else args.indicators.split(",")
        data: object = args.data
        try:
            if args.format == "parquet":
                return _evaluate_to_parquet(args, plan, indicators, err)
            if args.scheduler is not None:
                from chitieu.dask import evaluate_files

                ev = evaluate_files(plan, args.data, args.scheduler, areas=args.areas, crosswalk=args.crosswalk,
                                    geography=args.geography, year=args.year, method=args.method,
                                    area_key=args.area_key, indicators=indicators)
            else:
                data, areas, crosswalk = _inputs(args)
                ev = chitieu.evaluate(plan, data, areas=areas, crosswalk=crosswalk,
                                      geography=args.geography, year=args.year, method=args.method,
                                      errors="collect" if args.all_errors else "raise", area_key=args.area_key,
                                      indicators=indicators)
        except ChitieuError as exc:
            raise _with_hint(exc, args) from None
        _refuse_an_empty_year(args, data, len(ev.to_frame()))
        _step(progress, "writing")
        if args.format == "csv":
            _write(cli_render.evaluation_csv(ev.to_frame()), args.output, out)
        elif args.format == "json":
            _write(cli_render.evaluation_json(ev.to_frame()), args.output, out)
        elif args.format == "html":
            ev.to_html(args.output, lang=args.lang, area=args.area, year=args.year)
        elif args.format == "xlsx":
            ev.to_excel(args.output, lang=args.lang, area=args.area, year=args.year)
        elif args.format == "docx":
            ev.to_docx(args.output, area=args.area, year=args.year, lang=args.lang, kind=args.kind)
    _report_findings(ev.findings, err)
    if args.format in _FILE_FORMATS:
        err.print(f"wrote {args.output}")
    elif args.format == "table":
        _print_review(ev, args.lang, args.year, out if args.output is None else None, args.output, args.area)
    return 0


def _evaluate_to_parquet(args: argparse.Namespace, plan: PlanSource, indicators: Optional[List[str]],
                         err: Console) -> int:
    """``evaluate --scheduler S --format parquet --output PATTERN``: the rows written by the workers, the
    findings and the files reported on stderr."""
    from chitieu.dask import evaluate_files_to_parquet

    written = evaluate_files_to_parquet(plan, args.data, args.scheduler, args.output, areas=args.areas,
                                        crosswalk=args.crosswalk, geography=args.geography, year=args.year,
                                        method=args.method, area_key=args.area_key, indicators=indicators)
    _refuse_an_empty_year(args, args.data, written.rows)
    _report_findings(written.findings, err)
    err.print(f"wrote {written.rows} rows to {len(written.files)} files {args.output}", markup=False,
              highlight=False)
    return 0


def _inputs(args: argparse.Namespace) -> tuple[object, object, object]:
    """The data, areas and crosswalk of ``evaluate``: paths, or frames read with --layout, --sheet,
    --header-row, --encoding and --decimal (each frame keeps its file's lines and cells for messages)."""
    import chitieu
    from chitieu import io

    data: object = args.data
    if (args.layout, args.sheet, args.encoding, args.decimal, args.header_row) != ("long", None, None, ".", None):
        data = chitieu.read_observations(args.data, layout=args.layout, sheet=args.sheet, decimal=args.decimal,
                                         encoding=args.encoding, header_row=args.header_row)
    if args.encoding is None:
        return data, args.areas, args.crosswalk
    areas = None if args.areas is None else io.read_areas(args.areas, encoding=args.encoding).located()
    walk = None if args.crosswalk is None else io.read_crosswalk(args.crosswalk, encoding=args.encoding).located()
    return data, areas, walk


def _with_hint(exc: ChitieuError, args: argparse.Namespace) -> ChitieuError:
    """``exc`` with "did you mean" added when it names an unknown indicator or area id close to a
    known one (the plan's indicators, the areas file's ids)."""
    import chitieu
    from chitieu.cli_hints import did_you_mean
    from chitieu.errors import ChitieuError
    from chitieu.io import read_areas, text_column

    try:
        indicators = [i.id for i in chitieu.load_plan(args.plan).indicators]
        areas = text_column(read_areas(args.areas), "id") if args.areas else []
    except (ValueError, OSError):
        return exc  # the plan or areas are themselves unreadable: the error stands as it is
    hint = did_you_mean(str(exc), indicators, areas)
    if not hint or type(exc).__init__ is not ChitieuError.__init__:  # a list of errors stays as it is
        return exc
    return type(exc)(exc.message + hint, file=exc.file, line=exc.line, field=exc.field, column=exc.column,
                     related_line=exc.related_line)


def _refuse_an_empty_year(args: argparse.Namespace, data: object, rows: int) -> None:
    """``--year`` before every observation gives no row: refused, naming the years the data hold."""
    from chitieu.errors import ChitieuError

    if args.year is not None and rows == 0:
        years = _files_years(args.data) if args.scheduler is not None else _data_years(data)
        raise ChitieuError(f"--year {args.year}: the data hold no observation up to {args.year}; years in "
                           f"{args.data}: {years}", field="year")


def _files_years(pattern: str) -> str:
    """The years of the observation files of ``--scheduler`` (a path or glob), as ranges (read here, on
    threads, whatever client exists)."""
    from chitieu.dask import read_files
    from chitieu.dask_shuffle import built_for
    from chitieu.evaluation import years_note

    with built_for("threads"):
        return years_note(read_files(pattern)["year"].dropna().unique().compute())


def _data_years(data: object) -> str:
    """The years of the observations (a path or the frame already read), as ranges."""
    import chitieu
    from chitieu.evaluation import years_note

    return years_note(chitieu.read_observations(data)["year"].dropna())


def _report_findings(findings: pd.DataFrame, err: Console) -> None:
    """Say on stderr what the review noticed (a parent's own observation differing from its
    aggregate, a part above its whole): docs/aggregation.md asks that the difference be reported, and
    the csv/json rows carry only the winning value."""
    for message in findings["message"]:
        err.print(f"chitieu: note: {message}", markup=False, highlight=False, soft_wrap=True)


def _print_review(ev: Evaluation, lang: str, year: Optional[int], out: Optional[Console],
                  output: Optional[str], area: Optional[str] = None) -> None:
    from chitieu import cli_render

    summary = ev.summary(area=area, year=year)
    where, when = summary.attrs["area"], summary.attrs["year"]
    tables: List[object] = [cli_render.review_table(ev.to_frame(), ev.plan, where, when, lang),
                            cli_render.summary_table(summary, lang)]
    if summary.attrs["indicators"] != summary.attrs["plan_indicators"]:
        tables.append(f"{summary.attrs['indicators']} of the plan's {summary.attrs['plan_indicators']} indicators "
                      "(--indicators)")
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

    if args.plan_verb == "list":
        out.print(cli_render.plans_table([chitieu.load_plan(p) for p in _core.embedded_plan_ids()]))
        return 0
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
    if frame.empty:
        _write(f"{args.a} ↔ {args.b}: nothing to compare — no indicator of one plan names an indicator of "
               f"the other in aligns_with (\"plan-id/indicator-id\"); link them in a plan file "
               "(docs/plan-format.md, \"The cascade\")\n", None, out)
        return 0
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
        if args.verb == "demo" and args.national:
            from chitieu.geography.national_demo import run_national_demo

            return run_national_demo(args.output, args.lang, args.province, out)
        if args.verb == "demo":
            from chitieu.demo import run_demo

            return run_demo(args.output, args.lang, out)
        if args.verb == "evaluate":
            return _evaluate(args, out, err)
        if args.verb == "plan":
            return _plan_verb(args, out, err)
        if args.verb == "geography":
            from chitieu.geography.command import run_geography

            return run_geography(args, err)
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
