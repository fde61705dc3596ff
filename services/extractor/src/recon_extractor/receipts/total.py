"""The total a receipt was paid with, chosen by evidence, not by the first `TOTAL` label.

Receipts print several totals (before tax, per tax rate, before rounding, in a tax summary) and OCR
garbles labels. Every labelled total is a candidate scored by its label (`TOTAL PAYABLE` / `GRAND
TOTAL` / `TOTAL ROUNDED` over `TOTAL ... INCL. GST` over a bare `TOTAL` over `AMOUNT`), then by what else
on the receipt agrees with it:
- cash tendered minus change (the strongest check a receipt offers),
- a card payment of exactly that amount,
- subtotal + tax (+ tip) (+ rounding),
- a rounding adjustment after it: Malaysian tills round to 5 sen and print `ROUNDING ADJ -0.01`; the
  total paid is the labelled total plus the adjustment, often printed on a row without a label,
- being printed more than once.
Totals in a tax summary table (after `GST SUMMARY`), per-rate totals (`Total 6% supplies`) and counts
(`TOTAL QTY`) are not candidates. Without any labelled total: cash minus change, else the subtotal (with
its tax unless the subtotal is printed again), else the largest amount not tendered, at a low confidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal

from recon_extractor.receipts.amounts import (
    CHANGE,
    ROUNDING,
    TENDERED,
    Amount,
    after_label,
    amounts,
    summary_start,
)

_T = r"(?:T[O0U]T[AOE0]?[LI1]|TTL|[LI1l]OTAL|T[AO]TAL|TOAL|TTAL|T[O0]TA\b|TOT\b)"
_TIERS: tuple[tuple[float, re.Pattern[str]], ...] = (
    (
        3.0,
        re.compile(
            rf"GRAND\s*{_T}|{_T}\s+(?:AMT\.?\s+)?P\w{{1,3}}BLE|{_T}\s+PAY\w*|AMOUNT\s+PAY\w*|AMOUNT\s+DUE|"
            rf"{_T}\s+DUE|BALANCE\s+DUE|NETT?\s*{_T}|"
            rf"{_T}\s+(?:AMT\.?\s+|AMOUNT\s+)?ROUND\w*|ROUNDED\s+{_T}|{_T}\s+AFTER|{_T}\s+NETT?\b|"
            rf"{_T}\s+TO\s+PAY|AMOUNT\s+TO\s+(?:BE\s+)?PAI?D?",
            re.I,
        ),
    ),
    (2.5, re.compile(rf"{_T}.{{0,20}}INCL|A\w{{1,3}}UNT\s+INCL|{_T}\s+AMOUNT|{_T}\s*SALES?\b|{_T}\s+INC\b", re.I)),
    (2.0, re.compile(rf"\b{_T}\b|{_T}\s*[:(]|{_T}\s+(?:AMT|RM|MYR|\$)", re.I)),
    (1.0, re.compile(r"\bAMOUNT\b|\bAMT\b|\bNETT?\b|PAYABLE|\bJUMLAH\b", re.I)),
)
_NOT_TOTAL = re.compile(
    rf"SUB\s*[-.]?\s*{_T}|SUBTOTAL|{_T}\s*(?:[(\[]?\s*)?(?:SALES?\s+)?\(?EXCL|{_T}\s+BEFORE|"
    rf"{_T}\s*(?:QTY|QUANTITY|QUANTITIES|ITEMS?|LTEM|UNITS?|PCS|NO\b|COUNT|CLY|QLY|Q'?TY)|"
    rf"{_T}\s+(?:GST|TAX|VAT|SST|DISC\w*|SAVING\w*|SAVED|POINTS|TENDER\w*|GROSS|WEIGHT|DEPOSIT)|"
    rf"(?:GST|TAX|VAT)\s*{_T}|{_T}\s+\d+\s?%|(?<!AFTER )ROUNDING|CHANGE|ACCEPTED|RECEIVED|INCLUDE[DS]\b|"
    r"TENDERED|\bQTY\b|DISCOUNT|EXCL|PAYMENT\s+MODE",
    re.I,
)
_CARD_PAYMENT = re.compile(r"\bVISA\b|MASTER|\bAMEX\b|CREDIT|DEBIT|\bCARD\b", re.I)
_ROUNDING_ONLY = re.compile(r"ROUND|\bADJ", re.I)


def _tier(line: str) -> tuple[float, int] | None:
    if _NOT_TOTAL.search(line):
        return None
    for weight, pattern in _TIERS:
        if m := pattern.search(line):
            return weight, m.end()
    return None


def _tendered_minus_change(lines: Sequence[str]) -> Decimal | None:
    """Cash tendered minus change: the last CHANGE row with an amount, and the tendered amount on the
    nearest row above it that has one (`CASH 8.60` / `TENDERED 9.00` / `CHANGE 0.40` is 9.00 - 0.40)."""
    for row in range(len(lines) - 1, 0, -1):
        m = CHANGE.search(lines[row])
        found = after_label(lines, row, m.end()) if m else None
        if found is None or found.row != row:
            continue
        change = abs(found.value)  # `CHANGE 6.00-`: some tills print change as a negative
        for above in range(row - 1, max(-1, row - 4), -1):
            line = lines[above]
            if (t := TENDERED.search(line)) and not CHANGE.search(line):
                on_row = [a for a in amounts(line, above) if a.start >= t.end()] or amounts(line, above)
                tendered = on_row[-1] if on_row else after_label(lines, above, t.end())
                if tendered is not None and tendered.row == above and tendered.value > change:
                    return tendered.value - change
        return None
    return None


def _rounding(lines: Sequence[str]) -> Amount | None:
    for row, line in enumerate(lines):
        if ROUNDING.search(line) and _ROUNDING_ONLY.search(line) and not _tier(line):
            found = [a for a in amounts(line, row) if abs(a.value) < Decimal("0.10")]
            if found and found[-1].value != 0:
                return found[-1]
    return None


def _fallback(
    lines: Sequence[str], paid: Decimal | None, subtotal: Decimal | None, tax: Decimal | None
) -> tuple[Decimal | None, float]:
    """No labelled total: what was paid, else subtotal (+ tax), else the largest amount not tendered."""
    if paid is not None:
        return paid, 0.6
    if subtotal is not None:
        printed = sum(a.value == subtotal for r, ln in enumerate(lines) for a in amounts(ln, r))
        # Tax-inclusive receipts print the subtotal again as the (garbled) total; others add the tax.
        return (subtotal if printed > 1 or tax is None else subtotal + tax), 0.5
    others = [
        a.value for r, ln in enumerate(lines) if not (TENDERED.search(ln) or CHANGE.search(ln)) for a in amounts(ln, r)
    ]
    return (max(others), 0.4) if others else (None, 0.0)


def _labelled(lines: Sequence[str]) -> tuple[dict[Decimal, float], dict[Decimal, int]]:
    """Each labelled total's best label weight, and the row it was first seen on."""
    scores: dict[Decimal, float] = defaultdict(float)
    rows: dict[Decimal, int] = {}
    for row, line in enumerate(lines):
        tier = _tier(line)
        found = after_label(lines, row, tier[1]) if tier else None
        if tier and found and found.value != 0:
            scores[found.value] = max(scores[found.value], tier[0])
            rows.setdefault(found.value, row)
    return scores, rows


