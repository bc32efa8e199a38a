"""Did the film earn its budget back? The model decides (case.recoupment, with the figures it compared and their
sources); the teaching note only words the answer."""

from __future__ import annotations

import pytest

from casebook.pipeline import load_case
from casebook.wording import Wording

EARNED = "Explain how a film earned its budget back at the box office, and which choices made the return scale."
NOT_SHOWN = "Value a creative asset whose return does not show in its box office, and name where the return does show."

BUSINESS = """---
movieId: 501
movieTitle: Paper Harbour
categoryName: BUSINESS
---

**Title: Paper Harbour: A Small Film That Travelled**

### I. Executive Summary

**Investment Profile**
*   **Estimated Budget:** {budget} (production only).
*   **Global Box Office:** {box_office} (theatrical, all territories).
"""


def test_the_seed_did_not_show_its_budget_earned_back(closeness):
    # read in seeds/closeness: the business analysis (S1) gives "Estimated Budget: <$1,000,000 USD" on line 13 and
    # "Global Box Office: <$150,000 USD" on line 18 (a ceiling: no amount it surely reached); the ledger (S2) says
    # "approximately $130,000" on line 22. So $130,000 at least, against a budget of at most $1,000,000.
    decided = closeness.recoupment
    assert decided is not None and decided.earned_back is False
    assert decided.currency == "USD"
    budget, box_office = decided.budget, decided.box_office
    assert (budget.amount.text, budget.amount.upper, budget.source.source, budget.source.first_line) == (
        "<$1,000,000 USD", 1_000_000, "S1", 13)
    assert (box_office.amount.text, box_office.amount.value, box_office.source.source, box_office.source.first_line) == (
        "approximately $130,000", 130_000, "S2", 22)
    assert closeness.source("S2").file == "001_35d35ebf1792311c.txt"
    assert Wording(closeness).teaching.objectives[0] == NOT_SHOWN


@pytest.mark.parametrize(
    ("budget", "box_office", "earned", "budget_read", "box_office_read"),
    [
        # a box-office floor above a budget ceiling: certain
        ("under $2,000,000 USD", "more than $6,500,000 USD", True, 2_000_000, 6_500_000),
        # two stated amounts
        ("$1.5 million", "$4 million", True, 1_500_000, 4_000_000),
        # a box-office ceiling is no amount it surely reached: nothing to compare, not earned back
        ("$3,000,000", "under $9,000,000", False, 3_000_000, None),
        # a budget floor allows any budget above it: nothing to compare
        ("more than $3,000,000", "$5,000,000", False, None, 5_000_000),
        # equal is not earned back
        ("$2,000,000", "$2,000,000", False, 2_000_000, 2_000_000),
    ],
)
def test_earned_back_only_when_the_sources_make_it_certain(tmp_path, budget, box_office, earned, budget_read,
                                                           box_office_read):
    (tmp_path / "business.txt").write_text(BUSINESS.format(budget=budget, box_office=box_office), encoding="utf-8")
    case = load_case(tmp_path)
    decided = case.recoupment
    assert decided is not None and decided.earned_back is earned

    def read(bar, key):
        return None if bar is None else (bar.amount.value if bar.amount.value is not None else getattr(bar.amount, key))

    assert (read(decided.budget, "upper"), read(decided.box_office, "lower")) == (budget_read, box_office_read)
    for bar, line in ((decided.budget, 12), (decided.box_office, 13)):
        if bar is not None:
            assert (bar.source.source, bar.source.first_line) == ("S1", line)
    assert Wording(case).teaching.objectives[0] == (EARNED if earned else NOT_SHOWN)


def test_no_figures_no_decision(tmp_path):
    (tmp_path / "business.txt").write_text(BUSINESS.replace("*   **Estimated Budget:** {budget} (production only).\n", "")
                                           .replace("*   **Global Box Office:** {box_office} (theatrical, all territories).\n",
                                                    "*   **Format:** 35 mm.\n"), encoding="utf-8")
    case = load_case(tmp_path)
    assert case.recoupment is None
    assert Wording(case).teaching.objectives[0] == NOT_SHOWN
