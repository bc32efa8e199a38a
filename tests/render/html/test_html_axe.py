"""axe-core in a real browser: the HTML edition of the seed and of every example case has no WCAG 2.1 A/AA violation.

Headless Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by selenium opens each case study and
teaching note from disk at a phone's width (375 px) and a desktop's (1280 px) and runs axe-core with the tags
wcag2a, wcag2aa, wcag21a and wcag21aa. One browser serves every file. axe-core comes from npm
(``npm install axe-core``, as ``.ci/run`` does); ``CASEBOOK_AXE_JS`` may name another copy of ``axe.min.js``.

Without a browser or axe-core the test is skipped on a developer's machine, and fails in CI (``CI`` set).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, SHARED

pytestmark = pytest.mark.slow  # headless Chromium

WIDTHS = (375, 1280)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; .ci/run installs it")
    pytest.skip(f"{what} is not installed (.ci/run installs it)")


def _axe_source() -> str:
    for candidate in (os.environ.get("CASEBOOK_AXE_JS"), ROOT / "node_modules" / "axe-core" / "axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    _missing("axe-core (npm install axe-core)")
    raise AssertionError  # not reached


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        _missing("Chromium and its driver (apt-get install chromium chromium-driver)")
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(argument)
    options.binary_location = binary
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_script_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[Path]:
    """The HTML edition of the seed and of every example case (their .txt files)."""
    root = tmp_path_factory.mktemp("axe")
    cases = root / "cases"
    shutil.copytree(SEEDS / "closeness", cases / "closeness")
    examples = sorted(p for p in (SHARED / "examples").glob("*") if p.is_dir())
    for example in examples:
        (cases / example.name).mkdir()
        for path in example.glob("*.txt"):
            shutil.copy(path, cases / example.name / path.name)
    out = root / "out"
    result = subprocess.run([sys.executable, "-m", "casebook", "build", str(cases), "--format", "html", "--out", str(out),
                             "--quiet"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    found = sorted(out.glob("*/*.html"))
    assert len(found) == 2 * (len(examples) + 1)
    return found


def _run_axe(driver, axe: str, path: Path, width: int) -> list[dict]:
    driver.set_window_size(width, 900)
    driver.get(path.resolve().as_uri())
    driver.execute_script(axe)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(done, e => done({error: String(e)}));",
        TAGS,
    )
    assert "error" not in result, result
    assert result["passes"], path  # axe ran its rules
    return result["violations"]


def test_axe_reports_a_page_that_breaks_the_rules(browser, tmp_path):
    """The check itself: a page with an image without text, an unnamed link and grey on white is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="data:,">'
                   '<a href="#x"></a><p style="color:#BBBBBB;background:#FFFFFF">faint</p></main></body></html>',
                   encoding="utf-8")
    found = {v["id"] for v in _run_axe(browser, _axe_source(), bad, 1280)}
    assert {"image-alt", "link-name", "color-contrast", "html-has-lang"} <= found


def test_no_violations_at_phone_and_desktop_widths(browser, pages):
    axe = _axe_source()
    problems = []
    for path in pages:
        for width in WIDTHS:
            for violation in _run_axe(browser, axe, path, width):
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{path.name} at {width}px: {violation['id']} ({violation['help']}): {targets}")
    assert problems == []
