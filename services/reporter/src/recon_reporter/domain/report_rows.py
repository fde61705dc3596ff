"""The rows a report shows: plain data assembled from a session's lines, matches, receipts and reviews."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

CENT = Decimal("0.01")
IMPORTED = "imported"  # the AP import's verdict on a cardholder it takes
EXCEPTION_STATUSES = ("missing_receipt", "missing_coding", "missing_both", "missing_all_receipts")
STATUS_LABELS = {
    "complete": "Complete",
    "missing_receipt": "Missing Receipt",
    "missing_coding": "Missing Coding",
    "missing_both": "Missing Both",
    "missing_all_receipts": "Missing All Receipts",
    "credit": "Credit",
}


FLAG_WORDS = {
    "missing_receipt": "receipts missing",
    "missing_coding_info": "coding missing",
    "missing_all_receipts": "no expense report entries",
}
OUTCOME_WORDS = {
    "auto_matched": "Auto-matched",
    "approved": "Approved",
    "reassigned": "Reassigned",
    "waived": "Waived",
    "split": "Split",
    "unmatched": "Unmatched",
}


@dataclass(frozen=True)
class Coding:
    """One expense entry's coding of (a part of) a card line, at the amount it codes."""

    amount: Decimal
    purpose: str | None = None
    gl_account: str | None = None
    job: str | None = None
    phase: str | None = None
    cost_type: str | None = None
    expense_type: str | None = None


@dataclass(frozen=True)
class ReportLine:
    """One card line with its match, as every report format shows it."""

    cardholder: str
    employee_id: str | None
    card_last4: str | None
    transaction_date: date
    posted_date: date | None
    reference: str | None
    merchant: str
    category: str | None
    amount: Decimal
    status: str
    receipt_file: str | None
    receipt_vendor: str | None
    receipt_date: date | None
    receipt_amount: Decimal | None
    confidence: float | None
    reasons: str
    line_status: str | None = None
    review: bool = False
    expense_type: str | None = None
    purpose: str | None = None
    gl_account: str | None = None
    job: str | None = None
    phase: str | None = None
    cost_type: str | None = None
    card_first_digit: str | None = None
    read_by: str = "text"
    outcome: str = "unmatched"
    outcome_by: str | None = None
    outcome_at: datetime | None = None
    outcome_reason: str | None = None
    # What codes the line in the AP import: one part, one per entry of a split, or none.
    coding: tuple[Coding, ...] = ()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.line_status or "", self.status.replace("_", " ").title())

    @property
    def is_exception(self) -> bool:
        return self.line_status in EXCEPTION_STATUSES


@dataclass(frozen=True)
class CardholderSummary:
    """Per-cardholder figures as the matcher computed them."""

    cardholder: str
    employee_id: str | None
    card_last4: str | None
    card_total: Decimal
    receipt_total: Decimal
    receipt_count: int
    missing_receipt_amount: Decimal
    flags: tuple[str, ...]
    complete: bool

    @property
    def flag_words(self) -> str:
        """The flags in words; an incomplete cardholder with every line complete has lines awaiting review."""
        if not self.flags and not self.complete:
            return "lines awaiting review"
        return ", ".join(FLAG_WORDS.get(f, f.replace("_", " ")) for f in self.flags)


@dataclass(frozen=True)
class ReceiptLine:
    file_name: str
    vendor: str | None
    date: date | None
    amount: Decimal | None
    matched_reference: str | None
    source_file: str = ""


@dataclass(frozen=True)
class EntryLine:
    employee: str
    expense_type: str | None
    date: date | None
    amount: Decimal | None
    gl_account: str | None
    job: str | None
    phase: str | None
    cost_type: str | None
    receipts: int
    matched_reference: str | None
    purpose: str | None = None
    source_file: str = ""


@dataclass(frozen=True)
class AuditLine:
    """One review action in words: what was decided about which line or name, and what it was before."""

    at: datetime
    actor: str
    action: str
    subject: str
    decision: str
    before: str


@dataclass(frozen=True)
class FileNote:
    """One uploaded file's outcome, or one thing a person should check in it (a file with several
    warnings has a note per warning)."""

    file: str
    kind: str | None
    pages: int | None
    status: str
    note: str


@dataclass(frozen=True)
class ReportSession:
    id: str
    name: str | None
    created_at: datetime
    period_start: date | None = None
    period_end: date | None = None
    cardholders: tuple[CardholderSummary, ...] = ()
    receipts: tuple[ReceiptLine, ...] = ()
    entries: tuple[EntryLine, ...] = ()
    audit: tuple[AuditLine, ...] = field(default=())
    files: tuple[FileNote, ...] = ()
    # cardholder -> "imported" or why the AP import keeps them out; lines left out of it for a person to code.
    ap_verdicts: dict[str, str] = field(default_factory=dict)
    ap_left_out: tuple[str, ...] = ()


def money(value: Decimal | None) -> str:
    """A plain decimal amount with two places (no currency sign), empty when unknown."""
    return "" if value is None else f"{value:.2f}"


def dollars(value: Decimal) -> str:
    """$1,234.50 or -$0.45, for sentences (cells keep their number format)."""
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def masked_card(last4: str | None) -> str:
    """A card shown only by its last four digits."""
    return f"XXXX-XXXX-XXXX-{last4}" if last4 else ""


def completion_message(session: ReportSession, lines: int, matched: int) -> str:
    """The session's last word: how many lines, how many matched, what the AP import took, and what in its
    files needs a look."""
    message = f"reports ready: {lines} card lines, {matched} matched"
    if session.ap_verdicts:
        imported = sum(1 for verdict in session.ap_verdicts.values() if verdict == IMPORTED)
        message += f"; AP import: {imported} of {len(session.ap_verdicts)} cardholders"
    unknown = sum(1 for verdict in session.ap_verdicts.values() if verdict.startswith("kept out: card network"))
    if unknown:
        message += f"; {unknown} cardholder(s) kept out of it: card network unknown (Summary)"
    if session.ap_left_out:
        message += f"; {len(session.ap_left_out)} line(s) left out of the AP import to code by hand (Summary)"
    failed = sum(1 for f in session.files if f.status == "failed")
    warned = len({f.file for f in session.files if f.status != "failed" and f.note})
    if failed:
        message += f"; {failed} file(s) could not be read"
    if warned:
        message += f"; {warned} file(s) with warnings to check (Files sheet)"
    return message
