"""Response bodies of the HTTP API (the seed's contract, extended)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SessionStatus = Literal[
    "processing", "extracting", "matching", "reporting", "completed", "needs_attention", "failed", "expired"
]


class _Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorBody(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class Finding(BaseModel):
    """Something on a statement the reader could not account for: its lines may be wrong or incomplete."""

    # A plain string: the readers may learn new kinds without the API refusing to show them.
    kind: str = Field(
        description="unread_row: looks like a charge but was not read; total_mismatch: a printed total the lines "
        "contradict; balance_mismatch: a printed balance that does not add up; unconfirmed_rows: rows read with "
        "guessed columns that no printed total confirms; date_order: dates that could be day-first or month-first",
        examples=["unread_row"],
    )
    message: str
    page: int | None


class FileExtraction(_Orm):
    """What reading the file gave: its kind, its pages, why it failed, and what a person should check."""

    status: Literal["extracted", "failed", "duplicate"] = Field(
        description="duplicate: the very same file was already read into the session; nothing was added"
    )
    document_kind: str | None
    pages: int | None
    error: str | None
    warnings: list[str] = Field(
        description="integrity-check mismatches, pages read by OCR (lower confidence), rows that were not understood"
    )
    findings: list[Finding] = Field(
        description="what the statement reader could not account for; the session needs attention until a "
        "reviewer accepts them or a corrected statement is uploaded"
    )
    duplicate_of: uuid.UUID | None = Field(description="the upload this file repeats")
    period_start: date | None
    period_end: date | None


class FindingsAcceptance(BaseModel):
    """A reviewer's word that a file's findings are understood and its lines may go to the AP import."""

    accepted_by: str
    accepted_at: datetime
    reason: str


class UploadedFile(_Orm):
    id: uuid.UUID
    filename: str
    detected_type: str
    size_bytes: int
    status: str
    error: str | None
    extraction: FileExtraction | None = Field(default=None, description="null until the file has been read")
    findings_acceptance: FindingsAcceptance | None = Field(
        default=None, description="null until a reviewer accepts the file's findings"
    )


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
    matched_count: int = Field(description="card lines matched to a receipt (automatically or by a reviewer)")
    open_lines: int = Field(
        default=0, description="card lines that miss a receipt, coding or both, as last matched (the exceptions)"
    )
    period_start: date | None = Field(description="the period of the session's first statement")
    period_end: date | None


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


class StatementPeriod(BaseModel):
    start: date | None
    end: date


class SessionDetail(Session):
    uploads: list[UploadedFile]
    employees: list[Employee]
    transactions: list[Transaction] = Field(description="one page of card lines")
    receipts: list[Receipt] = Field(description="the receipts matched to the lines of this page")
    match_results: list[MatchResult] = Field(description="the matches of the lines of this page")
    attention: list[str] = Field(
        description="why the session needs a person (status needs_attention), in plain words; empty otherwise"
    )
    periods: list[StatementPeriod] = Field(
        description="the statement periods the session holds: one, or more when a statement of another period "
        "was allowed in (allow_other_period)"
    )
    page: int
    page_size: int
    lines_total: int
    has_next: bool


class Health(BaseModel):
    status: str
    database: str
    kafka: str
    timestamp: datetime
