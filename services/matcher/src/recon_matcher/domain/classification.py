"""The completeness rule per card line and the per-cardholder summary the finance team reads.

Complete = a matched expense entry carrying every configured coding field (for a charge split over several
entries, every part coded and the parts summing exactly to the charge), and a receipt (attached to the entry,
matched loose, or waived by a reviewer). A cardholder with card lines and no expense entries at all is
"missing all receipts". Credits, and charges refunded in full that nobody claimed, are never missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from recon_matcher.domain.results import (
    MISSING_RECEIPT,
    CardholderFlag,
    CardholderSummary,
    LineResult,
    LineStatus,
)
from recon_matcher.domain.sides import ExpenseEntry

ZERO = Decimal("0.00")


def is_coded(entry: ExpenseEntry, fields: Sequence[str]) -> bool:
    return all(str(getattr(entry, name) or "").strip() for name in fields)


def line_status(
    *,
    credit: bool,
    entries: Sequence[ExpenseEntry],
    has_receipt: bool,
    needs_receipt: bool,
    holder_has_entries: bool,
    coding_fields: Sequence[str],
    coded_in_full: bool = True,
) -> LineStatus:
    if credit:
        return "credit"
    receipt_ok = has_receipt or not needs_receipt
    if not entries and not holder_has_entries and not has_receipt and needs_receipt:
        return "missing_all_receipts"
    coded = bool(entries) and coded_in_full and all(is_coded(e, coding_fields) for e in entries)
    if coded and receipt_ok:
        return "complete"
    if coded:
        return "missing_receipt"
    return "missing_coding" if receipt_ok else "missing_both"


def cardholder_flags(statuses: Sequence[LineStatus]) -> tuple[CardholderFlag, ...]:
    present = set(statuses)
    flags: list[CardholderFlag] = []
    if "missing_all_receipts" in present:
        flags.append("missing_all_receipts")
    if present & {"missing_receipt", "missing_both"}:
        flags.append("missing_receipt")
    if present & {"missing_coding", "missing_both"}:
        flags.append("missing_coding_info")
    return tuple(flags)


def summarise_cardholder(
    name: str,
    employee_id: str | None,
    results: Sequence[LineResult],
    *,
    is_account: bool,
    expense_names: tuple[str, ...],
) -> CardholderSummary:
    with_receipt = [r for r in results if r.match is not None and r.match.receipt_id is not None]
    receipts = {r.match.receipt_id for r in with_receipt if r.match is not None}
    return CardholderSummary(
        name=name,
        employee_id=employee_id,
        card_total=sum((r.amount for r in results), ZERO),
        receipt_total=sum((r.amount for r in with_receipt), ZERO),
        receipt_count=len(receipts),
        missing_receipt_amount=sum((r.amount for r in results if r.status in MISSING_RECEIPT), ZERO),
        flags=cardholder_flags([r.status for r in results]),
        complete=all(r.status in ("complete", "credit") and not r.review for r in results),
        line_count=len(results),
        is_account=is_account,
        expense_names=expense_names,
    )
