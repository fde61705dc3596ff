"""What the review lists show of a card line, an expense entry and a receipt (the response models)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LineStatus = Literal["complete", "missing_receipt", "missing_coding", "missing_both", "missing_all_receipts", "credit"]


class _Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Cardholder(_Orm):
    id: uuid.UUID
    name: str
    employee_number: str | None = Field(description="as the statement prints it (shown, never used as an id)")
    card_last_four: str | None


class LineRef(BaseModel):
    id: uuid.UUID
    reference: str | None
    merchant: str
    amount: Decimal
    transaction_date: date


class EntryRef(_Orm):
    id: uuid.UUID
    employee: str
    expense_type: str | None
    amount: Decimal | None
    gl_account: str | None
    job: str | None


class ReceiptRef(_Orm):
    id: uuid.UUID
    file_name: str
    vendor_name: str | None
    amount: Decimal | None


class LastDecision(_Orm):
    action: str
    decided_by: str
    decided_at: datetime
    reason: str | None
    split_id: uuid.UUID | None


class Outcome(BaseModel):
    """How a line was settled: by the matcher alone, or by a reviewer (who, when, why in words)."""

    kind: Literal["auto_matched", "approved", "reassigned", "waived", "split", "unmatched"]
    by: str | None = Field(description="the reviewer, or null for the matcher")
    at: datetime | None
    reason: str | None


class CardLineView(BaseModel):
    id: uuid.UUID
    reference: str | None
    transaction_date: date
    post_date: date | None
    amount: Decimal
    merchant: str
    card_last_four: str | None
    read_by: str
    cardholder: Cardholder | None
    line_status: LineStatus | None = Field(description="null until the session has been matched")
    match_status: str | None
    needs_review: bool
    confidence: float | None
    reasons: str | None
    entry: EntryRef | None
    receipt: ReceiptRef | None
    decision: LastDecision | None = Field(description="the line's latest reviewer decision, if any")
    outcome: Outcome | None = Field(description="how the line was settled; null until the session has been matched")


class EntryView(_Orm):
    id: uuid.UUID
    employee: str
    expense_type: str | None
    entry_date: date | None
    amount: Decimal | None
    merchant: str | None
    purpose: str | None
    gl_account: str | None
    job: str | None
    phase: str | None
    cost_type: str | None
    page: int | None
    source_file: str = Field(description="the expense report the entry was read from")
    receipt_ids: list[uuid.UUID] = Field(description="the receipt images attached to the entry")
    lines: list[LineRef] = Field(description="the card lines the entry backs now (empty: unmatched)")


class ReceiptView(_Orm):
    id: uuid.UUID
    file_name: str
    vendor_name: str | None
    receipt_date: date | None
    amount: Decimal | None
    currency: str | None
    ocr_confidence: float | None
    expense_entry_id: uuid.UUID | None = Field(description="the entry it is attached to, for a report's image")
    source_file: str
    lines: list[LineRef] = Field(description="the card lines the receipt backs now (empty: unmatched)")
