"""Reviewer decisions folded, in the order they were made, into what each line's matching must respect."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from recon_matcher.domain.sides import ReviewDecision


@dataclass
class LineRules:
    """What the reviewers decided for one line; automatic matching works around it."""

    pinned_entries: list[str] = field(default_factory=list)
    pinned_receipt: str | None = None
    # The latest decision of each kind: who said it and when is the line's outcome.
    pin: ReviewDecision | None = None
    rejection: ReviewDecision | None = None
    waiver: ReviewDecision | None = None
    forbidden_entries: set[str] = field(default_factory=set)
    forbidden_receipts: set[str] = field(default_factory=set)
    no_auto: bool = False
    no_receipt_reason: str | None = None
    waived: bool = False

    def allows_entry(self, entry_id: str) -> bool:
        return not self.no_auto and entry_id not in self.forbidden_entries

    def allows_receipt(self, receipt_id: str) -> bool:
        return not self.no_auto and receipt_id not in self.forbidden_receipts


def _pin(rules: LineRules, d: ReviewDecision) -> None:
    if d.entry_id is not None:
        if d.action == "reassign":
            rules.pinned_entries = [d.entry_id]
        elif d.entry_id not in rules.pinned_entries:
            rules.pinned_entries.append(d.entry_id)
        rules.forbidden_entries.discard(d.entry_id)
    if d.receipt_id is not None:
        rules.pinned_receipt = d.receipt_id
        rules.forbidden_receipts.discard(d.receipt_id)
    rules.pin = d
    rules.no_auto = False


def _reject(rules: LineRules, d: ReviewDecision) -> None:
    rules.rejection = d
    if d.entry_id is None and d.receipt_id is None:
        rules.no_auto = True
        rules.pinned_entries, rules.pinned_receipt = [], None
        return
    if d.entry_id is not None:
        rules.forbidden_entries.add(d.entry_id)
        rules.pinned_entries = [e for e in rules.pinned_entries if e != d.entry_id]
    if d.receipt_id is not None:
        rules.forbidden_receipts.add(d.receipt_id)
        if rules.pinned_receipt == d.receipt_id:
            rules.pinned_receipt = None


def fold_decisions(decisions: Iterable[ReviewDecision], *, waive_receipt: bool) -> dict[str, LineRules]:
    """Later decisions on a line override earlier ones on the same entry or receipt."""
    rules: dict[str, LineRules] = {}
    for d in decisions:
        r = rules.setdefault(d.line_id, LineRules())
        if d.action in ("approve", "reassign"):
            _pin(r, d)
        elif d.action == "reject":
            _reject(r, d)
        elif d.action == "no_receipt":
            r.no_receipt_reason = d.reason or "no receipt"
            r.waiver = d
            r.waived = waive_receipt
    return rules
