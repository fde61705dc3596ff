"""Candidate pairs, found by blocking instead of comparing everything with everything.

Entries are only compared with card lines of the same cardholder whose amount lies in one of the entry's
amount ranges (its own amount, its receipts' totals, tip and FX variants); loose receipts, which name no
cardholder, with open card lines in their amount ranges (or, without a readable total, lines of the card
whose last four they print). Date windows are applied while scoring. Cost grows with the number of pairs
that share an amount, not with lines times documents.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

from recon_matcher.domain.amount_evidence import AmountRange, entry_ranges, receipt_ranges
from recon_matcher.domain.pair_scoring import Candidate, LineFacts, ScoringContext, score_entry, score_receipt
from recon_matcher.domain.sides import ExpenseEntry, Receipt

Allowed = Callable[[str, str], bool]


class AmountIndex:
    """Card lines sorted by amount, for range look-ups."""

    def __init__(self, facts: Iterable[LineFacts]) -> None:
        self._facts = sorted(facts, key=lambda f: f.line.amount)
        self._amounts: list[Decimal] = [f.line.amount for f in self._facts]

    def __len__(self) -> int:
        return len(self._facts)

    def within(self, ranges: Iterable[AmountRange]) -> dict[str, LineFacts]:
        found: dict[str, LineFacts] = {}
        for low, high in ranges:
            lo, hi = min(low, high), max(low, high)
            for f in self._facts[bisect_left(self._amounts, lo) : bisect_right(self._amounts, hi)]:
                found[f.line.id] = f
        return found

    def all(self) -> dict[str, LineFacts]:
        return {f.line.id: f for f in self._facts}


def entry_candidates(
    lines_by_holder: Mapping[str, Sequence[LineFacts]],
    entries_by_holder: Mapping[str, Sequence[ExpenseEntry]],
    receipts_of: Callable[[ExpenseEntry], list[Receipt]],
    allowed: Allowed,
    ctx: ScoringContext,
) -> list[Candidate]:
    """Line ↔ entry pairs within each cardholder, at or above the candidate floor."""
    floor = ctx.settings.candidate_confidence
    out: list[Candidate] = []
    for holder, entries in entries_by_holder.items():
        index = AmountIndex(lines_by_holder.get(holder, ()))
        if not len(index):
            continue
        for entry in entries:
            receipts = receipts_of(entry)
            ranges = entry_ranges(entry.amount, receipts, ctx.settings)
            # An entry without any amount is still worth showing against the cardholder's lines by date.
            pool = index.within(ranges) if ranges else index.all()
            for line_id, facts in pool.items():
                if not allowed(line_id, entry.id):
                    continue
                candidate = score_entry(facts, entry, receipts, ctx)
                if candidate is not None and candidate.confidence >= floor:
                    out.append(candidate)
    return out


def receipt_candidates(
    open_lines: Sequence[LineFacts], receipts: Sequence[Receipt], allowed: Allowed, ctx: ScoringContext
) -> list[Candidate]:
    """Line ↔ loose receipt pairs across all cardholders, at or above the candidate floor."""
    floor = ctx.settings.candidate_confidence
    index = AmountIndex(open_lines)
    by_card: dict[str, list[LineFacts]] = defaultdict(list)
    for facts in open_lines:
        if facts.line.card_last4:
            by_card[facts.line.card_last4].append(facts)
    out: list[Candidate] = []
    for receipt in receipts:
        ranges = receipt_ranges(receipt, ctx.settings)
        if ranges:
            pool = index.within(ranges)
        elif receipt.card_last4:
            pool = {f.line.id: f for f in by_card.get(receipt.card_last4, ())}
        else:
            continue
        for line_id, facts in pool.items():
            if not allowed(line_id, receipt.id):
                continue
            candidate = score_receipt(facts, receipt, ctx)
            if candidate is not None and candidate.confidence >= floor:
                out.append(candidate)
    return out
