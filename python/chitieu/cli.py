"""The ``chitieu`` command line (DESIGN.md §3)."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 success, 2 bad input)."""
    args = sys.argv[1:] if argv is None else argv
    print("chitieu: commands are being built", args, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
