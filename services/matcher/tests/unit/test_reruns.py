"""Re-runs: reviewer decisions always win and survive; what changed since the previous run is reported."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.reconcile import reconcile
from recon_matcher.domain.results import Reconciliation
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt, ReviewDecision


def L(id: str, amount: str, day: int, holder: str = "WILLIAMBURT") -> CardLine:
    return CardLine(id, holder, None, "1234", date(2025, 3, day), None, D(amount), "SHELL OIL574442211", reference=id)


def E(id: str, amount: str, day: int, receipts: tuple[str, ...] = (), who: str = "William Burt") -> ExpenseEntry:
    return ExpenseEntry(id, who, "Fuel", date(2025, 3, day), D(amount), "Shell", "6110", "J-1", receipt_ids=receipts)


def R(id: str, total: str, day: int, entry: str | None = None) -> Receipt:
    return Receipt(id, "Shell", date(2025, 3, day), D(total), entry_id=entry)


def entry_of(rec: Reconciliation, line_id: str) -> str | None:
    m = rec.line(line_id).match
    return m.entry_id if m else None


TWINS = [L("l1", "20.00", 5), L("l2", "20.00", 5)]
ONE_ENTRY = [E("e1", "20.00", 5, ("r1",))]
ONE_RECEIPT = [R("r1", "20.00", 5, "e1")]


def test_an_approved_candidate_is_kept_on_every_rerun() -> None:
    first = reconcile(TWINS, ONE_ENTRY, ONE_RECEIPT)
    assert first.line("l2").review and first.line("l2").match is None
    decisions = [ReviewDecision("l2", "approve", "e1", "r1")]
    for _ in range(2):
        again = reconcile(TWINS, ONE_ENTRY, ONE_RECEIPT, decisions=decisions)
        m = again.line("l2").match
        assert m is not None and (m.entry_id, m.receipt_id, m.source) == ("e1", "r1", "reviewer")
        assert again.line("l2").status == "complete" and not again.line("l2").review
        assert again.line("l1").match is None and again.line("l1").status == "missing_both"


def test_a_rejected_match_is_not_proposed_again() -> None:
    lines, entries = [L("l1", "20.00", 5)], [E("e1", "20.00", 5), E("e2", "20.00", 8)]
    assert entry_of(reconcile(lines, entries, []), "l1") == "e1"
    rejected = reconcile(lines, entries, [], decisions=[ReviewDecision("l1", "reject", "e1")])
    m = rejected.line("l1").match
    assert m is None or m.entry_id != "e1"
    assert all(c.entry_id != "e1" for c in rejected.line("l1").candidates)


def test_reassign_moves_the_line_and_frees_the_old_entry() -> None:
    lines = [L("l1", "20.00", 5), L("l2", "31.00", 6)]
    entries = [E("e1", "20.00", 5), E("e2", "31.00", 6)]
    rec = reconcile(lines, entries, [], decisions=[ReviewDecision("l1", "reassign", "e2")])
    assert entry_of(rec, "l1") == "e2"
    assert rec.line("l2").match is None  # e2 is taken by the reviewer's choice
    assert "e1" in rec.unmatched_entry_ids


def test_no_receipt_with_a_reason_completes_a_coded_line() -> None:
    rec = reconcile(
        [L("l1", "20.00", 5)],
        [E("e1", "20.00", 5)],
        [],
        decisions=[ReviewDecision("l1", "no_receipt", reason="parking meter, no receipt")],
    )
    assert rec.line("l1").status == "complete"
    assert rec.line("l1").notes == ("no receipt: parking meter, no receipt",)


def test_reject_without_ids_keeps_the_line_unmatched() -> None:
    rec = reconcile(
        [L("l1", "20.00", 5)], [E("e1", "20.00", 5)], [R("r", "20.00", 5)], decisions=[ReviewDecision("l1", "reject")]
    )
    assert rec.line("l1").match is None and rec.line("l1").status == "missing_both"


def test_decisions_about_vanished_documents_are_reported_not_fatal() -> None:
    rec = reconcile(
        [L("l1", "20.00", 5)],
        [E("e1", "20.00", 5)],
        [],
        decisions=[ReviewDecision("l1", "approve", "gone"), ReviewDecision("nope", "approve", "e1")],
    )
    assert entry_of(rec, "l1") == "e1"
    assert rec.warnings == (
        "line l1 (SHELL OIL574442211, $20.00): 1 approved entry(ies) no longer in the current expense report",
        "a decision about a card line no longer in the session is kept but not applied",
    )


def test_late_receipts_make_lines_newly_complete_and_say_so() -> None:
    lines = [L("l1", "20.00", 5), L("l2", "31.00", 6, "MARIAGARCIA")]
    entries = [E("e1", "20.00", 5), E("e2", "31.00", 6, who="Maria Garcia")]
    before = reconcile(lines, entries, [])
    assert before.statuses() == {"l1": "missing_receipt", "l2": "missing_receipt"}
    after = reconcile(lines, entries, [R("late", "20.00", 5)], previous=before)
    assert after.changes.newly_complete == ("l1",) and after.changes.newly_missing == ()
    assert after.changes.cardholders_newly_complete == ("WILLIAMBURT",)
    assert [(c.line_id, c.before, c.after) for c in after.changes.status_changed] == [
        ("l1", "missing_receipt", "complete")
    ]


def test_a_withdrawn_receipt_makes_a_line_newly_missing() -> None:
    lines, entries = [L("l1", "20.00", 5)], [E("e1", "20.00", 5)]
    complete = reconcile(lines, entries, [R("r", "20.00", 5)])
    again = reconcile(lines, entries, [], previous=complete.statuses())
    assert again.changes.newly_missing == ("l1",) and again.changes.newly_complete == ()


def test_changes_list_lines_added_and_removed() -> None:
    first = reconcile([L("l1", "20.00", 5)], [], [])
    second = reconcile([L("l2", "21.00", 5)], [], [], previous=first)
    assert second.changes.added == ("l2",) and second.changes.removed == ("l1",)
    # A line new in this run was never complete: it is new, not "newly missing".
    assert second.changes.newly_missing == ()
    assert [(c.line_id, c.before, c.after) for c in second.changes.status_changed] == [
        ("l2", None, "missing_all_receipts"),
        ("l1", "missing_all_receipts", None),
    ]
