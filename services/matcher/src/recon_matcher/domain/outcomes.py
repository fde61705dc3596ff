"""Each line's outcome: auto-matched, approved, reassigned, waived, split or unmatched, with who decided, when and
why, in words (entries by employee, date, amount and purpose; lines by reference, merchant and amount).

A reviewer's decision wins over the matcher's: a waived receipt first (it is what the AP import must carry), then
the reviewer's pins, then the matcher's own matches (which name no person and happen at the run's time).
"""

from __future__ import annotations

from collections.abc import Sequence

from recon_matcher.domain.readable import dollars, entry_label
from recon_matcher.domain.results import LineOutcome, LineStatus, Match
from recon_matcher.domain.review_decisions import LineRules
from recon_matcher.domain.sides import ExpenseEntry, Receipt


def receipt_label(receipt: Receipt) -> str:
    """receipt from Shell, 2025-03-04, $36.66."""
    parts = [receipt.vendor or "an unnamed vendor"]
    if receipt.date is not None:
        parts.append(receipt.date.isoformat())
    if receipt.total is not None:
        parts.append(dollars(receipt.total))
    return "receipt from " + ", ".join(parts)


def _what(entries: Sequence[ExpenseEntry], receipt: Receipt | None) -> str:
    named = [entry_label(e) for e in entries] + ([receipt_label(receipt)] if receipt is not None else [])
    return " and ".join(named)


def line_outcome(
    status: LineStatus,
    match: Match | None,
    rules: LineRules,
    entries: Sequence[ExpenseEntry],
    receipt: Receipt | None,
    notes: Sequence[str],
    short_split: str | None,
    paired: bool = False,
) -> LineOutcome:
    """The outcome of one line from its status, match, the reviewers' rules and the notes on it; `paired` says a
    credit was paired with the charge it refunds (or a charge with the refund that nets it)."""
    if rules.waiver is not None and status != "credit":
        w = rules.waiver
        return LineOutcome("waived", w.decided_by, w.decided_at, f"no receipt: {rules.no_receipt_reason}")
    if match is not None and (match.source == "reviewer" or rules.pin is not None):
        pin = rules.pin
        by, at = (pin.decided_by, pin.decided_at) if pin is not None else (None, None)
        if len(entries) > 1:
            return LineOutcome("split", by, at, f"split over {_what(entries, None)}" + _short(short_split))
        kind = "reassigned" if pin is not None and pin.action == "reassign" else "approved"
        return LineOutcome(kind, by, at, f"{kind} {_what(entries, receipt)}" + _short(short_split))
    if match is not None:
        return LineOutcome("auto_matched", reason=f"{_what(entries, receipt)}: " + "; ".join(match.reasons))
    if paired:
        return LineOutcome("auto_matched", reason="; ".join(notes))
    rejected = rules.rejection if rules.no_auto else None
    reason = "; ".join(notes) if notes else "no expense entry or receipt matched"
    return LineOutcome(
        "unmatched", rejected.decided_by if rejected else None, rejected.decided_at if rejected else None, reason
    )


def _short(short_split: str | None) -> str:
    return f"; {short_split}" if short_split else ""
