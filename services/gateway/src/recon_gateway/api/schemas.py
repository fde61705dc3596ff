"""Response bodies of the HTTP API (the seed's contract, extended)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SessionStatus = Literal["processing", "extracting", "matching", "reporting", "completed", "failed", "expired"]


class _Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorBody(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class FileExtraction(_Orm):
    """What reading the file gave: its kind, its pages, why it failed, and what a person should check."""

    status: Literal["extracted", "failed"]
    document_kind: str | None
    pages: int | None
    error: str | None
    warnings: list[str] = Field(
        description="integrity-check mismatches, pages read by OCR (lower confidence), rows that were not understood"
    )


class UploadedFile(_Orm):
    id: uuid.UUID
    filename: str
    detected_type: str
    size_bytes: int
    status: str
    error: str | None
    extraction: FileExtraction | None = Field(default=None, description="null until the file has been read")


class Session(_Orm):
    id: uuid.UUID
    name: str | None
    status: SessionStatus
    status_message: str | None
    created_at: datetime
    expires_at: datetime
    updated_at: datetime
    upload_count: int
    total_transactions: int
    total_receipts: int
    matched_count: int


class UploadAccepted(BaseModel):
    session_id: uuid.UUID
    status: str
    created_at: datetime
    expires_at: datetime
    files: list[UploadedFile]


class SessionPage(BaseModel):
    items: list[Session]
    total: int
    page: int
    page_size: int
    has_next: bool


class Employee(_Orm):
    id: uuid.UUID
    employee_number: str | None
    name: str
    card_last_four: str | None


class Transaction(_Orm):
    id: uuid.UUID
    employee_id: uuid.UUID | None
    transaction_date: date
    post_date: date | None
    amount: Decimal
    currency: str
    merchant_name: str
    merchant_category: str | None
    description: str | None
    card_last_four: str | None
    reference_number: str | None
    is_credit: bool
    read_by: Literal["text", "ocr"] = Field(
        description='"ocr": printed on a scanned page, check it against the statement'
    )


class Receipt(_Orm):
    id: uuid.UUID
    receipt_date: date | None
    amount: Decimal | None
    currency: str | None
    vendor_name: str | None
    file_name: str
    processing_status: str
    error_message: str | None
    ocr_confidence: float | None


class MatchResult(_Orm):
    id: uuid.UUID
    transaction_id: uuid.UUID
    receipt_id: uuid.UUID | None
    confidence_score: float
    match_status: str
    match_reason: str | None
    amount_difference: Decimal | None
    date_difference_days: int | None


class SessionChange(BaseModel):
    name: str = Field(min_length=1, max_length=200, pattern=r"\S")


class SessionDetail(Session):
    uploads: list[UploadedFile]
    employees: list[Employee]
    transactions: list[Transaction] = Field(description="one page of card lines")
    receipts: list[Receipt] = Field(description="the receipts matched to the lines of this page")
    match_results: list[MatchResult] = Field(description="the matches of the lines of this page")
    page: int
    page_size: int
    lines_total: int
    has_next: bool


class Health(BaseModel):
    status: str
    database: str
    kafka: str
    timestamp: datetime
