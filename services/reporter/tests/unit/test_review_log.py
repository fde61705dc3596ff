from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from recon_reporter.domain.review_log import AuditRecord, describe, entry_label, ids_named, line_label, receipt_label

AT = datetime(2025, 4, 2, 9, 30, tzinfo=UTC)
LINE, ENTRY, RECEIPT = (
    "7ede2071-0000-4000-8000-000000000001",
    "7ede2071-0000-4000-8000-000000000002",
    "7ede2071-0000-4000-8000-000000000003",
)
LABELS = {
    LINE: line_label("000127739", date(2025, 3, 4), "SHELL OIL", Decimal("36.66")),
    ENTRY: entry_label("William Burt", date(2025, 3, 4), Decimal("36.6600"), "Fuel for truck 12"),
    RECEIPT: receipt_label("r.pdf", "Shell", date(2025, 3, 4), Decimal("36.66")),
}


def test_labels_name_lines_entries_and_receipts() -> None:
    assert LABELS == {
        LINE: "line 000127739 (SHELL OIL, $36.66)",
        ENTRY: "entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12",
        RECEIPT: "receipt r.pdf (Shell, 2025-03-04, $36.66)",
    }


def test_a_line_decision_reads_as_words_without_ids() -> None:
    record = AuditRecord(
        AT,
        "ana",
        "line.reassign",
        "card_line",
        LINE,
        {"line_status": "missing_both", "expense_entry_id": None, "match_status": "unmatched"},
        {"action": "reassign", "expense_entry_id": ENTRY, "receipt_id": RECEIPT, "reason": "same trip"},
    )
    assert ids_named(record) == {LINE, ENTRY, RECEIPT}
    line = describe(record, LABELS)
    assert (line.at, line.actor, line.action) == (datetime(2025, 4, 2, 9, 30), "ana", "reassigned")
    assert line.subject == "line 000127739 (SHELL OIL, $36.66)"
    assert line.decision == (
        "entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12; receipt r.pdf (Shell, 2025-03-04, $36.66); "
        "reason: same trip"
    )
    assert line.before == "Missing Both"


def test_a_waiver_an_alias_and_ids_nobody_can_name() -> None:
    waived = describe(
        AuditRecord(
            AT,
            "bo",
            "line.no_receipt",
            "card_line",
            LINE,
            {"line_status": "complete", "expense_entry_id": ENTRY},
            {"reason": "lost"},
        ),
        LABELS,
    )
    assert (waived.action, waived.decision) == ("accepted without a receipt", "reason: lost")
    assert waived.before == "Complete, with entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12"
    alias = describe(
        AuditRecord(
            AT, "cy", "alias.reject", "cardholder_alias", "BILL BURT", None, {"cardholder_name": "WILLIAMBURT"}
        ),
        {},
    )
    assert (alias.action, alias.subject, alias.decision) == (
        "rejected a name",
        "name BILL BURT",
        "BILL BURT is not WILLIAMBURT",
    )
    gone = describe(AuditRecord(AT, "cy", "line.approve", "card_line", LINE, None, {"expense_entry_id": ENTRY}), {})
    assert (gone.subject, gone.decision) == (
        "a card line no longer in the session",
        "an entry no longer in the session",
    )
    other = describe(
        AuditRecord(
            AT, "dee", "findings.accept", "upload", ENTRY, None, {"reason": "totals checked", "upload_id": ENTRY}
        ),
        {},
    )
    assert (other.action, other.subject, other.decision) == ("findings accept", "upload", "reason: totals checked")
