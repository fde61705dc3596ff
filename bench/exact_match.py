"""The previous tool's matching rule, kept as the matching bench's baseline: exact amount within a date window,
assigned one-to-one globally.

Pairs are blocked by amount (only equal amounts can match), and within each block a minimum-cost
assignment on date distance picks the pairing, so two equal charges with two equal receipts both match.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

import numpy as np
from scipy.optimize import linear_sum_assignment

MatchStatus = Literal["matched", "unmatched"]
_NO_PAIR = 1e6


@dataclass(frozen=True)
class Charge:
    """A card line as the matcher sees it."""

    id: uuid.UUID
    transaction_date: date
    posted_date: date | None
    amount: Decimal


@dataclass(frozen=True)
class ReceiptFacts:
    """What a receipt says that matters for matching."""

    id: uuid.UUID
    date: date | None
    amount: Decimal | None


@dataclass(frozen=True)
class MatchDecision:
    charge_id: uuid.UUID
    receipt_id: uuid.UUID | None
    status: MatchStatus
    confidence: float
    reasons: tuple[str, ...]
    date_difference_days: int | None


def _day_gap(charge: Charge, receipt: ReceiptFacts) -> int | None:
    if receipt.date is None:
        return None
    gaps = [abs((receipt.date - d).days) for d in (charge.transaction_date, charge.posted_date) if d is not None]
    return min(gaps)


def match_exact(
    charges: Sequence[Charge], receipts: Sequence[ReceiptFacts], *, window_days: int = 3
) -> list[MatchDecision]:
    """One decision per charge, in the order given."""
    by_amount: dict[Decimal, list[ReceiptFacts]] = defaultdict(list)
    for receipt in receipts:
        if receipt.amount is not None:
            by_amount[receipt.amount].append(receipt)
    charges_by_amount: dict[Decimal, list[Charge]] = defaultdict(list)
    for charge in charges:
        charges_by_amount[charge.amount].append(charge)

    decided: dict[uuid.UUID, MatchDecision] = {}
    for amount, group in charges_by_amount.items():
        candidates = by_amount.get(amount, [])
        cost = np.full((len(group), max(len(candidates), 1)), _NO_PAIR)
        for i, charge in enumerate(group):
            for j, receipt in enumerate(candidates):
                gap = _day_gap(charge, receipt)
                if gap is not None and gap <= window_days:
                    cost[i, j] = gap
        rows, cols = linear_sum_assignment(cost)
        for i, j in zip(rows, cols, strict=True):
            if cost[i, j] < _NO_PAIR:
                gap = int(cost[i, j])
                decided[group[i].id] = MatchDecision(
                    charge_id=group[i].id,
                    receipt_id=candidates[j].id,
                    status="matched",
                    confidence=round(1.0 - 0.05 * gap, 2),
                    reasons=("amount exact", "same day" if gap == 0 else f"dated {gap} day(s) apart"),
                    date_difference_days=gap,
                )
    return [
        decided.get(c.id)
        or MatchDecision(c.id, None, "unmatched", 0.0, ("no receipt with this amount near this date",), None)
        for c in charges
    ]
