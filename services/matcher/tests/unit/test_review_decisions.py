from __future__ import annotations

from recon_matcher.domain.review_decisions import fold_decisions
from recon_matcher.domain.sides import ReviewDecision


def test_approvals_accumulate_and_reassign_replaces() -> None:
    rules = fold_decisions(
        [ReviewDecision("L1", "approve", "E1"), ReviewDecision("L1", "approve", "E2", "R9")], waive_receipt=True
    )["L1"]
    assert rules.pinned_entries == ["E1", "E2"] and rules.pinned_receipt == "R9"
    rules = fold_decisions(
        [ReviewDecision("L1", "approve", "E1"), ReviewDecision("L1", "reassign", "E3")], waive_receipt=True
    )["L1"]
    assert rules.pinned_entries == ["E3"] and rules.pin is not None and rules.pin.action == "reassign"


def test_later_decisions_override_earlier_ones_on_the_same_target() -> None:
    rules = fold_decisions(
        [ReviewDecision("L1", "approve", "E1"), ReviewDecision("L1", "reject", "E1")], waive_receipt=True
    )["L1"]
    assert rules.pinned_entries == [] and not rules.allows_entry("E1") and rules.allows_entry("E2")
    rules = fold_decisions(
        [ReviewDecision("L1", "reject", "E1"), ReviewDecision("L1", "approve", "E1")], waive_receipt=True
    )["L1"]
    assert rules.pinned_entries == ["E1"] and rules.allows_entry("E1")


def test_reject_without_ids_stops_automatic_matching_and_no_receipt_waives() -> None:
    rules = fold_decisions([ReviewDecision("L1", "reject")], waive_receipt=True)["L1"]
    assert rules.no_auto and not rules.allows_entry("E1") and not rules.allows_receipt("R1")
    waived = fold_decisions([ReviewDecision("L2", "no_receipt", reason="lost")], waive_receipt=True)["L2"]
    assert waived.waived and waived.no_receipt_reason == "lost"
    kept = fold_decisions([ReviewDecision("L2", "no_receipt", reason="lost")], waive_receipt=False)["L2"]
    assert not kept.waived and kept.no_receipt_reason == "lost"
