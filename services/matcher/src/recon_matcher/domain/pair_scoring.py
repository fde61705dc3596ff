"""One number and a few readable reasons for "this document belongs to this card line".

confidence = w_amount * amount + w_date * date + w_merchant * merchant (weights in MatchSettings), plus a small
bonus when a receipt prints the card's last four. A pair outside the amount or date rules is no candidate; a
loose receipt from a merchant that shares no word with the charge is at most a candidate for review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from recon_matcher.domain.amount_evidence import (
    AmountEvidence,
    entry_amount_evidence,
    fx_entry_evidence,
    receipt_amount_evidence,
)
from recon_matcher.domain.date_evidence import NO_DATE, DateEvidence, date_evidence
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.merchant_names import (
    MerchantAliases,
    MerchantName,
    MerchantScore,
    merchant_similarity,
    normalise_merchant,
)
from recon_matcher.domain.readable import dollars
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt

UNKNOWN_AMOUNT = AmountEvidence(0.3, "amount unknown")
CARD_BONUS = 0.03
# An entry whose own amount disagrees while its receipt agrees: a typo (digits swapped or one digit wrong)
# is still the same charge; a clearly different amount (a split, a partial claim) is for a person to judge.
TYPO_ENTRY_FACTOR = 0.85
OTHER_ENTRY_FACTOR = 0.4


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible pairing of a card line with a target (an entry, a receipt or, for credits, a charge)."""

    line_id: str
    target_id: str
    receipt_id: str | None
    confidence: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What scoring needs of a card line, computed once per run."""

    line: CardLine
    name: MerchantName
    long_stay: bool
    window: int  # days a document may lie outside [transaction, posted]


@dataclass(frozen=True)
class ScoringContext:
    settings: MatchSettings
    aliases: MerchantAliases

    def facts(self, line: CardLine) -> LineFacts:
        s = self.settings
        name = normalise_merchant(line.merchant, line.city, line.state, truncation_width=s.truncation_width)
        long_stay = (line.category or "").upper() in s.long_stay_categories or any(
            t in s.long_stay_words for t in name.tokens
        )
        window = s.long_stay_window_days if long_stay else s.date_window_days
        return LineFacts(line, name, long_stay, window)

    def window(self, facts: LineFacts, expense_type: str | None = None) -> int:
        if facts.long_stay or not expense_type:
            return facts.window
        words = set(expense_type.upper().replace("/", " ").split())
        return self.settings.long_stay_window_days if words & self.settings.long_stay_words else facts.window

    def merchant(self, facts: LineFacts, text: str | None) -> MerchantScore | None:
        if not text:
            return None
        return merchant_similarity(facts.name, normalise_merchant(text), self.aliases)

    def confidence(self, amount: AmountEvidence, when: DateEvidence, merchant: MerchantScore) -> float:
        s = self.settings
        return s.weight_amount * amount.score + s.weight_date * when.score + s.weight_merchant * merchant.score


def _best_receipt(
    facts: LineFacts, receipts: Sequence[Receipt], settings: MatchSettings
) -> tuple[Receipt, AmountEvidence] | None:
    best = None
    for receipt in receipts:
        ev = receipt_amount_evidence(facts.line.amount, receipt, settings)
        if ev is not None and (best is None or ev.score > best[1].score):
            best = (receipt, ev)
    return best


def _typo_like(typed: Decimal, charge: Decimal) -> bool:
    """Two neighbouring digits swapped, or one wrong digit among the units and cents (a wrong leading digit is
    as likely a different amount, e.g. one part of a split charge)."""
    a, b = f"{abs(typed):.2f}".replace(".", ""), f"{abs(charge):.2f}".replace(".", "")
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return swapped or (len(diff) == 1 and diff[0] >= len(a) - 3)


def _entry_amount(
    facts: LineFacts, entry: ExpenseEntry, receipts: Sequence[Receipt], settings: MatchSettings
) -> tuple[AmountEvidence, Receipt | None] | None:
    charge = facts.line.amount
    by_receipt = _best_receipt(facts, receipts, settings)
    own = entry_amount_evidence(charge, entry.amount)
    if own is None and any((r.currency or settings.home_currency) != settings.home_currency for r in receipts):
        own = fx_entry_evidence(charge, entry.amount, settings)
    first = receipts[0] if receipts else None
    if own is not None:
        if by_receipt is not None and by_receipt[1].score > own.score:
            return by_receipt[1], by_receipt[0]
        return own, by_receipt[0] if by_receipt else first
    if by_receipt is not None:
        receipt, ev = by_receipt
        if entry.amount is not None:
            factor = TYPO_ENTRY_FACTOR if _typo_like(entry.amount, charge) else OTHER_ENTRY_FACTOR
            ev = AmountEvidence(ev.score * factor, f"{ev.reason}; entry amount {dollars(entry.amount)} differs")
        return ev, receipt
    if entry.amount is None and all(r.total is None for r in receipts):
        return UNKNOWN_AMOUNT, first
    return None


def _entry_date(facts: LineFacts, entry: ExpenseEntry, receipt: Receipt | None, window: int) -> DateEvidence | None:
    """The employee's date and the receipt's date both count; one outside the window weakens the other."""
    dated = [d for d in (entry.date, receipt.date if receipt else None) if d is not None]
    if not dated:
        return NO_DATE
    fits = [ev for d in dated if (ev := date_evidence(facts.line, d, window)) is not None]
    if not fits:
        return None
    if len(fits) < len(dated):
        return DateEvidence(round(fits[0].score * 0.9, 3), f"{fits[0].reason} (other date outside window)")
    return DateEvidence(round(sum(ev.score for ev in fits) / len(fits), 3), fits[0].reason)


def score_entry(
    facts: LineFacts, entry: ExpenseEntry, receipts: Sequence[Receipt], ctx: ScoringContext
) -> Candidate | None:
    """The line ↔ entry pair, judged on the entry and its attached receipts; None when it cannot be."""
    amount = _entry_amount(facts, entry, receipts, ctx.settings)
    if amount is None:
        return None
    evidence, receipt = amount
    when = _entry_date(facts, entry, receipt, ctx.window(facts, entry.expense_type))
    if when is None:
        return None
    names = [
        m for m in (ctx.merchant(facts, entry.merchant), ctx.merchant(facts, receipt.vendor if receipt else None)) if m
    ]
    merchant = max(names, key=lambda m: m.score) if names else MerchantScore(0.5, "merchant unknown")
    confidence = round(min(1.0, ctx.confidence(evidence, when, merchant)), 4)
    receipt_id = receipt.id if receipt is not None else None
    return Candidate(facts.line.id, entry.id, receipt_id, confidence, (evidence.reason, when.reason, merchant.reason))


def score_receipt(facts: LineFacts, receipt: Receipt, ctx: ScoringContext) -> Candidate | None:
    """The line ↔ loose receipt pair; a receipt printing another card's last four is never a candidate."""
    line = facts.line
    if receipt.card_last4 and line.card_last4 and receipt.card_last4 != line.card_last4:
        return None
    evidence = receipt_amount_evidence(line.amount, receipt, ctx.settings)
    if evidence is None:
        if receipt.total is not None:
            return None
        evidence = UNKNOWN_AMOUNT
    when = date_evidence(line, receipt.date, ctx.window(facts))
    if when is None:
        return None
    merchant = ctx.merchant(facts, receipt.vendor) or MerchantScore(0.5, "merchant unknown")
    reasons = [evidence.reason, when.reason, merchant.reason]
    confidence = ctx.confidence(evidence, when, merchant)
    if receipt.card_last4 and receipt.card_last4 == line.card_last4:
        confidence += CARD_BONUS
        reasons.append(f"card ••{receipt.card_last4}")
    elif merchant.score == 0.0:
        # A loose receipt names no cardholder: amount and date alone, against a merchant that shares no word
        # with the charge, is a coincidence in a large statement, never an automatic match.
        confidence = min(confidence, ctx.settings.auto_match_confidence - 0.01)
        reasons.append("merchant differs")
    return Candidate(line.id, receipt.id, receipt.id, round(min(1.0, confidence), 4), tuple(reasons))
