"""How reasons name money, card lines, entries and statuses: words a reviewer reads, never ids or raw decimals."""

from __future__ import annotations

from decimal import Decimal

from recon_matcher.domain.sides import CardLine, ExpenseEntry

STATUS_WORDS = {
    "complete": "Complete",
    "missing_receipt": "Missing Receipt",
    "missing_coding": "Missing Coding",
    "missing_both": "Missing Both",
    "missing_all_receipts": "Missing All Receipts",
    "credit": "Credit",
}


def dollars(amount: Decimal) -> str:
    """$1,234.50 or -$0.45; an expense system's sub-cent digits are kept ($12.3049) since they are the point."""
    shown = f"{abs(amount):,.{_places(amount)}f}"
    return f"-${shown}" if amount < 0 else f"${shown}"


def _places(amount: Decimal) -> int:
    exponent = amount.normalize().as_tuple().exponent
    return max(2, -exponent) if isinstance(exponent, int) else 2


def line_label(line: CardLine) -> str:
    """line 000127739 (SHELL OIL, $36.66): the reference printed on the statement, else the date."""
    name = line.reference or f"of {line.transaction_date.isoformat()}"
    return f"line {name} ({line.merchant}, {dollars(line.amount)})"


def entry_label(entry: ExpenseEntry) -> str:
    """entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12: who, when, how much, what for."""
    parts = [entry.employee]
    if entry.date is not None:
        parts.append(entry.date.isoformat())
    if entry.amount is not None:
        parts.append(dollars(entry.amount))
    if entry.purpose or entry.expense_type:
        parts.append(entry.purpose or entry.expense_type or "")
    return "entry of " + ", ".join(parts)
