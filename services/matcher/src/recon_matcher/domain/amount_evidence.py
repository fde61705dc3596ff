"""How well a document's amount explains a card charge, and which charge amounts to look up for it.

Evidence kinds, best first: exact; an expense amount kept to four decimals that rounds to the charge;
a receipt whose subtotal (or pre-tip total) plus the written tip is the charge; a foreign-currency receipt
that converts to the charge within the tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.readable import dollars
from recon_matcher.domain.sides import Receipt

CENT = Decimal("0.01")
AmountRange = tuple[Decimal, Decimal]


@dataclass(frozen=True, slots=True)
class AmountEvidence:
    score: float
    reason: str


def _sub_cent(value: Decimal) -> bool:
    return value != value.quantize(CENT)


def entry_amount_evidence(charge: Decimal, amount: Decimal | None) -> AmountEvidence | None:
    if amount is None:
        return None
    if amount == charge:
        return AmountEvidence(1.0, "amount exact")
    if _sub_cent(amount) and abs(amount - charge) < CENT:
        return AmountEvidence(0.98, f"amount {dollars(amount)} rounds to {dollars(charge)}")
    return None


def _foreign(receipt: Receipt, settings: MatchSettings) -> str | None:
    currency = (receipt.currency or settings.home_currency).upper()
    return None if currency == settings.home_currency.upper() else currency


def _fx_evidence(charge: Decimal, receipt: Receipt, currency: str, settings: MatchSettings) -> AmountEvidence | None:
    rate = settings.fx_rates.get(currency)
    if rate is None or receipt.total is None or charge == 0:
        return None
    converted = receipt.total * rate
    off = abs(converted - charge) / abs(charge)
    if off > settings.fx_tolerance:
        return None
    score = round(0.9 - 0.1 * float(off / settings.fx_tolerance), 3)
    return AmountEvidence(
        score, f"{currency} {receipt.total:.2f} ≈ {dollars(converted.quantize(CENT))} ({float(off) * 100:.1f} % off)"
    )


def receipt_amount_evidence(charge: Decimal, receipt: Receipt, settings: MatchSettings) -> AmountEvidence | None:
    currency = _foreign(receipt, settings)
    if currency is not None:
        return _fx_evidence(charge, receipt, currency, settings)
    if receipt.total is not None:
        if receipt.total == charge:
            return AmountEvidence(1.0, "receipt total exact")
        if _sub_cent(receipt.total) and abs(receipt.total - charge) < CENT:
            return AmountEvidence(0.98, f"receipt total {dollars(receipt.total)} rounds to {dollars(charge)}")
    if receipt.tip:
        # Restaurants print the bill before the tip; the card is charged bill + tip.
        for label, base in (("subtotal", receipt.subtotal), ("total", receipt.total)):
            if base is not None and base + receipt.tip == charge:
                return AmountEvidence(0.95, f"{label} {dollars(base)} + tip {dollars(receipt.tip)} = {dollars(charge)}")
    return None


def fx_entry_evidence(charge: Decimal, amount: Decimal | None, settings: MatchSettings) -> AmountEvidence | None:
    """An entry for a foreign purchase carries the expense system's own conversion, close to the card's."""
    if amount is None or charge == 0:
        return None
    off = abs(amount - charge) / abs(charge)
    if off > settings.fx_tolerance:
        return None
    return AmountEvidence(
        round(0.88 - 0.1 * float(off / settings.fx_tolerance), 3), f"amount {dollars(amount)} within FX tolerance"
    )


def _around(value: Decimal, slack: Decimal) -> AmountRange:
    return value - slack, value + slack


def receipt_ranges(receipt: Receipt, settings: MatchSettings) -> list[AmountRange]:
    """Charge amounts that could belong to this receipt."""
    currency = _foreign(receipt, settings)
    if currency is not None:
        rate = settings.fx_rates.get(currency)
        if rate is None or receipt.total is None:
            return []
        converted = receipt.total * rate
        slack = abs(converted) * settings.fx_tolerance / (1 - settings.fx_tolerance)
        return [_around(converted, slack)]
    ranges = []
    if receipt.total is not None:
        ranges.append(_around(receipt.total, CENT if _sub_cent(receipt.total) else Decimal(0)))
    if receipt.tip:
        ranges += [
            _around(base + receipt.tip, Decimal(0)) for base in (receipt.subtotal, receipt.total) if base is not None
        ]
    return ranges


def entry_ranges(amount: Decimal | None, receipts: list[Receipt], settings: MatchSettings) -> list[AmountRange]:
    """Charge amounts that could belong to an entry: its own amount and those of its receipts."""
    ranges = [r for receipt in receipts for r in receipt_ranges(receipt, settings)]
    if amount is not None:
        if any(_foreign(r, settings) for r in receipts):
            slack = abs(amount) * settings.fx_tolerance / (1 - settings.fx_tolerance)
            ranges.append(_around(amount, slack))
        else:
            ranges.append(_around(amount, CENT if _sub_cent(amount) else Decimal(0)))
    return ranges
