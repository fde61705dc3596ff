"""The pvault AP-import CSV: exactly 18 columns, UTF-8, CRLF, only cardholders whose every line is complete."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import IO

from recon_reporter.domain.report_rows import money

PVAULT_COLUMNS = (
    "Transaction ID",
    "Transaction Date",
    "Transaction Amount",
    "Transaction Name",
    "Vendor Invoice #",
    "Invoice Date",
    "Header Description",
    "Job",
    "Phase",
    "Cost Type",
    "GL Account",
    "Item Description",
    "UM",
    "Tax",
    "Pay Type",
    "Card Holder",
    "Credit Card Number",
    "Credit Card Vendor",
)
CARD_VENDORS = {"3": "Amex", "4": "Visa", "5": "Mastercard", "6": "Discover"}
PAY_TYPE = "Credit Card"


@dataclass(frozen=True)
class ApLine:
    """A card line with the coding of its expense entry, as the AP system imports it."""

    cardholder: str
    complete: bool
    reference: str | None
    transaction_date: date
    posted_date: date | None
    amount: Decimal
    merchant: str
    purpose: str | None
    job: str | None
    phase: str | None
    cost_type: str | None
    gl_account: str | None
    expense_type: str | None
    tax: Decimal | None
    card_first_digit: str | None
    card_last4: str | None


def card_vendor(first_digit: str | None) -> str:
    """The network from the card number's first digit (4 Visa, 5 Mastercard, 3 Amex, 6 Discover)."""
    return CARD_VENDORS.get(first_digit or "", "")


def masked_number(last4: str | None) -> str:
    return f"XXXXXXXXXXXX{last4}" if last4 else ""


def importable(lines: Iterable[ApLine]) -> Iterator[ApLine]:
    """Lines of cardholders who are 100 % complete: one incomplete line removes all of that cardholder's rows.

    Lines arrive grouped by cardholder, so only one cardholder's lines are held at a time.
    """
    for _, group in groupby(lines, key=lambda line: line.cardholder):
        held = list(group)
        if all(line.complete for line in held):
            yield from held


def _row(line: ApLine) -> Sequence[str]:
    return (
        line.reference or "",
        line.transaction_date.isoformat(),
        money(line.amount),
        line.merchant,
        line.reference or "",
        (line.posted_date or line.transaction_date).isoformat(),
        line.purpose or "",
        line.job or "",
        line.phase or "",
        line.cost_type or "",
        line.gl_account or "",
        line.expense_type or "",
        "",
        money(line.tax) if line.tax is not None else "",
        PAY_TYPE,
        line.cardholder,
        masked_number(line.card_last4),
        card_vendor(line.card_first_digit),
    )


def write_pvault_csv(lines: Iterable[ApLine], out: IO[str]) -> int:
    """Write the import file from lines grouped by cardholder (open `out` with newline=""); returns the row count."""
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(PVAULT_COLUMNS)
    count = 0
    for line in importable(lines):
        # Embedded newlines in free text would break the one-record-per-line import.
        writer.writerow([" ".join(value.split()) if "\n" in value or "\r" in value else value for value in _row(line)])
        count += 1
    return count
