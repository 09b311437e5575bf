"""Writes la-gi-observations-by-code.csv: the illustrative La Gi sample keyed by official codes.

ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS (see data/README.md). Each
area id of la-gi-observations.csv is replaced by its GSO code from
data/areas/la-gi.csv (594 for the town, 2323x/2324x/23268 for the units), as a
statistics office would key the data; read it with area_key="code" (CLI:
--area-key code): a code and a year name the unit (23235 is phường Tân An up
to 2024, phường La Gi from 2025). Standard library only; the same file byte
for byte on every run.
"""
from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = """# ILLUSTRATIVE SAMPLE DATA, NOT OFFICIAL STATISTICS.
# la-gi-observations.csv keyed by GSO codes (made by data/sample/make_la_gi_by_code.py): evaluate
# with area_key="code" (CLI: --area-key code) and data/areas/la-gi.csv. See data/README.md.
"""


def main() -> None:
    with open(HERE.parent / "areas" / "la-gi.csv", encoding="utf-8", newline="") as f:
        code_of = {row["id"]: row["code"] for row in csv.DictReader(f)}
    with open(HERE / "la-gi-observations.csv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.reader(lines))
    area = rows[0].index("area")
    for row in rows[1:]:
        row[area] = code_of[row[area]]
    with open(HERE / "la-gi-observations-by-code.csv", "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        csv.writer(f, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()
