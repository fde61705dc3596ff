"""The three sides of a reconciliation, as the matcher sees them, plus what outlives a session.

Card lines come from the statement, expense entries from the expense report (one entry per charge,
carrying the coding and the attached receipts), receipts from attachments or loose uploads. The directory
and the reviewer decisions live outside a session's extraction and are passed in on every run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

ReviewAction = Literal["approve", "reject", "reassign", "no_receipt"]


@dataclass(frozen=True, slots=True)
class CardLine:
    """One charge or credit printed on the card statement."""

    id: str
    cardholder: str
    employee_id: str | None
    card_last4: str | None
    transaction_date: date
    posted_date: date | None
    amount: Decimal
    merchant: str
    city: str | None = None
    state: str | None = None
    category: str | None = None
    reference: str | None = None

    @property
    def is_credit(self) -> bool:
        return self.amount < 0


@dataclass(frozen=True, slots=True)
class ExpenseEntry:
    """One expense-report entry: who, what, how it is coded and which receipts are attached."""

    id: str
    employee: str
    expense_type: str | None = None
    date: date | None = None
    # Expense systems keep four decimals (fuel at $/gal); the card charges cents.
    amount: Decimal | None = None
    merchant: str | None = None
    gl_account: str | None = None
    job: str | None = None
    phase: str | None = None
    cost_type: str | None = None
    receipt_ids: tuple[str, ...] = ()
    purpose: str | None = None


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a receipt says; `entry_id` None means a loose receipt, matched to card lines directly."""

    id: str
    vendor: str | None = None
    date: date | None = None
    total: Decimal | None = None
    subtotal: Decimal | None = None
    tip: Decimal | None = None
    currency: str | None = None
    card_last4: str | None = None
    entry_id: str | None = None


@dataclass(frozen=True)
class Directory:
    """Confirmed knowledge that outlives sessions: who is who, which cardholders are accounts, merchant aliases."""

    # expense-report (or other) name -> canonical statement cardholder name or employee id
    aliases: Mapping[str, str] = field(default_factory=dict)
    # statement cardholders that are not people (toll passes, shop cards)
    accounts: frozenset[str] = frozenset()
    # merchant name as printed -> canonical merchant, learned from reviewer confirmations
    merchant_aliases: Mapping[str, str] = field(default_factory=dict)
    # (expense-report name, statement cardholder) pairs a reviewer rejected: never suggested again
    rejected_aliases: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    """A reviewer's word on one card line; it wins over automatic matching on every re-run.

    approve / reassign with an entry and/or receipt pin them to the line (several approvals naming different
    entries accept a split charge; the same receipt approved on several lines accepts a shared receipt);
    reassign replaces earlier pins, approve adds to them. reject with ids forbids those pairs; reject without
    ids stops automatic matching of the line. no_receipt waives the receipt (the reason is kept).
    """

    line_id: str
    action: ReviewAction
    entry_id: str | None = None
    receipt_id: str | None = None
    reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
