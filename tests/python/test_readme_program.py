"""The README's C++ program is examples/downstream-cpp/review_one_row.cpp, which CTest builds and runs."""
from __future__ import annotations

import re

from conftest import ROOT


def test_readme_shows_the_built_program_under_30_lines() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    program = (ROOT / "examples" / "downstream-cpp" / "review_one_row.cpp").read_text(encoding="utf-8")
    blocks = re.findall(r"```cpp\n(.*?)```", readme, re.S)
    assert program in blocks
    assert len(program.splitlines()) < 30
