"""The typed statement every statement parser returns. Money is Decimal; credits are negative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal


@dataclass(frozen=True, slots=True)
class StatementItem:
    """One product row of a charge (WEX prints several per swipe: fuel, car wash, ...)."""

    description: str | None
    ppu: Decimal | None
    quantity: Decimal | None
    gross: Decimal
    discount: Decimal
    net: Decimal


@dataclass(frozen=True, slots=True)
class ForeignAmount:
    """A foreign-currency charge's detail line: the amount in the merchant's currency and the rate applied."""

    amount: Decimal | None
    currency: str | None
    rate: Decimal | None


@dataclass(frozen=True, slots=True)
class CardLine:
    """One charge or credit; `amount` is what hit the card (a WEX swipe's net total)."""

    transaction_date: date
    posted_date: date | None
    reference: str | None
    merchant: str
    city: str | None
    state: str | None
    category: str | None
    description: str | None
    amount: Decimal
    currency: str = "USD"
    gross: Decimal | None = None
    discount: Decimal | None = None
    items: tuple[StatementItem, ...] = ()
    page: int | None = None
    foreign: ForeignAmount | None = None


@dataclass(frozen=True, slots=True)
class Cardholder:
    """A card as printed: name, employee id, last four of the card, and its lines in printed order."""

    name: str
    employee_id: str | None
    card_last4: str | None
    lines: tuple[CardLine, ...]
    # The card number's first digit names this card's network (4 Visa, 5 Mastercard, ...); the rest is never kept.
    card_first_digit: str | None = None


FindingKind = Literal["unread_row", "total_mismatch", "balance_mismatch", "date_order", "unconfirmed_rows"]


@dataclass(frozen=True, slots=True)
class Finding:
    """Something on the statement the reader could not account for, in plain words for a reviewer.

    A warning is worth a look; a finding means the lines may be wrong or incomplete, so the session needs a
    person before its AP import: `unread_row` looks like a charge but was not read, `total_mismatch` is a
    printed total the lines contradict, `balance_mismatch` a printed balance equation that does not add up,
    `date_order` numeric dates that could be day-first or month-first with nothing printed to say which,
    `unconfirmed_rows` rows read on a guess (columns from another page) that no printed total confirms.
    """

    kind: FindingKind
    message: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """A parsed statement: printed totals (`gross`, `discount`, `net`, ...) and readable warnings."""

    issuer: str
    period_start: date | None
    period_end: date | None
    account: str | None
    cardholders: tuple[Cardholder, ...]
    totals: dict[str, Decimal]
    warnings: tuple[str, ...]
    # Pages read by OCR (no text layer): their lines are less certain than printed text and say so.
    ocr_pages: frozenset[int] = frozenset()
    findings: tuple[Finding, ...] = ()

    def read_by(self, line: CardLine) -> str:
        """ "ocr" for a line printed on a page read by OCR, else "text"."""
        return "ocr" if line.page in self.ocr_pages else "text"

    @property
    def lines(self) -> tuple[CardLine, ...]:
        return tuple(line for ch in self.cardholders for line in ch.lines)
