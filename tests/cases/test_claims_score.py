"""A ratchet on the public examples: `score` (../shared/tools/score) over every example case with an answer key.

Reached when this test was written: every planted disagreement found (21 of 21), no false alarm, and one trap —
Amélie's admissions, where the key lists the planted value "8.6 million admissions" twice among a trap's values,
so that the planted disagreement (8.6 against 9.5 million, both counted to 1 July 2001) cannot be reported without
the score counting that trap. No other trap may be hit.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

pytestmark = pytest.mark.slow  # scores every example case with ../shared/tools/score

SCORE = SHARED / "tools" / "score"


@pytest.fixture(scope="module")
def scored():
    if not SCORE.exists() or not (SHARED / "examples").is_dir():
        pytest.skip(f"the score tool or the examples are not here ({SHARED}); CI always has them")
    out = subprocess.run([sys.executable, str(SCORE), "--json", "--casebook", f"{sys.executable} -m casebook"],
                         capture_output=True, text=True, timeout=600, check=True)
    return json.loads(out.stdout)


def test_planted_disagreements_found(scored):
    assert scored["summary"]["conflicts_pct"] >= 100.0
    for case in scored["cases"]:
        found, planted = case["conflicts"]
        assert found == planted, case


def test_no_false_alarm(scored):
    assert scored["summary"]["false_conflicts"] == 0
    assert {c["case"]: c["traps"][0] for c in scored["cases"] if c["traps"][0]} == {"amelie": 1}
