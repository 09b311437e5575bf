"""The version is written once (CMakeLists.txt's project(VERSION)); every place reports it."""
from __future__ import annotations

import importlib.metadata
import re

import chitieu
from chitieu import _core
from conftest import ROOT, run_cli_process


def _cmake_version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(chitieu VERSION ([0-9]+\.[0-9]+\.[0-9]+)", text)
    assert match is not None
    return match.group(1)


def test_one_version_everywhere() -> None:
    version = _cmake_version()
    assert version == "0.2.0"
    assert chitieu.__version__ == _core.__version__ == version
    assert importlib.metadata.version("chitieu") == version


def test_cli_version_flag(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run_cli_process(["--version"], tmp_path)
    assert (r.code, r.out.strip()) == (0, f"chitieu {_cmake_version()}")
