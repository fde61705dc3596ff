"""The pvault AP-import CSV: exactly 18 columns, UTF-8, CRLF; a cardholder is imported whole or not at all.

What goes in, row by row:
- A cardholder is imported only when every line is complete (a credit counts as complete) with nothing left for
  a reviewer (as the Summary's "Complete" column says), and the network of
  every card is known from the card number's first digit (4 Visa, 5 Mastercard, 3 Amex, 6 Discover, per line:
  one person may hold cards of two networks). Any other digit, or none, is never guessed: the cardholder is
  kept out and the verdict says why.
- One row per coded part: a line coded by one entry is one row at the line's amount; a charge split over
  several entries is one row per entry, at the entry's amount, under the same Transaction ID (the parts sum
  exactly to the charge, or the cardholder is kept out).
- A credit carries the coding of the charge it refunds (or its own entry's). A credit nothing codes, and a
  charge refunded in full that nobody claimed with its refund (they cancel out), are left out of the file and
  listed for a person to code by hand; the cardholder's other lines still go in.
- A waived line (accepted without a receipt) carries its waiver in the Header Description, after the
  business purpose: "Fuel for truck 12 (no receipt: <reason>; waived by <reviewer>)", so the AP side sees who
  accepted what and why.
(The seed, ../shared/seed, names no pvault convention for waivers or credits; these rules are ours.)

Safe cells: every text column (the merchant, the purpose, the coding, the cardholder, the reference) goes
through `safe_cells.csv_cell`, so a value starting with `=`, `+`, `-`, `@`, a tab or a carriage return arrives
with a leading `'` and never runs as a formula when the file is opened in a spreadsheet; control characters are
removed and line breaks folded into spaces (one record per line). The exceptions are the columns the import
reads as numbers or dates, which the reporter formats itself: Transaction Amount and Tax stay plain decimals
(a credit is `-20.00`, and a `'` would make the import refuse it), and the dates stay ISO. A coding value that
had to be prefixed is not a code of the AP chart, so the import refuses it by name rather than booking it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import IO

from recon_reporter.domain.report_rows import IMPORTED, Coding, dollars, money
from recon_reporter.domain.safe_cells import csv_cell

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
UNKNOWN_NETWORK = "kept out: card network unknown"


@dataclass(frozen=True)
class ApLine:
    """A card line with the coding of its entries, as the AP system imports it."""

    cardholder: str
    complete: bool
    reference: str | None
    transaction_date: date
    posted_date: date | None
    amount: Decimal
    merchant: str
    parts: tuple[Coding, ...]
    card_first_digit: str | None
    card_last4: str | None
    waiver: str | None = None
    tax: Decimal | None = None

    @property
    def label(self) -> str:
        return f"line {self.reference or self.transaction_date.isoformat()} ({self.merchant}, {dollars(self.amount)})"


@dataclass
class ApResult:
    """What the file holds and, in words, what it does not: cardholders kept out, lines left to code by hand."""

    rows: int = 0
    verdicts: dict[str, str] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)


def card_vendor(first_digit: str | None) -> str | None:
    """The network from the card number's first digit; None when the digit names none we know."""
    return CARD_VENDORS.get(first_digit or "")


def masked_number(last4: str | None) -> str:
    return f"XXXXXXXXXXXX{last4}" if last4 else ""


def _left_out(line: ApLine) -> str | None:
    """Why a complete line has no row: nothing codes it (a credit, or a charge netted by its full refund)."""
    if line.parts:
        return None
    return f"{line.label}: netted by its full refund" if line.amount > 0 else f"{line.label}: credit to code by hand"


def holder_verdict(lines: Sequence[ApLine]) -> str:
    """ "imported", or "kept out: ..." naming what stops the cardholder."""
    open_lines = sum(1 for line in lines if not line.complete)
    if open_lines:
        return f"kept out: {open_lines} line(s) not complete or awaiting review"
    unknown = {line.card_first_digit for line in lines if card_vendor(line.card_first_digit) is None}
    if unknown:
        starts = [f"starting {d}" for d in sorted(d for d in unknown if d)] + (
            ["not printed"] if None in unknown else []
        )
        return f"{UNKNOWN_NETWORK} (card number {' and '.join(starts)})"
    for line in lines:
        if line.parts and sum((p.amount for p in line.parts), Decimal(0)) != line.amount:
            return f"kept out: the coded parts of {line.label} do not add up to it"
    return IMPORTED


def _text(value: str | None) -> str:
    """A text column: line breaks folded (one record per line), then made safe for a spreadsheet."""
    value = value or ""
    return csv_cell(" ".join(value.split()) if "\n" in value or "\r" in value else value)


def _rows(line: ApLine) -> Iterator[Sequence[str]]:
    for part in line.parts:
        purpose = part.purpose or ""
        if line.waiver:
            purpose = f"{purpose} ({line.waiver})" if purpose else line.waiver
        yield (
            _text(line.reference),
            line.transaction_date.isoformat(),
            money(part.amount),
            _text(line.merchant),
            _text(line.reference),
            (line.posted_date or line.transaction_date).isoformat(),
            _text(purpose),
            _text(part.job),
            _text(part.phase),
            _text(part.cost_type),
            _text(part.gl_account),
            _text(part.expense_type),
            "",
            money(line.tax) if line.tax is not None else "",
            PAY_TYPE,
            _text(line.cardholder),
            masked_number(line.card_last4),
            card_vendor(line.card_first_digit) or "",
        )


def write_pvault_csv(lines: Iterable[ApLine], out: IO[str]) -> ApResult:
    """Write the import file from lines grouped by cardholder (open `out` with newline="").

    Only one cardholder's lines are held at a time.
    """
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(PVAULT_COLUMNS)
    result = ApResult()
    for holder, group in groupby(lines, key=lambda line: line.cardholder):
        held = list(group)
        result.verdicts[holder] = verdict = holder_verdict(held)
        if verdict != IMPORTED:
            continue
        for line in held:
            if (why := _left_out(line)) is not None:
                result.left_out.append(f"{holder}: {why}")
            for row in _rows(line):
                writer.writerow(row)
                result.rows += 1
    return result
