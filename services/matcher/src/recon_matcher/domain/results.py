"""What a reconciliation run returns: per line, per cardholder, suggestions and changes since the last run.

Plain frozen values with ids, Decimals, dates and tuples, so an adapter can store them and `result_json`
can print them in the shape of `recon reconcile --json`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Literal

LineStatus = Literal["complete", "missing_receipt", "missing_coding", "missing_both", "missing_all_receipts", "credit"]
CardholderFlag = Literal["missing_receipt", "missing_coding_info", "missing_all_receipts"]
MatchSource = Literal["auto", "reviewer"]
SuggestionKind = Literal["receipt_covers_lines", "line_split_over_entries"]
Outcome = Literal["auto_matched", "approved", "reassigned", "waived", "split", "unmatched"]
MISSING_RECEIPT: frozenset[str] = frozenset({"missing_receipt", "missing_both", "missing_all_receipts"})
MISSING_CODING: frozenset[str] = frozenset({"missing_coding", "missing_both", "missing_all_receipts"})


@dataclass(frozen=True, slots=True)
class Match:
    """The entry and/or receipt a line is matched to, or offered as a candidate for review."""

    entry_id: str | None
    receipt_id: str | None
    confidence: float
    reasons: tuple[str, ...]
    source: MatchSource = "auto"
    # A charge a reviewer accepted as split over several entries lists the others here.
    more_entry_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A combination a reviewer may accept; never applied automatically."""

    kind: SuggestionKind
    line_ids: tuple[str, ...]
    entry_ids: tuple[str, ...]
    receipt_ids: tuple[str, ...]
    amount: Decimal
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LineOutcome:
    """How the line ended up as it is: by whom (None: the matcher itself), when (None: this run) and why."""

    kind: Outcome = "unmatched"
    by: str | None = None
    at: datetime | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class LineResult:
    line_id: str
    reference: str | None
    cardholder: str
    employee_id: str | None
    transaction_date: date
    amount: Decimal
    merchant: str
    status: LineStatus
    match: Match | None
    review: bool
    # Competing candidates when review is True (best first); empty otherwise.
    candidates: tuple[Match, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    # A credit paired with the charge it refunds, and the reverse link on the charge.
    refund_of: str | None = None
    refunded_by: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    outcome: LineOutcome = LineOutcome()
    # Entries whose coding the line carries: its own (every part of a split), or for a credit the first entry of
    # the charge it refunds; empty when nothing codes it.
    coding_entry_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CardholderSummary:
    name: str
    employee_id: str | None
    card_total: Decimal
    # Card amounts of the lines that have a receipt; missing_receipt_amount those that lack one.
    receipt_total: Decimal
    receipt_count: int
    missing_receipt_amount: Decimal
    flags: tuple[CardholderFlag, ...]
    complete: bool
    line_count: int
    is_account: bool = False
    # Expense-report names resolved to this cardholder.
    expense_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IdentitySuggestion:
    """An expense-report name no rule resolved, with the statement cardholder it most likely is."""

    expense_name: str
    cardholder: str | None
    employee_id: str | None
    score: float
    reasons: tuple[str, ...]
    entry_count: int


@dataclass(frozen=True, slots=True)
class StatusChange:
    line_id: str
    before: LineStatus | None
    after: LineStatus | None


@dataclass(frozen=True, slots=True)
class Changes:
    """What moved since the previous run; empty when there was none."""

    newly_complete: tuple[str, ...] = ()
    newly_missing: tuple[str, ...] = ()
    status_changed: tuple[StatusChange, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    cardholders_newly_complete: tuple[str, ...] = ()
    cardholders_newly_incomplete: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reconciliation:
    lines: tuple[LineResult, ...]
    cardholders: tuple[CardholderSummary, ...]
    identity_suggestions: tuple[IdentitySuggestion, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    changes: Changes = Changes()
    unmatched_entry_ids: tuple[str, ...] = ()
    unmatched_receipt_ids: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def statuses(self) -> Mapping[str, LineStatus]:
        return {r.line_id: r.status for r in self.lines}

    def complete_cardholders(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.cardholders if c.complete)

    @cached_property
    def _by_line_id(self) -> Mapping[str, LineResult]:
        return {r.line_id: r for r in self.lines}

    def line(self, line_id: str) -> LineResult:
        return self._by_line_id[line_id]
