"""Credits and refunds paired with the charge they give back, within one cardholder.

Same merchant (similarity ≥ 0.6), the charge on or before the credit within the refund window and at least as
large; an exact amount is a full refund. Pairing is one-to-one and left out when ambiguous (several charges
equally likely), since a credit is never an exception either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recon_matcher.domain.assignment import Thresholds, assign
from recon_matcher.domain.merchant_names import merchant_similarity
from recon_matcher.domain.pair_scoring import Candidate, LineFacts, ScoringContext
from recon_matcher.domain.readable import dollars

_MIN_MERCHANT = 0.6
_THRESHOLDS = Thresholds(floor=0.5, auto=0.6, margin=0.03)


@dataclass(frozen=True, slots=True)
class Refund:
    credit_id: str
    charge_id: str
    full: bool
    reasons: tuple[str, ...]


def _candidate(credit: LineFacts, charge: LineFacts, ctx: ScoringContext) -> Candidate | None:
    c, g = credit.line, charge.line
    days = (c.transaction_date - g.transaction_date).days
    window = ctx.settings.refund_window_days
    if days < 0 or days > window or g.amount < -c.amount:
        return None
    merchant = merchant_similarity(credit.name, charge.name, ctx.aliases)
    if merchant.score < _MIN_MERCHANT:
        return None
    full = g.amount == -c.amount
    amount_reason = "full refund" if full else f"partial refund ({dollars(-c.amount)} of {dollars(g.amount)})"
    confidence = 0.5 * (1.0 if full else 0.6) + 0.3 * merchant.score + 0.2 * (1.0 - 0.5 * days / window)
    reasons = (amount_reason, f"{days} days after the charge", merchant.reason)
    return Candidate(c.id, g.id, None, round(confidence, 4), reasons)


def pair_refunds(lines_by_holder: Iterable[Sequence[LineFacts]], ctx: ScoringContext) -> dict[str, Refund]:
    """credit line id -> the refunded charge, for the credits that can be paired confidently."""
    candidates: list[Candidate] = []
    for facts in lines_by_holder:
        credits = [f for f in facts if f.line.amount < 0]
        if not credits:
            continue
        charges = [f for f in facts if f.line.amount > 0]
        candidates += [c for cr in credits for ch in charges if (c := _candidate(cr, ch, ctx)) is not None]
    matched = assign(candidates, _THRESHOLDS).matched
    return {line: Refund(line, c.target_id, c.reasons[0] == "full refund", c.reasons) for line, c in matched.items()}
