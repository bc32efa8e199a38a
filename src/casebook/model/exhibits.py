"""The exhibits of a case, numbered in reading order, built from the model alone.

1. Budget against box office: every budget and box-office amount any source states, with its bounds
   ("<$1,000,000" is an upper bound), in the currency most of them use.
2. Timeline: the dated events, oldest first (at most :data:`MAX_EVENTS`, the most telling kinds first).
3. Stakeholder outcomes: role, name and outcome of each stakeholder.

:func:`recoupment` decides from the first whether the box office earned the budget back.

An exhibit with no data is left out, and the others keep consecutive numbers.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

MAX_EVENTS = 14
_EVENT_PRIORITY = ["premiered", "awarded", "shot", "released", "born", "studied", "other"]


def build_exhibits(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Exhibit records for a case given as the builder's dict (statements, timeline, stakeholders)."""
    exhibits: list[dict[str, Any]] = []
    money = [s for s in case.get("statements", []) if s["attribute"] in ("budget", "box_office") and s.get("amount")]
    currencies = Counter(s["amount"].get("currency") for s in money if s["amount"].get("currency"))
    if money:
        currency = currencies.most_common(1)[0][0] if currencies else None
        bars = [{"measure": s["attribute"], "amount": s["amount"], "source": s["source"]}
                for s in money if s["amount"].get("currency") in (currency, None)]
        exhibits.append({"kind": "budget_box_office", "currency": currency, "bars": bars,
                         "sources": [b["source"] for b in bars]})
    events = case.get("timeline", [])
    if events:
        ranked = sorted(range(len(events)), key=lambda i: (_EVENT_PRIORITY.index(events[i]["kind"]), i))[:MAX_EVENTS]
        chosen = [events[i] for i in sorted(ranked)]
        exhibits.append({"kind": "timeline", "events": chosen, "sources": [e["source"] for e in chosen]})
    outcomes = [
        {"role": s["role"], "name": s["name"], "outcome": "".join(r["text"] for r in s["outcome"]["runs"]),
         "source": s["source"]}
        for s in case.get("stakeholders", []) if s["outcome"]["runs"]
    ]
    if outcomes:
        exhibits.append({"kind": "stakeholder_outcomes", "outcomes": outcomes, "sources": [o["source"] for o in outcomes]})
    for number, exhibit in enumerate(exhibits, 1):
        exhibit["number"] = number
    return exhibits


def recoupment(exhibits: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Whether the box office earned the budget back (see :class:`casebook.model.case.Recoupment`), from the
    exhibit records of :func:`build_exhibits`; None without a budget-against-box-office exhibit."""
    money = next((e for e in exhibits if e["kind"] == "budget_box_office"), None)
    if money is None:
        return None
    budget: tuple[float, dict[str, Any]] | None = None
    box_office: tuple[float, dict[str, Any]] | None = None
    for bar in money["bars"]:
        amount = bar["amount"]
        if bar["measure"] == "budget":  # the most the budget can have been
            top = amount.get("value", amount.get("upper"))
            if top is not None and (budget is None or top > budget[0]):
                budget = (top, bar)
        elif bar["measure"] == "box_office":  # the least the box office surely was
            floor = amount.get("value", amount.get("lower"))
            if floor is not None and (box_office is None or floor > box_office[0]):
                box_office = (floor, bar)
    return {
        "earned_back": budget is not None and box_office is not None and box_office[0] > budget[0],
        "budget": budget[1] if budget else None,
        "box_office": box_office[1] if box_office else None,
        "currency": money.get("currency"),
    }
