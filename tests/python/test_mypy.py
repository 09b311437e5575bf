"""The package type-checks under mypy --strict (config in pyproject.toml [tool.mypy])."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_mypy_strict_clean() -> None:
    env = dict(os.environ, SKBUILD_EDITABLE_VERBOSE="0", MYPYPATH=str(ROOT / "python"))
    proc = subprocess.run([sys.executable, "-m", "mypy", "-p", "chitieu"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success" in proc.stdout