def _apply_rounding(scores: dict[Decimal, float], rows: dict[Decimal, int], rounding: Amount) -> None:
    """A total printed above a rounding adjustment gives way to itself plus the adjustment."""
    for value, row in list(rows.items()):
        if row < rounding.row and value > 0:
            rounded = value + rounding.value
            scores[rounded] = max(scores[rounded], scores[value] + 1.0)
            scores[value] -= 1.0


def _confidence(scores: dict[Decimal, float]) -> tuple[Decimal, float]:
    ranked = sorted(scores.items(), key=lambda item: (item[1], item[0]), reverse=True)
    best, score = ranked[0]
    confidence = 0.97 if score >= 4.0 else 0.9 if score >= 3.0 else 0.85 if score >= 2.0 else 0.5
    if len(ranked) > 1 and ranked[1][1] >= score - 0.5:
        confidence -= 0.15  # two totals with as much evidence: a coin toss between them
    return best, round(confidence, 2)


def receipt_total(
    lines: Sequence[str], subtotal: Decimal | None, tax: Decimal | None, tip: Decimal | None
) -> tuple[Decimal | None, float]:
    """The total and a confidence in 0..1 (see the module docstring)."""
    end = summary_start(lines)
    scores, rows = _labelled(lines[:end])
    rounding = _rounding(lines[:end])
    if rounding is not None:
        _apply_rounding(scores, rows, rounding)
    paid = _tendered_minus_change(lines)
    if not scores:
        return _fallback(lines[:end], paid, subtotal, tax)
    printed = Counter(a.value for row, line in enumerate(lines) for a in amounts(line, row))
    card_payments = {a.value for r, ln in enumerate(lines) if _CARD_PAYMENT.search(ln) for a in amounts(ln, r)}
    parts = sum((p for p in (subtotal, tax, tip) if p is not None), Decimal(0))
    for value in scores:
        if paid is not None and value == paid:
            scores[value] += 2.0
        if value in card_payments:
            scores[value] += 1.0
        if subtotal is not None and value in (parts, parts + (rounding.value if rounding else 0)):
            scores[value] += 1.0
        scores[value] += min(1.0, 0.3 * (printed[value] - 1))
    if paid is not None and paid not in scores:
        scores[paid] = 2.5 + min(1.0, 0.3 * (printed[paid] - 1))  # tendered minus change is a total by itself
    return _confidence(scores)
