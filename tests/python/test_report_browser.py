"""The HTML report in a real browser: Debian's headless chromium loads the file, its DOM is
checked, a screenshot is taken, and the network log proves the page fetched nothing.

Uses the La Gi plan file (plans/la-gi-2024.toml, 40 indicators) when present, else the small
fixture plan. Skips only when no chromium is installed.
"""
from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
from typing import Any

import pytest

import report_fixtures as F
from chitieu.report import write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (scripts/setup.sh installs it)")


def _chromium(tmp: pathlib.Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         f"--user-data-dir={tmp / 'profile'}", *extra, url],
        capture_output=True, text=True, timeout=180, check=True)


def _page_requests(netlog: pathlib.Path) -> list[str]:
    """URLs the page itself requested: requests whose network isolation key is the file://
    document (chromium's own background requests carry another key)."""
    log: dict[str, Any] = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"]
            if e["type"] == start and "url" in e.get("params", {})
            and str(e["params"].get("network_isolation_key", "")).startswith("file://")
            and not e["params"]["url"].startswith("file:")]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, dict[str, Any]]:
    toml = F.toml_plan()
    plan = toml if toml is not None else F.plan()
    frame = F.synthetic_frame(toml) if toml is not None else F.frame()
    summary = F.summary(frame, plan)
    path = tmp_path_factory.mktemp("browser") / "bao-cao-la-gi.html"
    write_html(path, frame, plan, summary, F.findings(), lang="vi")
    return path, plan


def test_chromium_renders_the_report(report: tuple[pathlib.Path, dict[str, Any]],
                                     tmp_path: pathlib.Path) -> None:
    path, plan = report
    netlog = tmp_path / "net.json"
    dom = _chromium(tmp_path, path.as_uri(), f"--log-net-log={netlog}", "--dump-dom").stdout
    title = plan["plan"]["title"]["vi"]
    assert f"<h1>{title}</h1>" in dom
    assert '<html lang="vi">' in dom
    for word in ("Vượt", "Đạt", "Không đạt", "Chưa có số liệu", "Chưa đánh giá"):
        assert f">{word}</span>" in dom
    assert dom.count('<article class="indicator"') == len(plan["indicators"])
    assert dom.count("<svg") >= 2  # domain bars and the area dashboard at least
    assert not re.search(r'(?:src|href)\s*=\s*"https?://', dom)
    assert _page_requests(netlog) == []


def test_network_check_sees_an_external_image(tmp_path: pathlib.Path) -> None:
    """Control: the same check reports a page that does fetch something."""
    page = tmp_path / "external.html"
    page.write_text('<html><body><img src="https://example.invalid/x.png"></body></html>',
                    encoding="utf-8")
    netlog = tmp_path / "net.json"
    _chromium(tmp_path, page.as_uri(), f"--log-net-log={netlog}", "--dump-dom")
    assert _page_requests(netlog) == ["https://example.invalid/x.png"]


def test_chromium_screenshot(report: tuple[pathlib.Path, dict[str, Any]],
                             tmp_path: pathlib.Path) -> None:
    path, _ = report
    shot = tmp_path / "report.png"
    _chromium(tmp_path, path.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    # IHDR: width and height as big-endian 32-bit integers at bytes 16-24
    assert int.from_bytes(data[16:20], "big") == 1280
    assert int.from_bytes(data[20:24], "big") == 2000
    assert len(data) > 50_000  # a rendered page, not a blank one
