"""The seed's match status per line, and the count the session's matched_count and the messages share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.adapters.reconcile_store import MATCHED_STATUSES, match_status
from recon_matcher.domain.reconcile import reconcile
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt, ReviewDecision


def L(id: str, amount: str, day: int) -> CardLine:
    return CardLine(id, "WILLIAMBURT", None, "1234", date(2025, 3, day), None, D(amount), "SHELL OIL5744", reference=id)


def E(id: str, amount: str, day: int, receipts: tuple[str, ...] = ()) -> ExpenseEntry:
    return ExpenseEntry(
        id, "William Burt", "Fuel", date(2025, 3, day), D(amount), "Shell", "6110", "J-1", receipt_ids=receipts
    )


def test_credits_and_coded_lines_without_receipt_are_complete_but_not_matched() -> None:
    lines = [L("auto", "20.00", 5), L("pinned", "30.00", 6), L("credit", "-4.00", 7), L("waived", "45.00", 8)]
    entries = [E("e1", "20.00", 5, ("r1",)), E("e2", "31.00", 9), E("e3", "45.00", 8)]
    decisions = [ReviewDecision("pinned", "reassign", "e2"), ReviewDecision("waived", "no_receipt", reason="lost")]
    rec = reconcile(
        lines, entries, [Receipt("r1", "Shell", date(2025, 3, 5), D("20.00"), entry_id="e1")], decisions=decisions
    )
    statuses = {r.line_id: (r.status, match_status(r)) for r in rec.lines}
    assert statuses == {
        "auto": ("complete", "matched"),
        "pinned": ("missing_receipt", "approved"),
        "credit": ("credit", "unmatched"),
        "waived": ("complete", "unmatched"),
    }
    # "N matched" in the messages is this count, as the session's matched_count is: 2 here, not the 3 complete.
    assert sum(1 for r in rec.lines if match_status(r) in MATCHED_STATUSES) == 2
