"""The WEX cardholder block, wherever it starts: labels stacked one per row or side by side on one row.

A block is the run of rows that start with a block label (`Account Code:`, `Customer ID:`, `Card Number:`,
`Cardholder Name:`, `Employee ID:`). A label repeated inside the run starts the next block (a cardholder
without lines). A block that names a card or an employee but no readable cardholder is a file error: the
lines after it would be given to the wrong person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from recon_contracts.card_numbers import mask_card_numbers

from recon_extractor.errors import StatementFormatError

HolderKey = tuple[str, str | None, str | None]
"""(name, employee id, last four of the card)."""

_LABEL = re.compile(r"\b(Account Code|Customer ID|Card Number|Cardholder Name|Employee ID)\s*:", re.I)
_CANONICAL = {
    label.lower(): label for label in ("Account Code", "Customer ID", "Card Number", "Cardholder Name", "Employee ID")
}
_LAST4 = re.compile(r"(\d{4})$")
_NAME = re.compile(r"[A-Za-z]")
# A block repeated on a page its cardholder's rows continue on may say so after the name.
_CONTINUED = re.compile(r"\s*(?:[(\[]\s*(?:continued|cont'?d|cont\.?)\s*[)\]]|\bcontinued)\s*$", re.I)


def block_fields(text: str) -> list[tuple[str, str]]:
    """[(`Card Number`, `556735XXXXXX0028`), (`Cardholder Name`, `WILLIAMBURT`)] for a row that starts with a
    block label; [] for any other row. A label's value runs to the next label on the row."""
    text = text.strip()
    labels = list(_LABEL.finditer(text))
    if not labels or labels[0].start() != 0:
        return []
    ends = [m.start() for m in labels[1:]] + [len(text)]
    return [(_CANONICAL[m.group(1).lower()], text[m.end() : end].strip()) for m, end in zip(labels, ends, strict=True)]


@dataclass
class Block:
    """A block being read: its fields and the rows they came from (for the error that quotes them)."""

    page: int
    fields: dict[str, str] = field(default_factory=dict)
    rows: list[str] = field(default_factory=list)

    def has(self, label: str) -> bool:
        return label in self.fields

    def add(self, label: str, value: str, row: str) -> None:
        self.fields[label] = value
        if not self.rows or self.rows[-1] != row:
            self.rows.append(row)

    def account(self) -> str | None:
        value = self.fields.get("Account Code", "").split()
        return value[0] if value else None

    def card_first_digit(self) -> str | None:
        card = self.fields.get("Card Number", "")[:1]
        return card if card.isdigit() else None

    def holder(self) -> HolderKey | None:
        """Whose lines follow; None for an account-only block (no card, no cardholder, no employee)."""
        name = _CONTINUED.sub("", " ".join(self.fields.get("Cardholder Name", "").split()))
        if not self.has("Cardholder Name"):
            if self.has("Card Number") or self.has("Employee ID"):
                self._fail("a cardholder block without a Cardholder Name")
            return None
        if not _NAME.search(name):
            self._fail("the cardholder block's Cardholder Name is empty or unreadable")
        card = self.fields.get("Card Number")
        last4: str | None = None
        if card is not None:
            m = _LAST4.search(card.split()[0]) if card.split() else None
            if m is None:
                self._fail("the cardholder block's Card Number does not end in four digits")
            last4 = m.group(1) if m else None
        employee = self.fields.get("Employee ID", "").split()
        return name, employee[0] if employee else None, last4

    def _fail(self, problem: str) -> None:
        quoted = " / ".join(mask_card_numbers(row) for row in self.rows)
        raise StatementFormatError(f"page {self.page}: {problem} (rows: {quoted!r})")
