"""The rows a report shows: plain data assembled from a session's lines and matches."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class ReportLine:
    """One card line with its match, as every report format shows it."""

    cardholder: str
    employee_id: str | None
    card_last4: str | None
    transaction_date: date
    posted_date: date | None
    reference: str | None
    merchant: str
    category: str | None
    amount: Decimal
    status: str
    receipt_file: str | None
    receipt_vendor: str | None
    receipt_date: date | None
    receipt_amount: Decimal | None
    confidence: float | None
    reasons: str


@dataclass(frozen=True)
class ReportSession:
    id: str
    name: str | None
    created_at: datetime


@dataclass(frozen=True)
class CardholderSummary:
    cardholder: str
    employee_id: str | None
    card_last4: str | None
    lines: int
    card_total: Decimal
    matched_lines: int
    matched_total: Decimal
    unmatched_total: Decimal


def money(value: Decimal | None) -> str:
    """A plain decimal amount with two places (no currency sign), empty when unknown."""
    return "" if value is None else f"{value:.2f}"


def masked_card(last4: str | None) -> str:
    """A card shown only by its last four digits."""
    return f"XXXX-XXXX-XXXX-{last4}" if last4 else ""


def summarise(lines: Iterable[ReportLine]) -> list[CardholderSummary]:
    """Per-cardholder totals in the order cardholders first appear."""
    groups: OrderedDict[tuple[str, str | None], list[ReportLine]] = OrderedDict()
    for line in lines:
        groups.setdefault((line.cardholder, line.employee_id), []).append(line)
    out = []
    for (name, employee_id), rows in groups.items():
        matched = [r for r in rows if r.status == "matched"]
        total = sum((r.amount for r in rows), Decimal("0"))
        matched_total = sum((r.amount for r in matched), Decimal("0"))
        out.append(
            CardholderSummary(
                cardholder=name,
                employee_id=employee_id,
                card_last4=rows[0].card_last4,
                lines=len(rows),
                card_total=total,
                matched_lines=len(matched),
                matched_total=matched_total,
                unmatched_total=total - matched_total,
            )
        )
    return out
