"""Each line's outcome (who, when, why in words), split completeness and the coding a credit carries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

from recon_matcher.domain.reconcile import reconcile
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt, ReviewDecision

AT = datetime(2025, 4, 2, 9, 30, tzinfo=UTC)


def L(id: str, amount: str, day: int, merchant: str = "SHELL OIL574442211") -> CardLine:
    return CardLine(id, "WILLIAMBURT", None, "1234", date(2025, 3, day), None, D(amount), merchant, reference=f"00{id}")


def E(id: str, amount: str, day: int, receipts: tuple[str, ...] = (), merchant: str = "Shell") -> ExpenseEntry:
    return ExpenseEntry(
        id,
        "William Burt",
        "Fuel",
        date(2025, 3, day),
        D(amount),
        merchant,
        "6110",
        "J-1",
        receipt_ids=receipts,
        purpose="Fuel for truck 12",
    )


def R(id: str, total: str, day: int, entry: str | None = None) -> Receipt:
    return Receipt(id, "Shell", date(2025, 3, day), D(total), entry_id=entry)


def decide(line: str, action: str, who: str, entry: str | None = None, reason: str | None = None) -> ReviewDecision:
    return ReviewDecision(line, action, entry, None, reason, decided_by=who, decided_at=AT)  # type: ignore[arg-type]


def test_an_automatic_match_names_its_entry_and_receipt_in_words() -> None:
    rec = reconcile([L("1", "36.66", 4)], [E("e1", "36.6600", 4, ("r1",))], [R("r1", "36.66", 4, "e1")])
    outcome = rec.line("1").outcome
    assert outcome.kind == "auto_matched" and outcome.by is None and outcome.reason is not None
    assert outcome.reason.startswith(
        "entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12 and receipt from Shell, 2025-03-04, $36.66: "
    )
    assert "e1" not in outcome.reason and "r1" not in outcome.reason


def test_approved_reassigned_and_waived_say_who_and_when() -> None:
    lines = [L("1", "20.00", 5), L("2", "30.00", 6), L("3", "45.00", 7)]
    entries = [E("e1", "20.00", 5, ("r1",)), E("e2", "31.00", 9), E("e3", "45.00", 7)]
    decisions = [
        decide("1", "approve", "ana"),
        decide("2", "reassign", "bo", entry="e2"),
        decide("3", "no_receipt", "cy", reason="lost at the pump"),
    ]
    rec = reconcile(lines, entries, [R("r1", "20.00", 5, "e1")], decisions=decisions)
    approved, reassigned, waived = (rec.line(i).outcome for i in "123")
    assert (approved.kind, approved.by, approved.at) == ("approved", "ana", AT)
    assert (reassigned.kind, reassigned.by) == ("reassigned", "bo")
    assert reassigned.reason == "reassigned entry of William Burt, 2025-03-09, $31.00, Fuel for truck 12"
    assert rec.line("2").match is not None and rec.line("2").match.reasons == ("reassigned by bo",)
    assert (waived.kind, waived.by, waived.reason) == ("waived", "cy", "no receipt: lost at the pump")
    assert rec.line("3").status == "complete"


def test_half_a_split_is_not_complete_and_the_other_half_is_suggested() -> None:
    lines = [L("h", "412.35", 10, "HAMPTON INN 40150")]
    entries = [E("room", "300.12", 10, ("f1",), "Hampton Inn"), E("meal", "112.23", 10, (), "Hampton Inn")]
    receipts = [R("f1", "412.35", 10, "room")]
    half = reconcile(lines, entries, receipts, decisions=[decide("h", "approve", "cy", entry="room")])
    line = half.line("h")
    assert line.status == "missing_coding" and line.review
    assert [s.entry_ids for s in line.suggestions] == [("meal",)]
    assert line.suggestions[0].reasons == ("$300.12 accepted + $112.23 = $412.35",)
    assert "split parts accepted so far add up to $300.12 of $412.35" in line.notes

    both = [decide("h", "approve", "cy", entry="room"), decide("h", "approve", "cy", entry="meal")]
    done = reconcile(lines, entries, receipts, decisions=both).line("h")
    assert done.status == "complete" and not done.review and done.outcome.kind == "split"
    assert done.coding_entry_ids == ("room", "meal")


def test_split_parts_that_do_not_sum_to_the_line_keep_it_open() -> None:
    lines = [L("h", "412.35", 10, "HAMPTON INN 40150")]
    entries = [E("room", "300.00", 10, ("f1",), "Hampton Inn"), E("meal", "100.00", 10, (), "Hampton Inn")]
    decisions = [decide("h", "approve", "cy", entry="room"), decide("h", "approve", "cy", entry="meal")]
    line = reconcile(lines, entries, [R("f1", "412.35", 10, "room")], decisions=decisions).line("h")
    assert line.status == "missing_coding" and line.review
    assert "split parts accepted so far add up to $400.00 of $412.35" in line.notes


def test_a_refund_carries_its_charges_coding_and_notes_name_lines_not_ids() -> None:
    lines = [L("c", "89.10", 3, "HOME DEPOT 4411"), L("p", "-20.00", 9, "HOME DEPOT 4411")]
    rec = reconcile(lines, [E("e1", "89.10", 3, ("r1",), "Home Depot")], [R("r1", "89.10", 3, "e1")])
    credit = rec.line("p")
    assert credit.status == "credit" and credit.coding_entry_ids == ("e1",)
    assert credit.outcome.kind == "auto_matched"
    assert credit.notes[0].startswith("refund of line 00c (HOME DEPOT 4411, $89.10): partial refund ($20.00 of $89.10)")


def test_a_full_refund_nobody_claimed_nets_and_names_the_credit() -> None:
    lines = [L("c", "89.10", 3, "HOME DEPOT 4411"), L("cr", "-89.10", 9, "HOME DEPOT 4411"), L("x", "-1.25", 9)]
    rec = reconcile(lines, [], [])
    assert rec.line("c").notes == ("refunded in full by line 00cr (HOME DEPOT 4411, -$89.10)",)
    assert rec.line("c").coding_entry_ids == rec.line("cr").coding_entry_ids == rec.line("x").coding_entry_ids == ()
    assert rec.line("x").outcome.kind == "unmatched"


def test_a_rejected_line_is_unmatched_by_the_reviewer() -> None:
    rec = reconcile(
        [L("1", "20.00", 5)],
        [E("e1", "20.00", 5, ("r1",))],
        [R("r1", "20.00", 5, "e1")],
        decisions=[decide("1", "reject", "bo")],
    )
    outcome = rec.line("1").outcome
    assert (outcome.kind, outcome.by, outcome.reason) == ("unmatched", "bo", "automatic matching rejected by bo")
