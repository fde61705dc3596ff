"""What one printed row of a WEX report says: the period, a product row, a totals row, page furniture, or a
row that looks like a charge (a date and an amount, or a 9-digit reference) whether or not it was read."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from recon_extractor.amounts import parse_amount
from recon_extractor.statements.model import StatementItem

TotalsKind = Literal["transaction", "cardholder", "report"]

_PERIOD = re.compile(r"Posted Date between (\d{1,2}/\d{1,2}/\d{4}) and (\d{1,2}/\d{1,2}/\d{4})", re.I)
_FROM_TO = re.compile(r"^From:\s*(\d{1,2}/\d{1,2}/\d{4})\s+To:\s*(\d{1,2}/\d{1,2}/\d{4})")
# "Totais": OCR reads a small l as i now and then; the row is still a totals row.
_TOTALS = re.compile(r"\b(Transaction|Cardholder|Report|Grand)\s+Tota[li]s?\s*:", re.I)
_KINDS: dict[str, TotalsKind] = {
    "transaction": "transaction",
    "cardholder": "cardholder",
    "report": "report",
    "grand": "report",
}
_FOOTER = re.compile(r"\bPage \d+(?:\s*(?:of|/)\s*\d+)?$", re.I)
# The report's title and selection criteria (`Employee Number = ALL`), printed above the first table.
_FURNITURE = re.compile(
    r"cardholder activity report|^produced on\b|^primary sort\b|^[\w ]+ = \S|^(?:run|printed) on\b", re.I
)
_ANY_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_ANY_AMOUNT = re.compile(r"(?<![\d/])-?\$?\d{1,3}(?:,?\d{3})*\.\d{2}\b")
_REFERENCE = re.compile(r"\b\d{9}\b")
# The same, with the spaces taken out: text that came apart into letters (`1 1 / 1 4 / 2 0 2 5`).
_SQUEEZED_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2}")
_SQUEEZED_AMOUNT = re.compile(r"\d\.\d{2}")
_SQUEEZED_TOTALS = re.compile(r"totals?:", re.I)
_PLAUSIBLE_REFERENCE = re.compile(r"^[A-Z0-9-]{4,}$")
SWIPE_FIELDS = frozenset({"trans_date", "posted_date", "level", "reference", "merchant", "city", "group"})
"""What every product row of a swipe repeats, unless the report prints it only on the first."""
_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
_CITY_STATE = re.compile(r"^(?P<city>.*?)(?:,\s*|\s+)(?P<state>[A-Z]{2})$")


@dataclass(frozen=True)
class ItemRow:
    """A product row: the swipe's columns and this product's amounts."""

    transaction_date: date
    posted_date: date | None
    level: str | None
    reference: str | None
    merchant: str
    place: str | None  # "MOBILE, AL" as printed
    category: str | None
    item: StatementItem

    @property
    def city(self) -> str | None:
        return _city_state(self.place)[0]

    @property
    def state(self) -> str | None:
        return _city_state(self.place)[1]

    def continued(self, cells: dict[str, str]) -> ItemRow:
        """The row with a wrapped cell's next line (`cells`: merchant, city, group or description text)."""

        def joined(first: str | None, key: str) -> str | None:
            return f"{first} {cells[key]}" if first and cells.get(key) else first or cells.get(key)

        description = joined(self.item.description, "description")
        return replace(
            self,
            merchant=joined(self.merchant, "merchant") or "",
            place=joined(self.place, "city"),
            category=joined(self.category, "group"),
            item=replace(self.item, description=description),
        )


def parse_date(text: str | None) -> date | None:
    """MM/DD/YYYY (as WEX prints it) to a date."""
    return _parse_date(text.strip()) if text else None


@lru_cache(maxsize=1024)
def _parse_date(text: str) -> date | None:
    if not _DATE.match(text):
        return None
    month, day, year = (int(p) for p in text.split("/"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def report_period(text: str) -> tuple[date, date] | None:
    m = _PERIOD.search(text) or _FROM_TO.match(text.strip())
    if not m:
        return None
    start, end = parse_date(m.group(1)), parse_date(m.group(2))
    return (start, end) if start and end else None


def totals_kind(text: str) -> TotalsKind | None:
    m = _TOTALS.search(text)
    if not m:
        return None
    return _KINDS[m.group(1).lower()]


def is_furniture(text: str) -> bool:
    """A page footer (`Page 3 of 9`, `Page 3`), the report title or a selection criterion."""
    text = text.strip()
    return bool(_FOOTER.search(text) or _FURNITURE.search(text)) and not _ANY_AMOUNT.search(text)


def looks_like_charge(text: str) -> bool:
    """A date and an amount, or a 9-digit transaction number, or a total: a row that must be read, or said to
    be unread."""
    if (_ANY_DATE.search(text) and _ANY_AMOUNT.search(text)) or _REFERENCE.search(text):
        return True
    squeezed = text.replace(" ", "")
    return bool(_SQUEEZED_AMOUNT.search(squeezed)) and bool(
        _SQUEEZED_DATE.search(squeezed) or _SQUEEZED_TOTALS.search(squeezed)
    )


def _decimal(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def parse_totals(cells: dict[str, str]) -> tuple[Decimal, Decimal, Decimal] | None:
    """(gross, discount, net) of a totals row."""
    gross, discount, net = (parse_amount(cells.get(k)) for k in ("gross", "discount", "net"))
    if net is None:
        return None
    discount = discount if discount is not None else Decimal("0.00")
    return (gross if gross is not None else net + discount), discount, net


@lru_cache(maxsize=1024)
def _city_state(text: str | None) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    m = _CITY_STATE.match(text.strip())
    if not m:
        return text.strip(), None
    return m.group("city").strip() or None, m.group("state")


def _plausible(cells: dict[str, str]) -> bool:
    """Cells that a misplaced column boundary would garble: a posted date, a reference, a level."""
    posted, reference, level = cells.get("posted_date"), cells.get("reference"), cells.get("level")
    return (
        (not posted or parse_date(posted) is not None)
        and (not reference or bool(_PLAUSIBLE_REFERENCE.match(reference)))
        and (not level or len(level) <= 2)
        and bool(cells.get("merchant"))
    )


def parse_product(cells: dict[str, str]) -> StatementItem | None:
    """A product row's own columns (description, PPU, quantity, amounts), or None without an amount."""
    net = parse_amount(cells.get("net"))
    gross = parse_amount(cells.get("gross"))
    if net is None and gross is None:
        return None
    discount = parse_amount(cells.get("discount")) or Decimal("0.00")
    if gross is None:
        gross = (net or Decimal("0.00")) + discount
    if net is None:
        net = gross - discount
    return StatementItem(
        cells.get("description") or None,
        _decimal(cells.get("ppu")),
        _decimal(cells.get("quantity")),
        gross,
        discount,
        net,
    )


def parse_item(cells: dict[str, str]) -> ItemRow | None:
    """The product row in `cells`, or None when the row is not one (no transaction date or no amounts)."""
    trans = parse_date(cells.get("trans_date"))
    if trans is None or not _plausible(cells) or (item := parse_product(cells)) is None:
        return None
    return ItemRow(
        trans,
        parse_date(cells.get("posted_date")),
        cells.get("level") or None,
        cells.get("reference") or None,
        cells.get("merchant", ""),
        cells.get("city") or None,
        cells.get("group") or None,
        item,
    )
