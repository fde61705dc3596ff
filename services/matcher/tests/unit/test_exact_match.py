from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from recon_matcher.domain.exact_match import Charge, ReceiptFacts, match_exact


def _charge(amount: str, day: int, posted: int | None = None) -> Charge:
    return Charge(uuid.uuid4(), date(2025, 3, day), date(2025, 3, posted) if posted else None, Decimal(amount))


def _receipt(amount: str | None, day: int | None) -> ReceiptFacts:
    return ReceiptFacts(uuid.uuid4(), date(2025, 3, day) if day else None, Decimal(amount) if amount else None)


def test_exact_amount_same_day_matches() -> None:
    charge, receipt = _charge("36.66", 4), _receipt("36.66", 4)
    [decision] = match_exact([charge], [receipt])
    assert decision.status == "matched" and decision.receipt_id == receipt.id
    assert decision.confidence == 1.0 and "amount exact" in decision.reasons


def test_two_equal_charges_and_two_equal_receipts_both_match() -> None:
    charges = [_charge("20.00", 5), _charge("20.00", 9)]
    receipts = [_receipt("20.00", 9), _receipt("20.00", 5)]
    decisions = match_exact(charges, receipts)
    assert [d.status for d in decisions] == ["matched", "matched"]
    assert decisions[0].receipt_id == receipts[1].id and decisions[1].receipt_id == receipts[0].id


def test_a_receipt_is_used_once() -> None:
    charges = [_charge("20.00", 5), _charge("20.00", 5)]
    decisions = match_exact(charges, [_receipt("20.00", 5)])
    assert sorted(d.status for d in decisions) == ["matched", "unmatched"]


def test_posted_date_counts_and_window_is_respected() -> None:
    near = match_exact([_charge("10.00", 1, posted=6)], [_receipt("10.00", 8)], window_days=3)
    assert near[0].status == "matched" and near[0].date_difference_days == 2
    far = match_exact([_charge("10.00", 1)], [_receipt("10.00", 8)], window_days=3)
    assert far[0].status == "unmatched" and far[0].receipt_id is None


def test_amount_must_be_exact_and_unknowns_never_match() -> None:
    decisions = match_exact(
        [_charge("10.00", 1), _charge("10.00", 2)], [_receipt("10.01", 1), _receipt(None, 2), _receipt("10.00", None)]
    )
    assert [d.status for d in decisions] == ["unmatched", "unmatched"]


def test_one_decision_per_charge_in_order() -> None:
    charges = [_charge(str(n), 1) for n in range(1, 6)]
    decisions = match_exact(charges, [_receipt("3", 1)])
    assert [d.charge_id for d in decisions] == [c.id for c in charges]
