"""``chitieu geography vietnam --areas FILE --crosswalk FILE``: the ready-made tables written to files."""
from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_geography_parser", "run_geography"]


def add_geography_parser(verbs: Any) -> None:
    """Add the ``geography`` verb (sub-verb ``vietnam``) to the CLI's sub-parsers."""
    geo = verbs.add_parser("geography", help="write a ready-made areas table and crosswalk")
    which = geo.add_subparsers(dest="geography_verb", required=True, metavar="vietnam")
    vn = which.add_parser("vietnam", help="Viet Nam before and after the 1 July 2025 reform (needs chitieu[vn])")
    vn.add_argument("--areas", required=True, metavar="FILE", help="where to write the areas (.csv or .parquet)")
    vn.add_argument("--crosswalk", required=True, metavar="FILE",
                    help="where to write the crosswalk (.csv or .parquet)")
    vn.add_argument("--shares", metavar="FILE",
                    help="from, to, share: shares (e.g. by population) replacing the equal shares of divided units")
    vn.add_argument("--basis", default="population", metavar="NAME",
                    help="the basis recorded for --shares (default: population)")


def _write(frame: Any, path: str) -> None:
    if path.lower().endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def run_geography(args: argparse.Namespace, err: Any) -> int:
    """Write the tables the arguments ask for; say what was written on ``err`` (a rich Console); returns 0."""
    from chitieu.geography import vietnam

    areas, crosswalk = vietnam(shares=args.shares, basis=args.basis)
    _write(areas, args.areas)
    _write(crosswalk, args.crosswalk)
    err.print(f"wrote {len(areas)} areas to {args.areas} and {len(crosswalk)} links to {args.crosswalk} "
              f"(from {areas.attrs['source']})", markup=False, highlight=False)
    return 0
