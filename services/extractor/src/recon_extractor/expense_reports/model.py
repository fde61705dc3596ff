"""The typed expense report every expense parser returns (PDF or tabular). Money is Decimal; refunds negative.

Numbering: `index` and `index_on_page` count from 0 (positions in a sequence), `page` from 1 (as printed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class ExpenseAttachment:
    """One receipt image embedded after an entry: where it sits, the sha256 and size of its bytes (as embedded
    for JPEG/JPEG 2000, PNG otherwise), its pixel size, and what `read_image` made of it."""

    page: int
    index_on_page: int
    sha256: str
    media_type: str
    width: int
    height: int
    receipt: Any | None = None
    size: int = 0


@dataclass(frozen=True, slots=True)
class ExpenseEntry:
    """One claimed charge: who, what, when, how much, why, where, its coding and its receipts."""

    index: int
    employee: str
    expense_type: str | None
    date: date | None
    amount: Decimal | None
    purpose: str | None
    merchant: str | None
    address: str | None
    gl_account: str | None
    job: str | None
    phase: str | None
    cost_type: str | None
    page: int | None = None
    attachments: tuple[ExpenseAttachment, ...] = ()


@dataclass(frozen=True, slots=True)
class ExpenseReport:
    """The entries in printed order, and readable warnings about what could not be read or placed."""

    entries: tuple[ExpenseEntry, ...]
    warnings: tuple[str, ...] = ()


TEXT_FIELDS = ("employee", "expense_type", "purpose", "merchant", "address", "gl_account", "job", "phase", "cost_type")
ENTRY_FIELDS = (*TEXT_FIELDS, "date", "amount")


def entry_from_fields(
    index: int,
    employee: str,
    day: date | None,
    amount: Decimal | None,
    fields: Mapping[str, str | None],
    *,
    page: int | None = None,
    attachments: tuple[ExpenseAttachment, ...] = (),
) -> ExpenseEntry:
    """An entry from the text fields a layout or a column mapping read (the other TEXT_FIELDS by name)."""
    return ExpenseEntry(
        index=index,
        employee=employee,
        expense_type=fields.get("expense_type"),
        date=day,
        amount=amount,
        purpose=fields.get("purpose"),
        merchant=fields.get("merchant"),
        address=fields.get("address"),
        gl_account=fields.get("gl_account"),
        job=fields.get("job"),
        phase=fields.get("phase"),
        cost_type=fields.get("cost_type"),
        page=page,
        attachments=attachments,
    )
