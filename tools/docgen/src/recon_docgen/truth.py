"""Ground truth for generated documents.

What a generated WEX "Cardholder Activity Report General" prints, so parsers can check themselves:

- Every page: the cardholder block (Account Code, Customer ID, Card Number, Cardholder Name, Employee ID)
  naming whose lines follow, then the column header. Page 1 also carries the report header above it.
- One row per product (`GenItem`) of a swipe (`GenLine`), every row repeating the swipe's dates, level,
  transaction number, merchant, city/state and merchant group.
- `Transaction Totals: $gross $discount $net` after each swipe's last product row (it may be the first
  row of the next page). Per product and per swipe `net == gross - discount`.
- `Cardholder Totals: $gross $discount $net` after a cardholder's last swipe; each cardholder starts on
  a new page.
- `Report Totals: $gross $discount $net` once, after the last cardholder's totals.
- `Page N of M` at the foot of every page.
- Money as `$1,234.56`; credits as `-$0.45`.

That is the default layout; `wex_style` / `wex_fuzz` print the same content in other layouts (other
fonts, headers, labels, money formats, blocks mid-page, blank employee IDs, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class GenItem:
    """One product row of a swipe."""

    description: str | None
    ppu: Decimal
    quantity: Decimal
    gross: Decimal
    discount: Decimal
    net: Decimal


@dataclass(frozen=True)
class GenLine:
    """One swipe: a card charge (or credit) with its product rows."""

    transaction_date: date
    posted_date: date
    level: str
    reference: str
    merchant: str
    city: str
    state: str
    category: str
    items: tuple[GenItem, ...]

    @property
    def gross(self) -> Decimal:
        return sum((i.gross for i in self.items), ZERO)

    @property
    def discount(self) -> Decimal:
        return sum((i.discount for i in self.items), ZERO)

    @property
    def net(self) -> Decimal:
        return sum((i.net for i in self.items), ZERO)

    @property
    def amount(self) -> Decimal:
        return self.net

    @property
    def description(self) -> str | None:
        """The first non-empty product description."""
        return next((i.description for i in self.items if i.description), None)


@dataclass(frozen=True)
class GenCardholder:
    """A card and the swipes printed under its block."""

    name: str
    employee_id: str
    card_number: str
    lines: tuple[GenLine, ...]

    @property
    def card_last4(self) -> str:
        return self.card_number[-4:]

    @property
    def gross(self) -> Decimal:
        return sum((line.gross for line in self.lines), ZERO)

    @property
    def discount(self) -> Decimal:
        return sum((line.discount for line in self.lines), ZERO)

    @property
    def net(self) -> Decimal:
        return sum((line.net for line in self.lines), ZERO)


@dataclass(frozen=True)
class GenStatement:
    """A whole report: header fields and cardholders in printed order."""

    period_start: date
    period_end: date
    account_code: str
    customer_id: str
    company: str
    cardholders: tuple[GenCardholder, ...]
    street: str = "1200 INDUSTRIAL PKWY"
    city_state_zip: str = "BATON ROUGE, LA 70801"

    @property
    def lines(self) -> tuple[GenLine, ...]:
        return tuple(line for ch in self.cardholders for line in ch.lines)

    @property
    def line_count(self) -> int:
        return sum(len(ch.lines) for ch in self.cardholders)

    @property
    def gross(self) -> Decimal:
        return sum((ch.gross for ch in self.cardholders), ZERO)

    @property
    def discount(self) -> Decimal:
        return sum((ch.discount for ch in self.cardholders), ZERO)

    @property
    def net(self) -> Decimal:
        return sum((ch.net for ch in self.cardholders), ZERO)


@dataclass(frozen=True)
class GenReceipt:
    """What a generated receipt prints."""

    vendor: str
    date: date
    total: Decimal
    subtotal: Decimal | None
    tax: Decimal | None
    tip: Decimal | None
    card_last4: str | None
    address: str = "100 MAIN ST"
    city_state_zip: str = "HOUSTON, TX 77002"
    items: tuple[tuple[str, Decimal], ...] = ()


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def _item_dict(item: GenItem) -> dict[str, Any]:
    return {k: _jsonable(getattr(item, k)) for k in ("description", "ppu", "quantity", "gross", "discount", "net")}


def _line_dict(line: GenLine) -> dict[str, Any]:
    keys = ("transaction_date", "posted_date", "level", "reference", "merchant", "city", "state", "category")
    out = {k: _jsonable(getattr(line, k)) for k in keys}
    out["description"] = line.description
    out.update(gross=str(line.gross), discount=str(line.discount), amount=str(line.net))
    out["items"] = [_item_dict(i) for i in line.items]
    return out


def statement_to_dict(stmt: GenStatement) -> dict[str, Any]:
    """The statement as JSON-ready data: Decimal as strings, dates ISO."""
    return {
        "period": {"start": stmt.period_start.isoformat(), "end": stmt.period_end.isoformat()},
        "account_code": stmt.account_code,
        "customer_id": stmt.customer_id,
        "company": stmt.company,
        "cardholders": [
            {
                "name": ch.name,
                "employee_id": ch.employee_id,
                "card_number": ch.card_number,
                "card_last4": ch.card_last4,
                "totals": {"gross": str(ch.gross), "discount": str(ch.discount), "net": str(ch.net)},
                "lines": [_line_dict(line) for line in ch.lines],
            }
            for ch in stmt.cardholders
        ],
        "totals": {
            "gross": str(stmt.gross),
            "discount": str(stmt.discount),
            "net": str(stmt.net),
            "lines": stmt.line_count,
        },
    }


def receipt_to_dict(receipt: GenReceipt) -> dict[str, Any]:
    """The receipt as JSON-ready data."""
    keys = ("vendor", "date", "total", "subtotal", "tax", "tip", "card_last4")
    return {k: _jsonable(getattr(receipt, k)) for k in keys}
